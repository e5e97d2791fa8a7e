"""Export one document from a page: choose a folder, write on the DB lane, say where it went.

A simple door for pages that export a single kind (the regulation, the
commendation list): the folder comes from ``choose_folder`` (a folder dialog by
default; tests pass their own), the write runs through ``Session.export_report``
on the DB lane behind a progress window that can be cancelled, and the result
says where the file is and, for a USB stick, that it is safe to remove.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.ui.progress import run_with_progress
from danvan_desktop.ui.task_runner import DB, JobContext, TaskRunner
from danvan_desktop.ui.text import tr

FolderChooser = Callable[[], Path | None]


def folder_dialog(parent: QWidget) -> FolderChooser:
    """A chooser that asks with the system's folder dialog."""

    def choose() -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            parent, tr("ReportExportUi", "Chọn thư mục hoặc USB để lưu tệp")
        )
        return Path(folder) if folder else None

    return choose


def written_text(written: Any) -> str:
    """What to tell the user once the file is written."""
    text = tr("ReportExportUi", "Đã ghi {path}.", path=str(written.path))
    if getattr(written, "safe_to_remove", False):
        text += " " + tr("ReportExportUi", "An toàn để rút USB.")
    return text


def error_text(error: BaseException) -> str:
    """What to tell the user when the export did not happen."""
    if isinstance(error, OperationCancelled):
        return tr("ReportExportUi", "Đã hủy xuất tệp; không có tệp nào được ghi dở.")
    if isinstance(error, DanvanError):
        return error.message
    return tr(
        "ReportExportUi",
        "Không xuất được tệp ({error}): hãy thử lại hoặc chọn thư mục khác.",
        error=type(error).__name__,
    )


def export_document(
    parent: QWidget,
    runner: TaskRunner,
    *,
    kind: str,
    file_format: str,
    params: dict[str, Any],
    choose_folder: FolderChooser,
    report: Callable[[str, bool], None],
) -> bool:
    """Export ``kind`` to ``file_format``; ``report(text, ok)`` is told the outcome.

    Returns False when no folder was chosen (nothing started).
    """
    folder = choose_folder()
    if folder is None:
        return False

    def job(ctx: JobContext) -> Any:
        return ctx.session.export_report(
            kind,
            file_format,
            folder,
            progress=ctx.progress,
            cancel=ctx.cancelled,
            **params,
        )

    run_with_progress(
        parent,
        runner,
        DB,
        job,
        text=tr("ReportExportUi", "Đang xuất tệp {format}…", format=file_format.upper()),
        on_done=lambda written: report(written_text(written), True),
        on_error=lambda error: report(error_text(error), False),
    )
    return True
