"""«Văn bản đã cấp»: the documents issued on this laptop, and what issuing means.

The Báo cáo page lists the register (number, date, kind, title, and what replaced a
corrected one; newest first) under its preview; «Xuất lại…» writes the chosen one
again, in any of its formats, from the copy stored when it was issued, so the same
number always prints the same content. «Sửa và cấp lại…» asks, then issues the
correction (Session.correct_issued on the DB lane: built again from the records with
the next number, naming the one it replaces) and marks the old one replaced; a
document already replaced is refused with the session's message under the list. The
texts that explain issuing in the export dialog live here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.vndate import short_date
from danvan_desktop.session.reports import safe_file_name
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

if TYPE_CHECKING:
    from danvan_desktop.session.reports import IssuedEntry, ReportKind
    from danvan_desktop.ui.task_runner import JobContext, TaskRunner

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


def replaced_text(entry: IssuedEntry, entries: list[IssuedEntry]) -> str:
    """«Đã được thay thế bởi số …» for a corrected document; "" for one still in force."""
    if entry.replaced_by is None:
        return ""
    newer = next((e for e in entries if e.id == entry.replaced_by), None)
    if newer is not None and newer.reference:
        return tr("ReportsPage", "Đã được thay thế bởi số {number}", number=newer.reference)
    if newer is not None:
        return tr(
            "ReportsPage",
            "Đã được thay thế bởi văn bản ngày {date}",
            date=short_date(newer.issued_on),
        )
    return tr("ReportsPage", "Đã được thay thế bởi văn bản mã {id}", id=entry.replaced_by)


def _number_or_date(entry: IssuedEntry) -> str:
    if entry.reference:
        return tr("ReportsPage", "số {number}", number=entry.reference)
    return tr("ReportsPage", "ngày {date}", date=short_date(entry.issued_on))


def correct_job(
    issued_id: int, issued_on: dt.date
) -> Callable[[JobContext], tuple[IssuedEntry, list[IssuedEntry]]]:
    """A DB-lane job: issue the correction of ``issued_id``, then read the register again."""

    def run(ctx: JobContext) -> tuple[IssuedEntry, list[IssuedEntry]]:
        entry, _document = ctx.session.correct_issued(issued_id, issued_on=issued_on)
        return entry, ctx.session.issued_documents()

    return run


COLUMNS = 5


class IssuedList(QGroupBox):
    """The register as a table, with «Xuất lại…» and «Sửa và cấp lại…» for the selected
    document.

    Signals:
        reexport_requested(object): «Xuất lại…» for this IssuedEntry.
        corrected(object): the correction (an IssuedEntry) was issued and is listed.
        correction_failed(str): the message shown when a correction was refused.
    """

    reexport_requested = Signal(object)
    corrected = Signal(object)
    correction_failed = Signal(str)

    def __init__(
        self,
        kind_label: KindLabel,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(tr("ReportsPage", "Văn bản đã cấp"), parent)
        self._kind_label = kind_label
        self._runner = runner
        self._clock = clock
        self._busy = False
        self.entries: list[IssuedEntry] = []
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                tr("ReportsPage", "Số"),
                tr("ReportsPage", "Ngày"),
                tr("ReportsPage", "Loại"),
                tr("ReportsPage", "Tên văn bản"),
                tr("ReportsPage", "Tình trạng"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemActivated.connect(lambda _item: self.request_reexport())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.empty = QLabel(tr("ReportsPage", "Chưa cấp văn bản nào trên máy này."))
        self.empty.setStyleSheet("color: #555;")
        row.addWidget(self.empty, 1)
        self.correct_button = QPushButton(tr("ReportsPage", "Sửa và cấp lại…"))
        self.correct_button.setToolTip(
            tr(
                "ReportsPage",
                "Lập lại văn bản đã chọn từ dữ liệu hiện có, cấp số mới và ghi rõ văn bản "
                "này thay thế văn bản cũ.",
            )
        )
        self.correct_button.clicked.connect(self.request_correction)
        self.correct_button.setVisible(runner is not None)
        row.addWidget(self.correct_button)
        self.reexport_button = QPushButton(tr("ReportsPage", "Xuất lại…"))
        self.reexport_button.clicked.connect(self.request_reexport)
        row.addWidget(self.reexport_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.set_entries([])

    def set_entries(self, entries: list[IssuedEntry]) -> None:
        """Show the register (newest first), keeping the selection when it is still there."""
        kept = self.selected()
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            number = entry.reference or tr("ReportsPage", "(không số)")
            cells = (
                number,
                short_date(entry.issued_on),
                self._kind_label(entry.kind),
                entry.title,
                replaced_text(entry, self.entries),
            )
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

    # -- correcting -------------------------------------------------------------------
    def request_correction(self) -> None:
        """Ask, then issue the correction of the selected document."""
        entry = self.selected()
        if entry is None or self._runner is None or self._busy:
            return
        self.message.hide()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("ReportsPage", "Sửa và cấp lại văn bản"),
            tr(
                "ReportsPage",
                "Lập lại văn bản {old} từ dữ liệu hiện có và cấp văn bản mới thay thế nó? "
                "Văn bản mới lấy số tiếp theo và ghi «Văn bản này thay thế văn bản {old}»; "
                "văn bản cũ vẫn được giữ, đánh dấu đã được thay thế.",
                old=_number_or_date(entry),
            ),
            parent=self,
        )
        accept = box.addButton(
            tr("ReportsPage", "Cấp văn bản thay thế"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(tr("ReportsPage", "Để sau"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept)
        box.accept_button = accept  # type: ignore[attr-defined]
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _code: self._correct(entry) if box.clickedButton() is accept else None
        )
        self.confirm_box = box
        box.open()

    def _correct(self, entry: IssuedEntry) -> None:
        self.confirm_box = None
        if self._runner is None:
            return
        self._busy = True
        self._update_button()
        self._runner.db(
            correct_job(entry.id, self._clock()),
            on_done=lambda answer: self._corrected(entry, answer),
            on_error=self._correction_refused,
            owner=self,
        )

    def _corrected(self, old: IssuedEntry, answer: tuple[IssuedEntry, list[Any]]) -> None:
        self._busy = False
        new, entries = answer
        self.set_entries(entries)
        self.table.clearSelection()
        self.select_id(new.id)
        self._say(
            tr(
                "ReportsPage",
                "Đã cấp văn bản {new} thay thế văn bản {old}. Bấm «Xuất lại…» để ghi tệp.",
                new=_number_or_date(new),
                old=_number_or_date(old),
            )
        )
        self.corrected.emit(new)

    def _correction_refused(self, error: BaseException) -> None:
        self._busy = False
        self._update_button()
        if not isinstance(error, DanvanError):
            if self._runner is not None:
                self._runner.failed.emit(error)  # a fault, not a refusal: the error dialog
            return
        self._say(error.message, error=True)
        self.correction_failed.emit(error.message)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1d6b3a;")
        self.message.show()

    def _update_button(self) -> None:
        chosen = self.selected() is not None
        self.reexport_button.setEnabled(chosen)
        self.correct_button.setEnabled(chosen and not self._busy)
