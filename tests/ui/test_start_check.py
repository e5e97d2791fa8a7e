"""The start after an unclean exit (issue 22: an 11.5 s full check on a city's store):
the check's progress window is on screen from the start, and the window stays live."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from danvan_desktop.store import integrity
from danvan_desktop.store.database import OPEN_MARKER
from danvan_desktop.ui.app_controller import AppController

from .helpers import WAIT_MS

_real_check = integrity.check_store


class _SlowCheck:
    """``integrity.check_store`` held at its start until the test lets it go."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, store: Any, *, full: bool = False) -> Any:
        self.started.set()
        assert self.release.wait(WAIT_MS / 1000), "the test never let the check go"
        return _real_check(store, full=full)


@pytest.fixture
def slow_check(monkeypatch: pytest.MonkeyPatch, team_dir: Path) -> Iterator[_SlowCheck]:
    """A store left as a killed run leaves it, and a full check that waits to be let go."""
    (team_dir / OPEN_MARKER).write_text("12345", encoding="ascii")
    slow = _SlowCheck()
    monkeypatch.setattr(integrity, "check_store", slow)
    yield slow
    slow.release.set()


def test_the_check_shows_its_progress_window_at_once(
    qtbot: QtBot, start_app: Any, team_dir: Path, slow_check: _SlowCheck
) -> None:
    """By the time the full check starts, its progress window is on screen saying so."""
    app: AppController = start_app(team_dir)
    qtbot.waitUntil(slow_check.started.is_set, timeout=WAIT_MS)
    qtbot.wait(20)  # deliver what the lane has sent; far below the 400 ms against flashing
    dialog = app.check_progress
    assert dialog is not None and dialog.isVisible()
    assert dialog.labelText().startswith("Lần trước ứng dụng không đóng bình thường")


def test_the_window_stays_live_while_the_check_runs(
    qtbot: QtBot, start_app: Any, team_dir: Path, slow_check: _SlowCheck
) -> None:
    """While the check runs, the GUI thread keeps working its events (a 10 ms timer ticks)."""
    start_app(team_dir)
    qtbot.waitUntil(slow_check.started.is_set, timeout=WAIT_MS)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(300)
    timer.stop()
    assert len(ticks) >= 10
    assert not slow_check.release.is_set()


def test_the_window_opens_once_the_check_passes(
    qtbot: QtBot, start_app: Any, team_dir: Path, slow_check: _SlowCheck
) -> None:
    """Let go, the check passes, its progress window goes and the main window opens."""
    app: AppController = start_app(team_dir)
    qtbot.waitUntil(slow_check.started.is_set, timeout=WAIT_MS)
    dialog = app.check_progress
    slow_check.release.set()
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    assert app.check_report.ok
    assert app.check_progress is None
    assert dialog is not None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
