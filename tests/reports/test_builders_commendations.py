"""The commendation proposal: a Tờ trình (TTr) with the list and the achievements attached."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from builder_records import docx_lines, docx_of, docx_table_rows, team_quarter
from builder_records import write_rendered as write
from report_tools import flat, pdf_text

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document
from danvan_desktop.session import Session


@pytest.fixture
def proposals(session: Session) -> Document:
    """The 2026 list (two individuals, one collective; a 2025 decision is not a proposal), in
    the state format (the Party cell's is the default: see the last test)."""
    team_quarter(session)
    return build_report(session.store.db, "commendation_list", year=2026, preset="state")


def test_proposal_is_a_to_trinh(proposals: Document) -> None:
    """A Tờ trình numbered as «TTr», addressed to the first recipient of the reports."""
    assert (proposals.kind.value, proposals.title.upper()) == ("TTr", "TỜ TRÌNH")
    assert proposals.subtitle == (
        "Về việc đề nghị khen thưởng trong phong trào thi đua “Dân vận khéo” năm 2026"
    )
    lines = docx_lines(docx_of(proposals))
    assert "Kính gửi: Đảng ủy phường Phú Xuân" in lines
    assert docx_of(proposals).tables[0].cell(1, 0).text == "Số:      /TTr-TDV"


def test_list_and_achievements_are_attached(proposals: Document) -> None:
    """Attached: the list, then a short report of each one's achievements, each citing the
    Tờ trình (blank number and date while it is a draft)."""
    assert [(a.title, a.note) for a in proposals.attachments] == [
        ("Danh sách", "(Kèm theo Tờ trình số ……/TTr-TDV ngày …… của Tổ dân vận tổ dân phố 5)"),
        ("Báo cáo tóm tắt thành tích",
         "(Kèm theo Tờ trình số ……/TTr-TDV ngày …… của Tổ dân vận tổ dân phố 5)"),
    ]  # fmt: skip
    lines = docx_lines(docx_of(proposals))
    start = lines.index("1. Đặng Văn Ánh")
    assert lines[start + 1 : start + 4] == [
        "Chức vụ, đơn vị: Tổ viên",
        "Hình thức đề nghị: Bằng khen (cấp thành phố)",
        "Hòa giải thành 04 vụ việc",
    ]


def test_issued_attachments_cite_the_number_and_date(session: Session) -> None:
    """Issued as number 3 on 06/04/2026, the attachments cite «03/TTr-TDV ngày 06/04/2026»."""
    team_quarter(session)
    document = build_report(
        session.store.db, "commendation_list", year=2026, number=3, issued=True,
        issued_on=dt.date(2026, 4, 6), preset="state",
    )  # fmt: skip
    assert document.attachments[0].note == (
        "(Kèm theo Tờ trình số 03/TTr-TDV ngày 06/04/2026 của Tổ dân vận tổ dân phố 5)"
    )


def test_docx_individuals_in_vietnamese_order(proposals: Document) -> None:
    """ "Đặng" sorts before "Trần" (Đ after D, before T); achievements and forms shown."""
    # Tables: the letterhead, the signature, then the attached list's two.
    assert docx_table_rows(docx_of(proposals), 2) == [
        ["TT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích", "Hình thức khen thưởng",
         "Cấp khen thưởng"],
        ["1", "Đặng Văn Ánh", "Tổ viên", "Hòa giải thành 04 vụ việc", "Bằng khen",
         "cấp thành phố"],
        ["2", "Trần Thị Bích", "Chi hội trưởng Chi hội Phụ nữ",
         "Vận động 14 hộ hiến đất mở rộng kiệt 12", "Giấy khen", "cấp xã"],
    ]  # fmt: skip


def test_docx_collectives_apart_and_the_count(proposals: Document) -> None:
    """Collectives get their own section; the closing line counts both."""
    result = docx_of(proposals)
    assert docx_table_rows(result, 3)[1][1] == "Chi hội Cựu chiến binh tổ dân phố 5"
    lines = docx_lines(result)
    assert "II. TẬP THỂ" in lines
    assert "Danh sách gồm 2 cá nhân và 1 tập thể./." in lines


def test_year_without_proposals_says_so(session: Session) -> None:
    """A year with only decided commendations has no proposal rows, and says it."""
    team_quarter(session)
    document = build_report(session.store.db, "commendation_list", year=2025, preset="state")
    assert document.tables() == []
    assert "Năm 2025 chưa có đề nghị khen thưởng nào./." in docx_lines(docx_of(document))


def test_xlsx_one_sheet_per_group(proposals: Document, tmp_path: Path) -> None:
    """Individuals and collectives are two sheets of text cells."""
    workbook = openpyxl.load_workbook(write(proposals, "xlsx", tmp_path))
    assert workbook.sheetnames == ["Cá nhân", "Tập thể"]


def test_pdf_title(proposals: Document, tmp_path: Path) -> None:
    """pdftotext reads the Tờ trình's title, then the attached list's title on its own page."""
    path = write(proposals, "pdf", tmp_path)
    first = flat(pdf_text(path, 1))
    assert "TỜ TRÌNH Về việc đề nghị khen thưởng trong phong trào thi đua" in first
    assert "DANH SÁCH" not in first
    assert "DANH SÁCH Đề nghị khen thưởng trong phong trào thi đua “Dân vận khéo” năm 2026" in (
        flat(pdf_text(path, 2))
    )


def test_the_party_cell_proposes_by_default(session: Session) -> None:
    """Without a preset asked for, the Tờ trình is the Party cell's, numbered «…-TTr/CB»."""
    team_quarter(session)
    document = build_report(session.store.db, "commendation_list", year=2026)
    assert (document.preset, document.issuing_body) == ("party", "Chi bộ tổ dân phố 5")
    assert docx_of(document).tables[0].cell(1, 0).text == "Số ……-TTr/CB"
