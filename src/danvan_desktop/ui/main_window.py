"""The main window: a sidebar of pages, the current page, and the status bar.

Pages are made on first visit (a quick start, and pages not visited cost
nothing). Ctrl+N, Ctrl+S and Ctrl+F go to the current page when it offers
``new_record``, ``save`` or ``focus_search``. Errors from background jobs that
nobody handled are shown here, in the user's language.

What the first screen does not need waits for its first paint (``after_first_paint``):
the team's name in the title, the pending count and the reminders in the status
bar, the shortcut actions, the sidebar's scroll-bar policy and, from the controller,
the sync scheduler. Their reads would otherwise load sqlite-utils on a lane while the
GUI thread builds the window, and both need the interpreter lock. The scroll-bar
policy is one of Qt's own enums, which PySide builds all at once on first use
(~11 ms): the window reaches them through ``QtCore.Qt`` at call time. A start
page that says when it has painted its rows (``first_page_painted``: the model list,
the overview) is waited for, at most ``FIRST_PAINT_WAIT_MS`` or until another page is
shown; any other page for one turn of the event loop.

A page's first visit would load its modules in the click (tens of ms on the GUI thread:
Python's imports and the enums PySide builds for the Qt classes they name). Once the
start page has painted, ``warm_up`` loads the modules it is given on the GUI thread
(never on a lane: PySide must not import on a worker thread), one per idle turn,
``WARM_UP_GAP_MS`` apart, so no turn holds the window longer than one module's import.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.page_list import PageSpec
from danvan_desktop.ui.regulation.due_reminder import DueReminder
from danvan_desktop.ui.status_bar import StatusBar
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

SIDEBAR_MIN_CHARS = 16
SIDEBAR_STYLE = """
QListWidget#sidebar { border: none; background: #eef2f6; outline: 0; }
QListWidget#sidebar::item { padding: 7px 12px; border-radius: 4px; color: #1f2933; }
QListWidget#sidebar::item:selected { background: #2f6f9f; color: white; }
QListWidget#sidebar::item:hover:!selected { background: #dde6ee; }
"""
DEFAULT_SIZE = (1280, 720)
FIRST_PAINT_WAIT_MS = 3000
WARM_UP_DELAY_MS = 800  # after the first paint: the start page's own answers come first
WARM_UP_GAP_MS = 25  # between two modules: the window answers in between

log = logging.getLogger(__name__)


def team_name(ctx: JobContext) -> str:
    """The team's name, for the window title (DB lane)."""
    session = ctx.session
    return str(session.get_record("team", session.team_id)["name"])


