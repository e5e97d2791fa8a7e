"""The event bus: pages announce and hear changes here instead of poking each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventBus(QObject):
    """Application-wide notifications, all emitted on the GUI thread.

    Signals:
        data_changed(set[str]): records of these entities changed (refresh what shows them).
        sync_state_changed(dict): sync progress or outcome (pending, last_sync, error).
        online_changed(bool): the city's server became reachable or unreachable.
        language_changed(str): the user chose another language ("vi" or "en").
        backups_changed(): a backup was written (automatically or on request).
    """

    data_changed = Signal(object)
    sync_state_changed = Signal(object)
    online_changed = Signal(bool)
    language_changed = Signal(str)
    backups_changed = Signal()
