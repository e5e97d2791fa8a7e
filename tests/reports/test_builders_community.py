"""Community meeting minutes (the village's, Luật 10/2022/QH15): households, read back."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from builder_records import docx_lines, docx_of, docx_table_rows, write_rendered
from report_tools import flat, pdf_text

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document, LabelledLines
from danvan_desktop.session import Session


def _community(session: Session, **fields: object) -> str:
    meeting_id = (
        session.create_meeting(
            kind="community",
            starts_at=dt.datetime(2026, 12, 6, 8, 0),
            place="Nhà văn hóa thôn Đông",
        ).record_id
        or ""
    )
    session.update_record(
        "meeting",
        meeting_id,
        ends_at="2026-12-06T10:30",
        secretary="Trần Thị Bích",
        **fields,
    )
    return meeting_id


@pytest.fixture
def minutes(session: Session) -> Document:
    """Final minutes of a community meeting: 86 of 120 households, one vote, one guest."""
    meeting_id = _community(session, households_total=120, households_represented=86)
    session.add_record(
        "attendance",
        meeting_id=meeting_id,
        name="Phan Văn Tùng",
        present=True,
        is_guest=True,
        organisation="Phó Chủ tịch Ủy ban MTTQ Việt Nam phường",
    )
    session.add_record(
        "vote",
        meeting_id=meeting_id,
        subject="Mức đóng góp làm đường bê tông",
        in_favour=78,
        against=5,
        abstain=3,
    )
    session.add_record(
        "conclusion", meeting_id=meeting_id, content="Thống nhất mức đóng góp làm đường."
    )
    session.finalise_meeting(meeting_id, today=dt.date(2026, 12, 6))
    return build_report(session.store.db, "meeting_minutes", id=meeting_id)


def test_attendance_is_households_represented(minutes: Document) -> None:
    """Total households, households represented with their share, then the guests."""
    facts = minutes.blocks[0]
    assert isinstance(facts, LabelledLines)
    assert [(line.label, line.value) for line in facts.lines][2:5] == [
        ("Tổng số hộ của thôn, tổ dân phố", "120 hộ"),
        ("Số hộ có đại diện dự họp", "86/120 hộ (72%)"),
        ("Đại biểu, khách mời", "Phan Văn Tùng (Phó Chủ tịch Ủy ban MTTQ Việt Nam phường)"),
    ]
    assert "Thành phần tham dự" not in [line.label for line in facts.lines]


def test_docx_title_names_the_community_meeting(minutes: Document) -> None:
    """Under "BIÊN BẢN" the meeting is named as a community meeting."""
    assert docx_lines(docx_of(minutes))[:2] == ["BIÊN BẢN", "Họp cộng đồng dân cư"]


def test_docx_households_line_and_agenda(minutes: Document) -> None:
    """The households line and the community agenda are in the DOCX text."""
    lines = docx_lines(docx_of(minutes))
    assert "Số hộ có đại diện dự họp: 86/120 hộ (72%)" in lines
    start = lines.index("NỘI DUNG CUỘC HỌP")
    assert lines[start + 1 : start + 5] == [
        "1. Thông tin tình hình của thôn, tổ dân phố",
        "2. Bàn và quyết định các việc của cộng đồng",
        "3. Biểu quyết theo hộ gia đình",
        "4. Ý kiến, kiến nghị của người dân",
    ]


def test_docx_votes_are_counted_in_households(minutes: Document) -> None:
    """The vote table counts households and gives the share of all households in favour."""
    assert docx_table_rows(docx_of(minutes), 1) == [
        [
            "TT",
            "Vấn đề biểu quyết",
            "Số hộ tán thành",
            "Số hộ không tán thành",
            "Số hộ không biểu quyết",
            "Tỷ lệ hộ tán thành trên tổng số hộ",
        ],
        ["1", "Mức đóng góp làm đường bê tông", "78", "5", "3", "65%"],
    ]


def test_pdf_reads_back_the_households(minutes: Document, tmp_path: Path) -> None:
    """pdftotext reads the title and the households lines back letter for letter."""
    text = flat(pdf_text(write_rendered(minutes, "pdf", tmp_path)))
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "BIÊN BẢN",
        "Họp cộng đồng dân cư",
        "Tổng số hộ của thôn, tổ dân phố: 120 hộ",
        "Số hộ có đại diện dự họp: 86/120 hộ (72%)",
        "Số hộ tán thành",
    ):
        assert expected in text


def test_draft_without_counts_leaves_blanks_to_fill(session: Session) -> None:
    """Counts not yet entered print as dotted blanks, to be filled in by hand."""
    document = build_report(session.store.db, "meeting_minutes", id=_community(session))
    facts = document.blocks[0]
    assert isinstance(facts, LabelledLines)
    values = dict((line.label, line.value) for line in facts.lines)
    assert values["Tổng số hộ của thôn, tổ dân phố"] == "…… hộ"
    assert values["Số hộ có đại diện dự họp"] == "……/…… hộ"


def test_renamed_community_meeting_still_says_what_it_is(session: Session) -> None:
    """A title that does not say "cộng đồng dân cư" gets it in front."""
    meeting_id = _community(session, title="Bàn làm đường thôn Đông")
    document = build_report(session.store.db, "meeting_minutes", id=meeting_id)
    assert document.subtitle == "Cuộc họp cộng đồng dân cư: Bàn làm đường thôn Đông"


def test_team_meeting_keeps_its_member_attendance(session: Session) -> None:
    """A team meeting still counts members, not households."""
    meeting_id = (
        session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 12, 6, 8, 0)).record_id
        or ""
    )
    document = build_report(session.store.db, "meeting_minutes", id=meeting_id)
    facts = document.blocks[0]
    assert isinstance(facts, LabelledLines)
    labels = [line.label for line in facts.lines]
    assert "Thành phần tham dự" in labels
    assert "Số hộ có đại diện dự họp" not in labels


def test_the_village_issues_its_community_minutes(minutes: Document) -> None:
    """The village, under its ward, issues the minutes, numbered «BB» with its own initials."""
    header = docx_of(minutes).tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs][:2] == [
        "PHƯỜNG PHÚ XUÂN",
        "TỔ DÂN PHỐ 5",
    ]
    assert header.cell(1, 0).text == "Số: 01/BB-TDP"


def test_community_minutes_are_numbered_apart(session: Session) -> None:
    """The team's own minutes and the village's community minutes each start at 01."""
    team_meeting = session.add_meeting(
        kind="regular", title="Họp tổ", starts_at="2026-11-20T08:00", ends_at="2026-11-20T10:00"
    ).record_id
    village_meeting = _community(session, households_total=120, households_represented=86)
    for meeting_id in (team_meeting, village_meeting):
        session.add_record("conclusion", meeting_id=meeting_id, content="Thống nhất.")
        session.finalise_meeting(meeting_id, today=dt.date(2026, 12, 6))
    numbers = [session.get_record("meeting", m)["number"] for m in (team_meeting, village_meeting)]
    assert numbers == [1, 1]
