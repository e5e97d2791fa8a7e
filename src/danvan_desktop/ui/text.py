"""What the window says: translation through Qt, and dates written dd/MM/yyyy.

Every string a user reads is Vietnamese source text passed to
``tr("Context", "text {param}", param=...)``, which asks Qt's installed
translators (``ui_en.qm`` when the language is English) and then fills the
placeholders. One helper rather than ``self.tr``: PySide6 takes ``self.tr``'s
context from the Python subclass, so a string would change context when a class
is renamed or subclassed, and placeholders need formatting anyway. The same
``tr`` name lets ``scripts/i18n_extract.py`` collect the UI's strings into
``resources/translations/ui_en.ts`` like everyone else's.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

DATE_FORMAT = "dd/MM/yyyy"  # Qt's display format for date editors


def tr(context: str, text: str, /, **params: object) -> str:
    """Translate ``text`` of ``context`` with Qt's translators, then fill its placeholders."""
    out = QCoreApplication.translate(context, text)
    return out.format(**params) if params else out


def date_text(value: str | dt.date | None) -> str:
    """A stored date (ISO text or date) as dd/MM/yyyy; empty for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def local_time_text(iso: str | None) -> str:
    """A stored UTC timestamp as local dd/MM/yyyy HH:mm (empty for none)."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def number_text(value: float | int | None) -> str:
    """A number the Vietnamese way: comma for decimals, dot between thousands."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")
