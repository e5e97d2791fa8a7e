"""The tasks page: every task, overdue ones marked in words and colour, done with one click."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.tasks.tasks_page import OVERDUE_BACKGROUND, OVERDUE_TEXT, TasksPage

from .helpers import WAIT_MS, call, make_team_dir, type_text

TODAY = dt.date.today()
TITLE, OWNER, DEADLINE, MEETING, STATUS = 1, 2, 3, 4, 5


def _day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def _fill(session: Session) -> None:
    meeting = session.add_meeting(
        kind="regular", title="Họp tháng trước", starts_at=f"{_day(-40)} 08:00"
    ).record_id
    session.add_task(
        meeting_id=meeting, title="Sửa đèn đường", owner_name="Lê Văn Cường", deadline=_day(-5)
    )
    session.add_task(meeting_id=meeting, title="Trồng hoa ven đường", deadline=_day(10))
    done = session.add_task(meeting_id=meeting, title="Họp dân", deadline=_day(-20))
    session.mark_task_done(done.record_id or "", on=TODAY - dt.timedelta(days=25))


@pytest.fixture
def page(qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path) -> TasksPage:
    """The tasks page over a team with three tasks: overdue, upcoming, done."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    tasks_page = TasksPage(runner, bus)
    qtbot.addWidget(tasks_page)
    tasks_page.resize(1180, 640)
    with qtbot.waitSignal(tasks_page.loaded, timeout=WAIT_MS):
        tasks_page.show()
    return tasks_page


def _column(page: TasksPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _row_of(page: TasksPage, title: str) -> int:
    return _column(page, TITLE).index(title)


def _click(view: QAbstractItemView, index: QModelIndex) -> None:
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )


def _status(qtbot: QtBot, runner: TaskRunner, title: str) -> tuple[str, str | None]:
    rows = call(qtbot, runner, lambda ctx: ctx.session.list_records("task"))
    task = next(r for r in rows if r["title"] == title)
    return task["status"], task["done_on"]


def test_every_task_is_listed_with_its_meeting(page: TasksPage) -> None:
    """Open tasks first, nearest deadline first; dates dd/MM/yyyy; the meeting named."""
    assert _column(page, TITLE) == ["Sửa đèn đường", "Trồng hoa ven đường", "Họp dân"]
    assert _column(page, MEETING) == ["Họp tháng trước"] * 3
    deadline = TODAY - dt.timedelta(days=5)
    assert _column(page, DEADLINE)[0] == deadline.strftime("%d/%m/%Y")
    assert _column(page, OWNER)[0] == "Lê Văn Cường"


def test_overdue_is_said_in_words_and_colour(page: TasksPage) -> None:
    """The overdue task says «Quá hạn 5 ngày» and is red on pink; the others are not."""
    statuses = _column(page, STATUS)
    assert statuses[0] == "⚠ Quá hạn 5 ngày"
    assert statuses[1] == "Đang thực hiện"
    assert statuses[2].startswith("Đã hoàn thành ")
    overdue = page.model.index(0, TITLE)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(OVERDUE_TEXT)
    assert overdue.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(OVERDUE_BACKGROUND)
    assert page.model.index(1, TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.count_label.text() == "3 nhiệm vụ; 1 quá hạn."


def test_one_click_marks_a_task_done(qtbot: QtBot, page: TasksPage, runner: TaskRunner) -> None:
    """Clicking the «Xong» box of the overdue task marks it done today; it is no longer late."""
    row = _row_of(page, "Sửa đèn đường")
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _click(page.table, page.model.index(row, 0))
    assert _status(qtbot, runner, "Sửa đèn đường") == ("done", TODAY.isoformat())
    row = _row_of(page, "Sửa đèn đường")
    assert page.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert page.model.index(row, STATUS).data() == f"Đã hoàn thành {TODAY:%d/%m/%Y}"


def test_unticking_opens_the_task_again(qtbot: QtBot, page: TasksPage, runner: TaskRunner) -> None:
    """A task ticked by mistake is opened again by a second click."""
    row = _row_of(page, "Họp dân")
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _click(page.table, page.model.index(row, 0))
    assert _status(qtbot, runner, "Họp dân") == ("open", None)


@pytest.mark.parametrize(
    ("code", "titles"),
    [
        ("open", ["Sửa đèn đường", "Trồng hoa ven đường"]),
        ("overdue", ["Sửa đèn đường"]),
        ("done", ["Họp dân"]),
    ],
)
def test_filters(qtbot: QtBot, page: TasksPage, code: str, titles: list[str]) -> None:
    """Each filter button shows only its tasks."""
    button = page.findChild(type(page.filters.button(0)), f"filter-{code}")
    assert button is not None
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        button.click()
    assert _column(page, TITLE) == titles


def test_search_narrows_without_diacritics(qtbot: QtBot, page: TasksPage) -> None:
    """«den» finds the lamp task, by its title (the search is read on the read lane)."""
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        QTest.keyClicks(page.search, "den")
    assert _column(page, TITLE) == ["Sửa đèn đường"]
    assert page.count_label.text() == "1 nhiệm vụ; 1 quá hạn."


def test_search_finds_the_tasks_of_a_meeting_by_its_title(qtbot: QtBot, page: TasksPage) -> None:
    """«hop thang truoc» finds the three tasks given at «Họp tháng trước»."""
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.search.setText("hop thang truoc")
    assert _column(page, TITLE) == ["Sửa đèn đường", "Trồng hoa ven đường", "Họp dân"]


def test_refreshes_when_tasks_change(
    qtbot: QtBot, page: TasksPage, runner: TaskRunner, bus: EventBus
) -> None:
    """A task added elsewhere appears when data_changed says tasks changed."""
    call(qtbot, runner, lambda ctx: ctx.session.add_task(title="Thăm hộ khó khăn"))
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        bus.data_changed.emit({"task"})
    assert "Thăm hộ khó khăn" in _column(page, TITLE)


def test_new_task_dialog_checks_the_title(
    qtbot: QtBot, page: TasksPage, runner: TaskRunner
) -> None:
    """Ctrl+N opens the task form; saving it empty names the field; a title saves it."""
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.new_record()
    dialog = opened.args[0]
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    qtbot.waitUntil(dialog.errors["title"].isVisible, timeout=WAIT_MS)
    assert dialog.errors["title"].text().startswith("«Nhiệm vụ» không được để trống")
    type_text(dialog.title, "Thăm hộ cụ Lài")
    dialog.owner.setCurrentIndex(dialog.owner.findText("Nguyễn Văn An"))
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        save.click()
    rows = call(qtbot, runner, lambda ctx: ctx.session.list_records("task"))
    task = next(r for r in rows if r["title"] == "Thăm hộ cụ Lài")
    assert task["owner_name"] == "Nguyễn Văn An" and task["owner_member_id"] is not None
