"""Mô hình: the team's models, searched as you type, filtered, sorted, opened in a form.

The list fetches keyset pages on the read lane as the user scrolls. Typing in the
search box waits ~150 ms for a pause, then searches in the background (with or
without diacritics) and shows the hits with the matched words highlighted; the
field, status and year filters narrow the list or the hits alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.lists import ModelFilter
from danvan_desktop.core.vocab import MODEL_STATUSES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.models.model_table import COLUMNS, ListQuery, ModelTableModel
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import number_text, tr
from danvan_desktop.ui.widgets.one_editor import EditorRegistry

if TYPE_CHECKING:
    from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
    from danvan_desktop.ui.widgets.highlight_delegate import HighlightDelegate

SEARCH_DELAY_MS = 150
HIGHLIGHTS_AFTER_MS = 100  # after the first paint


class ListTable(QTableView):
    """The list's view; says when it has painted (its viewport's paints come here).

    Signals:
        painted(): a paint of the rows has been done.
    """

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, then tell (the first paint of the rows is what start-up waits for)."""
        super().paintEvent(event)
        self.painted.emit()


def load_filter_lists(ctx: JobContext) -> dict[str, Any]:
    """The field list and the years that have models (read lane; no sqlite-utils needed)."""
    session, db = ctx.session, ctx.plain_reader
    return {
        "fields": session.model_fields(db=db),
        "labels": session.model_field_labels(db=db),  # a removed field's models: its last name
        "years": session.model_years(db=db),
    }


