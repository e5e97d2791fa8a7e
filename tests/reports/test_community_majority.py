"""A community meeting is the village's: state format, and more than half of its households."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder_records import docx_lines, docx_of, write_rendered
from report_tools import flat, pdf_text

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Paragraph
from danvan_desktop.session import Session

LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"


def _community(session: Session, represented: int, in_favour: int) -> str:
    meeting_id = session.create_meeting(
        kind="community", starts_at=dt.datetime(2026, 12, 6, 8, 0), place="Nhà văn hóa"
    ).record_id
    assert meeting_id is not None
    session.update_record(
        "meeting", meeting_id, households_total=120, households_represented=represented
    )
    session.add_record(
        "vote",
        meeting_id=meeting_id,
        subject="Mức đóng góp làm đường",
        in_favour=in_favour,
        against=0,
        abstain=0,
    )
    return meeting_id


def _notes(session: Session, meeting_id: str, **params: object) -> list[str]:
    document = build_report(session.store.db, "meeting_minutes", id=meeting_id, **params)
    return [b.text for b in document.blocks if isinstance(b, Paragraph) and LAW in b.text]


def test_half_the_households_present_is_not_enough(session: Session) -> None:
    """60 of 120 households is not more than half: the minutes say the community cannot
    decide, citing the law."""
    assert _notes(session, _community(session, 60, 55)) == [
        "Số hộ có đại diện dự họp là 60/120 hộ (50%), chưa quá một nửa tổng số hộ của thôn, tổ "
        f"dân phố: theo {LAW}, cuộc họp chưa đủ điều kiện để cộng đồng dân cư quyết định.",
        "Nội dung “Mức đóng góp làm đường” có 55/120 hộ tán thành, chưa quá một nửa tổng số hộ "
        f"của thôn, tổ dân phố: theo {LAW}, nội dung này chưa được cộng đồng dân cư thông qua.",
    ]


def test_a_vote_short_of_half_the_households_is_noted(session: Session) -> None:
    """Enough households came, but 60 of 120 in favour does not carry the question."""
    notes = _notes(session, _community(session, 90, 60))
    assert len(notes) == 1 and notes[0].startswith("Nội dung “Mức đóng góp làm đường” có 60/120")


def test_a_majority_needs_no_note(session: Session) -> None:
    """61 of 120 households present and in favour: nothing to warn about."""
    assert _notes(session, _community(session, 61, 61)) == []


def test_community_minutes_stay_state_documents(session: Session) -> None:
    """Asked in the Party format, the village's minutes are still under the national name."""
    meeting_id = _community(session, 90, 80)
    document = build_report(session.store.db, "meeting_minutes", id=meeting_id, preset="party")
    assert (document.preset, document.issuing_body, document.unit_abbreviation) == (
        "state",
        "Tổ dân phố 5",
        "TDP",
    )
    assert docx_of(document).tables[0].cell(0, 1).paragraphs[0].text == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )


def test_pdf_reads_the_warning_back(session: Session, tmp_path: Path) -> None:
    """pdftotext reads the law's name in the printed warning."""
    document = build_report(session.store.db, "meeting_minutes", id=_community(session, 40, 35))
    text = flat(pdf_text(write_rendered(document, "pdf", tmp_path)))
    assert "chưa quá một nửa tổng số hộ" in text and LAW in text
    assert "Nghị định 59/2023" not in " ".join(docx_lines(docx_of(document)))
