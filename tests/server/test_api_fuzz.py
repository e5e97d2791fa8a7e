"""No device can break the server: its HTTP API fuzzed from its own OpenAPI schema.

schemathesis (tests/support/api_fuzz.py) generates requests for every operation of
``/openapi.json``, with data the schema allows and data it forbids, and checks each
answer: no 5xx, no unhandled exception, and the status, content type and body the
schema documents. Once as anyone on the network (no valid token), once as a real
enrolled laptop; on SQLite and on PostgreSQL. This is the size CI runs, with fixed
cases; ``bench/server_fuzz.py`` runs the same with thousands of cases against the
real server process.
"""

from __future__ import annotations

import hashlib
import logging

import pytest
import schemathesis
from fastapi import FastAPI, Request
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256
from support.api_fuzz import Device, fuzz, load_schema, operation_labels, secured_labels
from support.server_process import ServerApi

EXAMPLES = 20  # per operation and kind of data: the whole file in well under 2 minutes
PHOTO = "ảnh đã lưu trên máy chủ".encode() * 50
GATES = {400, 401, 426}  # the answers of the protocol headers' and the token's checks


@pytest.fixture
def schema(client: TestClient) -> schemathesis.BaseSchema:
    """The server's own schema."""
    return load_schema(client)


@pytest.fixture
def stored_sha(team: ServerApi) -> str:
    """A file the team laptop uploaded, so downloads, ranges and offsets are reached."""
    sha = hashlib.sha256(PHOTO).hexdigest()
    put = team.request(
        "PUT",
        f"/attachments/{sha}",
        params={"offset": 0},
        content=PHOTO,
        headers={HEADER_CHUNK_SHA256: sha, "Content-Type": "application/octet-stream"},
    )
    assert put.status_code == 200
    assert team.post_json(f"/attachments/{sha}/complete", {"size": len(PHOTO)}).status_code == 200
    return sha


def _errors_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_every_route_is_in_the_schema(client: TestClient, schema: schemathesis.BaseSchema) -> None:
    """Each route the app serves is an operation of /openapi.json, so the fuzz reaches it."""
    app = client.app
    assert isinstance(app, FastAPI)
    routes = {
        f"{method} {route.path}"
        for route in app.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert routes == operation_labels(schema)


def test_fuzz_without_a_token(
    client: TestClient, schema: schemathesis.BaseSchema, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever anyone sends: no server error, every answer as documented, and no
    endpoint that needs a token lets the request in."""
    tally = fuzz(schema, client, examples=EXAMPLES)
    assert tally.failures == [], tally.report()
    assert set(tally.cases) == operation_labels(schema)  # a new endpoint cannot slip past
    let_in = {
        label
        for label in secured_labels(schema)
        if any(200 <= status < 300 for status in tally.statuses[label])
    }
    assert let_in == set()
    assert _errors_logged(caplog) == []


def test_fuzz_with_a_device_token(
    client: TestClient,
    schema: schemathesis.BaseSchema,
    team: ServerApi,
    stored_sha: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever an enrolled laptop sends: no server error, every answer as documented,
    and every endpoint is reached past its header and token checks."""
    device = Device(str(team.token), str(team.device_id), str(team.unit_id))
    tally = fuzz(schema, client, examples=EXAMPLES, device=device, known_sha=stored_sha)
    assert tally.failures == [], tally.report()
    assert set(tally.cases) == operation_labels(schema)
    stopped_at_the_gates = {
        label for label, statuses in tally.statuses.items() if set(statuses) <= GATES
    }
    assert stopped_at_the_gates == set()
    assert _errors_logged(caplog) == []


def test_the_fuzz_reports_a_server_error() -> None:
    """An endpoint that fails on some input is caught: the fuzz is not blind to 500s."""
    app = FastAPI()

    @app.get("/api/v1/divide")
    def divide(request: Request, by: int) -> dict[str, float]:
        """Divide 1 by ``by`` (and fail on 0)."""
        return {"result": 1 / by}

    with TestClient(app) as broken:
        tally = fuzz(load_schema(broken), broken, examples=50)
    assert tally.server_errors > 0
    assert "ZeroDivisionError" in tally.report()
