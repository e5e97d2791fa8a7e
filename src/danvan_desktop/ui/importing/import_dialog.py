"""Nhập danh sách từ Excel: a team's list of members, models or petitions, previewed, then
written all at once.

The user picks the kind of record and the file (``.xlsx`` or ``.csv``); the file is read
and previewed on the read lane (``Session.read_import_file`` and ``preview_import``, with
a reader), never on the GUI thread, with a progress bar and «Dừng». The preview shows
which column fills which field (each can be given another field, or none), the header
row (to choose when a title stands above the table), every row's outcome with its
problems beside it (``PreviewModel``), and what keeps the file out as a whole (an old
encoding, a missing column). «Nhập» writes on the DB lane, in one transaction with the
outbox operations, or nothing with the reason; updates the user unticked are skipped,
and rows with problems are skipped only when the user says so.

Running the jobs (lanes, progress, «Dừng», how a job ended) is ``ImportJobs``
(ui/importing/import_jobs.py).

Signals:
    imported(object): the ``ImportResult`` of a finished import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.importing.column_table import ColumnTable
from danvan_desktop.ui.importing.import_jobs import ImportJobs
from danvan_desktop.ui.importing.preview_table import PreviewModel
from danvan_desktop.ui.task_runner import DB, READ, JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

OK_STYLE = "color: #1b6e20;"
FileChooser = Callable[[], Path | None]


class ImportDialog(ImportJobs):
    """The import dialog (see the module's notes)."""

    imported = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus | None = None,
        parent: QWidget | None = None,
        *,
        entity: str | None = None,
        choose_file: FileChooser | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(tr("ImportDialog", "Nhập danh sách từ Excel"))
        self._bus = bus
        self._choose_file = choose_file or self._ask_for_file
        self.path: Path | None = None
        self.source: Any = None
        self.plan: Any = None
        self._chosen: dict[int, str | None] = {}
        self._header_row: int | None = None
        self._filling = False
        self._notice = ""  # why the last import wrote nothing, kept over the new preview
        self._build(entity)
        self._update_buttons()

    # -- building ---------------------------------------------------------------------
    def _build(self, entity: str | None) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "ImportDialog",
                "Chọn tệp Excel (.xlsx) hoặc CSV mà tổ đang dùng để theo dõi. Ứng dụng đọc các "
                "cột theo tiêu đề, kiểm tra từng dòng và cho xem trước; chưa ghi gì cho đến khi "
                "bấm «Nhập». Nhập lại cùng tệp không tạo hồ sơ trùng.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        for name, label in Session.import_kinds():
            self.kind.addItem(label, name)
        if entity is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(entity), 0))
        form.addRow(tr("ImportDialog", "Loại hồ sơ:"), self.kind)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.choose_button = QPushButton(tr("ImportDialog", "Chọn tệp…"))
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.choose_button)
        form.addRow(tr("ImportDialog", "Tệp:"), row)
        self.sheet = QComboBox()
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1)
        where = QHBoxLayout()
        where.addWidget(self.sheet, 1)
        where.addWidget(QLabel(tr("ImportDialog", "Dòng tiêu đề cột:")))
        where.addWidget(self.header_row)
        form.addRow(tr("ImportDialog", "Trang tính:"), where)
        layout.addLayout(form)
        self.file_problems = QLabel()
        self.file_problems.setWordWrap(True)
        self.file_problems.setStyleSheet(ERROR_STYLE)
        self.file_problems.hide()
        layout.addWidget(self.file_problems)
        self.columns = ColumnTable()
        self.columns.column_chosen.connect(self.choose_column)
        layout.addWidget(self.columns)
        self.preview = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.preview)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.skip_invalid = QCheckBox(
            tr("ImportDialog", "Bỏ qua các dòng có lỗi, nhập các dòng còn lại")
        )
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(tr("ImportDialog", "Nhập"))
        self.stop_button = QPushButton(tr("ImportDialog", "Dừng"))
        self.close_button = QPushButton(tr("ImportDialog", "Đóng"))
        for button in (self.import_button, self.stop_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.choose_button.clicked.connect(self.choose)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.header_row.valueChanged.connect(self._header_row_changed)
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.import_button.clicked.connect(self.confirm)
        self.stop_button.clicked.connect(self.stop_job)
        self.close_button.clicked.connect(self.reject)
        self.resize(960, 680)

    # -- choosing ---------------------------------------------------------------------
    @property
    def entity(self) -> str:
        """The kind of record chosen."""
        return str(self.kind.currentData())

    def _ask_for_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("ImportDialog", "Chọn tệp danh sách"),
            "",
            tr("ImportDialog", "Bảng tính (*.xlsx *.csv);;Mọi tệp (*)"),
        )
        return Path(name) if name else None

    def choose(self) -> None:
        """Ask for a file, then read and preview it."""
        path = self._choose_file()
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Read ``path`` (its first sheet) and preview it."""
        self.path = Path(path)
        self.file.setText(str(self.path))
        self.source, self.plan = None, None
        self._chosen, self._header_row = {}, None
        self._run_preview(sheet=None, read=True)

    def _kind_changed(self) -> None:
        if not self._filling and self.source is not None:
            self._chosen, self._header_row = {}, None
            self._run_preview(sheet=self.source.sheet.name, read=False)

    def _sheet_changed(self) -> None:
        if self._filling or self.source is None:
            return
        self._chosen, self._header_row = {}, None
        self._run_preview(sheet=self.sheet.currentText(), read=True)

    def _header_row_changed(self, value: int) -> None:
        if not self._filling and self.source is not None:
            self._header_row = value
            self._chosen = {}
            self._run_preview(sheet=self.source.sheet.name, read=False)

    def choose_column(self, index: int, name: str | None) -> None:
        """Give column ``index`` the field ``name`` (None: leave it out), then preview again."""
        self._chosen[index] = name
        self._run_preview(sheet=self.source.sheet.name, read=False)

    # -- previewing (read lane) -------------------------------------------------------
    def _run_preview(self, *, sheet: str | None, read: bool) -> None:
        path, entity, source = self.path, self.entity, self.source
        if path is None:
            return
        header_row, chosen = self._header_row, dict(self._chosen) or None

        def job(ctx: JobContext) -> tuple[Any, Any]:
            check = self._check(ctx)
            found = source
            if read or found is None:
                reading = tr("ImportDialog", "Đang đọc tệp…")
                found = ctx.session.read_import_file(
                    path, sheet=sheet, check=check,
                    progress=lambda done, total: ctx.progress(done, total, reading),
                )  # fmt: skip
            checking = tr("ImportDialog", "Đang kiểm tra từng dòng…")
            plan = ctx.session.preview_import(
                found, entity=entity, header_row=header_row, columns=chosen, db=ctx.reader,
                check=check, progress=lambda done, total: ctx.progress(done, total, checking),
            )  # fmt: skip
            return found, plan

        self._start(READ, job, self._previewed, tr("ImportDialog", "Đang đọc tệp…"),
                    self._preview_failed)  # fmt: skip

    def _previewed(self, result: tuple[Any, Any]) -> None:
        self._finish()
        self.source, self.plan = result
        self._fill()
        notice, self._notice = self._notice, ""
        self.status.setStyleSheet(ERROR_STYLE if notice else "")
        self.status.setText(notice)

    def _preview_failed(self, error: BaseException) -> None:
        """A file that cannot be read (or a choice refused): no preview, nothing to import."""
        self.plan = None
        self.preview.show_plan(None, {})
        self.columns.setRowCount(0)
        self.file_problems.hide()
        self.summary.setText("")
        self._failed(error)

    def _fill(self) -> None:
        """Show the sheet, the header row, the columns and the rows of the plan."""
        plan, source = self.plan, self.source
        self._filling = True
        self.sheet.clear()
        self.sheet.addItems(list(source.sheet_names))
        self.sheet.setCurrentText(source.sheet.name)
        self.header_row.setRange(1, max(len(source.sheet.rows), 1))
        self.header_row.setValue(plan.layout.header_row)
        self._filling = False
        labels = dict(Session.import_columns(self.entity))
        self.columns.show_columns(plan.layout.columns, labels)
        self.preview.show_plan(plan, labels)
        self.table.resizeColumnsToContents()
        problems = [p.message for p in plan.problems]
        self.file_problems.setText("\n".join(problems))
        self.file_problems.setVisible(bool(problems))
        self.summary.setText(
            tr(
                "ImportDialog",
                "Thêm mới {add}, cập nhật {update}, đã có {same}, trùng {duplicate}, có lỗi "
                "{invalid}; {blank} dòng trống bỏ qua.",
                add=plan.count("add"), update=plan.count("update"), same=plan.count("same"),
                duplicate=plan.count("duplicate"), invalid=plan.count("invalid"),
                blank=plan.blank_rows,
            )
        )  # fmt: skip
        self._update_buttons()

    # -- importing (DB lane) ----------------------------------------------------------
    def confirm(self) -> None:
        """Write the previewed rows: new records and the ticked updates, all at once."""
        plan, skipped, skip_invalid = (
            self.plan,
            set(self.preview.skipped),
            self.skip_invalid.isChecked(),
        )

        def job(ctx: JobContext) -> Any:
            writing = tr("ImportDialog", "Đang ghi vào dữ liệu…")
            return ctx.session.import_rows(
                plan, skip_updates=skipped, skip_invalid=skip_invalid, check=self._check(ctx),
                progress=lambda done, total: ctx.progress(done, total, writing),
            )  # fmt: skip

        self._start(DB, job, self._imported, tr("ImportDialog", "Đang ghi vào dữ liệu…"),
                    self._import_failed)  # fmt: skip

    def _import_failed(self, error: BaseException) -> None:
        """Nothing was written. Unless the user stopped it, the store or the file may have
        changed since the preview: preview again, and keep the reason in view."""
        self._failed(error)
        if not isinstance(error, OperationCancelled) and self.source is not None:
            self._notice = self.status.text()
            self._run_preview(sheet=self.source.sheet.name, read=False)

    def _imported(self, done: Any) -> None:
        self._finish()
        self.plan = None
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(
            tr(
                "ImportDialog",
                "Đã nhập: thêm {added}, cập nhật {updated}; {left} dòng không ghi. Các thay đổi "
                "sẽ được gửi lên máy chủ của thành phố ở lần đồng bộ tới.",
                added=done.added, updated=done.updated, left=done.left,
            )
        )  # fmt: skip
        self._update_buttons()
        if self._bus is not None:
            self._bus.data_changed.emit(done.result.entities)
        self.imported.emit(done)

    def _update_buttons(self) -> None:
        ready = self.plan is not None and not self._running
        refusal = (
            Session.import_refusal(self.plan, skip_invalid=self.skip_invalid.isChecked())
            if ready
            else None
        )
        writes = ready and (self.plan.count("add") + self.plan.count("update")) > 0
        self.import_button.setEnabled(bool(writes) and refusal is None)
        self.stop_button.setEnabled(self._running)
        for widget in (self.kind, self.choose_button, self.sheet, self.header_row, self.columns):
            widget.setEnabled(not self._running)
