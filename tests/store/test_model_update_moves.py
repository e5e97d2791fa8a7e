"""The generic update path keeps a model's history: a status change is a life-cycle move,
and a move that must say why is refused there, naming ``danvan model-status``."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_desktop.cli import run
from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def _model(session: Session) -> str:
    model_id = session.add_model(name="Phân loại rác", field_code="economy", year=2026).record_id
    assert model_id
    return model_id


def test_update_model_with_a_new_status_writes_the_history(session: Session) -> None:
    """``update_model(status="in_progress")`` keeps the move in the model's history."""
    model_id = _model(session)
    session.update_model(model_id, status="in_progress")
    history = [(h["from_status"], h["to_status"]) for h in session.model_history(model_id)]
    assert history == [("registered", "in_progress")]


def test_update_model_saves_other_fields_with_the_move(session: Session) -> None:
    """The other fields of the same update are saved beside the move."""
    model_id = _model(session)
    session.update_model(model_id, status="in_progress", goals="Giảm rác thải")
    record = session.get_record("model", model_id)
    assert (record["status"], record["goals"]) == ("in_progress", "Giảm rác thải")


def test_update_model_to_a_move_needing_a_reason_is_refused(session: Session) -> None:
    """Pausing through ``update_model`` is refused on «Trạng thái», naming model-status."""
    model_id = _model(session)
    session.move_model(model_id, status="in_progress")
    with pytest.raises(ValidationError) as info:
        session.update_model(model_id, status="paused")
    assert info.value.fields == ["status"]
    assert info.value.problems[0].message == (
        "«Trạng thái»: chuyển mô hình sang «Tạm dừng, củng cố» phải ghi lý do, nên không đổi "
        "trạng thái ở đây được. Hãy dùng nút «Chuyển trạng thái, ghi lý do…» trên trang mô "
        f'hình, hoặc lệnh danvan model-status {model_id} paused --reason "…"'
    )


def test_a_refused_update_writes_nothing(session: Session) -> None:
    """A refused move leaves the status, the other fields and the history as they were."""
    model_id = _model(session)
    session.move_model(model_id, status="in_progress")
    with pytest.raises(ValidationError):
        session.update_model(model_id, status="closed", goals="Giảm rác thải")
    record = session.get_record("model", model_id)
    assert (record["status"], record["goals"]) == ("in_progress", None)
    assert len(session.model_history(model_id)) == 1


def test_a_recognition_through_update_names_the_decision(session: Session) -> None:
    """A reviewer recognising through an update is told to give the decision."""
    model_id = _model(session)
    session.move_model(model_id, status="in_progress")
    session.move_model(model_id, status="reviewed")
    session.role = "reviewer"
    with pytest.raises(ValidationError) as info:
        session.update_record("model", model_id, status="recognised")
    assert "--decision" in info.value.problems[0].message


def test_cli_update_model_status_writes_the_history(
    data_dir: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    """``danvan update model ID status=in_progress`` writes the move's history entry."""
    model_id = _model(session)
    session.close()
    assert (
        run(["--data-dir", str(data_dir), "update", "model", model_id, "status=in_progress"]) == 0
    )
    reopened = Session.open(data_dir)
    try:
        assert [h["to_status"] for h in reopened.model_history(model_id)] == ["in_progress"]
    finally:
        reopened.close()


def test_cli_update_model_pause_is_refused_naming_model_status(
    data_dir: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    """``danvan update model ID status=paused`` fails and names ``danvan model-status``."""
    model_id = _model(session)
    session.move_model(model_id, status="in_progress")
    session.close()
    code = run(["--data-dir", str(data_dir), "update", "model", model_id, "status=paused"])
    assert code != 0
    assert f"danvan model-status {model_id} paused --reason" in capsys.readouterr().err
