"""Dates and document numbers written the way Vietnamese official documents write them.

Decree 30/2020 (annex I) fixes the place-date line ("Huế, ngày 05 tháng 01 năm
2026": a leading zero for days under 10 and for the months 1 and 2 only, so that
nobody can add a digit by hand later) and the state number "Số: 05/BC-TDV";
Party guidance 36-HD/VPTW writes the number "Số 12-BC/CB". Numbers under 10 take
a leading zero in both. Pure functions, standard library only.
"""

from __future__ import annotations

import re
from datetime import date

# A draft has no number yet: the gap leaves room to write it in by hand, as the
# printed templates do.
DRAFT_NUMBER_GAP = "     "

_SHORT_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def day_text(day: int) -> str:
    """The day of month as written in a date line: "05" for 5, "15" for 15."""
    if not 1 <= day <= 31:
        raise ValueError(f"day out of range: {day}")
    return f"{day:02d}"


def month_text(month: int) -> str:
    """The month as written in a date line: "01", "02", then "3" to "12"."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    # Only 1 and 2 take the zero: "tháng 1" could become "tháng 11" or "tháng 12".
    return f"{month:02d}" if month <= 2 else str(month)


def place_date_line(place: str, on: date) -> str:
    """The place-date line, e.g. "Huế, ngày 05 tháng 01 năm 2026"."""
    return f"{place}, ngày {day_text(on.day)} tháng {month_text(on.month)} năm {on.year}"


def number_text(number: int) -> str:
    """A document number with a leading zero under 10: "05", "12", "120"."""
    if number < 1:
        raise ValueError(f"document numbers start at 1, got {number}")
    return f"{number:02d}"


def state_number(number: int | None, type_code: str, unit_abbreviation: str) -> str:
    """The state-style number line, e.g. "Số: 05/BC-TDV"; None (a draft) leaves a gap."""
    shown = DRAFT_NUMBER_GAP if number is None else number_text(number)
    return f"Số: {shown}/{type_code}-{unit_abbreviation}"


def party_number(number: int | None, type_code: str, unit_abbreviation: str) -> str:
    """The Party-style number line, e.g. "Số 12-BC/CB"; None (a draft) leaves a gap."""
    shown = DRAFT_NUMBER_GAP if number is None else number_text(number)
    return f"Số {shown}-{type_code}/{unit_abbreviation}"


def short_date(on: date) -> str:
    """A date as dd/MM/yyyy, e.g. "05/01/2026"."""
    return f"{on.day:02d}/{on.month:02d}/{on.year:04d}"


def parse_short_date(text: str) -> date:
    """Read a dd/MM/yyyy (or d/M/yyyy) date; ValueError when it is not a real date."""
    match = _SHORT_DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a dd/MM/yyyy date: {text!r}")
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)
