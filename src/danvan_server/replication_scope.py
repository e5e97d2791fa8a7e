"""Replication links reach the source model's unit too, not only the replicating unit.

A ``replication_link`` (core/schema.py) is written by the team that replicated a model
and lives in that team's scope like every record it writes. The team whose model was
replicated, and the reviewers above that team, must see it as well («Nơi nhân rộng»):
so the server keeps, beside the record's own ``scope_path``, the ``source_scope_path``
of the source model (server schema 5), set whenever the link is written
(``records.write``), and every download (``pull.visible_to``: pulls, USB reply bundles)
also sends a record to the scopes that cover its source path. Nothing else about the
replicating unit travels that way: the link names the village and the model's status,
never its records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection, inspect, select

from danvan_server.db import records


class StoredRecord(Protocol):
    """What is read of a record being written (records.StoredRecord has it)."""

    @property
    def entity(self) -> str:
        """The record's entity."""
        ...

    @property
    def fields(self) -> Mapping[str, Any]:
        """The record's fields."""
        ...


# entity -> the field naming the model in another unit whose scope also reads the record
SOURCE_FIELDS = {"replication_link": "source_model_id"}
_CHUNK = 400


def source_paths(connection: Connection, changed: Sequence[StoredRecord]) -> dict[str, str]:
    """The scope path of each source model the changed links name (model id -> path);
    a source the server does not hold is missing."""
    wanted = sorted(
        {
            str(value)
            for record in changed
            if record.entity in SOURCE_FIELDS
            and isinstance(value := record.fields.get(SOURCE_FIELDS[record.entity]), str)
        }
    )
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = connection.execute(
            select(records.c.id, records.c.scope_path).where(
                records.c.entity == "model", records.c.id.in_(wanted[start : start + _CHUNK])
            )
        )
        found.update({row.id: row.scope_path for row in rows})
    return found


def source_path_of(record: StoredRecord, paths: dict[str, str]) -> str | None:
    """The source scope path to store for ``record`` (None: only its own scope reads it)."""
    name = SOURCE_FIELDS.get(record.entity)
    if name is None:
        return None
    value = record.fields.get(name)
    return paths.get(value) if isinstance(value, str) else None


def seen_as_source(unit_path: str) -> ColumnElement[bool]:
    """The SQL condition for records a scope reads because it covers their source model."""
    return records.c.source_scope_path.startswith(unit_path, autoescape=True)


# -- upgrade step (schema.py) -------------------------------------------------------------
def add_source_scope_column(connection: Connection) -> None:
    """Schema step 5: ``records.source_scope_path`` (null: no record before it was a link)."""
    columns = {column["name"] for column in inspect(connection).get_columns("records")}
    if "source_scope_path" not in columns:
        connection.exec_driver_sql("ALTER TABLE records ADD COLUMN source_scope_path TEXT")
