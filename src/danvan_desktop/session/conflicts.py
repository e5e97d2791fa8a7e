"""The conflicts part of the Session facade: the changes a sync round could not merge
(conflicts kept with both values) or the server refused (rejected operations), and
settling a conflict by hand. ``SyncMixin`` (session/sync.py) builds on it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.store.changes import Change, Changes
from danvan_desktop.store.database import Store, utc_now

if TYPE_CHECKING:
    from danvan_desktop.store import outbox, sync_apply
    from danvan_desktop.store.records import Records
    from danvan_desktop.sync import protocol
else:  # loaded when first used (core/lazy.py)
    outbox = lazy_module("danvan_desktop.store.outbox")
    sync_apply = lazy_module("danvan_desktop.store.sync_apply")
    protocol = lazy_module("danvan_desktop.sync.protocol")


class ConflictsMixin:
    """Conflict and refusal verbs of the Session (needs ``store``, ``records``, ``role``)."""

    store: Store
    role: str

    if TYPE_CHECKING:  # SessionBase's, made when first used

        @property
        def records(self) -> Records: ...

    def conflicts(self) -> list[dict[str, Any]]:
        """Unresolved conflicts, with both values."""
        return sync_apply.open_conflicts(self.records)

    def rejected_operations(self) -> list[dict[str, Any]]:
        """Changes the server refused, newest first, each with the server's reason."""
        rows = self.store.db.query(
            "SELECT op_id, entity, record_id, kind, fields, created_at, error FROM outbox "
            "WHERE state = ? ORDER BY seq DESC",
            [outbox.REJECTED],
        )
        return [dict(row, fields=json.loads(row["fields"])) for row in rows]

    def resolve_conflict(self, conflict_id: str, *, keep: str = "kept") -> Changes:
        """Settle a conflict: keep the value the record holds, or write the lost one back.

        Keeping the lost value is an ordinary tracked edit of the record. Either way the
        conflict is marked resolved here and an operation on entity ``conflict`` with
        only ``{"resolved": true}`` tells the server, which tells the other laptops.
        """
        if keep not in ("kept", "lost"):
            problem = tr("sync", "Hãy chọn giữ giá trị hiện tại hoặc giá trị bị thay.")
            raise ValidationError([FieldProblem("keep", problem)])
        db = self.store.db
        rows = list(db.query("SELECT * FROM conflict WHERE id = ? AND deleted = 0", [conflict_id]))
        if not rows:
            raise NotFoundError(
                tr(
                    "sync",
                    "Không tìm thấy xung đột này: có thể nó đã được giải quyết trên máy khác; "
                    "hãy đồng bộ rồi xem lại.",
                )
            )
        conflict = rows[0]
        changes = Changes()
        with db.atomic():
            if keep == "lost":
                changes.add(
                    self.records.save(
                        conflict["entity"],
                        {conflict["field"]: conflict["lost_value"]},
                        record_id=conflict["record_id"],
                        role=self.role,
                    )
                )
            if not conflict["resolved"]:
                db.execute(
                    "UPDATE conflict SET resolved = 1, updated_at = ? WHERE id = ?",
                    [utc_now(), conflict_id],
                )
                outbox.record_change(
                    db,
                    device_id=self.store.device_id,
                    entity=protocol.CONFLICT_ENTITY,
                    record_id=conflict_id,
                    unit_id=conflict["unit_id"],
                    kind="upsert",
                    fields={"resolved": True},
                    base={"resolved": False},
                    base_version=conflict["server_version"],
                    created_at=utc_now(),
                )
                changes.add(Change(protocol.CONFLICT_ENTITY, conflict_id, "updated", ("resolved",)))
        return changes
