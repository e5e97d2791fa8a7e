"""Meeting minutes in the state form (Decree 30/2020, form 1.9), from the meeting's records.

Order as the form has it: number "Số: 07/BB-TDV" (blank while the minutes are a
draft), title "BIÊN BẢN" and the meeting's name, start time, place, attendance
(present, absent with reasons, guests), chair, secretary; then the content in
the order things happened (agenda items with the opinions given on each, by
speaker), conclusions, votes, tasks with owner and deadline; the closing line
with the time the meeting ended; the secretary signs left, the chair right.

Attendance counts the whole roster: «có mặt x/y» is out of every member whose term
covers the meeting's day (the leader too), whether or not a row was ticked for them;
a member named chair or secretary is present. A member with no row, or unticked, is
absent (with the reason given, if any).

A village community meeting (kind ``community``) is the village's, called by its
head with the Front work committee (community_minutes.py): the village, under its
commune, issues the minutes in the state format with its own numbers; households
are counted instead of members, and the minutes say when fewer than half of the
village's households took part or agreed (Luật Thực hiện dân chủ ở cơ sở số
10/2022/QH15).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.meeting_roster import members_at
from danvan_desktop.core.meeting_rules import (
    VOTE_COUNTS,
    people_present,
    vote_ceiling,
    vote_fits,
)
from danvan_desktop.core.vndate import short_date
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    Issue,
    count_text,
    day_text,
    make_document,
    number_column,
    numbered,
    simple_table,
)
from danvan_desktop.reports.builders.community_minutes import (
    attendance_lines as community_attendance,
)
from danvan_desktop.reports.builders.community_minutes import (
    attendance_notes,
    household_votes_table,
    minutes_subtitle,
    vote_notes,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead, village_letterhead
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


ROLE_ORDER = "CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END"


def roster_on(db: Database, team_id: Any, day: dt.date) -> list[dict[str, Any]]:
    """The team's members whose term covers ``day``, leader first, in roster order."""
    return list(
        db.query(
            "SELECT id, full_name FROM member WHERE team_id = ? AND deleted = 0 "
            "AND (term_start IS NULL OR substr(term_start, 1, 10) <= ?) "
            "AND (term_end IS NULL OR substr(term_end, 1, 10) >= ?) "
            f"ORDER BY {ROLE_ORDER}, coalesce(position_order, 999), rowid",
            [team_id, day.isoformat(), day.isoformat()],
        )
    )


def _absent_text(person: dict[str, Any]) -> str:
    reason = f"lý do: {person['reason']}" if person.get("reason") else "không rõ lý do"
    return f"{person['name']} ({reason})"


def _attendance_lines(
    meeting: dict[str, Any], people: list[dict[str, Any]], roster: list[dict[str, Any]]
) -> list[LabelledLine]:
    members = members_at(meeting, people, roster)
    present = [p for p in members if p["present"]]
    absent = [p for p in members if not p["present"]]
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
        reasons = "; ".join(_absent_text(p) for p in absent)
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


