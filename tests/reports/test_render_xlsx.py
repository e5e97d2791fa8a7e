"""XLSX output read back with openpyxl, and recalculated by LibreOffice for the totals."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import cast

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from danvan_desktop.reports.document import (
    Block,
    BulletList,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Heading,
    Paragraph,
    Table,
    TotalsRow,
)
from danvan_desktop.reports.registry import render
from danvan_desktop.reports.sample_documents import statistics_table
from danvan_desktop.reports.sample_rollup import year_end_rollup

RenderedFile = Callable[[str, str], Path]


@pytest.fixture(scope="module")
def statistics(rendered_file: RenderedFile) -> Worksheet:
    """The statistics sample's only sheet (2 header rows at rows 10-11, data from row 12)."""
    workbook = openpyxl.load_workbook(rendered_file("bang-thong-ke", "xlsx"))
    assert workbook.sheetnames == ["Thống kê theo tổ dân phố, thôn"]
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    return sheet


def small_document(blocks: Sequence[Block]) -> Document:
    return Document(
        kind=DocumentKind.REPORT,
        preset="state",
        issuing_body="Tổ dân vận thôn 3",
        unit_abbreviation="TDV",
        place="Huế",
        date=date(2026, 2, 3),
        title="Báo cáo",
        subtitle="Kết quả tháng 01 năm 2026",
        blocks=list(blocks),
    )


def load(document: Document) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render(document, "xlsx")))


def test_document_header_lines_above_the_table(statistics: Worksheet) -> None:
    """Issuer, national name, number, place-date and title come first."""
    assert [statistics.cell(row, 1).value for row in (1, 2, 3, 5, 6)] == [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ",
        "ỦY BAN NHÂN DÂN PHƯỜNG KIM LONG",
        "Số: 214/BC-UBND",
        "BÁO CÁO",
        "Thống kê mô hình “Dân vận khéo” năm 2026",
    ]
    # The right-hand side starts where the national name fits on one line.
    assert [statistics["C1"].value, statistics["C2"].value, statistics["C3"].value] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kim Long, ngày 15 tháng 12 năm 2026",
    ]
    assert statistics["C3"].font.i is True


def test_header_rows_are_bold_and_merged(statistics: Worksheet) -> None:
    """Header cells are bold; spans become merged ranges."""
    assert (statistics["A10"].value, statistics["C10"].value, statistics["C11"].value) == (
        "TT",
        "Số mô hình",
        "Đăng ký",
    )
    assert all(statistics[ref].font.b for ref in ("A10", "C10", "C11", "G11"))
    merged = {str(cell_range) for cell_range in statistics.merged_cells.ranges}
    assert {"A10:A11", "B10:B11", "C10:E10", "F10:G10"} <= merged


def test_values_are_real_numbers(statistics: Worksheet) -> None:
    """Counts are ints with a grouping format, not text."""
    first = [statistics.cell(12, column).value for column in range(1, 8)]
    assert first[:2] == [1, "Tổ dân phố 1"]
    assert all(type(value) is int for value in first[2:])
    assert statistics["G12"].number_format == "#,##0"
    assert statistics["A12"].number_format == "0"


def test_totals_are_written_as_values(statistics: Worksheet) -> None:
    """The totals row holds the sums of the 60 data rows themselves: a reader that never
    recalculates (openpyxl here, phone viewers) shows them."""
    rows = statistics_table().tables()[0].rows
    sums = [sum(cast(int, row[column]) for row in rows) for column in range(2, 7)]
    totals = [statistics.cell(72, column).value for column in range(1, 8)]
    assert totals == ["Tổng cộng", None, *sums]
    assert all(type(value) is int for value in totals[2:])


def test_panes_widths_and_print_titles(statistics: Worksheet) -> None:
    """Frozen under the header, widths by column weight, header rows repeat when printed."""
    assert statistics.freeze_panes == "A12"
    # Excel's unit: a 7 px digit plus 5 px padding at 96 dpi. The columns weigh
    # 0.6, 2.2, ..., 1.2 out of 8.4 of the 165 mm between the margins.
    widths = [statistics.column_dimensions[letter].width for letter in "ABG"]
    printed_mm = [(width * 7 + 5) * 25.4 / 96 for width in widths]
    assert printed_mm == pytest.approx([11.8, 43.2, 23.6], abs=0.2)
    assert statistics.print_title_rows == "$10:$11"


def test_floats_keep_decimals() -> None:
    """A float stays a float with a two-decimal format."""
    table = Table(
        [Column(), Column(align="right")],
        [[HeaderCell("Tuyến đường"), HeaderCell("Chiều dài (km)")]],
        rows=[["Kiệt 12", 1.25], ["Kiệt 7", 0.8]],
        totals=TotalsRow("Tổng cộng", [1]),
    )
    sheet = load(small_document([table])).active
    first = 9  # header lines, title, subtitle, then one header row at 8
    assert (sheet.cell(first, 2).value, sheet.cell(first, 2).number_format) == (1.25, "#,##0.00")
    assert sheet.cell(first + 2, 2).number_format == "#,##0.00"


