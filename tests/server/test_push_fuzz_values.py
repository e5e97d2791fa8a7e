"""Whatever JSON value a laptop puts in any field of any entity, the server answers it
per operation, never with a 5xx, and another device's valid push beside it applies."""

from __future__ import annotations

import threading
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_desktop.core import field_rules
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.schema import ENTITIES
from server.push_values import good_ops, send
from support.server_process import ServerApi

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.sampled_from([2**63, -(2**63) - 1, 10**40, 10**400])
    | st.floats()  # NaN and infinities included
    | st.text(alphabet=st.characters(blacklist_categories=()), max_size=30)  # surrogates, NUL
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(alphabet=st.characters(blacklist_categories=())), inner)
    ),
    max_leaves=20,
)
RECORDS = st.sampled_from(sorted(ENTITIES)).flatmap(
    lambda name: st.tuples(
        st.just(name),
        st.fixed_dictionaries({}, optional={f.name: VALUES for f in ENTITIES[name].fields}),
    )
)


def _push_in_thread(api: ServerApi, ops: list[dict[str, Any]], out: list[httpx.Response]) -> None:
    out.append(send(api, ops))


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(record=RECORDS)
def test_any_field_value_is_answered_per_operation(
    team: ServerApi, neighbour_team: ServerApi, record: tuple[str, dict[str, Any]]
) -> None:
    """No 5xx for either laptop; an applied operation holds only storable values; the
    other laptop's valid records, pushed at the same time, are applied."""
    entity, fields = record
    fuzzed: list[httpx.Response] = []
    valid: list[httpx.Response] = []
    thread = threading.Thread(
        target=_push_in_thread, args=(team, [team.op(entity, uuid7(), fields)], fuzzed)
    )
    thread.start()
    _push_in_thread(neighbour_team, good_ops(neighbour_team, 2), valid)
    thread.join()
    assert fuzzed[0].status_code == 200, fuzzed[0].text
    assert valid[0].status_code == 200, valid[0].text
    [result] = fuzzed[0].json()["results"]
    assert result["status"] in ("applied", "rejected")
    if result["status"] == "applied":
        spec = ENTITIES[entity]
        assert all(field_rules.value_problem(spec.field(n), v) is None for n, v in fields.items())
    else:
        assert result["message"]
    assert [r["status"] for r in valid[0].json()["results"]] == ["applied", "applied"]
