"""The format-neutral document model: header grids, validation and totals."""

from __future__ import annotations

from datetime import date

import pytest

from danvan_desktop.reports.document import (
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Paragraph,
    PlacedHeaderCell,
    Run,
    Table,
    TotalsRow,
)


def two_row_header() -> list[list[HeaderCell]]:
    return [
        [
            HeaderCell("TT", rowspan=2),
            HeaderCell("Đơn vị", rowspan=2),
            HeaderCell("Kết quả", colspan=2),
        ],
        [HeaderCell("Ngày công"), HeaderCell("Đất hiến (m²)")],
    ]


def test_header_cells_are_placed_around_row_spans() -> None:
    """Cells of the second header row land in the columns the spanning cells leave free."""
    table = Table([Column()] * 4, two_row_header(), rows=[])
    assert table.placed_header_cells() == [
        PlacedHeaderCell(0, 0, 2, 1, "TT"),
        PlacedHeaderCell(0, 1, 2, 1, "Đơn vị"),
        PlacedHeaderCell(0, 2, 1, 2, "Kết quả"),
        PlacedHeaderCell(1, 2, 1, 1, "Ngày công"),
        PlacedHeaderCell(1, 3, 1, 1, "Đất hiến (m²)"),
    ]


def test_header_with_a_hole_is_refused() -> None:
    """A header that leaves a grid position empty is a builder bug."""
    with pytest.raises(ValueError, match="empty"):
        Table([Column()] * 3, [[HeaderCell("TT"), HeaderCell("Tên")]], rows=[])


def test_header_wider_than_columns_is_refused() -> None:
    """A span past the last column is refused."""
    with pytest.raises(ValueError, match="does not fit"):
        Table([Column()] * 2, [[HeaderCell("TT"), HeaderCell("Kết quả", colspan=2)]], rows=[])


def test_row_of_wrong_length_is_refused() -> None:
    """Every body row has one value per column."""
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        Table([Column()] * 2, [[HeaderCell("A"), HeaderCell("B")]], rows=[[1, 2], [3]])


def test_totals_sum_each_column_and_skip_empty_cells() -> None:
    """Totals add ints and floats; None counts as nothing."""
    table = Table(
        [Column(), Column(), Column()],
        [[HeaderCell("Đơn vị"), HeaderCell("Ngày công"), HeaderCell("Đất")]],
        rows=[["Thôn 1", 10, 2.5], ["Thôn 2", None, 1.25], ["Thôn 3", 7, None]],
        totals=TotalsRow("Tổng cộng", [1, 2]),
    )
    assert table.totals_values() == {1: 17, 2: 3.75}


def test_totals_of_a_text_column_are_refused() -> None:
    """Summing a column that holds text is a builder bug, reported with the value."""
    table = Table(
        [Column(), Column()],
        [[HeaderCell("Đơn vị"), HeaderCell("Ghi chú")]],
        rows=[["Thôn 1", "tốt"]],
        totals=TotalsRow("Tổng cộng", [1]),
    )
    with pytest.raises(ValueError, match="tốt"):
        table.totals_values()


def test_totals_label_spans_up_to_the_first_summed_column() -> None:
    """The label covers the columns before the first sum."""
    table = Table([Column()] * 4, two_row_header(), rows=[], totals=TotalsRow("Tổng", [2, 3]))
    assert table.totals_label_span == 2


def test_totals_cannot_sum_the_label_column() -> None:
    """Column 0 holds the totals label, so it cannot be summed."""
    with pytest.raises(ValueError, match="totals column 0"):
        Table([Column()] * 4, two_row_header(), rows=[], totals=TotalsRow("Tổng", [0]))


def test_paragraph_text_joins_runs() -> None:
    """A paragraph's text is its runs' text in order."""
    paragraph = Paragraph([Run("Ông An", bold=True), Run(": nhất trí.")])
    assert paragraph.text == "Ông An: nhất trí."


def test_document_lists_its_tables_in_order() -> None:
    """tables() skips the other blocks."""
    first = Table([Column()], [[HeaderCell("A")]], rows=[[1]])
    second = Table([Column()], [[HeaderCell("B")]], rows=[[2]])
    document = Document(
        kind=DocumentKind.REPORT,
        preset="state",
        issuing_body="Tổ dân vận",
        unit_abbreviation="TDV",
        place="Huế",
        date=date(2026, 1, 5),
        title="Báo cáo",
        blocks=[first, Paragraph.of("giữa"), second],
    )
    assert document.tables() == [first, second]


def test_decision_type_code_is_vietnamese() -> None:
    """The decision code is "QĐ" with the Vietnamese letter Đ."""
    assert DocumentKind.DECISION.value == "QĐ"
