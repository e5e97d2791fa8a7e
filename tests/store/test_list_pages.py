"""Keyset pages of the meeting and task lists: every row once, in the order of one read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.session import Session
from danvan_desktop.store.lists import RowsPage

TODAY = dt.date(2026, 3, 10)


def _all_pages(read: Any, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    page: RowsPage = read(None)
    rows += page.rows
    while page.after is not None:
        page = read(page.after)
        rows += page.rows
    return rows


def test_meeting_pages_cover_the_list_once_newest_first(session: Session) -> None:
    """Meetings at the same hour and corrected versions page without loss or repeat."""
    for i in range(23):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i // 3)  # three meetings a day
        session.add_meeting(kind="regular", title=f"Họp {i:02d}", starts_at=f"{day} 19:30")
    whole = session.meeting_list(limit=1000)
    paged = _all_pages(lambda after: session.meeting_page(after=after, limit=4), 4)
    assert [r["id"] for r in paged] == [r["id"] for r in whole]
    assert len({r["id"] for r in paged}) == 23
    assert session.meeting_page(limit=4, count=True).total == 23


def test_task_pages_cover_the_list_once_with_and_without_deadlines(session: Session) -> None:
    """Open before done, nearest deadline first, tasks without one last, across pages."""
    deadlines = [None, "2026-03-01", "2026-03-20", None, "2026-03-01", "2026-04-01"] * 4
    for i, deadline in enumerate(deadlines):
        task = session.add_task(title=f"Việc {i:02d}", deadline=deadline).record_id
        if i % 5 == 0:
            session.mark_task_done(task or "", on=TODAY)
    whole = session.task_list(today=TODAY)
    paged = _all_pages(lambda after: session.task_page(today=TODAY, after=after, limit=5), 5)
    assert [r["id"] for r in paged] == [r["id"] for r in whole]
    assert len(paged) == len(deadlines)
    first = session.task_page(today=TODAY, limit=5, count=True)
    overdue = sum(1 for r in whole if r["overdue"])
    assert (first.total, first.extra["overdue"]) == (len(deadlines), overdue)
    only_open = session.task_page(today=TODAY, status="open", limit=100, count=True)
    assert only_open.total == len([r for r in whole if r["status"] == "open"])


def test_task_search_finds_tasks_and_those_of_meetings_found(session: Session) -> None:
    """«den» finds the lamp task; «dot xuat» finds every task of that meeting."""
    meeting = session.add_meeting(
        kind="adhoc", title="Họp đột xuất", starts_at="2026-03-01 08:00"
    ).record_id
    session.add_task(title="Sửa đèn đường")
    session.add_task(title="Dọn rác", meeting_id=meeting)
    session.add_task(title="Thăm hộ nghèo", meeting_id=meeting)
    session.add_task(title="Trồng hoa")
    lamp = session.task_page(today=TODAY, search="den", count=True)
    assert [r["title"] for r in lamp.rows] == ["Sửa đèn đường"]
    assert lamp.total == 1
    found = session.task_page(today=TODAY, search="dot xuat")
    assert sorted(r["title"] for r in found.rows) == ["Dọn rác", "Thăm hộ nghèo"]