class MainWindow(QMainWindow):
    """The application window.

    Signals:
        page_shown(str): the key of the page now shown.
        closing(): the user closed the window.
        first_painted(): the start page has painted; deferred work has begun.
        warmed_up(): ``warm_up`` has loaded every module it was given.
    """

    page_shown = Signal(str)
    closing = Signal()
    first_painted = Signal()
    warmed_up = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        pages: list[PageSpec],
        *,
        start_page: str = "overview",
        log_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._specs = pages
        self._log_path = log_path
        self.pages: dict[str, QWidget] = {}
        self.error_box: QMessageBox | None = None
        self._after_paint: list[Callable[[], None]] | None = []  # None once painted
        self._to_warm: list[str] = []  # modules ``warm_up`` still has to load
        self._warm_timer = QTimer(self, singleShot=True)
        self._warm_timer.timeout.connect(self._warm_next)
        self.setWindowTitle(tr("MainWindow", "Dân vận khéo"))
        self._build(bus)
        runner.failed.connect(self.show_error)
        known = any(p.key == start_page for p in pages)
        first = self.show_page(start_page if known else pages[0].key)
        self._fit_screen()
        self.after_first_paint(self._add_shortcuts)  # nobody presses keys before it
        self.after_first_paint(self._no_sideways_scrolling)  # (Qt's enums: after the paint)
        self.after_first_paint(self._read_team_name)
        self.after_first_paint(self.status.refresh_pending)
        self.after_first_paint(self.due_reminder.refresh)
        self._wait_for_first_paint(first)

    def _build(self, bus: EventBus) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.sidebar.setFont(font)
        self.sidebar.setSpacing(1)
        for spec in self._specs:
            self.sidebar.addItem(spec.title)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(spec.title) for spec in self._specs)
        self.sidebar.setFixedWidth(max(widest + 48, metrics.averageCharWidth() * SIDEBAR_MIN_CHARS))
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self._runner, bus, refresh_now=False)
        self.setStatusBar(self.status)
        # Meetings and reviews the regulation asks for, near or late (hidden otherwise).
        self.due_reminder = DueReminder(self._runner, bus, refresh_now=False)
        self.status.addWidget(self.due_reminder, 1)
        self.sidebar.currentRowChanged.connect(lambda row: self.show_page(self._specs[row].key))
        bus.page_requested.connect(self.show_page)  # bound: dies with a rebuilt window
        bus.record_requested.connect(self.open_record)

    def _no_sideways_scrolling(self) -> None:
        # The sidebar is as wide as its longest title: it never needs a sideways bar.
        self.sidebar.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _add_shortcuts(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        for keys, method in (
            (QKeySequence.StandardKey.New, "new_record"),
            (QKeySequence.StandardKey.Save, "save"),
            (QKeySequence.StandardKey.Find, "focus_search"),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.triggered.connect(lambda _checked=False, m=method: self._to_page(m))
            self.addAction(action)

    def _fit_screen(self) -> None:
        width, height = DEFAULT_SIZE
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width()), min(height, area.height())
        self.resize(width, height)

    def _to_page(self, method: str) -> None:
        page = self.current_page()
        action = getattr(page, method, None)
        if callable(action):
            action()

    # -- after the first paint --------------------------------------------------------
    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the start page has painted (now, if it has)."""
        if self._after_paint is None:
            work()
        else:
            self._after_paint.append(work)

    def _wait_for_first_paint(self, page: QWidget) -> None:
        painted = getattr(page, "first_page_painted", None)
        self._paint_wait = QTimer(self, singleShot=True)
        self._paint_wait.timeout.connect(self._first_paint_done)
        self._after_paint_turn = QTimer(self, singleShot=True, interval=0)
        self._after_paint_turn.timeout.connect(self._run_after_paint)
        if painted is None:
            self._paint_wait.start(0)
        else:
            painted.connect(self._first_paint_done)
            self._paint_wait.start(FIRST_PAINT_WAIT_MS)
            # Another page shown first: the start page may never paint; wait no more.
            self.page_shown.connect(self._first_paint_done)

    def _first_paint_done(self, *_shown: object) -> None:
        # The deferred work runs on the next turn of the event loop, so that whoever
        # waits for the paint (the start-up measurement) hears of it first.
        self._paint_wait.stop()
        if self._after_paint is not None and not self._after_paint_turn.isActive():
            self._after_paint_turn.start()

    def _run_after_paint(self) -> None:
        if self._after_paint is None:
            return
        work, self._after_paint = self._after_paint, None
        for item in work:
            item()
        self.first_painted.emit()

    def warm_up(self, modules: Sequence[str]) -> None:
        """Load ``modules`` (in order) after the first paint, one per idle turn."""
        self._to_warm.extend(modules)
        self.after_first_paint(lambda: self._warm_timer.start(WARM_UP_DELAY_MS))

    def modules_to_warm(self) -> list[str]:
        """The modules ``warm_up`` has not loaded yet."""
        return list(self._to_warm)

    def _warm_next(self) -> None:
        if not self._to_warm:
            return
        name = self._to_warm.pop(0)
        try:
            importlib.import_module(name)
        except ImportError:  # a page that cannot load says so when visited
            log.warning("could not load %s ahead of its page", name, exc_info=True)
        if self._to_warm:
            self._warm_timer.start(WARM_UP_GAP_MS)
        else:
            self.warmed_up.emit()

    def _read_team_name(self) -> None:
        self._runner.db(team_name, on_done=self._show_team, owner=self)

    def _show_team(self, name: str | None) -> None:
        if name:
            self.setWindowTitle(tr("MainWindow", "Dân vận khéo — {team}", team=name))

    # -- pages ------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        """The sidebar's pages, in order."""
        return [spec.key for spec in self._specs]

    def page(self, key: str) -> QWidget:
        """The page called ``key``, made now if it was never shown."""
        if key not in self.pages:
            spec = next(s for s in self._specs if s.key == key)
            widget = spec.make()
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        """Show the page called ``key`` and select it in the sidebar."""
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = self.page_keys().index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        self.page_shown.emit(key)
        return widget

    def open_record(self, key: str, record_id: str) -> QWidget:
        """Show the page called ``key`` and open ``record_id`` there (when it opens records)."""
        widget = self.show_page(key)
        opener = getattr(widget, "open_record", None)
        if callable(opener):
            opener(record_id)
        return widget

    def current_key(self) -> str:
        """The key of the page shown."""
        for key, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return key
        return self._specs[0].key

    def current_page(self) -> QWidget | None:
        """The page shown."""
        return self.stack.currentWidget()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Tell the controller; it decides whether the application ends."""
        self.closing.emit()
        super().closeEvent(event)

    # -- errors -----------------------------------------------------------------------
    def show_error(self, error: object) -> None:
        """Tell the user about a job that failed and that nobody else reported."""
        if isinstance(error, DanvanError):
            text = error.message
        else:
            text = tr(
                "MainWindow",
                "Đã xảy ra lỗi không mong muốn ({error}). Dữ liệu đã lưu không bị ảnh hưởng; "
                "chi tiết được ghi vào {log}.",
                error=type(error).__name__,
                log=self._log_path or tr("MainWindow", "nhật ký của ứng dụng"),
            )
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, tr("MainWindow", "Có lỗi"), text, parent=self)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()
