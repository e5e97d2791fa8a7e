"""Whatever a client sends, the server answers 2xx or 4xx with a message, never 500."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_desktop.sync.protocol import ENVELOPE_KEYS
from support.server_process import ServerApi

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELD_NAMES = st.sampled_from(
    [
        "name",
        "status",
        "year",
        "goals",
        "start_date",
        "review_comment",
        "nope",
        "position_order",
        "present",
        "value",
    ]
)
ENTITIES = st.sampled_from(["model", "task", "attendance", "conflict", "unit", "ghost", ""])


def _envelope(api: ServerApi) -> st.SearchStrategy[dict[str, Any]]:
    """Envelopes with plausible keys and implausible values."""
    return st.fixed_dictionaries(
        {"op_id": st.text(min_size=1, max_size=10, alphabet="abcdef0123456789-")},
        optional={
            "device_id": st.just(str(api.device_id)) | JSON,
            "entity": ENTITIES | JSON,
            "record_id": st.text(max_size=70) | JSON,
            "unit_id": st.just(str(api.unit_id)) | JSON,
            "kind": st.sampled_from(["upsert", "delete", "merge"]) | JSON,
            "base_version": st.none() | st.integers(-5, 10**20) | JSON,
            "fields": st.dictionaries(FIELD_NAMES, JSON, max_size=4) | JSON,
            "base": st.dictionaries(FIELD_NAMES, JSON, max_size=4) | JSON,
            "schema_version": st.integers() | JSON,
            "created_at": st.text(max_size=25) | JSON,
        },
    )


def _check(answer: Any) -> None:
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        assert isinstance(answer.json()["detail"], str) and answer.json()["detail"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_envelopes_never_cause_a_server_error(team: ServerApi, data: st.DataObject) -> None:
    """Random envelopes are answered per op or refused with a 4xx message."""
    ops = data.draw(st.lists(_envelope(team), max_size=5))
    answer = team.push(ops)
    _check(answer)
    if answer.status_code == 200:
        complete = [op for op in ops if set(ENVELOPE_KEYS) <= set(op)]
        assert len(answer.json()["results"]) == len(ops) >= len(complete)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=JSON)
def test_random_json_bodies_never_cause_a_server_error(team: ServerApi, body: Any) -> None:
    """Any JSON document sent to push, enroll, missing or complete gets < 500."""
    paths = ("/push", "/enroll", "/device-key", "/attachments/missing")
    for path in (*paths, f"/attachments/{'a' * 64}/complete"):
        _check(team.post_json(path, body))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=64))
def test_random_bytes_never_cause_a_server_error(team: ServerApi, raw: bytes) -> None:
    """Bytes that are not JSON, plain or claiming gzip, get a 4xx."""
    for headers in ({}, {"Content-Encoding": "gzip"}):
        _check(team.request("POST", "/push", content=raw, headers=headers))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(since=st.text(max_size=12), max_bytes=st.text(max_size=12))
def test_random_query_parameters_never_cause_a_server_error(
    team: ServerApi, since: str, max_bytes: str
) -> None:
    """Odd since/max_bytes values are refused with 422 or served."""
    _check(team.request("GET", "/pull", params={"since": since, "max_bytes": max_bytes}))


def test_huge_integers_in_fields_are_refused(team: ServerApi) -> None:
    """An integer beyond 64 bits, which no laptop can store, is rejected with its field named
    (a laptop pulling it would fail every sync)."""
    op = team.op(
        "model",
        "m-1",
        {"name": "x", "status": "registered", "year": 10**30, "field_code": "economy"},
    )
    result = team.push([op]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "«Năm đăng ký» (year)" in result["message"]
    assert [c for c in team.pull_all()[0] if c["entity"] == "model"] == []


def test_since_beyond_64_bits_is_refused(team: ServerApi) -> None:
    """A checkpoint no database integer can hold is a 422, not a database error."""
    answer = team.pull(since=10**20)
    assert answer.status_code == 422


def test_offset_beyond_64_bits_is_refused(team: ServerApi) -> None:
    """An attachment offset no file can reach is a 4xx."""
    answer = team.request(
        "PUT",
        f"/attachments/{'a' * 64}",
        params={"offset": 10**20},
        content=b"x",
        headers={"X-Chunk-SHA256": "0" * 64},
    )
    assert 400 <= answer.status_code < 500


def test_conflict_resolution_with_fields_not_an_object_is_rejected(team: ServerApi) -> None:
    """A resolution whose fields is a number is rejected, not a crash."""
    op = team.op("conflict", "c-1", {"resolved": True})
    op["fields"] = 5
    result = team.push([op]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "fields and base must be objects" in result["message"]