class ModelsPage(QWidget):
    """The model list page.

    Signals:
        first_page_painted(): the first rows of the list have been drawn on screen.
        form_opened(object): a model form was opened (the dialog).
    """

    first_page_painted = Signal()
    form_opened = Signal(object)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.form: ModelFormDialog | None = None
        self.editors = EditorRegistry(self)  # one form per model, whatever opens it
        self.highlights: HighlightDelegate | None = None  # made with the first search
        self._awaiting_paint = False
        self._painted_once = False
        self.table_model = ModelTableModel(runner, self)
        # The reads go first and the widgets are built while they run. The filter lists
        # (a few rows) are queued before the first page, so the field names are there
        # when its rows are first drawn.
        self._load_lists()
        self.table_model.start()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self._build()
        self._connect()
        bus.data_changed.connect(self._on_data_changed)

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        top = QHBoxLayout()
        top.addWidget(heading(tr("ModelsPage", "Mô hình «Dân vận khéo»")))
        top.addStretch(1)
        self.new_button = QPushButton(tr("ModelsPage", "Thêm mô hình (Ctrl+N)"))
        self.fields_button = QPushButton(tr("ModelsPage", "Lĩnh vực…"))
        top.addWidget(self.fields_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            tr("ModelsPage", "Tìm mô hình (Ctrl+F) — gõ có dấu hay không dấu đều được")
        )
        bar.addWidget(self.search, 3)
        self.field_filter = QComboBox()
        self.status_filter = QComboBox()
        self.year_filter = QComboBox()
        self.field_filter.addItem(tr("ModelsPage", "Mọi lĩnh vực"), None)
        self.status_filter.addItem(tr("ModelsPage", "Mọi trạng thái"), None)
        for code in MODEL_STATUSES:
            self.status_filter.addItem(label(MODEL_STATUSES, code), code)
        self.year_filter.addItem(tr("ModelsPage", "Mọi năm"), None)
        for combo in (self.field_filter, self.status_filter, self.year_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(combo, 1)
        layout.addLayout(bar)
        self.table = ListTable()
        self.table.setModel(self.table_model)
        # The titles come from their own model (see ui/models/model_table.py); sorting is turned
        # on once the first rows are drawn (_enable_sorting).
        self.table.horizontalHeader().setModel(self.table_model.header_titles)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.setTabOrder(self.search, self.field_filter)
        self.setTabOrder(self.field_filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.year_filter)
        self.setTabOrder(self.year_filter, self.table)
        self.setTabOrder(self.table, self.new_button)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_query)
        for combo in (self.field_filter, self.status_filter, self.year_filter):
            combo.currentIndexChanged.connect(self._apply_query)
        self.new_button.clicked.connect(self.new_record)
        self.fields_button.clicked.connect(self.edit_fields)
        # activated comes with a double-click (and Enter): one signal, one editor
        self.table.activated.connect(self._open_index)
        model = self.table_model
        model.total_changed.connect(self._show_count)
        model.loading_changed.connect(self._show_loading)
        model.first_rows_shown.connect(self._first_rows_shown)
        model.first_rows_shown.connect(self._fit_columns)
        # Not an event filter on the viewport: asking for the viewport before the first
        # paint makes PySide build the enums of every widget class (~10 ms).
        self.table.painted.connect(self._table_painted)

    def _fit_columns(self) -> None:
        """Room for the field and status names; the name (or, searching, the match) stretches."""
        header = self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        searching = self.table_model.columnCount() > len(COLUMNS)
        widths = {0: 36, 1: 26 if searching else 30, 2: 20, 3: 7, 4: 12}  # in characters
        stretch = len(COLUMNS) if searching else 0
        for column in range(self.table_model.columnCount()):
            if column == stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, char * widths.get(column, 12))

    # -- lists and queries ------------------------------------------------------------
    def _load_lists(self) -> None:
        self._runner.read(load_filter_lists, on_done=self._fill_lists, owner=self)

    def _fill_lists(self, lists: dict[str, Any]) -> None:
        self.table_model.set_field_names(lists["labels"])
        for combo, items in (
            (self.field_filter, lists["fields"]),
            (self.year_filter, [(y, str(y)) for y in lists["years"]]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for code, name in items:
                combo.addItem(name, code)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_query(self) -> ListQuery:
        """The query the controls describe."""
        text = self.search.text().strip()
        flt = ModelFilter(
            field_code=self.field_filter.currentData(),
            status=self.status_filter.currentData(),
            year=self.year_filter.currentData(),
        )
        query = self.table_model.query._replace(flt=flt, search=text)
        if text and not self.table_model.query.search:
            query = query._replace(order=None)  # new search: most relevant first
            self._show_sort_indicator(-1)
        if not text and query.order is None:
            query = query._replace(order="name", descending=False)
            self._show_sort_indicator(0)
        return query

    def _show_sort_indicator(self, column: int) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, QtCore.Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()

    def _apply_query(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        if query.search:
            self._highlight_matches()
        self.table_model.set_query(query)

    def _highlight_matches(self) -> None:
        """Draw the matched words of the snippet column highlighted (from the first search:
        the text-layout classes it needs are not needed to start)."""
        if self.highlights is None:
            from danvan_desktop.ui.widgets.highlight_delegate import HighlightDelegate

            self.highlights = HighlightDelegate(self.table)
            self.table.setItemDelegateForColumn(len(COLUMNS), self.highlights)

    def _show_count(self, total: int) -> None:
        if self.table_model.query.search:
            text = tr("ModelsPage", "Tìm thấy {count} mô hình.", count=number_text(total))
        else:
            text = tr("ModelsPage", "{count} mô hình.", count=number_text(total))
        self.count_label.setText(text)

    def _show_loading(self, loading: bool) -> None:
        if loading and not self.table_model.rows:
            self.count_label.setText(tr("ModelsPage", "Đang tải…"))

    def _on_data_changed(self, entities: set[str]) -> None:
        if "model" in entities:
            self.table_model.refresh()
        if {"model", "model_field"} & set(entities):
            self._load_lists()

    # -- the first paint (startup measurement and tests) -------------------------------
    def _first_rows_shown(self) -> None:
        if not self._painted_once:
            self._awaiting_paint = True
            if not self.table_model.rows:  # nothing inserted, so nothing repaints by itself
                self.table.viewport().update()

    def _table_painted(self) -> None:
        """Notice the first paint of the list once rows are in it."""
        if self._awaiting_paint:
            self._awaiting_paint = False
            self._painted_once = True
            self.table.painted.disconnect(self._table_painted)
            QTimer.singleShot(0, self.first_page_painted.emit)
            QTimer.singleShot(0, self, self._enable_sorting)  # the turn after
            # Ready for the first search before it is typed (its import took ~15 ms).
            QTimer.singleShot(HIGHLIGHTS_AFTER_MS, self, self._highlight_matches)

    def _enable_sorting(self) -> None:
        """Show the name column's ascending indicator and let the headers sort.

        Done once the first paint has been announced: it is the first use of Qt's
        SortOrder enum, and the first use of any of Qt's own enums builds them all
        (~11 ms), which the list's first rows need not wait for. Enabling sorting
        sorts by the indicator, which is the query already shown: nothing is read again.
        The indicator is set first, or the header's default (descending) would re-read.
        """
        self.table.horizontalHeader().setSortIndicator(0, QtCore.Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    # -- actions ----------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_record(self) -> None:
        """Ctrl+N: open an empty form."""
        self.open_form(None)

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.table_model.record_id(index.row())
        if record_id:
            self.open_form(record_id)

    def open_form(self, model_id: str | None) -> ModelFormDialog:
        """Open the form of one model (None: a new one); a model's form already open is
        brought to the front instead of opening a second."""
        return self.editors.open(model_id, lambda: self._make_form(model_id))

    def _make_form(self, model_id: str | None) -> ModelFormDialog:
        from danvan_desktop.ui.models.model_form_dialog import (
            ModelFormDialog,  # not needed to start
        )

        dialog = ModelFormDialog(self._runner, self._bus, model_id, parent=self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = dialog
        dialog.destroyed.connect(lambda: self._forget_form(dialog))
        if model_id is None:  # once saved, the new model's form is its editor
            dialog.saved.connect(lambda saved_id: self.editors.rekey(dialog, saved_id))
        dialog.open()
        self.form_opened.emit(dialog)
        return dialog

    def edit_fields(self) -> QDialog:
        """Open the list of model fields (lĩnh vực) to edit it."""
        from danvan_desktop.ui.models.model_fields_dialog import ModelFieldsDialog

        dialog = ModelFieldsDialog(self._runner, self._bus, parent=self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _forget_form(self, dialog: ModelFormDialog) -> None:
        if self.form is dialog:
            self.form = None

    def columns(self) -> tuple[str, ...]:
        """The sortable columns, in order (for tests and the header)."""
        return COLUMNS
