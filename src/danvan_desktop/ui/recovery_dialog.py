"""The way out when the data cannot be trusted: restore a backup, carry on, or quit.

Shown when the store cannot be opened, or when the full integrity check after an
unclean shutdown finds problems. It says what was found and what to do, lists
the backups newest first, and lets the leader restore one in two clicks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.session.data_folder import list_backups
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

PATH_ROLE = Qt.ItemDataRole.UserRole + 1

RESTORE = 10
CONTINUE = 11
QUIT = 12


def backups_with_times(data_dir: Path) -> list[tuple[Path, dt.datetime]]:
    """Backups in the data folder with their time, newest first (runs on a lane)."""
    return [
        (path, dt.datetime.fromtimestamp(path.stat().st_mtime)) for path in list_backups(data_dir)
    ]


class RecoveryDialog(QDialog):
    """Explains the problem and offers the backups; ``choice`` and ``chosen`` tell the answer."""

    def __init__(
        self,
        *,
        title: str,
        explanation: str,
        problems: list[str],
        backups: list[tuple[Path, dt.datetime]],
        allow_continue: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("RecoveryDialog", "Dân vận khéo — kiểm tra dữ liệu"))
        self.choice = QUIT
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout.addWidget(text)
        if problems:
            details = QLabel("\n".join(f"• {p}" for p in problems[:8]))
            details.setWordWrap(True)
            details.setStyleSheet(ERROR_STYLE)
            details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(details)
        layout.addWidget(QLabel(tr("RecoveryDialog", "Các bản sao lưu (mới nhất ở trên):")))
        self.backups = QListWidget()
        for path, when in backups:
            item = QListWidgetItem(
                tr(
                    "RecoveryDialog",
                    "{day} lúc {time} — {name}",
                    day=date_text(when.date()),
                    time=when.strftime("%H:%M"),
                    name=path.name,
                )
            )
            item.setData(PATH_ROLE, str(path))
            self.backups.addItem(item)
        if backups:
            self.backups.setCurrentRow(0)
        else:
            self.backups.addItem(tr("RecoveryDialog", "Chưa có bản sao lưu nào."))
        layout.addWidget(self.backups, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(tr("RecoveryDialog", "Khôi phục bản đã chọn"))
        self.restore_button.setEnabled(bool(backups))
        self.continue_button = QPushButton(tr("RecoveryDialog", "Vẫn mở dữ liệu hiện tại"))
        self.continue_button.setVisible(allow_continue)
        self.quit_button = QPushButton(tr("RecoveryDialog", "Thoát"))
        for button in (self.restore_button, self.continue_button, self.quit_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._restore)
        self.continue_button.clicked.connect(lambda: self._answer(CONTINUE))
        self.quit_button.clicked.connect(lambda: self._answer(QUIT))
        self.resize(640, 460)

    def _restore(self) -> None:
        item = self.backups.currentItem()
        if item is None or not item.data(PATH_ROLE):
            return
        self.chosen = Path(str(item.data(PATH_ROLE)))
        self._answer(RESTORE)

    def _answer(self, choice: int) -> None:
        self.choice = choice
        self.done(choice)
