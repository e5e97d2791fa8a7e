"""A model's whole life (issue 17): every move for both roles, and what each must say."""

from __future__ import annotations

import itertools

import pytest

from danvan_desktop.core.errors import PermissionDeniedError, ValidationError
from danvan_desktop.core.model_status import (
    allowed_next,
    check_move,
    current_status,
    move_problems,
)
from danvan_desktop.core.vocab import MODEL_STATUSES

STATUSES = (
    "registered",
    "in_progress",
    "reviewed",
    "recognised",
    "not_recognised",
    "paused",
    "closed",
)
# (from, to, role) -> what the move must say: "" nothing, "reason", "decision"
TABLE = {
    ("registered", "in_progress", "team"): "",
    ("in_progress", "reviewed", "team"): "",
    ("reviewed", "recognised", "reviewer"): "decision",
    ("reviewed", "not_recognised", "reviewer"): "reason",
    ("not_recognised", "in_progress", "team"): "",
    ("in_progress", "paused", "team"): "reason",
    ("in_progress", "paused", "reviewer"): "reason",
    ("reviewed", "paused", "team"): "reason",
    ("reviewed", "paused", "reviewer"): "reason",
    ("recognised", "paused", "team"): "reason",
    ("recognised", "paused", "reviewer"): "reason",
    ("paused", "in_progress", "team"): "",
    **{
        (old, "closed", role): "reason"
        for old in STATUSES
        if old != "closed"
        for role in ("team", "reviewer")
    },
}
PAIRS = [(o, n, r) for o, n in itertools.permutations(STATUSES, 2) for r in ("team", "reviewer")]


def test_the_statuses_are_the_life_cycle() -> None:
    """Seven statuses, «Được nhân rộng» no longer among them."""
    assert tuple(MODEL_STATUSES) == STATUSES
    assert MODEL_STATUSES["not_recognised"] == "Không được công nhận"
    assert MODEL_STATUSES["closed"] == "Dừng thực hiện"


@pytest.mark.parametrize(("old", "new", "role"), PAIRS)
def test_every_move_is_allowed_or_refused_as_the_table_says(old: str, new: str, role: str) -> None:
    """A move of the table passes with what it must say; any other is refused."""
    if (old, new, role) in TABLE:
        check_move(old, new, role, reason="Lý do", decision_number="12/QĐ", decided_on="2026-03-02")
    else:
        with pytest.raises(PermissionDeniedError, match="«Trạng thái»"):
            check_move(old, new, role, reason="Lý do", decision_number="1", decided_on="2026-03-02")


@pytest.mark.parametrize(("old", "new", "role"), sorted(TABLE))
def test_every_move_asks_exactly_what_the_table_says(old: str, new: str, role: str) -> None:
    """Without a reason or decision, only the moves that need one are refused, naming
    the field."""
    fields = [p.field for p in move_problems(old, new, reason=None)]
    expected = {
        "": [],
        "reason": ["reason"],
        "decision": ["decision_number", "decided_on"],
    }[TABLE[(old, new, role)]]
    assert fields == expected


def test_a_blank_reason_is_no_reason() -> None:
    """Spaces do not count as a reason; the message names «Lý do» and the fix."""
    with pytest.raises(ValidationError) as info:
        check_move("in_progress", "closed", "team", reason="   ")
    [problem] = info.value.problems
    assert problem.field == "reason"
    assert problem.message == (
        "«Lý do» không được để trống khi chuyển mô hình sang «Dừng thực hiện»: hãy ghi vì sao."
    )


def test_recognition_needs_the_decision_number_and_date() -> None:
    """Reviewed → recognised without the decision names both fields."""
    with pytest.raises(ValidationError) as info:
        check_move("reviewed", "recognised", "reviewer", reason=None, decision_number=" ")
    assert [p.field for p in info.value.problems] == ["decision_number", "decided_on"]


def test_closed_is_the_end() -> None:
    """Nothing leaves «Dừng thực hiện», for either role."""
    assert allowed_next("closed", "team") == []
    assert allowed_next("closed", "reviewer") == []


def test_the_form_offers_the_moves_of_each_role() -> None:
    """The choices follow the table, in life-cycle order."""
    assert allowed_next("reviewed", "reviewer") == [
        "recognised",
        "not_recognised",
        "paused",
        "closed",
    ]
    assert allowed_next("not_recognised", "team") == ["in_progress", "closed"]
    assert allowed_next("recognised", "team") == ["paused", "closed"]


def test_an_earlier_release_replicated_reads_as_recognised() -> None:
    """«replicated» stands for «recognised», and moves on as a recognised model does."""
    assert current_status("replicated") == "recognised"
    assert allowed_next("replicated", "reviewer") == ["paused", "closed"]
    check_move("replicated", "recognised", "team", reason=None)
