"""Bulk loading of records that are already in sync (demo data, a reviewer's first pull).

Rows go in with ``executemany`` in one transaction, with their sort keys and search
documents, and without outbox operations: they are what the server already has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import ENTITIES, SYSTEM_COLUMNS
from danvan_desktop.store.search_index import SEARCH_TARGET, index_record, sort_columns

if TYPE_CHECKING:
    from sqlite_utils import Database


def insert_synced(
    db: Database, entity: str, records: Iterable[Mapping[str, Any]], *, first_version: int
) -> int:
    """Insert records as synced (``server_version`` from ``first_version`` on); returns the
    next free version."""
    spec = ENTITIES[entity]
    version = first_version
    rows: list[dict[str, Any]] = []
    for record in records:
        row = {name: record.get(name) for name in (*SYSTEM_COLUMNS, *spec.field_names)}
        row.update(server_version=version, dirty=0, deleted=0)
        row.update(sort_columns(spec, row))
        rows.append(row)
        version += 1
    if not rows:
        return version
    columns = list(rows[0])
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO [{spec.table}] ({names}) VALUES ({marks})",
        [[r[c] for c in columns] for r in rows],
    )
    if entity in SEARCH_TARGET:
        for row in rows:
            index_record(db, spec, row["id"], row)
    return version
