"""After an update: «Cài ngay» restarts through the close path; the pages tell the outcome."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.settings.settings_page import SettingsPage
from danvan_desktop.ui.settings.update_box import UpdateBox
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.updates.switch import FAILED, INSTALLED, SwitchOutcome
from danvan_desktop.updates.switch_files import write_json

from .helpers import WAIT_MS
from .sync_support import make_scheduler

INSTALLED_TEXT = (
    "Đã cập nhật Dân vận khéo lên bản 1.1.0. Dữ liệu của tổ đã được sao lưu trước khi cập nhật."
)
FAILED_TEXT = (
    "Chưa cài được bản 1.1.0: bản mới không qua bước tự kiểm tra (LỖI bảng meeting hỏng). "
    "Bản 1.0.0 vẫn được dùng, dữ liệu của tổ không thay đổi."
)


def _outcome(data_dir: Path, status: str, reason: str = "") -> None:
    outcome = SwitchOutcome(status, "1.1.0", "1.0.0", reason, "", "2026-12-01T00:00:00+00:00")
    write_json(data_dir / "updates" / "switch-outcome.json", outcome.__dict__)


def _box(qtbot: QtBot, runner: TaskRunner) -> UpdateBox:
    box = UpdateBox(runner)
    qtbot.addWidget(box)
    box.show()
    box.refresh()
    qtbot.waitUntil(lambda: bool(box.message.text()), timeout=WAIT_MS)
    return box


def test_the_update_box_tells_an_installed_version(
    qtbot: QtBot, team_dir: Path, open_runner: TaskRunner
) -> None:
    """The last switch installed 1.1.0: the «Cập nhật» box says so."""
    _outcome(team_dir, INSTALLED)
    assert _box(qtbot, open_runner).message.text() == INSTALLED_TEXT


def test_the_update_box_tells_a_failed_install_and_why(
    qtbot: QtBot, team_dir: Path, open_runner: TaskRunner
) -> None:
    """The last switch failed its self-test: the box names the version and the reason."""
    reason = "bản mới không qua bước tự kiểm tra (LỖI bảng meeting hỏng)"
    _outcome(team_dir, FAILED, reason)
    assert _box(qtbot, open_runner).message.text() == FAILED_TEXT


def test_the_sync_page_tells_the_last_update(
    qtbot: QtBot, team_dir: Path, open_runner: TaskRunner, bus: EventBus
) -> None:
    """The Đồng bộ page shows the last switch's outcome under its title."""
    _outcome(team_dir, INSTALLED)
    scheduler = make_scheduler(open_runner, bus)
    page = SyncPage(open_runner, bus, scheduler)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)
    assert (page.update_outcome.isVisible(), page.update_outcome.text()) == (True, INSTALLED_TEXT)
    scheduler.stop()


def test_the_sync_page_is_quiet_without_an_update(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """No switch ever ran: the Đồng bộ page shows no update line."""
    scheduler = make_scheduler(open_runner, bus)
    page = SyncPage(open_runner, bus, scheduler)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)
    assert page.update_outcome.isVisible() is False
    scheduler.stop()


def test_install_now_restarts_after_the_window_closed(
    qtbot: QtBot, start_app: Any, team_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Cài ngay»: the window closes and the store is closed before the program execs."""
    app: AppController = start_app(team_dir, start_page="settings")
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    assert app.window is not None
    window = app.window
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    seen: list[tuple[str, list[str], bool, bool]] = []

    def exec_(program: str, args: list[str]) -> None:  # stands in for the process's end
        seen.append((program, list(args), window.isVisible(), app.runner.session_open))

    monkeypatch.setattr(os, "execv", exec_)
    page.update_box.restart_requested.emit("1.1.0")
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert seen == [(sys.executable, [sys.executable, *sys.orig_argv[1:]], False, False)]
