"""The city's server address has one stored value and one place to type it: the Đồng bộ
page's «Máy chủ của thành phố» box; Cài đặt shows the same value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.settings.settings_page import SettingsPage
from danvan_desktop.ui.sync.sync_page import SyncPage

from .helpers import WAIT_MS, call
from .sync_support import ROUND_MS

NEW_ADDRESS = "https://danvan-moi.hue.gov.vn"


@pytest.fixture
def app(qtbot: QtBot, start_app: Any, team_dir: Path) -> AppController:
    """The application on a team's folder, showing Đồng bộ."""
    controller: AppController = start_app(team_dir, start_page="sync", watch_network=False)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    return controller


def _sync_page(qtbot: QtBot, app: AppController) -> SyncPage:
    assert app.window is not None
    page = app.window.page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)
    return page


def _stored(qtbot: QtBot, app: AppController) -> Any:
    return call(qtbot, app.runner, lambda ctx: ctx.session.setting("server_url"))


def _stop(qtbot: QtBot, app: AppController) -> None:
    assert app.window is not None
    app.window.close()
    qtbot.waitUntil(lambda: not app.sync.running, timeout=ROUND_MS)


def test_a_plain_http_address_is_refused_beside_the_field(qtbot: QtBot, app: AppController) -> None:
    """«Lưu địa chỉ» with http:// says why beside the address and stores nothing."""
    panel = _sync_page(qtbot, app).enroll_panel
    panel.server.setText("http://may-chu")
    panel.save_server_button.click()
    assert panel.server_error.text() == (
        "Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại."
    )
    assert _stored(qtbot, app) is None
    _stop(qtbot, app)


def test_an_address_saved_on_the_sync_page_shows_in_settings(
    qtbot: QtBot, app: AppController
) -> None:
    """A moved server's address is stored from Đồng bộ, and Cài đặt shows it at once."""
    assert app.window is not None
    settings = app.window.page("settings")
    assert isinstance(settings, SettingsPage)
    qtbot.waitUntil(settings.isEnabled, timeout=WAIT_MS)
    panel = _sync_page(qtbot, app).enroll_panel
    panel.server.setText(NEW_ADDRESS)
    panel.save_server_button.click()
    qtbot.waitUntil(lambda: settings.server.text() == NEW_ADDRESS, timeout=WAIT_MS)
    assert _stored(qtbot, app) == NEW_ADDRESS
    assert not panel.server_error.isVisible()
    _stop(qtbot, app)


def test_the_address_field_follows_the_stored_address(qtbot: QtBot, app: AppController) -> None:
    """An address stored meanwhile (the wizard's, a saved one) replaces the one shown."""
    page = _sync_page(qtbot, app)
    call(
        qtbot,
        app.runner,
        lambda ctx: ctx.session.change_setting("server_url", "https://danvan.hue.gov.vn"),
    )
    app.bus.data_changed.emit({"settings"})
    qtbot.waitUntil(
        lambda: page.enroll_panel.server.text() == "https://danvan.hue.gov.vn", timeout=WAIT_MS
    )
    call(qtbot, app.runner, lambda ctx: ctx.session.change_setting("server_url", NEW_ADDRESS))
    app.bus.data_changed.emit({"settings"})
    qtbot.waitUntil(lambda: page.enroll_panel.server.text() == NEW_ADDRESS, timeout=WAIT_MS)
    _stop(qtbot, app)


def test_an_address_being_typed_is_not_replaced(qtbot: QtBot, app: AppController) -> None:
    """What the leader is typing stays when the page reads the store again."""
    page = _sync_page(qtbot, app)
    page.enroll_panel.server.setText("https://dang-go")
    call(qtbot, app.runner, lambda ctx: ctx.session.change_setting("server_url", NEW_ADDRESS))
    app.bus.data_changed.emit({"settings"})
    qtbot.waitUntil(lambda: page.enroll_panel.stored_server == NEW_ADDRESS, timeout=WAIT_MS)
    assert page.enroll_panel.server.text() == "https://dang-go"
    _stop(qtbot, app)
