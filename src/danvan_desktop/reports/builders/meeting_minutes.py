"""Meeting minutes in the state form (Decree 30/2020, form 1.9), from the meeting's records.

Order as the form has it: number "Số: 07/BB-TDV" (blank while the minutes are a
draft), title "BIÊN BẢN" and the meeting's name, start time, place, attendance
(present, absent with reasons, guests), chair, secretary; then the content in
the order things happened (agenda items with the opinions given on each, by
speaker), conclusions, votes, tasks with owner and deadline; the closing line
with the time the meeting ended; the secretary signs left, the chair right.

A village community meeting (kind ``community``) follows Decree 59/2023/NĐ-CP,
form 03, the minutes of a meeting of the residential community: the title names
the community meeting, the attendance is the households represented out of the
village's total households, and votes are counted in households.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vndate import short_date
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    Issue,
    count_text,
    day_text,
    make_document,
    number_column,
    numbered,
    percent_text,
    simple_table,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.document import (
    Block,
    BulletList,
    CellValue,
    Column,
    Document,
    DocumentKind,
    Heading,
    LabelledLine,
    LabelledLines,
    Paragraph,
    Run,
    SignatureBlock,
)

BLANK_TIME = "…… giờ …… phút"
BLANK_COUNT = "……"
COMMUNITY = "community"


def _rows(db: Database, entity: str, meeting_id: str, order: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT * FROM [{entity}] WHERE meeting_id = ? AND deleted = 0 ORDER BY {order}",
            [meeting_id],
        )
    )


def load_meeting(db: Database, meeting_id: str) -> dict[str, Any]:
    """The live meeting row; NotFoundError when absent."""
    rows = list(db.query("SELECT * FROM meeting WHERE id = ? AND deleted = 0", [meeting_id]))
    if not rows:
        raise NotFoundError(
            tr(
                "ReportBuilders",
                "Không tìm thấy cuộc họp có mã {id}: có thể biên bản đã bị xóa; hãy chọn lại.",
                id=meeting_id,
            )
        )
    return rows[0]


def clock_text(moment: dt.datetime) -> str:
    """A time of day as minutes write it: "19 giờ 30 phút"."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def _moment(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def _attendance_lines(people: list[dict[str, Any]]) -> list[LabelledLine]:
    members = [p for p in people if not p.get("is_guest")]
    present = [p for p in members if p.get("present")]
    absent = [p for p in members if not p.get("present")]
    guests = [p for p in people if p.get("is_guest") and p.get("present")]
    names = ", ".join(str(p["name"]) for p in present)
    lines = [
        LabelledLine(
            "Thành phần tham dự",
            f"có mặt {count_text(len(present))}/{count_text(len(members))} thành viên"
            + (f": {names}" if names else ""),
        )
    ]
    if absent:
        reasons = "; ".join(
            f"{p['name']} ({'lý do: ' + str(p['absence_reason']) if p.get('absence_reason') else 'không rõ lý do'})"  # noqa: E501
            for p in absent
        )
        lines.append(LabelledLine("Vắng mặt", f"{count_text(len(absent))} thành viên: {reasons}"))
    else:
        lines.append(LabelledLine("Vắng mặt", "không"))
    if guests:
        lines.append(
            LabelledLine(
                "Khách mời",
                "; ".join(
                    f"{g['name']} ({g['organisation']})"
                    if g.get("organisation")
                    else str(g["name"])
                    for g in guests
                ),
            )
        )
    return lines


def _household_count(value: Any) -> str:
    return BLANK_COUNT if value is None else count_text(int(value))


def households_line(meeting: dict[str, Any]) -> str:
    """ "86/120 hộ (72%)": households represented out of the village's households."""
    represented, total = meeting.get("households_represented"), meeting.get("households_total")
    text = f"{_household_count(represented)}/{_household_count(total)} hộ"
    if represented is not None and total:
        text += f" ({percent_text(int(represented), int(total))})"
    return text


