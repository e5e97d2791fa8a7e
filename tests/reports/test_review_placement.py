"""The half-year and year reports place a review meeting by the period it covers, not by
the day it was held: «Tổng kết năm 2026» held on 10/01/2027 is 2026's, never 2027's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document, Paragraph, Table
from danvan_desktop.session import Session

MEETINGS_TABLE = "Bảng 1. Các cuộc họp trong kỳ"


def _review(session: Session, kind: str, day: dt.date, **covers: dt.date) -> None:
    """A review of ``kind`` held at 19:30 on ``day`` (its period defaulted, or ``covers``)."""
    session.create_meeting(kind=kind, starts_at=dt.datetime.combine(day, dt.time(19, 30)), **covers)


def _report(session: Session, issued_on: dt.date, **period: Any) -> Document:
    return build_report(session.store.db, "periodic_report", issued_on=issued_on, **period)


def _tabled(document: Document) -> list[tuple[str, str]]:
    """(day, kind) of every meeting in Table 1 (none when the table is left out)."""
    tables = [b for b in document.blocks if isinstance(b, Table) and b.title == MEETINGS_TABLE]
    return [(str(row[1]), str(row[3])) for table in tables for row in table.rows]


def _text(document: Document) -> str:
    return " ".join(b.text for b in document.blocks if isinstance(b, Paragraph))


def test_january_year_end_review_counts_in_last_years_report(session: Session) -> None:
    """Held on 10/01/2027, it is tabled in 2026's year report issued on 20/01/2027."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 1, 20), period="year", year=2026)
    assert _tabled(report) == [("10/01/2027", "Tổng kết năm")]


def test_january_year_end_review_is_counted_among_last_years_meetings(session: Session) -> None:
    """2026's year report says the team held one year-end review."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 1, 20), period="year", year=2026)
    assert "Ngoài ra, Tổ đã tổ chức: 1 tổng kết năm." in _text(report)


def test_january_year_end_review_counts_in_last_years_second_half(session: Session) -> None:
    """It is tabled in the report of the second half of 2026."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 1, 20), period="half_year", year=2026, month=7)
    assert _tabled(report) == [("10/01/2027", "Tổng kết năm")]


def test_january_year_end_review_is_not_in_this_years_half_year(session: Session) -> None:
    """The first half of 2027 neither tables nor counts the review of 2026."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 7, 5), period="half_year", year=2027, month=1)
    assert _tabled(report) == []
    assert "tổng kết năm" not in _text(report)


def test_january_year_end_review_is_not_in_this_years_year_report(session: Session) -> None:
    """2027's year report does not table the review of 2026."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 12, 20), period="year", year=2027)
    assert _tabled(report) == []


def test_review_not_yet_held_on_the_issue_day_is_planned(session: Session) -> None:
    """2026's year report issued on 05/01/2027 names the review of 10/01/2027 as planned."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 1, 5), period="year", year=2026)
    assert _tabled(report) == []
    assert "Đã lên lịch, chưa họp: tổng kết năm ngày 10/01/2027." in _text(report)


def test_december_year_end_review_counts_in_its_own_year(session: Session) -> None:
    """Held on 20/12/2026 (after the 15/12 cut-off), it is 2026's, not 2027's."""
    _review(session, "year_end", dt.date(2026, 12, 20))
    assert _tabled(_report(session, dt.date(2026, 12, 28), period="year", year=2026)) == [
        ("20/12/2026", "Tổng kết năm")
    ]
    assert _tabled(_report(session, dt.date(2027, 12, 20), period="year", year=2027)) == []


def test_the_covered_period_given_decides(session: Session) -> None:
    """Held on 10/01/2027 but covering 16/12/2026–15/12/2027, it is 2027's review."""
    _review(
        session,
        "year_end",
        dt.date(2027, 1, 10),
        covers_from=dt.date(2026, 12, 16),
        covers_to=dt.date(2027, 12, 15),
    )
    assert _tabled(_report(session, dt.date(2027, 1, 20), period="year", year=2026)) == []
    assert _tabled(_report(session, dt.date(2027, 12, 20), period="year", year=2027)) == [
        ("10/01/2027", "Tổng kết năm")
    ]


def test_review_without_a_covered_period_takes_its_default(session: Session) -> None:
    """A review saved without a period (an earlier release) held on 10/01/2027 is 2026's."""
    session.add_meeting(kind="year_end", title="Tổng kết năm", starts_at="2027-01-10T19:30")
    report = _report(session, dt.date(2027, 1, 20), period="year", year=2026)
    assert _tabled(report) == [("10/01/2027", "Tổng kết năm")]


def test_july_half_year_review_counts_in_the_first_half(session: Session) -> None:
    """A half-year review held on 05/07/2026 covers the first half: tabled there only."""
    _review(session, "half_year", dt.date(2026, 7, 5))
    first = _report(session, dt.date(2026, 7, 10), period="half_year", year=2026, month=1)
    second = _report(session, dt.date(2026, 12, 28), period="half_year", year=2026, month=7)
    assert _tabled(first) == [("05/07/2026", "Sơ kết 6 tháng")]
    assert _tabled(second) == []


def test_a_month_report_places_the_review_by_its_day(session: Session) -> None:
    """January 2027's month report tells what happened in January: the review is in it."""
    _review(session, "year_end", dt.date(2027, 1, 10))
    report = _report(session, dt.date(2027, 1, 31), period="month", year=2027, month=1)
    assert _tabled(report) == [("10/01/2027", "Tổng kết năm")]
