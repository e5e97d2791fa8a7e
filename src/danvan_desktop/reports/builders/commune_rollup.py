"""A commune's roll-up of its villages' periodic reports, for the commune or city reviewer.

One row per village with the same figures each village's own periodic report
gives (meetings due and held, other meetings, models followed, new and
recognised, tasks done and overdue, exemplars, proposals), a totals row, the
commune's models by field and status, the indicators and resources summed over
the villages, the residents' petitions and the mediation cases (one row per village
and a total, then the commune's split by field and kind: counts only, never a
petitioner's or a party's name), and for the half-year and year-end reviews an annex
listing every model followed.
"""

from __future__ import annotations

import datetime as dt
import itertools

from sqlite_utils import Database

import danvan_desktop.reports.builders.figures as fig
from danvan_desktop.core.community_schema import DEFAULT_PETITION_ANSWER_DAYS
from danvan_desktop.core.model_status import LEGACY_MODEL_STATUSES
from danvan_desktop.core.vncollation import vietnamese_sort_key
from danvan_desktop.core.vocab import MODEL_STATUSES
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    Issue,
    count_text,
    lower_first,
    make_document,
    number_column,
    numbered,
    percent_text,
    simple_table,
)
from danvan_desktop.reports.builders.community_sections import (
    MEDIATION_HEADING,
    PETITIONS_HEADING,
    rollup_mediation_blocks,
    rollup_petition_blocks,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.builders.periodic_report import amounts_tables
from danvan_desktop.reports.builders.periods import ReportPeriod
from danvan_desktop.reports.builders.scope import Scope, commune_scope
from danvan_desktop.reports.builders.tables import field_status_table
from danvan_desktop.reports.document import (
    Block,
    CellValue,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Heading,
    Paragraph,
    Table,
    TotalsRow,
)

# «Được nhân rộng» is no longer a status (issue 17): an earlier release's «replicated»
# still counts as recognised; replications are counted from the replication links
# (store/replication.py).
RECOGNISED = ("recognised", *LEGACY_MODEL_STATUSES)
ANNEX_PERIODS = ("half_year", "year")
# How many places replicated a model: its replication links (store/replication.py).
REPLICATIONS = (
    "(SELECT count(*) FROM replication_link l WHERE l.source_model_id = model.id AND l.deleted = 0)"
)
# Up to this many villages behind schedule are named; more are counted.
NAMED_BEHIND = 10


def _village_row(one: fig.UnitFigures) -> list[CellValue]:
    others = one.meetings_total - one.meetings_by_kind.get("regular", 0)
    recognised = sum(one.models_by_status.get(s, 0) for s in RECOGNISED)
    return [
        one.name,
        len(one.expected),
        one.regular_held,
        others,
        one.models_total,
        one.models_new,
        recognised,
        one.tasks_done,
        one.tasks_overdue,
        one.exemplars,
        one.proposals,
    ]


# Widths in millimetres of A4 text (scaled to fit): each header word must fit its
# column, and so must a commune's four-digit totals ("1.786").
_WIDTHS = (8, 31, 11.5, 11.5, 12, 12.5, 12, 12.5, 13, 11.5, 12, 12)


def villages_table(figures: list[fig.UnitFigures]) -> Table:
    """One row per village, two header rows, totals of every figure."""
    return Table(
        columns=[
            Column(_WIDTHS[0], "center", False),
            Column(_WIDTHS[1]),
            *(number_column(width) for width in _WIDTHS[2:]),
        ],
        header_rows=[
            [
                HeaderCell("TT", rowspan=2),
                HeaderCell("Thôn, tổ dân phố", rowspan=2),
                HeaderCell("Họp định kỳ", colspan=2),
                HeaderCell("Họp khác", rowspan=2),
                HeaderCell("Mô hình", colspan=3),
                HeaderCell("Nhiệm vụ", colspan=2),
                HeaderCell("Thi đua, khen thưởng", colspan=2),
            ],
            [
                HeaderCell("Đến hạn"),
                HeaderCell("Đã họp"),
                HeaderCell("Đang theo dõi"),
                HeaderCell("Đăng ký mới"),
                HeaderCell("Được công nhận"),
                HeaderCell("Hoàn thành"),
                HeaderCell("Quá hạn"),
                HeaderCell("Điển hình"),
                HeaderCell("Đề nghị"),
            ],
        ],
        rows=numbered([_village_row(one) for one in figures]),
        totals=TotalsRow("Tổng cộng", list(range(2, 12))),
        title="Bảng 1. Kết quả của các Tổ dân vận",
    )


def _summary(scope: Scope, period: ReportPeriod, figures: list[fig.UnitFigures]) -> list[Block]:
    expected = sum(len(f.expected) for f in figures)
    held = sum(f.regular_held for f in figures)
    others = sum(f.meetings_total - f.meetings_by_kind.get("regular", 0) for f in figures)
    models = sum(f.models_total for f in figures)
    new = sum(f.models_new for f in figures)
    done = sum(f.tasks_done for f in figures)
    overdue = sum(f.tasks_overdue for f in figures)
    blocks: list[Block] = [
        Paragraph.of(
            f"{scope.label} có {count_text(len(figures))} thôn, tổ dân phố có Tổ dân vận. "
            f"Trong {period.label()}, các Tổ đã tổ chức {count_text(held)}/{count_text(expected)} "
            f"cuộc họp định kỳ đến hạn (đạt {percent_text(held, expected)}) và "
            f"{count_text(others)} cuộc họp khác; theo dõi {count_text(models)} mô hình "
            f"“Dân vận khéo” (đăng ký mới {count_text(new)}); hoàn thành {count_text(done)} "
            f"nhiệm vụ, còn {count_text(overdue)} nhiệm vụ quá hạn."
        )
    ]
    behind = [f for f in figures if f.missed]
    if len(behind) > NAMED_BEHIND:
        blocks.append(
            Paragraph.of(
                f"Có {count_text(len(behind))}/{count_text(len(figures))} Tổ chưa họp đủ theo "
                "Quy chế (xem Bảng 1)."
            )
        )
    elif behind:
        names = "; ".join(
            f"{f.name} ({count_text(f.regular_held)}/{count_text(len(f.expected))})" for f in behind
        )
        blocks.append(Paragraph.of(f"Các Tổ chưa họp đủ theo Quy chế: {names}."))
    return blocks


def models_annex(db: Database, scope: Scope, period: ReportPeriod, number: int) -> Table:
    """Every model followed in the period: name, village, field, status, year, and how many
    places replicated it (its replication links, store/replication.py)."""
    where, params = fig.followed_models_where(period)
    names = {u.id: u.name for u in scope.units}
    order = {u.id: index for index, u in enumerate(scope.units)}
    fields = dict(fig.model_field_names(db))
    rows = db.execute(
        f"SELECT unit_id, name, field_code, status, year, {REPLICATIONS} FROM model "
        f"WHERE {where} AND {scope.in_clause()}",
        [*params, *scope.unit_ids],
    ).fetchall()
    rows.sort(key=lambda r: (order[r[0]], vietnamese_sort_key(str(r[1]))))
    body = [
        [
            str(r[1]),
            names[r[0]],
            fields.get(r[2], str(r[2])),
            MODEL_STATUSES.get(r[3], r[3]),
            r[4],
            r[5],
        ]
        for r in rows
    ]
    return simple_table(
        f"Phụ lục {number}. Danh sách mô hình “Dân vận khéo”",
        [
            "TT",
            "Tên mô hình",
            "Thôn, tổ dân phố",
            "Lĩnh vực",
            "Trạng thái",
            "Năm đăng ký",
            "Số nơi nhân rộng",
        ],
        [
            ORDINAL,
            Column(2.7),
            Column(1.5),
            Column(1.5),
            Column(1.2),
            Column(0.8, "center", False),
            Column(0.9, "center", False),
        ],
        numbered(body),
    )


def _community_blocks(
    db: Database, scope: Scope, period: ReportPeriod, as_of: dt.date
) -> list[Block]:
    """Sections IV and V: petitions and mediation, one row per village (counted village by
    village, each petition judged by its own village's answer period), the commune's
    totals (the sum of the rows) and its split by field and kind."""
    tables = itertools.count(5)
    petitions = [
        (
            unit.name,
            fig.petition_counts(
                db,
                [unit.id],
                period,
                as_of=as_of,
                answer_days=unit.answer_days or DEFAULT_PETITION_ANSWER_DAYS,
            ),
        )
        for unit in scope.units
    ]
    cases = [(unit.name, fig.mediation_counts(db, [unit.id], period)) for unit in scope.units]
    return [
        Heading(f"IV. {PETITIONS_HEADING.upper()}"),
        *rollup_petition_blocks(
            petitions, fig.petition_total([counts for _, counts in petitions]), as_of, tables
        ),
        Heading(f"V. {MEDIATION_HEADING.upper()}"),
        *rollup_mediation_blocks(cases, fig.mediation_counts(db, scope.unit_ids, period), tables),
    ]


def build_commune_rollup(
    db: Database,
    issue: Issue,
    *,
    period: ReportPeriod,
    commune_code: int | None = None,
) -> Document:
    """The roll-up of ``period`` over the villages of a commune (the store's own by default)."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    scope = commune_scope(db, commune_code)
    as_of: dt.date = min(issue.issued_on, period.end)
    figures = fig.unit_figures(db, scope, period, as_of=as_of, issued_on=issue.issued_on)
    blocks: list[Block] = [
        Heading("I. KẾT QUẢ CHUNG"),
        *_summary(scope, period, figures),
        villages_table(figures),
        Heading("II. MÔ HÌNH “DÂN VẬN KHÉO”"),
        field_status_table(
            figures, fig.model_field_names(db), "Bảng 2. Mô hình theo lĩnh vực, trạng thái"
        ),
        Heading("III. KẾT QUẢ VẬN ĐỘNG, NGUỒN LỰC HUY ĐỘNG"),
        *amounts_tables(
            fig.indicator_totals(db, scope, period), fig.resource_totals(db, scope, period), 3
        ),
        *_community_blocks(db, scope, period, as_of),
    ]
    if period.kind in ANNEX_PERIODS:
        blocks += [Heading("PHỤ LỤC"), models_annex(db, scope, period, 1)]
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REPORT,
        title="Báo cáo",
        subtitle=(
            f"Tổng hợp kết quả hoạt động của các Tổ dân vận {lower_first(scope.label)} "
            f"{period.label()}"
        ),
        blocks=blocks,
    )
