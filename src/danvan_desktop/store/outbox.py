"""The outbox: every edit's operation, written in the edit's own transaction.

The envelope (DESIGN.md) is the same for HTTP and USB bundles:
``{op_id, device_id, entity, record_id, kind, base_version, fields, base,
schema_version, created_at}``. Pending operations on one record coalesce into one,
keeping the earliest ``base`` of each field, so an hour of typing is one
operation. An operation already handed to the network (``sending``) is never
changed: a later edit gets an operation of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.store.migrations import schema_version

if TYPE_CHECKING:
    from sqlite_utils import Database

PENDING = "pending"
SENDING = "sending"
REJECTED = "rejected"


@dataclass(frozen=True)
class Operation:
    """One outbox operation, as it travels."""

    op_id: str
    device_id: str
    entity: str
    record_id: str
    unit_id: str | None
    kind: str
    base_version: int | None
    fields: dict[str, Any]
    base: dict[str, Any]
    schema_version: int
    created_at: str

    def envelope(self) -> dict[str, Any]:
        """The wire form of the operation."""
        return {
            "op_id": self.op_id,
            "device_id": self.device_id,
            "entity": self.entity,
            "record_id": self.record_id,
            "unit_id": self.unit_id,
            "kind": self.kind,
            "base_version": self.base_version,
            "fields": self.fields,
            "base": self.base,
            "schema_version": self.schema_version,
            "created_at": self.created_at,
        }


def record_change(
    db: Database,
    *,
    device_id: str,
    entity: str,
    record_id: str,
    unit_id: str | None,
    kind: str,
    fields: dict[str, Any],
    base: dict[str, Any],
    base_version: int | None,
    created_at: str,
    op_id: str | None = None,
) -> str:
    """Add (or coalesce into the pending) operation for one edit; returns its op_id.

    ``op_id`` names a new operation (default: a fresh UUIDv7). The operation that
    creates a record is named by the record's id: compact push bodies then omit it.
    """
    row = db.execute(
        "SELECT op_id, kind, fields, base FROM outbox "
        "WHERE entity = ? AND record_id = ? AND state = ? ORDER BY seq DESC LIMIT 1",
        [entity, record_id, PENDING],
    ).fetchone()
    if row is not None:
        op_id, old_kind, old_fields_json, old_base_json = row
        merged_fields = json.loads(old_fields_json)
        merged_base = json.loads(old_base_json)
        if kind == "delete":
            merged_kind = "delete"
        else:
            merged_kind = old_kind
            merged_fields.update(fields)
            for name, value in base.items():
                merged_base.setdefault(name, value)
        db.execute(
            "UPDATE outbox SET kind = ?, fields = ?, base = ?, created_at = ? WHERE op_id = ?",
            [merged_kind, _dump(merged_fields), _dump(merged_base), created_at, op_id],
        )
        return str(op_id)
    op_id = op_id or uuid7()
    db.execute(
        "INSERT INTO outbox (op_id, device_id, entity, record_id, unit_id, kind, base_version, "
        "fields, base, schema_version, created_at, state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            op_id,
            device_id,
            entity,
            record_id,
            unit_id,
            kind,
            base_version,
            _dump(fields),
            _dump(base),
            schema_version(),
            created_at,
            PENDING,
        ],
    )
    return op_id


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _row_to_operation(row: dict[str, Any]) -> Operation:
    return Operation(
        op_id=row["op_id"],
        device_id=row["device_id"],
        entity=row["entity"],
        record_id=row["record_id"],
        unit_id=row["unit_id"],
        kind=row["kind"],
        base_version=row["base_version"],
        fields=json.loads(row["fields"]),
        base=json.loads(row["base"]),
        schema_version=row["schema_version"],
        created_at=row["created_at"],
    )


def operations(db: Database, *, states: tuple[str, ...] = (PENDING, SENDING)) -> list[Operation]:
    """Outbox operations in the order they were made."""
    marks = ",".join("?" for _ in states)
    rows = db.query(f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY seq", list(states))
    return [_row_to_operation(r) for r in rows]


def operation_for(db: Database, entity: str, record_id: str) -> Operation | None:
    """The newest unsettled operation for one record, if any."""
    rows = list(
        db.query(
            "SELECT * FROM outbox WHERE entity = ? AND record_id = ? AND state IN (?, ?) "
            "ORDER BY seq DESC LIMIT 1",
            [entity, record_id, PENDING, SENDING],
        )
    )
    return _row_to_operation(rows[0]) if rows else None


def pending_count(db: Database) -> int:
    """How many operations wait to be sent."""
    row = db.execute(
        "SELECT count(*) FROM outbox WHERE state IN (?, ?)", [PENDING, SENDING]
    ).fetchone()
    return int(row[0])


def mark_sending(db: Database, op_ids: list[str]) -> None:
    """Freeze operations that are about to go on the wire (they no longer coalesce)."""
    with db.atomic():
        for op_id in op_ids:
            db.execute(
                "UPDATE outbox SET state = ?, attempts = attempts + 1 WHERE op_id = ?",
                [SENDING, op_id],
            )


def settle(db: Database, op_id: str) -> None:
    """Remove an operation the server has answered for (in the caller's transaction)."""
    db.execute("DELETE FROM outbox WHERE op_id = ?", [op_id])


def reject(db: Database, op_id: str, error: str) -> None:
    """Mark an operation the server refused; it stays for the user to see, out of the queue."""
    db.execute("UPDATE outbox SET state = ?, error = ? WHERE op_id = ?", [REJECTED, error, op_id])
