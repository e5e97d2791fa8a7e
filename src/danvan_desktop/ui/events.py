"""The event bus: pages announce and hear changes here instead of poking each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventBus(QObject):
    """Application-wide notifications, all emitted on the GUI thread.

    Signals:
        data_changed(set[str]): records of these entities changed (refresh what shows them).
        sync_state_changed(dict): sync progress or outcome (enrolled, last_sync, syncing,
            error, ...). Its ``pending`` is as old as the state it came with: what shows
            the queue counts the outbox again after this and after ``data_changed``.
        online_changed(bool): the city's server became reachable or unreachable.
        language_changed(str): the user chose another language ("vi" or "en").
        backups_changed(): a backup was written (automatically or on request).
        page_requested(str): show the sidebar page with this key (a page sends the user
            to another, e.g. Cài đặt to Đồng bộ to change the server's address).
        record_requested(str, str): show the sidebar page with this key and open one of
            its records there (its ``open_record``), e.g. a meeting opinion made into a
            petition opens on the Kiến nghị page.
        restart_for_update(str): «Cài ngay» asked to install this version now: the
            application closes as usual and starts again so the switch runs.
    """

    data_changed = Signal(object)
    sync_state_changed = Signal(object)
    online_changed = Signal(bool)
    language_changed = Signal(str)
    backups_changed = Signal()
    page_requested = Signal(str)
    record_requested = Signal(str, str)
    restart_for_update = Signal(str)
