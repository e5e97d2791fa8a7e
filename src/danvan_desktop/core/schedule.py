"""When things fall due by the team's regulation: meetings and periodic reviews.

Pure date arithmetic with the clock passed in (``today``), so reminders are
tested without waiting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3}


@dataclass(frozen=True)
class Due:
    """Something the regulation asks for, and when."""

    what: str  # regular | half_year | year_end
    period_start: dt.date
    due_on: dt.date
    overdue: bool


def _days_in(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def _clamp_day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _days_in(year, month)))


def period_of(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the meeting period (month or quarter) containing ``day``."""
    months = PERIOD_MONTHS.get(period, 1)
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    last_month = first_month + months - 1
    end = dt.date(day.year, last_month, _days_in(day.year, last_month))
    return start, end


def next_meeting_due(
    *, period: str, meeting_day: int | None, held: list[dt.date], today: dt.date
) -> Due:
    """The regular meeting due now: this period's if not yet held, else the next period's."""
    start, end = period_of(today, period)
    if any(start <= d <= end for d in held):
        start, end = period_of(end + dt.timedelta(days=1), period)
    due_month = end.month if period == "quarterly" else start.month
    due_on = _clamp_day(start.year, due_month, meeting_day or 25)
    due_on = min(max(due_on, start), end)
    return Due("regular", start, due_on, overdue=today > due_on)


def reviews_due(
    *, periods: list[str], held: dict[str, list[dt.date]], today: dt.date, warn_days: int = 30
) -> list[Due]:
    """Half-year and year-end reviews due within ``warn_days`` or overdue and not yet held."""
    out: list[Due] = []
    checks = []
    if "half_year" in periods:
        checks.append(("half_year", dt.date(today.year, 1, 1), dt.date(today.year, 6, 30)))
    if "year" in periods:
        checks.append(("year_end", dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)))
        if today.month == 1:  # last year's review may still be owed in January
            checks.append(
                ("year_end", dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
            )
    for what, start, due_on in checks:
        done = any(start <= d <= due_on + dt.timedelta(days=45) for d in held.get(what, []))
        if done:
            continue
        if today > due_on and today - due_on > dt.timedelta(days=45):
            continue
        if (due_on - today).days <= warn_days:
            out.append(Due(what, start, due_on, overdue=today > due_on))
    return out
