"""The preview: each row's outcome (add, update, same, duplicate, invalid) and its problems,
with core's rules and the store's natural keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from import_files import member_list, model_list, workbook

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def preview(session: Session, path: Path, entity: str, **options: Any) -> Any:
    return session.preview_import(session.read_import_file(path), entity=entity, **options)


def outcomes(plan: Any) -> list[tuple[int, str]]:
    return [(r.line, r.action) for r in plan.rows]


def test_a_roster_previews_a_match_adds_a_duplicate_and_a_blank_row(
    session: Session, tmp_path: Path
) -> None:
    """The leader set up at first run is matched; the last row repeats the one above it."""
    plan = preview(session, member_list(tmp_path / "tv.xlsx"), "member")
    assert outcomes(plan) == [(5, "update"), (6, "add"), (7, "add"), (9, "add"), (10, "duplicate")]
    assert plan.blank_rows == 1
    assert plan.row(5).changes == {"birth_year": (None, 1962), "phone": (None, "0905 111 222")}
    assert plan.row(10).duplicate_of == 9


def test_values_are_read_as_the_store_keeps_them(session: Session, tmp_path: Path) -> None:
    """Labels become codes, a phone kept as a number gets its zero, dates three ways."""
    plan = preview(session, member_list(tmp_path / "tv.xlsx"), "member")
    row = plan.row(6)
    assert (row.values["role"], row.values["phone"]) == ("member", "0914333444")
    assert [plan.row(n).values["birth_year"] for n in (5, 6, 7)] == [1962, 1974, 1970]
    assert plan.text(row, "role") == "Tổ viên"


def test_importing_the_same_file_again_adds_nothing(session: Session, tmp_path: Path) -> None:
    """After an import, the same file previews as the same records."""
    path = member_list(tmp_path / "tv.xlsx")
    session.import_rows(preview(session, path, "member"))
    assert outcomes(preview(session, path, "member")) == [
        (5, "same"), (6, "same"), (7, "same"), (9, "same"), (10, "duplicate")
    ]  # fmt: skip


def test_a_changed_row_is_an_update_with_the_old_and_new_value(
    session: Session, tmp_path: Path
) -> None:
    """A member whose position changed in the list is an update of that field only."""
    session.add_member(full_name="Lê Thị Hoa", position="Tổ viên", phone="0914 333 444")
    path = workbook(tmp_path / "tv.xlsx", [["Họ tên", "Chức vụ", "Số điện thoại"],
                                           ["LÊ THỊ HOA", "Chi hội trưởng", None]])  # fmt: skip
    row = preview(session, path, "member").row(2)
    assert (row.action, row.changes) == ("update", {"position": ("Tổ viên", "Chi hội trưởng")})


def test_namesakes_born_in_different_years_are_two_members(
    session: Session, tmp_path: Path
) -> None:
    """Two «Trần Văn Bình» (1958, 1990) are both added, and both found again next time."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Năm sinh", "Chức vụ"],
                                           ["Trần Văn Bình", 1958, "Trưởng dòng họ"],
                                           ["Trần Văn Bình", 1990, "Thôn đội trưởng"]])  # fmt: skip
    assert outcomes(preview(session, path, "member")) == [(2, "add"), (3, "add")]
    session.import_rows(preview(session, path, "member"))
    assert outcomes(preview(session, path, "member")) == [(2, "same"), (3, "same")]


def test_a_repeated_row_with_other_values_is_refused(session: Session, tmp_path: Path) -> None:
    """The same member (name and birth year) twice with two phone numbers: which is right
    is the user's to say."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Năm sinh", "Số điện thoại"],
                                           ["Lê Thị Hoa", 1974, "0914 333 444"],
                                           ["Lê Thị Hoa", 1974, "0914 333 445"]])  # fmt: skip
    row = preview(session, path, "member").row(3)
    assert row.action == "invalid"
    assert [p.message for p in row.problems] == [
        "Trùng với dòng 2 nhưng khác ở «Số điện thoại»: hãy giữ một dòng đúng, xóa dòng kia "
        "rồi nhập lại."
    ]


def test_a_row_is_held_to_the_rules_of_the_member_form(session: Session, tmp_path: Path) -> None:
    """A bad phone number gets the very message the form's save gives."""
    with pytest.raises(ValidationError) as typed:
        session.add_member(full_name="Lê Thị Hoa", phone="09x")
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "SĐT"], ["Lê Thị Hoa", "09x"]])
    row = preview(session, path, "member").row(2)
    assert row.action == "invalid"
    assert [p.message for p in row.problems] == [typed.value.problems[0].message]


def test_an_unknown_role_is_named_with_the_roles_there_are(
    session: Session, tmp_path: Path
) -> None:
    """«Thư ký» is no role of a team: core's message lists the roles."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Vai trò"], ["Lê Thị Hoa", "Thư ký"]])
    assert [p.message for p in preview(session, path, "member").row(2).problems] == [
        "«Vai trò» không hợp lệ (Thư ký): hãy chọn một trong «Tổ trưởng», «Tổ phó», «Tổ viên»."
    ]


def test_an_empty_cell_erases_nothing(session: Session, tmp_path: Path) -> None:
    """A list without the leader's phone leaves the phone kept in the store."""
    leader = session.team_members()[0]
    session.update_record("member", leader["id"], phone="0905 111 222")
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "SĐT"], ["Nguyễn Văn An", None]])
    assert outcomes(preview(session, path, "member")) == [(2, "same")]


