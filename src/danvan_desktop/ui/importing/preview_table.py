"""The preview of an import as a table: one line per row of the file, its outcome, its values
and its problems beside it.

A table model over the plan the read lane made (``Session.preview_import``): cells are
worded when shown, so a list of ten thousand rows costs nothing until it is scrolled.
An update carries a tick in its «Việc» cell: ticked, it is written; unticked, skipped.
Rows with a problem are tinted red, updates yellow.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from danvan_desktop.ui.text import tr

Index = QModelIndex | QPersistentModelIndex
INVALID_TINT = QColor("#fde7e5")
UPDATE_TINT = QColor("#fff6d6")
FIXED_COLUMNS = 2  # «Dòng», «Việc»; then the fields taken in, then «Cần sửa»


def action_text(row: Any) -> str:
    """What a row would do, as the table says it."""
    texts = {
        "add": tr("ImportPreview", "Thêm mới"),
        "update": tr("ImportPreview", "Cập nhật"),
        "same": tr("ImportPreview", "Đã có, giữ nguyên"),
        "invalid": tr("ImportPreview", "Có lỗi, không nhập"),
    }
    if row.action == "duplicate":
        return tr("ImportPreview", "Trùng dòng {line}, bỏ qua", line=row.duplicate_of)
    return texts.get(row.action, str(row.action))


class PreviewModel(QAbstractTableModel):
    """The rows of a plan; ``skipped`` holds the updates the user unticked (row numbers)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Any = None
        self.names: list[str] = []
        self.labels: list[str] = []
        self.skipped: set[int] = set()

    def show_plan(self, plan: Any, labels: dict[str, str]) -> None:
        """Show ``plan``; ``labels`` names each field or extra."""
        self.beginResetModel()
        self.plan = plan  # None: nothing to show
        self.names = list(plan.layout.fields) if plan is not None else []
        self.labels = [labels.get(n, n) for n in self.names]
        self.skipped = set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of the plan."""
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Row number, outcome, one per field taken in, problems."""
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.names) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return tr("ImportPreview", "Dòng")
        if section == 1:
            return tr("ImportPreview", "Việc")
        if section == FIXED_COLUMNS + len(self.names):
            return tr("ImportPreview", "Cần sửa")
        return self.labels[section - FIXED_COLUMNS]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell: its text, tint, tick (updates) and, for a changed value, the old one."""
        if not index.isValid() or self.plan is None:
            return None
        row = self.plan.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = {"invalid": INVALID_TINT, "update": UPDATE_TINT}.get(row.action)
            return QBrush(tint) if tint is not None else None
        if role == Qt.ItemDataRole.CheckStateRole and column == 1 and row.action == "update":
            skipped = row.line in self.skipped
            return Qt.CheckState.Unchecked if skipped else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return str(row.line)
        if column == 1:
            return action_text(row)
        if column == FIXED_COLUMNS + len(self.names):
            return " ".join(p.message for p in row.problems)
        return self.plan.text(row, self.names[column - FIXED_COLUMNS])

    def _tooltip(self, row: Any, column: int) -> str | None:
        if column == FIXED_COLUMNS + len(self.names) and row.problems:
            return "\n".join(p.message for p in row.problems)
        if FIXED_COLUMNS <= column < FIXED_COLUMNS + len(self.names):
            name = self.names[column - FIXED_COLUMNS]
            if name in row.changes:
                old = self.plan.value_text(name, row.changes[name][0])
                return tr("ImportPreview", "Đang lưu: {old}", old=old or "—")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Updates can be ticked or unticked; nothing else is edited."""
        base = super().flags(index)
        if (
            index.isValid()
            and index.column() == 1
            and self.plan is not None
            and self.plan.rows[index.row()].action == "update"
        ):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick (write) or untick (skip) an update."""
        if role != Qt.ItemDataRole.CheckStateRole or self.plan is None or index.column() != 1:
            return False
        row = self.plan.rows[index.row()]
        if row.action != "update":
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.skipped.discard(row.line)
        else:
            self.skipped.add(row.line)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
