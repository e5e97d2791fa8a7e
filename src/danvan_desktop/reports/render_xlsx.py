"""XLSX renderer: each table becomes a sheet of real numbers that users can compute with.

Above every table the sheet repeats the document's header lines (issuing body,
national name, number, place and date, title), so a printed sheet is still an
identifiable document. Totals are SUM formulas, not frozen values, so they stay
right when a user corrects a figure. A document without tables gives one sheet
with its text, line by line.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from danvan_desktop.reports.common import nfc, number_line, place_date_line
from danvan_desktop.reports.document import (
    BulletList,
    CellValue,
    Document,
    Heading,
    LabelledLines,
    Paragraph,
    Table,
)
from danvan_desktop.reports.fonts import wrap_text
from danvan_desktop.reports.presets import Preset, TextStyle

FONT_NAME = "Times New Roman"
# Excel's column width unit is one digit of the workbook's default font (Calibri
# 11: 7 px at 96 dpi) plus 5 px of padding per column.
MM_PER_CHARACTER = 7 * 25.4 / 96
COLUMN_PADDING_MM = 5 * 25.4 / 96
# Neither Excel nor LibreOffice grows a row to fit wrapped text in merged cells
# (LibreOffice not even in plain ones when converting), so heights are set here.
LINE_HEIGHT_EM = 1.25
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "left"}
_MM_PER_INCH = 25.4


def render_xlsx(document: Document, preset: Preset) -> bytes:
    """The document as XLSX bytes: one sheet per table."""
    workbook = Workbook()
    default = workbook.active
    assert default is not None
    workbook.remove(default)
    tables = document.tables()
    names: set[str] = set()
    for index, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(_sheet_name(table.title, index, names))
        _write_table_sheet(sheet, document, table, preset)
    if not tables:
        sheet = workbook.create_sheet(_sheet_name(document.title, 1, names))
        _write_text_sheet(sheet, document, preset)
    workbook.properties.title = nfc(f"{document.title} {document.subtitle}".strip())
    workbook.properties.creator = nfc(document.issuing_body)
    workbook.properties.language = "vi-VN"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, index: int, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    name = " ".join(_SHEET_FORBIDDEN.sub(" ", nfc(title)).split())[:31] or f"Bảng {index}"
    candidate, suffix = name, 2
    while candidate.lower() in taken:
        tail = f" ({suffix})"
        candidate, suffix = name[: 31 - len(tail)].rstrip() + tail, suffix + 1
    taken.add(candidate.lower())
    return candidate


def _font(size: float, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _set_widths(sheet: Worksheet, widths_mm: list[float]) -> None:
    for index, width in enumerate(widths_mm, start=1):
        characters = max(5.0, (width - COLUMN_PADDING_MM) / MM_PER_CHARACTER)
        sheet.column_dimensions[get_column_letter(index)].width = round(characters, 1)


def _span_mm(sheet: Worksheet, first: int, last: int) -> float:
    """The printed width of columns first..last, as Excel computes it."""
    total = 0.0
    for column in range(first, last + 1):
        characters = sheet.column_dimensions[get_column_letter(column)].width or 8.43
        total += characters * MM_PER_CHARACTER + COLUMN_PADDING_MM
    return total


def _fit_height(sheet: Worksheet, row: int, text: str, width_mm: float, font: Font) -> None:
    """Grow the row so that text wrapped in width_mm shows whole."""
    size = float(font.sz or 12)
    lines = wrap_text(text, width_mm - 1.5, size, bold=bool(font.b), italic=bool(font.i))
    height = len(lines) * size * LINE_HEIGHT_EM + 2
    current = sheet.row_dimensions[row].height
    if current is None or height > current:
        sheet.row_dimensions[row].height = round(height, 1)


def _put(
    sheet: Worksheet,
    row: int,
    first: int,
    last: int,
    text: str,
    font: Font,
    horizontal: str = "center",
) -> None:
    """Write text in a row, merged over columns first..last, and fit the row's height."""
    cell = sheet.cell(row=row, column=first, value=nfc(text))
    cell.font = font
    cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    _fit_height(sheet, row, nfc(text), _span_mm(sheet, first, last), font)


def _write_header_lines(sheet: Worksheet, document: Document, preset: Preset, width: int) -> int:
    """The document's header and title above the content; returns the next free row."""
    split = max(1, round(width * preset.header_left_fraction)) if width > 1 else 1
    left_last, right_first = split, min(split + 1, width)
    left = [(document.managing_body, preset.managing_body)] if document.managing_body else []
    left.append((document.issuing_body, preset.issuing_body))
    right = [(line.text, line.style) for line in preset.top_right_lines]
    for offset in range(max(len(left), len(right))):
        if offset < len(left):
            text, style = left[offset]
            _put(sheet, 1 + offset, 1, left_last, style.apply_caps(text), _style_font(style))
        if offset < len(right) and width > 1:
            text, style = right[offset]
            _put(sheet, 1 + offset, right_first, width, text, _style_font(style))
    row = max(len(left), len(right)) + 1
    _put(sheet, row, 1, left_last, number_line(document, preset), _style_font(preset.number))
    if width > 1:
        date_font = _style_font(preset.place_date)
        _put(sheet, row, right_first, width, place_date_line(document), date_font)
    row += 2
    _put(sheet, row, 1, width, preset.title.apply_caps(document.title), _style_font(preset.title))
    row += 1
    if document.subtitle:
        _put(sheet, row, 1, width, document.subtitle, _style_font(preset.subtitle))
        row += 1
    return row + 1


