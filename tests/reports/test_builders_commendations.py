"""The commendation proposal list: exemplars with the form and level proposed."""

from __future__ import annotations

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
    """The 2026 list (two individuals, one collective; a 2025 decision is not a proposal)."""
    team_quarter(session)
    return build_report(session.store.db, "commendation_list", year=2026)


def test_docx_individuals_in_vietnamese_order(proposals: Document) -> None:
    """ "Đặng" sorts before "Trần" (Đ after D, before T); achievements and forms shown."""
    assert docx_table_rows(docx_of(proposals), 1) == [
        ["TT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích", "Hình thức khen thưởng",
         "Cấp khen thưởng"],
        ["1", "Đặng Văn Ánh", "Tổ viên", "Hòa giải thành 04 vụ việc", "Bằng khen", "thành phố"],
        ["2", "Trần Thị Bích", "Chi hội trưởng Chi hội Phụ nữ",
         "Vận động 14 hộ hiến đất mở rộng kiệt 12", "Giấy khen", "xã"],
    ]  # fmt: skip


def test_docx_collectives_apart_and_the_count(proposals: Document) -> None:
    """Collectives get their own section; the closing line counts both."""
    result = docx_of(proposals)
    assert docx_table_rows(result, 2)[1][1] == "Chi hội Cựu chiến binh tổ dân phố 5"
    lines = docx_lines(result)
    assert "II. TẬP THỂ" in lines
    assert "Danh sách gồm 02 cá nhân và 01 tập thể./." in lines


def test_year_without_proposals_says_so(session: Session) -> None:
    """A year with only decided commendations has no proposal rows, and says it."""
    team_quarter(session)
    document = build_report(session.store.db, "commendation_list", year=2025)
    assert document.tables() == []
    assert "Năm 2025 chưa có đề nghị khen thưởng nào./." in docx_lines(docx_of(document))


def test_xlsx_one_sheet_per_group(proposals: Document, tmp_path: Path) -> None:
    """Individuals and collectives are two sheets of text cells."""
    workbook = openpyxl.load_workbook(write(proposals, "xlsx", tmp_path))
    assert workbook.sheetnames == ["Cá nhân", "Tập thể"]


def test_pdf_title(proposals: Document, tmp_path: Path) -> None:
    """pdftotext reads the title and subtitle exactly."""
    text = flat(pdf_text(write(proposals, "pdf", tmp_path)))
    assert "DANH SÁCH" in text
    assert "Đề nghị khen thưởng trong phong trào thi đua “Dân vận khéo” năm 2026" in text
