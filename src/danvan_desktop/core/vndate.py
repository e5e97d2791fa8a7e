"""Dates and document numbers written the way Vietnamese official documents write them.

Decree 30/2020 (annex I) fixes the place-date line ("Huế, ngày 05 tháng 01 năm
2026": a leading zero for days under 10 and for the months 1 and 2 only, so that
nobody can add a digit by hand later) and the state number "Số: 05/BC-TDV";
Party guidance 36-HD/VPTW writes the number "Số 12-BC/CB". Numbers under 10 take
a leading zero in both.

Dates typed into a field are read the way leaders type them in Excel
(``parse_typed_date``, ``parse_typed_date_time``): day first, then month, then year,
separated by "/", "-", "." or spaces ("15/3/2026", "15-03-2026", "15.03.2026"), or
run together as eight digits ("15032026"); ISO dates ("2026-03-15") are read too. A
two-digit year follows Python's ``%y`` (POSIX) rule: 00-68 are 2000-2068, 69-99 are
1969-1999, so "1/3/26" is 01/03/2026. A time is "08:30", "8:30", "8h30", "8h",
"8 giờ 30" or four digits "0830". What cannot be read comes back as a
``TypedProblem`` naming what is wrong (the window words it). Pure functions,
standard library only.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time
from typing import Literal, NamedTuple

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


def short_date_time(moment: datetime) -> str:
    """A local time as dd/MM/yyyy HH:mm, e.g. "05/01/2026 08:30"."""
    return f"{short_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


# -- dates as typed ---------------------------------------------------------------------
FIRST_YEAR = 1900
LAST_YEAR = 2099
# Python's %y (POSIX): a two-digit year up to this one is in the 2000s, above it the 1900s.
LAST_2000S_SHORT_YEAR = 68

ProblemCode = Literal[
    "not_a_date",  # nothing like a date: "abc", "15"
    "no_year",  # day and month only: "15/3"
    "year_digits",  # a year of 1 or 3 digits: "15/3/202"
    "year_range",  # outside 1900-2099: "15/3/0026"
    "no_such_month",  # "15/13/2026"
    "no_such_day",  # "31/02/2026", "32/01/2026"
    "not_a_time",  # nothing like a time: "15/03/2026 abc"
    "no_such_time",  # "25:00", "08:75"
    "no_time",  # a date-time field holding a date only
    "not_a_date_time",  # nothing like a date and time
]


class TypedProblem(NamedTuple):
    """Why typed text is not a date (or time): the code, the text at fault, the numbers read.

    ``last_day`` is the last day of ``month``/``year`` (for "no_such_day").
    """

    code: ProblemCode
    text: str
    day: int = 0
    month: int = 0
    year: int = 0
    hour: int = 0
    minute: int = 0
    last_day: int = 0


_SEP = r"(?:\s*[/.\-]\s*|\s+)"
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d+)")
_DAY_MONTH = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"\d+")
_TIME = re.compile(r"(\d{1,2})\s*(?::|\.|h|giờ)\s*(?:(\d{2})\s*(?:phút|p)?)?", re.IGNORECASE)
_TIME_DIGITS = re.compile(r"(\d{1,2})(\d{2})")
_T_BETWEEN_DIGITS = re.compile(r"(?<=\d)t(?=\d)", re.IGNORECASE)


def _full_year(digits: str) -> int | None:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        short = int(digits)
        return 2000 + short if short <= LAST_2000S_SHORT_YEAR else 1900 + short
    return None


def _date_parts(text: str) -> tuple[str, str, str] | TypedProblem:
    """Day, month and year digits of ``text`` (stripped), or why there are none."""
    for pattern, order in ((_ISO_DATE, (2, 1, 0)), (_DAY_MONTH_YEAR, (0, 1, 2))):
        match = pattern.fullmatch(text)
        if match is not None:
            groups = match.groups()
            return groups[order[0]], groups[order[1]], groups[order[2]]
    if _DIGITS.fullmatch(text) is not None:
        if len(text) in (6, 8):
            return text[:2], text[2:4], text[4:]
        if len(text) == 4:
            return TypedProblem("no_year", text, day=int(text[:2]), month=int(text[2:]))
    if _DAY_MONTH.fullmatch(text) is not None:
        return TypedProblem("no_year", text)
    return TypedProblem("not_a_date", text)


def parse_typed_date(text: str) -> date | TypedProblem | None:
    """The date typed in ``text`` (None when it is empty), or why it is not one."""
    typed = " ".join(text.split())
    if not typed:
        return None
    parts = _date_parts(typed)
    if isinstance(parts, TypedProblem):
        return parts
    day, month = int(parts[0]), int(parts[1])
    year = _full_year(parts[2])
    if year is None:
        return TypedProblem("year_digits", typed, day=day, month=month)
    found = TypedProblem("not_a_date", typed, day=day, month=month, year=year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return found._replace(code="year_range")
    if not 1 <= month <= 12:
        return found._replace(code="no_such_month")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        return found._replace(code="no_such_day", last_day=last_day)
    return date(year, month, day)


def parse_typed_time(text: str) -> time | TypedProblem:
    """The time of day typed in ``text`` (24-hour), or why it is not one."""
    typed = " ".join(text.split())
    match = _TIME.fullmatch(typed) or _TIME_DIGITS.fullmatch(typed)
    if match is None:
        return TypedProblem("not_a_time", typed)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return TypedProblem("no_such_time", typed, hour=hour, minute=minute)
    return time(hour, minute)


def _splits(text: str) -> list[tuple[str, str]]:
    """Every way to cut ``text`` at a space into a date part and a time part, last cut first."""
    cuts = [m.start() for m in re.finditer(" ", text)]
    return [(text[:cut], text[cut + 1 :]) for cut in reversed(cuts)]


def parse_typed_date_time(text: str) -> datetime | TypedProblem | None:
    """The local date and time typed in ``text`` (None when empty), or why it is not one.

    The date comes first, then a space, then the time: "15/03/2026 08:30",
    "15/3/2026 8h30", "15032026 0830", "2026-03-15T08:30".
    """
    typed = " ".join(_T_BETWEEN_DIGITS.sub(" ", text).split())
    if not typed:
        return None
    tried: list[tuple[date | TypedProblem | None, time | TypedProblem]] = []
    for date_part, time_part in _splits(typed):
        day, at = parse_typed_date(date_part), parse_typed_time(time_part)
        if isinstance(day, date) and isinstance(at, time):
            return datetime.combine(day, at)
        tried.append((day, at))
    whole = parse_typed_date(typed)
    if isinstance(whole, date):
        return TypedProblem("no_time", typed)
    for day, at in tried:  # a real date, then a time that is not one: the time is wrong
        if isinstance(day, date) and isinstance(at, TypedProblem):
            return at
    for day, at in tried:  # a date-shaped date that is not real, then a real time
        if isinstance(at, time) and isinstance(day, TypedProblem) and day.code != "not_a_date":
            return day
    if isinstance(whole, TypedProblem) and whole.code != "not_a_date":
        return whole
    return TypedProblem("not_a_date_time", typed)
