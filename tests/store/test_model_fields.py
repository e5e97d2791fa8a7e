"""The editable list of model fields through the Session: codes, order, sync, refusals."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def _codes(session: Session) -> list[str]:
    return [code for code, _name in session.model_fields()]


def test_a_new_field_gets_a_code_from_its_name_and_goes_last(session: Session) -> None:
    """«Môi trường, cảnh quan» becomes to_moi_truong_canh_quan (a team's code: to_ first),
    after «Lĩnh vực khác»."""
    result = session.add_model_field(name="Môi trường, cảnh quan")
    assert result.entities == {"model_field"}
    assert _codes(session)[-2:] == ["other", "to_moi_truong_canh_quan"]


def test_a_code_is_never_reused_after_a_removal(session: Session) -> None:
    """A removed field's code stays taken (its tombstone syncs), so the new one differs."""
    first = session.add_model_field(name="Môi trường")
    assert first.record_id is not None
    session.remove_model_field(first.record_id)
    session.add_model_field(name="Môi trường")
    assert _codes(session)[-1] == "to_moi_truong_2"


def test_changes_are_queued_for_sync(session: Session) -> None:
    """Adding, renaming and moving a team's field each leave an operation in the outbox."""
    before = session.pending_count()
    session.add_model_field(name="Khuyến học")
    added = session.add_model_field(name="Môi trường")
    assert added.record_id is not None
    session.rename_model_field(added.record_id, name="Môi trường sống")
    moved = session.move_model_field(added.record_id, offset=-1)
    assert len(moved.changes) == 2
    assert session.pending_count() > before
    assert session.model_fields()[-2] == ("to_moi_truong", "Môi trường sống")


def test_a_field_in_use_is_refused_with_the_number_of_models(session: Session) -> None:
    """Removing the team's «Khuyến học» while one model uses it is a ValidationError naming
    the count."""
    own = session.add_model_field(name="Khuyến học")
    assert own.record_id is not None
    session.add_model(name="Quỹ khuyến học", field_code="to_khuyen_hoc", year=2026)
    with pytest.raises(ValidationError) as caught:
        session.remove_model_field(own.record_id)
    assert caught.value.fields == ["name"]
    assert "1 mô hình đang thuộc lĩnh vực này" in caught.value.message
    assert "to_khuyen_hoc" in _codes(session)


def test_rows_count_the_live_models_of_each_field(session: Session) -> None:
    """The dialog's list shows each field's live models; a deleted model does not count."""
    kept = session.add_model(name="Vườn rau sạch", field_code="economy", year=2026)
    gone = session.add_model(name="Quỹ khuyến học", field_code="economy", year=2026)
    session.add_model(name="Đường hoa", field_code="other", year=2026)
    assert kept.record_id is not None and gone.record_id is not None
    session.delete_record("model", gone.record_id)
    use = {row["code"]: row["models"] for row in session.model_field_rows()}
    assert use["economy"] == 1
    assert use["other"] == 1
    assert sum(use.values()) == 2
    assert set(use) == set(_codes(session))
