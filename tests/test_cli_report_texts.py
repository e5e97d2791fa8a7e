"""``danvan report-text``: the leader's sections of a periodic report, kept per period
where the Báo cáo page keeps them, and used by ``danvan export periodic-report``."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from danvan_desktop import cli
from danvan_desktop.session import Session

HALF = ("--period", "half_year", "--year", "2026", "--month", "7")


@pytest.fixture
def team_dir(session: Session, data_dir: Path) -> Path:
    """The conftest's team folder, closed so the command opens it."""
    session.close()
    return data_dir


def _run(data_dir: Path, *args: str) -> int:
    return cli.run(["--data-dir", str(data_dir), *args])


def _file(tmp_path: Path, text: str, name: str = "text.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _kept(data_dir: Path) -> dict[str, object]:
    session = Session.open(data_dir)
    try:
        return session.kept_report_texts(
            "periodic_report", {"period": "half_year", "year": 2026, "month": 7}
        )
    finally:
        session.close()


def test_set_keeps_the_section_for_the_period(team_dir: Path, tmp_path: Path) -> None:
    """The file's text is kept as the second half of 2026's «situation»."""
    text = "- Nhân dân đồng tình với việc mở rộng kiệt 12.\nCòn ý kiến về rác thải."
    assert _run(team_dir, "report-text", "set", "situation", "--file",
                _file(tmp_path, text), *HALF) == 0  # fmt: skip
    assert _kept(team_dir) == {"situation": text}


def test_set_accepts_the_dashed_name(team_dir: Path, tmp_path: Path) -> None:
    """«next-tasks» is the section next_tasks."""
    assert _run(team_dir, "report-text", "set", "next-tasks", "--file",
                _file(tmp_path, "Hoàn thành tuyến điện chiếu sáng."), *HALF) == 0  # fmt: skip
    assert _kept(team_dir) == {"next_tasks": "Hoàn thành tuyến điện chiếu sáng."}


def test_an_empty_file_clears_the_section(team_dir: Path, tmp_path: Path) -> None:
    """Set again from an empty file, the section is no longer kept."""
    _run(team_dir, "report-text", "set", "lessons", "--file", _file(tmp_path, "Bài học."), *HALF)
    _run(team_dir, "report-text", "set", "lessons", "--file", _file(tmp_path, "\n", "e"), *HALF)
    assert _kept(team_dir) == {}


def test_export_uses_the_kept_section(team_dir: Path, tmp_path: Path) -> None:
    """The half-year report exported afterwards carries the text under section I."""
    text = "Nhân dân đồng tình với việc mở rộng kiệt 12."
    _run(team_dir, "report-text", "set", "situation", "--file", _file(tmp_path, text), *HALF)
    out = tmp_path / "out"
    out.mkdir()
    assert _run(team_dir, "export", "periodic-report", "--format", "docx", "--to", str(out),
                "--name", "bc.docx", *HALF) == 0  # fmt: skip
    lines = [p.text for p in docx.Document(str(out / "bc.docx")).paragraphs]
    assert text in lines


def test_a_section_the_period_lacks_is_refused(
    team_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A month report has no «situation»: the message names the one it has."""
    code = _run(team_dir, "report-text", "set", "situation", "--file", _file(tmp_path, "x"),
                "--period", "month", "--year", "2026", "--month", "3")  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "Lỗi: Báo cáo kỳ này không có mục «situation»: hãy chọn một trong proposals."
    )


def test_a_file_not_in_utf8_is_refused(
    team_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file in another code page is named, with the fix, and nothing is kept."""
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"T\xecnh h\xecnh")  # «Tình hình» in an old 8-bit code page
    code = _run(team_dir, "report-text", "set", "situation", "--file", str(path), *HALF)
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"Lỗi: Tệp {path} không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8 "
        "(Unicode) rồi chạy lại lệnh."
    )
    assert _kept(team_dir) == {}


def test_show_prints_each_section_of_the_period(
    team_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every section the half-year report carries, the unwritten ones said so."""
    _run(team_dir, "report-text", "set", "lessons", "--file", _file(tmp_path, "Bám dân."), *HALF)
    capsys.readouterr()
    assert _run(team_dir, "report-text", "show", *HALF) == 0
    assert capsys.readouterr().out.splitlines() == [
        "== situation", "(chưa viết)", "== shortcomings", "(chưa viết)", "== lessons",
        "Bám dân.", "== next_tasks", "(chưa viết)", "== proposals", "(chưa viết)",
    ]  # fmt: skip
