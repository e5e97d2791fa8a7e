"""Where a half-year or year-end review meeting counts in the periodic reports.

A review (sơ kết 6 tháng, tổng kết năm) looks back on a period (``core.schedule``:
``HeldReview.year``, from the period it covers, or by default from the day it was held
and the village's regulation cut-off days). The half-year and year reports place it by
that period, not by the day it was held: a year-end review held on 10/01/2027 covering
2026 counts in 2026's year report (and its second half), never in 2027's; a half-year
review counts in the first half of the year it reviews, a year-end review in the second.
Whether it is held is judged on the report's issue day, so a 2026 report written on
20/01/2027 counts the review of 10/01/2027 and one written on 05/01/2027 names it as
planned. A month or quarter report tells what happened in its days, so it places every
meeting, a review too, by its day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.schedule import REVIEW_KINDS, HeldReview, is_held
from danvan_desktop.reports.builders.periods import ReportPeriod
from danvan_desktop.reports.builders.scope import Scope

PLACED_BY_COVER = ("half_year", "year")  # report periods that place reviews by cover
_KINDS_SQL = ", ".join(f"'{kind}'" for kind in REVIEW_KINDS)


@dataclass(frozen=True)
class PlacedReview:
    """A review meeting (its first version) that counts in a report's period."""

    id: str
    unit_id: str
    kind: str
    day: dt.date


def places_by_cover(period: ReportPeriod) -> bool:
    """True when ``period``'s report places review meetings by the period they cover."""
    return period.kind in PLACED_BY_COVER


def counts_in(kind: str, year: int, period: ReportPeriod) -> bool:
    """True when a review of ``kind`` for ``year`` belongs to the report of ``period``."""
    if year != period.year:
        return False
    if period.kind == "year":
        return True
    return (kind == "half_year") == (period.start.month == 1)


def _date(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(text)[:10]) if text else None


def placed_reviews(db: Database, scope: Scope, period: ReportPeriod) -> list[PlacedReview]:
    """The scope's review meetings that count in ``period`` (none for a month or quarter:
    those take reviews by their day), held or planned, oldest first."""
    if not places_by_cover(period):
        return []
    cutoffs = {unit.id: unit.cutoffs for unit in scope.units}
    # A review of year Y is held from about mid-Y to mid-(Y+1): a year either side is ample.
    rows = db.execute(
        "SELECT id, unit_id, kind, starts_at, covers_from, covers_to FROM meeting "
        f"WHERE deleted = 0 AND supersedes_id IS NULL AND kind IN ({_KINDS_SQL}) "
        f"AND starts_at >= ? AND starts_at < ? AND {scope.in_clause()} "
        "ORDER BY starts_at, rowid",
        [f"{period.year - 1:04d}-01-01", f"{period.year + 2:04d}-01-01", *scope.unit_ids],
    ).fetchall()
    found = []
    for record_id, unit_id, kind, starts_at, covers_from, covers_to in rows:
        day = _date(starts_at)
        if day is None:
            continue
        review = HeldReview(day, _date(covers_from), _date(covers_to))
        if counts_in(kind, review.year(kind, cutoffs[unit_id]), period):
            found.append(PlacedReview(str(record_id), str(unit_id), str(kind), day))
    return found


def held_review_ids(reviews: list[PlacedReview], issued_on: dt.date) -> list[str]:
    """The ids of ``reviews`` held by the issue day."""
    return [review.id for review in reviews if is_held(review.day, issued_on)]


def planned_review_ids(reviews: list[PlacedReview], issued_on: dt.date) -> list[str]:
    """The ids of ``reviews`` dated after the issue day: planned, not held."""
    return [review.id for review in reviews if not is_held(review.day, issued_on)]


def meetings_in(
    period: ReportPeriod, start: str, before: str, review_ids: list[str], alias: str = ""
) -> tuple[str, list[str]]:
    """The SQL condition (and its parameters) keeping the meetings of ``period`` dated
    ``start <= starts_at < before``; in a half-year or year report the reviews are instead
    the ``review_ids`` (placed by the period they cover), whatever their day. ``alias``
    ("m.") prefixes the meeting's columns."""
    by_day = f"{alias}starts_at >= ? AND {alias}starts_at < ?"
    if not places_by_cover(period):
        return f"({by_day})", [start, before]
    marks = ", ".join("?" for _ in review_ids) or "NULL"
    return (
        f"(({by_day} AND {alias}kind NOT IN ({_KINDS_SQL})) OR {alias}id IN ({marks}))",
        [start, before, *review_ids],
    )
