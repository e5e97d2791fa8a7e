"""A correction of an issued document: a new issue naming the one it replaces (Decree 30).

Files are read back as a user's program would: DOCX with python-docx, PDF with pdftotext.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from builder_records import ISSUED, team_quarter
from report_tools import flat, pdf_text

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session

YEAR = {"year": 2026, "issued_on": ISSUED, "preset": "state"}
REPLACES = "Văn bản này thay thế văn bản số 01/TTr-TDV ngày 06/04/2026."


@pytest.fixture
def team(session: Session) -> Session:
    """A session whose store holds the team's first quarter of 2026."""
    team_quarter(session)
    return session


def _issue_and_correct(team: Session, out: Path, fmt: str = "docx") -> tuple[int, Path]:
    first = team.export_report("commendation_list", "docx", out, issue=True, **YEAR)
    assert first.issued is not None
    fixed = team.export_report("", fmt, out, correct=first.issued.id, issued_on=ISSUED)
    return first.issued.id, fixed.path


def _docx_lines(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_correction_takes_the_next_number(team: Session, tmp_path: Path) -> None:
    """The correction of «Số: 01/TTr-TDV» is «Số: 02/TTr-TDV»."""
    _, path = _issue_and_correct(team, tmp_path)
    header = docx.Document(str(path)).tables[0]
    assert header.cell(1, 0).text == "Số: 02/TTr-TDV"


def test_correction_names_the_document_it_replaces_in_docx(team: Session, tmp_path: Path) -> None:
    """The DOCX opens its body with «Văn bản này thay thế văn bản số 01/TTr-TDV ngày …»."""
    _, path = _issue_and_correct(team, tmp_path)
    assert REPLACES in _docx_lines(path)


def test_correction_names_the_document_it_replaces_in_pdf(team: Session, tmp_path: Path) -> None:
    """pdftotext reads the same replacement line from the PDF."""
    _, path = _issue_and_correct(team, tmp_path, "pdf")
    assert REPLACES in flat(pdf_text(path))


def test_register_marks_the_old_one_replaced(team: Session, tmp_path: Path) -> None:
    """The register shows 01 replaced by the correction 02; 02 is not replaced."""
    old_id, _ = _issue_and_correct(team, tmp_path)
    entries = {e.number: e for e in team.issued_documents()}
    assert entries[1].id == old_id
    assert entries[1].replaced_by == entries[2].id
    assert entries[2].replaced_by is None


def test_correction_reprints_the_records_as_they_stand(team: Session, tmp_path: Path) -> None:
    """A name corrected in the records prints in the correction, not in the old copy."""
    first = team.export_report("commendation_list", "docx", tmp_path, issue=True, **YEAR)
    assert first.issued is not None
    exemplar = team.list_records("exemplar", where="name = ?", params=["Đặng Văn Ánh"])[0]
    team.update_record("exemplar", exemplar["id"], name="Đặng Văn Bé")
    fixed = team.export_report("", "pdf", tmp_path, correct=first.issued.id, issued_on=ISSUED)
    (tmp_path / "old").mkdir()
    old = team.export_issued(first.issued.id, "pdf", tmp_path / "old")
    assert "Đặng Văn Bé" in flat(pdf_text(fixed.path))
    assert "Đặng Văn Ánh" in flat(pdf_text(old.path))


def test_a_replaced_document_cannot_be_corrected_again(team: Session, tmp_path: Path) -> None:
    """Correcting 01 twice is refused, naming the correction to correct instead."""
    old_id, _ = _issue_and_correct(team, tmp_path)
    with pytest.raises(ValidationError) as caught:
        team.correct_issued(old_id, issued_on=ISSUED)
    assert caught.value.fields == ["correct"]
    assert caught.value.message == (
        "Văn bản mã 1 đã được thay thế bằng văn bản mã 2 (02/TTr-TDV): hãy sửa văn bản mới hơn đó."
    )
    assert [e.number for e in team.issued_documents()] == [2, 1]


def _danvan(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        timeout=120,
    )


def test_cli_correct_issues_the_replacement(
    session: Session, data_dir: Path, tmp_path: Path
) -> None:
    """`danvan export --correct 1 --format docx` writes 02 naming 01 and says its number."""
    team_quarter(session)
    session.close()
    out = tmp_path / "out"
    out.mkdir()
    args = ("--format", "docx", "--to", str(out))
    issued = _danvan("export", "commendation-list", "--year", "2026", "--issue", "--preset",
                     "state", *args, data_dir=data_dir)  # fmt: skip
    assert issued.returncode == 0, issued.stderr
    fixed = _danvan("export", "--correct", "1", *args, data_dir=data_dir)
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stdout.splitlines()[1].startswith("Đã cấp số 02/TTr-TDV ngày ")
    (path,) = out.glob("02-TTr-TDV *.docx")
    assert any(line.startswith("Văn bản này thay thế văn bản số 01/TTr-TDV ngày ")
               for line in _docx_lines(path))  # fmt: skip


def test_cli_correct_takes_no_other_choices(
    session: Session, data_dir: Path, tmp_path: Path
) -> None:
    """--correct with a kind is refused in one line: the correction is of that document."""
    session.close()
    done = _danvan("export", "periodic-report", "--correct", "1", "--format", "pdf", "--to",
                   str(tmp_path), data_dir=data_dir)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "Lỗi: --correct cấp văn bản thay thế cho đúng văn bản đã cấp đó, nên không dùng cùng "
        "periodic-report: hãy bỏ các phần đó.\n"
    )
