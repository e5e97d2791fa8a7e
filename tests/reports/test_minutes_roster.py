"""Minutes count the whole roster on the meeting's day, not only the rows ticked."""

from __future__ import annotations

from typing import Any

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document, LabelledLines
from danvan_desktop.session import Session


def _meeting(session: Session, **fields: Any) -> str:
    values = {"chair": "Nguyễn Văn An", "secretary": "Trần Thị Bích", **fields}
    meeting_id = session.add_meeting(
        kind="regular", title="Họp Tổ dân vận tháng 3/2026", starts_at="2026-03-05T19:30", **values
    ).record_id
    assert meeting_id is not None
    return meeting_id


def _tick(session: Session, meeting_id: str, name: str, present: bool, **fields: Any) -> None:
    session.add_record("attendance", meeting_id=meeting_id, name=name, present=present, **fields)


def _facts(document: Document) -> dict[str, str]:
    facts = document.blocks[0]
    assert isinstance(facts, LabelledLines)
    return {line.label: line.value for line in facts.lines}


def test_members_without_a_row_count_as_absent(session: Session) -> None:
    """Four members serve; two are ticked: «có mặt 3/4» (the chair is there), one absent."""
    session.add_member(full_name="Trần Thị Bích", role="deputy")
    session.add_member(full_name="Lê Văn Cường")
    session.add_member(full_name="Lê Thị Hoa")
    meeting_id = _meeting(session)
    _tick(session, meeting_id, "Trần Thị Bích", True)
    _tick(session, meeting_id, "Lê Văn Cường", True)
    facts = _facts(build_report(session.store.db, "meeting_minutes", id=meeting_id))
    assert facts["Thành phần tham dự"] == (
        "có mặt 3/4 thành viên: Nguyễn Văn An, Trần Thị Bích, Lê Văn Cường"
    )
    assert facts["Vắng mặt"] == "1 thành viên: Lê Thị Hoa (không rõ lý do)"


def test_the_leader_counts_even_when_not_chairing(session: Session) -> None:
    """The leader is a member: not ticked and not in the chair, the leader is absent."""
    session.add_member(full_name="Trần Thị Bích", role="deputy")
    meeting_id = _meeting(session, chair="Trần Thị Bích", secretary="")
    _tick(session, meeting_id, "Trần Thị Bích", True)
    facts = _facts(build_report(session.store.db, "meeting_minutes", id=meeting_id))
    assert facts["Thành phần tham dự"] == "có mặt 1/2 thành viên: Trần Thị Bích"
    assert facts["Vắng mặt"] == "1 thành viên: Nguyễn Văn An (không rõ lý do)"


def test_only_members_serving_on_the_day_count(session: Session) -> None:
    """A member whose term ended before the meeting, or began after it, is not counted."""
    session.add_member(full_name="Phạm Văn Dũng", term_end="2025-12-31")
    session.add_member(full_name="Hồ Thị Lan", term_start="2026-06-01")
    session.add_member(full_name="Lê Văn Cường", term_start="2026-01-01", term_end="2026-12-31")
    meeting_id = _meeting(session)
    _tick(session, meeting_id, "Lê Văn Cường", False, absence_reason="ốm")
    facts = _facts(build_report(session.store.db, "meeting_minutes", id=meeting_id))
    assert facts["Thành phần tham dự"] == "có mặt 1/2 thành viên: Nguyễn Văn An"
    assert facts["Vắng mặt"] == "1 thành viên: Lê Văn Cường (lý do: ốm)"


def test_a_row_linked_to_a_member_matches_by_id(session: Session) -> None:
    """A ticked row that names the member by id counts for that member, whatever it says."""
    member_id = session.add_member(full_name="Lê Văn Cường").record_id
    meeting_id = _meeting(session)
    _tick(session, meeting_id, "Ông Cường", True, member_id=member_id)
    facts = _facts(build_report(session.store.db, "meeting_minutes", id=meeting_id))
    assert facts["Thành phần tham dự"] == "có mặt 2/2 thành viên: Nguyễn Văn An, Lê Văn Cường"
    assert facts["Vắng mặt"] == "không"
