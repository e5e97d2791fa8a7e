"""Đồng bộ qua USB driven as a user would: write a bundle, import the reply from the
city's server."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.bundle_dialog import IMPORT, WRITE, BundleDialog
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from sync import conftest as sync_fixtures
from sync.conftest import Province

from .helpers import WAIT_MS, call, make_team_dir, type_text
from .sync_support import enrolled_team_dir, open_store

province = sync_fixtures.province  # the real server on loopback, as in tests/sync


def _add_model(session: Session) -> None:
    session.add_model(name="Thắp sáng đường quê", field_code="new_rural", year=2026)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def _dialog(qtbot: QtBot, runner: TaskRunner, mode: str, stick: Path | None = None) -> BundleDialog:
    dialog = BundleDialog(runner, mode, list_volumes=list)
    qtbot.addWidget(dialog)
    if stick is not None:
        dialog.choose_folder = lambda: stick  # type: ignore[method-assign]
    dialog.show()
    if dialog.places is not None:
        qtbot.waitUntil(
            lambda: dialog.places is not None and dialog.places.refresh_button.isEnabled(),
            timeout=WAIT_MS,
        )
    return dialog


def _outcome(qtbot: QtBot, dialog: BundleDialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.action_button.isEnabled() and not dialog.progress.isVisible(),
        timeout=WAIT_MS,
    )


def _province_import(province: Province, bundle: Path, passphrase: str | None) -> Path:
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        files = AttachmentStore(engine, admin.attachments_dir(engine), 10**8)
        imported = bundles.import_bundle(engine, files, bundle.read_bytes(), passphrase=passphrase)
        reply = bundles.make_reply(engine, imported.device_id, passphrase=passphrase)
    finally:
        engine.dispose()
    path = bundle.parent / reply.file_name
    path.write_bytes(reply.data)
    return path


def test_a_bundle_goes_to_the_stick_and_the_reply_comes_back(
    qtbot: QtBot, runner: TaskRunner, province: Province, tmp_path: Path, stick: Path
) -> None:
    """Write with a passphrase typed twice, import the reply with it: the queue empties."""
    open_store(qtbot, runner, enrolled_team_dir(tmp_path / "team", province, fill=_add_model))
    dialog = _dialog(qtbot, runner, WRITE, stick)
    assert dialog.places is not None
    dialog.places.folder_button.click()
    type_text(dialog.passphrase, "mật khẩu tổ 5")
    type_text(dialog.repeat, "mật khẩu tổ 4")
    dialog.action_button.click()
    assert dialog.passphrase_error.isVisible()
    assert dialog.passphrase_error.text().startswith("Hai lần nhập mật khẩu không giống nhau")
    dialog.repeat.setText("mật khẩu tổ 5")
    dialog.action_button.click()
    _outcome(qtbot, dialog)
    assert dialog.status.text().startswith("Đã ghi gói dongbo-")
    [written] = list(stick.glob("*.dvbundle"))

    reply = _province_import(province, written, "mật khẩu tổ 5")
    importing = _dialog(qtbot, runner, IMPORT)
    importing.choose_file = lambda: reply  # type: ignore[method-assign]
    importing.choose_button.click()
    assert importing.file.text() == str(reply)
    importing.passphrase.setText("sai")
    importing.action_button.click()
    _outcome(qtbot, importing)
    assert importing.passphrase_error.isVisible()
    assert "Mật khẩu của gói không đúng" in importing.passphrase_error.text()
    importing.passphrase.setText("mật khẩu tổ 5")
    importing.action_button.click()
    _outcome(qtbot, importing)
    assert importing.status.text().startswith("Đã nhập gói trả lời: máy chủ xác nhận")
    assert call(qtbot, runner, lambda ctx: ctx.session.pending_count()) == 0


def test_closing_while_writing_stops_the_write_and_leaves_the_stick_clean(
    qtbot: QtBot, runner: TaskRunner, province: Province, tmp_path: Path, stick: Path
) -> None:
    """Esc or the window's close button during a write asks it to stop; the dialog stays
    until it has, and nothing is left on the stick."""
    open_store(qtbot, runner, enrolled_team_dir(tmp_path / "team", province, fill=_add_model))
    dialog = _dialog(qtbot, runner, WRITE, stick)
    assert dialog.places is not None
    dialog.places.folder_button.click()
    waiting = call(qtbot, runner, lambda ctx: ctx.session.pending_count())
    release = threading.Event()
    runner.db(lambda ctx: release.wait(WAIT_MS / 1000))  # the write waits behind this
    dialog.action_button.click()
    assert not dialog.close_button.isEnabled()
    dialog.close()
    assert dialog.isVisible()
    dialog.reject()
    assert dialog.isVisible()
    release.set()
    _outcome(qtbot, dialog)
    assert dialog.status.text() == "Đã dừng: không có gì được ghi ra USB."
    assert list(stick.iterdir()) == []
    assert call(qtbot, runner, lambda ctx: ctx.session.pending_count()) == waiting > 0
    dialog.close()
    assert not dialog.isVisible()


def test_a_laptop_not_enrolled_is_told_how_to_start(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, stick: Path
) -> None:
    """The message names enrollment as the fix and the stick stays empty."""
    open_store(qtbot, runner, make_team_dir(tmp_path / "team"))
    dialog = _dialog(qtbot, runner, WRITE, stick)
    assert dialog.places is not None
    dialog.places.folder_button.click()
    dialog.action_button.click()
    _outcome(qtbot, dialog)
    assert "chưa đăng ký với máy chủ của thành phố" in dialog.status.text()
    assert list(stick.iterdir()) == []


def test_the_sync_page_opens_both_dialogs(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """«Ghi gói ra USB…» and «Nhập gói trả lời…» open the dialog in the right mode."""
    open_store(qtbot, runner, make_team_dir(tmp_path / "team"))
    page = SyncPage(runner, bus)
    qtbot.addWidget(page)
    opened: list[Any] = []
    original = page.open_bundle_dialog

    def spy(mode: str) -> BundleDialog:
        dialog = original(mode)
        opened.append(dialog)
        return dialog

    page.open_bundle_dialog = spy  # type: ignore[method-assign]
    page.bundle_write_button.click()
    page.bundle_import_button.click()
    assert [d.mode for d in opened] == [WRITE, IMPORT]
    assert opened[0].windowTitle() == "Ghi gói đồng bộ ra USB"
    for dialog in opened:
        qtbot.waitUntil(lambda d=dialog: d.close_button.isEnabled(), timeout=WAIT_MS)
        dialog.close()
