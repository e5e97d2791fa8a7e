"""The table of one year's exemplars with where their commendation stands.

A year holds tens of exemplars (Huế's standing committee commended 30 people for
2023), read whole on the read lane and handed to ``set_rows``: no lazy fetching
is needed at that size. Rows arrive in Vietnamese order from the store.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from danvan_desktop.core.vocab import (
    COMMENDATION_STATES,
    EXEMPLAR_KINDS,
    commendation_level,
    label,
)
from danvan_desktop.ui.text import date_text, number_text, tr

ModelIndex = QModelIndex | QPersistentModelIndex
DECIDED_COLOUR = QColor("#1b6e3a")


def decision_text(row: dict[str, Any]) -> str:
    """ "125-QĐ/ĐU, 20/01/2024" for a decided commendation; empty otherwise."""
    if row.get("state") != "decided":
        return ""
    parts = [str(row.get("decision_number") or ""), date_text(row.get("decision_date"))]
    return ", ".join(p for p in parts if p)


class ExemplarTableModel(QAbstractTableModel):
    """Rows of ``Session.exemplar_rows``: who, for what, and the commendation."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.headers = [
            tr("ExemplarsPage", "Cá nhân, tập thể"),
            tr("ExemplarsPage", "Loại"),
            tr("ExemplarsPage", "Chức vụ, đơn vị"),
            tr("ExemplarsPage", "Thành tích"),
            tr("ExemplarsPage", "Điểm"),
            tr("ExemplarsPage", "Hình thức"),
            tr("ExemplarsPage", "Cấp"),
            tr("ExemplarsPage", "Tình trạng"),
            tr("ExemplarsPage", "Quyết định"),
        ]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows`` (the year's exemplars)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> dict[str, Any]:
        """The record shown in row ``index``."""
        return self.rows[index]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many exemplars."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, tooltip and colour."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.get("state") == "decided":
            return DECIDED_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _cell(row: dict[str, Any], column: int) -> str:
        if column == 0:
            return str(row["name"])
        if column == 1:
            return label(EXEMPLAR_KINDS, str(row["kind"]))
        if column == 2:
            return str(row.get("position") or "")
        if column == 3:
            return str(row.get("proposal_achievement") or row.get("achievement") or "")
        if column == 4:
            return number_text(row["score"]) if row.get("score") is not None else ""
        if column == 5:
            return str(row.get("form") or "")
        if column == 6:
            return commendation_level(row.get("level"))
        if column == 7:
            if not row.get("state"):
                return tr("ExemplarsPage", "Chưa đề nghị")
            return label(COMMENDATION_STATES, str(row["state"]))
        return decision_text(row)
