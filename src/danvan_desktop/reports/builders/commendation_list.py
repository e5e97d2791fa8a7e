"""The list of commendation proposals of a year: who, for what, which form and level.

One row per proposed commendation (state ``proposed``), joined to its exemplar
for the name and position; the achievement is the proposal's own text, or the
exemplar's when the proposal has none. Individuals first, then collectives,
each in Vietnamese order, one table each (two sheets in the XLSX).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from danvan_desktop.reports.builders.common import (
    ORDINAL,
    Issue,
    by_vietnamese,
    count_text,
    make_document,
    numbered,
    simple_table,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.builders.scope import team_scope
from danvan_desktop.reports.document import (
    Block,
    Column,
    Document,
    DocumentKind,
    Heading,
    Paragraph,
    Table,
)

_COLUMNS = [ORDINAL, Column(1.8), Column(1.9), Column(3.0), Column(1.6), Column(1.0, "center")]


def proposals(db: Database, year: int, unit_ids: list[str]) -> list[dict[str, Any]]:
    """The year's proposed commendations of these units, with their exemplars."""
    marks = ", ".join("?" for _ in unit_ids)
    return list(
        db.query(
            "SELECT e.kind, e.name, e.position, coalesce(c.achievement, e.achievement) AS "
            "achievement, c.form, c.level FROM commendation c JOIN exemplar e "
            "ON e.id = c.exemplar_id AND e.deleted = 0 WHERE c.deleted = 0 AND c.year = ? "
            f"AND c.state = 'proposed' AND c.unit_id IN ({marks})",
            [year, *unit_ids],
        )
    )


def _table(title: str, name_header: str, rows: list[dict[str, Any]]) -> Table:
    return simple_table(
        title,
        [
            "TT",
            name_header,
            "Chức vụ, đơn vị",
            "Thành tích",
            "Hình thức khen thưởng",
            "Cấp khen thưởng",
        ],
        _COLUMNS,
        numbered(
            [
                [
                    str(r["name"]),
                    str(r["position"] or ""),
                    str(r["achievement"] or ""),
                    str(r["form"]),
                    str(r["level"]),
                ]
                for r in by_vietnamese(rows, "name")
            ]
        ),
    )


def build_commendation_list(db: Database, issue: Issue, *, year: int) -> Document:
    """The proposal list of ``year`` for the team's unit."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    rows = proposals(db, year, team_scope(db).unit_ids)
    people = [r for r in rows if r["kind"] != "collective"]
    groups = [r for r in rows if r["kind"] == "collective"]
    blocks: list[Block] = []
    if people:
        blocks += [Heading("I. CÁ NHÂN"), _table("Cá nhân", "Họ và tên", people)]
    if groups:
        heading = "II. TẬP THỂ" if people else "I. TẬP THỂ"
        blocks += [Heading(heading), _table("Tập thể", "Tên tập thể", groups)]
    if rows:
        closing = (
            f"Danh sách gồm {count_text(len(people))} cá nhân và "
            f"{count_text(len(groups))} tập thể./."
        )
    else:
        closing = f"Năm {year} chưa có đề nghị khen thưởng nào./."
    blocks.append(Paragraph.of(closing, italic=True))
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REPORT,
        title="Danh sách",
        subtitle=f"Đề nghị khen thưởng trong phong trào thi đua “Dân vận khéo” năm {year}",
        blocks=blocks,
    )
