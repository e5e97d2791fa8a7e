"""Who may move a model along its life cycle (DOMAIN.md's table)."""

from __future__ import annotations

import itertools

import pytest

from danvan_desktop.core.errors import PermissionDeniedError
from danvan_desktop.core.model_status import allowed_next, check_transition
from danvan_desktop.core.vocab import MODEL_STATUSES

ALLOWED = {
    ("registered", "in_progress", "team"),
    ("in_progress", "reviewed", "team"),
    ("reviewed", "recognised", "reviewer"),
    ("reviewed", "not_recognised", "reviewer"),
    ("not_recognised", "in_progress", "team"),
    ("in_progress", "paused", "team"),
    ("in_progress", "paused", "reviewer"),
    ("reviewed", "paused", "team"),
    ("reviewed", "paused", "reviewer"),
    ("recognised", "paused", "team"),
    ("recognised", "paused", "reviewer"),
    ("paused", "in_progress", "team"),
    *(
        (old, "closed", role)
        for old in MODEL_STATUSES
        if old != "closed"
        for role in ("team", "reviewer")
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "role"),
    [(o, n, r) for o, n in itertools.permutations(MODEL_STATUSES, 2) for r in ("team", "reviewer")],
)
def test_every_move_follows_the_table(old: str, new: str, role: str) -> None:
    """Exactly the moves of the table are allowed, each only to its roles."""
    if (old, new, role) in ALLOWED:
        check_transition(old, new, role)
    else:
        with pytest.raises(PermissionDeniedError, match="Trạng thái"):
            check_transition(old, new, role)


def test_new_model_starts_registered_by_the_team() -> None:
    """A team registers; nobody creates a model in a later status."""
    check_transition(None, "registered", "team")
    with pytest.raises(PermissionDeniedError):
        check_transition(None, "in_progress", "team")
    with pytest.raises(PermissionDeniedError):
        check_transition(None, "registered", "reviewer")


def test_refusal_names_the_moves_that_are_allowed() -> None:
    """The message tells the user which status to choose instead."""
    with pytest.raises(PermissionDeniedError) as info:
        check_transition("registered", "reviewed", "team")
    assert "«Đang triển khai»" in info.value.message


def test_allowed_next_for_the_form() -> None:
    """The form offers only the moves the role may make."""
    assert allowed_next("in_progress", "team") == ["reviewed", "paused", "closed"]
    assert allowed_next("reviewed", "reviewer") == [
        "recognised",
        "not_recognised",
        "paused",
        "closed",
    ]
    assert allowed_next("closed", "team") == []