def _community_attendance(
    meeting: dict[str, Any], people: list[dict[str, Any]]
) -> list[LabelledLine]:
    """Form 03's attendance: households, then anyone else named (officials, guests)."""
    lines = [
        LabelledLine(
            "Tổng số hộ của thôn, tổ dân phố",
            f"{_household_count(meeting.get('households_total'))} hộ",
        ),
        LabelledLine("Số hộ có đại diện dự họp", households_line(meeting)),
    ]
    present = [p for p in people if p.get("present")]
    if present:
        lines.append(
            LabelledLine(
                "Đại biểu, khách mời",
                "; ".join(
                    f"{p['name']} ({p['organisation']})"
                    if p.get("organisation")
                    else str(p["name"])
                    for p in present
                ),
            )
        )
    return lines


def _facts(meeting: dict[str, Any], people: list[dict[str, Any]]) -> LabelledLines:
    starts = _moment(meeting["starts_at"])
    assert starts is not None  # a required field
    community = meeting.get("kind") == COMMUNITY
    lines = [
        LabelledLine(
            "Thời gian bắt đầu", f"{clock_text(starts)}, ngày {short_date(starts.date())}"
        ),
        LabelledLine("Địa điểm", str(meeting.get("place") or "")),
        *(_community_attendance(meeting, people) if community else _attendance_lines(people)),
    ]
    if not community and meeting.get("households_represented") is not None:
        lines.append(
            LabelledLine(
                "Số hộ có đại diện dự họp", count_text(int(meeting["households_represented"]))
            )
        )
    lines.append(LabelledLine("Chủ trì", str(meeting.get("chair") or "")))
    lines.append(LabelledLine("Thư ký", str(meeting.get("secretary") or "")))
    return LabelledLines(lines)


def _text_blocks(text: Any) -> list[Block]:
    return [Paragraph.of(line.strip()) for line in str(text or "").splitlines() if line.strip()]


def _opinion(row: dict[str, Any]) -> Paragraph:
    return Paragraph([Run(str(row["speaker"]), bold=True), Run(f": {row['content']}")])


def _content(db: Database, meeting: dict[str, Any]) -> list[Block]:
    meeting_id = str(meeting["id"])
    agenda = _rows(db, "agenda_item", meeting_id, "position_order, rowid")
    opinions = _rows(db, "opinion", meeting_id, "position_order, rowid")
    by_item: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    known = {item["id"] for item in agenda}
    for row in opinions:
        by_item[row["agenda_item_id"] if row["agenda_item_id"] in known else None].append(row)
    blocks: list[Block] = [Heading("NỘI DUNG CUỘC HỌP"), *_text_blocks(meeting.get("content"))]
    section = 0
    for item in agenda:
        section += 1
        blocks.append(Heading(f"{section}. {item['title']}", level=2))
        blocks += _text_blocks(item.get("notes"))
        blocks += [_opinion(row) for row in by_item[item["id"]]]
    if by_item[None]:
        section += 1
        blocks.append(Heading(f"{section}. Ý kiến của các thành viên", level=2))
        blocks += [_opinion(row) for row in by_item[None]]
    conclusions = _rows(db, "conclusion", meeting_id, "position_order, rowid")
    if conclusions:
        section += 1
        blocks.append(Heading(f"{section}. Kết luận của chủ trì", level=2))
        if len(conclusions) == 1:
            blocks += _text_blocks(conclusions[0]["content"])
        else:
            blocks.append(BulletList([str(row["content"]) for row in conclusions]))
    votes = _rows(db, "vote", meeting_id, "rowid")
    if votes:
        section += 1
        blocks.append(Heading(f"{section}. Biểu quyết", level=2))
        if meeting.get("kind") == COMMUNITY:
            blocks.append(_household_votes_table(votes, meeting.get("households_total")))
        else:
            blocks.append(_votes_table(votes))
    tasks = _rows(db, "task", meeting_id, "deadline IS NULL, deadline, rowid")
    if tasks:
        section += 1
        blocks.append(Heading(f"{section}. Phân công nhiệm vụ", level=2))
        blocks.append(_tasks_table(tasks))
    return blocks


