"""«Giới thiệu»: which build this is, where the data lives, and the licences.

The dialog shows the version, the commit and date of the build
(core/build_info.py), the data folder's path and a button that opens its logs
folder in the file manager; then the application's licence in one sentence and
the third-party notices (installer/notices.py made them; some 300 KB) in a
scrollable text. Finding the build (which may run git) and reading the notices
happen on the read lane, never on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core import build_info
from danvan_desktop.core.private_files import private_dir
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, tr

LOGS_FOLDER = "logs"  # as app.configure_logging: <data folder>/logs


def load_about(_ctx: JobContext) -> dict[str, Any]:
    """The build and the notices' text (read lane: it reads files and may run git)."""
    return {"build": build_info.current(), "notices": build_info.read_notices()}


def build_text(info: build_info.BuildInfo) -> str:
    """How the build reads: its commit and date, or that they are not known."""
    if info.commit and info.date:
        return tr(
            "AboutDialog", "{commit}, ngày {date}", commit=info.commit, date=date_text(info.date)
        )
    return info.commit or tr("AboutDialog", "không rõ")


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AboutDialog(QDialog):
    """The «Giới thiệu» dialog."""

    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.data_dir = data_dir
        self.setWindowTitle(tr("AboutDialog", "Giới thiệu"))
        self._build()
        runner.read(load_about, on_done=self._fill, on_error=self._not_read, owner=self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("AboutDialog", "Dân vận khéo")))
        summary = QLabel(tr("AboutDialog", "Ứng dụng của tổ dân vận thôn, tổ dân phố."))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        form = QFormLayout()
        self.version = _selectable(QLabel(tr("AboutDialog", "Đang đọc…")))
        self.build = _selectable(QLabel())
        self.data_path = _selectable(QLabel(str(self.data_dir)))
        self.data_path.setWordWrap(True)
        form.addRow(tr("AboutDialog", "Phiên bản"), self.version)
        form.addRow(tr("AboutDialog", "Bản dựng"), self.build)
        form.addRow(tr("AboutDialog", "Thư mục dữ liệu"), self.data_path)
        layout.addLayout(form)
        self.logs_button = QPushButton(tr("AboutDialog", "Mở thư mục nhật ký"))
        self.logs_button.clicked.connect(self.open_logs)
        row = QHBoxLayout()
        row.addWidget(self.logs_button)
        row.addStretch(1)
        layout.addLayout(row)
        licence = QLabel(
            tr(
                "AboutDialog",
                "Dân vận khéo là phần mềm tự do theo Giấy phép Công cộng GNU, phiên bản 3 hoặc "
                "mới hơn (GPL-3.0-or-later): ai cũng được dùng, sao chép, sửa đổi và chia sẻ lại "
                "theo các điều khoản của giấy phép; toàn văn giấy phép ở tệp LICENSE đi kèm.",
            )
        )
        licence.setWordWrap(True)
        layout.addWidget(licence)
        layout.addWidget(
            QLabel(tr("AboutDialog", "Giấy phép của các thành phần đi kèm (nguyên văn tiếng Anh)"))
        )
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notices.setPlaceholderText(tr("AboutDialog", "Đang đọc…"))
        self.notices.setMinimumHeight(220)
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 600)

    def _fill(self, values: dict[str, Any]) -> None:
        info: build_info.BuildInfo = values["build"]
        self.version.setText(info.version)
        self.build.setText(build_text(info))
        notices = values["notices"]
        if notices:
            self.notices.setPlainText(notices)
            self.notices.moveCursor(self.notices.textCursor().MoveOperation.Start)
        else:
            self.notices.setPlaceholderText(
                tr(
                    "AboutDialog",
                    "Bản cài này không kèm tệp THIRD-PARTY-NOTICES.txt. Hãy cài lại từ bộ cài "
                    "chính thức, hoặc xem tệp đó trong mã nguồn của ứng dụng.",
                )
            )

    def _not_read(self, error: BaseException) -> None:
        self.version.setText(tr("AboutDialog", "không đọc được ({error})", error=str(error)))

    def logs_folder(self) -> Path:
        """Where the application writes its logs."""
        return self.data_dir / LOGS_FOLDER

    def open_logs(self) -> None:
        """Open the logs folder in the file manager (made first, on the read lane, if missing)."""
        folder = self.logs_folder()

        def show(_made: object) -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

        self._runner.read(lambda _ctx: private_dir(folder), on_done=show, owner=self)
