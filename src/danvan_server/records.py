"""Synced records as the server keeps them: batch reads and batch writes.

A push reads every record its operations touch in one query, merges in Python,
and writes the results back with one ``executemany`` per statement, because a
round trip per operation would cap throughput far below the budget.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.sync.protocol import CONFLICT_ENTITY, CONFLICT_FIELDS
from danvan_server import bulk, network_contact, replication_scope, residents
from danvan_server.db import records

RecordKey = tuple[str, str]  # (entity, id)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_FETCH_CHUNK = 400  # keeps the IN list well under every driver's parameter limit


@dataclass
class StoredRecord:
    """One record on the server, as merged in memory before it is written."""

    entity: str
    id: str
    unit_id: str
    scope_path: str
    server_version: int
    deleted: bool
    fields: dict[str, Any]
    authors: dict[str, str] = field(default_factory=dict)
    updated_by: str | None = None
    in_database: bool = False  # an UPDATE (True) or an INSERT (False) when written

    @property
    def key(self) -> RecordKey:
        """The record's primary key."""
        return (self.entity, self.id)


def utc_now() -> str:
    """The server's clock as ISO 8601 UTC text (display and expiry only, never ordering)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dump_json(value: Any) -> str:
    """Canonical JSON text (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def field_names(entity: str) -> tuple[str, ...]:
    """Every field a change of ``entity`` carries."""
    if entity == CONFLICT_ENTITY:
        return CONFLICT_FIELDS
    return ENTITIES[entity].field_names


def empty_fields(entity: str) -> dict[str, Any]:
    """Every field of ``entity`` set to null (a new record before its values)."""
    return dict.fromkeys(field_names(entity))


def fetch(connection: Connection, keys: Iterable[RecordKey]) -> dict[RecordKey, StoredRecord]:
    """The stored records among ``keys`` (absent keys are simply missing)."""
    by_entity: dict[str, set[str]] = {}
    for entity, record_id in keys:
        by_entity.setdefault(entity, set()).add(record_id)
    found: dict[RecordKey, StoredRecord] = {}
    for entity, ids in sorted(by_entity.items()):
        wanted = sorted(ids)
        for start in range(0, len(wanted), _FETCH_CHUNK):
            _fetch_chunk(connection, entity, wanted[start : start + _FETCH_CHUNK], found)
    return found


def _fetch_chunk(
    connection: Connection, entity: str, ids: list[str], found: dict[RecordKey, StoredRecord]
) -> None:
    rows = connection.execute(
        select(
            records.c.id,
            records.c.unit_id,
            records.c.scope_path,
            records.c.server_version,
            records.c.deleted,
            records.c.fields,
            records.c.authors,
            records.c.updated_by,
        ).where(records.c.entity == entity, records.c.id.in_(ids))
    )
    for row in rows:
        found[(entity, row.id)] = StoredRecord(
            entity=entity,
            id=row.id,
            unit_id=row.unit_id,
            scope_path=row.scope_path,
            server_version=int(row.server_version),
            deleted=bool(row.deleted),
            fields=json.loads(row.fields),
            authors=json.loads(row.authors),
            updated_by=row.updated_by,
            in_database=True,
        )


def fetch_one(connection: Connection, entity: str, record_id: str) -> StoredRecord | None:
    """One stored record, or None."""
    return fetch(connection, [(entity, record_id)]).get((entity, record_id))


def _row(record: StoredRecord, now: str, sources: dict[str, str]) -> dict[str, Any]:
    sha = None
    if record.entity == "attachment":
        # The server holds the upload copy (a down-scaled photo) when there is one.
        sha = record.fields.get("upload_sha256") or record.fields.get("sha256")
    if not (isinstance(sha, str) and _SHA256.fullmatch(sha)):
        sha = None  # only a real hash may name a file; anything else names nothing
    return {
        "entity": record.entity,
        "id": record.id,
        "unit_id": record.unit_id,
        "scope_path": record.scope_path,
        "server_version": record.server_version,
        "deleted": record.deleted,
        "fields": dump_json(record.fields),
        "authors": dump_json(record.authors),
        "blob_sha256": sha,
        "updated_by": record.updated_by,
        "updated_at": now,
        "commune_only": residents.commune_only(record.entity, record.fields),
        "min_schema": residents.min_schema(record.entity, record.fields),
        "source_scope_path": replication_scope.source_path_of(record, sources),
    }


def write(connection: Connection, changed: Sequence[StoredRecord]) -> None:
    """Insert new records and update known ones, one statement per kind."""
    now = utc_now()
    sources = replication_scope.source_paths(connection, changed)
    bulk.insert_rows(
        connection, records, [_row(r, now, sources) for r in changed if not r.in_database]
    )
    bulk.update_rows(
        connection,
        records,
        ("entity", "id"),
        [_row(r, now, sources) for r in changed if r.in_database],
    )
    for record in changed:
        record.in_database = True
    network_contact.follow_models(connection, changed, now)  # a card's contact follows
