"""A dialog that runs one long job at a time and is not closed under it.

Closing the dialog (Esc, «Đóng», the window's close button) while its job runs
asks the job to stop instead: the user sees it end (and what it left behind)
before the dialog goes. The export and USB bundle dialogs are such dialogs.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog


class JobDialog(QDialog):
    """Subclasses say whether their job runs and how to ask it to stop."""

    def job_running(self) -> bool:
        """Whether the dialog's job is running now."""
        raise NotImplementedError

    def stop_job(self) -> None:
        """Ask the running job to stop (it reports how it ended as usual)."""
        raise NotImplementedError

    def reject(self) -> None:
        """Close, unless the job runs: then ask it to stop first."""
        if self.job_running():
            self.stop_job()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button behaves like «Đóng»."""
        if self.job_running():
            self.stop_job()
            event.ignore()
            return
        super().closeEvent(event)
