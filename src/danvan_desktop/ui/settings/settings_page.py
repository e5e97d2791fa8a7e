"""Cài đặt: language, backups (how many, how often, now, restore), the city's server.

Every read and write of settings and every backup runs on the DB lane. The
language applies at once: the window is rebuilt in the new language (the
application controller does it on ``language_changed``). Restoring a backup
closes the store, so it is handed to the controller through ``request_restore``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.progress import run_with_progress
from danvan_desktop.ui.task_runner import DB, JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, number_text, tr
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row
from danvan_desktop.ui.widgets.page import Page

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SETTING_KEYS = ("language", "backup_keep", "backup_interval_hours", "server_url", "enrollment_code")


def server_url_allowed(url: str) -> bool:
    """https, or plain http to this computer only (the transport's own rule)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https":
        return bool(host)
    if parts.scheme != "http":
        return False
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def backup_rows(ctx: JobContext) -> list[dict[str, Any]]:
    """The backups with their time and size (DB lane: it touches the disk)."""
    rows = []
    for path in ctx.session.list_backups():
        stat = path.stat()
        rows.append(
            {
                "path": path,
                "when": dt.datetime.fromtimestamp(stat.st_mtime),
                "size": stat.st_size,
            }
        )
    return rows


def load_settings(ctx: JobContext) -> dict[str, Any]:
    """Every setting the page shows, the backups and the data folder (DB lane)."""
    session = ctx.session
    values = {key: session.setting(key) for key in SETTING_KEYS}
    values["backups"] = backup_rows(ctx)
    values["data_dir"] = session.store.data_dir
    return values


def backup_now(ctx: JobContext) -> dict[str, Any]:
    """Make a backup now and list the backups again (DB lane)."""
    path = ctx.session.make_backup()
    return {"path": path, "backups": backup_rows(ctx)}


class SettingsPage(Page):
    """The settings page."""

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        request_restore: Callable[[Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, bus, parent=parent)
        self._request_restore = request_restore
        self.data_dir: Path | None = None
        self._loading = True
        self._build()
        self.setEnabled(False)
        runner.db(load_settings, on_done=self._fill, owner=self)
        bus.backups_changed.connect(self.reload_backups)

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.scrolled_column()
        layout.addWidget(heading(tr("SettingsPage", "Cài đặt")))
        layout.addWidget(self._language_box())
        layout.addWidget(self._backup_box())
        layout.addWidget(self._server_box())
        layout.addStretch(1)

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(tr("SettingsPage", "Ngôn ngữ"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        add_row(form, tr("SettingsPage", "Ngôn ngữ giao diện"), self.language)
        note = QLabel(
            tr(
                "SettingsPage",
                "Ngôn ngữ mới được áp dụng ngay: cửa sổ chính được vẽ lại bằng ngôn ngữ đã chọn. "
                "Văn bản, báo cáo xuất ra vẫn viết bằng tiếng Việt.",
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.language.currentIndexChanged.connect(self._language_chosen)
        return box

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(tr("SettingsPage", "Sao lưu"))
        layout = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 30)
        self.interval.setSuffix(tr("SettingsPage", " giờ"))
        add_row(form, tr("SettingsPage", "Số bản sao lưu tự động giữ lại"), self.keep)
        add_row(form, tr("SettingsPage", "Tự động sao lưu sau mỗi"), self.interval)
        layout.addLayout(form)
        self.keep.editingFinished.connect(lambda: self._save("backup_keep", self.keep.value()))
        self.interval.editingFinished.connect(
            lambda: self._save("backup_interval_hours", self.interval.value())
        )
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(tr("SettingsPage", "Sao lưu ngay"))
        self.restore_button = QPushButton(tr("SettingsPage", "Khôi phục bản đã chọn…"))
        self.folder_button = QPushButton(tr("SettingsPage", "Mở thư mục sao lưu"))
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        layout.addWidget(self.backup_note)
        self.backups = QListWidget()
        self.backups.setMinimumHeight(120)
        layout.addWidget(self.backups)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self._open_folder)
        return box

    def _server_box(self) -> QGroupBox:
        box = QGroupBox(tr("SettingsPage", "Máy chủ của thành phố (không bắt buộc)"))
        form = QFormLayout(box)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://danvan.hue.gov.vn")
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.code.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.server_error: FieldError = add_row(
            form, tr("SettingsPage", "Địa chỉ máy chủ"), self.server
        )
        add_row(form, tr("SettingsPage", "Mã đăng ký thiết bị"), self.code)
        self.server_button = QPushButton(tr("SettingsPage", "Lưu thông tin máy chủ"))
        row = QHBoxLayout()
        row.addWidget(self.server_button)
        row.addStretch(1)
        form.addRow(row)
        self.server_button.clicked.connect(self.save_server)
        return box

    # -- filling ----------------------------------------------------------------------
    def _fill(self, values: dict[str, Any]) -> None:
        self._loading = True
        self.data_dir = Path(values["data_dir"])
        index = self.language.findData(values.get("language") or "vi")
        self.language.setCurrentIndex(max(index, 0))
        self.keep.setValue(int(values["backup_keep"]))
        self.interval.setValue(int(values["backup_interval_hours"]))
        self.server.setText(values.get("server_url") or "")
        self.code.setText(values.get("enrollment_code") or "")
        self._show_backups(values["backups"])
        self._loading = False
        self.setEnabled(True)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page: list the backups again (one may have been copied in)."""
        super().showEvent(event)
        if self.data_dir is not None:  # the first load lists them already
            self.reload_backups()

    def reload_backups(self) -> None:
        """Read the backups folder again (DB lane)."""
        self._runner.db(backup_rows, on_done=self._show_backups, owner=self)

    def _show_backups(self, rows: list[dict[str, Any]]) -> None:
        self.backups.clear()
        for row in rows:
            when: dt.datetime = row["when"]
            text = tr(
                "SettingsPage",
                "{day} lúc {time} — {size} KB — {name}",
                day=date_text(when.date()),
                time=when.strftime("%H:%M"),
                size=number_text(max(1, round(row["size"] / 1024))),
                name=Path(row["path"]).name,
            )
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(row["path"]))
            self.backups.addItem(item)
        if not rows:
            self.backups.addItem(tr("SettingsPage", "Chưa có bản sao lưu nào."))
        self.restore_button.setEnabled(bool(rows))

    # -- actions ----------------------------------------------------------------------
    def _save(self, key: str, value: Any) -> None:
        if self._loading:
            return
        self._runner.db(lambda ctx: ctx.session.change_setting(key, value), owner=self)

    def _language_chosen(self) -> None:
        if self._loading:
            return
        language = str(self.language.currentData())

        def save(ctx: JobContext) -> str:
            ctx.session.change_setting("language", language)
            return language

        self._runner.db(save, on_done=self._bus.language_changed.emit, owner=self)

    def back_up_now(self) -> None:
        """Write a full backup now (store and attachments)."""
        self.backup_button.setEnabled(False)
        self.backup_note.setText(tr("SettingsPage", "Đang sao lưu…"))
        run_with_progress(
            self,
            self._runner,
            DB,
            backup_now,
            text=tr("SettingsPage", "Đang sao lưu dữ liệu và tệp đính kèm…"),
            on_done=self._backed_up,
            on_error=self._backup_failed,
            cancellable=False,
        )

    def _backed_up(self, result: dict[str, Any]) -> None:
        self.backup_button.setEnabled(True)
        self.backup_note.setText(
            tr("SettingsPage", "Đã sao lưu vào {path}.", path=Path(result["path"]).name)
        )
        self._show_backups(result["backups"])

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        message = error.message if isinstance(error, DanvanError) else str(error)
        self.backup_note.setText(tr("SettingsPage", "Không sao lưu được: {error}", error=message))

    def restore_selected(self) -> None:
        """Ask, then hand the chosen backup to the controller to restore."""
        item = self.backups.currentItem()
        path = item.data(PATH_ROLE) if item else None
        if not path:
            self.backup_note.setText(
                tr("SettingsPage", "Hãy chọn một bản sao lưu trong danh sách.")
            )
            return
        answer = QMessageBox.question(
            self,
            tr("SettingsPage", "Khôi phục dữ liệu"),
            tr(
                "SettingsPage",
                "Thay dữ liệu hiện tại bằng bản sao lưu {name}? Dữ liệu hiện tại được giữ lại "
                "thành một bản sao lưu riêng trước khi thay.",
                name=Path(path).name,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._request_restore(Path(path))

    def _open_folder(self) -> None:
        if self.data_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir / "backups")))

    def save_server(self) -> None:
        """Store the server address and enrollment code (https only)."""
        url = self.server.text().strip()
        if url and not server_url_allowed(url):
            self.server_error.show_message(
                tr("SettingsPage", "Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại.")
            )
            return
        self.server_error.clear_message()
        code = self.code.text().strip()

        def save(ctx: JobContext) -> None:
            ctx.session.change_setting("server_url", url or None)
            ctx.session.change_setting("enrollment_code", code or None)

        # The sync scheduler enrolls with a saved address and code as soon as it can.
        self._runner.db(
            save, on_done=lambda _none: self._bus.data_changed.emit({"settings"}), owner=self
        )
