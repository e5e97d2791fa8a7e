"""Failures a leader is shown land in ``logs/gui.log`` with their cause, and never with the
enrollment code or the token."""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.app import configure_logging
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.bundle_dialog import IMPORT, BundleDialog
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.task_runner import TaskRunner
from sync import conftest as sync_fixtures
from sync.conftest import Province

from .helpers import WAIT_MS, call, make_team_dir
from .sync_support import ROUND_MS, enrolled_team_dir, make_scheduler, open_store, stop_scheduler

province = sync_fixtures.province  # the real server on loopback, as in tests/sync

WRONG_CODE = "HUE-SAI-4242"


@pytest.fixture
def gui_log(tmp_path: Path) -> Iterator[Path]:
    """The application's log set up as ``danvan-desktop`` does; taken down afterwards."""
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    path = configure_logging(tmp_path / "logs-home")
    assert path is not None
    yield path
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook


def _lines(path: Path, words: str) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if words in line]


@pytest.fixture
def page(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> Iterator[Any]:
    """Open a folder and show the Đồng bộ page (its scheduler stopped at the end)."""
    made: list[Any] = []

    def make(folder: Path) -> SyncPage:
        open_store(qtbot, runner, folder)
        scheduler = make_scheduler(runner, bus)
        made.append(scheduler)
        shown = SyncPage(runner, bus, scheduler)
        qtbot.addWidget(shown)
        qtbot.waitUntil(lambda: bool(shown.data), timeout=WAIT_MS)
        return shown

    yield make
    for scheduler in made:
        stop_scheduler(qtbot, scheduler)


def test_a_refused_enrollment_and_a_bad_bundle_are_logged_with_their_cause(
    qtbot: QtBot,
    tmp_path: Path,
    province: Province,
    runner: TaskRunner,
    gui_log: Path,
    page: Any,
) -> None:
    """The server refuses the code, then a file that is no reply bundle is refused: both are in
    gui.log with the reason the leader read, and the code is not."""
    shown = page(make_team_dir(tmp_path / "laptop"))
    errors: list[object] = []
    shown.scheduler.enroll_failed.connect(errors.append)
    shown.enroll_panel.server.setText(province.server.url)
    shown.enroll_panel.code.setText(WRONG_CODE)
    shown.enroll_panel.enroll_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=ROUND_MS)
    junk = tmp_path / "goi-tra-loi.dvbundle"
    junk.write_bytes(b"not a bundle")
    dialog = BundleDialog(runner, IMPORT)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(junk))
    dialog.import_reply()
    qtbot.waitUntil(lambda: not dialog.job_running(), timeout=WAIT_MS)
    [enrollment] = _lines(gui_log, "enrollment failed")
    assert "ServerRejected: Mã đăng ký không đúng" in enrollment
    [bundle] = _lines(gui_log, "importing a reply bundle failed")
    assert f"BundleError: {dialog.status.text()}" in bundle
    assert WRONG_CODE not in gui_log.read_text(encoding="utf-8")


def test_a_failed_round_is_logged_without_the_token(
    qtbot: QtBot, tmp_path: Path, province: Province, runner: TaskRunner, gui_log: Path
) -> None:
    """A round to a server that stopped answering is logged with its cause, not the token."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    open_store(qtbot, runner, enrolled_team_dir(tmp_path / "laptop", province))
    call(qtbot, runner, lambda ctx: ctx.session.change_setting("server_url", closed))
    with pytest.raises(Exception, match="Không kết nối được"):
        call(qtbot, runner, lambda ctx: ctx.session.sync_now())
    token = call(qtbot, runner, lambda ctx: ctx.session.store.meta("sync_token"))
    [line] = _lines(gui_log, "sync round failed")
    assert "ServerUnreachable: Không kết nối được tới máy chủ của thành phố" in line
    assert "detail: cannot connect" in line
    assert token and token not in gui_log.read_text(encoding="utf-8")


def test_a_refused_restore_is_logged(
    qtbot: QtBot, tmp_path: Path, gui_log: Path, runner: TaskRunner
) -> None:
    """Restoring a file that is no backup is refused, and the reason is in the log."""
    from danvan_desktop.session.data_folder import restore_backup

    folder = make_team_dir(tmp_path / "laptop")
    junk = tmp_path / "danvan-backup-hong.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(Exception, match="Không khôi phục được"):
        restore_backup(junk, folder)
    [line] = _lines(gui_log, "restoring the backup danvan-backup-hong.zip failed")
    assert "Không khôi phục được: tệp danvan-backup-hong.zip bị hỏng" in line
