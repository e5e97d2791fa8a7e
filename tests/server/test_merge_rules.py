"""The merge and the status rules as pure functions (no database, no HTTP)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from danvan_server.merge import Placement, merge_delete, merge_upsert
from danvan_server.records import StoredRecord, empty_fields
from danvan_server.rules import StatusPolicy, reachable

TEXT_FIELDS = ("name", "situation", "goals", "content", "scope", "actors")
PLACE = Placement("u-1", "/c/u-1/")
TEAM = StatusPolicy("team", "vi")


def _record(values: dict[str, Any], version: int = 10, author: str = "laptop-a") -> StoredRecord:
    fields = empty_fields("model") | {"status": "registered", "year": 2026} | values
    return StoredRecord(
        "model",
        "m-1",
        "u-1",
        "/c/u-1/",
        version,
        False,
        fields,
        dict.fromkeys(values, author),
        author,
        True,
    )


def _op(
    fields: dict[str, Any],
    base: dict[str, Any],
    device: str,
    version: int | None = 10,
    kind: str = "upsert",
) -> dict[str, Any]:
    return {
        "op_id": "o",
        "device_id": device,
        "entity": "model",
        "record_id": "m-1",
        "unit_id": "u-1",
        "kind": kind,
        "base_version": version,
        "fields": fields,
        "base": base,
    }


VALUES = st.dictionaries(st.sampled_from(TEXT_FIELDS), st.text(max_size=5), max_size=6)


@given(start=VALUES, first=VALUES, second=VALUES)
def test_edits_of_different_fields_commute(
    start: dict[str, str], first: dict[str, str], second: dict[str, str]
) -> None:
    """Two laptops editing disjoint fields reach the same record in either order, no loss."""
    second = {k: v for k, v in second.items() if k not in first}
    base_a = {k: start.get(k) for k in first}
    base_b = {k: start.get(k) for k in second}
    results = []
    for order in (("a", "b"), ("b", "a")):
        record = _record(start)
        for who in order:
            fields, base = (first, base_a) if who == "a" else (second, base_b)
            outcome = merge_upsert(record, _op(fields, base, f"laptop-{who}"), PLACE, TEAM)
            assert outcome.lost == []
            record = outcome.record or record
        results.append(record.fields)
    assert results[0] == results[1]


@given(start=VALUES, base=VALUES, new=VALUES)
def test_lost_values_are_exactly_the_overwritten_concurrent_edits(
    start: dict[str, str], base: dict[str, str], new: dict[str, str]
) -> None:
    """A field is reported lost iff the server changed it since base and the op changes it again."""
    current = _record(start, author="laptop-a")
    op_base = {k: base.get(k, start.get(k)) for k in new}
    outcome = merge_upsert(current, _op(new, op_base, "laptop-b"), PLACE, TEAM)
    expected = {
        k for k, v in new.items() if current.fields[k] != v and current.fields[k] != op_base[k]
    }
    assert {lost.field for lost in outcome.lost} == expected
    final = outcome.record.fields if outcome.record else current.fields
    assert all(final[k] == v for k, v in new.items())
    long_text = {lost.field for lost in outcome.lost if lost.needs_review}
    assert long_text == expected - {"name"}


def test_unchanged_upsert_writes_nothing() -> None:
    """Sending the values the server holds needs no new version."""
    outcome = merge_upsert(
        _record({"name": "A"}), _op({"name": "A"}, {"name": "A"}, "b"), PLACE, TEAM
    )
    assert (outcome.status, outcome.record) == ("applied", None)


def test_delete_by_the_last_writer_applies_even_with_an_old_base() -> None:
    """The device that made the newer version is not beaten by itself."""
    outcome = merge_delete(
        _record({"name": "A"}, 12, "laptop-a"),
        _op({}, {}, "laptop-a", version=10, kind="delete"),
        PLACE,
        "vi",
    )
    assert outcome.status == "applied"
    assert outcome.record is not None and outcome.record.deleted


@given(
    st.sampled_from(
        [
            "registered",
            "in_progress",
            "reviewed",
            "recognised",
            "not_recognised",
            "paused",
            "closed",
        ]
    )
)
def test_every_status_reaches_itself_only_through_a_cycle(status: str) -> None:
    """A team returns to a status only round the pause loop (in progress ↔ paused ← reviewed)."""
    assert reachable(status, status, "team") == (status in ("in_progress", "paused", "reviewed"))


def test_reachable_follows_each_roles_moves() -> None:
    """Teams walk registered → reviewed; reviewers reviewed → recognised → paused; not each
    other's."""
    assert reachable("registered", "reviewed", "team")
    assert reachable("reviewed", "paused", "reviewer")
    assert reachable("reviewed", "recognised", "reviewer")
    assert not reachable("reviewed", "recognised", "team")
    assert not reachable("registered", "in_progress", "reviewer")
