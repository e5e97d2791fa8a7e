"""Settings: language switched live, backups made, kept, listed and restored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.core.i18n import current_language
from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.settings.settings_page import SettingsPage

from .helpers import WAIT_MS, call


@pytest.fixture
def app(qtbot: QtBot, start_app: Any, team_dir: Path) -> AppController:
    """The application on a team's folder, showing Cài đặt."""
    controller: AppController = start_app(team_dir, start_page="settings")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    return controller


def _settings(qtbot: QtBot, app: AppController) -> SettingsPage:
    assert app.window is not None
    page = app.window.current_page()
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)
    return page


def _sidebar(app: AppController) -> list[str]:
    assert app.window is not None
    bar = app.window.sidebar
    return [bar.item(i).text() for i in range(bar.count())]


def test_switch_to_english_and_back(qtbot: QtBot, app: AppController) -> None:
    """Choosing English redraws the window in English at once; Tiếng Việt brings it back."""
    page = _settings(qtbot, app)
    old_window = app.window
    with qtbot.waitSignal(app.main_window_shown, timeout=WAIT_MS):
        page.language.setCurrentIndex(page.language.findData("en"))
    assert app.window is not old_window
    assert _sidebar(app)[:2] == ["Overview", "Models"]
    assert app.window is not None and app.window.current_key() == "settings"
    assert app.window.status.online.text() == "Not connected to the server"
    assert current_language() == "en"
    page = _settings(qtbot, app)
    with qtbot.waitSignal(app.main_window_shown, timeout=WAIT_MS):
        page.language.setCurrentIndex(page.language.findData("vi"))
    assert _sidebar(app)[:2] == ["Tổng quan", "Mô hình"]
    assert call(qtbot, app.runner, lambda ctx: ctx.session.setting("language")) == "vi"


