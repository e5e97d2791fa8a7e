"""Sync conflicts, side by side: the value kept and the value lost, and the user's choice.

Two laptops changed the same field; the server kept the later one (by its own
sequence, never a laptop clock) and saved the other in a conflict record. Here
the user sees both — long text side by side with the differing words marked —
and keeps either: «Giữ giá trị hiện tại» only marks the conflict resolved,
«Dùng giá trị bị thay» writes the lost value back to the record (an ordinary
edit) and marks it resolved. The page does the work; this view only asks.
"""

from __future__ import annotations

import difflib
import html
import re
from typing import Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.ui.sync.sync_tables import Column, RowsModel
from danvan_desktop.ui.text import tr

KEPT_MARK = "#fde2b8"  # words only the kept value has
LOST_MARK = "#cfe3fb"  # words only the lost value has
SHORT_TEXT = 60
_TOKENS = re.compile(r"\s+|[^\s]+")


def shown_value(value: Any) -> str:
    """A stored value as the user reads it («(trống)» for nothing)."""
    if value is None or value == "":
        return tr("ConflictsView", "(trống)")
    return str(value)


def one_line(value: Any) -> str:
    """A value shortened to one table line."""
    text = " ".join(shown_value(value).split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


def diff_html(kept: str, lost: str) -> tuple[str, str]:
    """Both texts as HTML with the words that differ marked (kept, lost)."""
    a, b = _TOKENS.findall(kept), _TOKENS.findall(lost)
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = html.escape("".join(a[i1:i2])), html.escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f'<span style="background:{KEPT_MARK}">{old}</span>')
        if new:
            right.append(f'<span style="background:{LOST_MARK}">{new}</span>')
    wrap = '<div style="white-space: pre-wrap">{}</div>'
    return wrap.format("".join(left)), wrap.format("".join(right))


class ConflictsView(QWidget):
    """The open conflicts and, for the one selected, both values and the two choices.

    Signals:
        resolve_requested(str, str): conflict id and "kept" or "lost".
    """

    resolve_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_model = RowsModel(
            [
                Column(tr("ConflictsView", "Hồ sơ"), lambda r: str(r.get("title") or "")),
                Column(tr("ConflictsView", "Mục"), lambda r: str(r.get("field_label") or "")),
                Column(tr("ConflictsView", "Giá trị hiện tại"), lambda r: one_line(r["kept"])),
                Column(tr("ConflictsView", "Giá trị bị thay"), lambda r: one_line(r["lost"])),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.empty = QLabel(tr("ConflictsView", "Không có xung đột nào cần xem lại."))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.kept_view = QTextBrowser()
        self.lost_view = QTextBrowser()
        self.keep_kept = QPushButton(tr("ConflictsView", "Giữ giá trị hiện tại"))
        self.keep_lost = QPushButton(tr("ConflictsView", "Dùng giá trị bị thay"))
        self.keep_kept.clicked.connect(lambda: self._choose("kept"))
        self.keep_lost.clicked.connect(lambda: self._choose("lost"))
        self._build()
        self.show_conflict(None)

    def _build(self) -> None:
        both = QGridLayout()
        both.addWidget(QLabel(tr("ConflictsView", "Giá trị hiện tại (đang dùng ở mọi máy)")), 0, 0)
        both.addWidget(QLabel(tr("ConflictsView", "Giá trị bị thay")), 0, 1)
        both.addWidget(self.kept_view, 1, 0)
        both.addWidget(self.lost_view, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_kept)
        buttons.addWidget(self.keep_lost)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.heading)
        layout.addLayout(both, 3)
        layout.addLayout(buttons)

    def set_conflicts(self, rows: list[dict[str, Any]]) -> None:
        """Show these open conflicts; keep the selection when it is still there."""
        chosen = self.current()
        self.table_model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        ids = [r["id"] for r in rows]
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        elif rows:
            self.table.selectRow(0)
        else:
            self.show_conflict(None)

    def current(self) -> dict[str, Any] | None:
        """The selected conflict, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.table_model.rows):
            return None
        return self.table_model.rows[rows[0].row()]

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.show_conflict(self.current())

    def show_conflict(self, row: dict[str, Any] | None) -> None:
        """Show both values of ``row`` (nothing, and no choices, for None)."""
        for widget in (self.keep_kept, self.keep_lost):
            widget.setEnabled(row is not None)
        if row is None:
            self.heading.clear()
            self.kept_view.clear()
            self.lost_view.clear()
            return
        self.heading.setText(
            tr(
                "ConflictsView",
                "«{field}» của «{record}» đã được sửa trên hai máy. Máy chủ giữ giá trị gửi "
                "sau; giá trị kia được lưu lại ở đây. Phần tô màu là chỗ hai bản khác nhau.",
                field=row.get("field_label") or "",
                record=row.get("title") or "",
            )
        )
        kept, lost = diff_html(shown_value(row["kept"]), shown_value(row["lost"]))
        self.kept_view.setHtml(kept)
        self.lost_view.setHtml(lost)

    def _choose(self, keep: str) -> None:
        row = self.current()
        if row is not None:
            self.keep_kept.setEnabled(False)
            self.keep_lost.setEnabled(False)
            self.resolve_requested.emit(str(row["id"]), keep)

    def texts(self) -> tuple[str, str]:
        """The two values as shown (plain text), kept then lost."""
        return self.kept_view.toPlainText(), self.lost_view.toPlainText()
