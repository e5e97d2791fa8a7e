"""The main window: its pages, the status bar, shortcuts, and pages not built yet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.main_window import MainWindow
from danvan_desktop.ui.pages.models_page import ModelsPage
from danvan_desktop.ui.pages.not_built_page import NotBuiltPage

from .helpers import WAIT_MS, call

SIDEBAR = [
    "Tổng quan",
    "Mô hình",
    "Cuộc họp",
    "Nhiệm vụ",
    "Tổ dân vận",
    "Điển hình & khen thưởng",
    "Sổ tay",
    "Báo cáo",
    "Đồng bộ",
    "Cài đặt",
]
NOT_BUILT = ["meetings", "tasks", "team", "exemplars", "handbook", "reports", "sync"]


@pytest.fixture
def app(qtbot: QtBot, start_app: Any, team_dir: Path) -> AppController:
    """The application started on a team's folder, main window up."""
    controller: AppController = start_app(team_dir)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    return controller


def _window(app: AppController) -> MainWindow:
    assert app.window is not None
    return app.window


def test_sidebar_lists_every_page_in_vietnamese(app: AppController) -> None:
    """The ten pages are in the sidebar, in order, in Vietnamese."""
    sidebar = _window(app).sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == SIDEBAR


def test_clicking_the_sidebar_changes_page(qtbot: QtBot, app: AppController) -> None:
    """Choosing «Mô hình» in the sidebar shows the model list."""
    window = _window(app)
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS) as signal:
        window.sidebar.setCurrentRow(1)
    assert signal.args == ["models"]
    assert isinstance(window.current_page(), ModelsPage)


@pytest.mark.parametrize("key", NOT_BUILT)
def test_unbuilt_pages_say_so(app: AppController, key: str) -> None:
    """Each page not built yet says plainly, in Vietnamese, that it is coming."""
    page = _window(app).show_page(key)
    assert isinstance(page, NotBuiltPage)
    assert "đang được xây dựng" in page.note.text()
    assert page.heading.text() == SIDEBAR[_window(app).page_keys().index(key)]


def test_status_bar_is_offline_and_never_synced(qtbot: QtBot, app: AppController) -> None:
    """Until sync exists the bar says: not connected, never synced, and the pending count."""
    status = _window(app).status
    assert status.online.text() == "Chưa kết nối máy chủ"
    assert status.last_sync.text() == "Đồng bộ lần cuối: chưa đồng bộ"
    qtbot.waitUntil(lambda: status.pending_count is not None, timeout=WAIT_MS)
    assert status.pending.text() == f"Thay đổi chờ đồng bộ: {status.pending_count}"


def test_pending_count_follows_saves(qtbot: QtBot, app: AppController) -> None:
    """After a model is saved the pending count goes up by one."""
    status = _window(app).status
    qtbot.waitUntil(lambda: status.pending_count is not None, timeout=WAIT_MS)
    before = status.pending_count
    call(
        qtbot,
        app.runner,
        lambda ctx: ctx.session.add_model(name="Đường hoa", field_code="other", year=2026),
    )
    app.bus.data_changed.emit({"model"})
    qtbot.waitUntil(lambda: status.pending_count == (before or 0) + 1, timeout=WAIT_MS)
    assert status.pending.text() == f"Thay đổi chờ đồng bộ: {(before or 0) + 1}"


def test_shortcuts_reach_the_model_page(qtbot: QtBot, app: AppController) -> None:
    """Ctrl+F on the model page focuses the search box; Ctrl+N opens a new form."""
    window = _window(app)
    window.show()
    window.activateWindow()
    page = window.show_page("models")
    assert isinstance(page, ModelsPage)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    QTest.keySequence(window, "Ctrl+F")
    qtbot.waitUntil(page.search.hasFocus, timeout=WAIT_MS)
    QTest.keySequence(window, "Ctrl+N")
    qtbot.waitUntil(lambda: page.form is not None, timeout=WAIT_MS)
    assert page.form is not None and page.form.model_id is None


def test_window_title_names_the_team(qtbot: QtBot, app: AppController) -> None:
    """The title says which team's data is open."""
    window = _window(app)
    qtbot.waitUntil(lambda: "—" in window.windowTitle(), timeout=WAIT_MS)
    assert window.windowTitle() == "Dân vận khéo — Tổ dân vận tổ dân phố 5"


def test_fits_a_small_laptop_screen(app: AppController) -> None:
    """The window and its pages fit 1366×768 (minus a taskbar)."""
    window = _window(app)
    for key in window.page_keys():
        window.show_page(key)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728


def test_unexpected_error_is_shown(qtbot: QtBot, app: AppController) -> None:
    """A job failing unexpectedly shows a Vietnamese message naming the log."""
    window = _window(app)
    app.runner.db(lambda ctx: 1 / 0)
    qtbot.waitUntil(lambda: window.error_box is not None, timeout=WAIT_MS)
    assert window.error_box is not None
    assert "Đã xảy ra lỗi không mong muốn (ZeroDivisionError)" in window.error_box.text()
