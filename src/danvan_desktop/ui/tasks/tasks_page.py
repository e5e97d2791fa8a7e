"""Nhiệm vụ: every task from every meeting, what is overdue, and done with one click.

Rows are read on the read lane a page at a time as the user scrolls (open tasks
first, nearest deadline first; ui/widgets/paged_records.py) and filtered by state; the
search box narrows them as you type (diacritics optional: the task's title,
owner and note, or the title of the meeting that gave it). Overdue tasks are red
and say «Quá hạn N ngày», so the mark does not rest on colour alone. Ticking
«Xong» marks a task done today; unticking opens it again. The page refreshes
whenever tasks or meetings change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.lists import RowsPage
from danvan_desktop.core.vocab import TASK_STATUSES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.page import Page
from danvan_desktop.ui.widgets.paged_records import Fetch, PagedRecordModel
from danvan_desktop.ui.widgets.record_table import Column, record_view

REFRESH_DELAY_MS = 150
SEARCH_DELAY_MS = 200
WATCHED = {"task", "meeting", "member"}
OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
DONE_TEXT = QColor("#5f6b76")
FILTERS = ("all", "open", "overdue", "done")


def status_text(row: dict[str, Any], today: dt.date) -> str:
    """The task's state in words: overdue by how long, done on which day, or in progress."""
    if row.get("overdue") and row.get("deadline"):
        days = (today - dt.date.fromisoformat(str(row["deadline"]))).days
        return tr("TasksPage", "⚠ Quá hạn {days} ngày", days=days)
    if row.get("status") == "done" and row.get("done_on"):
        return tr("TasksPage", "Đã hoàn thành {day}", day=date_text(row["done_on"]))
    return label(TASK_STATUSES, str(row.get("status") or "open"))


def row_colours(row: dict[str, Any]) -> tuple[QColor | None, QColor | None]:
    """Overdue in red on pink; done in grey."""
    if row.get("overdue"):
        return OVERDUE_TEXT, OVERDUE_BACKGROUND
    if row.get("status") == "done":
        return DONE_TEXT, None
    return None, None


def task_pages(flt: str, search: str) -> Fetch:
    """Pages of the tasks the filter and the search ask for, each row with a «done» tick."""
    status = {"open": "open", "done": "done"}.get(flt)

    def fetch(ctx: JobContext, after: tuple[Any, ...] | None, limit: int, count: bool) -> RowsPage:
        page = ctx.session.task_page(
            status=status,
            overdue_only=flt == "overdue",
            search=search,
            after=after,
            limit=limit,
            count=count,
            db=ctx.reader,
        )
        for row in page.rows:
            row["done"] = row["status"] == "done"
        return page

    return fetch


