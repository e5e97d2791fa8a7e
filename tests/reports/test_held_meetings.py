"""A meeting dated after the report's day is planned, not held: the report, the overview
and the reminders count the same meetings (one rule, ``core.schedule.is_held``)."""

from __future__ import annotations

import datetime as dt

import pytest
from builder_records import docx_lines, docx_of, docx_table_rows

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document
from danvan_desktop.session import Session

TODAY = dt.date(2026, 5, 10)  # the regulation's monthly meeting is due on the 25th


def _meeting(session: Session, day: str, kind: str = "regular") -> None:
    session.add_meeting(kind=kind, title=f"Họp tổ ngày {day}", starts_at=f"{day}T19:30")


def _may_report(session: Session) -> Document:
    return build_report(
        session.store.db, "periodic_report", period="month", month=5, year=2026, issued_on=TODAY
    )


@pytest.fixture
def early_and_planned(session: Session) -> Session:
    """May's regular meeting held early on the 5th, and a draft for the 25th."""
    _meeting(session, "2026-05-05")
    _meeting(session, "2026-05-25")
    return session


def test_report_names_the_early_meeting_and_the_planned_one(early_and_planned: Session) -> None:
    """The sentence agrees with the table: one held early, one planned, none due."""
    lines = docx_lines(docx_of(_may_report(early_and_planned)))
    assert (
        "Theo Quy chế hoạt động, Tổ họp định kỳ hằng tháng. Tính đến ngày 10/05/2026, trong kỳ "
        "chưa có cuộc họp định kỳ nào đến hạn. Đã họp trước hạn: tháng 05/2026. Đã lên lịch, "
        "chưa họp: họp định kỳ ngày 25/05/2026."
    ) in lines


def test_report_table_lists_only_the_meeting_held(early_and_planned: Session) -> None:
    """Table 1 lists the meeting of the 5th, not the draft of the 25th."""
    rows = docx_table_rows(docx_of(_may_report(early_and_planned)), 1)
    assert [row[1] for row in rows[1:-1]] == ["05/05/2026"]


def test_planned_meeting_of_another_kind_is_not_counted_as_held(session: Session) -> None:
    """A community meeting planned for the 20th is not «Ngoài ra, Tổ đã tổ chức»."""
    _meeting(session, "2026-05-20", kind="community")
    lines = " ".join(docx_lines(docx_of(_may_report(session))))
    assert "Ngoài ra, Tổ đã tổ chức" not in lines
    assert "Đã lên lịch, chưa họp: họp cộng đồng dân cư ngày 20/05/2026." in lines


def test_overview_last_meeting_is_the_one_held(early_and_planned: Session) -> None:
    """The overview's last regular meeting is the 5th; the 25th is shown as planned."""
    figures = early_and_planned.overview_figures(today=TODAY)
    assert (figures.last_meeting_on, figures.planned_meeting_on) == (
        dt.date(2026, 5, 5),
        dt.date(2026, 5, 25),
    )
    assert figures.meetings_by_month[-1] == (dt.date(2026, 5, 1), 1)


def test_a_planned_meeting_alone_leaves_this_months_meeting_due(session: Session) -> None:
    """With only the draft of the 25th, the overview and the reminder still ask for May's
    meeting, and the overview knows no meeting held."""
    _meeting(session, "2026-05-25")
    figures = session.overview_figures(today=TODAY)
    assert figures.last_meeting_on is None
    assert figures.next_meeting is not None and figures.next_meeting.due_on == dt.date(2026, 5, 25)
    regular = [d for d in session.meetings_due(today=TODAY) if d.what == "regular"]
    assert [d.due_on for d in regular] == [dt.date(2026, 5, 25)]
