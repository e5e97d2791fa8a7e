"""A file that finds a stored petition updates the person who raised it, never adds a second."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from import_files import workbook

from danvan_desktop.session import Session

HEAD = ["Nội dung kiến nghị", "Ngày tiếp nhận", "Lĩnh vực", "Người kiến nghị", "Địa chỉ",
        "Số điện thoại"]  # fmt: skip
FIELD = "Giao thông, điện, nước sinh hoạt"


def preview(session: Session, path: Path) -> Any:
    return session.preview_import(session.read_import_file(path), entity="petition")


def petition_file(path: Path, *person: str | None) -> Path:
    """One row: the street light petition of 5/1/2026, raised by ``person`` (name, address,
    phone)."""
    return workbook(path, [HEAD, ["Đèn đường kiệt 12 hỏng", "5/1/2026", FIELD, *person]])


def first_import(session: Session, tmp_path: Path) -> str:
    path = petition_file(tmp_path / "kn1.xlsx", "Lê Thị Hoa", "Kiệt 12", None)
    done = session.import_rows(preview(session, path))
    return next(c.record_id for c in done.result.changes if c.entity == "petition")


def people(session: Session, petition_id: str) -> list[tuple[str, str | None, str | None]]:
    sheet = session.petition(petition_id)
    return [(p["full_name"], p["address"], p["phone"]) for p in sheet["petitioners"]]


def test_a_changed_address_is_an_update_of_the_petitioner(session: Session, tmp_path: Path) -> None:
    """The petition is the same; the petitioner's new address is shown as an update."""
    first_import(session, tmp_path)
    path = petition_file(tmp_path / "kn2.xlsx", "Lê Thị Hoa", "Kiệt 14", None)
    row = preview(session, path).row(2)
    assert (row.action, row.changes) == ("update", {"petitioner.address": ("Kiệt 12", "Kiệt 14")})


def test_the_update_changes_the_one_petitioner(session: Session, tmp_path: Path) -> None:
    """Importing the new address and phone changes the stored petitioner; no second one."""
    petition_id = first_import(session, tmp_path)
    path = petition_file(tmp_path / "kn2.xlsx", "LÊ THỊ HOA", "Kiệt 14", "0905 111 222")
    done = session.import_rows(preview(session, path))
    assert (done.added, done.updated) == (0, 1)
    assert people(session, petition_id) == [("Lê Thị Hoa", "Kiệt 14", "0905 111 222")]


def test_a_petition_without_a_petitioner_gets_the_one_in_the_file(
    session: Session, tmp_path: Path
) -> None:
    """A stored petition nobody was named on: the row's person is added to it."""
    path = petition_file(tmp_path / "kn1.xlsx", None, None, None)
    done = session.import_rows(preview(session, path))
    petition_id = next(c.record_id for c in done.result.changes if c.entity == "petition")
    path = petition_file(tmp_path / "kn2.xlsx", "Lê Thị Hoa", "Kiệt 12", None)
    session.import_rows(preview(session, path))
    assert people(session, petition_id) == [("Lê Thị Hoa", "Kiệt 12", None)]


def test_the_same_petitioner_again_changes_nothing(session: Session, tmp_path: Path) -> None:
    """Importing the same file twice leaves the petition and its petitioner as they are."""
    first_import(session, tmp_path)
    path = petition_file(tmp_path / "kn2.xlsx", "Lê Thị Hoa", "Kiệt 12", None)
    assert preview(session, path).row(2).action == "same"


def test_a_stranger_among_several_petitioners_is_named_in_the_preview(
    session: Session, tmp_path: Path
) -> None:
    """Two people raised it and the row names a third: the row says why it is not taken."""
    petition_id = first_import(session, tmp_path)
    sheet = session.petition(petition_id)
    session.save_petition(
        petition_id, petitioners=[*sheet["petitioners"], {"full_name": "Trần Văn Bình"}]
    )
    path = petition_file(tmp_path / "kn2.xlsx", "Phan Văn Cư", "Kiệt 9", None)
    row = preview(session, path).row(2)
    assert row.action == "invalid"
    assert [(p.field, p.message) for p in row.problems] == [
        (
            "petitioner.full_name",
            "«Người kiến nghị» «Phan Văn Cư» không phải người nào đã ghi của kiến nghị này "
            "(Lê Thị Hoa, Trần Văn Bình): nếu là một trong số họ, hãy ghi đúng tên người đó; "
            "nếu là người khác, hãy thêm người này ở trang Kiến nghị rồi nhập lại.",
        )
    ]


def test_a_new_name_for_the_one_petitioner_is_an_update(session: Session, tmp_path: Path) -> None:
    """The petition's one petitioner, named «Hộ bà Lê Thị Hoa» in the file, is renamed."""
    first_import(session, tmp_path)
    path = petition_file(tmp_path / "kn2.xlsx", "Hộ bà Lê Thị Hoa", None, None)
    row = preview(session, path).row(2)
    assert (row.action, row.changes) == (
        "update",
        {"petitioner.full_name": ("Lê Thị Hoa", "Hộ bà Lê Thị Hoa")},
    )


def test_a_row_without_a_name_cannot_pick_among_several(session: Session, tmp_path: Path) -> None:
    """Two people raised it and the row gives only an address: it asks for the name."""
    petition_id = first_import(session, tmp_path)
    sheet = session.petition(petition_id)
    session.save_petition(
        petition_id, petitioners=[*sheet["petitioners"], {"full_name": "Trần Văn Bình"}]
    )
    path = petition_file(tmp_path / "kn2.xlsx", None, "Kiệt 9", None)
    row = preview(session, path).row(2)
    assert [(p.field, p.message) for p in row.problems] == [
        (
            "petitioner.full_name",
            "Kiến nghị này có 2 người kiến nghị (Lê Thị Hoa, Trần Văn Bình): hãy ghi «Người "
            "kiến nghị» ở dòng này để biết sửa thông tin của người nào.",
        )
    ]
