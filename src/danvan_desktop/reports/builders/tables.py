"""Count tables of models: one row per field (or year, or village), one column per status.

Columns follow the model's life cycle (registered … paused), then a "Tổng số"
column; a "Tổng cộng" row closes the table, which the XLSX renderer writes as
SUM formulas over the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.model_status import LEGACY_MODEL_STATUSES
from danvan_desktop.core.vocab import MODEL_STATUSES
from danvan_desktop.reports.builders.common import ORDINAL, number_column
from danvan_desktop.reports.builders.figures import UnitFigures
from danvan_desktop.reports.builders.scope import Scope
from danvan_desktop.reports.document import CellValue, Column, HeaderCell, Table, TotalsRow

Counts = dict[Any, dict[str, int]]


def model_counts(
    db: Database, scope: Scope, group_column: str, where: str, params: Sequence[Any]
) -> Counts:
    """Live models of ``scope`` matching ``where``, counted per ``group_column`` and status."""
    counts: Counts = defaultdict(lambda: dict.fromkeys(MODEL_STATUSES, 0))
    for group, status, count in db.execute(
        f"SELECT {group_column}, status, count(*) FROM model WHERE {where} "
        f"AND {scope.in_clause()} GROUP BY 1, 2",
        [*params, *scope.unit_ids],
    ):
        status = LEGACY_MODEL_STATUSES.get(status, status)  # an earlier release's code
        if status in MODEL_STATUSES:
            counts[group][status] += int(count)
    return counts


def status_table(
    title: str, first_header: str, rows: Sequence[tuple[str, dict[str, int]]]
) -> Table:
    """A table of (label, counts per status) rows with a total column and a totals row."""
    statuses = list(MODEL_STATUSES)
    width = len(statuses)
    body: list[list[CellValue]] = []
    for index, (label, counts) in enumerate(rows, start=1):
        values = [counts.get(status, 0) for status in statuses]
        body.append([index, label, *values, sum(values)])
    return Table(
        columns=[
            ORDINAL,
            Column(2.2),
            *(number_column(0.95) for _ in statuses),
            number_column(0.9),
        ],
        header_rows=[
            [
                HeaderCell("TT", rowspan=2),
                HeaderCell(first_header, rowspan=2),
                HeaderCell("Số mô hình theo trạng thái", colspan=width),
                HeaderCell("Tổng số", rowspan=2),
            ],
            [HeaderCell(MODEL_STATUSES[status]) for status in statuses],
        ],
        rows=body,
        totals=TotalsRow("Tổng cộng", list(range(2, width + 3))),
        title=title,
    )


def by_field_rows(
    counts: Counts, fields: Sequence[tuple[str, str]]
) -> list[tuple[str, dict[str, int]]]:
    """Every field of the list in its order (zeros included), then codes not in the list."""
    empty = dict.fromkeys(MODEL_STATUSES, 0)
    rows = [(name, counts.get(code, empty)) for code, name in fields]
    known = {code for code, _ in fields}
    rows += [(str(code), c) for code, c in counts.items() if code not in known]
    return rows


def field_status_table(
    figures: Sequence[UnitFigures], fields: Sequence[tuple[str, str]], title: str
) -> Table:
    """Models followed in the period of ``figures`` by field and status, over their units
    (counted in the figures' own pass over the models, not read again)."""
    counts: Counts = defaultdict(lambda: dict.fromkeys(MODEL_STATUSES, 0))
    for one in figures:
        for (field_code, status), count in one.models_by_field_status.items():
            status = LEGACY_MODEL_STATUSES.get(status, status)  # an earlier release's code
            if status in MODEL_STATUSES:
                counts[field_code][status] += count
    return status_table(title, "Lĩnh vực", by_field_rows(counts, fields))
