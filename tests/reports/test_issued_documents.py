"""Issued documents: one number, one stored copy, every format printing the same thing.

Every file is read back as a user's program would: DOCX with python-docx, XLSX with
openpyxl (no recalculation), PDF with poppler's pdftotext.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from builder_records import ISSUED, team_quarter
from report_tools import flat, pdf_text

from danvan_desktop.core.errors import NotFoundError, ValidationError
from danvan_desktop.session import Session
from danvan_desktop.session.report_files import ExportedFile

YEAR = {"year": 2026, "issued_on": ISSUED, "preset": "state"}
# The team's own papers default to the Party format: these tests number state ones.
QUARTER = {"period": "quarter", "quarter": 1, "year": 2026, "issued_on": ISSUED, "preset": "state"}
TTR_LINE = "Số: 01/TTr-TDV"
DATE_LINE = "Phú Xuân, ngày 06 tháng 4 năm 2026"


@pytest.fixture
def team(session: Session) -> Session:
    """A session whose store holds the team's first quarter of 2026."""
    team_quarter(session)
    return session


def _docx_header(path: Path) -> tuple[str, str]:
    header = docx.Document(str(path)).tables[0]
    return header.cell(1, 0).text, header.cell(1, 1).text


def _xlsx_texts(path: Path) -> list[str]:
    workbook = openpyxl.load_workbook(path)  # formulas kept as written: no recalculation
    return [
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def _issue_all_formats(team: Session, out: Path) -> list[ExportedFile]:
    first = team.export_report("commendation_list", "docx", out, issue=True, **YEAR)
    assert first.issued is not None
    return [first] + [team.export_issued(first.issued.id, f, out) for f in ("pdf", "xlsx")]


def test_every_format_of_an_issued_document_has_one_number(team: Session, tmp_path: Path) -> None:
    """Issued once, written as DOCX, PDF and XLSX: all say «Số: 01/TTr-TDV» and one date."""
    docx_file, pdf_file, xlsx_file = (one.path for one in _issue_all_formats(team, tmp_path))
    assert _docx_header(docx_file) == (TTR_LINE, DATE_LINE)
    pdf = flat(pdf_text(pdf_file, 1))
    assert TTR_LINE in pdf and DATE_LINE in pdf
    assert "02/TTr" not in pdf
    sheets = _xlsx_texts(xlsx_file)
    assert TTR_LINE in sheets and DATE_LINE in sheets
    assert not any("02/TTr" in text or "03/TTr" in text for text in sheets)


def test_files_of_an_issued_document_share_its_name(team: Session, tmp_path: Path) -> None:
    """The three files are named alike, the number first: «01-TTr-TDV Tờ trình …»."""
    names = sorted(one.path.name for one in _issue_all_formats(team, tmp_path))
    stem = "01-TTr-TDV Tờ trình về việc đề nghị khen thưởng trong phong trào thi đua "
    assert names == [f"{stem}“Dân vận khéo” năm 2026.{ext}" for ext in ("docx", "pdf", "xlsx")]


def test_issuing_the_same_document_again_is_refused(team: Session, tmp_path: Path) -> None:
    """A second «issue» of the same list says where the issued copy is; no number is used."""
    first = team.export_report("commendation_list", "docx", tmp_path, issue=True, **YEAR)
    with pytest.raises(ValidationError) as caught:
        team.export_report("commendation_list", "pdf", tmp_path, issue=True, **YEAR)
    assert caught.value.fields == ["issue"]
    assert caught.value.message == (
        "«Tờ trình đề nghị khen thưởng» này đã được cấp số 01/TTr-TDV ngày 06/04/2026. Để có "
        "thêm định dạng khác của đúng văn bản đó, hãy xuất lại bản đã cấp (mã 1): chọn nó "
        "trong «Văn bản đã cấp» ở trang Báo cáo, hoặc dùng lệnh «danvan export --reissue 1»."
    )
    assert first.issued is not None
    assert [e.number for e in team.issued_documents()] == [1]


def test_written_again_it_prints_the_stored_copy(team: Session, tmp_path: Path) -> None:
    """After the records change, the issued document still prints what it said when issued."""
    first = team.export_report("commendation_list", "docx", tmp_path, issue=True, **YEAR)
    exemplar = team.list_records("exemplar", where="name = ?", params=["Đặng Văn Ánh"])[0]
    team.update_record("exemplar", exemplar["id"], name="Đặng Văn Bé")
    assert first.issued is not None
    again = team.export_issued(first.issued.id, "pdf", tmp_path)
    text = flat(pdf_text(again.path))
    assert "Đặng Văn Ánh" in text and "Đặng Văn Bé" not in text


def test_numbers_run_per_issuer_across_kinds(team: Session, tmp_path: Path) -> None:
    """The team's Tờ trình is 01 and its next report 02; the Party cell starts at 01."""
    team.export_report("commendation_list", "docx", tmp_path, issue=True, **YEAR)
    report = team.export_report("periodic_report", "docx", tmp_path, issue=True, **QUARTER)
    party = team.export_report("periodic_report", "docx", tmp_path, issue=True,
                               **{**QUARTER, "preset": "party"})  # fmt: skip
    assert _docx_header(report.path)[0] == "Số: 02/BC-TDV"
    assert _docx_header(party.path)[0] == "Số 01-BC/CB"


def test_numbers_start_again_each_year(team: Session, tmp_path: Path) -> None:
    """The first document issued in 2027 is 01 again."""
    team.export_report("model_statistics", "docx", tmp_path, issue=True, issued_on=ISSUED)
    later = team.export_report("model_statistics", "docx", tmp_path, issue=True,
                               issued_on=dt.date(2027, 1, 5))  # fmt: skip
    assert _docx_header(later.path)[0] == "Số: 01/BC-TDV"


def test_numbers_continue_after_the_old_counter(team: Session, tmp_path: Path) -> None:
    """Reports numbered before the register existed (counter at 03) are followed by 04."""
    team.store.db.execute(
        "INSERT INTO document_counter(issuer, type_code, year, last_number) VALUES (?, 'BC', "
        "2026, 3)",
        [team.team_id],
    )
    written = team.export_report("model_statistics", "docx", tmp_path, issue=True,
                                 issued_on=ISSUED)  # fmt: skip
    assert _docx_header(written.path)[0] == "Số: 04/BC-TDV"


def test_minutes_are_not_issued_by_export(team: Session, tmp_path: Path) -> None:
    """«issue» on minutes is refused, not ignored: they are numbered when finalised."""
    meeting = team.list_records("meeting")[0]["id"]
    with pytest.raises(ValidationError) as caught:
        team.export_report("meeting_minutes", "docx", tmp_path, issue=True, id=meeting)
    assert caught.value.fields == ["issue"]
    assert caught.value.message.startswith("«Biên bản họp» không cấp số khi xuất")
    assert team.issued_documents() == []


def test_issued_regulation_is_registered_without_a_number(team: Session, tmp_path: Path) -> None:
    """The regulation issued: in the register without a number, no «DỰ THẢO», no «Số»."""
    written = team.export_report("regulation", "docx", tmp_path, issue=True, issued_on=ISSUED)
    assert written.issued is not None
    assert (written.issued.number, written.issued.reference) == (None, "")
    lines = [p.text for p in docx.Document(str(written.path)).paragraphs]
    assert "DỰ THẢO" not in lines
    assert written.path.name == "Quy chế hoạt động của Tổ dân vận tổ dân phố 5.docx"


def test_issued_registration_takes_no_report_number(team: Session, tmp_path: Path) -> None:
    """A registration issued: «BẢN ĐĂNG KÝ», no number line, and no number used up."""
    model = team_models(team)[0]
    written = team.export_report("model_registration", "pdf", tmp_path, issue=True, id=model,
                                 issued_on=ISSUED)  # fmt: skip
    text = flat(pdf_text(written.path))
    assert "BẢN ĐĂNG KÝ" in text and "/BC-" not in text and "DỰ THẢO" not in text
    report = team.export_report("periodic_report", "docx", tmp_path, issue=True, **QUARTER)
    assert _docx_header(report.path)[0] == "Số: 01/BC-TDV"


def team_models(team: Session) -> list[str]:
    """The ids of the team's models."""
    return [str(row["id"]) for row in team.list_records("model")]


def test_drafts_are_marked_in_every_format(team: Session, tmp_path: Path) -> None:
    """A report not issued says «DỰ THẢO» in the DOCX, the PDF and the XLSX."""
    paths = {
        f: team.export_report("periodic_report", f, tmp_path, **QUARTER).path
        for f in ("docx", "pdf", "xlsx")
    }
    assert docx.Document(str(paths["docx"])).paragraphs[0].text == "DỰ THẢO"
    assert flat(pdf_text(paths["pdf"], 1)).startswith("DỰ THẢO")
    assert "DỰ THẢO" in _xlsx_texts(paths["xlsx"])


def test_issued_documents_are_not_marked_draft(team: Session, tmp_path: Path) -> None:
    """Issued, none of the three formats says «DỰ THẢO»."""
    for one in _issue_all_formats(team, tmp_path):
        if one.path.suffix == ".docx":
            assert "DỰ THẢO" not in [p.text for p in docx.Document(str(one.path)).paragraphs]
        elif one.path.suffix == ".pdf":
            assert "DỰ THẢO" not in pdf_text(one.path)
        else:
            assert "DỰ THẢO" not in _xlsx_texts(one.path)


def test_party_draft_is_clearly_unnumbered(team: Session, tmp_path: Path) -> None:
    """A Party draft leaves a dotted place for the number: «Số ……-BC/CB»."""
    draft = team.export_report(
        "periodic_report", "docx", tmp_path, **{**QUARTER, "preset": "party"}
    )
    assert _docx_header(draft.path)[0] == "Số ……-BC/CB"


def test_register_lists_newest_first(team: Session, tmp_path: Path) -> None:
    """The register names number, date, kind and title, the latest issue first."""
    team.export_report("commendation_list", "docx", tmp_path, issue=True, **YEAR)
    team.export_report("periodic_report", "docx", tmp_path, issue=True, **QUARTER)
    assert [(e.reference, e.issued_on, e.kind, e.title) for e in team.issued_documents()] == [
        ("02/BC-TDV", ISSUED, "periodic_report",
         "Báo cáo kết quả công tác dân vận quý I năm 2026"),
        ("01/TTr-TDV", ISSUED, "commendation_list",
         "Tờ trình về việc đề nghị khen thưởng trong phong trào thi đua “Dân vận khéo” năm 2026"),
    ]  # fmt: skip


def test_unknown_issued_document_says_so(team: Session, tmp_path: Path) -> None:
    """Writing again an id that is not in the register names it and where to look."""
    with pytest.raises(NotFoundError, match="mã 42"):
        team.export_issued(42, "pdf", tmp_path)


def test_issued_document_keeps_its_kinds_formats(team: Session, tmp_path: Path) -> None:
    """An issued regulation cannot be written as XLSX: its kind's formats still apply."""
    written = team.export_report("regulation", "docx", tmp_path, issue=True, issued_on=ISSUED)
    assert written.issued is not None
    with pytest.raises(ValidationError) as caught:
        team.export_issued(written.issued.id, "xlsx", tmp_path)
    assert caught.value.fields == ["format"]


def test_failed_write_gives_the_number_back(team: Session, tmp_path: Path) -> None:
    """A write refused after the number was taken (a forbidden file name) leaves the
    register empty and 01 unused."""
    with pytest.raises(ValidationError):
        team.export_report("commendation_list", "docx", tmp_path, "CON", issue=True, **YEAR)
    assert team.issued_documents() == []
    written = team.export_report("commendation_list", "docx", tmp_path, issue=True, **YEAR)
    assert _docx_header(written.path)[0] == TTR_LINE


def test_year_outside_the_range_names_the_range(team: Session, tmp_path: Path) -> None:
    """Year 3000 is refused with the range the reports accept, 2000 to 2100."""
    with pytest.raises(ValidationError) as caught:
        team.export_report("commendation_list", "docx", tmp_path, year=3000)
    assert caught.value.message == (
        "Năm 3000 nằm ngoài khoảng báo cáo được: hãy nhập năm từ 2000 đến 2100."
    )
