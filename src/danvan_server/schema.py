"""The server's schema version and the steps that bring an older database up to it.

Each step only adds (tables, meta values), so it runs in place at start-up and by
``danvan-server init`` on an older database; nothing is rewritten.
"""

from __future__ import annotations

from sqlalchemy import Engine, update

from danvan_server import bundle_tables  # noqa: F401  (registers schema-2 tables)
from danvan_server.db import SERVER_SCHEMA_VERSION, get_meta, meta, metadata, reading

CURRENT = SERVER_SCHEMA_VERSION


def version(engine: Engine) -> str | None:
    """The schema version written in the database (None before ``init``)."""
    with reading(engine) as connection:
        return get_meta(connection, "schema_version")


def create(engine: Engine) -> None:
    """Create every table of the current schema that is missing."""
    metadata.create_all(engine)


def upgrade(engine: Engine) -> bool:
    """Bring a schema-1 database to the current schema; True when it changed."""
    if version(engine) != "1":
        return False
    create(engine)  # adds device_keys and bundle_imports; existing tables are untouched
    with engine.begin() as connection:
        connection.execute(
            update(meta).where(meta.c.key == "schema_version").values(value=str(CURRENT))
        )
    return True
