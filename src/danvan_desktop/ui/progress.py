"""Long jobs with a progress window the user can cancel.

The job runs on a lane; its ``ctx.progress`` reports arrive here through the
runner's signals and move the bar. Cancel sets the job's event: the job stops at
its next ``ctx.check_cancelled()`` and nothing half-done is kept (each step is
its own transaction). The window appears only if the job takes more than a
moment, so quick jobs do not flash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.ui.task_runner import JobContext, Task, TaskRunner
from danvan_desktop.ui.text import tr

SHOW_AFTER_MS = 400


def run_with_progress(
    parent: QWidget | None,
    runner: TaskRunner,
    lane: str,
    fn: Callable[[JobContext], Any],
    *,
    text: str,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    cancellable: bool = True,
) -> tuple[Task, QProgressDialog]:
    """Run ``fn`` on ``lane`` behind a progress window; returns the task and the window."""
    dialog = QProgressDialog(text, tr("Progress", "Hủy"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if message:
            dialog.setLabelText(message)

    def finished(result: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        if on_done:
            on_done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        dialog.deleteLater()
        if isinstance(error, OperationCancelled) and on_error is None:
            return
        if on_error:
            on_error(error)
        else:
            runner.failed.emit(error)

    task = runner.run(
        lane, fn, on_done=finished, on_error=failed, on_progress=progressed, owner=parent
    )
    dialog.canceled.connect(lambda: _cancel(task, dialog, failed))
    return task, dialog


def _cancel(task: Task, dialog: QProgressDialog, failed: Callable[[BaseException], None]) -> None:
    """Ask the job to stop; its callbacks are dropped, so report the cancellation here."""
    if task.finished:
        return
    task.cancel()
    failed(OperationCancelled(""))
