"""The meetings and task lists read a page at a time as the user scrolls, like the model list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.tasks.tasks_page import TasksPage
from danvan_desktop.ui.widgets.paged_records import PAGE_SIZE

from .helpers import WAIT_MS, call, make_team_dir

COUNT = 2 * PAGE_SIZE + 30
FIRST_DAY = dt.date(2024, 1, 1)
SCROLL_STEPS = 1000  # at 10 ms each: a list that stops fetching fails within seconds


def _fill(session: Session) -> None:
    """COUNT meetings a day apart, each giving one task with a deadline a week later."""
    for i in range(COUNT):
        day = FIRST_DAY + dt.timedelta(days=i)
        meeting = session.add_meeting(
            kind="regular", title=f"Họp ngày {i:03d}", starts_at=f"{day} 19:30"
        ).record_id
        session.add_task(
            meeting_id=meeting, title=f"Việc {i:03d}", deadline=str(day + dt.timedelta(days=7))
        )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A team with COUNT meetings and COUNT tasks."""
    return make_team_dir(tmp_path / "data", _fill)


@pytest.fixture
def opened(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> TaskRunner:
    """The runner with the team's store open."""
    done: list[Any] = []
    runner.open_session(data_dir, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    return runner


def _scroll_to_the_end(qtbot: QtBot, page: Any) -> None:
    """Scroll down until every row is fetched, as a user dragging the bar would."""
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: not page.model.fetching, timeout=WAIT_MS)
    for _ in range(SCROLL_STEPS):
        if not (page.model.canFetchMore() or page.model.fetching):
            break
        bar.setValue(bar.maximum())
        qtbot.wait(10)
    qtbot.waitUntil(lambda: page.model.rowCount() == COUNT, timeout=WAIT_MS)


def test_meetings_arrive_a_page_at_a_time(qtbot: QtBot, opened: TaskRunner, bus: EventBus) -> None:
    """The first page shows the newest meetings and the total; scrolling brings the rest."""
    page = MeetingsPage(opened, bus)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        page.show()
    assert page.model.rowCount() == PAGE_SIZE
    assert page.model.canFetchMore()
    assert page.count_label.text() == f"{COUNT} cuộc họp, mới nhất ở trên."
    assert page.model.record(0)["title"] == f"Họp ngày {COUNT - 1:03d}"
    _scroll_to_the_end(qtbot, page)
    titles = [page.model.record(r)["title"] for r in range(COUNT)]
    assert titles == [f"Họp ngày {i:03d}" for i in reversed(range(COUNT))]
    assert not page.model.canFetchMore()


def test_a_new_meeting_keeps_the_pages_read(
    qtbot: QtBot, opened: TaskRunner, bus: EventBus
) -> None:
    """After a change the rows already read are read again in one go, the new one on top."""
    page = MeetingsPage(opened, bus)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        page.show()
    bar = page.table.verticalScrollBar()
    for _ in range(SCROLL_STEPS):  # one more page: to the end of the first
        if page.model.rowCount() >= 2 * PAGE_SIZE:
            break
        bar.setValue(bar.maximum())
        qtbot.wait(10)
    qtbot.waitUntil(lambda: not page.model.fetching, timeout=WAIT_MS)
    assert page.model.rowCount() == 2 * PAGE_SIZE
    call(
        qtbot,
        opened,
        lambda ctx: ctx.session.add_meeting(
            kind="regular", title="Họp đột xuất", starts_at="2030-01-01 08:00"
        ),
    )
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        bus.data_changed.emit({"meeting"})
    assert page.model.rowCount() == 2 * PAGE_SIZE
    assert page.model.record(0)["title"] == "Họp đột xuất"
    assert page.count_label.text() == f"{COUNT + 1} cuộc họp, mới nhất ở trên."


def test_tasks_arrive_a_page_at_a_time_in_deadline_order(
    qtbot: QtBot, opened: TaskRunner, bus: EventBus
) -> None:
    """Open tasks nearest deadline first across page boundaries, with the totals."""
    page = TasksPage(opened, bus)
    qtbot.addWidget(page)
    page.resize(1180, 640)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show()
    assert page.model.rowCount() == PAGE_SIZE
    overdue = sum(1 for i in range(COUNT) if FIRST_DAY + dt.timedelta(days=i + 7) < dt.date.today())
    assert page.count_label.text() == f"{COUNT} nhiệm vụ; {overdue} quá hạn."
    _scroll_to_the_end(qtbot, page)
    titles = [page.model.record(r)["title"] for r in range(COUNT)]
    assert titles == [f"Việc {i:03d}" for i in range(COUNT)]


def test_ticking_a_task_deep_in_the_list_keeps_the_rows_read(
    qtbot: QtBot, opened: TaskRunner, bus: EventBus
) -> None:
    """Marking a task done on the third page reads the shown rows again, not the first page."""
    page = TasksPage(opened, bus)
    qtbot.addWidget(page)
    page.resize(1180, 640)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show()
    _scroll_to_the_end(qtbot, page)
    row = COUNT - 5
    title = page.model.record(row)["title"]
    done = page.model.index(row, 0)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.model.setData(done, True)
    assert page.model.rowCount() == COUNT
    done_rows = [page.model.record(r) for r in range(COUNT) if page.model.record(r)["done"]]
    assert [r["title"] for r in done_rows] == [title]
    assert done_rows[0] is page.model.record(COUNT - 1)  # done tasks come after the open ones
