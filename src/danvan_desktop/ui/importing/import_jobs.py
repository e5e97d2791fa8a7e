"""The running part of the import dialog: one job at a time on a lane (reading, previewing
or importing a file), its progress bar, «Dừng», and the status line saying how it ended.

``ImportDialog`` (ui/importing/import_dialog.py) builds on it and places ``progress`` and
``status`` in its layout; a job stops at its next check when «Dừng» is pressed or the
dialog is closed under it, writing nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.job_dialog import JobDialog


class ImportJobs(JobDialog):
    """A dialog running the import's jobs one at a time (see the module's notes)."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._stop = threading.Event()
        self._running = False
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

    # -- JobDialog --------------------------------------------------------------------
    def job_running(self) -> bool:
        """Whether a read, a preview or an import is running."""
        return self._running

    def stop_job(self) -> None:
        """Ask the running job to stop (it ends at its next check, writing nothing)."""
        if self._running:
            self._stop.set()
            self.status.setText(tr("ImportDialog", "Đang dừng…"))

    def _check(self, ctx: JobContext) -> Callable[[], None]:
        def check() -> None:
            ctx.check_cancelled()
            if self._stop.is_set():
                raise OperationCancelled(tr("ImportDialog", "Đã dừng."))

        return check

    def _start(
        self,
        lane: str,
        job: Callable[[JobContext], Any],
        done: Callable[[Any], None],
        text: str,
        failed: Callable[[BaseException], None],
    ) -> None:
        self._stop.clear()
        self._running = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(text)
        self._update_buttons()
        self._runner.run(lane, job, on_done=done, on_error=failed,
                         on_progress=self._progressed, owner=self)  # fmt: skip

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        if text:
            self.status.setText(text)

    def _finish(self) -> None:
        self._running = False
        self.progress.hide()

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, OperationCancelled):
            message = tr("ImportDialog", "Đã dừng: chưa ghi gì vào dữ liệu.")
        elif isinstance(error, DanvanError):
            message = error.message
        else:
            message = tr("ImportDialog", "Lỗi không mong đợi: {error}", error=error)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Enable what may be used now (the dialog says what); called as a job starts and ends."""
