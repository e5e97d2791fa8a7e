"""The task list across meetings: what is open, what is overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.connection import Reads


# Open tasks first, then by deadline (none last) and title; the keyset of a page is this
# key of its last row.
TASK_KEY = (
    "t.status != 'open'",
    "t.deadline IS NULL",
    "coalesce(t.deadline, '')",
    "coalesce(t.title_sort, '')",
    "t.rowid",
)


def _task_where(
    today: dt.date,
    status: str | None,
    overdue_only: bool,
    ids: Sequence[str] | None,
    meeting_ids: Sequence[str] | None,
) -> tuple[list[str], list[Any]]:
    # Unfiltered, every live task is read: a plain scan of the table (``+`` keeps the
    # planner off the partial indexes, whose random row lookups took 2-4 × as long
    # over a city reviewer's 60,000 tasks). A status filter reads its index.
    where = ["t.deleted = 0" if status or overdue_only else "+t.deleted = 0"]
    params: list[Any] = []
    if status:
        where.append("t.status = ?")
        params.append(status)
    if overdue_only:
        where.append("t.status = 'open' AND t.deadline < ?")
        params.append(today.isoformat())
    if ids is not None or meeting_ids is not None:  # search hits: the tasks, or their meetings
        ids, meeting_ids = list(ids or ()), list(meeting_ids or ())
        where.append(
            f"(t.id IN ({', '.join('?' for _ in ids)}) "
            f"OR t.meeting_id IN ({', '.join('?' for _ in meeting_ids)}))"
        )
        params += ids + meeting_ids
    return where, params


def task_rows(
    db: Reads,
    *,
    today: dt.date,
    status: str | None = None,
    overdue_only: bool = False,
    limit: int = 500,
    after: tuple[Any, ...] | None = None,
    ids: Sequence[str] | None = None,
    meeting_ids: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Tasks with their meeting's title, overdue ones marked, nearest deadline first.

    ``after`` (a row's ``page_key``) starts after that row; ``ids`` and ``meeting_ids``
    keep the tasks found by a search and those of the meetings found."""
    where, params = _task_where(today, status, overdue_only, ids, meeting_ids)
    if after is not None:
        where.append(f"({', '.join(TASK_KEY)}) > ({', '.join('?' for _ in TASK_KEY)})")
        params += list(after)
    keys = ", ".join(f"{k} AS _k{i}" for i, k in enumerate(TASK_KEY))
    rows = list(
        db.query(
            "SELECT t.id, t.title, t.owner_name, t.deadline, t.status, t.done_on, t.meeting_id, "
            f"m.title AS meeting_title, {keys} "
            "FROM task t LEFT JOIN meeting m ON m.id = t.meeting_id "
            f"WHERE {' AND '.join(where)} "
            f"ORDER BY {', '.join(TASK_KEY)} "
            f"LIMIT {int(limit)}",
            params,
        )
    )
    for row in rows:
        row["page_key"] = tuple(row.pop(f"_k{i}") for i in range(len(TASK_KEY)))
        row["overdue"] = bool(
            row["status"] == "open" and row["deadline"] and row["deadline"] < today.isoformat()
        )
    return rows


def task_counts(
    db: Reads,
    *,
    today: dt.date,
    status: str | None = None,
    overdue_only: bool = False,
    ids: Sequence[str] | None = None,
    meeting_ids: Sequence[str] | None = None,
) -> tuple[int, int]:
    """How many tasks ``task_rows`` lists with these filters, and how many are overdue."""
    where, params = _task_where(today, status, overdue_only, ids, meeting_ids)
    row = db.execute(
        "SELECT count(*), coalesce(sum(t.status = 'open' AND t.deadline < ?), 0) FROM task t "
        f"WHERE {' AND '.join(where)}",
        [today.isoformat(), *params],
    ).fetchone()
    return int(row[0]), int(row[1])


def overdue_count(db: Database, *, today: dt.date) -> int:
    """How many open tasks are past their deadline."""
    return int(
        db.execute(
            "SELECT count(*) FROM task WHERE deleted = 0 AND status = 'open' AND deadline < ?",
            [today.isoformat()],
        ).fetchone()[0]
    )