def test_empty_table_totals_are_zero_not_circular() -> None:
    """With no rows the totals cell holds 0 instead of a SUM over itself."""
    table = Table(
        [Column(), Column()],
        [[HeaderCell("Đơn vị"), HeaderCell("Ngày công")]],
        rows=[],
        totals=TotalsRow("Tổng cộng", [1]),
    )
    sheet = load(small_document([table])).active
    assert (sheet.cell(9, 1).value, sheet.cell(9, 2).value) == ("Tổng cộng", 0)


def test_sheet_names_are_valid_and_unique() -> None:
    """Forbidden characters are replaced, names cut at a word within 31 characters and made
    unique."""
    title = "Bảng 1/2026: kết quả [tạm] theo từng thôn"
    tables = [Table([Column()], [[HeaderCell("A")]], rows=[[1]], title=title) for _ in range(2)]
    names = load(small_document(tables)).sheetnames
    assert names == ["Bảng 1 2026 kết quả tạm theo", "Bảng 1 2026 kết quả tạm (2)"]


def test_document_without_tables_gives_a_text_sheet() -> None:
    """A document with no table still exports its header and text, line by line."""
    blocks: list[Block] = [
        Heading("I. KẾT QUẢ"),
        Paragraph.of("Hoàn thành kế hoạch."),
        BulletList(["Hiến đất"]),
    ]
    sheet = load(small_document(blocks)).active
    texts = [row[0] for row in sheet.iter_rows(min_row=8, values_only=True)]
    # As printed: a lone «I.» is no numbering, and the state format's «./.» closes the text.
    assert texts == ["KẾT QUẢ", "Hoàn thành kế hoạch.", "- Hiến đất./."]
    assert sheet["A8"].font.b is True


def test_year_end_rollup_sheets() -> None:
    """The budget-sized roll-up: a models sheet and a meetings sheet with every row."""
    workbook = load(year_end_rollup())
    models, meetings = (workbook[name] for name in workbook.sheetnames)
    assert models.max_row == 11 + 500 + 1
    # Header lines to row 9, one header row at 10, meetings at 11..1210, totals at 1211.
    assert meetings["E1211"].value == sum(meetings.cell(row, 5).value for row in range(11, 1211))
    assert meetings["A1210"].value == 1200


@pytest.mark.slow
def test_totals_after_libreoffice_recalculates(
    rendered_file: RenderedFile,
    libreoffice: Callable[..., list[Path]],
    tmp_path: Path,
) -> None:
    """LibreOffice computes the SUM formulas to the sums of the data rows."""
    source = rendered_file("bang-thong-ke", "xlsx")
    (converted,) = libreoffice("xlsx:Calc MS Excel 2007 XML", tmp_path, source)
    sheet = openpyxl.load_workbook(converted, data_only=True).active
    rows = statistics_table().tables()[0].rows
    expected = [sum(cast(int, row[column]) for row in rows) for column in range(2, 7)]
    assert [sheet.cell(72, column).value for column in range(3, 8)] == expected


def _dated_document(preset: str = "state") -> Document:
    table = Table(
        [Column(), Column(align="center")],
        [[HeaderCell("Nhiệm vụ"), HeaderCell("Thời hạn")]],
        rows=[["Vận động hiến đất", "20/03/2026"], ["Báo cáo Chi bộ", "chưa có"]],
        title="Các nhiệm vụ quá hạn chưa hoàn thành trong năm 2026 của tổ",
    )
    document = small_document([table])
    document.preset = preset
    return document


def test_dates_are_real_dates_shown_day_first() -> None:
    """A "dd/mm/yyyy" cell is a date with the dd/mm/yyyy format; other text stays text."""
    sheet = load(_dated_document()).active
    first = next(row for row in range(1, 20) if sheet.cell(row, 1).value == "Vận động hiến đất")
    day, text = sheet.cell(first, 2), sheet.cell(first + 1, 2)
    assert (day.is_date, day.value.date(), day.number_format) == (
        True,
        date(2026, 3, 20),
        "dd/mm/yyyy",
    )
    assert text.value == "chưa có"


def test_a_long_sheet_name_ends_on_a_whole_word() -> None:
    """A title over 31 characters is cut after the last whole word that fits."""
    assert load(_dated_document()).sheetnames == ["Các nhiệm vụ quá hạn chưa hoàn"]


def test_national_name_stays_on_one_line(statistics: Worksheet) -> None:
    """The national name is not wrapped, and its columns are wide enough to hold it."""
    cell = statistics["C1"]
    assert cell.value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert not cell.alignment.wrap_text and cell.alignment.shrink_to_fit
    assert "C1:G1" in {str(r) for r in statistics.merged_cells.ranges}
    width = sum((statistics.column_dimensions[c].width * 7 + 5) * 25.4 / 96 for c in "CDEFG")
    assert width >= 95.7  # the name at 13 pt bold


def test_party_header_has_its_asterisk() -> None:
    """Under the Party cell's name, the asterisk of guidance 36-HD/VPTW."""
    sheet = load(_dated_document("party")).active
    assert [sheet.cell(row, 1).value for row in (1, 2)] == ["TỔ DÂN VẬN THÔN 3", "*"]
