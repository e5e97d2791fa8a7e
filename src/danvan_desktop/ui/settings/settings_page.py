"""Cài đặt: language, backups (how many, how often, now, restore), updates, the server.

Every read and write of settings and every backup runs on the DB lane. The
language applies at once: the window is rebuilt in the new language (the
application controller does it on ``language_changed``). Restoring a backup
closes the store, so it is handed to the controller through ``request_restore``.
The copy of the data a restore replaced is listed with the backups, by its own name
(«Bản sao trước khi khôi phục …»), and restores like them: a wrong restore is undone here.

The city's server is shown, not edited, here: its address, enrollment code and CA
file are typed in one place, the Đồng bộ page's «Máy chủ của thành phố» box (see
ui/sync/enroll_panel.py for why), and a button leads there.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.laptop_settings import LAPTOP_SETTINGS
from danvan_desktop.session.data_folder import is_before_restore
from danvan_desktop.ui.about.about_box import AboutBox
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.progress import run_with_progress
from danvan_desktop.ui.settings.update_box import UpdateBox
from danvan_desktop.ui.task_runner import DB, JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, number_text, tr
from danvan_desktop.ui.widgets.field_limits import NumberEdit
from danvan_desktop.ui.widgets.form_widgets import add_row
from danvan_desktop.ui.widgets.page import Page

log = logging.getLogger(__name__)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SETTING_KEYS = ("language", "backup_keep", "backup_interval_hours", "server_url")


def backup_rows(ctx: JobContext) -> list[dict[str, Any]]:
    """The backups with their time, size and kind (DB lane: it touches the disk)."""
    rows = []
    for path in ctx.session.list_backups():
        stat = path.stat()
        rows.append(
            {
                "path": path,
                "when": dt.datetime.fromtimestamp(stat.st_mtime),
                "size": stat.st_size,
                "before_restore": is_before_restore(path),
            }
        )
    return rows


def backup_label(row: dict[str, Any]) -> str:
    """How a backup reads in the list: when, size, file; a copy kept before a restore
    says so first."""
    when: dt.datetime = row["when"]
    values = {
        "day": date_text(when.date()),
        "time": when.strftime("%H:%M"),
        "size": number_text(max(1, round(row["size"] / 1024))),
        "name": Path(row["path"]).name,
    }
    if row.get("before_restore"):
        return tr(
            "SettingsPage",
            "Bản sao trước khi khôi phục {day} {time} — {size} KB — {name}",
            **values,
        )
    return tr("SettingsPage", "{day} lúc {time} — {size} KB — {name}", **values)


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
        self.update_box.refresh()  # queued at once: the first visit waits for one lane turn
        bus.backups_changed.connect(self.reload_backups)
        self.refresh_on({"settings"}, 150)  # the server's address, saved on Đồng bộ

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.scrolled_column()
        layout.addWidget(heading(tr("SettingsPage", "Cài đặt")))
        layout.addWidget(self._language_box())
        layout.addWidget(self._backup_box())
        self.update_box = UpdateBox(self._runner)  # ui/settings/update_box.py
        self.update_box.restart_requested.connect(self._bus.restart_for_update.emit)
        layout.addWidget(self.update_box)
        layout.addWidget(self._server_box())
        layout.addWidget(self._import_box())
        self.about_box = AboutBox(self._runner, lambda: self.data_dir)
        layout.addWidget(self.about_box)
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
        # What is typed stays as typed; core's rule (core/laptop_settings.py) is said
        # beside the box, and only a number within it is saved.
        self.keep = NumberEdit(LAPTOP_SETTINGS, "backup_keep")
        self.interval = NumberEdit(LAPTOP_SETTINGS, "backup_interval_hours")
        hours = QWidget()
        hours_row = QHBoxLayout(hours)
        hours_row.setContentsMargins(0, 0, 0, 0)
        hours_row.addWidget(self.interval)
        hours_row.addWidget(QLabel(tr("SettingsPage", "giờ")))
        hours.setFocusProxy(self.interval)
        self.setting_errors = {
            "backup_keep": add_row(
                form, tr("SettingsPage", "Số bản sao lưu tự động giữ lại"), self.keep
            ),
            "backup_interval_hours": add_row(
                form, tr("SettingsPage", "Tự động sao lưu sau mỗi"), hours
            ),
        }
        for edit in (self.keep, self.interval):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000000") + 16)
        layout.addLayout(form)
        self.keep.editingFinished.connect(lambda: self._save_number(self.keep))
        self.interval.editingFinished.connect(lambda: self._save_number(self.interval))
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
        self.server = QLabel()
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        add_row(form, tr("SettingsPage", "Địa chỉ máy chủ"), self.server)
        note = QLabel(
            tr(
                "SettingsPage",
                "Địa chỉ máy chủ, mã đăng ký và chứng chỉ (CA) được nhập và sửa ở trang Đồng "
                "bộ, khung «Máy chủ của thành phố».",
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.server_button = QPushButton(tr("SettingsPage", "Mở trang Đồng bộ"))
        row = QHBoxLayout()
        row.addWidget(self.server_button)
        row.addStretch(1)
        form.addRow(row)
        self.server_button.clicked.connect(lambda: self._bus.page_requested.emit("sync"))
        return box

    def _import_box(self) -> QGroupBox:
        """Bringing in the lists the team keeps in Excel (ui/importing/import_dialog.py)."""
        box = QGroupBox(tr("ImportDialog", "Nhập danh sách từ Excel"))
        layout = QVBoxLayout(box)
        note = QLabel(
            tr(
                "ImportDialog",
                "Đưa danh sách thành viên, mô hình, kiến nghị mà tổ đang giữ trong tệp Excel "
                "(.xlsx) hoặc CSV vào ứng dụng, có xem trước từng dòng trước khi ghi.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.import_button = QPushButton(tr("ImportDialog", "Nhập từ tệp Excel, CSV…"))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_button.clicked.connect(self.open_import)
        return box

    # -- filling ----------------------------------------------------------------------
    def _fill(self, values: dict[str, Any]) -> None:
        self._loading = True
        self.data_dir = Path(values["data_dir"])
        index = self.language.findData(values.get("language") or "vi")
        self.language.setCurrentIndex(max(index, 0))
        self.keep.setValue(int(values["backup_keep"]))
        self.interval.setValue(int(values["backup_interval_hours"]))
        self._show_server(values.get("server_url"))
        self._show_backups(values["backups"])
        self._loading = False
        self.setEnabled(True)

    def _show_server(self, url: str | None) -> None:
        self.server.setText(url or tr("SettingsPage", "chưa có"))

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page: list the backups again (one may have been copied in),
        and show the server's address (enrolling may have stored one)."""
        super().showEvent(event)
        if self.data_dir is not None:  # the first load lists them already
            self.reload_backups()
            self.refresh()
            self.update_box.refresh()  # a sync or a stick may have staged a release

    def refresh(self) -> None:
        """Read the server's address again (DB lane): it is saved on the Đồng bộ page."""
        self._runner.db(
            lambda ctx: ctx.session.setting("server_url"), on_done=self._show_server, owner=self
        )

    def reload_backups(self) -> None:
        """Read the backups folder again (DB lane)."""
        self._runner.db(backup_rows, on_done=self._show_backups, owner=self)

    def _show_backups(self, rows: list[dict[str, Any]]) -> None:
        self.backups.clear()
        for row in rows:
            item = QListWidgetItem(backup_label(row))
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

    def _save_number(self, edit: NumberEdit) -> None:
        """Save a typed setting unless the box says why it cannot be (nothing saved then);
        a refusal by the store is said beside the box too."""
        if self._loading or edit.message:
            return
        key, value = edit.spec.name, edit.value()
        error = self.setting_errors[key]

        def refused(problem: BaseException) -> None:
            if isinstance(problem, ValidationError):
                error.show_message(" ".join(p.message for p in problem.problems))
            else:
                log.warning("Saving the setting %s failed: %r", key, problem)
                error.show_message(str(problem))

        self._runner.db(
            lambda ctx: ctx.session.change_setting(key, value), on_error=refused, owner=self
        )

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
        log.warning("backing up failed: %s: %s", type(error).__name__, message)
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
                "trong danh sách sao lưu, với tên «Bản sao trước khi khôi phục», để có thể "
                "quay lại khi cần.",
                name=Path(path).name,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._request_restore(Path(path))

    def _open_folder(self) -> None:
        if self.data_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir / "backups")))

    def open_import(self) -> QDialog:
        """Open the import dialog (its module is loaded now, not with the page)."""
        from danvan_desktop.ui.importing.import_dialog import ImportDialog

        dialog = ImportDialog(self._runner, self._bus, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, without blocking the event loop
        return dialog
