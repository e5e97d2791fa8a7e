"""Đồng bộ: the city's server, enrollment, «Đồng bộ ngay», the log, refusals, conflicts.

Rounds are the scheduler's (ui/sync/sync_scheduler.py): this page asks it for one, shows
its progress and lets the user stop it. The rest is read in one DB-lane job
(``page_data``) whenever something changed: the state, the server settings, the
sync log, the changes the server refused with its reasons, the records from the
server this laptop could not store (kept aside until the server repairs them), and
the open conflicts with both values. Notes say plainly when the laptop clock is more than
five minutes off and when this release is too old for the server (its changes
keep queuing until it is updated).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.session.sync import is_sync_report
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.bundle_dialog import IMPORT, WRITE, BundleDialog
from danvan_desktop.ui.sync.conflicts_view import ConflictsView
from danvan_desktop.ui.sync.enroll_panel import EnrollPanel
from danvan_desktop.ui.sync.sync_page_data import (
    last_round_text,
    page_data,
    report_text,
)
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler
from danvan_desktop.ui.sync.sync_tables import (
    RowsModel,
    export_log,
    log_columns,
    quarantine_columns,
    quarantine_note,
    rejected_columns,
)
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import local_time_text, number_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

RELOAD_DELAY_MS = 150
NOTE_STYLE = "background: #fff4e0; border: 1px solid #e0b060; padding: 6px;"
EXPORT_LIMIT = 100_000


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class SyncPage(QWidget):
    """The Đồng bộ page (made by page_list with the application's scheduler)."""

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        scheduler: SyncScheduler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        # Without the application's scheduler (a page made on its own) the page still
        # syncs on request, with a scheduler of its own that runs nothing by itself.
        self.scheduler = scheduler or SyncScheduler(runner, bus, parent=self)
        self.data: dict[str, Any] = {}
        self._round_seen = False  # once a round ran here, its own result stays shown
        self.enroll_panel = EnrollPanel()
        self.log_model = RowsModel(log_columns())
        self.rejected_model = RowsModel(rejected_columns())
        self.quarantine_model = RowsModel(quarantine_columns())
        self.conflicts = ConflictsView()
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._build()
        self._connect()
        self.show_state(self.scheduler.state)
        self.scheduler.refresh_state()
        self.reload()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.enroll_panel, 1)
        top.addWidget(self._sync_box(), 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self._log_tab(), tr("SyncPage", "Nhật ký đồng bộ"))
        self.rejected_table = _table(self.rejected_model)
        self.tabs.addTab(self.rejected_table, "")
        self.tabs.addTab(self._quarantine_tab(), "")
        layout = QVBoxLayout(self)
        title = QLabel(tr("SyncPage", "Đồng bộ"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._count_tabs()

    def _sync_box(self) -> QGroupBox:
        box = QGroupBox(tr("SyncPage", "Đồng bộ với máy chủ"))
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.sync_button = QPushButton(tr("SyncPage", "Đồng bộ ngay"))
        self.cancel_button = QPushButton(tr("SyncPage", "Dừng"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.hide()  # an empty line would leave a gap while idle
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.clock_note = QLabel()
        self.too_old_note = QLabel()
        for note in (self.clock_note, self.too_old_note):
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
            note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.status_line)
        layout.addLayout(buttons)
        for widget in (self.progress_label, self.result_label, self.error_label):
            layout.addWidget(widget)
        layout.addWidget(self.clock_note)
        layout.addWidget(self.too_old_note)
        layout.addStretch(1)
        layout.addLayout(self._usb_row())
        return box

    def _usb_row(self) -> QHBoxLayout:
        """Không có mạng? A signed bundle on a stick instead (ui/sync/bundle_dialog.py)."""
        self.bundle_write_button = QPushButton(tr("SyncPage", "Ghi gói ra USB…"))
        self.bundle_import_button = QPushButton(tr("SyncPage", "Nhập gói trả lời…"))
        self.bundle_write_button.clicked.connect(lambda: self.open_bundle_dialog(WRITE))
        self.bundle_import_button.clicked.connect(lambda: self.open_bundle_dialog(IMPORT))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("SyncPage", "Không có mạng?")))
        row.addWidget(self.bundle_write_button)
        row.addWidget(self.bundle_import_button)
        row.addStretch(1)
        return row

    def open_bundle_dialog(self, mode: str) -> BundleDialog:
        """Open the USB bundle dialog; what it changes refreshes every page."""
        dialog = BundleDialog(self._runner, mode, self)
        dialog.completed.connect(lambda _result: self._bus.data_changed.emit(set(ENTITIES)))
        dialog.completed.connect(lambda _result: self.scheduler.refresh_state())
        dialog.open()
        return dialog

    def _log_tab(self) -> QWidget:
        tab = QWidget()
        self.log_table = _table(self.log_model)
        self.export_button = QPushButton(tr("SyncPage", "Xuất nhật ký ra tệp…"))
        self.export_note = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.export_note, 1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.log_table, 1)
        layout.addLayout(row)
        return tab

    def _quarantine_tab(self) -> QWidget:
        """Records from the server this laptop could not store, and what to do about them."""
        tab = QWidget()
        note = QLabel(quarantine_note())
        note.setWordWrap(True)
        self.quarantine_table = _table(self.quarantine_model)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.quarantine_table, 1)
        return tab

    def _connect(self) -> None:
        scheduler = self.scheduler
        scheduler.round_started.connect(self._round_started)
        scheduler.round_progress.connect(self._round_progress)
        scheduler.round_finished.connect(self._round_finished)
        scheduler.enrolled.connect(self._enrolled)
        scheduler.enroll_failed.connect(self.enroll_panel.show_error)
        scheduler.enroll_started.connect(self._enroll_started)
        self._bus.sync_state_changed.connect(self.show_state)
        # A bound method: the connection dies with the page when the window is rebuilt.
        self._bus.data_changed.connect(self._data_changed)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.scheduler.cancel)
        self.export_button.clicked.connect(self.export_log)
        self.enroll_panel.enroll_requested.connect(self.enroll)
        self.enroll_panel.ca_file_chosen.connect(self._store_ca_file)
        self.conflicts.resolve_requested.connect(self.resolve)

    def _data_changed(self, _entities: object) -> None:
        self._reload_timer.start()

    # -- reading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the state, the log, refusals, records kept aside and conflicts (DB lane)."""
        self._runner.db(_page_data_and_quarantine, on_done=self._show_data, owner=self)

    def _show_data(self, data: dict[str, Any]) -> None:
        self.data = data
        state = data["state"]
        self.enroll_panel.show_enrolled(bool(state["enrolled"]), data["server_url"])
        self.enroll_panel.show_saved_code(data["enrollment_code"])
        self.enroll_panel.ca_file.setText(data["ca_bundle"])
        self.log_model.set_rows(data["log"])
        if not self._round_seen and data["log"]:
            self.result_label.setText(last_round_text(data["log"][0]))
        self.rejected_model.set_rows(data["rejected"])
        self.quarantine_model.set_rows(data.get("quarantine", []))
        self.conflicts.set_conflicts(data["conflicts"])
        self._count_tabs()
        self.show_state({**self.scheduler.state, **state})

    def _count_tabs(self) -> None:
        conflicts = len(self.data.get("conflicts", []))
        rejected = len(self.data.get("rejected", []))
        self.tabs.setTabText(0, tr("SyncPage", "Xung đột ({count})", count=conflicts))
        self.tabs.setTabText(2, tr("SyncPage", "Thay đổi bị từ chối ({count})", count=rejected))
        kept_aside = len(self.data.get("quarantine", []))
        self.tabs.setTabText(
            3, tr("SyncPage", "Bản ghi không nhận được ({count})", count=kept_aside)
        )

    def show_state(self, state: dict[str, Any]) -> None:
        """Connection, queue, last sync, and the notes about the clock and the version."""
        online = state.get("online")
        if online is None:
            connection = tr("SyncPage", "Chưa kiểm tra kết nối")
        elif online:
            connection = tr("SyncPage", "Đã kết nối máy chủ")
        elif state.get("retry_in_s"):
            connection = tr(
                "SyncPage",
                "Mất kết nối máy chủ; tự thử lại sau {seconds} giây",
                seconds=max(1, round(state["retry_in_s"])),
            )
        else:
            connection = tr("SyncPage", "Mất kết nối máy chủ")
        last = local_time_text(state.get("last_sync")) or tr("SyncPage", "chưa đồng bộ")
        self.status_line.setText(
            tr(
                "SyncPage",
                "{connection}. Thay đổi chờ gửi: {pending}. Đồng bộ lần cuối: {last}.",
                connection=connection,
                pending=number_text(state.get("pending") or 0),
                last=last,
            )
        )
        self._show_note(self.clock_note, state.get("clock_note"))
        too_old = None
        if state.get("too_old"):
            too_old = tr(
                "SyncPage",
                "Phiên bản ứng dụng này đã cũ, máy chủ của thành phố không nhận dữ liệu từ nó "
                "nữa: hãy "
                "cập nhật ứng dụng. Trong lúc chờ, mọi thay đổi vẫn được giữ trên máy và xếp "
                "hàng chờ gửi ({pending} thay đổi).",
                pending=number_text(state.get("pending") or 0),
            )
        self._show_note(self.too_old_note, too_old)
        error = state.get("error")
        self.error_label.setText(
            tr("SyncPage", "Lần đồng bộ trước chưa xong: {error}", error=error)
            if error and not state.get("too_old")
            else ""
        )
        self.error_label.setVisible(bool(self.error_label.text()))
        syncing = bool(state.get("syncing"))
        self.sync_button.setEnabled(not syncing and bool(state.get("enrolled")))
        self.cancel_button.setEnabled(syncing)

    @staticmethod
    def _show_note(label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))

    # -- a round ----------------------------------------------------------------------
    def sync_now(self) -> None:
        """Ask for a round now (the scheduler runs at most one at a time)."""
        self.scheduler.sync_now()

    def _round_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_label.setText(tr("SyncPage", "Đang kết nối máy chủ của thành phố…"))
        self.progress_label.show()
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)

    def _round_progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total > 0 else 0)
        if stage == "push":
            text = tr(
                "SyncPage",
                "Đang gửi thay đổi lên máy chủ: {done}/{total}",
                done=number_text(done),
                total=number_text(total),
            )
        else:
            text = tr("SyncPage", "Đang nhận dữ liệu từ máy chủ…")
        self.progress_label.setText(text)

    def _round_finished(self, outcome: object) -> None:
        self._round_seen = True
        self.progress.hide()
        self.progress_label.clear()
        self.progress_label.hide()
        self.cancel_button.setEnabled(False)
        if is_sync_report(outcome):
            self.result_label.setText(report_text(outcome))
        elif isinstance(outcome, OperationCancelled):
            self.result_label.setText(tr("SyncPage", "Đã dừng đồng bộ theo yêu cầu."))
        else:
            self.result_label.setText(tr("SyncPage", "Chưa đồng bộ được."))
        self.reload()

    # -- enrollment -------------------------------------------------------------------
    def enroll(self, server_url: str, code: str, ca_file: str) -> None:
        """Enroll with the code; the round that follows pulls the team's data."""
        self.enroll_panel.set_busy(True)
        self.scheduler.enroll(server_url=server_url, code=code, ca_bundle=ca_file or None)

    def _enroll_started(self) -> None:
        self.enroll_panel.set_busy(True)

    def _enrolled(self, _answer: object) -> None:
        self._round_seen = True
        self.enroll_panel.enrolled_now()
        self.result_label.setText(
            tr("SyncPage", "Đã đăng ký. Đang nhận toàn bộ dữ liệu của tổ từ máy chủ…")
        )
        self.reload()

    def _store_ca_file(self, path: str) -> None:
        self._runner.db(
            lambda ctx: ctx.session.change_setting("ca_bundle", path or None), owner=self
        )

    # -- the log ----------------------------------------------------------------------
    def export_log(self) -> None:
        """Ask where, then write the sync log there as CSV."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            tr("SyncPage", "Xuất nhật ký đồng bộ"),
            "nhat-ky-dong-bo.csv",
            tr("SyncPage", "Bảng CSV (*.csv)"),
        )
        if path:
            self.export_log_to(Path(path))

    def export_log_to(self, path: Path) -> None:
        """Write the whole sync log to ``path`` (DB lane) and say where it went."""
        self._runner.db(
            lambda ctx: export_log(ctx.session.sync_log(EXPORT_LIMIT), path),
            on_done=lambda written: self.export_note.setText(
                tr("SyncPage", "Đã xuất nhật ký ra {path}", path=str(written))
            ),
            on_error=lambda error: self.export_note.setText(
                tr("SyncPage", "Không xuất được nhật ký: {error}", error=_message(error))
            ),
            owner=self,
        )

    # -- conflicts --------------------------------------------------------------------
    def resolve(self, conflict_id: str, keep: str) -> None:
        """Keep one value of a conflict (DB lane); the next round tells the server."""
        self._runner.db(
            lambda ctx: ctx.session.resolve_conflict(conflict_id, keep=keep),
            on_done=lambda changes: self._bus.data_changed.emit(changes.entities | {"conflict"}),
            on_error=self._resolve_failed,
            owner=self,
        )

    def _resolve_failed(self, error: BaseException) -> None:
        self.conflicts.heading.setText(
            tr("SyncPage", "Chưa giải quyết được xung đột: {error}", error=_message(error))
        )
        self.reload()


def _page_data_and_quarantine(ctx: JobContext) -> dict[str, Any]:
    """What the page shows (sync_page_data.page_data) and the records kept aside (DB lane)."""
    return {**page_data(ctx), "quarantine": ctx.session.quarantined_records()}


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)
