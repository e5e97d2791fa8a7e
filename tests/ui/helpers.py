"""Helpers for GUI tests: wait for lane jobs, type Vietnamese, make a team's folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.task_runner import JobContext, TaskRunner

PHU_XUAN = 19768
WAIT_MS = 10_000


def make_team_dir(data_dir: Path, fill: Callable[[Session], None] | None = None) -> Path:
    """A data folder with a team set up in Phường Phú Xuân (closed again)."""
    session = Session.open(data_dir, create=True)
    try:
        session.initialise_team(
            province_code=46,
            commune_code=PHU_XUAN,
            village_name="Tổ dân phố 5",
            village_kind="to_dan_pho",
            team_name="Tổ dân vận tổ dân phố 5",
            leader_name="Nguyễn Văn An",
        )
        if fill is not None:
            fill(session)
    finally:
        session.close()
    return data_dir


def call(
    qtbot: QtBot, runner: TaskRunner, fn: Callable[[JobContext], Any], lane: str = "db"
) -> Any:
    """Run ``fn`` on a lane and wait for its result (re-raising its error)."""
    box: dict[str, Any] = {}
    runner.run(
        lane,
        fn,
        on_done=lambda value: box.setdefault("value", value),
        on_error=lambda error: box.setdefault("error", error),
    )
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    if "error" in box:
        raise box["error"]
    return box["value"]


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key at a time (Vietnamese included)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def wait_idle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Wait until every job queued so far on each lane has come back."""
    for lane in ("db", "read"):
        call(qtbot, runner, lambda ctx: None, lane)


def double_click_row(view: QAbstractItemView, row: int) -> None:
    """Double-click the first cell of ``row`` as a mouse would: press, release, then the
    double-click and its release (a view honours a double-click only on the index pressed)."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(view.viewport(), left, none, where)
    QTest.mouseRelease(view.viewport(), left, none, where)
    QTest.mouseDClick(view.viewport(), left, none, where)
