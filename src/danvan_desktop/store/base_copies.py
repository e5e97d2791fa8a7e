"""Base copies: a synced record's values as the server last sent them, while edited here.

A base copy is needed only for a record edited locally and not yet synced: an
unedited record is its own base. So the copy is written at the record's first local
edit, from its current synced values (``keep_before_edit``, called by the record
writer in the edit's own transaction); a pull that brings a newer version of a record
still being edited replaces it with the server's values (``after_pull``); and it is
dropped once nothing of the record waits to be sent (``after_pull`` of a clean record,
``forget`` when the server has answered its last operation). A store of an earlier
release, which kept one for every pulled record, drops the needless ones (m013).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import EntitySpec

if TYPE_CHECKING:
    from sqlite_utils import Database


def _dump(fields: Mapping[str, Any]) -> str:
    return json.dumps(dict(fields), ensure_ascii=False, default=str)


def keep_before_edit(
    db: Database, spec: EntitySpec, record_id: str, before: Mapping[str, Any]
) -> None:
    """At a synced record's first local edit, keep its synced values as its base copy.

    A record never synced (no server version) has no base; one already edited keeps
    the copy made at its first edit."""
    version = before.get("server_version")
    if version is None:
        return
    fields = {name: before.get(name) for name in spec.field_names}
    db.execute(
        "INSERT OR IGNORE INTO base_copy(entity, record_id, server_version, fields) "
        "VALUES (?, ?, ?, ?)",
        [spec.name, record_id, int(version), _dump(fields)],
    )


def after_pull(
    db: Database,
    entity: str,
    record_id: str,
    version: int,
    fields: Mapping[str, Any],
    *,
    edited: bool,
) -> None:
    """A pulled version arrived: the new base of a record still edited here, else none."""
    if edited:
        db.execute(
            "INSERT INTO base_copy(entity, record_id, server_version, fields) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(entity, record_id) DO UPDATE SET "
            "server_version = excluded.server_version, fields = excluded.fields",
            [entity, record_id, version, _dump(fields)],
        )
    else:
        forget(db, entity, record_id)


def forget(db: Database, entity: str, record_id: str) -> None:
    """Drop a record's base copy (nothing of it waits to be sent)."""
    db.execute("DELETE FROM base_copy WHERE entity = ? AND record_id = ?", [entity, record_id])


def base_copy(db: Database, entity: str, record_id: str) -> dict[str, Any] | None:
    """The record's synced values before its local edit (for a three-way merge), if any."""
    row = db.execute(
        "SELECT fields FROM base_copy WHERE entity = ? AND record_id = ?", [entity, record_id]
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def count(db: Database) -> int:
    """How many base copies the store keeps."""
    return int(db.execute("SELECT count(*) FROM base_copy").fetchone()[0])
