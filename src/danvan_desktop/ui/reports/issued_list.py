"""«Văn bản đã cấp»: the documents issued on this laptop, and what issuing means.

The Báo cáo page lists the register (number, date, kind, title; newest first) under
its preview; «Xuất lại…» writes the chosen one again, in any of its formats, from
the copy stored when it was issued, so the same number always prints the same
content. The texts that explain issuing in the export dialog live here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.vndate import short_date
from danvan_desktop.session.reports import safe_file_name
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from danvan_desktop.session.reports import IssuedEntry, ReportKind

KindLabel = Callable[[str], str]


def issued_file_name(entry: IssuedEntry) -> str:
    """The name the session gives an issued document's file: number first, then title."""
    number = entry.reference.replace("/", "-")
    return safe_file_name(f"{number} {entry.title}" if number else entry.title)


def issue_hint(kind: ReportKind, issued: IssuedEntry | None) -> str:
    """What issuing does for ``kind`` (or what writing ``issued`` again prints)."""
    if issued is not None:
        if issued.reference:
            return tr(
                "ExportDialog",
                "Văn bản đã cấp số {number} ngày {date}: mọi tệp xuất lại in đúng bản đã "
                "cấp, cùng số, cùng ngày và cùng nội dung.",
                number=issued.reference,
                date=short_date(issued.issued_on),
            )
        return tr(
            "ExportDialog",
            "Văn bản đã ban hành ngày {date}: mọi tệp xuất lại in đúng bản đã ban hành.",
            date=short_date(issued.issued_on),
        )
    if not kind.issuable:
        return tr(
            "ExportDialog",
            "Biên bản không cấp số khi xuất: biên bản được cấp số khi hoàn tất cuộc họp; "
            "biên bản chưa hoàn tất in dòng «DỰ THẢO».",
        )
    if kind.numbered:
        return tr(
            "ExportDialog",
            "Khi chọn, văn bản lấy số tiếp theo trong năm của đơn vị ban hành (ví dụ «Số: "
            "05/BC-…») và được lưu lại đúng như khi cấp: xuất lại sau này, ở định dạng nào, "
            "cũng in đúng bản đó. Số chỉ được giữ khi ghi tệp thành công: nếu lỗi hoặc bấm "
            "«Hủy xuất», số được trả lại. Không chọn thì xuất bản dự thảo, có dòng «DỰ "
            "THẢO», chỗ số để trống.",
        )
    return tr(
        "ExportDialog",
        "Loại văn bản này không có số riêng. Khi chọn, văn bản được lưu lại đúng như khi ban "
        "hành và không còn dòng «DỰ THẢO»; không chọn thì xuất bản dự thảo.",
    )


class IssuedList(QGroupBox):
    """The register as a table, with «Xuất lại…» for the selected document.

    Signals:
        reexport_requested(object): «Xuất lại…» for this IssuedEntry.
    """

    reexport_requested = Signal(object)

    def __init__(self, kind_label: KindLabel, parent: QWidget | None = None) -> None:
        super().__init__(tr("ReportsPage", "Văn bản đã cấp"), parent)
        self._kind_label = kind_label
        self.entries: list[IssuedEntry] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                tr("ReportsPage", "Số"),
                tr("ReportsPage", "Ngày"),
                tr("ReportsPage", "Loại"),
                tr("ReportsPage", "Tên văn bản"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemActivated.connect(lambda _item: self.request_reexport())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.empty = QLabel(tr("ReportsPage", "Chưa cấp văn bản nào trên máy này."))
        self.empty.setStyleSheet("color: #555;")
        row.addWidget(self.empty, 1)
        self.reexport_button = QPushButton(tr("ReportsPage", "Xuất lại…"))
        self.reexport_button.clicked.connect(self.request_reexport)
        row.addWidget(self.reexport_button)
        layout.addLayout(row)
        self.set_entries([])

    def set_entries(self, entries: list[IssuedEntry]) -> None:
        """Show the register (newest first), keeping the selection when it is still there."""
        kept = self.selected()
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            number = entry.reference or tr("ReportsPage", "(không số)")
            cells = (number, short_date(entry.issued_on), self._kind_label(entry.kind), entry.title)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, item)
            if kept is not None and entry.id == kept.id:
                self.table.selectRow(row)
        self.empty.setVisible(not self.entries)
        self._update_button()

    def selected(self) -> IssuedEntry | None:
        """The selected document of the register, or None."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.entries[row] if row < len(self.entries) else None

    def select_id(self, issued_id: int) -> None:
        """Select the document ``issued_id`` (when listed)."""
        for row, entry in enumerate(self.entries):
            if entry.id == issued_id:
                self.table.selectRow(row)

    def request_reexport(self) -> None:
        """Ask to write the selected document again."""
        entry = self.selected()
        if entry is not None:
            self.reexport_requested.emit(entry)

    def _update_button(self) -> None:
        self.reexport_button.setEnabled(self.selected() is not None)
