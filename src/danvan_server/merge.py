"""Field-level three-way merge of one operation into the server's copy of a record.

For each field the operation changes: when the server still holds the value the
laptop started from (``base``), the new value applies. When both sides changed
it, the server's sequence decides: the operation being applied now comes later,
so its value is kept and the value it replaces is reported as lost, to be kept
in a conflict record. Long free text takes the same path but its conflict is
flagged for review. A device never conflicts with itself. Edit beats delete.

When the laptop's ``base_version`` is newer than the server's copy, the server
has lost history (restored from an older backup): the laptop's values are the
newest anyone has, so they apply without conflicts.

Pure functions over ``StoredRecord`` values: no database, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.sync.protocol import APPLIED, CONFLICT, REJECTED
from danvan_server.messages import say
from danvan_server.records import StoredRecord, empty_fields
from danvan_server.rules import STATUS_FIELD, StatusPolicy


@dataclass(frozen=True)
class LostValue:
    """A value one side wrote that the record no longer holds."""

    field: str
    kept_value: Any
    lost_value: Any
    kept_from_device: str | None
    lost_from_device: str | None
    needs_review: bool


@dataclass
class Outcome:
    """What one operation does: its status, the record to write (if any), lost values."""

    status: str
    record: StoredRecord | None = None
    lost: list[LostValue] = field(default_factory=list)
    message: str | None = None


@dataclass(frozen=True)
class Placement:
    """Where a record created by this operation lives."""

    unit_id: str
    scope_path: str


def _history_lost(current: StoredRecord, op: dict[str, Any]) -> bool:
    base_version = op["base_version"]
    return base_version is not None and base_version > current.server_version


def _new_record(op: dict[str, Any], placement: Placement, *, deleted: bool) -> StoredRecord:
    fields = empty_fields(op["entity"])
    fields.update(op["fields"])
    device = op["device_id"]
    return StoredRecord(
        entity=op["entity"],
        id=op["record_id"],
        unit_id=placement.unit_id,
        scope_path=placement.scope_path,
        server_version=0,  # assigned by the caller under the sequence lock
        deleted=deleted,
        fields=fields,
        authors=dict.fromkeys(op["fields"], device),
        updated_by=device,
    )


def merge_upsert(
    current: StoredRecord | None,
    op: dict[str, Any],
    placement: Placement,
    policy: StatusPolicy,
) -> Outcome:
    """Merge an upsert; a deleted record comes back to life."""
    entity = op["entity"]
    if current is None:
        if (entity, "status") == STATUS_FIELD and not policy.allows(
            None, op["fields"].get("status")
        ):
            return Outcome(REJECTED, message=policy.refusal(None, op["fields"].get("status")))
        return Outcome(APPLIED, _new_record(op, placement, deleted=False))
    device = op["device_id"]
    history_lost = _history_lost(current, op)
    fields, authors = dict(current.fields), dict(current.authors)
    lost: list[LostValue] = []
    changed = False
    for name, value in op["fields"].items():
        now = fields.get(name)
        if now == value:
            continue
        concurrent = not history_lost and op["base"].get(name) != now
        author = authors.get(name) or current.updated_by
        if (entity, name) == STATUS_FIELD and not policy.allows(now, value):
            if not concurrent:
                return Outcome(REJECTED, message=policy.refusal(now, value))
            # The move was valid from where the laptop stood; the server moved since.
            lost.append(LostValue(name, now, value, author, device, needs_review=False))
            continue
        if concurrent and author != device:
            kind = ENTITIES[entity].field(name).kind if entity in ENTITIES else "text"
            lost.append(LostValue(name, value, now, device, author, kind == "long_text"))
        fields[name] = value
        authors[name] = device
        changed = True
    if not changed and not current.deleted:
        return Outcome(CONFLICT if lost else APPLIED, None, lost)
    record = replace(current, fields=fields, authors=authors, deleted=False, updated_by=device)
    return Outcome(CONFLICT if lost else APPLIED, record, lost)


def merge_delete(
    current: StoredRecord | None,
    op: dict[str, Any],
    placement: Placement,
    language: str,
) -> Outcome:
    """Merge a delete: tombstone the record unless someone else edited it since."""
    if current is None:
        # Created and deleted offline, or lost by a restored server: a tombstone tells
        # every other laptop that might hold it.
        return Outcome(APPLIED, _new_record(op, placement, deleted=True))
    if current.deleted:
        return Outcome(APPLIED)
    device = op["device_id"]
    edited_since = (
        current.server_version > (op["base_version"] or 0) and current.updated_by != device
    )
    if edited_since and not _history_lost(current, op):
        # Edit beats delete. Touch the record so the deleting laptop pulls it back.
        return Outcome(
            CONFLICT,
            replace(current),
            message=say(
                language,
                "Hồ sơ đã được sửa trên máy khác sau lần đồng bộ trước nên không bị xóa "
                "(sửa thắng xóa): hãy xem lại rồi xóa lại nếu vẫn cần.",
            ),
        )
    return Outcome(APPLIED, replace(current, deleted=True, updated_by=device))


def merge_resolution(current: StoredRecord, op: dict[str, Any]) -> Outcome:
    """Mark a conflict record resolved (or open again)."""
    resolved = op["fields"].get("resolved")
    if resolved is None or current.fields.get("resolved") == resolved:
        return Outcome(APPLIED)
    fields = dict(current.fields, resolved=resolved, resolved_by=op["device_id"])
    return Outcome(APPLIED, replace(current, fields=fields, updated_by=op["device_id"]))
