"""What one sync request costs the database: the statements it runs (issues #13 and #21).

A 200-laptop burst spends the server's CPU per statement: on SQLite each autocommit
statement takes its own read snapshot, on PostgreSQL it is a round trip. These tests
count the statements of one request through the app (in process, on each backend).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from danvan_server import pull
from danvan_server.auth import Scope, authenticate
from support.server_process import ServerApi


@pytest.fixture
def statements(client: TestClient) -> Iterator[list[str]]:
    """The SQL statements the app runs from now on (read once the fixture is set)."""
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    yield seen
    event.remove(engine, "before_cursor_execute", note)


def test_a_pull_runs_two_statements(team: ServerApi, statements: list[str]) -> None:
    """The token with the page's head in one statement, then the page: two in all."""
    assert team.pull().status_code == 200
    assert len(statements) == 2


def test_the_first_statement_of_a_pull_reads_token_and_head(
    team: ServerApi, statements: list[str]
) -> None:
    """One statement reads the device's token, the sequence counter and the epoch."""
    team.pull()
    first = statements[0]
    assert ("token_hash" in first, "seq_counter" in first, "meta" in first) == (True, True, True)


def test_an_unknown_token_runs_one_statement_and_no_page(
    anonymous: ServerApi, team: ServerApi, statements: list[str]
) -> None:
    """A wrong token is refused (401) after the one statement; no page is read."""
    stranger = ServerApi("http://testserver", token="not-a-token", client=anonymous.client)
    assert stranger.pull().status_code == 401
    assert len(statements) == 1


def test_one_scope_reuses_its_page_statement(team: ServerApi, client: TestClient) -> None:
    """The page statement of a scope is built once and reused for its next pages."""
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    scope = authenticate(engine, f"Bearer {team.token}", "vi")
    again = Scope(scope.device_id, scope.role, scope.unit, "2026-01-01T00:00:00Z")
    first = pull.scope_template(scope, 9, engine.dialect.name)
    assert pull.scope_template(again, 9, engine.dialect.name) is first
