"""The periodic report's meetings table counts the whole roster, as the minutes do."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.core.meeting_roster import members_at, present_of, roster_on
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Table
from danvan_desktop.session import Session

ISSUED = dt.date(2026, 4, 6)


def _meeting(session: Session, **fields: Any) -> str:
    values = {"chair": "Nguyễn Văn An", "secretary": "Trần Thị Bích", **fields}
    meeting_id = session.add_meeting(
        kind="regular", title="Họp Tổ dân vận tháng 3/2026", starts_at="2026-03-05T19:30", **values
    ).record_id
    assert meeting_id is not None
    return meeting_id


def _tick(session: Session, meeting_id: str, name: str, present: bool) -> None:
    session.add_record("attendance", meeting_id=meeting_id, name=name, present=present)


def _meeting_row(session: Session) -> list[Any]:
    document = build_report(
        session.store.db,
        "periodic_report",
        period="quarter",
        quarter=1,
        year=2026,
        issued_on=ISSUED,
        preset="state",
    )
    table = next(t for t in document.tables() if t.title == "Bảng 1. Các cuộc họp trong kỳ")
    assert isinstance(table, Table)
    return list(table.rows[0])


def test_meetings_table_counts_members_without_a_row(session: Session) -> None:
    """Four members, two rows ticked: the table says 3 present (the chair too), 1 absent."""
    session.add_member(full_name="Trần Thị Bích", role="deputy")
    session.add_member(full_name="Lê Văn Cường")
    session.add_member(full_name="Lê Thị Hoa")
    meeting_id = _meeting(session)
    _tick(session, meeting_id, "Trần Thị Bích", True)
    _tick(session, meeting_id, "Lê Văn Cường", True)
    assert _meeting_row(session)[4:6] == [3, 1]


def test_meetings_table_leaves_out_members_not_serving(session: Session) -> None:
    """A member whose term ended before the meeting is neither present nor absent."""
    session.add_member(full_name="Phạm Văn Dũng", term_end="2025-12-31")
    session.add_member(full_name="Lê Văn Cường")
    meeting_id = _meeting(session)
    _tick(session, meeting_id, "Lê Văn Cường", False)
    assert _meeting_row(session)[4:6] == [1, 1]


def test_roster_counts_the_unticked_member_as_absent() -> None:
    """The pure count: a member with no row is absent, the chair present: 1/3."""
    roster = [
        {"id": "a", "full_name": "Nguyễn Văn An"},
        {"id": "b", "full_name": "Lê Văn Cường", "term_start": "2026-01-01"},
        {"id": "c", "full_name": "Lê Thị Hoa"},
        {"id": "d", "full_name": "Hồ Thị Lan", "term_start": "2026-06-01"},
    ]
    meeting = {"chair": "Nguyễn Văn An", "secretary": ""}
    people = [{"name": "Lê Văn Cường", "member_id": "b", "present": False}]
    on_day = roster_on(roster, dt.date(2026, 3, 5))
    assert present_of(members_at(meeting, people, on_day)) == (1, 3)
