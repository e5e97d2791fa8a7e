"""The team's periodic report: month, quarter, half-year review (sơ kết), year-end (tổng kết).

Sections of a month or quarter: I. results (regular meetings against the regulation's
schedule and the meetings held; models by field and status; indicators and resources
mobilised; tasks done and overdue; residents' petitions received, passed on and
answered; disputes mediated; exemplars and commendation proposals); II. proposals.
A half-year or year-end review adds what the leader writes (leader_texts.py): it opens
with I. the residents' situation and opinions, and after II. the results closes with
III. shortcomings and causes, IV. lessons, V. the next period's tasks, VI. proposals.
Every figure comes from ``figures.py``, so the commune's roll-up of the same
period adds up to the sum of its villages' reports.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

import danvan_desktop.reports.builders.figures as fig
import danvan_desktop.reports.builders.meeting_rows as rows_of
from danvan_desktop.core.vndate import short_date
from danvan_desktop.core.vocab import (
    MEETING_KINDS,
    MEETING_PERIODS,
    RESOURCE_KINDS,
    commendation_level,
)
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    Issue,
    by_vietnamese,
    count_text,
    day_text,
    make_document,
    number_column,
    number_value,
    numbered,
    percent_text,
    simple_table,
)
from danvan_desktop.reports.builders.community_sections import (
    team_mediation_section,
    team_petition_section,
)
from danvan_desktop.reports.builders.leader_texts import (
    ROMAN,
    closing_blocks,
    is_review,
    opening_blocks,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.builders.periods import ReportPeriod, slice_label
from danvan_desktop.reports.builders.scope import Scope, team_scope
from danvan_desktop.reports.builders.tables import field_status_table
from danvan_desktop.reports.document import (
    Block,
    BulletList,
    Column,
    Document,
    DocumentKind,
    Heading,
    Paragraph,
    Table,
)


def report_subtitle(period: ReportPeriod) -> str:
    """ "Sơ kết công tác dân vận 6 tháng đầu năm 2026", "Kết quả … tháng 5 năm 2026"."""
    if period.kind == "year":
        return f"Tổng kết công tác dân vận và phong trào thi đua “Dân vận khéo” {period.label()}"
    if period.kind == "half_year":
        return f"Sơ kết công tác dân vận và phong trào thi đua “Dân vận khéo” {period.label()}"
    return f"Kết quả công tác dân vận {period.label()}"


def _meetings_section(
    one: fig.UnitFigures,
    rows: list[rows_of.MeetingRow],
    planned: list[rows_of.MeetingRow],
    as_of: dt.date,
) -> list[Block]:
    period_word = MEETING_PERIODS.get(one.meeting_period, one.meeting_period).lower()
    expected, held = len(one.expected), one.regular_held
    text = (
        f"Theo Quy chế hoạt động, Tổ họp định kỳ {period_word}. Tính đến ngày {short_date(as_of)}, "
    )
    if expected:
        text += (
            f"trong kỳ có {count_text(expected)} cuộc họp định kỳ đến hạn; Tổ đã họp "
            f"{count_text(held)}/{count_text(expected)} (đạt {percent_text(held, expected)})."
        )
    else:
        text += "trong kỳ chưa có cuộc họp định kỳ nào đến hạn."
    if one.missed:
        text += " Chưa họp: " + ", ".join(slice_label(s, one.meeting_period) for s in one.missed)
        text += "."
    if one.early:
        text += " Đã họp trước hạn: "
        text += ", ".join(slice_label(s, one.meeting_period) for s in one.early) + "."
    others = {k: n for k, n in one.meetings_by_kind.items() if k != "regular"}
    if others:
        parts = [f"{count_text(n)} {MEETING_KINDS.get(k, k).lower()}" for k, n in others.items()]
        text += " Ngoài ra, Tổ đã tổ chức: " + "; ".join(parts) + "."
    if planned:
        parts = [
            f"{MEETING_KINDS.get(r.kind, r.kind).lower()} ngày {short_date(r.day)}" for r in planned
        ]
        text += " Đã lên lịch, chưa họp: " + "; ".join(parts) + "."
    blocks: list[Block] = [
        Heading("1. Sinh hoạt định kỳ theo Quy chế", level=2),
        Paragraph.of(text),
    ]
    if rows:
        blocks.append(meetings_table(rows, "Bảng 1. Các cuộc họp trong kỳ"))
    return blocks


def meetings_table(rows: Sequence[rows_of.MeetingRow], title: str) -> Table:
    """The meetings of a period: date, name, kind, present, absent, opinions, tasks."""
    return simple_table(
        title,
        [
            "TT",
            "Ngày họp",
            "Tên cuộc họp",
            "Loại cuộc họp",
            "Có mặt",
            "Vắng",
            "Số ý kiến",
            "Số nhiệm vụ",
        ],
        # A date ("25/01/2026") and "Họp định kỳ" must fit on one line.
        [
            ORDINAL,
            Column(1.25, "center"),
            Column(2.45),
            Column(1.35),
            number_column(0.75),
            number_column(0.7),
            number_column(0.75),
            number_column(0.8),
        ],
        numbered(
            [
                [
                    short_date(r.day),
                    r.title,
                    MEETING_KINDS.get(r.kind, r.kind),
                    r.present,
                    r.members - r.present,
                    r.opinions,
                    r.tasks,
                ]
                for r in rows
            ]
        ),
        sum_columns=(6, 7),
    )


def amounts_tables(
    indicators: list[fig.Amount], resources: list[fig.Amount], first_number: int
) -> list[Block]:
    """The indicator and resource tables of a period (or a sentence when there are none)."""
    blocks: list[Block] = []
    if indicators:
        blocks.append(
            simple_table(
                f"Bảng {first_number}. Kết quả theo chỉ số",
                ["TT", "Chỉ số", "Đơn vị tính", "Kết quả trong kỳ", "Số mô hình"],
                [ORDINAL, Column(3.0), Column(1.2), number_column(1.3), number_column(1.0)],
                numbered(
                    [[a.what, a.unit_label, number_value(a.total), a.records] for a in indicators]
                ),
            )
        )
    else:
        blocks.append(Paragraph.of("Trong kỳ chưa ghi nhận kết quả theo chỉ số của mô hình."))
    if resources:
        blocks.append(
            simple_table(
                f"Bảng {first_number + 1}. Nguồn lực huy động",
                ["TT", "Loại nguồn lực", "Đơn vị tính", "Số lượng", "Số lượt đóng góp"],
                [ORDINAL, Column(2.4), Column(1.4), number_column(1.4), number_column(1.2)],
                numbered(
                    [
                        [
                            RESOURCE_KINDS.get(a.what, a.what),
                            a.unit_label,
                            number_value(a.total),
                            a.records,
                        ]
                        for a in resources
                    ]
                ),
            )
        )
    else:
        blocks.append(Paragraph.of("Trong kỳ chưa ghi nhận nguồn lực huy động."))
    return blocks


def _overdue_tasks(db: Database, scope: Scope, as_of: dt.date) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT title, owner_name, deadline FROM task WHERE deleted = 0 AND status = 'open' "
            f"AND deadline < ? AND {scope.in_clause()} ORDER BY deadline, rowid",
            [as_of.isoformat(), *scope.unit_ids],
        )
    )


def _tasks_section(db: Database, scope: Scope, one: fig.UnitFigures, as_of: dt.date) -> list[Block]:
    blocks: list[Block] = [
        Heading("4. Thực hiện nhiệm vụ được giao", level=2),
        Paragraph.of(
            f"Các cuộc họp trong kỳ đã giao {count_text(one.tasks_assigned)} nhiệm vụ; trong kỳ "
            f"hoàn thành {count_text(one.tasks_done)} nhiệm vụ; đến ngày {short_date(as_of)} "
            f"còn {count_text(one.tasks_overdue)} nhiệm vụ quá hạn chưa hoàn thành."
        ),
    ]
    overdue = _overdue_tasks(db, scope, as_of)
    if overdue:
        blocks.append(
            simple_table(
                "Các nhiệm vụ quá hạn",
                ["TT", "Nhiệm vụ", "Người phụ trách", "Thời hạn"],
                [ORDINAL, Column(3.2), Column(1.8), Column(1.2, "center")],
                numbered(
                    [
                        [str(t["title"]), str(t["owner_name"] or ""), day_text(t["deadline"])]
                        for t in overdue
                    ]
                ),
            )
        )
    return blocks


def exemplar_lines(db: Database, scope: Scope, year: int) -> list[str]:
    """ "Name (position): achievement" for each exemplar of the year, in Vietnamese order."""
    rows = list(
        db.query(
            f"SELECT name, position, achievement FROM exemplar WHERE deleted = 0 AND year = ? "
            f"AND {scope.in_clause()}",
            [year, *scope.unit_ids],
        )
    )
    lines = []
    for row in by_vietnamese(rows, "name"):
        line = str(row["name"]) + (f" ({row['position']})" if row["position"] else "")
        lines.append(line + (f": {row['achievement']}" if row["achievement"] else ""))
    return lines


def proposal_lines(db: Database, scope: Scope, year: int) -> list[str]:
    """ "Đề nghị <form> cấp <level> cho <name>" for each proposed commendation of the year."""
    rows = list(
        db.query(
            "SELECT e.name, c.form, c.level FROM commendation c JOIN exemplar e "
            "ON e.id = c.exemplar_id WHERE c.deleted = 0 AND c.year = ? AND c.state = 'proposed' "
            f"AND {scope.in_clause('c.unit_id')}",
            [year, *scope.unit_ids],
        )
    )
    return [
        f"Đề nghị {row['form']} {commendation_level(row['level'])} cho {row['name']}"
        for row in by_vietnamese(rows, "name")
    ]


def build_periodic_report(
    db: Database,
    issue: Issue,
    *,
    period: ReportPeriod,
    proposals: Sequence[str] = (),
    texts: Mapping[str, str | None] | None = None,
) -> Document:
    """The team's report for ``period`` (figures counted up to the issue date); a review
    (half-year, year) also carries the leader's ``texts`` (core/report_texts.py)."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    scope = team_scope(db)
    as_of = min(issue.issued_on, period.end)
    one = fig.unit_figures(db, scope, period, as_of=as_of, issued_on=issue.issued_on)[0]
    fields = fig.model_field_names(db)
    review = is_review(period)
    written = dict(texts or {})
    blocks: list[Block] = [
        Paragraph.of(
            f"{letterhead.issuing_body} báo cáo kết quả công tác dân vận {period.label()} như sau:"
        ),
        *(opening_blocks(written) if review else ()),
        Heading(f"{ROMAN[1 if review else 0]}. KẾT QUẢ THỰC HIỆN"),
        *_meetings_section(
            one,
            rows_of.meeting_rows(db, scope, period, as_of=as_of, issued_on=issue.issued_on),
            rows_of.planned_meetings(db, scope, period, as_of=as_of, issued_on=issue.issued_on),
            as_of,
        ),
        Heading("2. Xây dựng mô hình “Dân vận khéo”", level=2),
        Paragraph.of(
            f"Trong kỳ, Tổ theo dõi {count_text(one.models_total)} mô hình, trong đó "
            f"{count_text(one.models_new)} mô hình đăng ký năm {period.year}. Trạng thái các mô "
            "hình (tính đến ngày báo cáo) theo lĩnh vực như sau:"
        ),
        field_status_table([one], fields, "Bảng 2. Mô hình theo lĩnh vực, trạng thái"),
        Heading("3. Kết quả vận động, nguồn lực huy động", level=2),
        *amounts_tables(
            fig.indicator_totals(db, scope, period), fig.resource_totals(db, scope, period), 3
        ),
        *_tasks_section(db, scope, one, as_of),
    ]
    tables = itertools.count(5)
    blocks += team_petition_section(
        fig.petition_counts(db, scope.unit_ids, period, as_of=as_of), as_of, 5, tables
    )
    blocks += team_mediation_section(fig.mediation_counts(db, scope.unit_ids, period), 6, tables)
    blocks.append(Heading("7. Điển hình, đề nghị khen thưởng", level=2))
    exemplars = exemplar_lines(db, scope, period.year)
    if exemplars:
        summary = f"Năm {period.year}, Tổ có {count_text(len(exemplars))} điển hình:"
    else:
        summary = f"Năm {period.year}, Tổ chưa có điển hình nào được ghi nhận."
    blocks.append(Paragraph.of(summary))
    if exemplars:
        blocks.append(BulletList(exemplars))
    commendations = proposal_lines(db, scope, period.year)
    if commendations:
        blocks += [Paragraph.of("Đề nghị khen thưởng:"), BulletList(commendations)]
    if review:
        blocks += closing_blocks(period, written, 2)
    blocks.append(Heading(f"{ROMAN[5 if review else 1]}. KIẾN NGHỊ, ĐỀ XUẤT"))
    wishes = [text.strip() for text in proposals if text.strip()]
    blocks.append(BulletList(wishes) if wishes else Paragraph.of("Không có kiến nghị, đề xuất."))
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REPORT,
        title="Báo cáo",
        subtitle=report_subtitle(period),
        blocks=blocks,
    )
