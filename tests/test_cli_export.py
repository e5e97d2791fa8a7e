"""``danvan export`` and ``danvan volumes`` in a real process, onto real (test) sticks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from danvan_desktop import cli
from danvan_desktop.session import Session
from danvan_desktop.usb import Volume
from reports.builder_records import team_quarter
from reports.report_tools import flat, pdf_text
from usb.conftest import Mounts

QUARTER = ("--period", "quarter", "--quarter", "1", "--year", "2026")


def danvan(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``danvan`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        timeout=120,
    )


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A data folder with a team and its first quarter of 2026 (then closed)."""
    folder = tmp_path / "data"
    session = Session.open(folder, create=True)
    try:
        session.initialise_team(
            province_code=46,
            commune_code=19768,
            village_name="Tổ dân phố 5",
            village_kind="to_dan_pho",
            team_name="Tổ dân vận tổ dân phố 5",
            leader_name="Nguyễn Văn An",
        )
        team_quarter(session)
    finally:
        session.close()
    return folder


@pytest.fixture
def sticks(tmp_path: Path) -> Iterator[Mounts]:
    """Test file systems, all unmounted afterwards."""
    made = Mounts(tmp_path / "mnt")
    made.base.mkdir()
    try:
        yield made
    finally:
        made.close()


def _as_stick(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    """Make the test file system count as a removable drive (real sticks cannot be plugged
    in here): it is listed by «danvan volumes» and its path is on a removable volume."""
    volumes = [_volume(stick, "DANVAN")]
    monkeypatch.setattr(Session, "list_removable_volumes", staticmethod(lambda: volumes))
    monkeypatch.setattr("danvan_desktop.usb.list_removable_volumes", lambda: volumes, raising=True)


def test_export_to_a_stick(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    team_dir: Path,
    sticks: Mounts,
) -> None:
    """The report is written to the stick; the command says where and that it may be pulled.
    Without --preset the team's report is the Party cell's (a draft, blank number)."""
    stick = sticks.tmpfs("4m")
    _as_stick(monkeypatch, stick)
    code = cli.run(["--data-dir", str(team_dir), "export", "periodic-report", *QUARTER,
                    "--format", "docx", "--to", str(stick)])  # fmt: skip
    assert code == 0
    path = stick / "Báo cáo kết quả công tác dân vận quý I năm 2026.docx"
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith(f"Đã ghi {path} (") and first.endswith(" KB).")
    assert second == "An toàn để rút USB."
    assert docx.Document(str(path)).tables[0].cell(1, 0).text == "Số ……-BC/CB"


def test_export_to_a_folder_says_nothing_of_usb(team_dir: Path, tmp_path: Path) -> None:
    """A folder on the computer: one line saying where; no «An toàn để rút USB»."""
    done = danvan("export", "periodic-report", *QUARTER, "--format", "docx", "--to",
                  str(tmp_path), data_dir=team_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith("Đã ghi ") and "USB" not in done.stdout


def test_issue_numbers_the_report(team_dir: Path, tmp_path: Path) -> None:
    """--issue gives the next number, which leads the file name and the number line."""
    done = danvan("export", "model-statistics", "--format", "docx", "--to", str(tmp_path),
                  "--issue", data_dir=team_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (written,) = tmp_path.glob("01-BC-TDV *.docx")
    assert docx.Document(str(written)).tables[0].cell(1, 0).text == "Số: 01/BC-TDV"


def test_read_only_stick_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    team_dir: Path,
    sticks: Mounts,
) -> None:
    """A locked stick: exit 2 and one line saying so, with the fix."""
    stick = sticks.tmpfs("4m")
    sticks.remount_read_only(stick)
    _as_stick(monkeypatch, stick)
    code = cli.run(["--data-dir", str(team_dir), "export", "periodic-report", *QUARTER,
                    "--format", "pdf", "--to", str(stick)])  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"Lỗi: Không ghi được vào {stick} vì USB đang ở chế độ chỉ đọc. Hãy gạt khóa chống ghi "
        "trên USB (nếu có) sang vị trí mở, cắm lại USB rồi thử lại, hoặc chọn USB khác."
    ]


def test_read_only_folder_does_not_blame_a_usb(team_dir: Path, sticks: Mounts) -> None:
    """A read-only place that is no removable drive: one line about the folder, no USB."""
    folder = sticks.tmpfs("4m", name="share")
    sticks.remount_read_only(folder)
    done = danvan("export", "periodic-report", *QUARTER, "--format", "pdf", "--to", str(folder),
                  data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"Lỗi: Không ghi được vào thư mục {folder}: thư mục chỉ cho đọc hoặc máy không cho ghi "
        "vào đó. Hãy chọn thư mục khác."
    ]


def test_full_stick_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    team_dir: Path,
    sticks: Mounts,
) -> None:
    """A stick without room: exit 2, one line naming the file and the sizes."""
    stick = sticks.tmpfs("12k")
    _as_stick(monkeypatch, stick)
    code = cli.run(["--data-dir", str(team_dir), "export", "periodic-report", *QUARTER,
                    "--format", "pdf", "--to", str(stick)])  # fmt: skip
    assert code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("Lỗi: USB không đủ chỗ trống để ghi tệp Báo cáo kết quả công tác")
    assert line.endswith("Hãy xóa bớt tệp trên USB hoặc chọn USB khác.")
    assert list(stick.iterdir()) == []


