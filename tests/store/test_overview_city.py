"""The overview's figures stay cheap on a reviewer's store of a thousand teams (issue 22)."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.session import Session
from danvan_desktop.store.overview import regular_meeting_days

TODAY = dt.date(2026, 3, 10)


def _meetings(session: Session) -> None:
    for day in ("2026-03-05", "2026-03-05", "2026-02-25", "2026-04-01"):
        session.add_meeting(kind="regular", title=f"Họp {day}", starts_at=f"{day}T08:00")
    session.add_meeting(kind="adhoc", title="Họp đột xuất", starts_at="2026-03-08T08:00")


def test_days_held_each_once_latest_first(session: Session) -> None:
    """Two regular meetings on one day give that day once; planned and other kinds are left."""
    _meetings(session)
    days = regular_meeting_days(session.store.db, None, TODAY)
    assert days == [dt.date(2026, 3, 5), dt.date(2026, 2, 25)]


def test_days_held_walk_the_start_index(session: Session) -> None:
    """Every statement reads the start index newest first and sorts nothing in a temp table."""
    _meetings(session)
    reader = session.open_reader()
    statements: list[str] = []
    reader.conn.set_trace_callback(statements.append)
    try:
        regular_meeting_days(reader, None, TODAY)
        reader.conn.set_trace_callback(None)
        plans = [
            " | ".join(row[3] for row in reader.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
            for sql in statements
        ]
    finally:
        reader.close()
    assert plans
    for plan in plans:
        assert "USING INDEX idx_meeting_starts" in plan
        assert "TEMP B-TREE" not in plan