def test_a_model_in_progress_is_registered_then_moved(session: Session, tmp_path: Path) -> None:
    """«Đã tự đánh giá» takes the team's two moves after registering."""
    path = model_list(tmp_path / "mh.xlsx", [[1, "Đường hoa", "Kinh tế", "Đã tự đánh giá", 2025]])
    row = preview(session, path, "model").row(3)
    assert (row.action, row.values["status"], row.steps) == (
        "add", "reviewed", ("in_progress", "reviewed")
    )  # fmt: skip


def test_a_status_only_a_reviewer_gives_is_refused(session: Session, tmp_path: Path) -> None:
    """«Được công nhận tiêu biểu» is the commune's or city's to give."""
    path = model_list(tmp_path / "mh.xlsx",
                      [[1, "Đường hoa", "Kinh tế", "Được công nhận tiêu biểu", 2025]])  # fmt: skip
    assert [p.message for p in preview(session, path, "model").row(3).problems] == [
        "«Trạng thái» «Được công nhận tiêu biểu» do cấp xã hoặc thành phố quyết định, tổ dân vận "
        "không tự ghi được: hãy ghi một trong «Đã đăng ký», «Đang triển khai», «Đã tự đánh giá», "
        "«Tạm dừng, củng cố», «Dừng thực hiện» (cấp trên công nhận qua máy chủ của thành phố)."
    ]


def test_a_field_not_in_the_teams_list_says_where_to_add_it(
    session: Session, tmp_path: Path
) -> None:
    """«Nông nghiệp» is not among the team's model fields: the fields and the page are named."""
    path = model_list(tmp_path / "mh.xlsx", [[1, "Vườn rau", "Nông nghiệp", None, 2025]])
    message = preview(session, path, "model").row(3).problems[0].message
    assert message.startswith("«Lĩnh vực» «Nông nghiệp» không có trong danh mục lĩnh vực của tổ")
    assert "trang Mô hình (nút «Lĩnh vực…»)" in message


def test_a_list_without_years_matches_models_by_name_and_takes_the_start_year(
    session: Session, tmp_path: Path
) -> None:
    """No «Năm» column: the year is the start date's, and the key is the name alone."""
    session.add_model(name="Đường hoa", field_code="economy", year=2023)
    path = workbook(tmp_path / "mh.xlsx", [["Tên mô hình", "Lĩnh vực", "Ngày bắt đầu"],
                                           ["Đường hoa", "Kinh tế", None],
                                           ["Camera an ninh", "Kinh tế", "1/6/2024"]])  # fmt: skip
    plan = preview(session, path, "model")
    assert outcomes(plan) == [(2, "same"), (3, "add")]
    assert plan.row(3).values["year"] == 2024


def test_a_petition_with_the_person_who_raised_it(session: Session, tmp_path: Path) -> None:
    """A petition's matter, day, field and the petitioner's name and address."""
    path = workbook(tmp_path / "kn.xlsx", [
        ["Nội dung kiến nghị", "Ngày tiếp nhận", "Lĩnh vực", "Người kiến nghị", "Địa chỉ"],
        ["Đèn đường kiệt 12 hỏng", dt.datetime(2026, 1, 5), "Giao thông, điện, nước sinh hoạt",
         "Lê Thị Hoa", "Kiệt 12"],
    ])  # fmt: skip
    row = preview(session, path, "petition").row(2)
    assert row.action == "add"
    assert (row.values["received_on"], row.values["field_code"]) == ("2026-01-05", "infrastructure")
    assert row.extras == {"petitioner.full_name": "Lê Thị Hoa", "petitioner.address": "Kiệt 12"}


def test_an_unknown_kind_of_record_is_refused(session: Session, tmp_path: Path) -> None:
    """Only members, models and petitions come from files."""
    path = workbook(tmp_path / "x.xlsx", [["Tên"], ["A"]])
    with pytest.raises(ValidationError) as refused:
        preview(session, path, "meeting")
    assert refused.value.message == (
        "Không nhập được loại hồ sơ «meeting»: hãy chọn một trong member, model, petition."
    )


def test_a_row_with_a_problem_takes_no_match_from_a_good_row(
    session: Session, tmp_path: Path
) -> None:
    """The leader twice, first with a day that does not exist: the good row is the one found
    again, so skipping the bad row adds nobody twice."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Bắt đầu nhiệm kỳ"],
                                           ["Nguyễn Văn An", "31/02/2025"],
                                           ["Nguyễn Văn An", "01/02/2025"]])  # fmt: skip
    plan = preview(session, path, "member")
    assert outcomes(plan) == [(2, "invalid"), (3, "update")]
    session.import_rows(plan, skip_invalid=True)
    assert [m["full_name"] for m in session.team_members()] == ["Nguyễn Văn An"]
