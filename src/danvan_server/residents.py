"""Residents' names stay local, and no laptop receives a record it cannot store.

Two marks the server keeps on every record (server schema 4), set whenever the record
is written (``records.py``) and read by every download (``pull.visible_to``: pulls, USB
reply bundles, the files a device may fetch):

- ``commune_only``: the record holds residents' personal details (an entity marked so
  in ``core/schema.py``: the petitioners of a petition, the parties of a mediation;
  a conflict over such a record, which carries its values; an attachment of one). It
  is sent to the devices of the team's village and of its commune, never to a scope
  above the commune: the city's reviewers see the petitions and cases, which name
  nobody, and count them. A device above the commune may not write such records either.
- ``min_schema``: the laptop store schema that first stores the record's entity
  (``EntitySpec.since_schema``; for a conflict, the entity it is about). A laptop
  tells its schema in every request (``X-Danvan-Schema``) and in its bundles'
  manifests; records it could not store are left out for it. Its next release
  pulls everything once after upgrading (laptop migration m009), so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, inspect

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.sync.protocol import CONFLICT_ENTITY

COMMUNE_ONLY_ENTITIES = frozenset(spec.name for spec in ENTITIES.values() if spec.commune_only)
# The unit levels whose devices see residents' details: the team's village, its commune.
LEVELS_THAT_SEE_RESIDENTS = ("village", "commune")


def _subject(entity: str, fields: Mapping[str, Any]) -> object:
    """The entity whose values the record carries: a conflict's record's, an attachment's
    owner's, else its own."""
    if entity == CONFLICT_ENTITY:
        return fields.get("entity")
    if entity == "attachment":
        return fields.get("owner_entity")
    return entity


def commune_only(entity: str, fields: Mapping[str, Any]) -> bool:
    """True when a record of ``entity`` with these fields holds residents' details."""
    return entity in COMMUNE_ONLY_ENTITIES or _subject(entity, fields) in COMMUNE_ONLY_ENTITIES


def min_schema(entity: str, fields: Mapping[str, Any]) -> int:
    """The laptop store schema that can store this record (1: every release): that of
    its own entity and of the entity it is about (a conflict's record, an attachment's
    owner), whichever came later."""
    schemas = [1]
    for name in (entity, _subject(entity, fields)):
        spec = ENTITIES.get(name) if isinstance(name, str) else None
        if spec is not None:
            schemas.append(spec.since_schema)
    return max(schemas)


def sees_residents(level: str) -> bool:
    """True for the devices of a unit of this level (its scope's ``unit.level``) when it
    is a village or a commune; False above the commune."""
    return level in LEVELS_THAT_SEE_RESIDENTS


def client_schema(value: object) -> int | None:
    """A laptop's store schema as it tells it (a header or a manifest value); None when it
    is not a plain positive number (nothing is then left out for it)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and 0 < value < 2**31 else None


# -- upgrade steps (schema.py) ------------------------------------------------------------
def add_record_marks(connection: Connection) -> None:
    """Schema step 4: ``records.commune_only`` and ``records.min_schema`` on an older
    database. Its records are all of entities every laptop stores, and none holds a
    resident's details (the older server refused those entities), so the defaults hold."""
    columns = {column["name"] for column in inspect(connection).get_columns("records")}
    false = "0" if connection.dialect.name == "sqlite" else "false"
    if "commune_only" not in columns:
        connection.exec_driver_sql(
            f"ALTER TABLE records ADD COLUMN commune_only BOOLEAN NOT NULL DEFAULT {false}"
        )
    if "min_schema" not in columns:
        connection.exec_driver_sql(
            "ALTER TABLE records ADD COLUMN min_schema INTEGER NOT NULL DEFAULT 1"
        )


def add_bundle_schema_column(connection: Connection) -> None:
    """Schema step 4: ``bundle_imports.schema_version`` (null for bundles imported before)."""
    columns = {column["name"] for column in inspect(connection).get_columns("bundle_imports")}
    if "schema_version" not in columns:
        connection.exec_driver_sql("ALTER TABLE bundle_imports ADD COLUMN schema_version INTEGER")
