"""Data tables drawn straight onto fpdf2 pages.

fpdf2's own ``table()`` lays out ~1,700 rows in about four seconds here, over
the PDF budget on its own; drawing rectangles and text lines directly, with
line breaking measured from our cached font metrics, takes a fraction of that.
Rows never split across pages unless a single row is taller than a page; the
header rows are repeated at the top of every page the table reaches. A table that
ends the body keeps its last rows with what follows (``keep_last``: the height of
the signature), so the signature never starts a page alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fpdf import FPDF

from danvan_desktop.reports.common import format_value, nfc
from danvan_desktop.reports.document import Align, Table
from danvan_desktop.reports.fonts import style_key, text_width_mm, wrap_text
from danvan_desktop.reports.presets import Preset, TextStyle

PT = 25.4 / 72
SINGLE_LINE_EM = 1.149  # Liberation Serif: (ascender - descender + line gap) / em
ASCENT_EM = 0.891
PAD_X = 1.0
PAD_Y = 0.3


@dataclass
class _Cell:
    """A cell ready to draw: its box, wrapped lines and how to set them."""

    x: float
    width: float
    lines: list[str]
    align: Align
    bold: bool


class TableDrawer:
    """Draws one data table from the current y position, adding pages as needed."""

    def __init__(
        self, pdf: FPDF, table: Table, preset: Preset, family: str, keep_last: float = 0.0
    ) -> None:
        self.pdf = pdf
        self.keep_last = keep_last
        self.table = table
        self.preset = preset
        self.family = family
        weights = sum(column.width for column in table.columns)
        self.widths = [pdf.epw * column.width / weights for column in table.columns]
        self.lefts = [pdf.l_margin + sum(self.widths[:index]) for index in range(len(self.widths))]
        self.text_style = preset.table_text
        self.header_style = preset.table_header
        self.line_height = self.text_style.size_pt * PT * SINGLE_LINE_EM
        self._header_cells, self._header_heights = self._lay_out_header()
        self.y = float(pdf.get_y())

    def opening_height(self) -> float:
        """The header rows and the first row; with the totals and ``keep_last`` as well when
        the first row is also the last (they go on the same page)."""
        first = self._body_cells(self.table.rows[0]) if self.table.rows else []
        height = sum(self._header_heights) + (self._height(first) if first else 0.0)
        if len(self.table.rows) <= 1:
            totals = self._totals_cells() if self.table.totals is not None else []
            height += (self._height(totals) if totals else 0.0) + self.keep_last
        return height

    def draw(self) -> None:
        """Draw header, rows and totals; leave the pdf's y just under the table."""
        page = self._bottom() - float(self.pdf.t_margin)
        opening = self.opening_height()
        keeps_with_next = self.y + opening > self._bottom() and opening <= page
        header_alone = self.y + sum(self._header_heights) + self._first_row_height()
        if keeps_with_next or header_alone > self._bottom():
            self._new_page()
        self._draw_header()
        last = len(self.table.rows) - 1
        totals = self._totals_cells() if self.table.totals is not None else []
        for index, row in enumerate(self.table.rows):
            cells = self._body_cells(row)
            if index == last and self.keep_last:
                after = self._height(totals) if totals else 0.0
                self._room_for(self._height(cells) + after + self.keep_last)
            self._draw_row(cells)
        if totals:
            if not self.table.rows and self.keep_last:
                self._room_for(self._height(totals) + self.keep_last)
            self._draw_row(totals)
        self.pdf.set_y(self.y)

    def _first_row_height(self) -> float:
        return self._height(self._body_cells(self.table.rows[0])) if self.table.rows else 0.0

    def _room_for(self, height: float) -> None:
        """Go on to a new page (header repeated) unless ``height`` fits under the rows
        already drawn; nothing moves when it would not fit on a page of its own either."""
        page = self._bottom() - float(self.pdf.t_margin) - sum(self._header_heights)
        if self.y + height > self._bottom() and self._page_has_rows() and height <= page:
            self._new_page()
            self._draw_header()

    def _bottom(self) -> float:
        return float(self.pdf.page_break_trigger)

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.y = float(self.pdf.t_margin)

    def _lay_out_header(self) -> tuple[list[tuple[int, int, _Cell]], list[float]]:
        cells: list[tuple[int, int, _Cell]] = []
        heights = [self.line_height + 2 * PAD_Y for _ in self.table.header_rows]
        placed = sorted(self.table.placed_header_cells(), key=lambda cell: cell.rowspan)
        for spec in placed:
            width = sum(self.widths[spec.column : spec.column + spec.colspan])
            lines = self._wrap(spec.text, width, self.header_style)
            cell = _Cell(self.lefts[spec.column], width, lines, "center", True)
            cells.append((spec.row, spec.rowspan, cell))
            spanned = heights[spec.row : spec.row + spec.rowspan]
            missing = len(lines) * self.line_height + 2 * PAD_Y - sum(spanned)
            if missing > 0:
                heights[spec.row + spec.rowspan - 1] += missing
        return cells, heights

    def _wrap(self, text: str, width: float, style: TextStyle) -> list[str]:
        return wrap_text(nfc(text), width - 2 * PAD_X, style.size_pt, bold=style.bold)

    def _body_cells(self, row: Any) -> list[_Cell]:
        cells = []
        for index, (value, column) in enumerate(zip(row, self.table.columns, strict=True)):
            text = format_value(value, column, self.preset)
            lines = self._wrap(text, self.widths[index], self.text_style)
            cells.append(_Cell(self.lefts[index], self.widths[index], lines, column.align, False))
        return cells

    def _totals_cells(self) -> list[_Cell]:
        assert self.table.totals is not None
        span = self.table.totals_label_span
        label_width = sum(self.widths[:span])
        label = self._wrap(self.table.totals.label, label_width, self.header_style)
        cells = [_Cell(self.lefts[0], label_width, label, "center", True)]
        sums = self.table.totals_values()
        for index in range(span, len(self.widths)):
            column = self.table.columns[index]
            text = format_value(sums[index], column, self.preset) if index in sums else ""
            lines = self._wrap(text, self.widths[index], self.header_style)
            cells.append(_Cell(self.lefts[index], self.widths[index], lines, column.align, True))
        return cells

    def _height(self, cells: list[_Cell]) -> float:
        most = max((len(cell.lines) for cell in cells), default=1)
        return max(most, 1) * self.line_height + 2 * PAD_Y

    def _draw_header(self) -> None:
        tops = [
            self.y + sum(self._header_heights[:row]) for row in range(len(self._header_heights))
        ]
        for row, rowspan, cell in self._header_cells:
            height = sum(self._header_heights[row : row + rowspan])
            self._draw_cell(cell, tops[row], height, cell.lines)
        self.y += sum(self._header_heights)

    def _draw_row(self, cells: list[_Cell]) -> None:
        """Draw a row; a row taller than a whole page continues on the next one."""
        pending = [cell.lines for cell in cells]
        while True:
            most = max((len(lines) for lines in pending), default=1)
            height = max(most, 1) * self.line_height + 2 * PAD_Y
            room = self._bottom() - self.y
            if height <= room:
                for cell, lines in zip(cells, pending, strict=True):
                    self._draw_cell(cell, self.y, height, lines)
                self.y += height
                return
            fitting = int((room - 2 * PAD_Y) // self.line_height)
            if self._page_has_rows() or fitting < 1:
                self._new_page()
                self._draw_header()
                continue
            height = fitting * self.line_height + 2 * PAD_Y
            for cell, lines in zip(cells, pending, strict=True):
                self._draw_cell(cell, self.y, height, lines[:fitting])
            pending = [lines[fitting:] for lines in pending]
            self._new_page()
            self._draw_header()

    def _page_has_rows(self) -> bool:
        return self.y > float(self.pdf.t_margin) + sum(self._header_heights) + 0.01

    def _draw_cell(self, cell: _Cell, top: float, height: float, lines: list[str]) -> None:
        pdf = self.pdf
        style = self.header_style if cell.bold else self.text_style
        pdf.set_font(self.family, style_key(bold=cell.bold, italic=False), style.size_pt)
        pdf.rect(cell.x, top, cell.width, height)
        used = len(lines) * self.line_height
        baseline = top + (height - used) / 2 + ASCENT_EM * style.size_pt * PT
        for line in lines:
            if line:
                pdf.text(self._line_x(cell, line, style), baseline, line)
            baseline += self.line_height

    def _line_x(self, cell: _Cell, line: str, style: TextStyle) -> float:
        if cell.align in ("left", "justify"):
            return cell.x + PAD_X
        width = text_width_mm(line, style.size_pt, bold=cell.bold)
        if cell.align == "right":
            return cell.x + cell.width - PAD_X - width
        return cell.x + (cell.width - width) / 2
