"""The status bar: connection, changes waiting to be synced, last sync — always visible.

Until sync exists the laptop is offline by design: it says «Chưa kết nối máy
chủ» and «chưa đồng bộ». The pending count is read on the DB lane after every
change (debounced), never on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar, QWidget

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.tasks import TaskRunner
from danvan_desktop.ui.text import number_text, tr

REFRESH_DELAY_MS = 250


class StatusBar(QStatusBar):
    """Three permanent labels: online state, pending changes, last sync."""

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.online = QLabel()
        self.pending = QLabel()
        self.last_sync = QLabel()
        for i, label in enumerate((self.online, self.pending, self.last_sync)):
            if i:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                self.addPermanentWidget(separator)
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)
        self.pending_count: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_pending)
        bus.data_changed.connect(lambda _entities: self._timer.start())
        bus.online_changed.connect(self.show_online)
        bus.sync_state_changed.connect(self.show_sync_state)
        self.show_online(False)
        self.show_sync_state({})
        self.pending.setText(tr("StatusBar", "Thay đổi chờ đồng bộ: …"))
        self.refresh_pending()

    def show_online(self, online: bool) -> None:
        """Say whether the provincial server is reachable."""
        self.online.setText(
            tr("StatusBar", "Đã kết nối máy chủ")
            if online
            else tr("StatusBar", "Chưa kết nối máy chủ")
        )

    def show_sync_state(self, state: dict[str, Any]) -> None:
        """Show when the last sync happened."""
        last = state.get("last_sync")
        self.last_sync.setText(
            tr("StatusBar", "Đồng bộ lần cuối: {when}", when=last)
            if last
            else tr("StatusBar", "Đồng bộ lần cuối: chưa đồng bộ")
        )

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