class TasksPage(Page):
    """The task follow-up page.

    Signals:
        loaded(int): the table now shows this many tasks.
        dialog_opened(object): the new-task dialog is on screen.
    """

    loaded = Signal(int)
    dialog_opened = Signal(object)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(runner, bus, parent=parent)
        self.today = dt.date.today()
        self._question: tuple[str, str] | None = None  # (filter, search) being shown
        self.dialog: QWidget | None = None
        self.model = PagedRecordModel(
            runner,
            [
                Column("done", tr("TasksPage", "Xong"), "check", True, width=6),
                Column("title", tr("TasksPage", "Nhiệm vụ"), width=0),
                Column("owner_name", tr("TasksPage", "Người phụ trách"), width=22),
                Column("deadline", tr("TasksPage", "Thời hạn"), "date", width=12),
                Column("meeting_title", tr("TasksPage", "Giao tại cuộc họp"), width=30),
                Column(
                    "status",
                    tr("TasksPage", "Tình trạng"),
                    text=lambda r: status_text(r, self.today),
                    width=22,
                ),
            ],
            self,
        )
        self.model.row_style = row_colours
        self.refresh_on(WATCHED, REFRESH_DELAY_MS)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        layout = self.column()
        self.new_button = QPushButton(tr("TasksPage", "Nhiệm vụ mới (Ctrl+N)"))
        layout.addLayout(self.title_row(tr("TasksPage", "Nhiệm vụ được giao"), self.new_button))
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            tr("TasksPage", "Tìm nhiệm vụ (Ctrl+F): việc, người phụ trách, cuộc họp")
        )
        bar.addWidget(self.search, 2)
        self.filters = QButtonGroup(self)
        for number, (code, text) in enumerate(
            zip(
                FILTERS,
                (
                    tr("TasksPage", "Tất cả"),
                    tr("TasksPage", "Đang thực hiện"),
                    tr("TasksPage", "Quá hạn"),
                    tr("TasksPage", "Đã hoàn thành"),
                ),
                strict=True,
            )
        ):
            button = QRadioButton(text)
            button.setObjectName(f"filter-{code}")
            self.filters.addButton(button, number)
            bar.addWidget(button)
        self.filters.button(0).setChecked(True)
        layout.addLayout(bar)
        self.table = record_view(self.model)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_record)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.model.page_loaded.connect(self._loaded)
        self.model.load_failed.connect(lambda e: self._say(_text(e), error=True))
        self.filters.idClicked.connect(lambda _id: self.refresh())
        self.model.edited.connect(self._ticked)

    # -- reading ----------------------------------------------------------------------
    def current_filter(self) -> str:
        """all, open, overdue or done."""
        return FILTERS[max(self.filters.checkedId(), 0)]

    def set_filter(self, code: str) -> None:
        """Choose a filter (as clicking it does)."""
        self.filters.button(FILTERS.index(code)).setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        """Read the tasks again (read lane): in place when the question is the same."""
        self._search_timer.stop()
        self.today = dt.date.today()
        question = (self.current_filter(), self.search.text().strip())
        if question == self._question:
            self.model.refresh()
        else:
            self._question = question
            self.model.load(task_pages(*question))

    def _loaded(self, page: RowsPage) -> None:
        if page.total is not None:
            self.count_label.setText(
                tr(
                    "TasksPage",
                    "{count} nhiệm vụ; {overdue} quá hạn.",
                    count=page.total,
                    overdue=page.extra.get("overdue", 0),
                )
            )
        self.loaded.emit(len(self.model.rows))

    # -- marking done -----------------------------------------------------------------
    def _ticked(self, task_id: str, key: str, value: object) -> None:
        if key != "done":
            return
        self.message.clear()

        def mark(ctx: JobContext) -> Any:
            if value:
                return ctx.session.mark_task_done(task_id)
            return ctx.session.reopen_task(task_id)

        self._runner.db(mark, on_done=self._marked, on_error=self._mark_failed, owner=self)

    def _marked(self, result: Any) -> None:
        self._bus.data_changed.emit(result.entities or {"task"})
        self._refresh_timer.start()

    def _mark_failed(self, error: BaseException) -> None:
        self._say(_text(error), error=True)
        self.refresh()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # -- shortcuts --------------------------------------------------------------------
    def new_record(self) -> None:
        """Ctrl+N: a task given outside a meeting."""
        self._runner.read(
            lambda ctx: ctx.session.team_members(db=ctx.reader),
            on_done=self._open_dialog,
            owner=self,
        )

    def _open_dialog(self, members: list[dict[str, Any]]) -> None:
        from danvan_desktop.ui.tasks.task_dialog import TaskDialog

        dialog = TaskDialog(self._runner, members, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: self._bus.data_changed.emit({"task"}))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def save(self) -> None:
        """Ctrl+S: ticks are saved as they are made; say so."""
        self._say(tr("TasksPage", "Mọi thay đổi ở trang này được lưu ngay khi đánh dấu."))

    def focus_search(self) -> None:
        """Ctrl+F: the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


def _text(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)
