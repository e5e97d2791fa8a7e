"""Applying what the server says: pulled pages, push results, conflicts, the checkpoint.

A pulled page is applied in one transaction together with the new checkpoint, so a
link that drops every minute still advances. A row with a pending local edit is
merged, never overwritten: fields the laptop changed keep their local value (the
server decides between them when the edit arrives), the others take the server's.
An edit beats a delete. A base copy (the row as the server last sent it) is kept
only for a record edited here and not yet synced (store/base_copies.py): an unedited
record is its own base.

Records new to this laptop (nearly all of a first pull) are inserted set-based, one
``executemany`` per entity (store/sync_bulk.py); the others merge one by one. The
search index takes the records a pull wrote in one pass at the end of the pull
(store/search_catchup.py): ``apply_page(..., index_now=False)`` leaves them listed.

A record this laptop cannot store (a value that fails validation, or that SQLite
refuses: an integer beyond 64 bits, a lone surrogate) is kept aside in
``sync_quarantine`` with the reason, and the others of the page apply as usual: one
bad record never stops a page, a reply bundle or the checkpoint (DESIGN.md, sync
invariant 9). A later version of the same record that can be stored takes its place
and leaves the quarantine. The Đồng bộ page lists what is kept aside.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import ENTITIES, SYSTEM_COLUMNS, EntitySpec
from danvan_desktop.core.validation import coerce_fields
from danvan_desktop.store import base_copies, outbox, search_catchup, search_index, sync_bulk
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records

CHECKPOINT_KEY = "sync_checkpoint"
EPOCH_KEY = "sync_epoch"
QUARANTINE_TABLE = "sync_quarantine"
# What a record the laptop cannot store raises: validation (with the field named), a
# value Python or SQLite cannot convert (OverflowError, UnicodeEncodeError, ...), a
# change without its keys, or a constraint. A database that is down, locked or full
# (sqlite3.OperationalError) is not the record's fault: it stops the page, which then
# applies on the next round.
_RECORD_FAULTS: tuple[type[BaseException], ...] = (
    DanvanError,
    ValueError,
    TypeError,
    OverflowError,
    KeyError,
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    sqlite3.DataError,
)


@dataclass
class PageOutcome:
    """What applying one page did."""

    inserted: int = 0
    updated: int = 0
    merged: int = 0
    conflicts: int = 0
    skipped: int = 0
    quarantined: int = 0


def checkpoint(records: Records) -> int:
    """The last server sequence fully applied here."""
    return int(records.store.meta(CHECKPOINT_KEY) or 0)


def apply_changes(
    records: Records, changes: list[Mapping[str, Any]], *, index_now: bool = True
) -> PageOutcome:
    """Apply server records (in the caller's transaction, or one of their own).

    The page is applied in one go (new records set-based); when a record fails, it is
    applied again one record per savepoint, and each record that fails is quarantined
    instead. ``index_now``: bring the search index up to date before returning (a pull
    leaves it to its last page)."""
    db = records.db
    held = _quarantine_in_use(records)
    with db.atomic():
        try:
            with db.atomic():
                outcome = PageOutcome()
                outcome.inserted, rest = sync_bulk.insert_new(db, changes)
                if held:
                    left = {id(change) for change in rest}
                    _release(records, [c for c in changes if id(c) not in left])
                for change in rest:
                    _apply_and_release(records, change, outcome, held)
        except _RECORD_FAULTS:
            outcome = PageOutcome()
            for change in changes:
                try:
                    with db.atomic():
                        _apply_and_release(records, change, outcome, held)
                except _RECORD_FAULTS as exc:
                    quarantine(records, change, reason_of(exc))
                    outcome.quarantined += 1
        if index_now:
            search_catchup.catch_up(db)
    return outcome


def _quarantine_in_use(records: Records) -> bool:
    row = records.db.execute(f"SELECT EXISTS (SELECT 1 FROM [{QUARANTINE_TABLE}])").fetchone()
    return bool(row[0])


def _apply_and_release(
    records: Records, change: Mapping[str, Any], outcome: PageOutcome, held: bool
) -> None:
    """Apply one change; a record kept aside at this version or an older one is let go."""
    if not isinstance(change, Mapping):
        raise TypeError(f"a change must be an object, not {type(change).__name__}")
    _apply_change(records, change, outcome)
    if held:
        _release(records, [change])


def _release(records: Records, changes: list[Mapping[str, Any]]) -> None:
    """Let go of what was kept aside of these records at their versions or older ones."""
    records.db.conn.executemany(
        f"DELETE FROM [{QUARANTINE_TABLE}] WHERE entity = ? AND record_id = ? "
        "AND server_version <= ?",
        [(str(c["entity"]), str(c["record_id"]), int(c["server_version"])) for c in changes],
    )


def reason_of(error: BaseException) -> str:
    """Why a record could not be stored, for the user (validation names the field)."""
    if isinstance(error, DanvanError) and error.message:
        return error.message
    return tr(
        "sync",
        "Máy này không lưu được bản ghi này ({error}): hãy báo cán bộ quản trị máy chủ của "
        "thành phố sửa lại bản ghi.",
        error=f"{type(error).__name__}: {error}"[:300],
    )


def _safe_text(value: object) -> str:
    """Text SQLite can store: a lone surrogate (not UTF-8) is written as its escape."""
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def _version_of(change: Mapping[str, Any]) -> int:
    try:
        return int(change.get("server_version") or 0)
    except (TypeError, ValueError, OverflowError):
        return 0


def quarantine(records: Records, change: object, reason: str) -> None:
    """Keep aside a record this laptop cannot store (replacing an older one kept aside)."""
    found: Mapping[str, Any] = change if isinstance(change, Mapping) else {}
    unit_id = found.get("unit_id")
    fields = found.get("fields") if isinstance(change, Mapping) else change
    records.db.execute(
        f"INSERT OR REPLACE INTO [{QUARANTINE_TABLE}] (entity, record_id, unit_id, "
        "server_version, deleted, fields, reason, quarantined_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            _safe_text(found.get("entity", ""))[:64],
            _safe_text(found.get("record_id", ""))[:200],
            None if unit_id is None else _safe_text(unit_id)[:200],
            _version_of(found),
            int(bool(found.get("deleted"))),
            json.dumps(fields, ensure_ascii=True, sort_keys=True, default=repr),
            _safe_text(reason),
            utc_now(),
        ],
    )


def quarantined(records: Records) -> list[dict[str, Any]]:
    """The records kept aside, newest first (fields as ASCII JSON text)."""
    return list(
        records.db.query(
            f"SELECT * FROM [{QUARANTINE_TABLE}] ORDER BY server_version DESC, entity, record_id"
        )
    )


def apply_page(
    records: Records,
    changes: list[Mapping[str, Any]],
    *,
    next_seq: int,
    epoch: str | None = None,
    index_now: bool = True,
) -> PageOutcome:
    """Apply one pulled page and move the checkpoint, all in one transaction.

    ``index_now=False`` (a page with more to come) leaves the search index to the
    pull's last page."""
    with records.db.atomic():
        outcome = apply_changes(records, changes, index_now=index_now)
        records.store.set_meta(CHECKPOINT_KEY, str(max(next_seq, checkpoint(records))))
        if epoch is not None:
            records.store.set_meta(EPOCH_KEY, epoch)
    return outcome


def _apply_change(records: Records, change: Mapping[str, Any], outcome: PageOutcome) -> None:
    entity = str(change["entity"])
    if entity == "conflict":
        _store_conflict(records, change)
        outcome.conflicts += 1
        return
    spec = ENTITIES.get(entity)
    if spec is None:
        outcome.skipped += 1  # an entity from a newer schema: kept on the server
        return
    known = {k: v for k, v in dict(change.get("fields") or {}).items() if k in spec.field_names}
    remote = coerce_fields(spec, known)
    record_id = str(change["record_id"])
    version = int(change["server_version"])
    deleted = bool(change.get("deleted"))
    db = records.db
    local = records.find_any(entity, record_id)
    pending = outbox.operation_for(db, entity, record_id)
    if local is None:
        row = {name: remote.get(name) for name in spec.field_names}
        row.update(
            id=record_id,
            unit_id=change.get("unit_id"),
            server_version=version,
            dirty=0,
            deleted=int(deleted),
            updated_at=utc_now(),
            updated_by="server",
        )
        row.update(search_index.sort_columns(spec, row))
        names = ", ".join(f"[{c}]" for c in row)
        db.execute(
            f"INSERT INTO [{spec.table}] ({names}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        outcome.inserted += 1
    else:
        values = dict(remote)
        if pending is not None:
            for name in pending.fields:
                values.pop(name, None)  # the laptop's own edit stays until the server rules
            # An edit beats a delete; our own delete is on its way and the server decides.
            deleted = pending.kind == "delete"
            outcome.merged += 1
        else:
            outcome.updated += 1
        merged = {name: local.get(name) for name in spec.field_names}
        merged.update(values)
        row = dict(values)
        row.update(search_index.sort_columns(spec, merged))
        row.update(
            server_version=version,
            deleted=int(deleted),
            updated_at=utc_now(),
            dirty=1 if pending is not None else 0,
        )
        sets = ", ".join(f"[{c}] = ?" for c in row)
        db.execute(f"UPDATE [{spec.table}] SET {sets} WHERE id = ?", [*row.values(), record_id])
        base_copies.after_pull(
            db, entity, record_id, version, _server_row(spec, local, remote), edited=bool(pending)
        )
    search_catchup.mark(db, entity, [record_id])


def _server_row(
    spec: EntitySpec, local: Mapping[str, Any], remote: Mapping[str, Any]
) -> dict[str, Any]:
    """The record as the server now holds it (its fields a change left out: as held)."""
    row = {name: local.get(name) for name in spec.field_names}
    row.update(remote)
    return row


def base_copy(records: Records, entity: str, record_id: str) -> dict[str, Any] | None:
    """The record's synced values before its local edit (for a three-way merge), if any."""
    return base_copies.base_copy(records.db, entity, record_id)


def _store_conflict(records: Records, change: Mapping[str, Any]) -> None:
    fields = dict(change.get("fields") or {})
    row = {
        "id": str(change["record_id"]),
        "unit_id": change.get("unit_id"),
        "entity": str(fields.get("entity", "")),
        "record_id": str(fields.get("record_id", "")),
        "field": str(fields.get("field", "")),
        "kept_value": _text(fields.get("kept_value")),
        "lost_value": _text(fields.get("lost_value")),
        "lost_from_device": fields.get("lost_from_device"),
        "needs_review": int(bool(fields.get("needs_review"))),
        "resolved": int(bool(fields.get("resolved"))),
        "server_version": int(change["server_version"]),
        "deleted": int(bool(change.get("deleted"))),
        "updated_at": utc_now(),
    }
    names = ", ".join(f"[{c}]" for c in row)
    records.db.execute(
        f"INSERT OR REPLACE INTO conflict ({names}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def settle_result(
    records: Records,
    op: outbox.Operation,
    *,
    status: str,
    server_version: int | None,
    message: str | None = None,
) -> None:
    """Record the server's answer to one operation (in the caller's transaction)."""
    db = records.db
    if status == "rejected":
        outbox.reject(db, op.op_id, message or "")
        return
    outbox.settle(db, op.op_id)
    spec = ENTITIES.get(op.entity)
    if spec is None or server_version is None:
        return
    still_pending = outbox.operation_for(db, op.entity, op.record_id) is not None
    if not still_pending:
        base_copies.forget(db, op.entity, op.record_id)
    db.execute(
        f"UPDATE [{spec.table}] SET server_version = max(coalesce(server_version, 0), ?), "
        "dirty = ? WHERE id = ?",
        [server_version, 1 if still_pending else 0, op.record_id],
    )


def open_conflicts(records: Records) -> list[dict[str, Any]]:
    """Conflicts not yet resolved, newest first."""
    return list(
        records.db.query(
            "SELECT * FROM conflict WHERE resolved = 0 AND deleted = 0 ORDER BY server_version DESC"
        )
    )


def system_columns() -> tuple[str, ...]:
    """Columns every synced row has (re-exported for the engine)."""
    return SYSTEM_COLUMNS


def adopt_server_unit(records: Records, unit: Mapping[str, Any]) -> bool:
    """Take the server's record of this team's unit in place of the one made at setup.

    The laptop made its own unit record (with a device-made id) at first run; units
    are managed by the server, so at enrollment every local record and queued
    operation moves to the server's unit id, the local unit record (never synced)
    is dropped, and the server's is stored. Returns True when anything moved."""
    new_id = str(unit["id"])
    store = records.store
    old_id = store.home_unit_id
    with records.db.atomic():
        if old_id and old_id != new_id:
            for spec in ENTITIES.values():
                records.db.execute(
                    f"UPDATE [{spec.table}] SET unit_id = ? WHERE unit_id = ?", [new_id, old_id]
                )
            records.db.execute("UPDATE outbox SET unit_id = ? WHERE unit_id = ?", [new_id, old_id])
            records.db.execute("DELETE FROM unit WHERE id = ? AND server_version IS NULL", [old_id])
        records.db.execute("DELETE FROM outbox WHERE entity = 'unit' AND state != 'rejected'")
        fields = {k: v for k, v in unit.items() if k not in SYSTEM_COLUMNS}
        apply_changes(
            records,
            [
                {
                    "entity": "unit",
                    "record_id": new_id,
                    "unit_id": unit.get("unit_id") or new_id,
                    "server_version": int(unit.get("server_version") or 0),
                    "deleted": False,
                    "fields": fields,
                }
            ],
        )
        store.set_meta("home_unit_id", new_id)
    return bool(old_id and old_id != new_id)
