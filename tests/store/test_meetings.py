"""Minutes: numbering at finalisation, locking, corrections as new versions."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session

# The day the tests finalise on: every meeting below has taken place by then.
TODAY = dt.date(2027, 1, 31)


def _meeting(session: Session, day: str = "25/11/2026", *, concluded: bool = True) -> str:
    meeting_id = (
        session.add_meeting(
            kind="regular",
            title=f"Họp ngày {day}",
            starts_at=f"{day} 08:00",
            ends_at=f"{day} 10:30",
            place="Nhà văn hóa",
            chair="Nguyễn Văn An",
            secretary="Lê Thị Hoa",
        ).record_id
        or ""
    )
    if concluded:
        session.add_record("conclusion", meeting_id=meeting_id, content="Thống nhất thực hiện.")
    return meeting_id


def test_finalise_numbers_per_team_type_and_year(session: Session) -> None:
    """Numbers count 1, 2, … within a year and start again the next year."""
    ids = [_meeting(session, d) for d in ("25/10/2026", "25/11/2026", "05/01/2027")]
    for meeting_id in ids:
        session.finalise_meeting(meeting_id, today=TODAY)
    numbers = [
        (
            session.get_record("meeting", i)["number"],
            session.get_record("meeting", i)["number_year"],
        )
        for i in ids
    ]
    assert numbers == [(1, 2026), (2, 2026), (1, 2027)]


def test_finalise_needs_an_end_time(session: Session) -> None:
    """Minutes without the closing time cannot be finalised, and take no number."""
    meeting_id = (
        session.add_meeting(kind="regular", title="Họp", starts_at="25/11/2026 08:00").record_id
        or ""
    )
    session.add_record("conclusion", meeting_id=meeting_id, content="Thống nhất thực hiện.")
    with pytest.raises(ValidationError) as info:
        session.finalise_meeting(meeting_id, today=TODAY)
    assert info.value.fields == ["ends_at"]
    counters = session.store.db.execute("SELECT count(*) FROM document_counter").fetchone()[0]
    assert counters == 0


def test_final_minutes_are_locked_but_tasks_stay_open(session: Session) -> None:
    """After finalising, the minutes and their opinions are read-only; tasks can be done."""
    meeting_id = _meeting(session)
    task_id = session.add_task(meeting_id=meeting_id, title="Sửa đèn đường").record_id or ""
    session.finalise_meeting(meeting_id, today=TODAY)
    with pytest.raises(ValidationError, match="đã hoàn tất và bị khóa"):
        session.add_record("opinion", meeting_id=meeting_id, speaker="A", content="B")
    with pytest.raises(ValidationError, match="đã hoàn tất và bị khóa"):
        session.update_record("meeting", meeting_id, place="Hội trường")
    session.mark_task_done(task_id)
    assert session.get_record("task", task_id)["status"] == "done"


def test_correction_makes_a_new_version_and_keeps_the_old(session: Session) -> None:
    """A correction copies the minutes and their rows into a new draft version."""
    meeting_id = _meeting(session)
    item = session.add_record(
        "agenda_item", meeting_id=meeting_id, position_order=1, title="Vệ sinh môi trường"
    ).record_id
    session.add_record(
        "opinion",
        meeting_id=meeting_id,
        agenda_item_id=item,
        speaker="Ông Trần Văn Bình",
        content="Đề nghị ra quân mỗi sáng chủ nhật.",
    )
    session.finalise_meeting(meeting_id, today=TODAY)
    new_id = session.correct_meeting(meeting_id).record_id or ""
    new = session.get_record("meeting", new_id)
    assert (new["state"], new["version"], new["supersedes_id"]) == ("draft", 2, meeting_id)
    assert session.get_record("meeting", meeting_id)["state"] == "final"
    opinions = session.list_records("opinion", where="meeting_id = ?", params=[new_id])
    new_items = session.list_records("agenda_item", where="meeting_id = ?", params=[new_id])
    assert [o["content"] for o in opinions] == ["Đề nghị ra quân mỗi sáng chủ nhật."]
    assert opinions[0]["agenda_item_id"] == new_items[0]["id"]


def test_finalise_needs_a_conclusion(session: Session) -> None:
    """Minutes without the chair's conclusion cannot be finalised, and take no number."""
    meeting_id = _meeting(session, concluded=False)
    with pytest.raises(ValidationError) as info:
        session.finalise_meeting(meeting_id, today=TODAY)
    assert info.value.fields == ["conclusion"]
    assert info.value.problems[0].message == (
        "Biên bản chưa có kết luận của chủ trì: hãy ghi ít nhất một kết luận (thẻ «Kết luận, "
        "biểu quyết») rồi hoàn tất."
    )
    assert session.get_record("meeting", meeting_id)["state"] == "draft"


def test_meeting_in_the_future_cannot_be_finalised(session: Session) -> None:
    """A meeting dated after today has not taken place: refused on its start, no number."""
    meeting_id = _meeting(session, "05/02/2027")
    with pytest.raises(ValidationError) as info:
        session.finalise_meeting(meeting_id, today=TODAY)
    assert info.value.fields == ["starts_at"]
    assert info.value.problems[0].message == (
        "Cuộc họp ghi ngày 05/02/2027, chưa diễn ra: chỉ hoàn tất biên bản sau khi đã họp (nếu "
        "nhập nhầm ngày, hãy sửa «Thời gian bắt đầu»)."
    )
    counters = session.store.db.execute("SELECT count(*) FROM document_counter").fetchone()[0]
    assert counters == 0


def test_meeting_held_today_can_be_finalised(session: Session) -> None:
    """A meeting dated today has taken place: it is finalised."""
    meeting_id = _meeting(session, "31/01/2027")
    session.finalise_meeting(meeting_id, today=TODAY)
    assert session.get_record("meeting", meeting_id)["state"] == "final"
