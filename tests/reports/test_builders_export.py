"""Session.export_report: build, number, render and write onto real (test) sticks.

The sticks are real file systems mounted for the test (tmpfs, remounted read-only
for a locked stick, sized small for a full one), through the usb tests' Mounts.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from builder_records import ISSUED, team_quarter

from danvan_desktop.core.errors import OperationCancelled, ValidationError
from danvan_desktop.session import Session
from danvan_desktop.usb import UsbWriteError
from usb.conftest import Mounts

# The team's own papers default to the Party format: these tests number state ones.
QUARTER = {"period": "quarter", "quarter": 1, "year": 2026, "issued_on": ISSUED, "preset": "state"}
DEFAULT_NAME = "Báo cáo kết quả công tác dân vận quý I năm 2026.docx"


@pytest.fixture
def sticks(tmp_path: Path) -> Iterator[Mounts]:
    """Test file systems, all unmounted afterwards."""
    made = Mounts(tmp_path / "mnt")
    made.base.mkdir()
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def team(session: Session) -> Session:
    """A session whose store holds the team's first quarter of 2026."""
    team_quarter(session)
    return session


def _number_line(path: Path) -> str:
    return str(docx.Document(str(path)).tables[0].cell(1, 0).text)


def test_export_to_a_stick_writes_the_rendered_file(team: Session, sticks: Mounts) -> None:
    """The file on the stick is the rendering, named after the title; safe to remove."""
    stick = sticks.tmpfs("4m")
    written = team.export_report("periodic_report", "docx", stick, removable=True, **QUARTER)
    assert written.path == stick / DEFAULT_NAME
    assert written.safe_to_remove is True
    assert hashlib.sha256(written.path.read_bytes()).hexdigest() == written.sha256
    assert _number_line(written.path) == "Số:      /BC-TDV"
    assert team.setting("last_export_dir") == str(stick)


def test_issuing_takes_the_next_number(team: Session, tmp_path: Path) -> None:
    """Two issued reports of 2026 are 01 and 02; the number leads the file name."""
    first = team.export_report("periodic_report", "docx", tmp_path, issue=True, **QUARTER)
    second = team.export_report("model_statistics", "docx", tmp_path, issue=True,
                                issued_on=ISSUED)  # fmt: skip
    assert first.path.name == "01-BC-TDV " + DEFAULT_NAME
    assert _number_line(first.path) == "Số: 01/BC-TDV"
    assert second.path.name.startswith("02-BC-TDV Báo cáo thống kê")


def test_party_documents_are_numbered_apart(team: Session, tmp_path: Path) -> None:
    """The Party cell's first report is 01 even after the team issued one."""
    team.export_report("periodic_report", "docx", tmp_path, issue=True, **QUARTER)
    party = team.export_report("periodic_report", "docx", tmp_path, issue=True,
                               **{**QUARTER, "preset": "party"})  # fmt: skip
    assert _number_line(party.path) == "Số 01-BC/CB"


def test_read_only_stick_is_refused_and_the_number_given_back(
    team: Session, sticks: Mounts, tmp_path: Path
) -> None:
    """A locked stick: a clear message, nothing written, and the number is not used up."""
    stick = sticks.tmpfs("4m")
    sticks.remount_read_only(stick)
    with pytest.raises(UsbWriteError) as caught:
        team.export_report("periodic_report", "pdf", stick, issue=True, removable=True, **QUARTER)
    assert caught.value.reason == "read_only"
    assert caught.value.message == (
        f"Không ghi được vào {stick} vì USB đang ở chế độ chỉ đọc. Hãy gạt khóa chống ghi trên "
        "USB (nếu có) sang vị trí mở, cắm lại USB rồi thử lại, hoặc chọn USB khác."
    )
    assert list(stick.iterdir()) == []
    again = team.export_report("periodic_report", "docx", tmp_path, issue=True, **QUARTER)
    assert _number_line(again.path) == "Số: 01/BC-TDV"


def test_full_stick_is_refused_with_the_sizes(team: Session, sticks: Mounts) -> None:
    """A stick without room for the PDF says how much is needed and how much is free."""
    stick = sticks.tmpfs("12k")
    with pytest.raises(UsbWriteError) as caught:
        team.export_report("periodic_report", "pdf", stick, removable=True, **QUARTER)
    assert caught.value.reason == "full"
    assert caught.value.message.startswith("USB không đủ chỗ trống để ghi tệp Báo cáo")
    assert list(stick.iterdir()) == []


