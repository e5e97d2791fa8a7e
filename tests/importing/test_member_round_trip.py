"""The roster exported as XLSX imports back as the same members (issue 18): exported,
edited in Excel, imported again, nothing added twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from test_import_cli import danvan, team_dir  # noqa: F401 (a fixture)
from test_import_round_trip import new_store

from danvan_desktop.session import Session


def fill(session: Session) -> None:
    """The leader born 1958, a namesake born 1990 and a deputy with a term."""
    leader = str(session.team_members()[0]["id"])
    session.update_record("member", leader, birth_year=1958, phone="0905 111 222")
    session.add_member(full_name="Nguyễn Văn An", birth_year=1990, organisation="Đoàn Thanh niên")
    session.add_member(full_name="Lê Thị Hoa", birth_year=1974, role="deputy",
                       position="Trưởng ban công tác Mặt trận", term_start="2025-01-15",
                       term_end="2030-01-14")  # fmt: skip


def roster(session: Session) -> list[tuple[Any, ...]]:
    fields = ("full_name", "birth_year", "role", "position", "organisation", "phone",
              "term_start", "term_end")  # fmt: skip
    return sorted(tuple(m[f] for f in fields) for m in session.team_members())


def export(session: Session, folder: Path) -> Path:
    folder.mkdir()
    return session.export_report("members", "xlsx", folder).path


def preview(session: Session, path: Path) -> Any:
    return session.preview_import(session.read_import_file(path), entity="member")


def test_the_exported_roster_imports_back_as_the_same_members(
    session: Session, tmp_path: Path
) -> None:
    """Into the store it came from: every member is found, nothing changes."""
    fill(session)
    plan = preview(session, export(session, tmp_path / "out"))
    assert [r.action for r in plan.rows] == ["same", "same", "same"]


def test_a_roster_edited_in_excel_updates_and_adds_without_duplicates(
    session: Session, tmp_path: Path
) -> None:
    """A phone changed and a member typed under the list: one update, one new member."""
    fill(session)
    path = export(session, tmp_path / "out")
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    heads = next(r for r in sheet.iter_rows() if r[0].value == "TT")
    column = {str(c.value): c.column_letter for c in heads}
    row = next(r for r in sheet.iter_rows() if r[2].value == 1990)[0].row
    sheet[f"{column['Số điện thoại']}{row}"] = "0914 000 111"
    sheet.append([4, "Trần Văn Bình", 1970, "Tổ viên", "Trưởng thôn"])
    book.save(path)
    done = session.import_rows(preview(session, path))
    assert (done.added, done.updated) == (1, 1)
    names = sorted((m["full_name"], m["birth_year"], m["phone"]) for m in session.team_members())
    assert names == [
        ("Lê Thị Hoa", 1974, None),
        ("Nguyễn Văn An", 1958, "0905 111 222"),
        ("Nguyễn Văn An", 1990, "0914 000 111"),
        ("Trần Văn Bình", 1970, None),
    ]


def test_the_exported_roster_rebuilds_the_team_in_a_new_store(
    session: Session, tmp_path: Path
) -> None:
    """Into a new store (its leader set up, no year): the same roster, field for field."""
    fill(session)
    path = export(session, tmp_path / "out")
    other = new_store(tmp_path / "other")
    try:
        leader = str(other.team_members()[0]["id"])
        other.update_record("member", leader, birth_year=1958)
        other.import_rows(preview(other, path))
        assert roster(other) == roster(session)
    finally:
        other.close()


def test_the_command_line_exports_the_roster(team_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    """``danvan export members --format xlsx`` writes the list the import reads back."""
    (tmp_path / "out").mkdir()
    done = danvan("export", "members", "--format", "xlsx", "--to", str(tmp_path / "out"),
                  data_dir=team_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    again = danvan("import", str(next((tmp_path / "out").glob("*.xlsx"))), "--as", "member",
                   "--dry-run", data_dir=team_dir)  # fmt: skip
    assert again.stdout.splitlines()[-2] == (
        "Xem trước: thêm 0, cập nhật 0, giữ nguyên 1, trùng 0, lỗi 0; 0 dòng trống."
    )
