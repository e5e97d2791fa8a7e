"""A confirmed import is written whole, in one transaction with its outbox operations, or
not at all, with the reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from import_files import member_list, model_list, workbook

from danvan_desktop.core.errors import DanvanError, OperationCancelled, ValidationError
from danvan_desktop.session import Session


def preview(session: Session, path: Path, entity: str) -> Any:
    return session.preview_import(session.read_import_file(path), entity=entity)


def count(session: Session, table: str) -> int:
    return int(
        session.store.db.execute(f"SELECT count(*) FROM [{table}] WHERE deleted = 0").fetchone()[0]
    )


MODELS = [
    [1, "Đường hoa sáng xanh", "Xây dựng nông thôn mới, đô thị văn minh", "Đang triển khai", 2025,
     dt.datetime(2025, 3, 1)],
    [2, "Camera an ninh", "Quốc phòng - an ninh", "Đã tự đánh giá", 2024, "15/6/2024"],
    [3, "Quỹ khuyến học", "Văn hóa - xã hội", None, 2026, 46023],
]  # fmt: skip


def test_models_are_written_with_one_outbox_operation_each(
    session: Session, tmp_path: Path
) -> None:
    """Three models, moved to their statuses, queue three operations (moves coalesce)."""
    before = session.pending_count()
    done = session.import_rows(preview(session, model_list(tmp_path / "mh.xlsx", MODELS), "model"))
    assert (done.added, done.updated, done.left) == (3, 0, 0)
    rows = session.list_records("model")
    assert [(r["name"], r["status"], r["year"], r["start_date"]) for r in rows] == [
        ("Đường hoa sáng xanh", "in_progress", 2025, "2025-03-01"),
        ("Camera an ninh", "reviewed", 2024, "2024-06-15"),
        ("Quỹ khuyến học", "registered", 2026, "2026-01-01"),
    ]
    operations = session.pending_operations()[before:]
    assert [(op.entity, op.kind, op.fields.get("status")) for op in operations] == [
        ("model", "upsert", "in_progress"),
        ("model", "upsert", "reviewed"),
        ("model", "upsert", "registered"),
    ]


def test_the_result_names_the_records_changed(session: Session, tmp_path: Path) -> None:
    """Pages refresh what changed: the result's entities."""
    done = session.import_rows(preview(session, member_list(tmp_path / "tv.xlsx"), "member"))
    assert done.result.entities == {"member"}
    assert (done.added, done.updated, done.left) == (3, 1, 1)


def test_a_row_with_a_problem_keeps_everything_out(session: Session, tmp_path: Path) -> None:
    """One bad phone number: nothing is written, and the rows at fault are named."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "SĐT"], ["Lê Thị Hoa", "0914 333 444"],
                                           ["Trần Văn Bình", "09x"]])  # fmt: skip
    members, operations = count(session, "member"), session.pending_count()
    with pytest.raises(ValidationError) as refused:
        session.import_rows(preview(session, path, "member"))
    assert refused.value.message == (
        "1 dòng có lỗi (dòng 3): hãy sửa các dòng đó trong tệp rồi nhập lại, hoặc chọn bỏ qua "
        "các dòng có lỗi. Chưa ghi gì vào dữ liệu."
    )
    assert (count(session, "member"), session.pending_count()) == (members, operations)


def test_rows_with_problems_can_be_left_out(session: Session, tmp_path: Path) -> None:
    """«Bỏ qua các dòng có lỗi»: the other rows are written."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "SĐT"], ["Lê Thị Hoa", "0914 333 444"],
                                           ["Trần Văn Bình", "09x"]])  # fmt: skip
    done = session.import_rows(preview(session, path, "member"), skip_invalid=True)
    assert (done.added, done.left) == (1, 1)
    assert [m["full_name"] for m in session.team_members()] == ["Nguyễn Văn An", "Lê Thị Hoa"]


def test_a_file_in_an_old_encoding_is_not_written(session: Session, tmp_path: Path) -> None:
    """The file's own problem keeps it out, even with rows skipped."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên"], ["NguyÔn V¨n An"]])
    with pytest.raises(ValidationError) as refused:
        session.import_rows(preview(session, path, "member"), skip_invalid=True)
    assert refused.value.fields == ["column:A"]


def test_a_cancelled_import_leaves_nothing(session: Session, tmp_path: Path) -> None:
    """«Hủy» after two records: the transaction is rolled back, nothing is kept."""
    plan = preview(session, model_list(tmp_path / "mh.xlsx", MODELS), "model")
    calls = iter(range(100))

    def check() -> None:
        if next(calls) == 2:
            raise OperationCancelled("Đã hủy theo yêu cầu.")

    operations = session.pending_count()
    with pytest.raises(OperationCancelled):
        session.import_rows(plan, check=check)
    assert (count(session, "model"), session.pending_count()) == (0, operations)


def test_a_store_changed_since_the_preview_is_refused(session: Session, tmp_path: Path) -> None:
    """A model the file holds arrives after the preview: the import asks for a new preview."""
    plan = preview(session, model_list(tmp_path / "mh.xlsx", MODELS), "model")
    session.add_model(name="Camera an ninh", field_code="defence_security", year=2024)
    with pytest.raises(DanvanError) as refused:
        session.import_rows(plan)
    assert refused.value.message == (
        "Dữ liệu đã thay đổi từ lúc xem trước (có thể vừa đồng bộ): hãy xem trước lại rồi "
        "nhập. Chưa ghi gì vào dữ liệu."
    )
    assert count(session, "model") == 1


def test_a_skipped_update_is_not_written(session: Session, tmp_path: Path) -> None:
    """The leader's phone is an update the user skipped; the new members are added."""
    plan = preview(session, member_list(tmp_path / "tv.xlsx"), "member")
    session.import_rows(plan, skip_updates={5})
    assert session.team_members()[0]["phone"] is None


def test_a_petition_is_written_with_its_petitioner(session: Session, tmp_path: Path) -> None:
    """The person who raised it is saved as the petition's petitioner, in the same import."""
    path = workbook(tmp_path / "kn.xlsx", [
        ["Nội dung kiến nghị", "Ngày tiếp nhận", "Lĩnh vực", "Người kiến nghị"],
        ["Đèn đường kiệt 12 hỏng", "5/1/2026", "Giao thông, điện, nước sinh hoạt", "Lê Thị Hoa"],
    ])  # fmt: skip
    done = session.import_rows(preview(session, path, "petition"))
    petition_id = next(c.record_id for c in done.result.changes if c.entity == "petition")
    sheet = session.petition(petition_id)
    assert (sheet["title"], sheet["received_on"]) == ("Đèn đường kiệt 12 hỏng", "2026-01-05")
    assert [p["full_name"] for p in sheet["petitioners"]] == ["Lê Thị Hoa"]