def _facts(db: Database, meeting: dict[str, Any], people: list[dict[str, Any]]) -> LabelledLines:
    starts = _moment(meeting["starts_at"])
    assert starts is not None  # a required field
    community = meeting.get("kind") == COMMUNITY
    if community:
        attendance = community_attendance(meeting, people)
    else:
        roster = roster_on(db, meeting.get("team_id"), starts.date())
        attendance = _attendance_lines(meeting, people, roster)
    lines = [
        LabelledLine(
            "Thời gian bắt đầu", f"{clock_text(starts)}, ngày {short_date(starts.date())}"
        ),
        LabelledLine("Địa điểm", str(meeting.get("place") or "")),
        *attendance,
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
    votes = _possible_counts(meeting, _rows(db, "vote", meeting_id, "rowid"), db)
    if votes:
        section += 1
        blocks.append(Heading(f"{section}. Biểu quyết", level=2))
        if meeting.get("kind") == COMMUNITY:
            total = meeting.get("households_total")
            blocks.append(household_votes_table(votes, total))
            blocks += vote_notes(meeting, votes)
        else:
            blocks.append(_votes_table(votes))
    tasks = _rows(db, "task", meeting_id, "deadline IS NULL, deadline, rowid")
    if tasks:
        section += 1
        blocks.append(Heading(f"{section}. Phân công nhiệm vụ", level=2))
        blocks.append(_tasks_table(tasks))
    return blocks


def _possible_counts(
    meeting: dict[str, Any], votes: list[dict[str, Any]], db: Database
) -> list[dict[str, Any]]:
    """The votes, each count left blank where the counts exceed who was present (a vote
    written before the attendance changed, or by an earlier release): minutes never
    print impossible counts, and finalising refuses them (store.meetings)."""
    attendance = _rows(db, "attendance", str(meeting["id"]), "rowid")
    starts = _moment(meeting.get("starts_at"))
    roster = roster_on(db, meeting.get("team_id"), starts.date()) if starts else None
    ceiling = vote_ceiling(meeting, people_present(attendance, meeting, roster))
    blank = dict.fromkeys(VOTE_COUNTS, BLANK_COUNT)
    return [v if vote_fits(v, ceiling) else {**v, **blank} for v in votes]


def _count_cell(value: Any) -> CellValue:
    return value if isinstance(value, str) else int(value or 0)


def _votes_table(votes: list[dict[str, Any]]) -> Block:
    rows: list[list[CellValue]] = [
        [str(v["subject"]), *(_count_cell(v.get(name)) for name in VOTE_COUNTS)] for v in votes
    ]
    return simple_table(
        "",
        ["TT", "Vấn đề biểu quyết", "Tán thành", "Không tán thành", "Không biểu quyết"],
        [ORDINAL, Column(3.0), number_column(1.1), number_column(1.1), number_column(1.1)],
        numbered(rows),
    )


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
    """ "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày…"; blanks while not known (the
    renderer closes it with the format's "./.")."""
    if ends is None:
        when = BLANK_TIME
    elif ends.date() == starts.date():
        when = f"{clock_text(ends)} cùng ngày"
    else:
        when = f"{clock_text(ends)}, ngày {short_date(ends.date())}"
    return (
        f"Cuộc họp kết thúc vào lúc {when}. Biên bản đã được đọc lại cho những người dự họp "
        "nghe và thông qua."
    )


def build_meeting_minutes(db: Database, issue: Issue, *, meeting_id: str) -> Document:
    """The minutes of meeting ``meeting_id``; numbered once the minutes are final."""
    meeting = load_meeting(db, meeting_id)
    community = meeting.get("kind") == COMMUNITY
    # The village is a state body, not a Party one: its minutes are always state documents.
    preset = "state" if community else issue.preset
    letterhead = resolve_letterhead(db, preset=preset, overrides=issue.overrides)
    if community:  # the village's minutes, numbered apart
        letterhead = village_letterhead(db, letterhead, issue.overrides)
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
    blocks.append(_facts(db, meeting, people))
    if community:
        blocks += attendance_notes(meeting)
    blocks += _content(db, meeting)
    blocks.append(Paragraph.of(closing_line(starts, _moment(meeting.get("ends_at")))))
    final = meeting.get("state") == "final" and meeting.get("number")
    return make_document(
        letterhead,
        Issue(preset, issue.issued_on, None, issue.overrides),
        kind=DocumentKind.MINUTES,
        title="Biên bản",
        subtitle=minutes_subtitle(meeting),
        blocks=blocks,
        issued_on=starts.date(),
        number=int(meeting["number"]) if final else None,
        draft=not final,
        signature_left=SignatureBlock("THƯ KÝ", str(meeting.get("secretary") or "")),
        signature_right=SignatureBlock("CHỦ TRÌ", str(meeting.get("chair") or "")),
    )
