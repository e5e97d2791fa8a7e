"""GUI fixtures: our font registered, a task runner stopped cleanly, a team's data folder.

Traps handled here (CONVENTIONS.md): results from worker threads reach the
tests only through the runner, a GUI-thread object; every runner is shut down
(its threads quit and waited for) before the test ends; the offscreen platform
gets the bundled font; Vietnamese is typed one character at a time with
``QTest.sendKeyEvent``, never ``keyClicks``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations, register_fonts
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, make_team_dir


@pytest.fixture(scope="session", autouse=True)
def _ui_font(qapp: QApplication) -> None:
    """Register the bundled UI font once (the offscreen platform has none)."""
    assert register_fonts(qapp) == "Noto Sans"


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """Vietnamese translators installed; back to Vietnamese afterwards."""
    tr = Translations(qapp)
    tr.apply("vi")
    yield tr
    tr.apply("vi")


@pytest.fixture
def bus() -> EventBus:
    """A fresh event bus."""
    return EventBus()


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    """A task runner whose threads are stopped (and store closed) at the end."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A closed data folder with a team set up."""
    return make_team_dir(tmp_path / "data")


@pytest.fixture
def open_runner(qtbot: QtBot, runner: TaskRunner, team_dir: Path) -> TaskRunner:
    """A runner with the team's store open on its DB lane."""
    opened: list[Any] = []
    runner.open_session(team_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    return runner


@pytest.fixture
def start_app(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, translations: Translations
) -> Iterator[Any]:
    """Start the application controller on a data folder (as ``danvan-desktop`` does)."""
    from danvan_desktop.ui.app_controller import AppController, StartOptions

    made: list[AppController] = []

    def start(data_dir: Path, **options: Any) -> AppController:
        options.setdefault("auto_backup_delay_ms", 600_000)
        controller = AppController(runner, bus, translations, StartOptions(data_dir, **options))
        made.append(controller)
        controller.start()
        return controller

    yield start
    for controller in made:
        for widget in (controller.window, controller.wizard, controller.recovery):
            if widget is not None:
                widget.close()
                widget.deleteLater()
