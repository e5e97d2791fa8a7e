"""Recovering from a server restored from an older backup.

The server's ``high_seq`` (from ``/health``) below this laptop's checkpoint, or a
new server epoch, means the server lost changes this laptop had seen. The
laptop queues again every record the server may have lost, moves its checkpoint
back to what the server has, and the round carries on: the re-sent operations
are merged like any others, and those the server still knows come back as
``duplicate``.
"""

from __future__ import annotations

from typing import Any

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records
from danvan_desktop.sync.report import SyncReport


def check_restore(records: Records, health: dict[str, Any], report: SyncReport) -> None:
    """Re-queue what a restored (or re-initialised) server lost, per its health answer."""
    store = records.store
    cp = sync_apply.checkpoint(records)
    epoch = health.get("epoch")
    known_epoch = store.meta(sync_apply.EPOCH_KEY)
    high = int(health.get("high_seq") or 0)
    new_epoch = known_epoch is not None and epoch is not None and epoch != known_epoch
    if cp <= high and not new_epoch:
        return
    # The server lost what came after `high` (or everything, with a new epoch):
    # re-send our records it can no longer have, then pull from what it has.
    floor = 0 if new_epoch else high
    report.server_restored = True
    report.resent_after_restore = resend_after(records, floor)
    with records.db.atomic():
        store.set_meta(sync_apply.CHECKPOINT_KEY, str(floor))
        if epoch is not None:
            store.set_meta(sync_apply.EPOCH_KEY, str(epoch))


def resend_after(records: Records, floor: int) -> int:
    """Queue full upserts of every local record the server may have lost (version above
    ``floor``); returns how many. Their ``base`` is empty: there is nothing to merge with."""
    count = 0
    with records.db.atomic():
        for spec in ENTITIES.values():
            rows = list(
                records.db.query(f"SELECT * FROM [{spec.table}] WHERE server_version > ?", [floor])
            )
            for row in rows:
                if outbox.operation_for(records.db, spec.name, row["id"]) is not None:
                    continue
                fields = {k: row[k] for k in spec.field_names if row.get(k) is not None}
                outbox.record_change(
                    records.db,
                    device_id=records.store.device_id,
                    entity=spec.name,
                    record_id=row["id"],
                    unit_id=row["unit_id"],
                    kind="delete" if row["deleted"] else "upsert",
                    fields=fields,
                    base={},
                    base_version=None,
                    created_at=utc_now(),
                )
                count += 1
    return count
