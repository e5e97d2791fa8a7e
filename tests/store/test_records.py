"""Saving records: validation before writing, NFC text, tombstones, and the outbox."""

from __future__ import annotations

import json
import unicodedata

import pytest

from danvan_desktop.core.errors import NotFoundError, PermissionDeniedError, ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import outbox


def _counts(session: Session) -> tuple[int, int]:
    db = session.store.db
    return (
        db.execute("SELECT count(*) FROM model").fetchone()[0],
        db.execute("SELECT count(*) FROM outbox").fetchone()[0],
    )


def test_new_model_gets_a_uuid7_and_one_outbox_operation(session: Session) -> None:
    """A created record is dirty, has no server version, and has its upsert queued."""
    result = session.add_model(name="Con đường hoa", field_code="new_rural", year=2026)
    row = session.get_record("model", result.record_id or "")
    assert row["dirty"] == 1 and row["server_version"] is None and row["deleted"] == 0
    op = outbox.operation_for(session.store.db, "model", row["id"])
    assert op is not None
    assert op.kind == "upsert"
    assert op.base_version is None
    assert op.fields == {
        "field_code": "new_rural",
        "name": "Con đường hoa",
        "status": "registered",
        "year": 2026,
    }
    assert op.device_id == session.store.device_id
    assert op.unit_id == session.store.home_unit_id


def test_empty_name_is_refused_and_nothing_is_written(session: Session) -> None:
    """A rejected save names the field and leaves no row and no operation."""
    before = _counts(session)
    with pytest.raises(ValidationError) as info:
        session.add_model(name="   ", field_code="economy", year=2026)
    assert info.value.fields == ["name"]
    assert "«Tên mô hình» không được để trống" in info.value.message
    assert _counts(session) == before


def test_unknown_field_code_is_refused(session: Session) -> None:
    """A model's field must come from the team's list of fields."""
    with pytest.raises(ValidationError) as info:
        session.add_model(name="Mô hình", field_code="astronomy", year=2026)
    assert info.value.fields == ["field_code"]


def test_end_before_start_is_refused(session: Session) -> None:
    """A model that ends before it starts is refused, naming the end field."""
    with pytest.raises(ValidationError) as info:
        session.add_model(
            name="Mô hình",
            field_code="economy",
            year=2026,
            start_date="01/06/2026",
            end_date="31/05/2026",
        )
    assert info.value.fields == ["end_date"]
    assert "«Ngày đánh giá kết quả» ở trước «Ngày bắt đầu»" in info.value.message


def test_dates_typed_dd_mm_yyyy_are_stored_iso(session: Session) -> None:
    """Dates are typed the Vietnamese way and stored as ISO text."""
    result = session.add_model(
        name="Mô hình", field_code="economy", year=2026, start_date="05/01/2026"
    )
    assert session.get_record("model", result.record_id or "")["start_date"] == "2026-01-05"


def test_text_is_stored_nfc(session: Session) -> None:
    """Decomposed input (as some input methods send it) is stored composed."""
    decomposed = unicodedata.normalize("NFD", "Đường làng sáng - xanh - sạch")
    result = session.add_model(name=decomposed, field_code="economy", year=2026)
    stored = session.get_record("model", result.record_id or "")["name"]
    assert stored == unicodedata.normalize("NFC", decomposed)
    assert stored != decomposed


def test_pending_edits_coalesce_into_one_operation(session: Session) -> None:
    """A hundred edits of one record before sync are one operation with the first base."""
    model_id = session.add_model(name="Bản đầu", field_code="economy", year=2026).record_id or ""
    for i in range(100):
        session.update_model(model_id, content=f"Nội dung lần {i}")
    ops = [op for op in session.pending_operations() if op.record_id == model_id]
    assert len(ops) == 1
    assert ops[0].fields["content"] == "Nội dung lần 99"
    assert ops[0].fields["name"] == "Bản đầu"
    assert ops[0].base["content"] is None


def test_operation_in_flight_is_not_changed(session: Session) -> None:
    """An edit after the operation went on the wire gets its own operation and base."""
    db = session.store.db
    model_id = session.add_model(name="A", field_code="economy", year=2026).record_id or ""
    first = outbox.operation_for(db, "model", model_id)
    assert first is not None
    outbox.mark_sending(db, [first.op_id])
    session.update_model(model_id, name="B")
    ops = [op for op in session.pending_operations() if op.record_id == model_id]
    assert [op.fields.get("name") for op in ops] == ["A", "B"]
    assert ops[1].base == {"name": "A"}


