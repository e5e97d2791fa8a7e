"""PostgreSQL restarted under the server: one request gets 503, the next one works."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from support.server_process import ServerApi


def test_dead_pooled_connections_cost_one_503_then_the_pool_recovers(
    client: TestClient, team: ServerApi, engine: Engine
) -> None:
    """Every pooled connection killed (as a PostgreSQL restart does): the next request is
    answered 503 with Retry-After, never 500, and the one after it succeeds."""
    app_engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    if app_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server to restart")
    assert team.pull().status_code == 200
    pooled = [app_engine.raw_connection() for _ in range(app_engine.pool.checkedin())]
    pids = []
    for connection in pooled:
        cursor = connection.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        pids.append(cursor.fetchone()[0])
        cursor.close()
    for connection in pooled:
        connection.close()  # back to the pool, still open on our side
    assert pids
    with engine.begin() as admin:
        for pid in pids:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    first = team.pull()
    assert first.status_code == 503
    assert first.headers["retry-after"] == "30"
    assert team.pull().status_code == 200
