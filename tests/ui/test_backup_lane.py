"""The window's automatic backup runs on a lane of its own (issue 22: 19.6 s on a city's
store): the pages' reads and the writer go on while it runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from danvan_desktop.store import backup
from danvan_desktop.ui.app_controller import AppController

from .helpers import WAIT_MS


class _SlowBackup:
    """``store.backup.make_backup`` held at its start until the test lets it go (a real
    backup of a city's store takes 20 s; a test cannot wait that long)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.thread: str | None = None

    def __call__(self, db: Any, data_dir: Path, target_dir: Path | None = None) -> Path:
        self.thread = QThread.currentThread().objectName()
        self.started.set()
        assert self.release.wait(WAIT_MS / 1000), "the test never let the backup go"
        return _real_make_backup(db, data_dir, target_dir)


_real_make_backup = backup.make_backup


@pytest.fixture
def slow_backup(monkeypatch: pytest.MonkeyPatch) -> Iterator[_SlowBackup]:
    """A backup that blocks until released (released at the end in any case)."""
    slow = _SlowBackup()
    monkeypatch.setattr(backup, "make_backup", slow)
    yield slow
    slow.release.set()


def _started(qtbot: QtBot, start_app: Any, team_dir: Path, slow: _SlowBackup) -> AppController:
    app: AppController = start_app(team_dir, auto_backup_delay_ms=50)
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    qtbot.waitUntil(slow.started.is_set, timeout=WAIT_MS)
    return app


def test_a_page_read_completes_while_the_backup_runs(
    qtbot: QtBot, start_app: Any, team_dir: Path, slow_backup: _SlowBackup
) -> None:
    """The overview's figures are read again while the automatic backup is still running."""
    app = _started(qtbot, start_app, team_dir, slow_backup)
    got: list[Any] = []
    app.runner.read(lambda ctx: ctx.session.overview_figures(db=ctx.reader), on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT_MS)
    assert not slow_backup.release.is_set()


def test_the_db_lane_is_free_while_the_backup_runs(
    qtbot: QtBot, start_app: Any, team_dir: Path, slow_backup: _SlowBackup
) -> None:
    """A job on the DB lane (every save) finishes while the automatic backup runs."""
    app = _started(qtbot, start_app, team_dir, slow_backup)
    got: list[Any] = []
    app.runner.db(lambda ctx: ctx.session.setting("language"), on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT_MS)
    assert got == ["vi"]
    assert slow_backup.thread == "lane-backup"


def test_the_backup_made_on_its_lane_is_a_full_backup(
    qtbot: QtBot, start_app: Any, team_dir: Path, slow_backup: _SlowBackup
) -> None:
    """Let go, the automatic backup writes its zip and says so in the status bar."""
    app = _started(qtbot, start_app, team_dir, slow_backup)
    slow_backup.release.set()
    qtbot.waitUntil(lambda: bool(backup.list_backups(team_dir)), timeout=WAIT_MS)
    made = backup.list_backups(team_dir)[0]
    assert backup.read_backup(made).schema_version > 0
    assert app.window is not None
    status = app.window.statusBar()
    qtbot.waitUntil(
        lambda: status.currentMessage().startswith("Đã tự động sao lưu"), timeout=WAIT_MS
    )
