"""A short table of records for pages and panels: rows are dicts, columns are specs.

A meeting's child rows, the roster and the task list are short (tens of rows, a
few hundred tasks at most): they are read on a lane and handed to ``set_rows``
whole, so this model needs no lazy fetching. An edited cell shows its new value
at once and emits ``edited``; the owner saves it on the DB lane and reloads the
rows if the save fails. Tick columns toggle with one click anywhere in the cell
(a bigger target than the little box) or with Space.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from danvan_desktop.ui.text import date_text
from danvan_desktop.ui.widgets.date_fields import OptionalDateEdit

ModelIndex = QModelIndex | QPersistentModelIndex
RowStyle = Callable[[dict[str, Any]], tuple[QColor | None, QColor | None]]


def datetime_text(value: str | None) -> str:
    """A stored local time as dd/MM/yyyy HH:mm; empty for none."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{date_text(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


@dataclass(frozen=True)
class Column:
    """One column: the field it shows, its header, how it shows and whether it edits."""

    key: str
    title: str
    kind: str = "text"  # text | long_text | int | date | datetime | check
    editable: bool = False
    text: Callable[[dict[str, Any]], str] | None = None  # display text, when not the value
    width: int = 16  # in average characters; 0 stretches


class RecordTableModel(QAbstractTableModel):
    """Rows of records under column specs.

    Signals:
        edited(str, str, object): record id, field, new value (the user changed a cell).
        refused(str, str, str): record id, field, why the text typed in the cell was not
            written (a date that is not one).
    """

    edited = Signal(str, str, object)
    refused = Signal(str, str, str)

    def __init__(self, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.read_only = False
        self.row_style: RowStyle | None = None
        self.row_tooltip: Callable[[dict[str, Any]], str] | None = None

    # -- contents ---------------------------------------------------------------------
    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these rows (the whole list)."""
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock every cell."""
        self.read_only = read_only
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def record(self, row: int) -> dict[str, Any]:
        """The record shown in ``row``."""
        return self.rows[row]

    def record_id(self, row: int) -> str:
        """The id of the record in ``row`` (empty for a placeholder row)."""
        return str(self.rows[row].get("id") or "")

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id``, or -1."""
        return next((i for i, r in enumerate(self.rows) if r.get("id") == record_id), -1)

    def column_of(self, key: str) -> int:
        """The column showing field ``key``."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows."""
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        value = row.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "int":
                return int(value or 0)
            return "" if value is None else value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "check"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            return self._colour(row, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.row_tooltip is not None:
                return self.row_tooltip(row) or None
            return self._display(row, column, value) if column.kind == "long_text" else None
        return None

    def _display(self, row: dict[str, Any], column: Column, value: Any) -> str:
        if column.text is not None:
            return column.text(row)
        if column.kind == "check" or value is None:
            return ""
        if column.kind == "date":
            return date_text(value)
        if column.kind == "datetime":
            return datetime_text(value)
        text = str(value)
        return " ".join(text.split()) if column.kind == "long_text" else text

    def _colour(self, row: dict[str, Any], role: int) -> QBrush | None:
        if self.row_style is None:
            return None
        foreground, background = self.row_style(row)
        colour = foreground if role == Qt.ItemDataRole.ForegroundRole else background
        return QBrush(colour) if colour is not None else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Selectable; editable or tickable where the column allows and the table is unlocked."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable and not self.read_only and self.record_id(index.row()):
            if column.kind == "check":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Take the user's change, show it, and tell the owner (who saves it)."""
        if not index.isValid() or not (
            index.flags() & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        ):
            return False
        column = self.columns[index.column()]
        new = self._stored(column, value, role)
        row = self.rows[index.row()]
        if new == row.get(column.key) or (new is None and not row.get(column.key)):
            return False
        row[column.key] = new
        last = len(self.columns) - 1
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), last))
        self.edited.emit(self.record_id(index.row()), column.key, new)
        return True

    @staticmethod
    def _stored(column: Column, value: Any, role: int) -> Any:
        if column.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState(value) == Qt.CheckState.Checked
            return bool(value)
        if column.kind == "int":
            return int(value or 0)
        text = str(value or "").strip()
        return text or None


class CheckDelegate(QStyledItemDelegate):
    """A tick box centred in its cell, toggled by a click anywhere in the cell or Space."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Draw the cell's background, then the box in the middle."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        checked = opt.checkState == Qt.CheckState.Checked
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        box = QStyleOptionViewItem(opt)
        side = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, opt, widget)
        box.rect = QRect(0, 0, side, side)
        box.rect.moveCenter(opt.rect.center())
        state = box.state & ~(QStyle.StateFlag.State_On | QStyle.StateFlag.State_Off)
        box.state = state | (QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, box, painter, widget
        )

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: ModelIndex,
    ) -> bool:
        """Toggle on a left click released in the cell, or on Space."""
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            if not option.rect.contains(event.position().toPoint()):
                return False
        elif event.type() == QEvent.Type.MouseButtonDblClick:
            return True  # a double click is two clicks already: do not open an editor
        elif event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() not in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                return False
        else:
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell as typed ("15/3/2026", "15032026"...); it may be left empty.

    A text that is not a date is never written: Enter or Tab keeps the editor open
    and the model's ``refused`` names the problem (shown at the cell too); leaving
    the cell another way closes the editor and the cell keeps its date.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        """A date editor (no calendar: a popup inside a cell closes the editor under it)."""
        editor = OptionalDateEdit(parent, calendar=False)
        editor.in_cell = True
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        """Show the cell's date."""
        assert isinstance(editor, OptionalDateEdit)
        editor.set_value(index.data(Qt.ItemDataRole.EditRole) or None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Store the date as ISO text; a text that is not a date is refused, not stored."""
        assert isinstance(editor, OptionalDateEdit)
        message = editor.problem()
        if message:
            self._refuse(editor, model, index, message)
            return
        model.setData(index, editor.iso() or "", Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Tab on a text that is not a date: say why and keep editing."""
        if (
            isinstance(watched, OptionalDateEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key()
            in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            message = watched.problem()
            view = self.parent()
            if message and isinstance(view, QAbstractItemView):
                self._refuse(watched, view.model(), view.currentIndex(), message)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _refuse(
        editor: QWidget, model: QAbstractItemModel, index: ModelIndex, message: str
    ) -> None:
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), message, editor)
        if isinstance(model, RecordTableModel) and index.isValid():
            column = model.columns[index.column()]
            model.refused.emit(model.record_id(index.row()), column.key, message)


def wrap_rows(view: QTableView) -> None:
    """Let long text wrap, each row as tall as its text (for short tables of sentences)."""
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def record_view(model: RecordTableModel, parent: QWidget | None = None) -> QTableView:
    """A table view over ``model``: row selection, tick and date delegates, sized columns."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, so forms keep their tab order
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    char = view.fontMetrics().averageCharWidth()
    for number, column in enumerate(model.columns):
        if column.kind == "check":
            view.setItemDelegateForColumn(number, CheckDelegate(view))
        elif column.kind == "date":
            view.setItemDelegateForColumn(number, DateDelegate(view))
        if column.width == 0:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(number, char * column.width)
    return view
