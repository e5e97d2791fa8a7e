"""Đồng bộ: the city's server, enrollment, «Đồng bộ ngay», the log, refusals, conflicts.

Rounds are the scheduler's (ui/sync/sync_scheduler.py): this page asks it for one, shows
its progress and lets the user stop it. The rest is read in one DB-lane job
(``page_data``) whenever something changed: the state, the server settings, the
sync log, the changes the server refused with its reasons, the records from the
server this laptop could not store (kept aside until the server repairs them), and
the open conflicts with both values. Notes say plainly when the laptop clock is more than
five minutes off and when this release is too old for the server (its changes
keep queuing until it is updated).

The USB bundle dialog (and its volume lists) is loaded when a bundle button is pressed,
not with the page: its module costs the page's first visit more than the page itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.session.release_switch import last_switch_message
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.conflicts_view import ConflictsView
from danvan_desktop.ui.sync.enroll_panel import EnrollPanel
from danvan_desktop.ui.sync.sync_box import SyncBox
from danvan_desktop.ui.sync.sync_page_data import last_round_text, page_data
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler
from danvan_desktop.ui.sync.sync_tables import (
    RowsModel,
    export_log,
    log_columns,
    quarantine_columns,
    quarantine_note,
    rejected_columns,
)
from danvan_desktop.ui.sync.wording import reword
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from danvan_desktop.ui.sync.bundle_dialog import BundleDialog

RELOAD_DELAY_MS = 150
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
        self.update_outcome = QLabel()  # the last update's outcome (issue 20)
        self.update_outcome.setWordWrap(True)
        self.update_outcome.hide()
        layout.addWidget(self.update_outcome)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._count_tabs()

    def _sync_box(self) -> SyncBox:
        """The status, «Đồng bộ ngay» and the USB buttons (ui/sync/sync_box.py)."""
        box = self.sync_box = SyncBox()
        # The box's widgets by their old names: the page's callers and tests use them.
        self.status_line, self.result_label, self.error_label = (
            box.status_line,
            box.result_label,
            box.error_label,
        )
        self.sync_button, self.cancel_button = box.sync_button, box.cancel_button
        self.progress, self.progress_label = box.progress, box.progress_label
        self.clock_note, self.too_old_note = box.clock_note, box.too_old_note
        self.bundle_write_button = box.bundle_write_button
        self.bundle_import_button = box.bundle_import_button
        self.bundle_write_button.clicked.connect(lambda: self._open_bundle(write=True))
        self.bundle_import_button.clicked.connect(lambda: self._open_bundle(write=False))
        return box

    def _open_bundle(self, *, write: bool) -> None:
        from danvan_desktop.ui.sync.bundle_dialog import IMPORT, WRITE

        self.open_bundle_dialog(WRITE if write else IMPORT)

    def open_bundle_dialog(self, mode: str) -> BundleDialog:
        """Open the USB bundle dialog; what it changes refreshes every page."""
        from danvan_desktop.ui.sync.bundle_dialog import BundleDialog

        dialog = BundleDialog(self._runner, mode, self)
        dialog.completed.connect(
            lambda _result: self._bus.data_changed.emit(set(ENTITIES) | {"network_card"})
        )
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
        scheduler.round_started.connect(self.sync_box.round_started)
        scheduler.round_progress.connect(self.sync_box.round_progress)
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
        self.enroll_panel.server_save_requested.connect(self.save_server)
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
        self.update_outcome.setText(data.get("last_switch") or "")
        self.update_outcome.setVisible(bool(data.get("last_switch")))
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
        """Connection, queue, last sync, and the notes about the clock and the version.

        The queue is the page's own count (read with the page after every change): the
        count a sync state carries was read with that state and may be older."""
        own = self.data.get("state", {}).get("pending")
        pending = int(own if own is not None else state.get("pending") or 0)
        self.sync_box.show_state(state, pending)

    # -- a round ----------------------------------------------------------------------
    def sync_now(self) -> None:
        """Ask for a round now (the scheduler runs at most one at a time)."""
        self.scheduler.sync_now()

    def _round_finished(self, outcome: object) -> None:
        self._round_seen = True
        self.sync_box.round_finished(outcome)
        self.reload()

    # -- enrollment -------------------------------------------------------------------
    def enroll(self, server_url: str, code: str, ca_file: str) -> None:
        """Enroll with the code; the round that follows pulls the team's data.

        A laptop not yet enrolled keeps the address and code first, as the first-run
        wizard does: when the server cannot be reached now, the scheduler enrolls with
        them once it can. Enrolling again keeps the old address until the new one works.
        """
        self.enroll_panel.set_busy(True)

        def start(_saved: object = None) -> None:
            self.scheduler.enroll(server_url=server_url, code=code, ca_bundle=ca_file or None)

        if self.enroll_panel.enrolled:
            start()
            return

        def keep(ctx: JobContext) -> None:
            ctx.session.change_setting("server_url", server_url)
            ctx.session.change_setting("enrollment_code", code)

        self._runner.db(keep, on_done=start, on_error=self.enroll_panel.show_error, owner=self)

    def save_server(self, server_url: str) -> None:
        """Store a new server address (the server moved); Cài đặt and this page show it."""

        def save(ctx: JobContext) -> None:
            ctx.session.change_setting("server_url", server_url)

        self._runner.db(
            save,
            on_done=lambda _none: self._bus.data_changed.emit({"settings"}),
            on_error=self.enroll_panel.show_error,
            owner=self,
        )

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
    """What the page shows (sync_page_data.page_data), the records kept aside and the last
    update's outcome (DB lane; release_switch is imported with the page, not here: no
    module is loaded on a worker thread)."""
    quarantine = [
        dict(row, reason=reword(row.get("reason"))) for row in ctx.session.quarantined_records()
    ]
    last_switch = last_switch_message(ctx.session.store.data_dir)
    return {**page_data(ctx), "quarantine": quarantine, "last_switch": last_switch}


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)
