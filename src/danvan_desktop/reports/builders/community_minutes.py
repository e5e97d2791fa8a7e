"""The parts of the minutes of a village community meeting (họp cộng đồng dân cư).

The meeting is the village's, called by its head with the Front work committee, not
the team's: the village, under its commune, issues the minutes, with its own numbers
("Số: 01/BB-TDP"), always in the state format. Attendance is the households
represented out of the village's households, and votes are counted in households.
Under the Law on Grassroots Democracy (Luật Thực hiện dân chủ ở cơ sở số
10/2022/QH15) the community decides only with more than half of the village's
households: the minutes say so when the households represented, or the households
in favour of a question, are not more than half.
"""

from __future__ import annotations

from typing import Any

from danvan_desktop.core.meeting_rules import (
    DEMOCRACY_LAW,
    VOTE_COUNTS,
    households_short,
    vote_short,
)
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    count_text,
    number_column,
    numbered,
    percent_text,
    simple_table,
)
from danvan_desktop.reports.document import (
    Block,
    CellValue,
    Column,
    LabelledLine,
    Paragraph,
)

BLANK_COUNT = "……"
COMMUNITY = "community"


def _household_count(value: Any) -> str:
    return BLANK_COUNT if value is None else count_text(int(value))


def households_line(meeting: dict[str, Any]) -> str:
    """ "86/120 hộ (72%)": households represented out of the village's households."""
    represented, total = meeting.get("households_represented"), meeting.get("households_total")
    text = f"{_household_count(represented)}/{_household_count(total)} hộ"
    if represented is not None and total:
        text += f" ({percent_text(int(represented), int(total))})"
    return text


def attendance_lines(meeting: dict[str, Any], people: list[dict[str, Any]]) -> list[LabelledLine]:
    """The households, then anyone else named (officials, guests)."""
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


def _note(text: str) -> Paragraph:
    return Paragraph.of(text, italic=True)


def attendance_notes(meeting: dict[str, Any]) -> list[Block]:
    """The note under the facts when the households represented are not more than half."""
    if not households_short(meeting):
        return []
    return [
        _note(
            f"Số hộ có đại diện dự họp là {households_line(meeting)}, chưa quá một nửa tổng "
            f"số hộ của thôn, tổ dân phố: theo {DEMOCRACY_LAW}, cuộc họp chưa đủ điều kiện để "
            "cộng đồng dân cư quyết định."
        )
    ]


def vote_notes(meeting: dict[str, Any], votes: list[dict[str, Any]]) -> list[Block]:
    """A note under the votes for each question fewer than half the households agreed to."""
    total = int(meeting.get("households_total") or 0)
    return [
        _note(
            f"Nội dung “{vote['subject']}” có {count_text(int(vote['in_favour']))}/"
            f"{count_text(total)} hộ tán thành, chưa quá một nửa tổng số hộ của thôn, tổ "
            f"dân phố: theo {DEMOCRACY_LAW}, nội dung này chưa được cộng đồng dân cư thông qua."
        )
        for vote in votes
        if vote_short(meeting, vote)
    ]


def _count_cell(value: Any) -> CellValue:
    return value if isinstance(value, str) else int(value or 0)


def household_votes_table(votes: list[dict[str, Any]], total: Any) -> Block:
    """Votes of a community meeting, in households, with the share of all households."""
    rows: list[list[CellValue]] = [
        [
            str(v["subject"]),
            *(_count_cell(v.get(name)) for name in VOTE_COUNTS),
            percent_text(int(v["in_favour"]), int(total))
            if total and not isinstance(v["in_favour"], str)
            else "",
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
