"""Text every renderer writes the same way: number line, date line, values, recipients."""

from __future__ import annotations

import unicodedata

from danvan_desktop.core import vndate
from danvan_desktop.reports.document import CellValue, Column, Document, Recipients
from danvan_desktop.reports.presets import Preset


def nfc(text: str) -> str:
    """Text in Unicode NFC: fonts carry precomposed Vietnamese letters, not loose marks."""
    return unicodedata.normalize("NFC", text)


def number_line(document: Document, preset: Preset) -> str:
    """ "Số: 05/BC-TDV" (state) or "Số 05-BC/CB" (Party); a draft leaves the number blank."""
    make = vndate.party_number if preset.number_format == "party" else vndate.state_number
    return make(document.number, document.kind.value, document.unit_abbreviation)


def place_date_line(document: Document) -> str:
    """ "Huế, ngày 05 tháng 01 năm 2026"."""
    return vndate.place_date_line(document.place, document.date)


def format_value(value: CellValue, column: Column, preset: Preset) -> str:
    """A table value as text: Vietnamese digit grouping "1.234" and decimal comma "2,5"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise ValueError("a table cell holds a bool; write it as text")
    if isinstance(value, int):
        text = f"{value:,}" if column.group_thousands else str(value)
        return text.replace(",", preset.thousands_separator)
    pattern = ",.2f" if column.group_thousands else ".2f"
    grouped = format(value, pattern).rstrip("0").rstrip(".")
    swapped = grouped.replace(",", "\0").replace(".", preset.decimal_separator)
    return swapped.replace("\0", preset.thousands_separator)


def recipient_lines(recipients: Recipients, preset: Preset) -> list[str]:
    """The lines under "Nơi nhận:": "- item;" each, then "- Lưu: ...." last."""
    lines = [f"- {item.strip().rstrip(';.,')};" for item in recipients.items]
    archive = recipients.archive.strip().rstrip(";.,")
    lines.append(f"- {preset.archive_prefix}{archive}.")
    return lines
