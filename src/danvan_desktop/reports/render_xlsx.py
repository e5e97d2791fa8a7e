"""XLSX renderer: each table becomes a sheet of real numbers that users can compute with.

Above every table the sheet repeats the document's header lines (issuing body
with the Party's asterisk under it in that format, national name, number, place and
date, title), so a printed sheet is still an identifiable document; the national
name and motto are never wrapped (their columns are made wide enough, and the text
shrinks rather than breaks). Totals are written as values, so every reader shows
them, including those that never recalculate (viewers on phones, previews, and
openpyxl); dates ("20/03/2026") are real dates shown dd/mm/yyyy. Sheet names are
cut at a word boundary to Excel's 31 characters. A document without tables gives
one sheet with its text, line by line, as printed (``printed_blocks``).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from danvan_desktop.reports.common import (
    DRAFT_MARK,
    nfc,
    number_line,
    place_date_line,
    printed_blocks,
)
from danvan_desktop.reports.document import (
    Attachment,
    Block,
    BulletList,
    CellValue,
    Document,
    Heading,
    LabelledLines,
    Paragraph,
    Table,
)
from danvan_desktop.reports.fonts import text_width_mm, wrap_text
from danvan_desktop.reports.presets import Preset, TextStyle
from danvan_desktop.reports.xlsx_cells import DATE_FORMAT, as_date, sheet_name

FONT_NAME = "Times New Roman"
# Excel's column width unit is one digit of the workbook's default font (Calibri
# 11: 7 px at 96 dpi) plus 5 px of padding per column.
MM_PER_CHARACTER = 7 * 25.4 / 96
COLUMN_PADDING_MM = 5 * 25.4 / 96
# Neither Excel nor LibreOffice grows a row to fit wrapped text in merged cells
# (LibreOffice not even in plain ones when converting), so heights are set here.
LINE_HEIGHT_EM = 1.25

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
    tables = _tables_with_parts(document)
    names: set[str] = set()
    for index, (part, table) in enumerate(tables, start=1):
        sheet = workbook.create_sheet(sheet_name(table.title, index, names))
        _write_table_sheet(sheet, document, part, table, preset)
    if not tables:
        sheet = workbook.create_sheet(sheet_name(document.title, 1, names))
        _write_text_sheet(sheet, document, preset)
    workbook.properties.title = nfc(f"{document.title} {document.subtitle}".strip())
    workbook.properties.creator = nfc(document.issuing_body)
    workbook.properties.language = "vi-VN"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _tables_with_parts(document: Document) -> list[tuple[Attachment | None, Table]]:
    """Every table with the attachment it belongs to (None: the document's own)."""
    found: list[tuple[Attachment | None, Table]] = [
        (None, block) for block in document.blocks if isinstance(block, Table)
    ]
    for attachment in document.attachments:
        found += [(attachment, b) for b in attachment.blocks if isinstance(b, Table)]
    return found


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
    *,
    wrap: bool = True,
) -> None:
    """Write text in a row, merged over columns first..last, and fit the row's height;
    ``wrap=False`` keeps it on one line (shrunk to the span if it must be)."""
    cell = sheet.cell(row=row, column=first, value=nfc(text))
    cell.font = font
    cell.alignment = Alignment(
        horizontal=horizontal, vertical="center", wrap_text=wrap, shrink_to_fit=not wrap
    )
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    if wrap:
        _fit_height(sheet, row, nfc(text), _span_mm(sheet, first, last), font)
    else:
        _fit_height(sheet, row, "x", 100.0, font)


def _header_split(sheet: Worksheet, preset: Preset, width: int) -> int:
    """The last column of the issuer's side: the preset's share of the sheet, moved left
    until the national name and motto fit on one line in the columns right of it."""
    if width <= 1:
        return 1
    split = max(1, round(width * preset.header_left_fraction))
    widest = max(
        (
            text_width_mm(line.text, line.style.size_pt, bold=line.style.bold) + 2.0
            for line in preset.top_right_lines
        ),
        default=0.0,
    )
    while split > 1 and _span_mm(sheet, split + 1, width) < widest:
        split -= 1
    return min(split, width - 1)


