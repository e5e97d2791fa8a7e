"""The Session's life-cycle verbs on a real store: a move keeps its reason, a reviewer's
recognition is an entry of the list, nothing is half-written."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import PermissionDeniedError, ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import outbox


def _model(session: Session, *steps: str) -> str:
    model_id = session.add_model(name="Phân loại rác", field_code="economy", year=2026).record_id
    assert model_id
    for step in steps:
        session.move_model(model_id, status=step)
    return model_id


def _as_reviewer(session: Session) -> Session:
    session.role = "reviewer"
    return session


def test_a_move_keeps_its_reason_in_the_history(session: Session) -> None:
    """Closing a model writes the status and a history entry with the reason."""
    model_id = _model(session, "in_progress")
    session.move_model(model_id, status="closed", reason="Thôn sáp nhập")
    assert session.get_record("model", model_id)["status"] == "closed"
    history = [
        (h["from_status"], h["to_status"], h["reason"], h["by_role"])
        for h in session.model_history(model_id)
    ]
    assert history == [
        ("registered", "in_progress", None, "team"),
        ("in_progress", "closed", "Thôn sáp nhập", "team"),
    ]


def test_a_move_without_its_reason_writes_nothing(session: Session) -> None:
    """Pausing without a reason is refused on «Lý do»; status and history stay."""
    model_id = _model(session, "in_progress")
    before = session.pending_count()
    with pytest.raises(ValidationError) as info:
        session.move_model(model_id, status="paused")
    assert info.value.fields == ["reason"]
    assert session.get_record("model", model_id)["status"] == "in_progress"
    assert len(session.model_history(model_id)) == 1
    assert session.pending_count() == before


def test_a_reviewer_recognises_with_the_decision(session: Session) -> None:
    """Reviewed → recognised adds the recognition entry beside the move."""
    model_id = _model(session, "in_progress", "reviewed")
    _as_reviewer(session).move_model(
        model_id, status="recognised", decision_number="45/QĐ-UBND", decided_on="2026-03-02",
        level="commune",
    )  # fmt: skip
    [entry] = session.model_recognitions(model_id)
    assert (entry["level"], entry["decision_number"], entry["decided_on"]) == (
        "commune",
        "45/QĐ-UBND",
        "2026-03-02",
    )
    assert session.model_history(model_id)[-1]["by_role"] == "reviewer"


def test_the_city_recognises_later(session: Session) -> None:
    """A second recognition joins the list, the earliest decision first."""
    model_id = _model(session, "in_progress", "reviewed")
    reviewer = _as_reviewer(session)
    reviewer.move_model(
        model_id, status="recognised", decision_number="45/QĐ", decided_on="2026-03-02",
        level="commune",
    )  # fmt: skip
    reviewer.add_recognition(
        model_id, decision_number="120/QĐ-UBND", decided_on="2026-09-10", level="city"
    )
    levels = [r["level"] for r in session.model_recognitions(model_id)]
    assert levels == ["commune", "city"]


def test_a_team_cannot_add_a_recognition(session: Session) -> None:
    """A team laptop is refused with a message saying who recognises."""
    model_id = _model(session, "in_progress", "reviewed")
    _as_reviewer(session).move_model(
        model_id, status="recognised", decision_number="1", decided_on="2026-03-02",
        level="commune",
    )  # fmt: skip
    session.role = "team"
    with pytest.raises(PermissionDeniedError, match="Chỉ cấp xã hoặc thành phố công nhận"):
        session.add_recognition(model_id, decision_number="2", decided_on="2026-04-01")


def test_a_move_and_its_entries_travel_in_the_outbox(session: Session) -> None:
    """The move, its history entry and the recognition each queue an operation."""
    model_id = _model(session, "in_progress", "reviewed")
    _as_reviewer(session).move_model(
        model_id, status="recognised", decision_number="45/QĐ", decided_on="2026-03-02",
        level="commune",
    )  # fmt: skip
    entities = {op.entity for op in outbox.operations(session.store.db)}
    assert {"model", "model_status_change", "model_recognition"} <= entities
