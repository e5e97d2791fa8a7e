"""The main window: its pages, the status bar, shortcuts, and pages not built yet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.main_window import MainWindow
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.models.models_page import ModelsPage
from danvan_desktop.ui.reports.reports_page import ReportsPage
from danvan_desktop.ui.tasks.tasks_page import TasksPage
from danvan_desktop.ui.team.team_page import TeamPage

from .helpers import WAIT_MS, call

SIDEBAR = [
    "Tổng quan",
    "Mô hình",
    "Mạng lưới",
    "Cuộc họp",
    "Nhiệm vụ",
    "Kiến nghị",
    "Hòa giải",
    "Tổ dân vận",
    "Quy chế",
    "Điển hình & khen thưởng",
    "Sổ tay",
    "Báo cáo",
    "Đồng bộ",
    "Cài đặt",
]


@pytest.fixture
def app(qtbot: QtBot, start_app: Any, team_dir: Path) -> AppController:
    """The application started on a team's folder, main window up."""
    controller: AppController = start_app(team_dir)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    return controller


def _window(app: AppController) -> MainWindow:
    assert app.window is not None
    return app.window


def _shortcuts_ready(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the work after the first paint (the shortcut actions are added there)."""
    ran: list[bool] = []
    window.after_first_paint(lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran), timeout=WAIT_MS)


def test_sidebar_lists_every_page_in_vietnamese(app: AppController) -> None:
    """Every page is in the sidebar, in order, in Vietnamese."""
    sidebar = _window(app).sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == SIDEBAR


def test_clicking_the_sidebar_changes_page(qtbot: QtBot, app: AppController) -> None:
    """Choosing «Mô hình» in the sidebar shows the model list."""
    window = _window(app)
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS) as signal:
        window.sidebar.setCurrentRow(1)
    assert signal.args == ["models"]
    assert isinstance(window.current_page(), ModelsPage)


def test_every_page_opens(app: AppController) -> None:
    """Every page of the sidebar opens as a real page of its own."""
    window = _window(app)
    kinds = {type(window.show_page(key)).__name__ for key in window.page_keys()}
    assert len(kinds) == len(SIDEBAR)


def test_reports_page_is_built(qtbot: QtBot, app: AppController) -> None:
    """«Báo cáo» is the real page: its documents listed (after its first paint, issue 22),
    the periodic report chosen."""
    page = _window(app).show_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(page.kinds_loaded, timeout=WAIT_MS)
    assert page.current_kind() == "periodic_report"


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
    _shortcuts_ready(qtbot, window)
    QTest.keySequence(window, "Ctrl+F")
    qtbot.waitUntil(page.search.hasFocus, timeout=WAIT_MS)
    QTest.keySequence(window, "Ctrl+N")
    qtbot.waitUntil(lambda: page.form is not None, timeout=WAIT_MS)
    assert page.form is not None and page.form.model_id is None


@pytest.mark.parametrize(
    ("key", "kind"), [("meetings", MeetingsPage), ("tasks", TasksPage), ("team", TeamPage)]
)
def test_meetings_tasks_and_team_pages_are_built(app: AppController, key: str, kind: type) -> None:
    """The meetings, tasks and team pages are the real ones, not placeholders."""
    assert isinstance(_window(app).show_page(key), kind)


@pytest.mark.parametrize("key", ["meetings", "tasks", "team"])
def test_shortcuts_reach_the_meetings_tasks_and_team_pages(
    qtbot: QtBot, app: AppController, key: str
) -> None:
    """Ctrl+F focuses the page's search box; Ctrl+N opens its «new» dialog."""
    window = _window(app)
    window.show()
    window.activateWindow()
    page: Any = window.show_page(key)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    _shortcuts_ready(qtbot, window)
    QTest.keySequence(window, "Ctrl+F")
    qtbot.waitUntil(page.search.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        QTest.keySequence(window, "Ctrl+N")
    opened.args[0].close()


def test_ctrl_s_saves_the_minutes_being_typed(qtbot: QtBot, app: AppController) -> None:
    """On the minutes editor, Ctrl+S writes the proceedings into the meeting record."""
    import datetime as dt

    window = _window(app)
    window.show()
    window.activateWindow()
    meeting_id = call(
        qtbot,
        app.runner,
        lambda ctx: (
            ctx.session.create_meeting(
                kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0)
            ).record_id
        ),
    )
    page: Any = window.show_page("meetings")
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        page.open_meeting(meeting_id)
    page.editor.header.content.setPlainText("Khai mạc")
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    _shortcuts_ready(qtbot, window)
    with qtbot.waitSignal(page.editor.committed, timeout=WAIT_MS):
        QTest.keySequence(window, "Ctrl+S")
    record = call(qtbot, app.runner, lambda ctx: ctx.session.get_record("meeting", meeting_id))
    assert record["content"] == "Khai mạc"


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