def _write_header_lines(
    sheet: Worksheet,
    document: Document,
    preset: Preset,
    width: int,
    part: Attachment | None = None,
) -> int:
    """The document's header, then the title of the document (or of the attachment the
    sheet's table belongs to) above the content; returns the next free row."""
    split = _header_split(sheet, preset, width)
    left_last, right_first = split, min(split + 1, width)
    top = 1
    if document.draft:
        draft_font = _font(preset.number.size_pt, bold=True)
        _put(sheet, top, right_first, width, DRAFT_MARK, draft_font, "right")
        top += 1
    left = [(document.managing_body, preset.managing_body)] if document.managing_body else []
    left.append((document.issuing_body, preset.issuing_body))
    if preset.issuing_mark.kind == "text":  # the Party's "*" under the issuing body
        left.append((preset.issuing_mark.text, TextStyle(preset.issuing_body.size_pt, bold=True)))
    right = [(line.text, line.style) for line in preset.top_right_lines]
    for offset in range(max(len(left), len(right))):
        if offset < len(left):
            text, style = left[offset]
            _put(sheet, top + offset, 1, left_last, style.apply_caps(text), _style_font(style))
        if offset < len(right) and width > 1:
            text, style = right[offset]
            font = _style_font(style)
            _put(sheet, top + offset, right_first, width, text, font, wrap=False)
    row = top + max(len(left), len(right))
    number, place_date = number_line(document, preset), place_date_line(document)
    if number:
        _put(sheet, row, 1, left_last, number, _style_font(preset.number))
    if place_date and width > 1:
        _put(sheet, row, right_first, width, place_date, _style_font(preset.place_date))
    row += 2 if number or place_date else 1
    title, subtitle, note = (
        (part.title, part.subtitle, part.note)
        if part
        else (document.title, document.subtitle, document.note)
    )
    _put(sheet, row, 1, width, preset.title.apply_caps(title), _style_font(preset.title))
    row += 1
    if subtitle:
        _put(sheet, row, 1, width, subtitle, _style_font(preset.subtitle))
        row += 1
    if note:
        _put(sheet, row, 1, width, note, _font(preset.subtitle.size_pt, italic=True))
        row += 1
    return row + 1


def _style_font(style: TextStyle) -> Font:
    return _font(style.size_pt, bold=style.bold, italic=style.italic)


def _write_table_sheet(
    sheet: Worksheet,
    document: Document,
    part: Attachment | None,
    table: Table,
    preset: Preset,
) -> None:
    width = len(table.columns)
    weights = sum(column.width for column in table.columns)
    text_width = 210.0 - preset.margins.left - preset.margins.right
    _set_widths(sheet, [text_width * column.width / weights for column in table.columns])
    row = _write_header_lines(sheet, document, preset, width, part)
    if table.title:
        _put(sheet, row, 1, width, table.title, _style_font(preset.table_caption))
        row += 2
    header_top = row
    _write_table_header(sheet, table, header_top, preset)
    first_data = header_top + len(table.header_rows)
    _write_rows(sheet, table, first_data, preset)
    last_data = first_data + len(table.rows) - 1
    if table.totals is not None:
        _write_totals(sheet, table, last_data + 1, preset)
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
            day = as_date(value)
            written = day if day is not None else _cell_value(value)
            cell = sheet.cell(row=first + offset, column=index + 1, value=written)
            cell.font, cell.border, cell.alignment = font, _BOX, alignments[index]
            if day is not None:
                cell.number_format = DATE_FORMAT
            elif isinstance(value, int | float):
                cell.number_format = formats[index] if isinstance(value, int) else "#,##0.00"
            elif isinstance(value, str) and value:
                _fit_height(sheet, first + offset, nfc(value), widths[index], font)


def _cell_value(value: CellValue) -> CellValue:
    if isinstance(value, bool):
        raise ValueError("a table cell holds a bool; write it as text")
    return nfc(value) if isinstance(value, str) else value


def _number_format(group_thousands: bool) -> str:
    return "#,##0" if group_thousands else "0"


def _write_totals(sheet: Worksheet, table: Table, row: int, preset: Preset) -> None:
    assert table.totals is not None
    font = _style_font(preset.table_header)
    span = table.totals_label_span
    for column in range(1, len(table.columns) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border, cell.font = _BOX, font
    _put(sheet, row, 1, span, table.totals.label, font)
    sums = table.totals_values()
    floats = {c for c, v in sums.items() if isinstance(v, float)}
    for index in table.totals.sum_columns:
        cell = sheet.cell(row=row, column=index + 1)
        # The sum itself, not a formula: readers that never recalculate show it too.
        cell.value = sums[index]
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
    blocks: list[Block] = printed_blocks(document.blocks, preset)
    for attachment in document.attachments:
        titles = (attachment.title.upper(), attachment.subtitle, attachment.note)
        blocks += [Heading(text) for text in titles if text]
        blocks += printed_blocks(attachment.blocks, preset)
    for block in blocks:
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
