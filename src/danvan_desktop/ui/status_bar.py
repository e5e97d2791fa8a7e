"""The status bar: connection, changes waiting to be synced, last sync — always visible.

It only listens: ``online_changed`` says whether the city's server answered
the last health request or round, ``sync_state_changed`` brings enrollment, the
last sync (a reply bundle's says «qua USB») and whether a round is running (the
sync scheduler publishes both). A laptop never enrolled has never reached the
server: it says «Chưa kết nối máy chủ» whatever a failed try found, and «Mất kết
nối máy chủ» is for an enrolled laptop that lost the server.

The pending count is the outbox's, read on the DB lane (debounced, never on the
GUI thread) after every change: a saved record (``data_changed``), a sync round or
a bundle (``sync_state_changed``). The count a sync state carries is not shown: it
was read when that state was, and records saved since would be missing from it.
The main window has the first count read after its first paint (``refresh_now=False``).
A release staged and ready to install is said quietly on the left, a few seconds after
start and after each round (``check_update``, DB lane); Cài đặt installs it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QStatusBar, QWidget

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import local_time_text, number_text, tr

REFRESH_DELAY_MS = 250
# A staged release is looked for a while after start, off the first paint's path, and
# again after each sync round (the library lane may have staged one).
UPDATE_CHECK_DELAY_MS = 3000
ONLINE_STYLE = "color: #1b6e3a;"
OFFLINE_STYLE = "color: #8a4b00;"


class StatusBar(QStatusBar):
    """Permanent labels: online state, sync in progress, pending changes, last sync."""

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        parent: QWidget | None = None,
        *,
        refresh_now: bool = True,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.online = QLabel()
        self.syncing = QLabel(tr("StatusBar", "Đang đồng bộ…"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # a busy indicator: rounds have no overall total
        self.busy.setMaximumWidth(80)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.pending = QLabel()
        self.last_sync = QLabel()
        self.update_notice = QLabel()  # «a new version is ready»: quiet, shown when true
        self.update_notice.setContentsMargins(6, 0, 6, 0)
        self.update_notice.hide()
        self.addWidget(self.update_notice)
        self._sync_widgets: list[QWidget] = []
        labels = (self.online, self.syncing, self.pending, self.last_sync)
        for i, label in enumerate(labels):
            if i:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                self.addPermanentWidget(separator)
                if label is self.syncing:
                    self._sync_widgets.append(separator)
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)
            if label is self.syncing:
                self.addPermanentWidget(self.busy)
        self._sync_widgets += [self.syncing, self.busy]
        self.pending_count: int | None = None
        self._online: bool | None = None
        self._enrolled: bool | None = None  # None: not known yet (no sync state read)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_pending)
        # A bound method, not a lambda: Qt drops the connection when this bar is
        # destroyed (the window is rebuilt on a language change), so the bus never
        # calls into a deleted timer.
        bus.data_changed.connect(self._data_changed)
        bus.online_changed.connect(self.show_online)
        bus.sync_state_changed.connect(self.show_sync_state)
        self._show_connection()
        self.show_sync_state({})
        self.pending.setText(tr("StatusBar", "Thay đổi chờ đồng bộ: …"))
        if refresh_now:
            self.refresh_pending()
        self._update_timer = QTimer(self, singleShot=True, interval=UPDATE_CHECK_DELAY_MS)
        self._update_timer.timeout.connect(self.check_update)
        self._update_timer.start()

    def _data_changed(self, _entities: object) -> None:
        self._timer.start()

    def show_online(self, online: bool) -> None:
        """Say whether the city's server answered the last time it was asked."""
        self._online = online
        self._show_connection()

    def _show_connection(self) -> None:
        if self._online is None or self._enrolled is False:
            self.online.setText(tr("StatusBar", "Chưa kết nối máy chủ"))
            self.online.setStyleSheet("")
        elif self._online:
            self.online.setText(tr("StatusBar", "Đã kết nối máy chủ"))
            self.online.setStyleSheet(ONLINE_STYLE)
        else:
            self.online.setText(tr("StatusBar", "Mất kết nối máy chủ"))
            self.online.setStyleSheet(OFFLINE_STYLE)

    def show_sync_state(self, state: dict[str, Any]) -> None:
        """Show when the last sync happened and whether a round is running; count the
        queue again (a round or a bundle may have changed it)."""
        self.last_sync.setText(last_sync_text(state))
        syncing = bool(state.get("syncing"))
        for widget in self._sync_widgets:
            widget.setVisible(syncing)
        if "enrolled" in state:
            self._enrolled = bool(state["enrolled"])
            self._show_connection()
        if state:
            self._timer.start()
        if state.get("last_sync") and not syncing:
            self._update_timer.start()

    def check_update(self) -> None:
        """Look for a release staged and ready to install (DB lane)."""
        self._runner.db(
            lambda ctx: ctx.session.pending_release(), on_done=self.show_update, owner=self
        )

    def show_update(self, pending: Any) -> None:
        """Say quietly that a new version is ready (Cài đặt installs it), or say nothing."""
        if pending is None:
            self.update_notice.hide()
            return
        self.update_notice.setText(
            tr(
                "StatusBar",
                "Có phiên bản mới {version}: cài ở trang Cài đặt.",
                version=pending.version,
            )
        )
        self.update_notice.show()

    def refresh_pending(self) -> None:
        """Count the changes waiting to be synced (DB lane)."""
        self._runner.db(
            lambda ctx: ctx.session.pending_count(), on_done=self._show_pending, owner=self
        )

    def _show_pending(self, count: int) -> None:
        self.pending_count = count
        self.pending.setText(
            tr("StatusBar", "Thay đổi chờ đồng bộ: {count}", count=number_text(count))
        )


def last_sync_text(state: dict[str, Any]) -> str:
    """«Đồng bộ lần cuối: …», with «qua USB» when it was a reply bundle from a stick."""
    when = local_time_text(state.get("last_sync"))
    if not when:
        return tr("StatusBar", "Đồng bộ lần cuối: chưa đồng bộ")
    if state.get("last_sync_usb"):
        return tr("StatusBar", "Đồng bộ lần cuối: {when} qua USB", when=when)
    return tr("StatusBar", "Đồng bộ lần cuối: {when}", when=when)