def test_folder_on_the_computer_is_never_safe_to_remove(team: Session, tmp_path: Path) -> None:
    """A folder that is no removable drive: written and flushed, but nothing to pull out."""
    written = team.export_report("periodic_report", "docx", tmp_path, **QUARTER)
    assert (written.on_removable, written.safe_to_remove) == (False, False)
    assert written.written.safe_to_remove is True  # the flush itself happened


def test_read_only_folder_is_told_in_folder_words(team: Session, sticks: Mounts) -> None:
    """A read-only place that is not a removable drive: the message names the folder, no USB."""
    folder = sticks.tmpfs("4m", name="share")
    sticks.remount_read_only(folder)
    with pytest.raises(UsbWriteError) as caught:
        team.export_report("periodic_report", "pdf", folder, **QUARTER)
    assert caught.value.reason == "read_only"
    assert caught.value.message == (
        f"Không ghi được vào thư mục {folder}: thư mục chỉ cho đọc hoặc máy không cho ghi vào "
        "đó. Hãy chọn thư mục khác."
    )


def test_full_folder_is_told_in_folder_words(team: Session, sticks: Mounts) -> None:
    """A full disk that is not a removable drive: the sizes, and no word about USB."""
    folder = sticks.tmpfs("12k", name="share")
    with pytest.raises(UsbWriteError) as caught:
        team.export_report("periodic_report", "pdf", folder, **QUARTER)
    assert caught.value.reason == "full"
    assert caught.value.message.startswith(
        f"Ổ đĩa chứa thư mục {folder} không đủ chỗ trống để ghi tệp Báo cáo"
    )
    assert "USB" not in caught.value.message


def test_forbidden_file_name_is_refused(team: Session, tmp_path: Path) -> None:
    """A Windows device name is refused on the field file_name, before anything is written."""
    with pytest.raises(ValidationError) as caught:
        team.export_report("periodic_report", "docx", tmp_path, file_name="CON", **QUARTER)
    assert caught.value.fields == ["file_name"]
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_cancelled_export_leaves_nothing(team: Session, tmp_path: Path) -> None:
    """Cancelled before writing: OperationCancelled, no file, the number given back."""
    cancel = threading.Event()
    cancel.set()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OperationCancelled):
        team.export_report("periodic_report", "docx", out, cancel=cancel, issue=True, **QUARTER)
    assert list(out.iterdir()) == []
    again = team.export_report("periodic_report", "docx", out, issue=True, **QUARTER)
    assert again.path.name.startswith("01-BC-TDV")


def test_progress_goes_from_building_to_written(team: Session, tmp_path: Path) -> None:
    """Progress reports each step in order and ends at 100 of 100."""
    seen: list[tuple[int, int, str]] = []
    team.export_report("periodic_report", "xlsx", tmp_path,
                       progress=lambda d, t, s: seen.append((d, t, s)), **QUARTER)  # fmt: skip
    assert seen[0] == (5, 100, "Đang lập báo cáo từ dữ liệu…")
    assert seen[1] == (20, 100, "Đang trình bày tệp XLSX…")
    assert seen[-1] == (100, 100, "Đã ghi xong.")
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)


def test_minutes_are_not_offered_as_a_spreadsheet(team: Session, tmp_path: Path) -> None:
    """Minutes export to DOCX and PDF only; XLSX is refused on the field format."""
    meeting = team.list_records("meeting")[0]["id"]
    with pytest.raises(ValidationError) as caught:
        team.export_report("meeting_minutes", "xlsx", tmp_path, id=meeting)
    assert caught.value.fields == ["format"]
    assert caught.value.message == "«Biên bản họp» không xuất được ra XLSX: hãy chọn DOCX, PDF."


def test_missing_folder_is_named(team: Session, tmp_path: Path) -> None:
    """A folder that is gone (stick pulled) is named in the message."""
    gone = tmp_path / "gone"
    with pytest.raises(ValidationError) as caught:
        team.export_report("periodic_report", "docx", gone, **QUARTER)
    assert caught.value.message == (
        f"Không có thư mục {gone}: hãy kiểm tra lại đường dẫn (nếu là USB, hãy cắm lại USB) "
        "hoặc chọn thư mục khác."
    )
