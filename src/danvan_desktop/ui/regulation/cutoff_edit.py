"""The box of a review's cut-off day: typed as a leader writes it (15/6), kept as "06-15".

The store keeps a cut-off as "MM-DD" (core/schedule.py); a leader reads and types a day
and a month. What is typed stays as typed: a text that is no day of the year is handed
to the store as it is, and the store's refusal is shown beside the box.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit, QWidget

from danvan_desktop.core.schedule import parse_cutoff
from danvan_desktop.ui.text import tr

_DAY_MONTH = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*")


def stored_cutoff(typed: str) -> str | None:
    """ "15/6" (or 15-6, 15.06) as "06-15"; None when empty; any other text as typed."""
    text = typed.strip()
    if not text:
        return None
    match = _DAY_MONTH.fullmatch(text)
    if match is None:
        return text
    day, month = int(match[1]), int(match[2])
    stored = f"{month:02d}-{day:02d}"
    return stored if parse_cutoff(stored) else text


def shown_cutoff(stored: object) -> str:
    """A stored "06-15" as "15/06" (anything else as it is; None as empty)."""
    parsed = parse_cutoff(stored)
    if parsed is None:
        return "" if stored is None else str(stored)
    month, day = parsed
    return f"{day:02d}/{month:02d}"


class CutoffEdit(QLineEdit):
    """A day and month, e.g. 15/06; empty means the default shown as a hint."""

    def __init__(self, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("RegulationPage", "Để trống: {day}", day=shown_cutoff(default)))

    def value(self) -> str | None:
        """What the store keeps ("MM-DD"), the text as typed when it is no day, or None."""
        return stored_cutoff(self.text())

    def set_value(self, stored: object) -> None:
        """Show a stored cut-off."""
        self.setText(shown_cutoff(stored))
