"""Statistics of "Dân vận khéo" models: by field, by registration year, by village.

For the team's own village, or (``commune_code``) for every village of a
commune. With a ``year`` only the models registered that year count; without
one, all the store's models, and the by-year table shows how they came about.
Each table has one column per life-cycle status, a "Tổng số" column and a totals
row (SUM formulas in the XLSX).
"""

from __future__ import annotations

from sqlite_utils import Database

from danvan_desktop.reports.builders.common import Issue, count_text, make_document
from danvan_desktop.reports.builders.figures import model_field_names
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.builders.scope import Scope, commune_scope, team_scope
from danvan_desktop.reports.builders.tables import by_field_rows, model_counts, status_table
from danvan_desktop.reports.document import Block, Document, DocumentKind, Heading, Paragraph


def statistics_scope(db: Database, commune_code: int | None) -> Scope:
    """The commune's villages when a commune is named, else the team's own village."""
    return commune_scope(db, commune_code) if commune_code is not None else team_scope(db)


def build_model_statistics(
    db: Database, issue: Issue, *, year: int | None = None, commune_code: int | None = None
) -> Document:
    """Model counts by field, year and village, for one year or for all years."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    scope = statistics_scope(db, commune_code)
    where, params = "deleted = 0", []
    if year is not None:
        where, params = "deleted = 0 AND year = ?", [year]
    by_field = model_counts(db, scope, "field_code", where, params)
    total = sum(sum(c.values()) for c in by_field.values())
    span = f"năm {year}" if year is not None else "qua các năm"
    blocks: list[Block] = [
        Paragraph.of(
            f"{scope.label} có {count_text(total)} mô hình “Dân vận khéo” đăng ký {span} "
            "(trạng thái tính đến ngày báo cáo), cụ thể như sau:"
        ),
        Heading("1. Theo lĩnh vực", level=2),
        status_table(
            "Bảng 1. Mô hình theo lĩnh vực",
            "Lĩnh vực",
            by_field_rows(by_field, model_field_names(db)),
        ),
    ]
    number = 2
    if year is None:
        by_year = model_counts(db, scope, "year", where, params)
        rows: list[tuple[str, dict[str, int]]] = [
            (str(y), by_year[y]) for y in sorted(by_year, key=lambda v: (v is None, v))
        ]
        blocks += [
            Heading(f"{number}. Theo năm đăng ký", level=2),
            status_table(f"Bảng {number}. Mô hình theo năm đăng ký", "Năm đăng ký", rows),
        ]
        number += 1
    if len(scope.units) > 1:
        by_unit = model_counts(db, scope, "unit_id", where, params)
        unit_rows = [(u.name, by_unit.get(u.id, {})) for u in scope.units]
        blocks += [
            Heading(f"{number}. Theo thôn, tổ dân phố", level=2),
            status_table(
                f"Bảng {number}. Mô hình theo thôn, tổ dân phố", "Thôn, tổ dân phố", unit_rows
            ),
        ]
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REPORT,
        title="Báo cáo",
        subtitle=f"Thống kê mô hình “Dân vận khéo” {span}",
        blocks=blocks,
    )
