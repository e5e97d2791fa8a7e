"""A page of meetings reads the corrections once for the page, not once per row (issue 22:
on a city reviewer's 60,000 meetings the per-row subquery held the Cuộc họp and Báo cáo
pages for minutes)."""

from __future__ import annotations

from danvan_desktop.session import Session
from danvan_desktop.store.team_work import meeting_rows


def test_a_page_runs_no_subquery_per_row(session: Session) -> None:
    """No statement of a page of meetings has a correlated subquery."""
    for day in ("2026-09-25", "2026-10-25", "2026-11-25"):
        session.add_meeting(kind="regular", title="Họp tổ", starts_at=f"{day}T08:00")
    reader = session.open_reader()
    statements: list[str] = []
    reader.conn.set_trace_callback(statements.append)
    try:
        rows = meeting_rows(reader, limit=100)
        reader.conn.set_trace_callback(None)
        plans = [
            " | ".join(row[3] for row in reader.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
            for sql in statements
        ]
    finally:
        reader.close()
    assert len(rows) == 3
    assert plans
    assert [plan for plan in plans if "CORRELATED" in plan] == []
