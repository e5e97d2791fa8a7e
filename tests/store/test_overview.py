"""The overview figures: counts, models by field and status, meetings by month, reminders."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.session import Session

TODAY = dt.date(2026, 3, 10)


def _models(session: Session) -> None:
    session.add_model(name="Đường hoa", field_code="new_rural", year=2026)
    session.add_model(name="Bếp ăn", field_code="culture_society", year=2025)
    moved = session.add_model(name="Camera an ninh", field_code="defence_security", year=2026)
    assert moved.record_id is not None
    session.move_model(moved.record_id, status="in_progress")


def test_counts(session: Session) -> None:
    """Models, members and open tasks are counted."""
    _models(session)
    session.add_member(full_name="Trần Thị Hoa")
    session.add_task(title="Vận động hộ còn lại")
    figures = session.overview_figures(today=TODAY)
    assert figures.counts == {"model": 3, "member": 2, "meeting": 0, "task_open": 1}


def test_models_by_field_follow_the_team_order(session: Session) -> None:
    """Every field of the team's list appears, in its order, with zero where none."""
    _models(session)
    by_field = session.overview_figures(today=TODAY).models_by_field
    assert [(code, n) for code, _name, n in by_field] == [
        ("economy", 0),
        ("culture_society", 1),
        ("defence_security", 1),
        ("political_system", 0),
        ("new_rural", 1),
        ("other", 0),
    ]
    assert by_field[0][1] == "Kinh tế"


def test_models_by_status_in_life_cycle_order(session: Session) -> None:
    """Statuses come in life-cycle order with their counts."""
    _models(session)
    by_status = dict(session.overview_figures(today=TODAY).models_by_status)
    assert list(by_status) == [
        "registered",
        "in_progress",
        "reviewed",
        "recognised",
        "not_recognised",
        "paused",
        "closed",
    ]
    assert by_status["registered"] == 2 and by_status["in_progress"] == 1


def test_meetings_by_month_covers_twelve_months(session: Session) -> None:
    """Twelve months ending with this one; meetings land in their month."""
    for day in ("2026-03-02", "2026-01-25", "2025-02-25"):
        session.add_meeting(kind="regular", title=f"Họp {day}", starts_at=f"{day}T08:00")
    months = session.overview_figures(today=TODAY).meetings_by_month
    assert len(months) == 12
    assert months[0] == (dt.date(2025, 4, 1), 0)
    assert months[-1] == (dt.date(2026, 3, 1), 1)
    assert dict(months)[dt.date(2026, 1, 1)] == 1
    assert sum(n for _m, n in months) == 2  # February 2025 is out of range


def test_overdue_tasks_listed(session: Session) -> None:
    """Open tasks past their deadline are listed; done ones and future ones are not."""
    session.add_task(title="Quá hạn", deadline="2026-03-01")
    session.add_task(title="Chưa tới hạn", deadline="2026-04-01")
    done = session.add_task(title="Đã xong", deadline="2026-02-01")
    assert done.record_id is not None
    session.mark_task_done(done.record_id, on=dt.date(2026, 2, 1))
    figures = session.overview_figures(today=TODAY)
    assert [t["title"] for t in figures.overdue_tasks] == ["Quá hạn"]
    assert figures.overdue_count == 1


def test_next_meeting_due_by_the_regulation(session: Session) -> None:
    """Monthly on the 25th: held this month means next month's 25th is due."""
    session.add_meeting(kind="regular", title="Họp tháng 3", starts_at="2026-03-05T08:00")
    figures = session.overview_figures(today=TODAY)
    assert figures.next_meeting is not None
    assert figures.next_meeting.due_on == dt.date(2026, 4, 25)
    assert figures.next_meeting.overdue is False
    assert figures.last_meeting_on == dt.date(2026, 3, 5)


def test_next_meeting_overdue_when_not_held(session: Session) -> None:
    """No meeting this month and the 25th has passed: the meeting is overdue."""
    figures = session.overview_figures(today=dt.date(2026, 3, 28))
    assert figures.next_meeting is not None
    assert figures.next_meeting.due_on == dt.date(2026, 3, 25)
    assert figures.next_meeting.overdue is True


def test_figures_read_on_a_reader_connection(session: Session) -> None:
    """The same figures come from a read-only connection."""
    _models(session)
    reader = session.open_reader()
    try:
        assert session.overview_figures(today=TODAY, db=reader).counts["model"] == 3
    finally:
        reader.close()


def test_model_fields_and_years(session: Session) -> None:
    """The filter lists: fields in the team's order, years newest first."""
    _models(session)
    assert session.model_fields()[0] == ("economy", "Kinh tế")
    assert session.model_years() == [2026, 2025]


def test_model_years_leave_out_deleted_models(session: Session) -> None:
    """A year whose only models were deleted leaves the filter; the others stay in order."""
    _models(session)
    for year in (2019, 2021, 2021):
        session.add_model(name=f"Mô hình năm {year}", field_code="economy", year=year)
    gone = session.add_model(name="Mô hình đã xóa", field_code="economy", year=2017)
    assert gone.record_id is not None
    session.delete_record("model", gone.record_id)
    assert session.model_years() == [2026, 2025, 2021, 2019]
