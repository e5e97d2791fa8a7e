"""Deeply nested JSON bodies are refused with a 4xx before parsing, and logged in one line."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from starlette.requests import Request

from danvan_server.http import BodyRefused, RefusalLog, nesting_exceeds
from support.server_process import (
    ServerApi,
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
    start_server,
)

DEEP_ARRAY = b"[" * 1000 + b"]" * 1000
DEEP_OBJECT = b'{"a":' * 1000 + b"1" + b"}" * 1000
SHAPES = {"array": DEEP_ARRAY, "object": DEEP_OBJECT}
JSON_HEADERS = {"Content-Type": "application/json"}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_deep_body_on_enroll_without_token_is_400(anonymous: ServerApi, shape: str) -> None:
    """/enroll answers a 1,000-deep body with 400 and a message, not 500."""
    answer = anonymous.request("POST", "/enroll", content=SHAPES[shape], headers=JSON_HEADERS)
    assert answer.status_code == 400
    assert "lồng nhau quá sâu" in answer.json()["detail"]


@pytest.mark.parametrize("path", ["/push", "/attachments/missing"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_deep_body_with_token_is_400(team: ServerApi, path: str, shape: str) -> None:
    """/push and /attachments/missing answer a 1,000-deep body with 400, not 500."""
    answer = team.request("POST", path, content=SHAPES[shape], headers=JSON_HEADERS)
    assert answer.status_code == 400
    assert "lồng nhau quá sâu" in answer.json()["detail"]


def test_deep_body_message_in_english(team: ServerApi) -> None:
    """The refusal is in English when the laptop asks for English."""
    headers = {**JSON_HEADERS, "Accept-Language": "en"}
    answer = team.request("POST", "/push", content=DEEP_ARRAY, headers=headers)
    assert answer.json()["detail"].startswith("The request body is nested too deeply (more than 64")


def test_deep_gzipped_body_is_400(team: ServerApi) -> None:
    """Nesting hidden in a gzip body is found after it is un-gzipped."""
    import gzip

    headers = {**JSON_HEADERS, "Content-Encoding": "gzip"}
    answer = team.request("POST", "/push", content=gzip.compress(DEEP_ARRAY), headers=headers)
    assert answer.status_code == 400


def test_json_value_nested_within_the_limit_is_applied(team: ServerApi) -> None:
    """A json field nested 10 deep (a body 14 deep, within the limit) is still stored."""
    value: object = "x"
    for _ in range(10):
        value = [value]
    fields = {"kind": "individual", "name": "Bà Lê Thị Hoa", "year": 2026}
    op = team.op("exemplar", "e-1", {**fields, "linked_model_ids": value})
    assert team.push([op]).json()["results"][0]["status"] == "applied"


def test_brackets_inside_strings_do_not_count() -> None:
    """The scan skips strings, escaped quotes included."""
    text = b'{"a": "' + b"[" * 500 + b'\\"[[[", "b": [1, {"c": 2}]}'
    assert not nesting_exceeds(text, 3)
    assert nesting_exceeds(b'{"a": [[[1]]]}', 3)


def _request() -> Request:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/push",
        "headers": [],
        "client": ("203.0.113.9", 5000),
        "query_string": b"",
        "server": ("testserver", 80),
        "scheme": "http",
    }
    return Request(scope)


def test_refusal_log_counts_what_it_does_not_write(caplog: pytest.LogCaptureFixture) -> None:
    """Within the interval a client gets one line; its next line tells how many were not."""
    now = [0.0]
    refusals = RefusalLog(interval_s=60, clock=lambda: now[0])
    refusal = BodyRefused(400, "x", "JSON nested deeper than 64 levels")
    with caplog.at_level(logging.WARNING, logger="danvan_server.http"):
        for _ in range(5):
            refusals.note(_request(), refusal)
        now[0] = 61.0
        refusals.note(_request(), refusal)
    assert [r.getMessage() for r in caplog.records] == [
        "refused POST /api/v1/push from 203.0.113.9: 400 JSON nested deeper than 64 levels",
        "refused POST /api/v1/push from 203.0.113.9: 400 JSON nested deeper than 64 levels "
        "(and 4 more refused bodies from this client since its last line)",
    ]


def test_thousand_deep_requests_leave_a_small_log(tmp_path: Path) -> None:
    """1,000 deep bodies to the real server: all 400, and its log holds one line, no traceback."""
    url = sqlite_url(tmp_path)
    prepare_database(url, tmp_path / "attachments")
    village = add_village(url)
    code = make_enrollment_code(url, village.id, "team")
    with start_server(url, log_dir=tmp_path) as server:
        anonymous = ServerApi(server.url)
        team = anonymous.enroll(code, device_id="laptop-deep")
        statuses = set()
        with httpx.Client(base_url=server.url, timeout=30) as client:
            anonymous.client = team.client = client
            for number in range(1000):
                api, path = [
                    (anonymous, "/enroll"),
                    (team, "/push"),
                    (team, "/attachments/missing"),
                ][number % 3]
                body = DEEP_ARRAY if number % 2 else DEEP_OBJECT
                answer = api.request("POST", path, content=body, headers=JSON_HEADERS)
                statuses.add(answer.status_code)
        log = server.log()
    assert statuses == {400}
    assert "Traceback" not in log
    assert log.count("refused POST") == 1
    assert len(log.encode()) < 2000
