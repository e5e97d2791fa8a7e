"""The protocol-2 helpers both sides share: compact bodies round-trip, version ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_desktop.sync.protocol import (
    compact_push_body,
    compact_result,
    expand_push_ops,
    format_ranges,
    parse_ranges,
)


def _op(n: int, **over: object) -> dict[str, object]:
    op: dict[str, object] = {
        "op_id": f"r-{n}",
        "device_id": "d-1",
        "entity": "model",
        "record_id": f"r-{n}",
        "unit_id": "u-1",
        "kind": "upsert",
        "base_version": None,
        "fields": {"name": f"Mô hình {n}"},
        "base": {"name": None},
        "schema_version": 6,
        "created_at": "2026-11-28T08:00:00+00:00",
    }
    op.update(over)
    return op


def test_compact_body_expands_to_the_same_operations() -> None:
    """Mixed operations survive compaction; only an all-null base of a new record shrinks."""
    ops = [
        _op(1),
        _op(2, op_id="x-2", kind="delete", fields={}, base={}),
        _op(3, base_version=7, base={"name": "Cũ"}),
        _op(4, entity="task", unit_id="u-2"),
    ]
    expanded = expand_push_ops(compact_push_body("d-1", ops))
    assert expanded == [{**ops[0], "base": {}}, ops[1], ops[2], {**ops[3], "base": {}}]


def test_version_one_body_is_not_changed() -> None:
    """A body without defaults is passed through as it is."""
    ops = [_op(1)]
    assert expand_push_ops({"device_id": "d-1", "ops": ops}) is ops


def test_compact_result_keeps_only_what_the_laptop_needs() -> None:
    """op_id, a null message and empty conflicts go; status and version stay."""
    full = {
        "op_id": "r-1",
        "status": "applied",
        "server_version": 12,
        "message": None,
        "conflicts": [],
        "exact": True,
    }
    assert compact_result(full) == {"status": "applied", "server_version": 12, "exact": True}


def test_ranges_join_consecutive_versions() -> None:
    """Versions become the shortest list of ranges."""
    assert format_ranges([9, 3, 4, 5, 7, 6, 12]) == "3-7,9,12"


def test_ranges_stop_at_the_limit() -> None:
    """Beyond the limit, the highest versions are left out (they are simply sent)."""
    assert format_ranges([1, 3, 5, 7], limit=2) == "1,3"


@given(st.sets(st.integers(min_value=1, max_value=10_000), max_size=200))
def test_ranges_round_trip(versions: set[int]) -> None:
    """Parsing the formatted ranges gives back every version (within the limit)."""
    ranges = parse_ranges(format_ranges(versions, limit=1000), limit=1000)
    assert {v for low, high in ranges for v in range(low, high + 1)} == versions


@pytest.mark.parametrize("text", ["5-2", "a", "1,,2", "-3", "1-2-3"])
def test_malformed_ranges_are_refused(text: str) -> None:
    """Descending, empty or non-numeric ranges raise ValueError."""
    with pytest.raises(ValueError):
        parse_ranges(text)
