"""A year's commendation proposal: a Tờ trình (TTr) with the list and achievements attached.

A commendation proposal goes to the level that decides it as a Tờ trình (DOMAIN.md):
addressed («Kính gửi») to the first of the regulation's report recipients, it asks
for the commendations and is numbered «…/TTr-…» when issued. Attached, each from a
new page and citing the Tờ trình's number and date: the list (one row per proposed
commendation, state ``proposed``, joined to its exemplar for the name and position;
individuals first, then collectives, each in Vietnamese order, one table each and two
sheets in the XLSX) and a short report of each one's achievements (the proposal's own
text, or the exemplar's when the proposal has none).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.vocab import commendation_level
from danvan_desktop.reports.builders.common import (
    BLANK,
    ORDINAL,
    Issue,
    by_vietnamese,
    count_text,
    make_document,
    numbered,
    reference_date,
    reference_number,
    simple_table,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.builders.scope import team_scope
from danvan_desktop.reports.document import (
    Attachment,
    Block,
    Column,
    Document,
    DocumentKind,
    Heading,
    LabelledLine,
    LabelledLines,
    Paragraph,
    Recipients,
    Table,
)

_MOVEMENT = "trong phong trào thi đua “Dân vận khéo”"
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
                    commendation_level(r["level"]),
                ]
                for r in by_vietnamese(rows, "name")
            ]
        ),
    )


def _achievement_reports(rows: list[dict[str, Any]]) -> list[Block]:
    """One short report of achievements per proposal: who, the proposal, what they did."""
    blocks: list[Block] = []
    for index, row in enumerate(rows, start=1):
        blocks.append(Heading(f"{index}. {row['name']}", level=2))
        level = commendation_level(row["level"])
        lines = [LabelledLine("Hình thức đề nghị", f"{row['form']} ({level})")]
        if row.get("position"):
            lines.insert(0, LabelledLine("Chức vụ, đơn vị", str(row["position"])))
        blocks.append(LabelledLines(lines, bold_labels=True))
        text = str(row.get("achievement") or "").strip()
        blocks += [Paragraph.of(line.strip()) for line in text.splitlines() if line.strip()]
        if not text:
            blocks.append(Paragraph.of("(Chưa ghi thành tích)", italic=True))
    return blocks


def _attachments(
    year: int, note: str, people: list[dict[str, Any]], groups: list[dict[str, Any]]
) -> list[Attachment]:
    """The list, then the achievement reports, each citing the proposal it goes with."""
    listed: list[Block] = []
    if people:
        listed += [Heading("I. CÁ NHÂN"), _table("Cá nhân", "Họ và tên", people)]
    if groups:
        heading = "II. TẬP THỂ" if people else "I. TẬP THỂ"
        listed += [Heading(heading), _table("Tập thể", "Tên tập thể", groups)]
    closing = (
        f"Danh sách gồm {count_text(len(people))} cá nhân và {count_text(len(groups))} tập thể."
    )
    listed.append(Paragraph.of(closing, italic=True))
    ordered = by_vietnamese(people, "name") + by_vietnamese(groups, "name")
    return [
        Attachment("Danh sách", f"Đề nghị khen thưởng {_MOVEMENT} năm {year}", note, listed),
        Attachment(
            "Báo cáo tóm tắt thành tích",
            f"Của các cá nhân, tập thể được đề nghị khen thưởng năm {year}",
            note,
            _achievement_reports(ordered),
        ),
    ]


def build_commendation_list(db: Database, issue: Issue, *, year: int) -> Document:
    """The year's commendation proposal of the team's unit: a Tờ trình (TTr) with the list
    and the achievement reports attached."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    rows = proposals(db, year, team_scope(db).unit_ids)
    people = [r for r in rows if r["kind"] != "collective"]
    groups = [r for r in rows if r["kind"] == "collective"]
    addressee = letterhead.recipients[0] if letterhead.recipients else BLANK
    issuer = letterhead.issuing_body
    blocks: list[Block] = [
        Paragraph.of(f"Kính gửi: {addressee}", align="center", first_line_indent=False),
        Paragraph.of(
            f"Căn cứ kết quả thực hiện phong trào thi đua “Dân vận khéo” năm {year} của {issuer};"
        ),
    ]
    attachments: list[Attachment] = []
    if rows:
        blocks.append(
            Paragraph.of(
                f"{issuer} kính đề nghị {addressee} xem xét, khen thưởng cho "
                f"{count_text(len(people))} cá nhân và {count_text(len(groups))} tập thể đã "
                f"có thành tích xuất sắc {_MOVEMENT} năm {year} (có danh sách và báo cáo tóm "
                "tắt thành tích kèm theo)."
            )
        )
        blocks.append(Paragraph.of(f"Kính đề nghị {addressee} xem xét, quyết định."))
        reference = reference_number(issue, DocumentKind.PROPOSAL, letterhead.abbreviation)
        note = f"(Kèm theo Tờ trình số {reference} ngày {reference_date(issue)} của {issuer})"
        attachments = _attachments(year, note, people, groups)
    else:
        blocks.append(Paragraph.of(f"Năm {year} chưa có đề nghị khen thưởng nào.", italic=True))
    recipients = Recipients(["Như trên", *letterhead.recipients[1:]], letterhead.collective)
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.PROPOSAL,
        title="Tờ trình",
        subtitle=f"Về việc đề nghị khen thưởng {_MOVEMENT} năm {year}",
        blocks=blocks,
        recipients=recipients if letterhead.recipients else None,
        attachments=attachments,
    )
