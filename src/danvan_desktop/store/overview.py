"""The figures of the overview page: counts, models by field and status, meetings per month.

One read of the store, a few aggregate queries over indexed columns: cheap enough
on 100k models to run on a reader connection each time the data changes. Overdue
tasks and the next regular meeting come from the task list and the regulation's
schedule, so the overview says the same as the pages it leads to. Meetings count as
held by the schedule's one rule (``core.schedule.held_before``): one dated after today
is planned, shown as such, never as the last meeting held.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schedule import Due, held_before, next_meeting_due
from danvan_desktop.core.vocab import MODEL_STATUSES
from danvan_desktop.store.petitions import petition_count, waiting_petitions
from danvan_desktop.store.tasks import task_rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.connection import Reads


MONTHS_SHOWN = 12
OVERDUE_SHOWN = 10
DAYS_HELD = 24  # the regular meetings' days the schedule looks back over


@dataclass(frozen=True)
class Overview:
    """What the overview page shows, computed in one go."""

    counts: dict[str, int]  # entity -> live records (model, member, meeting, task_open)
    models_by_field: list[tuple[str, str, int]]  # (code, field name, models)
    models_by_status: list[tuple[str, int]]  # (status code, models), life-cycle order
    meetings_by_month: list[tuple[dt.date, int]]  # (first day of month, meetings), oldest first
    overdue_tasks: list[dict[str, Any]] = field(default_factory=list)
    overdue_count: int = 0
    next_meeting: Due | None = None
    last_meeting_on: dt.date | None = None  # the last regular meeting held (today or before)
    planned_meeting_on: dt.date | None = None  # the next regular meeting dated after today
    # «Việc cần làm»: petitions past the regulation's answer period (store/petitions.py)
    overdue_petitions: list[dict[str, Any]] = field(default_factory=list)
    overdue_petition_count: int = 0
    waiting_petition_count: int = 0  # overdue ones included


def _count(db: Reads, sql: str, params: list[Any] | None = None) -> int:
    return int(db.execute(sql, params or []).fetchone()[0])


def _months_back(today: dt.date, count: int) -> list[dt.date]:
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return months[::-1]


def models_per_field(db: Reads) -> dict[Any, int]:
    """Live models per field code (None: no field), every live model counted once.

    Counted on the live models' field index (m016) alone, without reading a model's
    row: 14 ms on 100,000 models, where a pass of the table took 85."""
    rows = db.execute(
        "SELECT field_code, count(*) FROM model WHERE deleted = 0 GROUP BY field_code"
    ).fetchall()
    return {code: int(n) for code, n in rows}


def models_by_field(
    db: Reads, per_field: dict[Any, int] | None = None
) -> list[tuple[str, str, int]]:
    """Models per field, in the team's field order; fields with none show 0 (from
    ``per_field`` when the caller has read it already)."""
    counts = dict(models_per_field(db) if per_field is None else per_field)
    from danvan_desktop.store.model_fields import field_choices

    fields = field_choices(db)  # each field once, on a reviewer's laptop too
    out = [(code, name, int(counts.pop(code, 0))) for code, name in fields]
    out += [(str(code), str(code), int(n)) for code, n in counts.items() if code]
    return out


def models_by_status(db: Reads) -> list[tuple[str, int]]:
    """Models per status in life-cycle order (statuses with none show 0)."""
    counts = dict(
        db.execute("SELECT status, count(*) FROM model WHERE deleted = 0 GROUP BY status")
    )
    return [(code, int(counts.get(code, 0))) for code in MODEL_STATUSES]


def meetings_by_month(db: Reads, today: dt.date) -> list[tuple[dt.date, int]]:
    """Meetings held in each of the last twelve months, this month last (none planned)."""
    months = _months_back(today, MONTHS_SHOWN)
    rows = db.execute(
        "SELECT substr(starts_at, 1, 7), count(*) FROM meeting "
        "WHERE deleted = 0 AND starts_at >= ? AND starts_at < ? GROUP BY 1",
        [months[0].isoformat(), held_before(today)],
    ).fetchall()
    counts = dict(rows)
    return [(m, int(counts.get(m.isoformat()[:7], 0))) for m in months]


def regular_meeting_days(db: Reads, team_id: str | None, today: dt.date) -> list[dt.date]:
    """The days of the regular meetings held by ``today``, the latest first (at most
    ``DAYS_HELD``).

    One step down the meetings' start index per day, each from the start of the day
    found before: a reviewer's store holds a thousand teams' meetings on the same days,
    and a DISTINCT over all of them sorted every meeting ever held (95 ms on the city's).
    """
    where = "deleted = 0 AND kind = 'regular' AND starts_at < ?"
    extra: list[Any] = []
    if team_id:
        where += " AND team_id = ?"
        extra.append(team_id)
    sql = (
        f"SELECT substr(starts_at, 1, 10) FROM meeting WHERE {where} "
        "ORDER BY starts_at DESC LIMIT 1"
    )
    days: list[dt.date] = []
    before = held_before(today)
    while len(days) < DAYS_HELD:
        row = db.execute(sql, [before, *extra]).fetchone()
        if row is None or not row[0]:
            break
        before = str(row[0])  # the day's first minute: the next step is an earlier day
        days.append(dt.date.fromisoformat(before))
    return days


def _planned_meeting_day(db: Reads, team_id: str | None, today: dt.date) -> dt.date | None:
    """The first regular meeting dated after ``today`` (planned, not held), if any."""
    where, params = "deleted = 0 AND kind = 'regular' AND starts_at >= ?", [held_before(today)]
    if team_id:
        where += " AND team_id = ?"
        params.append(team_id)
    row = db.execute(f"SELECT min(substr(starts_at, 1, 10)) FROM meeting WHERE {where}", params)
    first = row.fetchone()[0]
    return dt.date.fromisoformat(first) if first else None


def _next_meeting(
    db: Reads, team_id: str | None, today: dt.date, held: list[dt.date]
) -> Due | None:
    if not team_id:
        return None
    row = db.execute(
        "SELECT meeting_period, meeting_day FROM regulation WHERE deleted = 0 AND team_id = ? "
        "LIMIT 1",
        [team_id],
    ).fetchone()
    if row is None:
        return None
    return next_meeting_due(period=row[0] or "monthly", meeting_day=row[1], held=held, today=today)


def _petitions(db: Reads, today: dt.date) -> dict[str, Any]:
    """The overdue petitions (the first due first) and how many wait, overdue or not."""
    waiting = petition_count(db, today=today, state="waiting")
    overdue = [
        row
        for row in waiting_petitions(db, today=today, limit=OVERDUE_SHOWN)
        if row["state"] == "overdue"
    ]
    return {
        "overdue_petitions": overdue,
        "overdue_petition_count": petition_count(db, today=today, state="overdue"),
        "waiting_petition_count": waiting,
    }


def overview(db: Reads, *, today: dt.date) -> Overview:
    """Every figure of the overview page, read from ``db`` (a reader, a plain reader without
    sqlite-utils, or the writer)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'team_id'").fetchone()
    team_id = None if row is None else str(row[0])
    per_field = models_per_field(db)  # their sum is the live models' count
    counts = {
        "model": sum(per_field.values()),
        "member": _count(db, "SELECT count(*) FROM member WHERE deleted = 0"),
        "meeting": _count(db, "SELECT count(*) FROM meeting WHERE deleted = 0"),
        "task_open": _count(db, "SELECT count(*) FROM task WHERE deleted = 0 AND status = 'open'"),
    }
    overdue = task_rows(db, today=today, status="open", overdue_only=True, limit=OVERDUE_SHOWN)
    overdue_count = _count(
        db,
        "SELECT count(*) FROM task WHERE deleted = 0 AND status = 'open' AND deadline < ?",
        [today.isoformat()],
    )
    held = regular_meeting_days(db, team_id, today)
    return Overview(
        counts=counts,
        models_by_field=models_by_field(db, per_field),
        models_by_status=models_by_status(db),
        meetings_by_month=meetings_by_month(db, today),
        overdue_tasks=overdue,
        overdue_count=overdue_count,
        next_meeting=_next_meeting(db, team_id, today, held),
        last_meeting_on=held[0] if held else None,
        planned_meeting_on=_planned_meeting_day(db, team_id, today),
        **_petitions(db, today),
    )


def indicator_names(db: Database, model_id: str) -> list[tuple[str, str]]:
    """Indicators already read for a model (name, unit), for quick re-entry."""
    rows = db.execute(
        "SELECT indicator, coalesce(unit_label, '') FROM indicator_reading "
        "WHERE deleted = 0 AND model_id = ? GROUP BY indicator ORDER BY max(read_on) DESC",
        [model_id],
    ).fetchall()
    return [(str(a), str(b)) for a, b in rows]