def test_language_is_remembered(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """The chosen language is stored and used at the next start."""
    first: AppController = start_app(team_dir, start_page="settings")
    qtbot.waitUntil(lambda: first.window is not None, timeout=WAIT_MS)
    page = _settings(qtbot, first)
    with qtbot.waitSignal(first.main_window_shown, timeout=WAIT_MS):
        page.language.setCurrentIndex(page.language.findData("en"))
    assert call(qtbot, first.runner, lambda ctx: ctx.session.setting("language")) == "en"
    first.translations.apply("vi")
    assert first.window is not None
    first.window.close()
    second: AppController = start_app(team_dir)
    qtbot.waitUntil(lambda: second.window is not None and second.window is not first.window)
    assert _sidebar(second)[0] == "Overview"


def test_qt_buttons_speak_vietnamese(qtbot: QtBot, translations: Translations) -> None:
    """Qt's own buttons (Save, Close, Cancel) show Vietnamese from our qtbase_vi."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    texts = [b.text().replace("&", "") for b in buttons.buttons()]
    assert sorted(texts) == sorted(["Lưu", "Đóng", "Hủy"])


def test_back_up_now_lists_the_backup(qtbot: QtBot, app: AppController) -> None:
    """«Sao lưu ngay» writes a backup zip and shows it in the list."""
    page = _settings(qtbot, app)
    assert page.backups.item(0).text() == "Chưa có bản sao lưu nào."
    page.backup_button.click()
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Đã sao lưu vào" in page.backup_note.text(), timeout=WAIT_MS)
    assert page.backups.count() == 1
    assert page.backups.item(0).text().endswith(".zip")
    assert page.data_dir is not None
    assert len(list((page.data_dir / "backups").glob("danvan-backup-*.zip"))) == 1


def test_backup_keep_and_interval_are_saved(qtbot: QtBot, app: AppController) -> None:
    """Changing how many backups to keep and how often is stored."""
    page = _settings(qtbot, app)
    page.keep.setValue(5)
    page.keep.editingFinished.emit()
    page.interval.setValue(12)
    page.interval.editingFinished.emit()
    values = call(
        qtbot,
        app.runner,
        lambda ctx: (
            ctx.session.setting("backup_keep"),
            ctx.session.setting("backup_interval_hours"),
        ),
    )
    assert values == (5, 12)


def test_the_server_address_shows_here_and_leads_to_the_sync_page(
    qtbot: QtBot, app: AppController
) -> None:
    """Cài đặt shows the stored address (edited on Đồng bộ only); its button opens Đồng bộ."""
    page = _settings(qtbot, app)
    assert page.server.text() == "chưa có"
    call(
        qtbot,
        app.runner,
        lambda ctx: ctx.session.change_setting("server_url", "https://danvan.hue.gov.vn"),
    )
    app.bus.data_changed.emit({"settings"})
    qtbot.waitUntil(lambda: page.server.text() == "https://danvan.hue.gov.vn", timeout=WAIT_MS)
    page.server_button.click()
    assert app.window is not None and app.window.current_key() == "sync"


def test_restore_brings_back_the_backed_up_data(qtbot: QtBot, app: AppController) -> None:
    """Restore closes the store, puts the backup back and reopens the window."""
    backup = call(qtbot, app.runner, lambda ctx: ctx.session.make_backup())
    call(
        qtbot,
        app.runner,
        lambda ctx: ctx.session.add_model(name="Sau sao lưu", field_code="other", year=2026),
    )
    old_window = app.window
    with qtbot.waitSignal(app.main_window_shown, timeout=WAIT_MS):
        app.restore(Path(backup))
    assert app.window is not old_window
    models = call(qtbot, app.runner, lambda ctx: ctx.session.list_records("model"))
    assert models == []
    assert app.restore_message is not None
    assert app.restore_message.text() == "Đã khôi phục dữ liệu từ bản sao lưu."


def test_old_window_stops_listening_after_a_language_change(
    qtbot: QtBot, app: AppController
) -> None:
    """After switching to English, a data change reaches only the new window's widgets."""
    page = _settings(qtbot, app)
    old_window = app.window
    assert old_window is not None
    old_window.show_page("sync")  # built, so its page listens to the bus too
    old_window.show_page("settings")
    gone: list[bool] = []
    old_window.destroyed.connect(lambda: gone.append(True))
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)
    assert app.window is not None
    new_status = app.window.status
    with qtbot.waitSignal(app.bus.data_changed, timeout=WAIT_MS):
        app.bus.data_changed.emit({"model"})
    qtbot.wait(400)  # past the status bar's and the sync page's debounce
    assert new_status.pending.text().startswith("Changes waiting to sync: ")


def test_an_automatic_backup_shows_in_the_list(
    qtbot: QtBot, start_app: Any, team_dir: Path
) -> None:
    """The start-up backup, made while Cài đặt is open, appears without a restart."""
    app: AppController = start_app(team_dir, start_page="settings", auto_backup_delay_ms=300)
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    page = _settings(qtbot, app)
    qtbot.waitUntil(lambda: page.backups.item(0).text().endswith(".zip"), timeout=WAIT_MS)
    assert page.restore_button.isEnabled()


def test_a_backup_made_elsewhere_shows_when_the_page_is_shown_again(
    qtbot: QtBot, app: AppController
) -> None:
    """A backup file that appeared meanwhile is listed when the user comes back to Cài đặt."""
    page = _settings(qtbot, app)
    assert app.window is not None
    assert page.backups.item(0).text() == "Chưa có bản sao lưu nào."
    app.window.show_page("overview")
    made = call(qtbot, app.runner, lambda ctx: ctx.session.make_backup())
    copied = made.with_name(made.name.replace(".zip", "-chep-tu-usb.zip"))
    copied.write_bytes(made.read_bytes())
    app.window.show_page("settings")
    qtbot.waitUntil(lambda: page.backups.count() == 2, timeout=WAIT_MS)
    names = {page.backups.item(i).text().rsplit(" — ", 1)[-1] for i in range(2)}
    assert names == {made.name, copied.name}