def test_forbidden_name_is_one_clear_line(team_dir: Path, tmp_path: Path) -> None:
    """A Windows device name is refused with the reason and an example of a good name."""
    done = danvan("export", "periodic-report", *QUARTER, "--format", "docx", "--to",
                  str(tmp_path), "--name", "CON", data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        'Lỗi: Windows dành riêng tên "CON" cho thiết bị nên không dùng được làm tên tệp. Hãy '
        'đổi tên, ví dụ "CON_1".'
    ]


def test_without_a_target_the_last_folder_is_used(team_dir: Path, tmp_path: Path) -> None:
    """No --to at first is an error; after one export the same folder is used again."""
    first = danvan("export", "model-statistics", "--format", "xlsx", data_dir=team_dir)
    assert first.returncode == 2
    assert first.stderr.startswith("Lỗi: Chưa chọn nơi lưu tệp: hãy thêm --to THƯ_MỤC")
    out = tmp_path / "out"
    out.mkdir()
    assert danvan("export", "model-statistics", "--format", "xlsx", "--to", str(out),
                  data_dir=team_dir).returncode == 0  # fmt: skip
    again = danvan("export", "commendation-list", "--year", "2026", "--format", "pdf",
                   data_dir=team_dir)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert (out / "Tờ trình về việc đề nghị khen thưởng trong phong trào thi đua “Dân vận "
            "khéo” năm 2026.pdf").exists()  # fmt: skip


