"""The «Giới thiệu» box of the Cài đặt page: one button that opens the About dialog.

The window has no menu bar; Cài đặt is where a team leader (or the city's IT officer
on the phone with one) looks for the version and the logs. The dialog's module is
loaded when the button is pressed, not with the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr


class AboutBox(QGroupBox):
    """A short note and the button «Giới thiệu Dân vận khéo…»."""

    def __init__(self, runner: TaskRunner, data_dir: Callable[[], Path | None]) -> None:
        super().__init__(tr("AboutDialog", "Giới thiệu"))
        self._runner = runner
        self._data_dir = data_dir
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "AboutDialog",
                "Phiên bản và bản dựng của ứng dụng, thư mục dữ liệu, nhật ký lỗi, giấy phép "
                "của ứng dụng và của các thành phần đi kèm.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.about_button = QPushButton(tr("AboutDialog", "Giới thiệu Dân vận khéo…"))
        row = QHBoxLayout()
        row.addWidget(self.about_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.about_button.clicked.connect(self.open_about)

    def open_about(self) -> QDialog | None:
        """Open the About dialog (window-modal, without blocking the event loop)."""
        data_dir = self._data_dir()
        if data_dir is None:  # the page has not read its settings yet
            return None
        from danvan_desktop.ui.about.about_dialog import AboutDialog

        dialog = AboutDialog(self._runner, data_dir, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
