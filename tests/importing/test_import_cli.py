"""``danvan import`` run as a user would: a real process and files, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from import_files import member_list, model_list, workbook


def danvan(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``danvan`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "DANVAN_LANG": "vi"},
        timeout=120,
    )


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    done = danvan("init", "--commune", "19768", "--village", "Tổ dân phố 5", "--leader",
                  "Nguyễn Văn An", data_dir=folder)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder


def members(data_dir: Path) -> list[str]:
    done = danvan("list", "member", "--json", data_dir=data_dir)
    return [row["full_name"] for row in json.loads(done.stdout)]


def test_a_dry_run_shows_the_preview_and_writes_nothing(team_dir: Path, tmp_path: Path) -> None:
    """The columns, the update, the duplicate and the counts; exit 0; nothing written."""
    done = danvan("import", str(member_list(tmp_path / "tv.xlsx")), "--as", "member",
                  "--dry-run", data_dir=team_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Tệp tv.xlsx, trang tính «Danh sách», dòng tiêu đề 4."
    assert "  B «HỌ VÀ TÊN» → Họ và tên" in lines
    assert (
        "Dòng 5: cập nhật Nguyễn Văn An: «Năm sinh» ∅ → 1962; «Số điện thoại» ∅ → 0905 111 222"
        in lines
    )
    assert "Dòng 10: trùng với dòng 9, bỏ qua (Hồ Thị Lan)." in lines
    assert lines[-2] == (
        "Xem trước: thêm 3, cập nhật 1, giữ nguyên 0, trùng 1, lỗi 0; 1 dòng trống."
    )
    assert lines[-1] == "Chỉ xem trước (--dry-run): chưa ghi gì vào dữ liệu."
    assert members(team_dir) == ["Nguyễn Văn An"]


def test_an_import_writes_and_a_second_one_adds_nothing(team_dir: Path, tmp_path: Path) -> None:
    """The roster is imported; the same file again finds every member already there."""
    path = str(member_list(tmp_path / "tv.xlsx"))
    done = danvan("import", path, "--as", "member", data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("Đã nhập: thêm 3, cập nhật 1; 1 dòng không ghi")
    again = danvan("import", path, "--as", "member", data_dir=team_dir)
    assert "Xem trước: thêm 0, cập nhật 0, giữ nguyên 4, trùng 1, lỗi 0" in again.stdout
    assert len(members(team_dir)) == 4


def test_a_row_with_a_problem_refuses_with_one_line_and_exit_2(
    team_dir: Path, tmp_path: Path
) -> None:
    """The problem is shown beside its row; the refusal is one line on stderr."""
    path = model_list(tmp_path / "mh.xlsx", [[1, "Vườn rau", "Nông nghiệp", None, 2025]])
    done = danvan("import", str(path), "--as", "model", data_dir=team_dir)
    assert done.returncode == 2
    assert any(line.startswith("Dòng 3: lỗi (Vườn rau): «Lĩnh vực» «Nông nghiệp»")
               for line in done.stdout.splitlines())  # fmt: skip
    assert done.stderr.splitlines() == [
        "Lỗi: 1 dòng có lỗi (dòng 3): hãy sửa các dòng đó trong tệp rồi nhập lại, hoặc chọn bỏ "
        "qua các dòng có lỗi. Chưa ghi gì vào dữ liệu."
    ]


def test_an_xls_file_is_refused_with_exit_2(team_dir: Path, tmp_path: Path) -> None:
    """The old format: one line saying to save it as .xlsx."""
    path = tmp_path / "ds.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    done = danvan("import", str(path), "--as", "member", data_dir=team_dir)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("Lỗi: Tệp ds.xls là định dạng Excel cũ (.xls)")


def test_a_tcvn3_file_is_refused_naming_the_column(team_dir: Path, tmp_path: Path) -> None:
    """Exit 2 and the column, row and Unikey's tool named on one line."""
    path = workbook(tmp_path / "cu.xlsx", [["Họ và tên"], ["NguyÔn V¨n An"]])
    done = danvan("import", str(path), "--as", "member", data_dir=team_dir)
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi: Cột A «Họ và tên» có chữ gõ bằng bảng mã cũ TCVN3")
    assert "«Chuyển mã» của Unikey" in done.stderr


def test_a_title_row_and_a_remapped_column(team_dir: Path, tmp_path: Path) -> None:
    """--header-row and --column B=position take a sheet whose headings say nothing."""
    path = workbook(tmp_path / "tv.xlsx", [["Tổ dân vận"], ["Tên", "Ghi chú"],
                                           ["Lê Thị Hoa", "Chi hội trưởng"]])  # fmt: skip
    done = danvan("import", str(path), "--as", "member", "--header-row", "2", "--column",
                  "B=position", data_dir=team_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "  B «Ghi chú» → Chức vụ" in done.stdout.splitlines()


def test_an_unknown_kind_and_a_bad_column_are_user_errors(team_dir: Path, tmp_path: Path) -> None:
    """--as meeting, --column B (no field): exit 2, one line each."""
    path = str(workbook(tmp_path / "tv.xlsx", [["Họ và tên"], ["Lê Thị Hoa"]]))
    kind = danvan("import", path, "--as", "meeting", data_dir=team_dir)
    column = danvan("import", path, "--as", "member", "--column", "B", data_dir=team_dir)
    assert (kind.returncode, column.returncode) == (2, 2)
    assert kind.stderr.startswith("Lỗi: Không nhập được loại hồ sơ «meeting»")
    assert column.stderr.startswith("Lỗi: --column «B»: hãy viết CỘT=MỤC")