def test_volume_number_out_of_range(team_dir: Path) -> None:
    """A stick number that is not in «danvan volumes» is refused, pointing there."""
    done = danvan("export", "model-statistics", "--format", "pdf", "--volume", "99",
                  data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi: Không có USB số 99 (đang cắm ")
    assert done.stderr.rstrip().endswith("hãy xem danh sách bằng lệnh «danvan volumes».")


def test_minutes_as_spreadsheet_is_refused(team_dir: Path, tmp_path: Path) -> None:
    """Minutes in XLSX are refused, naming the formats that work."""
    done = danvan("export", "meeting-minutes", "--id", "x", "--format", "xlsx", "--to",
                  str(tmp_path), data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == "Lỗi: «Biên bản họp» không xuất được ra XLSX: hãy chọn DOCX, PDF.\n"


def test_messages_in_english(team_dir: Path, tmp_path: Path) -> None:
    """With --lang en the same refusal reads in English."""
    done = danvan("--lang", "en", "export", "meeting-minutes", "--id", "x", "--format", "xlsx",
                  "--to", str(tmp_path), data_dir=team_dir)  # fmt: skip
    assert done.stderr == (
        "Error: «Meeting minutes» cannot be exported as XLSX: choose DOCX, PDF.\n"
    )


def test_volumes_lists_sticks_with_their_index(tmp_path: Path) -> None:
    """Each removable volume is a numbered line of six fields, or one line says there is none."""
    done = danvan("volumes", data_dir=tmp_path / "none")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    if lines == ["Không thấy USB nào đang cắm: hãy cắm USB rồi chạy lại lệnh."]:
        return
    for index, line in enumerate(lines, start=1):
        fields = line.split("\t")
        assert fields[0] == str(index) and len(fields) == 6


def _volume(path: Path, label: str, *, read_only: bool = False) -> Volume:
    return Volume(path, label, "vfat", 8_000_000_000, 3_400_000_000, True, read_only, "/dev/sdb1")


def test_volumes_numbers_each_stick(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Recorded sticks (none can be plugged in here) are listed with index, space and state."""
    sticks = [_volume(tmp_path / "A", "DANVAN"), _volume(tmp_path / "B", "", read_only=True)]
    monkeypatch.setattr(Session, "list_removable_volumes", staticmethod(lambda: sticks))
    assert cli.run(["--data-dir", str(tmp_path / "none"), "volumes"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"1\t{tmp_path / 'A'}\tDANVAN\tvfat\ttrống 3,2 GB / 7,5 GB\tghi được",
        f"2\t{tmp_path / 'B'}\tB\tvfat\ttrống 3,2 GB / 7,5 GB\tchỉ đọc",
    ]


def test_export_to_a_stick_by_its_number(
    monkeypatch: pytest.MonkeyPatch, team_dir: Path, tmp_path: Path
) -> None:
    """--volume 2 writes into the second stick of the list."""
    first, second = tmp_path / "A", tmp_path / "B"
    first.mkdir()
    second.mkdir()
    sticks = [_volume(first, "ONE"), _volume(second, "TWO")]
    monkeypatch.setattr(Session, "list_removable_volumes", staticmethod(lambda: sticks))
    code = cli.run(["--data-dir", str(team_dir), "export", "model-statistics", "--format", "pdf",
                    "--volume", "2"])  # fmt: skip
    assert code == 0
    assert [p.name for p in second.iterdir()] == [
        "Báo cáo thống kê mô hình “Dân vận khéo” qua các năm.pdf"
    ]
    assert list(first.iterdir()) == []


def test_unknown_kind_is_one_line_naming_the_kinds(team_dir: Path, tmp_path: Path) -> None:
    """A kind that does not exist: exit 2 and one Vietnamese line, not argparse's usage."""
    done = danvan("export", "bao-cao", "--format", "pdf", "--to", str(tmp_path),
                  data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "Lỗi: Không có loại báo cáo «bao-cao»: hãy chọn một trong model-registration, "
        "meeting-minutes, periodic-report, model-statistics, commendation-list, "
        "commune-rollup, regulation, members."
    ]


def test_year_out_of_range_names_the_range(team_dir: Path, tmp_path: Path) -> None:
    """Year 3000 is refused naming the years reports take, 2000 to 2100."""
    done = danvan("export", "commendation-list", "--year", "3000", "--format", "pdf", "--to",
                  str(tmp_path), data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "Lỗi: Năm 3000 nằm ngoài khoảng báo cáo được: hãy nhập năm từ 2000 đến 2100.\n"
    )


def test_reissue_writes_the_same_number_in_every_format(team_dir: Path, tmp_path: Path) -> None:
    """--issue once, then --reissue 1 as PDF and XLSX: all three say «Số: 01/TTr-TDV»."""
    issued = danvan("export", "commendation-list", "--year", "2026", "--format", "docx",
                    "--to", str(tmp_path), "--issue", "--preset", "state",
                    data_dir=team_dir)  # fmt: skip
    assert issued.returncode == 0, issued.stderr
    assert (
        issued.stdout.splitlines()[1].startswith("Đã cấp số 01/TTr-TDV ngày ")
        and "mã văn bản đã cấp: 1 " in issued.stdout
    )
    for file_format in ("pdf", "xlsx"):
        again = danvan("export", "--reissue", "1", "--format", file_format, "--to",
                       str(tmp_path), data_dir=team_dir)  # fmt: skip
        assert again.returncode == 0, again.stderr
    (docx_file,) = tmp_path.glob("01-TTr-TDV *.docx")
    (pdf_file,) = tmp_path.glob("01-TTr-TDV *.pdf")
    (xlsx_file,) = tmp_path.glob("01-TTr-TDV *.xlsx")
    header = docx.Document(str(docx_file)).tables[0]
    number, date_line = header.cell(1, 0).text, header.cell(1, 1).text
    assert number == "Số: 01/TTr-TDV"
    pdf = flat(pdf_text(pdf_file, 1))
    assert number in pdf and date_line in pdf
    sheet = openpyxl.load_workbook(xlsx_file).worksheets[0]
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert number in cells and date_line in cells


def test_issuing_the_same_list_twice_points_to_reissue(team_dir: Path, tmp_path: Path) -> None:
    """A second --issue of the same list is refused, naming --reissue; no 02 is given."""
    args = ("export", "commendation-list", "--year", "2026", "--to", str(tmp_path), "--issue")
    assert danvan(*args, "--format", "docx", data_dir=team_dir).returncode == 0
    again = danvan(*args, "--format", "pdf", data_dir=team_dir)
    assert again.returncode == 2
    assert "«danvan export --reissue 1»" in again.stderr
    assert list(tmp_path.glob("02-*")) == []


def test_issue_on_the_regulation_is_not_ignored(team_dir: Path, tmp_path: Path) -> None:
    """--issue on the regulation issues it (no number of its own) and says so."""
    done = danvan("export", "regulation", "--format", "docx", "--to", str(tmp_path), "--issue",
                  data_dir=team_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("Đã ban hành ngày ")
    assert "mã văn bản đã cấp: 1 " in done.stdout


def test_issue_on_minutes_is_refused(team_dir: Path, tmp_path: Path) -> None:
    """--issue on minutes is one line saying they are numbered when finalised."""
    done = danvan("export", "meeting-minutes", "--id", "x", "--format", "docx", "--to",
                  str(tmp_path), "--issue", data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi: «Biên bản họp» không cấp số khi xuất: biên bản được")


def test_reissue_takes_no_other_choices(team_dir: Path, tmp_path: Path) -> None:
    """--reissue with a kind or a period is refused: the issued copy is written as it is."""
    done = danvan("export", "periodic-report", "--reissue", "1", "--year", "2026", "--format",
                  "pdf", "--to", str(tmp_path), data_dir=team_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "Lỗi: --reissue xuất lại đúng văn bản đã cấp, nên không dùng cùng periodic-report, "
        "--year: hãy bỏ các phần đó.\n"
    )
