"""The frame the Kiến nghị and Hòa giải pages share: a filtered list, a search, one form
per record.

The list is read on the read lane a page at a time as the user scrolls
(ui/widgets/paged_records.py), newest first, kept to one state by the radio buttons
above it; what is typed in the search box (diacritics optional) is looked up in the
store's search index on the DB lane and the hits are listed in one go. A record opens
in its form by a double-click, Enter, «Sửa…» or from another page
(``open_record``, the event bus's ``record_requested``): one form per record, the one
already open brought to the front. Removing asks first. The page refreshes a moment
after its records (or what they show) change. Each page says what it lists
(``columns``, ``FILTERS``), how it reads (``fetch``, ``search_rows``, ``read_sheet``)
and which form it opens (``make_dialog``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.lists import RowsPage
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.one_editor import EditorRegistry
from danvan_desktop.ui.widgets.page import Page
from danvan_desktop.ui.widgets.paged_records import Fetch, PagedRecordModel
from danvan_desktop.ui.widgets.record_table import Column, record_view

REFRESH_DELAY_MS = 150
SEARCH_DELAY_MS = 200


def error_text(error: BaseException) -> str:
    """What to tell the user about ``error``."""
    return error.message if isinstance(error, DanvanError) else repr(error)


def page_of(rows: list[dict[str, Any]], limit: int, total: int | None, **extra: Any) -> RowsPage:
    """A keyset page of ``rows`` read with ``limit`` (each row has its ``page_key``)."""
    after = rows[-1]["page_key"] if len(rows) >= limit and rows else None
    return RowsPage(rows, after, total, extra)


class CommunityListPage(Page):
    """A list of records of one kind with filters, a search and one form per record.

    Signals:
        loaded(int): the list now shows this many records.
        dialog_opened(object): a record's form is on screen.
    """

    loaded = Signal(int)
    dialog_opened = Signal(object)

    FILTERS: tuple[str, ...] = ("all",)
    WATCHED: frozenset[str] = frozenset()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, bus, clock=clock, parent=parent)
        self._question: tuple[str, str] | None = None  # (filter, search) being shown
        self._generation = 0
        self.dialog: QDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.editors = EditorRegistry(self)  # one form per record, whatever opens it
        self.model = PagedRecordModel(runner, self.columns(), self)
        self.model.read_only = True
        self.model.row_style = self.row_colours
        self.model.row_tooltip = lambda row: str(row.get("title") or "")  # the whole title
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.refresh_on(self.WATCHED, REFRESH_DELAY_MS)
        self._build()
        self._connect()
        self.refresh()

    # -- what a page says ---------------------------------------------------------------
    def columns(self) -> list[Column]:
        """The list's columns."""
        raise NotImplementedError

    def texts(self) -> dict[str, str]:
        """title, new, search (its grey hint), remove_title, remove_question ({name})."""
        raise NotImplementedError

    def filter_texts(self) -> tuple[str, ...]:
        """The radio buttons' words, one per ``FILTERS`` code."""
        raise NotImplementedError

    def fetch(self, flt: str) -> Fetch:
        """Pages of the records the filter keeps (read lane)."""
        raise NotImplementedError

    def search_rows(self, ctx: JobContext, flt: str, text: str) -> list[dict[str, Any]]:
        """The records the filter keeps that match ``text`` (DB lane)."""
        raise NotImplementedError

    def count_text(self, page: RowsPage) -> str:
        """The line under the list for a first page (its totals)."""
        raise NotImplementedError

    def read_sheet(self, ctx: JobContext, record_id: str | None) -> dict[str, Any]:
        """What a record's form needs (None: a new record's), read on the read lane."""
        raise NotImplementedError

    def make_dialog(self, data: dict[str, Any]) -> QDialog:
        """The record's form over what ``read_sheet`` read; it has ``saved(object)``."""
        raise NotImplementedError

    def delete_job(self, record_id: str) -> Callable[[JobContext], Any]:
        """A DB-lane job removing one record."""
        raise NotImplementedError

    @staticmethod
    def row_colours(_row: dict[str, Any]) -> tuple[Any, Any]:
        """(text, background) colours of a row; none by default."""
        return None, None

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        texts = self.texts()
        layout = self.column()
        self.new_button = QPushButton(texts["new"])
        self.edit_button = QPushButton(tr("CommunityPage", "Sửa…"))
        self.remove_button = QPushButton(tr("CommunityPage", "Xóa…"))
        layout.addLayout(
            self.title_row(texts["title"], self.new_button, self.edit_button, self.remove_button)
        )
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(texts["search"])
        layout.addWidget(self.search)
        bar = QHBoxLayout()
        self.filters = QButtonGroup(self)
        for number, (code, text) in enumerate(zip(self.FILTERS, self.filter_texts(), strict=True)):
            button = QRadioButton(text)
            button.setObjectName(f"filter-{code}")
            self.filters.addButton(button, number)
            bar.addWidget(button)
        bar.addStretch(1)
        self.filters.button(0).setChecked(True)
        layout.addLayout(bar)
        self.table = record_view(self.model)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        for first, second in (
            (self.search, self.table),
            (self.table, self.new_button),
            (self.new_button, self.edit_button),
            (self.edit_button, self.remove_button),
        ):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.filters.idClicked.connect(lambda _id: self.refresh())
        # activated comes with a double-click (and Enter): one signal, one editor
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.model.modelReset.connect(self._enable)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._failed)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- reading ------------------------------------------------------------------------
    def current_filter(self) -> str:
        """The code of the filter chosen."""
        return self.FILTERS[max(self.filters.checkedId(), 0)]

    def set_filter(self, code: str) -> None:
        """Choose a filter (as clicking it does)."""
        self.filters.button(self.FILTERS.index(code)).setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        """Read the list again: in place when the question is the same; search hits in one
        go on the DB lane (answers to older questions are dropped)."""
        self._search_timer.stop()
        self._generation += 1
        flt, text = self.current_filter(), self.search.text().strip()
        question, same = (flt, text), (flt, text) == self._question
        self._question = question
        if not text:
            if same:
                self.model.refresh()
            else:
                self.model.load(self.fetch(flt))
            return
        generation = self._generation
        self._runner.db(
            lambda ctx: self.search_rows(ctx, flt, text),
            on_done=lambda rows: self._show_hits(generation, rows),
            on_error=self._failed,
            owner=self,
        )

    def _show_hits(self, generation: int, rows: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self._say(tr("CommunityPage", "Tìm thấy {count} hồ sơ.", count=len(rows)))
        self.loaded.emit(len(rows))

    def _page_loaded(self, page: RowsPage) -> None:
        if page.total is not None:
            self._say(self.count_text(page))
        self.loaded.emit(len(self.model.rows))

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.count_label.setStyleSheet(ERROR_STYLE if error else "")
        self.count_label.setText(text)

    def selected_id(self) -> str | None:
        """The id of the record selected in the list."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.record_id(rows[0].row()) if rows else None

    # -- forms --------------------------------------------------------------------------
    def new_record(self) -> None:
        """Ctrl+N: a new record's form."""
        self._read_then_open(None)

    def edit_selected(self) -> None:
        """The selected record's form."""
        record_id = self.selected_id()
        if record_id:
            self.open_record(record_id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record(self.model.record_id(index.row()))

    def open_record(self, record_id: str) -> None:
        """The record's form (read first); the one already open comes to the front."""
        if self.editors.begin(record_id):
            self._read_then_open(record_id)

    def _read_then_open(self, record_id: str | None) -> None:
        def failed(error: BaseException) -> None:
            if record_id is not None:
                self.editors.cancel(record_id)
            self._failed(error)

        self._runner.read(
            lambda ctx: self.read_sheet(ctx, record_id),
            on_done=lambda data: self._open(record_id, data),
            on_error=failed,
            owner=self,
        )

    def _open(self, record_id: str | None, data: dict[str, Any]) -> None:
        dialog = self.make_dialog(data)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)  # type: ignore[attr-defined]
        dialog.destroyed.connect(lambda: self._forget(dialog))
        if record_id is not None:
            self.editors.add(record_id, dialog)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _saved(self, result: Any) -> None:
        self._bus.data_changed.emit(set(result.entities) or set(self.WATCHED))

    # -- removing -----------------------------------------------------------------------
    def remove_selected(self) -> None:
        """Ask, then remove the selected record."""
        record_id = self.selected_id()
        if record_id is None:
            return
        row = self.model.record(self.model.row_of(record_id))
        texts = self.texts()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            texts["remove_title"],
            texts["remove_question"].format(name=row.get("title") or ""),
            parent=self,
        )
        accept = box.addButton(tr("CommunityPage", "Xóa"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("CommunityPage", "Không xóa"), QMessageBox.ButtonRole.RejectRole)
        box.accept_button = accept  # type: ignore[attr-defined]
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self._answered(box.clickedButton() is accept, record_id))
        self.confirm_box = box
        box.open()

    def _answered(self, remove: bool, record_id: str) -> None:
        self.confirm_box = None
        if not remove:
            return
        self._runner.db(
            self.delete_job(record_id),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    # -- shortcuts ----------------------------------------------------------------------
    def save(self) -> None:
        """Ctrl+S: save the form that is open."""
        save = getattr(self.dialog, "save", None)
        if callable(save):
            save()

    def focus_search(self) -> None:
        """Ctrl+F: the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
