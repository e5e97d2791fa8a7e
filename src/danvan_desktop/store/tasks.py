"""The task list across meetings: what is open, what is overdue."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def task_rows(
    db: Database,
    *,
    today: dt.date,
    status: str | None = None,
    overdue_only: bool = False,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Tasks with their meeting's title, overdue ones marked, nearest deadline first."""
    where = ["t.deleted = 0"]
    params: list[Any] = []
    if status:
        where.append("t.status = ?")
        params.append(status)
    if overdue_only:
        where.append("t.status = 'open' AND t.deadline < ?")
        params.append(today.isoformat())
    rows = list(
        db.query(
            "SELECT t.id, t.title, t.owner_name, t.deadline, t.status, t.done_on, t.meeting_id, "
            "m.title AS meeting_title FROM task t LEFT JOIN meeting m ON m.id = t.meeting_id "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY t.status != 'open', t.deadline IS NULL, t.deadline, t.title_sort "
            f"LIMIT {int(limit)}",
            params,
        )
    )
    for row in rows:
        row["overdue"] = bool(
            row["status"] == "open" and row["deadline"] and row["deadline"] < today.isoformat()
        )
    return rows


def overdue_count(db: Database, *, today: dt.date) -> int:
    """How many open tasks are past their deadline."""
    return int(
        db.execute(
            "SELECT count(*) FROM task WHERE deleted = 0 AND status = 'open' AND deadline < ?",
            [today.isoformat()],
        ).fetchone()[0]
    )
