"""The records from the server this laptop could not store, for the Đồng bộ page.

A pulled page, a reply bundle or a push answer may bring a record holding a value
the laptop refuses (one the server accepted before it checked such values). The
store keeps it aside with the reason (store/sync_apply.py) and the round goes on;
this part of the Session lists what is kept aside, so the team leader can tell the
server's administrator which records to repair. A later valid version of the record
clears it by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_desktop.core.lazy import lazy_module

if TYPE_CHECKING:
    from danvan_desktop.store import sync_apply
    from danvan_desktop.store.records import Records
else:  # loaded when first used (core/lazy.py)
    sync_apply = lazy_module("danvan_desktop.store.sync_apply")


class QuarantineMixin:
    """The quarantine verbs of the Session (needs ``records``)."""

    if TYPE_CHECKING:  # SessionBase's, made when first used

        @property
        def records(self) -> Records: ...

    def quarantined_records(self) -> list[dict[str, Any]]:
        """Records from the server kept aside, newest first: entity, record_id, unit_id,
        server_version, deleted, fields (ASCII JSON text), reason, quarantined_at."""
        return sync_apply.quarantined(self.records)
