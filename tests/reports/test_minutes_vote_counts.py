"""Minutes never print impossible vote counts: more votes than people present stay blank."""

from __future__ import annotations

import datetime as dt

from builder_records import docx_of, docx_table_rows

from danvan_desktop.reports.builders import build_report
from danvan_desktop.session import Session

HEADER = ["TT", "Vấn đề biểu quyết", "Tán thành", "Không tán thành", "Không biểu quyết"]


def _draft_with_a_vote_of_three(session: Session) -> str:
    """Three present voted 3 in favour; then one of them is ticked absent."""
    session.add_member(full_name="Trần Thị Bích", role="deputy")
    session.add_member(full_name="Lê Văn Cường")
    meeting_id = (
        session.create_meeting(
            kind="regular", starts_at=dt.datetime(2026, 11, 25, 19, 30)
        ).record_id
        or ""
    )
    session.add_record(
        "vote", meeting_id=meeting_id, subject="Mở rộng kiệt 12", in_favour=3, against=0, abstain=0
    )
    session.add_record(
        "vote", meeting_id=meeting_id, subject="Mức đóng góp", in_favour=1, against=1, abstain=0
    )
    absent = session.meeting_children(meeting_id, "attendance")[2]["id"]
    session.update_record("attendance", absent, present=False)
    return meeting_id


def test_a_vote_beyond_those_present_prints_blanks(session: Session) -> None:
    """3 votes with 2 present: its counts are left to fill; the possible vote is printed."""
    meeting_id = _draft_with_a_vote_of_three(session)
    minutes = build_report(session.store.db, "meeting_minutes", id=meeting_id)
    assert docx_table_rows(docx_of(minutes), 1) == [
        HEADER,
        ["1", "Mở rộng kiệt 12", "……", "……", "……"],
        ["2", "Mức đóng góp", "1", "1", "0"],
    ]
