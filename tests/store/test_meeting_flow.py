"""Meetings from templates, autosaved drafts, the task list and reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def test_regular_meeting_from_template(session: Session) -> None:
    """Title, agenda by the monthly regulation, leader as chair, everyone on the list."""
    session.add_member(full_name="Trần Thị Bích", role="deputy", position="Trưởng thôn")
    result = session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0))
    meeting = session.get_record("meeting", result.record_id or "")
    assert meeting["title"] == "Họp Tổ dân vận tháng 11/2026"
    assert meeting["chair"] == "Nguyễn Văn An"
    assert meeting["state"] == "draft"
    agenda = session.list_records("agenda_item", where="meeting_id = ?", params=[meeting["id"]])
    assert agenda[0]["title"] == "Đánh giá kết quả thực hiện nhiệm vụ tháng trước"
    attendance = session.list_records("attendance", where="meeting_id = ?", params=[meeting["id"]])
    assert sorted(a["name"] for a in attendance) == ["Nguyễn Văn An", "Trần Thị Bích"]
    assert all(a["present"] == 1 for a in attendance)


def test_quarterly_regulation_changes_the_template(session: Session) -> None:
    """A team meeting quarterly gets a quarter's title and wording."""
    reg = session.regulation()
    session.update_record("regulation", reg["id"], meeting_period="quarterly")
    result = session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0))
    assert session.get_record("meeting", result.record_id or "")["title"] == (
        "Họp Tổ dân vận quý IV/2026"
    )


def test_year_end_template(session: Session) -> None:
    """The year-end review's agenda names next year's direction."""
    result = session.create_meeting(kind="year_end", starts_at=dt.datetime(2026, 12, 20, 8, 0))
    agenda = session.list_records("agenda_item", where="meeting_id = ?", params=[result.record_id])
    assert agenda[-1]["title"] == "Phương hướng nhiệm vụ năm 2027"


def test_draft_survives_and_commits_into_one_operation(session: Session, data_dir) -> None:
    """A draft saved, store closed as if killed, reopened: the text is there; commit
    makes it one tracked change."""
    meeting_id = (
        session.add_meeting(kind="regular", title="Họp", starts_at="25/11/2026 08:00").record_id
        or ""
    )
    session.save_draft("meeting", meeting_id, {"content": "Ông Bình phát biểu về đèn đường"})
    session.store.db.close()  # no clean close: like a killed process
    session.store.closed = True
    again = Session.open(data_dir)
    try:
        assert again.load_draft("meeting", meeting_id) == {
            "content": "Ông Bình phát biểu về đèn đường"
        }
        again.commit_draft("meeting", meeting_id)
        assert again.get_record("meeting", meeting_id)["content"] == (
            "Ông Bình phát biểu về đèn đường"
        )
        assert again.load_draft("meeting", meeting_id) is None
    finally:
        again.close()


def test_invalid_draft_is_kept_when_commit_fails(session: Session) -> None:
    """A draft that cannot be saved stays, so nothing typed is lost."""
    meeting_id = (
        session.add_meeting(kind="regular", title="Họp", starts_at="25/11/2026 08:00").record_id
        or ""
    )
    session.save_draft("meeting", meeting_id, {"title": ""})
    with pytest.raises(ValidationError):
        session.commit_draft("meeting", meeting_id)
    assert session.load_draft("meeting", meeting_id) == {"title": ""}


def test_task_list_marks_overdue(session: Session) -> None:
    """Open tasks past their deadline are overdue; done ones never are."""
    meeting_id = session.add_meeting(
        kind="regular", title="Họp tháng 10", starts_at="25/10/2026 08:00"
    ).record_id
    late = session.add_task(meeting_id=meeting_id, title="Sửa đèn", deadline="10/11/2026")
    done = session.add_task(meeting_id=meeting_id, title="Họp dân", deadline="01/11/2026")
    session.add_task(meeting_id=meeting_id, title="Trồng hoa", deadline="30/12/2026")
    session.mark_task_done(done.record_id or "", on=dt.date(2026, 10, 30))
    rows = session.list_tasks(today=dt.date(2026, 11, 28))
    assert [(r["title"], r["overdue"]) for r in rows] == [
        ("Sửa đèn", True),
        ("Trồng hoa", False),
        ("Họp dân", False),
    ]
    assert rows[0]["meeting_title"] == "Họp tháng 10"
    overdue = session.list_tasks(today=dt.date(2026, 11, 28), overdue_only=True)
    assert [r["id"] for r in overdue] == [late.record_id]


def test_meetings_due_reminds_by_the_regulation(session: Session) -> None:
    """No meeting this month by the 28th: overdue; the half-year review in June."""
    due = session.meetings_due(today=dt.date(2026, 11, 28))
    assert [(d.what, d.due_on, d.overdue) for d in due] == [
        ("regular", dt.date(2026, 11, 25), True)
    ]
    session.add_meeting(kind="regular", title="Họp", starts_at="25/11/2026 08:00")
    due = session.meetings_due(today=dt.date(2026, 11, 28))
    assert due[0].due_on == dt.date(2026, 12, 25)
    june = session.meetings_due(today=dt.date(2026, 6, 15))
    assert ("half_year", dt.date(2026, 6, 30)) in [(d.what, d.due_on) for d in june]
