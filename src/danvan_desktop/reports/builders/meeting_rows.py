"""The meetings a periodic report lists, each with its counts, read in a few queries.

The conventions are figures.py's: a meeting once, by its first version; held when dated
on or before the report's date, planned after; a half-year or year report places a review
by the period it covers (review_placement.py); a team meeting's «có mặt x/y» counts the
team's whole roster on its day, as the minutes do (``core.meeting_roster``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.meeting_roster import members_at, present_of, roster_on
from danvan_desktop.core.schedule import held_before
from danvan_desktop.reports.builders.figures import day_of
from danvan_desktop.reports.builders.periods import ReportPeriod
from danvan_desktop.reports.builders.review_placement import (
    held_review_ids,
    meetings_in,
    placed_reviews,
    planned_review_ids,
)
from danvan_desktop.reports.builders.scope import Scope


@dataclass(frozen=True)
class MeetingRow:
    """One meeting of the period as a report lists it."""

    day: dt.date
    title: str
    kind: str
    unit_name: str
    present: int
    members: int
    opinions: int
    tasks: int


def meeting_rows(
    db: Database,
    scope: Scope,
    period: ReportPeriod,
    *,
    as_of: dt.date,
    issued_on: dt.date | None = None,
) -> list[MeetingRow]:
    """The period's meetings held by ``as_of`` (first versions), oldest first, with counts;
    a review placed by cover when held by ``issued_on`` (review_placement.py)."""
    reviews = held_review_ids(placed_reviews(db, scope, period), issued_on or as_of)
    start = period.start.isoformat()
    return _meetings_between(db, scope, start, held_before(as_of), period, reviews)


def planned_meetings(
    db: Database,
    scope: Scope,
    period: ReportPeriod,
    *,
    as_of: dt.date,
    issued_on: dt.date | None = None,
) -> list[MeetingRow]:
    """The period's meetings dated after ``as_of``: planned, not held (a review placed by
    cover: dated after ``issued_on``)."""
    reviews = planned_review_ids(placed_reviews(db, scope, period), issued_on or as_of)
    return _meetings_between(db, scope, held_before(as_of), period.after_end, period, reviews)


def _meetings_between(
    db: Database,
    scope: Scope,
    start: str,
    before: str,
    period: ReportPeriod,
    reviews: list[str],
) -> list[MeetingRow]:
    """Meetings of ``period`` with ``start <= starts_at < before`` (in a half-year or year
    report, the reviews are ``reviews`` instead), oldest first."""
    start, before = max(start, period.start.isoformat()), min(before, period.after_end)
    names = {u.id: u.name for u in scope.units}
    window, window_params = meetings_in(period, start, before, reviews, "m.")
    in_scope = scope.in_clause("m.unit_id")
    where = f"m.deleted = 0 AND m.supersedes_id IS NULL AND {window} AND {in_scope}"
    params = [*window_params, *scope.unit_ids]
    meetings = list(
        db.query(
            "SELECT m.id, m.starts_at, m.title, m.kind, m.unit_id, m.team_id, m.chair, "
            "m.secretary, "
            "(SELECT count(*) FROM opinion o WHERE o.meeting_id = m.id AND o.deleted = 0) "
            "AS opinions, "
            "(SELECT count(*) FROM task t WHERE t.meeting_id = m.id AND t.deleted = 0) AS tasks "
            f"FROM meeting m WHERE {where} ORDER BY m.starts_at, m.rowid",
            params,
        )
    )
    people = _attendance_of(db, where, params)
    rosters = _rosters(db, {m["team_id"] for m in meetings if m["team_id"]})
    rows = []
    for m in meetings:
        day = day_of(m["starts_at"])
        present, members = _attendance_counts(m, people.get(m["id"], []), rosters, day)
        title, kind, unit = str(m["title"]), str(m["kind"]), names.get(m["unit_id"], "")
        counts = (present, members, int(m["opinions"]), int(m["tasks"]))
        rows.append(MeetingRow(day, title, kind, unit, *counts))
    return rows


def _attendance_of(db: Database, where: str, params: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """The attendance rows of the meetings ``where`` selects, by meeting."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in db.query(
        "SELECT a.meeting_id, a.member_id, a.name, a.present, a.absence_reason, a.is_guest "
        f"FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.deleted = 0 AND {where} "
        "ORDER BY a.rowid",
        params,
    ):
        found.setdefault(row["meeting_id"], []).append(row)
    return found


def _rosters(db: Database, team_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Every member (with the term) of each team in ``team_ids``, by team."""
    found: dict[str, list[dict[str, Any]]] = {}
    marks = ", ".join("?" for _ in team_ids)
    if not team_ids:
        return found
    for row in db.query(
        "SELECT id, team_id, full_name, term_start, term_end FROM member "
        f"WHERE deleted = 0 AND team_id IN ({marks}) ORDER BY rowid",
        sorted(team_ids),
    ):
        found.setdefault(row["team_id"], []).append(row)
    return found


def _attendance_counts(
    meeting: dict[str, Any],
    people: list[dict[str, Any]],
    rosters: dict[str, list[dict[str, Any]]],
    day: dt.date,
) -> tuple[int, int]:
    """(present, members) of a meeting: the team's whole roster on its day, as the
    minutes count it (core/meeting_roster.py); a community meeting counts its rows."""
    if meeting["kind"] == "community":
        rows = [p for p in people if not p.get("is_guest")]
        return sum(1 for p in rows if p.get("present")), len(rows)
    roster = roster_on(rosters.get(meeting["team_id"], []), day)
    return present_of(members_at(meeting, people, roster))
