"""Two members of the same name (issue 18): the birth year tells them apart, and the
preview says when a row cannot be told from another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from import_files import workbook

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session

AN = "Nguyễn Văn An"  # the leader set up at first run (no birth year)


def preview(session: Session, path: Path) -> Any:
    return session.preview_import(session.read_import_file(path), entity="member")


def two_ans(session: Session) -> tuple[str, str]:
    """The leader (born 1958 once filled in) and a second «Nguyễn Văn An» born 1990."""
    leader = str(session.team_members()[0]["id"])
    session.update_record("member", leader, birth_year=1958)
    other = str(session.add_member(full_name=AN, birth_year=1990).record_id)
    return leader, other


def test_a_member_keeps_a_birth_year(session: Session) -> None:
    """The member's birth year is stored and read back."""
    member_id = session.add_member(full_name="Lê Thị Hoa", birth_year=1974).record_id
    assert [m["birth_year"] for m in session.team_members() if m["id"] == member_id] == [1974]


def test_a_birth_year_finds_its_namesake(session: Session, tmp_path: Path) -> None:
    """«Nguyễn Văn An» born 1990 is the second An, not the leader."""
    _leader, other = two_ans(session)
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Năm sinh", "SĐT"],
                                           [AN, 1990, "0905 111 222"]])  # fmt: skip
    row = preview(session, path).row(2)
    assert (row.action, row.record_id, row.changes) == (
        "update", other, {"phone": (None, "0905 111 222")}
    )  # fmt: skip


def test_a_new_birth_year_is_a_new_namesake(session: Session, tmp_path: Path) -> None:
    """A third «Nguyễn Văn An», born 2001, is added."""
    two_ans(session)
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Năm sinh"], [AN, 2001]])
    assert preview(session, path).row(2).action == "add"


def test_a_row_without_a_birth_year_among_stored_namesakes_asks_which(
    session: Session, tmp_path: Path
) -> None:
    """Two «Nguyễn Văn An» are kept: a row without a year says which years there are."""
    two_ans(session)
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "SĐT"], [AN, "0905 111 222"]])
    row = preview(session, path).row(2)
    assert row.action == "invalid"
    assert [(p.field, p.message) for p in row.problems] == [
        (
            "birth_year",
            "Đã có 2 người tên «Nguyễn Văn An» (Năm sinh: 1958, 1990): hãy ghi «Năm sinh» ở "
            "dòng này để biết là người nào; nếu là người mới, hãy ghi năm sinh của người đó.",
        )
    ]


def test_a_row_without_a_birth_year_matches_the_one_member_of_its_name(
    session: Session, tmp_path: Path
) -> None:
    """One «Nguyễn Văn An» is kept: a row of that name without a year is that member."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "SĐT"], [AN, "0905 111 222"]])
    row = preview(session, path).row(2)
    assert (row.action, row.record_id) == ("update", session.team_members()[0]["id"])


def test_two_rows_of_one_name_without_birth_years_cannot_be_told_apart(
    session: Session, tmp_path: Path
) -> None:
    """Two «Trần Văn Bình» with other positions and no year: the second asks for the year."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Chức vụ"],
                                           ["Trần Văn Bình", "Trưởng dòng họ"],
                                           ["Trần Văn Bình", "Thôn đội trưởng"]])  # fmt: skip
    row = preview(session, path).row(3)
    assert row.action == "invalid"
    assert [(p.field, p.message) for p in row.problems] == [
        (
            "birth_year",
            "Cùng tên với dòng 2 mà thiếu «Năm sinh» nên không phân biệt được: nếu là hai "
            "người, hãy ghi «Năm sinh» của từng người; nếu là một người, hãy giữ một dòng "
            "đúng, xóa dòng kia rồi nhập lại.",
        )
    ]


def test_a_row_without_a_year_beside_a_namesake_with_one_is_refused(
    session: Session, tmp_path: Path
) -> None:
    """«Trần Văn Bình» 1958, then «Trần Văn Bình» without a year: the second is refused."""
    path = workbook(tmp_path / "tv.xlsx", [["Họ và tên", "Năm sinh"],
                                           ["Trần Văn Bình", 1958],
                                           ["Trần Văn Bình", None]])  # fmt: skip
    plan = preview(session, path)
    assert [(r.line, r.action) for r in plan.rows] == [(2, "add"), (3, "invalid")]


def test_a_birth_year_out_of_range_is_refused(session: Session) -> None:
    """A member born in 1850 is refused beside the birth year."""
    with pytest.raises(ValidationError) as refused:
        session.add_member(full_name="Lê Thị Hoa", birth_year=1850)
    assert refused.value.fields == ["birth_year"]
