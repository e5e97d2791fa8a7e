"""The status bar: connection, changes waiting to be synced, last sync — always visible.

It only listens: ``online_changed`` says whether the city's server answered
the last health request or round, ``sync_state_changed`` brings the queue, the
last sync and whether a round is running (the sync scheduler publishes both).
Before any of that the laptop says «Chưa kết nối máy chủ» and «chưa đồng bộ».
The pending count is also read on the DB lane after every change (debounced),
never on the GUI thread; the main window has the first count read after its
first paint (``refresh_now=False``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QStatusBar, QWidget

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import local_time_text, number_text, tr

REFRESH_DELAY_MS = 250
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
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_pending)
        # A bound method, not a lambda: Qt drops the connection when this bar is
        # destroyed (the window is rebuilt on a language change), so the bus never
        # calls into a deleted timer.
        bus.data_changed.connect(self._data_changed)
        bus.online_changed.connect(self.show_online)
        bus.sync_state_changed.connect(self.show_sync_state)
        self.online.setText(tr("StatusBar", "Chưa kết nối máy chủ"))
        self.show_sync_state({})
        self.pending.setText(tr("StatusBar", "Thay đổi chờ đồng bộ: …"))
        if refresh_now:
            self.refresh_pending()

    def _data_changed(self, _entities: object) -> None:
        self._timer.start()

    def show_online(self, online: bool) -> None:
        """Say whether the city's server answered the last time it was asked."""
        if online:
            self.online.setText(tr("StatusBar", "Đã kết nối máy chủ"))
            self.online.setStyleSheet(ONLINE_STYLE)
        else:
            self.online.setText(tr("StatusBar", "Mất kết nối máy chủ"))
            self.online.setStyleSheet(OFFLINE_STYLE)

    def show_sync_state(self, state: dict[str, Any]) -> None:
        """Show when the last sync happened, the queue, and whether a round is running."""
        last = local_time_text(state.get("last_sync"))
        self.last_sync.setText(
            tr("StatusBar", "Đồng bộ lần cuối: {when}", when=last)
            if last
            else tr("StatusBar", "Đồng bộ lần cuối: chưa đồng bộ")
        )
        syncing = bool(state.get("syncing"))
        for widget in self._sync_widgets:
            widget.setVisible(syncing)
        if state.get("pending") is not None:
            self._show_pending(int(state["pending"]))

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
