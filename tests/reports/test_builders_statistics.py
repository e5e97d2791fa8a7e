"""Model statistics by field, year and village, for a team or a commune."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from builder_records import PHU_XUAN, add_villages, docx_of, docx_table_rows, team_quarter
from builder_records import write_rendered as write
from openpyxl.worksheet.worksheet import Worksheet

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document
from danvan_desktop.session import Session


@pytest.fixture
def commune(session: Session) -> Document:
    """All years' models of Phường Phú Xuân's three villages."""
    team_quarter(session)
    add_villages(session)
    return build_report(session.store.db, "model_statistics", commune_code=PHU_XUAN)


def test_team_statistics_of_one_year(session: Session) -> None:
    """A year's statistics count only models registered that year, and skip the year table."""
    team_quarter(session)
    document = build_report(session.store.db, "model_statistics", year=2026)
    assert document.subtitle == "Thống kê mô hình “Dân vận khéo” năm 2026"
    assert [table.title for table in document.tables()] == ["Bảng 1. Mô hình theo lĩnh vực"]
    assert document.tables()[0].totals_values()[9] == 2


def test_docx_by_field_header_spans_statuses(commune: Document) -> None:
    """Two header rows: the seven statuses under one spanning cell, then the total column."""
    rows = docx_table_rows(docx_of(commune), 1)
    assert rows[0][2:9] == ["Số mô hình theo trạng thái"] * 7
    assert rows[1][2:9] == [
        "Đã đăng ký",
        "Đang triển khai",
        "Đã tự đánh giá",
        "Được công nhận tiêu biểu",
        "Không được công nhận",
        "Tạm dừng, củng cố",
        "Dừng thực hiện",
    ]
    assert rows[0][9] == rows[1][9] == "Tổng số"


def test_docx_by_year_and_by_village(commune: Document) -> None:
    """The other ward's village is left out; villages in Vietnamese order."""
    result = docx_of(commune)
    assert [row[1:] for row in docx_table_rows(result, 2)[2:]] == [
        ["2025", "0", "1", "0", "1", "0", "0", "0", "2"],
        ["2026", "2", "2", "0", "0", "0", "0", "0", "4"],
        ["Tổng cộng", "2", "3", "0", "1", "0", "0", "0", "6"],
    ]
    assert [row[1] for row in docx_table_rows(result, 3)[2:]] == [
        "Thôn An Hòa",
        "Tổ dân phố 5",
        "Tổ dân phố 7",
        "Tổng cộng",
    ]


def test_xlsx_totals_are_values(commune: Document, tmp_path: Path) -> None:
    """Every totals cell of the village sheet holds the sum of the rows above it."""
    workbook = openpyxl.load_workbook(write(commune, "xlsx", tmp_path))
    sheet = workbook.worksheets[2]
    assert isinstance(sheet, Worksheet)
    last = sheet.max_row
    assert sheet.cell(last, 1).value == "Tổng cộng"
    assert [sheet.cell(last, column).value for column in (3, 10)] == [
        sum(sheet.cell(row, 3).value for row in range(last - 3, last)),
        sum(sheet.cell(row, 10).value for row in range(last - 3, last)),
    ]
    assert [sheet.cell(last - 3, column).value for column in range(2, 11)] == [
        "Thôn An Hòa", 0, 1, 0, 1, 0, 0, 0, 2,
    ]  # fmt: skip


@pytest.mark.slow
def test_xlsx_totals_after_libreoffice_recalculates(
    commune: Document, libreoffice: Callable[..., list[Path]], tmp_path: Path
) -> None:
    """Recalculated by LibreOffice, the totals are the sums: 6 models in 3 villages."""
    (converted,) = libreoffice(
        "xlsx:Calc MS Excel 2007 XML", tmp_path / "out", write(commune, "xlsx", tmp_path)
    )
    sheet = openpyxl.load_workbook(converted, data_only=True).worksheets[2]
    assert [sheet.cell(sheet.max_row, column).value for column in range(3, 11)] == [
        2, 3, 0, 1, 0, 0, 0, 6,
    ]  # fmt: skip


def test_commune_without_villages_is_refused(session: Session) -> None:
    """A commune the store has no village of gets a message naming its code."""
    with pytest.raises(ValidationError) as caught:
        build_report(session.store.db, "model_statistics", commune_code=19999)
    assert caught.value.fields == ["commune_code"]
    assert "19999" in caught.value.message
