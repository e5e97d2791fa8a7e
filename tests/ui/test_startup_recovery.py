"""Start after trouble: an unclean shutdown is checked; a damaged store offers a way out."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.store.database import OPEN_MARKER, STORE_FILE
from danvan_desktop.store.store_health import mark_damaged
from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.recovery_dialog import RecoveryDialog

from .helpers import WAIT_MS, call


def _backup(data_dir: Path) -> Path:
    session = Session.open(data_dir)
    try:
        return session.make_backup()
    finally:
        session.close()


def _break_an_index(data_dir: Path) -> None:
    """Add a model row behind the back of one index, so integrity_check fails."""
    conn = sqlite3.connect(data_dir / STORE_FILE)
    conn.execute("PRAGMA writable_schema = ON")
    row = conn.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
        "WHERE name = 'idx_model_year'"
    ).fetchone()
    conn.execute("DELETE FROM sqlite_master WHERE name = 'idx_model_year'")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(data_dir / STORE_FILE)
    conn.execute(
        "INSERT INTO model (id, name, year, deleted, dirty) VALUES ('x', 'Hỏng', 2026, 0, 0)"
    )
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", row)
    conn.commit()
    conn.close()
    (data_dir / OPEN_MARKER).write_text("12345", encoding="ascii")  # as a killed run leaves


def _recovery(qtbot: QtBot, controller: AppController) -> RecoveryDialog:
    qtbot.waitUntil(lambda: controller.recovery is not None, timeout=WAIT_MS)
    assert controller.recovery is not None
    return controller.recovery


def test_unclean_shutdown_runs_the_full_check(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """The marker of a killed run leads to integrity_check, then the window opens."""
    (team_dir / OPEN_MARKER).write_text("12345", encoding="ascii")
    controller: AppController = start_app(team_dir)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    assert controller.check_report is not None
    assert controller.check_report.full and controller.check_report.ok


def test_clean_start_skips_the_full_check(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """Without the marker no full check runs."""
    controller: AppController = start_app(team_dir)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    assert controller.check_report is None


def test_failed_check_offers_restore(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """A damaged store after a crash shows what is wrong and restores the chosen backup."""
    backup = _backup(team_dir)
    _break_an_index(team_dir)
    controller: AppController = start_app(team_dir)
    dialog = _recovery(qtbot, controller)
    assert dialog.windowTitle() == "Dân vận khéo — kiểm tra dữ liệu"
    assert dialog.backups.count() == 1 and backup.name in dialog.backups.item(0).text()
    assert dialog.restore_button.isEnabled() and dialog.continue_button.isVisibleTo(dialog)
    assert not controller.check_report.ok
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    report = call(qtbot, controller.runner, lambda ctx: ctx.session.check(full=True))
    assert report.ok
    names = call(qtbot, controller.runner, lambda ctx: ctx.session.list_records("model"))
    assert names == []


def test_failed_check_can_be_ignored(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """«Vẫn mở dữ liệu hiện tại» opens the window on the data as it is."""
    _break_an_index(team_dir)
    controller: AppController = start_app(team_dir)
    dialog = _recovery(qtbot, controller)
    assert not dialog.restore_button.isEnabled()  # no backup yet
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)


def test_unreadable_store_offers_restore_or_quit(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """A store file that is not a database: a clear message, and quitting ends the app."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / STORE_FILE).write_bytes(b"this is not a database" * 100)
    controller: AppController = start_app(data_dir)
    dialog = _recovery(qtbot, controller)
    assert not dialog.continue_button.isVisibleTo(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Không mở được dữ liệu" in texts
    assert "bị hỏng hoặc không phải dữ liệu của ứng dụng" in texts
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        dialog.quit_button.click()
    assert controller.window is None


def test_a_store_a_check_found_damaged_opens_recovery(
    qtbot: QtBot, start_app: Any, team_dir: Path
) -> None:
    """A store marked damaged by an earlier check is not opened for writing: restore or quit."""
    backup = _backup(team_dir)
    mark_damaged(team_dir / STORE_FILE, "database disk image is malformed", full=True)
    controller: AppController = start_app(team_dir)
    dialog = _recovery(qtbot, controller)
    assert controller.window is None
    assert not dialog.continue_button.isVisibleTo(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Lần kiểm tra trước thấy dữ liệu có lỗi" in texts
    assert "database disk image is malformed" in texts
    assert dialog.backups.count() == 1 and backup.name in dialog.backups.item(0).text()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