def _style_font(style: TextStyle) -> Font:
    return _font(style.size_pt, bold=style.bold, italic=style.italic)


def _write_table_sheet(sheet: Worksheet, document: Document, table: Table, preset: Preset) -> None:
    width = len(table.columns)
    weights = sum(column.width for column in table.columns)
    text_width = 210.0 - preset.margins.left - preset.margins.right
    _set_widths(sheet, [text_width * column.width / weights for column in table.columns])
    row = _write_header_lines(sheet, document, preset, width)
    if table.title:
        _put(sheet, row, 1, width, table.title, _style_font(preset.table_caption))
        row += 2
    header_top = row
    _write_table_header(sheet, table, header_top, preset)
    first_data = header_top + len(table.header_rows)
    _write_rows(sheet, table, first_data, preset)
    last_data = first_data + len(table.rows) - 1
    if table.totals is not None:
        _write_totals(sheet, table, last_data + 1, first_data, preset)
    sheet.freeze_panes = sheet.cell(row=first_data, column=1)
    sheet.print_title_rows = f"{header_top}:{first_data - 1}"
    _set_up_printing(sheet, preset)


def _write_table_header(sheet: Worksheet, table: Table, top: int, preset: Preset) -> None:
    font = _style_font(preset.table_header)
    alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in range(top, top + len(table.header_rows)):
        for column in range(1, len(table.columns) + 1):
            sheet.cell(row=row, column=column).border = _BOX
    for placed in table.placed_header_cells():
        row, column = top + placed.row, 1 + placed.column
        cell = sheet.cell(row=row, column=column, value=nfc(placed.text))
        cell.font, cell.alignment = font, alignment
        if placed.rowspan == 1:
            span = _span_mm(sheet, column, column + placed.colspan - 1)
            _fit_height(sheet, row, nfc(placed.text), span, font)
        if placed.rowspan > 1 or placed.colspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + placed.rowspan - 1,
                end_column=column + placed.colspan - 1,
            )


def _write_rows(sheet: Worksheet, table: Table, first: int, preset: Preset) -> None:
    font = _style_font(preset.table_text)
    alignments = [
        Alignment(horizontal=_ALIGN[column.align], vertical="center", wrap_text=True)
        for column in table.columns
    ]
    formats = [_number_format(column.group_thousands) for column in table.columns]
    widths = [_span_mm(sheet, index, index) for index in range(1, len(table.columns) + 1)]
    for offset, values in enumerate(table.rows):
        for index, value in enumerate(values):
            cell = sheet.cell(row=first + offset, column=index + 1, value=_cell_value(value))
            cell.font, cell.border, cell.alignment = font, _BOX, alignments[index]
            if isinstance(value, int | float):
                cell.number_format = formats[index] if isinstance(value, int) else "#,##0.00"
            elif isinstance(value, str) and value:
                _fit_height(sheet, first + offset, nfc(value), widths[index], font)


def _cell_value(value: CellValue) -> CellValue:
    if isinstance(value, bool):
        raise ValueError("a table cell holds a bool; write it as text")
    return nfc(value) if isinstance(value, str) else value


def _number_format(group_thousands: bool) -> str:
    return "#,##0" if group_thousands else "0"


def _write_totals(sheet: Worksheet, table: Table, row: int, first: int, preset: Preset) -> None:
    assert table.totals is not None
    font = _style_font(preset.table_header)
    span = table.totals_label_span
    for column in range(1, len(table.columns) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border, cell.font = _BOX, font
    _put(sheet, row, 1, span, table.totals.label, font)
    floats = {c for c, v in table.totals_values().items() if isinstance(v, float)}
    for index in table.totals.sum_columns:
        letter = get_column_letter(index + 1)
        cell = sheet.cell(row=row, column=index + 1)
        # No body rows: a SUM would have to cover the totals row itself.
        cell.value = f"=SUM({letter}{first}:{letter}{row - 1})" if table.rows else 0
        cell.alignment = Alignment(horizontal=_ALIGN[table.columns[index].align])
        group = table.columns[index].group_thousands
        cell.number_format = "#,##0.00" if index in floats else _number_format(group)


def _set_up_printing(sheet: Worksheet, preset: Preset) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    margins = preset.margins
    sheet.page_margins.left = margins.left / _MM_PER_INCH
    sheet.page_margins.right = margins.right / _MM_PER_INCH
    sheet.page_margins.top = margins.top / _MM_PER_INCH
    sheet.page_margins.bottom = margins.bottom / _MM_PER_INCH


def _write_text_sheet(sheet: Worksheet, document: Document, preset: Preset) -> None:
    """A document without tables: its header, then one block line per row in column A."""
    width = 2
    _set_widths(sheet, [70.0, 95.0])
    row = _write_header_lines(sheet, document, preset, width)
    size = preset.table_text.size_pt
    for block in document.blocks:
        for line, bold in _block_lines(block):
            _put(sheet, row, 1, width, line, _font(size, bold=bold), "left")
            row += 1
    _set_up_printing(sheet, preset)


def _block_lines(block: object) -> list[tuple[str, bool]]:
    if isinstance(block, Heading):
        return [(block.text, True)]
    if isinstance(block, Paragraph):
        return [(block.text, all(run.bold for run in block.runs))]
    if isinstance(block, BulletList):
        return [(f"{block.marker} {item}", False) for item in block.items]
    if isinstance(block, LabelledLines):
        return [(f"{line.label}: {line.value}", False) for line in block.lines]
    return []
