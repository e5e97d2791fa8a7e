"""Cells and names of the XLSX renderer: sheet names Excel accepts, dates as dates.

Excel refuses a sheet name longer than 31 characters or holding any of []:*?/\\; a
title is cut there at a word boundary, so a name never ends mid-word. A table cell
written "dd/mm/yyyy" (how the builders write a day) is a real date in the sheet,
shown dd/mm/yyyy, so it sorts and filters as a date.
"""

from __future__ import annotations

import datetime as dt
import re

from danvan_desktop.reports.common import nfc
from danvan_desktop.reports.document import CellValue

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LIMIT = 31
_SHORT_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
DATE_FORMAT = "dd/mm/yyyy"


def _shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary (mid-word only when its first
    word alone is longer), without a dangling comma or dash."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    return cut[:limit].rstrip(" ,;:-–")


def sheet_name(title: str, index: int, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters at most, none of []:*?/\\), cut at a word."""
    clean_title = " ".join(_SHEET_FORBIDDEN.sub(" ", nfc(title)).split())
    name = _shortened(clean_title, SHEET_NAME_LIMIT) or f"Bảng {index}"
    candidate, suffix = name, 2
    while candidate.lower() in taken:
        tail = f" ({suffix})"
        candidate = _shortened(clean_title or name, SHEET_NAME_LIMIT - len(tail)) + tail
        suffix += 1
    taken.add(candidate.lower())
    return candidate


def as_date(value: CellValue) -> dt.date | None:
    """A "dd/mm/yyyy" cell as the date it names (None for anything else)."""
    if not isinstance(value, str):
        return None
    match = _SHORT_DATE.fullmatch(value.strip())
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
