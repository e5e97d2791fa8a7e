"""When things fall due by the team's regulation: meetings and periodic reviews.

Pure date arithmetic with the clock passed in (``today``), so reminders are
tested without waiting.

What counts as *held* is defined here once (:func:`is_held`): a meeting is held once
its day has come, dated today or before; a meeting dated later is planned, whatever
its state. Reminders, the overview and the reports all count with it.

A half-year or year-end review (sơ kết 6 tháng, tổng kết năm) covers a period: from the
day after last year's year cut-off to this year's half-year or year cut-off, the
regulation's settings (:class:`Cutoffs`, "MM-DD" text; by default 15/6 and 15/12). A
meeting records the period it covers (``covers_from``, ``covers_to``), defaulted by
:func:`review_period` and editable; a review without one (made by an earlier release)
covers its default. A year-end review held before the half-year cut-off looks back on
the year before: one held in January 2027 covers 2026, plans 2027, and is 2026's review,
not 2027's. Reminders follow the covered period (:func:`reviews_due`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3}
REVIEW_KINDS = ("half_year", "year_end")  # meeting kinds that review a period
# The regulation's reporting periods that ask for each review.
REVIEW_REPORTING = {"half_year": "half_year", "year_end": "year"}
# The regulation's cut-off days ("MM-DD"; regulation.half_year_cutoff, .year_cutoff).
DEFAULT_HALF_YEAR_CUTOFF = "06-15"
DEFAULT_YEAR_CUTOFF = "12-15"
REVIEW_GRACE = dt.timedelta(days=45)  # a review still reminded of this long after its due day
_CUTOFF = re.compile(r"([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True)
class Due:
    """Something the regulation asks for, and when."""

    what: str  # regular | half_year | year_end
    period_start: dt.date  # a review's: the first day of the period it covers
    due_on: dt.date
    overdue: bool
    year: int | None = None  # a review's: the year it reviews (None for a regular meeting)


def is_held(day: dt.date, today: dt.date) -> bool:
    """True when a meeting on ``day`` counts as held on ``today`` (dated today or before)."""
    return day <= today


def held_days(days: Iterable[dt.date], today: dt.date) -> list[dt.date]:
    """The days of ``days`` that are held by ``today`` (the later ones are only planned)."""
    return [day for day in days if is_held(day, today)]


def held_before(today: dt.date) -> str:
    """The ISO bound a held meeting's ``starts_at`` is below (``starts_at < held_before``).

    The day after ``today``: "2026-05-10T19:00" and "2026-05-10" are held on 10 May,
    "2026-05-11" is not. Queries use it where :func:`is_held` cannot be called per row.
    """
    return (today + dt.timedelta(days=1)).isoformat()


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
    """The regular meeting due now: this period's if not yet held, else the next period's.

    Only days of ``held`` up to ``today`` count: a meeting planned for later this period
    does not make this period's meeting done.
    """
    start, end = period_of(today, period)
    if any(start <= d <= end for d in held_days(held, today)):
        start, end = period_of(end + dt.timedelta(days=1), period)
    due_month = end.month if period == "quarterly" else start.month
    due_on = _clamp_day(start.year, due_month, meeting_day or 25)
    due_on = min(max(due_on, start), end)
    return Due("regular", start, due_on, overdue=today > due_on)


# -- reviews and the periods they cover --------------------------------------------------
def parse_cutoff(text: object) -> tuple[int, int] | None:
    """A cut-off day written "MM-DD" as (month, day); None when it is not one (a day of a
    common year: "02-29" is not one, so every year has the day)."""
    match = _CUTOFF.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    month, day = int(match[1]), int(match[2])
    if not 1 <= month <= 12 or not 1 <= day <= _days_in(2001, month):
        return None
    return month, day


@dataclass(frozen=True)
class Cutoffs:
    """The regulation's cut-off days: the last day the half-year and the year count."""

    half_year: tuple[int, int] = (6, 15)  # (month, day)
    year: tuple[int, int] = (12, 15)

    @classmethod
    def of(cls, regulation: Mapping[str, Any]) -> Cutoffs:
        """The cut-offs a regulation record sets (the defaults where unset or unreadable)."""
        half = parse_cutoff(regulation.get("half_year_cutoff"))
        year = parse_cutoff(regulation.get("year_cutoff"))
        return cls(half or cls.half_year, year or cls.year)

    def close(self, kind: str, year: int) -> dt.date:
        """The last day the review of ``kind`` for ``year`` covers."""
        month, day = self.half_year if kind == "half_year" else self.year
        return dt.date(year, month, day)


