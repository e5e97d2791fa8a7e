"""Indicators over time for one model: a small table of readings and a line to add one.

Each reading is its own ``indicator_reading`` record (so two laptops adding
readings merge without conflict). Indicator names already used for the model
are offered as you type, with their unit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.schema import INDICATOR_READING
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, number_text, tr
from danvan_desktop.ui.widgets.date_fields import refuse_bad_typing
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, OptionalDateEdit, add_row

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("read_on", "indicator", "value", "unit_label", "note")


class ReadingsModel(QAbstractTableModel):
    """The readings of one model, newest last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these readings."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per reading."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Date, indicator, value, unit, note."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            tr("IndicatorPanel", "Ngày ghi nhận"),
            tr("IndicatorPanel", "Chỉ số"),
            tr("IndicatorPanel", "Giá trị"),
            tr("IndicatorPanel", "Đơn vị tính"),
            tr("IndicatorPanel", "Ghi chú"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if name == "read_on":
            return date_text(row.get("read_on"))
        if name == "value":
            return number_text(row.get("value"))
        return str(row.get(name) or "")


def load_readings(ctx: JobContext, model_id: str) -> list[dict[str, Any]]:
    """A model's readings (DB lane)."""
    return ctx.session.indicator_readings(model_id)


class IndicatorPanel(QWidget):
    """Readings of one model, and a form line to add one.

    Signals:
        readings_changed(int): how many readings the model now has.
    """

    readings_changed = Signal(int)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.model_id: str | None = None
        self.readings = ReadingsModel(self)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableView()
        self.table.setModel(self.readings)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.indicator = QLineEdit()
        watch_length(self.indicator, INDICATOR_READING, "indicator")
        self.indicator.setPlaceholderText(tr("IndicatorPanel", "Ví dụ: Số ngày công đóng góp"))
        self.unit = QLineEdit()
        watch_length(self.unit, INDICATOR_READING, "unit_label")
        self.value = QLineEdit()
        self.value.setPlaceholderText(tr("IndicatorPanel", "Ví dụ: 12,5"))
        self.read_on = OptionalDateEdit()
        self.read_on.set_value(dt.date.today())
        self.note = QLineEdit()
        self.errors: dict[str, FieldError] = {
            "indicator": add_row(form, tr("IndicatorPanel", "Chỉ số"), self.indicator),
            "unit_label": add_row(form, tr("IndicatorPanel", "Đơn vị tính"), self.unit),
            "value": add_row(form, tr("IndicatorPanel", "Giá trị"), self.value),
            "read_on": add_row(form, tr("IndicatorPanel", "Ngày ghi nhận"), self.read_on),
            "note": add_row(form, tr("IndicatorPanel", "Ghi chú"), self.note),
        }
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("IndicatorPanel", "Thêm chỉ số"))
        self.delete_button = QPushButton(tr("IndicatorPanel", "Xóa dòng đã chọn"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_reading)
        self.delete_button.clicked.connect(self.delete_selected)
        self.value.returnPressed.connect(self.add_reading)

    def set_model(self, model_id: str | None) -> None:
        """Show the readings of ``model_id`` (None: a model not yet saved)."""
        self.model_id = model_id
        self.setEnabled(model_id is not None)
        if model_id is None:
            self.readings.set_rows([])
            return
        self.reload()

    def reload(self) -> None:
        """Read the readings again."""
        if self.model_id is None:
            return
        model_id = self.model_id
        self._runner.db(lambda ctx: load_readings(ctx, model_id), on_done=self._show, owner=self)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.readings.set_rows(rows)
        names = sorted({str(r["indicator"]) for r in rows})
        self._units = {str(r["indicator"]): str(r.get("unit_label") or "") for r in rows}
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._fill_unit)
        self.indicator.setCompleter(completer)
        self.readings_changed.emit(len(rows))

    def _fill_unit(self, name: str) -> None:
        if not self.unit.text():
            self.unit.setText(getattr(self, "_units", {}).get(name, ""))

    def add_reading(self) -> None:
        """Save the reading typed in the form line."""
        if self.model_id is None:
            return
        for error in self.errors.values():
            error.clear_message()
        if refuse_bad_typing([self.read_on]):
            return  # a date typed that is not one: named beside it, no reading added
        fields = {
            "model_id": self.model_id,
            "indicator": self.indicator.text(),
            "unit_label": self.unit.text(),
            "value": self.value.text().strip() or None,
            "read_on": self.read_on.iso(),
            "note": self.note.text(),
        }
        self.add_button.setEnabled(False)
        self._runner.db(
            lambda ctx: ctx.session.add_record("indicator_reading", **fields),
            on_done=self._added,
            on_error=self._failed,
            owner=self,
        )

    def _added(self, result: Any) -> None:
        self.add_button.setEnabled(True)
        self.value.clear()
        self.note.clear()
        self._bus.data_changed.emit(result.entities)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, ValidationError):
            for problem in error.problems:
                target = self.errors.get(problem.field, self.errors["indicator"])
                target.show_message(problem.message)
        elif isinstance(error, DanvanError):
            self.errors["indicator"].show_message(error.message)
        else:
            self._runner.failed.emit(error)

    def delete_selected(self) -> None:
        """Delete the selected readings."""
        ids = [
            str(self.readings.rows[i.row()]["id"])
            for i in self.table.selectionModel().selectedRows()
        ]
        if not ids:
            return

        def delete(ctx: JobContext) -> set[str]:
            for record_id in ids:
                ctx.session.delete_record("indicator_reading", record_id)
            return {"indicator_reading"}

        self._runner.db(delete, on_done=self._deleted, owner=self)

    def _deleted(self, entities: set[str]) -> None:
        self._bus.data_changed.emit(entities)
        self.reload()
