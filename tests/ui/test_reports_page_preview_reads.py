"""What the Báo cáo page's first preview (the team's periodic report) reads (issue 22):
the models once, in one plain pass, and a period's tasks through their meetings
(EXPLAIN QUERY PLAN of the very statements the builder runs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from danvan_desktop.session import Session

ISSUED = dt.date(2026, 3, 31)


def _statements(session: Session, build: Callable[[], Any]) -> list[str]:
    """The SELECT statements ``build`` runs on the session's store, parameters filled in."""
    seen: list[str] = []
    session.store.conn.set_trace_callback(seen.append)
    try:
        build()
    finally:
        session.store.conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def _periodic(session: Session) -> list[str]:
    return _statements(
        session,
        lambda: session.build_report(
            "periodic_report", preset="party", issued_on=ISSUED, period="quarter", quarter=1
        ),
    )


def _plan(session: Session, sql: str) -> list[str]:
    return [str(row[3]) for row in session.store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]


def _model_counts(statements: list[str]) -> list[str]:
    return [sql for sql in statements if "count(*) FROM model " in sql]


def test_the_periodic_report_counts_the_models_once(session: Session) -> None:
    """The field by status table comes from the figures' pass: one count over the models."""
    session.add_model(name="Đường hoa", field_code="new_rural", year=2026)
    assert len(_model_counts(_periodic(session))) == 1


def test_the_models_are_counted_in_one_plain_pass(session: Session) -> None:
    """The models' count reads the table once through, no index walked row by row."""
    session.add_model(name="Đường hoa", field_code="new_rural", year=2026)
    (count,) = _model_counts(_periodic(session))
    assert _plan(session, count) == ["SCAN model", "USE TEMP B-TREE FOR GROUP BY"]


def test_the_period_tasks_are_found_through_their_meetings(session: Session) -> None:
    """Tasks given at the period's meetings are looked up by meeting, not all walked."""
    joins = [sql for sql in _periodic(session) if "JOIN task t" in sql]
    assert [_plan(session, sql) for sql in joins] == [
        [
            "SCAN m",
            "SEARCH t USING INDEX idx_task_meeting_id (meeting_id=?)",
            "USE TEMP B-TREE FOR GROUP BY",
        ]
    ]


def test_the_field_table_counts_the_model_by_field_and_status(session: Session) -> None:
    """The table built from the figures puts the team's model under its field and status."""
    session.add_model(name="Đường hoa", field_code="new_rural", year=2026)
    document = session.build_report(
        "periodic_report", preset="party", issued_on=ISSUED, period="quarter", quarter=1
    )
    table = next(t for t in document.tables() if "lĩnh vực, trạng thái" in (t.title or ""))
    rows = {str(row[1]): row[2:] for row in table.rows}
    assert rows["Xây dựng nông thôn mới, đô thị văn minh"] == [1, 0, 0, 0, 0, 0, 0, 1]
