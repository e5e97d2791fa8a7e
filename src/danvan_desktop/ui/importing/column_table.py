"""The columns of the file being imported: each one's letter, its heading, and the field it
fills, which the user can change (or leave the column out).

Signals:
    column_chosen(int, object): a column's index and the field chosen for it (None: the
        column is left out).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableWidget, QWidget

from danvan_desktop.ui.text import tr

LEAVE_OUT = ""  # the choice «not taken in»


class ColumnTable(QTableWidget):
    """One row per column of the sheet (see the module's notes)."""

    column_chosen = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(
            [tr("ImportDialog", "Cột"), tr("ImportDialog", "Tiêu đề trong tệp"),
             tr("ImportDialog", "Nhập vào mục")]
        )  # fmt: skip
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setMaximumHeight(170)

    def show_columns(self, columns: Sequence[Any], labels: Mapping[str, str]) -> None:
        """Show the layout's ``columns``; ``labels`` names each field or extra."""
        self.setRowCount(len(columns))
        for row, column in enumerate(columns):
            self.setCellWidget(row, 0, QLabel(column.letter))
            self.setCellWidget(row, 1, QLabel(column.heading))
            self.setCellWidget(row, 2, self._choice(column, labels))

    def _choice(self, column: Any, labels: Mapping[str, str]) -> QComboBox:
        choice = QComboBox()
        choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        choice.addItem(tr("ImportDialog", "(không nhập cột này)"), LEAVE_OUT)
        for name, label in labels.items():
            choice.addItem(label, name)
        choice.setCurrentIndex(max(choice.findData(column.field or LEAVE_OUT), 0))
        choice.currentIndexChanged.connect(
            lambda _i, c=choice, i=column.index: self.column_chosen.emit(i, c.currentData() or None)
        )
        return choice

    def choice(self, index: int) -> QComboBox:
        """The field chooser of column ``index``."""
        widget = self.cellWidget(index, 2)
        assert isinstance(widget, QComboBox)
        return widget