def test_update_records_base_values(session: Session) -> None:
    """The operation carries the values before the edit, for the three-way merge."""
    db = session.store.db
    model_id = session.add_model(name="A", field_code="economy", year=2026).record_id or ""
    db.execute("DELETE FROM outbox")
    db.execute("UPDATE model SET server_version = 7, dirty = 0 WHERE id = ?", [model_id])
    session.update_model(model_id, name="B", scope="Cả thôn")
    op = outbox.operation_for(db, "model", model_id)
    assert op is not None
    assert op.base_version == 7
    assert op.base == {"name": "A", "scope": None}
    assert op.fields == {"name": "B", "scope": "Cả thôn"}


def test_unchanged_save_writes_nothing(session: Session) -> None:
    """Saving the same values again queues no operation."""
    model_id = session.add_model(name="A", field_code="economy", year=2026).record_id or ""
    session.store.db.execute("DELETE FROM outbox")
    result = session.update_model(model_id, name="A")
    assert result.changes == ()
    assert session.pending_count() == 0


def test_delete_is_a_tombstone_with_an_operation(session: Session) -> None:
    """A deleted record stays as a tombstone and its delete is queued."""
    model_id = session.add_model(name="A", field_code="economy", year=2026).record_id or ""
    session.store.db.execute("DELETE FROM outbox")
    session.delete_record("model", model_id)
    row = session.records.get("model", model_id, include_deleted=True)
    assert row["deleted"] == 1 and row["dirty"] == 1
    with pytest.raises(NotFoundError):
        session.get_record("model", model_id)
    op = outbox.operation_for(session.store.db, "model", model_id)
    assert op is not None and op.kind == "delete"


def test_child_rows_inherit_the_unit_and_need_a_live_parent(session: Session) -> None:
    """Child rows take their parent's unit; a missing parent is refused."""
    meeting_id = (
        session.add_meeting(
            kind="regular", title="Họp tháng 11", starts_at="25/11/2026 08:00"
        ).record_id
        or ""
    )
    opinion = session.add_record(
        "opinion", meeting_id=meeting_id, speaker="Bà Lê Thị Hoa", content="Đề nghị sửa đèn."
    )
    row = session.get_record("opinion", opinion.record_id or "")
    assert row["unit_id"] == session.store.home_unit_id
    with pytest.raises(ValidationError) as info:
        session.add_record("opinion", meeting_id="missing", speaker="A", content="B")
    assert info.value.fields == ["meeting_id"]


def test_task_deadline_before_its_meeting_is_refused(session: Session) -> None:
    """A task cannot fall due before the meeting that gave it."""
    meeting_id = session.add_meeting(
        kind="regular", title="Họp tháng 11", starts_at="25/11/2026 08:00"
    ).record_id
    with pytest.raises(ValidationError) as info:
        session.add_task(meeting_id=meeting_id, title="Sửa đèn", deadline="20/11/2026")
    assert info.value.fields == ["deadline"]
    assert "25/11/2026" in info.value.message


def test_status_moves_follow_the_role(session: Session) -> None:
    """A team moves its model forward but cannot recognise it."""
    model_id = session.add_model(name="A", field_code="economy", year=2026).record_id or ""
    session.move_model(model_id, status="in_progress")
    session.move_model(model_id, status="reviewed")
    with pytest.raises(PermissionDeniedError):
        session.move_model(model_id, status="recognised")
    assert session.get_record("model", model_id)["status"] == "reviewed"


def test_team_cannot_write_reviewer_fields_nor_reviewer_team_fields(session: Session) -> None:
    """A team never edits review comments; a reviewer never edits the ten items."""
    model_id = session.add_model(name="A", field_code="economy", year=2026).record_id or ""
    with pytest.raises(PermissionDeniedError, match="Nhận xét của cấp trên"):
        session.update_model(model_id, review_comment="Tốt")
    reviewer = Session(session.store, role="reviewer")
    with pytest.raises(PermissionDeniedError, match="Tên mô hình"):
        reviewer.update_model(model_id, name="Đổi tên")
    reviewer.update_model(model_id, review_comment="Cần bổ sung số liệu")


def test_json_fields_are_stored_canonically(session: Session) -> None:
    """Regulation recipients are kept as sorted, compact-able JSON text."""
    reg = session.regulation()
    recipients = json.loads(str(reg["report_recipients"]))
    assert recipients[0] == "Đảng ủy phường Phú Xuân"
