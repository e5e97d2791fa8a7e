"""The task list's first page on a city reviewer's 60,000 tasks reads the table in one plain
pass (issue 22: through a partial index its random row lookups took 2-4 × as long)."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.session import Session
from danvan_desktop.store.tasks import task_counts, task_rows

TODAY = dt.date(2026, 3, 10)


def _plans(session: Session, status: str | None) -> list[str]:
    session.add_task(title="Vận động hộ còn lại", deadline="2026-03-01")
    reader = session.open_reader()
    statements: list[str] = []
    reader.conn.set_trace_callback(statements.append)
    try:
        task_rows(reader, today=TODAY, status=status, limit=100)
        task_counts(reader, today=TODAY, status=status)
        reader.conn.set_trace_callback(None)
        return [
            " | ".join(row[3] for row in reader.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
            for sql in statements
            if sql.lstrip().upper().startswith("SELECT")
        ]
    finally:
        reader.close()


def test_every_task_is_one_plain_scan(session: Session) -> None:
    """Unfiltered, the page and its count scan the task table, not a partial index."""
    plans = _plans(session, None)
    assert len(plans) == 2
    assert [plan.split(" | ")[0] for plan in plans] == ["SCAN t", "SCAN t"]


def test_a_status_filter_reads_its_index(session: Session) -> None:
    """Filtered by status, the page and its count search the status and deadline index."""
    plans = _plans(session, "open")
    assert len(plans) == 2
    assert all("USING INDEX idx_task_deadline (status=?)" in plan for plan in plans)