def review_year(kind: str, held_on: dt.date, cutoffs: Cutoffs | None = None) -> int:
    """The year a review of ``kind`` held on ``held_on`` looks back on by default: a
    year-end review held before the half-year cut-off reviews the year before."""
    cutoffs = cutoffs or Cutoffs()
    if kind == "year_end" and held_on <= cutoffs.close("half_year", held_on.year):
        return held_on.year - 1
    return held_on.year


def year_period(kind: str, year: int, cutoffs: Cutoffs | None = None) -> tuple[dt.date, dt.date]:
    """The period the review of ``kind`` for ``year`` covers: from the day after the year
    before's year cut-off to this year's half-year (or year) cut-off."""
    cutoffs = cutoffs or Cutoffs()
    start = cutoffs.close("year_end", year - 1) + dt.timedelta(days=1)
    return start, cutoffs.close(kind, year)


def review_period(
    kind: str, held_on: dt.date, cutoffs: Cutoffs | None = None
) -> tuple[dt.date, dt.date]:
    """The period a review of ``kind`` held on ``held_on`` covers by default."""
    return year_period(kind, review_year(kind, held_on, cutoffs), cutoffs)


def covered_year(covers_from: dt.date, covers_to: dt.date) -> int:
    """The year a covered period reviews: the one its middle day falls in (16/12/2025 to
    15/12/2026 is 2026)."""
    return (covers_from + (covers_to - covers_from) / 2).year


@dataclass(frozen=True)
class HeldReview:
    """A review meeting: its day and the period it covers (None: the default one)."""

    held_on: dt.date
    covers_from: dt.date | None = None
    covers_to: dt.date | None = None

    def year(self, kind: str, cutoffs: Cutoffs | None = None) -> int:
        """The year this review of ``kind`` counts for."""
        if self.covers_from is not None and self.covers_to is not None:
            return covered_year(self.covers_from, self.covers_to)
        return review_year(kind, self.held_on, cutoffs)


def _review_due_on(kind: str, year: int, cutoffs: Cutoffs) -> dt.date:
    """When the review for ``year`` falls due: the end of its cut-off's month."""
    close = cutoffs.close(kind, year)
    return dt.date(year, close.month, _days_in(year, close.month))


def reviews_due(
    *,
    periods: list[str],
    held: Mapping[str, Iterable[dt.date | HeldReview]],
    today: dt.date,
    warn_days: int = 30,
    cutoffs: Cutoffs | None = None,
) -> list[Due]:
    """Half-year and year-end reviews due within ``warn_days`` or overdue (for up to
    ``REVIEW_GRACE``) and not yet held.

    ``held`` gives each review kind's meetings (a bare day: a review covering its default
    period). A review counts for the year its covered period reviews, once held (one
    planned after ``today`` is not held yet): January's year-end review of last year
    settles last year's, never this year's.
    """
    cutoffs = cutoffs or Cutoffs()
    out: list[Due] = []
    for year in (today.year - 1, today.year):
        for what in REVIEW_KINDS:
            if REVIEW_REPORTING[what] not in periods:
                continue
            due_on = _review_due_on(what, year, cutoffs)
            if today - due_on > REVIEW_GRACE or (due_on - today).days > warn_days:
                continue
            if year in _years_reviewed(what, held.get(what, ()), today, cutoffs):
                continue
            start = year_period(what, year, cutoffs)[0]
            out.append(Due(what, start, due_on, overdue=today > due_on, year=year))
    return out


def _years_reviewed(
    kind: str, reviews: Iterable[dt.date | HeldReview], today: dt.date, cutoffs: Cutoffs
) -> set[int]:
    years = set()
    for review in reviews:
        item = review if isinstance(review, HeldReview) else HeldReview(review)
        if is_held(item.held_on, today):
            years.add(item.year(kind, cutoffs))
    return years
