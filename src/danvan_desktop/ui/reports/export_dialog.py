"""Xuất ra USB: write one document, in one or more formats, safely onto a stick.

The dialog lists the sticks plugged in (refreshed when it opens and with a
button; label, free space, read-only marked), the last folder used and any other
folder chosen; it proposes a file name that every stick and Windows accept and
checks the name as it is typed, the message beside the field; it offers the
formats the kind allows and issuing the document (its issuing body's next number,
the document stored as issued). Given an issued document (``issued``) it writes that
stored copy again, in any of its formats. The export runs on the DB lane behind a
progress bar with a Cancel button that stops it for real (a ``threading.Event`` the
write checks between blocks). «An toàn để rút USB» appears only when the files went
onto a removable drive and every one reports ``safe_to_remove``; a folder on the
computer gets no word about USB. A failure shows the Vietnamese message and leaves
the dialog open to try again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, OperationCancelled, ValidationError
from danvan_desktop.core.vndate import short_date
from danvan_desktop.session.reports import check_file_name
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.reports.export_job import ExportRequest, run_export
from danvan_desktop.ui.reports.issued_list import issue_hint
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.export_targets import PlacesBox, VolumeLister, WrappingLabel
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE, add_row
from danvan_desktop.ui.widgets.job_dialog import JobDialog

if TYPE_CHECKING:
    from danvan_desktop.session.reports import ExportedFile, IssuedEntry, ReportKind

OK_STYLE = "color: #1b5e20; font-weight: bold;"
HINT_STYLE = "color: #555;"
EXTENSIONS = {"docx": ".docx", "pdf": ".pdf", "xlsx": ".xlsx"}
FolderChooser = Callable[[], Path | None]
StepHook = Callable[[int, str], None]


def format_label(file_format: str) -> str:
    """How a format is named next to its box."""
    labels = {
        "docx": tr("ExportDialog", "Word (DOCX)"),
        "pdf": tr("ExportDialog", "PDF"),
        "xlsx": tr("ExportDialog", "Excel (XLSX)"),
    }
    return labels[file_format]


def error_text(error: BaseException) -> str:
    """What to tell the user when the export did not happen."""
    if isinstance(error, OperationCancelled):
        return tr("ExportDialog", "Đã hủy xuất tệp; không có tệp nào được ghi.")
    if isinstance(error, DanvanError):
        return error.message
    return tr(
        "ExportDialog",
        "Không xuất được tệp ({error}): hãy thử lại hoặc chọn nơi lưu khác.",
        error=type(error).__name__,
    )


class ExportDialog(JobDialog):
    """Export one document to a stick or a folder.

    Signals:
        places_loaded(): the sticks and the last folder are listed.
        exported(object): the export succeeded (the list of WrittenFile).
        export_failed(str): the export failed or was cancelled (the message shown).
    """

    places_loaded = Signal()
    exported = Signal(object)
    export_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        kind: ReportKind,
        params: dict[str, Any],
        subtitle: str,
        suggested_name: str,
        list_volumes: VolumeLister | None = None,
        choose_folder: FolderChooser | None = None,
        issued: IssuedEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ExportDialog", "Xuất ra USB"))
        self._runner = runner
        self._kind = kind
        # An issued document written again: its stored copy, whatever the formats.
        self._issued = issued
        self._params = dict(params)
        self._suggested = suggested_name
        self._list_volumes = list_volumes
        self.choose_folder: FolderChooser = choose_folder or self._ask_folder
        # Called on the worker at every progress step; tests pause here to cancel mid-write.
        self.step_hook: StepHook | None = None
        self._cancel: threading.Event | None = None
        self._build(subtitle)
        self.refresh_places()
        self._update_buttons()

    # -- building ---------------------------------------------------------------------
    def _build(self, subtitle: str) -> None:
        layout = QVBoxLayout(self)
        if self._issued is not None:
            title = tr("ExportDialog", "Xuất lại «{title}»", title=self._issued.title)
        else:
            title = tr("ExportDialog", "Xuất «{kind}»", kind=self._kind.label())
        layout.addWidget(heading(title))
        # Wrapped texts are WrappingLabels: on a small screen the dialog keeps room for
        # their lines instead of drawing them over the list of places.
        if subtitle:
            layout.addWidget(WrappingLabel(subtitle))
        self.where = PlacesBox(self._runner, self._list_volumes)
        self.where.changed.connect(self._update_buttons)
        self.where.loaded.connect(self.places_loaded)
        self.where.folder_button.clicked.connect(self.pick_folder)
        self.places = self.where.places
        layout.addWidget(self.where)
        form = QFormLayout()
        self.name = QLineEdit(self._suggested)
        self.name_error = add_row(form, tr("ExportDialog", "Tên tệp"), self.name)
        self.name.textEdited.connect(lambda _text: self._name_changed(edited=True))
        self.name.textChanged.connect(lambda _text: self._name_changed(edited=False))
        self._name_edited = False
        form.addRow(tr("ExportDialog", "Định dạng"), self._build_formats())
        form.addRow(tr("ExportDialog", "Số văn bản"), self._build_issue())
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = WrappingLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safe = WrappingLabel(tr("ExportDialog", "An toàn để rút USB."))
        self.safe.setStyleSheet(OK_STYLE)
        self.safe.hide()
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.safe)
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(620)

    def _build_formats(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.formats: dict[str, QCheckBox] = {}
        for file_format in self._kind.formats:
            box = QCheckBox(format_label(file_format))
            box.setChecked(file_format == "docx")
            box.toggled.connect(lambda _on: self._name_changed(edited=False))
            self.formats[file_format] = box
            row.addWidget(box)
        row.addStretch(1)
        return holder

    def _build_issue(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        numbered = self._kind.numbered
        self.issue = QCheckBox(
            tr("ExportDialog", "Cấp số văn bản khi xuất")
            if numbered
            else tr("ExportDialog", "Ban hành văn bản khi xuất")
        )
        self.issue.setEnabled(self._kind.issuable and self._issued is None)
        self.issue.setChecked(self._issued is not None)
        explain = WrappingLabel(issue_hint(self._kind, self._issued))
        explain.setStyleSheet(HINT_STYLE)
        column.addWidget(self.issue)
        column.addWidget(explain)
        return holder

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.export_button = QPushButton(tr("ExportDialog", "Xuất"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(tr("ExportDialog", "Hủy xuất"))
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button = QPushButton(tr("ExportDialog", "Đóng"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.export_button, self.cancel_button, self.close_button):
            row.addWidget(button)
        return row

    # -- places -----------------------------------------------------------------------
    def refresh_places(self) -> None:
        """List the sticks plugged in again."""
        self.where.refresh()

    def pick_folder(self) -> None:
        """Add a folder chosen by the user (a stick not detected, or the computer)."""
        folder = self.choose_folder()
        if folder is not None:
            self.where.places.add_folder(folder)

    def _ask_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("ExportDialog", "Chọn thư mục hoặc USB để lưu tệp")
        )
        return Path(folder) if folder else None

    # -- file name and formats --------------------------------------------------------
    def chosen_formats(self) -> tuple[str, ...]:
        """The ticked formats, in the kind's order."""
        return tuple(f for f, box in self.formats.items() if box.isChecked())

    def stem(self) -> str:
        """The typed name without a format's extension (the formats add their own)."""
        text = self.name.text()
        for extension in EXTENSIONS.values():
            if text.lower().endswith(extension):
                return text[: -len(extension)]
        return text

    def name_problem(self) -> str:
        """Why the typed name cannot be used for the ticked formats ("" when it can)."""
        messages: list[str] = []
        for file_format in self.chosen_formats() or ("docx",):
            try:
                check_file_name(self.stem() + EXTENSIONS[file_format])
            except ValidationError as exc:
                messages += [p.message for p in exc.problems if p.message not in messages]
        return " ".join(messages)

    def _name_changed(self, *, edited: bool) -> None:
        if edited:
            self._name_edited = True
        self.name_error.show_message(self.name_problem())
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._cancel is not None
        ready = (
            not running
            and self.places.chosen() is not None
            and bool(self.chosen_formats())
            and not self.name_problem()
        )
        self.export_button.setEnabled(ready)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        self.where.set_busy(running)
        self.name.setEnabled(not running)

    # -- exporting --------------------------------------------------------------------
    def request(self) -> ExportRequest:
        """What the current choices ask for."""
        target = self.places.chosen()
        assert target is not None
        # An untouched name lets the session name the file, with the number once issued.
        stem = self.stem() if self._name_edited else None
        return ExportRequest(
            kind=self._kind.name,
            formats=self.chosen_formats(),
            target_dir=target.path,
            stem=stem,
            issue=self.issue.isChecked(),
            params=self._params,
            removable=target.volume is not None,
            issued_id=None if self._issued is None else self._issued.id,
        )

    def start_export(self) -> None:
        """Write the files on the DB lane; the outcome is shown when it comes back."""
        if not self.export_button.isEnabled():
            return
        request = self.request()
        cancel = threading.Event()
        hook = self.step_hook

        def job(ctx: JobContext) -> list[ExportedFile]:
            def progress(done: int, total: int, text: str) -> None:
                ctx.progress(done, total, text)
                if hook is not None:
                    hook(done, text)

            return run_export(ctx.session, request, progress=progress, cancel=cancel)

        self._cancel = cancel
        self.safe.hide()
        self.status.setStyleSheet("")
        self.status.setText(tr("ExportDialog", "Đang chuẩn bị…"))
        self.progress.setValue(0)
        self.progress.show()
        self._update_buttons()
        self._runner.db(
            job,
            on_done=self._succeeded,
            on_error=self._failed,
            on_progress=self._progressed,
            owner=self,
        )

    def cancel_export(self) -> None:
        """Stop the export at its next step or written block; nothing is left behind."""
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("ExportDialog", "Đang dừng…"))

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setValue(done * 100 // max(total, 1))
        if text and not (self._cancel is not None and self._cancel.is_set()):
            self.status.setText(text)

    def _finish(self) -> None:
        self._cancel = None
        self.progress.hide()
        self._update_buttons()

    def _succeeded(self, written: list[ExportedFile]) -> None:
        self._finish()
        folder = written[0].path.parent if written else Path()
        names = "\n".join(f"  {one.path.name}" for one in written)
        self.status.setStyleSheet("")
        self.status.setText(
            tr("ExportDialog", "Đã ghi {count} tệp vào {folder}:", count=len(written),
               folder=str(folder)) + "\n" + names
        )  # fmt: skip
        issued = written[0].issued if written else None
        if issued is not None and issued.reference and self._issued is None:
            self.status.setText(
                tr("ExportDialog", "Đã cấp số {number} ngày {date}.", number=issued.reference,
                   date=short_date(issued.issued_on)) + "\n" + self.status.text()
            )  # fmt: skip
        # Only a flushed volume may be pulled: safe_to_remove says the flush happened. A
        # folder on the computer has nothing to pull: no word about USB then.
        if not any(one.on_removable for one in written):
            self.safe.hide()
            self.refresh_places()
            self.exported.emit(written)
            return
        if all(one.safe_to_remove for one in written):
            self.safe.setText(tr("ExportDialog", "An toàn để rút USB."))
            self.safe.setStyleSheet(OK_STYLE)
        else:
            self.safe.setText(
                tr(
                    "ExportDialog",
                    "Dữ liệu có thể chưa xuống hết USB: hãy dùng «Gỡ USB an toàn» của máy "
                    "trước khi rút.",
                )
            )
            self.safe.setStyleSheet(ERROR_STYLE)
        self.safe.show()
        self.refresh_places()  # the free space changed
        self.exported.emit(written)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        message = error_text(error)
        if not isinstance(error, OperationCancelled):  # support reads it in gui.log;
            # a refused field is named, not quoted: a file name may name a person.
            cause = error.fields if isinstance(error, ValidationError) else error
            logging.getLogger(__name__).warning(
                "report export failed: %s: %s", type(error).__name__, cause
            )
        if isinstance(error, ValidationError) and "file_name" in error.fields:
            self.name_error.show_message(message)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)
        self.export_failed.emit(message)

    # -- closing (JobDialog) ------------------------------------------------------------
    def job_running(self) -> bool:
        return self._cancel is not None

    def stop_job(self) -> None:
        self.cancel_export()
