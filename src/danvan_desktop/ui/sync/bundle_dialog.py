"""Đồng bộ qua USB: write a sync bundle onto a stick, or import the reply from the city's server.

Two modes of one dialog, opened from the Đồng bộ page:

- «Ghi gói ra USB»: the sticks plugged in (``PlacesBox``), an optional passphrase
  typed twice, then ``Session.write_sync_bundle`` on the DB lane with progress and
  «Dừng»; the result says how many changes and files went and whether the stick may
  be pulled out.
- «Nhập gói trả lời»: a ``.dvbundle`` file and its passphrase (if one was set), then
  ``Session.import_sync_reply``; the result says what the server confirmed and how
  many records arrived.

Signals:
    completed(object): the written bundle or the applied reply.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.ui.task_runner import JobContext, Task, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.export_targets import PlacesBox, VolumeLister
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.job_dialog import JobDialog

WRITE = "write"
IMPORT = "import"
OK_STYLE = "color: #1b6e20;"


class BundleDialog(JobDialog):
    """Write a bundle (``mode=WRITE``) or import a reply (``mode=IMPORT``)."""

    completed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        mode: str,
        parent: QWidget | None = None,
        list_volumes: VolumeLister | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._list_volumes = list_volumes
        self.mode = mode
        self._task: Task | None = None
        # Our own stop flag, not Task.cancel(): that drops the job's callbacks, and the
        # dialog would never hear that the job ended (stuck on «Đang dừng…», unclosable).
        self._stop = threading.Event()
        self.places: PlacesBox | None = None
        self.file = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_error = QLabel()
        self.passphrase_error.setStyleSheet(ERROR_STYLE)
        self.passphrase_error.setWordWrap(True)
        self.passphrase_error.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.action_button = QPushButton()
        self.cancel_button = QPushButton(tr("BundleDialog", "Dừng"))
        self.close_button = QPushButton(tr("BundleDialog", "Đóng"))
        self._build()
        self._update_buttons()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel()
        intro.setWordWrap(True)
        form = QFormLayout()
        if self.mode == WRITE:
            self.setWindowTitle(tr("BundleDialog", "Ghi gói đồng bộ ra USB"))
            intro.setText(
                tr(
                    "BundleDialog",
                    "Khi không có mạng, hãy ghi các thay đổi chưa gửi vào một gói trên USB và "
                    "mang đến xã để nhập vào máy chủ của thành phố. Gói được ký bằng khóa của máy "
                    "này; "
                    "nếu đặt mật khẩu, nội dung gói được mã hóa và ở xã cần nhập đúng mật khẩu.",
                )
            )
            self.places = PlacesBox(self._runner, self._list_volumes, parent=self)
            self.places.folder_button.clicked.connect(self._pick_folder)
            self.places.changed.connect(self._update_buttons)
            layout.addWidget(intro)
            layout.addWidget(self.places)
            form.addRow(tr("BundleDialog", "Mật khẩu (không bắt buộc):"), self.passphrase)
            form.addRow(tr("BundleDialog", "Nhập lại mật khẩu:"), self.repeat)
            self.action_button.setText(tr("BundleDialog", "Ghi gói"))
            self.action_button.clicked.connect(self.write_bundle)
        else:
            self.setWindowTitle(tr("BundleDialog", "Nhập gói trả lời từ USB"))
            intro.setText(
                tr(
                    "BundleDialog",
                    "Chọn gói trả lời (tệp .dvbundle) mà máy chủ của thành phố làm cho máy này. "
                    "Gói "
                    "mang kết quả của các thay đổi đã gửi và dữ liệu mới của tổ.",
                )
            )
            self.file.setReadOnly(True)
            self.choose_button = QPushButton(tr("BundleDialog", "Chọn tệp…"))
            self.choose_button.clicked.connect(self._pick_file)
            row = QHBoxLayout()
            row.addWidget(self.file, 1)
            row.addWidget(self.choose_button)
            layout.addWidget(intro)
            form.addRow(tr("BundleDialog", "Gói trả lời:"), row)
            form.addRow(tr("BundleDialog", "Mật khẩu (nếu có):"), self.passphrase)
            self.action_button.setText(tr("BundleDialog", "Nhập gói"))
            self.action_button.clicked.connect(self.import_reply)
        layout.addLayout(form)
        layout.addWidget(self.passphrase_error)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.action_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.resize(620, 460 if self.mode == WRITE else 280)

    def showEvent(self, event: Any) -> None:
        """List the sticks when the dialog first shows."""
        super().showEvent(event)
        if self.places is not None and self.places.places.count() == 0:
            self.places.refresh()

    # -- choosing ---------------------------------------------------------------------
    def choose_folder(self) -> Path | None:
        """The folder dialog (tests replace it)."""
        folder = QFileDialog.getExistingDirectory(
            self, tr("BundleDialog", "Chọn USB hoặc thư mục để ghi gói")
        )
        return Path(folder) if folder else None

    def choose_file(self) -> Path | None:
        """The file dialog (tests replace it)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            tr("BundleDialog", "Chọn gói trả lời"),
            "",
            tr("BundleDialog", "Gói đồng bộ (*.dvbundle)"),
        )
        return Path(name) if name else None

    def _pick_folder(self) -> None:
        folder = self.choose_folder()
        if folder is not None and self.places is not None:
            self.places.places.add_folder(folder)

    def _pick_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.file.setText(str(path))
            self._update_buttons()

    # -- running ----------------------------------------------------------------------
    def write_bundle(self) -> None:
        """Write the bundle onto the chosen stick (DB lane), unless the passphrases differ."""
        target = self.places.places.chosen() if self.places is not None else None
        if target is None:
            return
        secret = self.passphrase.text()
        if secret != self.repeat.text():
            self._passphrase_problem(
                tr("BundleDialog", "Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.")
            )
            self.repeat.setFocus()
            return
        folder = target.path
        stop = self._stop = threading.Event()

        def job(ctx: JobContext) -> Any:
            def progress(done: int, total: int | None) -> None:
                ctx.progress(done, total or 0, tr("BundleDialog", "Đang ghi gói…"))

            return ctx.session.write_sync_bundle(
                folder, passphrase=secret or None, cancel=stop, progress=progress
            )

        self._start(job, tr("BundleDialog", "Đang chuẩn bị gói…"))

    def import_reply(self) -> None:
        """Apply the chosen reply bundle (DB lane)."""
        if not self.file.text():
            return
        path, secret = Path(self.file.text()), self.passphrase.text()

        def job(ctx: JobContext) -> Any:
            return ctx.session.import_sync_reply(path, passphrase=secret or None)

        self._start(job, tr("BundleDialog", "Đang kiểm tra và nhập gói…"))

    def _start(self, job: Any, text: str) -> None:
        self.passphrase_error.hide()
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._task = self._runner.db(
            job,
            on_done=self._succeeded,
            on_error=self._failed,
            on_progress=self._progressed,
            owner=self,
        )
        self._update_buttons()

    def cancel(self) -> None:
        """Stop writing at the next block: a cancelled bundle leaves nothing on the stick."""
        if self._task is not None:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("BundleDialog", "Đang dừng…"))

    def _progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(done * 100 // total)
        if text:
            self.status.setText(text)

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self._update_buttons()

    def _succeeded(self, result: Any) -> None:
        self._finish()
        self.status.setStyleSheet(OK_STYLE)
        if self.mode == WRITE:
            lines = [
                tr(
                    "BundleDialog",
                    "Đã ghi gói {name}: {operations} thay đổi, {files} tệp đính kèm.",
                    name=result.path.name,
                    operations=result.operations,
                    files=result.files,
                )
            ]
            lines.append(
                tr("BundleDialog", "An toàn để rút USB.")
                if result.safe_to_remove
                else tr(
                    "BundleDialog",
                    "Dữ liệu có thể chưa xuống hết USB: hãy dùng «Gỡ USB an toàn» của máy "
                    "trước khi rút.",
                )
            )
            if self.places is not None:
                self.places.refresh()
        else:
            lines = [
                tr(
                    "BundleDialog",
                    "Đã nhập gói trả lời: máy chủ xác nhận {settled} thay đổi, từ chối "
                    "{rejected}; nhận {changes} bản ghi mới.",
                    settled=result.settled,
                    rejected=result.rejected,
                    changes=result.changes,
                )
            ]
            lines += [n for n in (result.joined_note(), result.deferred_note()) if n]
        self.status.setText("\n".join(lines))
        self.completed.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, OperationCancelled):
            self.status.setStyleSheet("")
            self.status.setText(tr("BundleDialog", "Đã dừng: không có gì được ghi ra USB."))
            return
        message = error.message if isinstance(error, DanvanError) else repr(error)
        if getattr(error, "field", None) == "passphrase":
            self._passphrase_problem(message)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _passphrase_problem(self, message: str) -> None:
        self.passphrase_error.setText(message)
        self.passphrase_error.show()
        self.passphrase.setFocus()

    def _update_buttons(self) -> None:
        running = self._task is not None
        if self.mode == WRITE:
            ready = self.places is not None and self.places.places.chosen() is not None
            if self.places is not None:
                self.places.set_busy(running)
        else:
            ready = bool(self.file.text())
        self.action_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(running and self.mode == WRITE)
        self.close_button.setEnabled(not running)

    # -- closing (JobDialog) ------------------------------------------------------------
    def job_running(self) -> bool:
        return self._task is not None

    def stop_job(self) -> None:
        self.cancel()