def _votes_table(votes: list[dict[str, Any]]) -> Block:
    rows: list[list[CellValue]] = [
        [str(v["subject"]), int(v["in_favour"]), int(v["against"]), int(v.get("abstain") or 0)]
        for v in votes
    ]
    return simple_table(
        "",
        ["TT", "Vấn đề biểu quyết", "Tán thành", "Không tán thành", "Không biểu quyết"],
        [ORDINAL, Column(3.0), number_column(1.1), number_column(1.1), number_column(1.1)],
        numbered(rows),
    )


def _household_votes_table(votes: list[dict[str, Any]], total: Any) -> Block:
    """Votes of a community meeting, in households, with the share of all households."""
    rows: list[list[CellValue]] = [
        [
            str(v["subject"]),
            int(v["in_favour"]),
            int(v["against"]),
            int(v.get("abstain") or 0),
            percent_text(int(v["in_favour"]), int(total)) if total else "",
        ]
        for v in votes
    ]
    return simple_table(
        "",
        [
            "TT",
            "Vấn đề biểu quyết",
            "Số hộ tán thành",
            "Số hộ không tán thành",
            "Số hộ không biểu quyết",
            "Tỷ lệ hộ tán thành trên tổng số hộ",
        ],
        [
            ORDINAL,
            Column(2.6),
            number_column(1.0),
            number_column(1.0),
            number_column(1.0),
            Column(1.1, "center"),
        ],
        numbered(rows),
    )


def minutes_subtitle(meeting: dict[str, Any]) -> str:
    """The meeting's name under "BIÊN BẢN"; a community meeting is named as one."""
    title = str(meeting["title"])
    if meeting.get("kind") != COMMUNITY or "cộng đồng dân cư" in title.lower():
        return title
    return f"Cuộc họp cộng đồng dân cư: {title}"


def _tasks_table(tasks: list[dict[str, Any]]) -> Block:
    rows = [
        [str(t["title"]), str(t.get("owner_name") or ""), day_text(t.get("deadline"))]
        for t in tasks
    ]
    return simple_table(
        "",
        ["TT", "Nội dung công việc", "Người thực hiện", "Thời hạn"],
        [ORDINAL, Column(3.2), Column(1.8), Column(1.2, "center")],
        numbered(rows),
    )


def closing_line(starts: dt.datetime, ends: dt.datetime | None) -> str:
    """ "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày…"; blanks while not known."""
    if ends is None:
        when = BLANK_TIME
    elif ends.date() == starts.date():
        when = f"{clock_text(ends)} cùng ngày"
    else:
        when = f"{clock_text(ends)}, ngày {short_date(ends.date())}"
    return (
        f"Cuộc họp kết thúc vào lúc {when}. Biên bản đã được đọc lại cho những người dự họp "
        "nghe và thông qua./."
    )


def build_meeting_minutes(db: Database, issue: Issue, *, meeting_id: str) -> Document:
    """The minutes of meeting ``meeting_id``; numbered once the minutes are final."""
    meeting = load_meeting(db, meeting_id)
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    people = _rows(db, "attendance", meeting_id, "coalesce(is_guest, 0), rowid")
    starts = _moment(meeting["starts_at"])
    assert starts is not None
    blocks: list[Block] = []
    if int(meeting.get("version") or 1) > 1:
        blocks.append(
            Paragraph.of(
                f"(Bản sửa lần {count_text(int(meeting['version']) - 1)}, thay thế biên bản "
                "đã lập trước đó)",
                italic=True,
                align="center",
                first_line_indent=False,
            )
        )
    blocks += [_facts(meeting, people), *_content(db, meeting)]
    blocks.append(Paragraph.of(closing_line(starts, _moment(meeting.get("ends_at")))))
    final = meeting.get("state") == "final" and meeting.get("number")
    return make_document(
        letterhead,
        Issue(issue.preset, issue.issued_on, None, issue.overrides),
        kind=DocumentKind.MINUTES,
        title="Biên bản",
        subtitle=minutes_subtitle(meeting),
        blocks=blocks,
        issued_on=starts.date(),
        number=int(meeting["number"]) if final else None,
        signature_left=SignatureBlock("THƯ KÝ", str(meeting.get("secretary") or "")),
        signature_right=SignatureBlock("CHỦ TRÌ", str(meeting.get("chair") or "")),
    )
