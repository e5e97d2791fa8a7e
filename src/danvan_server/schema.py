"""The server's schema version and the steps that bring an older database up to it.

Each step only adds (tables, columns, meta values), so it runs in place at start-up
and by ``danvan-server init`` on an older database; nothing is rewritten. New tables
come from ``create`` (every table of the current schema that is missing); a column
added to an existing table is a step in ``COLUMN_STEPS`` under the version that
brought it.

- 1 (release 0.1.0): units, records, devices, enrollment codes, attachments.
- 2: device keys and imported USB bundles (bundle_tables.py).
- 3: the operators' audit log (audit.py).
- 4: each record's marks: kept within the commune (residents' details), and the laptop
  store schema that can store it (residents.py); the store schema of each imported USB
  bundle, so its reply leaves out what that laptop cannot store.
- 5: a replication link's source scope (replication_scope.py): the source model's team
  and its reviewers read the link too; the network library's cards (network.py); each
  imported USB bundle's library checkpoint and network answers (bundle_tables.py);
  whether an operation's first answer was exact, so its replay says so (answers.py); the
  published app releases and their files (releases.py).
  Also a data step: each model stored with an earlier release's «replicated» becomes
  «recognised», as a new version (model_life_rules.py); the city unit gets the six
  default model fields (city_fields.py).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, update

from danvan_server import (
    answers,
    audit,  # noqa: F401  (registers schema-3 tables)
    bundle_tables,  # registers schema-2 tables; schema 5 adds its columns
    city_fields,
    model_life_rules,
    network,  # noqa: F401  (registers schema-5 tables: the network library's cards)
    releases,  # noqa: F401  (registers schema-5 tables: app releases)
    replication_scope,
    residents,
)
from danvan_server.attachments import fill_blob_holders
from danvan_server.auth import add_code_device_column
from danvan_server.db import SERVER_SCHEMA_VERSION, get_meta, meta, metadata, reading

CURRENT = SERVER_SCHEMA_VERSION
# (the version that brought it, the step): columns added to tables an older schema has
COLUMN_STEPS: list[tuple[int, Callable[[Connection], None]]] = [
    (3, add_code_device_column),  # enrollment_codes.for_device: re-enrolling one device
    (3, fill_blob_holders),  # the files already stored stay readable by their uploaders
    (4, residents.add_record_marks),  # records.commune_only, records.min_schema
    (4, residents.add_bundle_schema_column),  # bundle_imports.schema_version
    (5, replication_scope.add_source_scope_column),  # records.source_scope_path
    (5, answers.add_exact_column),  # applied_ops.exact: a replay's duplicate says so
    (5, bundle_tables.add_bundle_network_columns),  # bundle_imports: library, network
    (5, model_life_rules.recognise_replicated),  # «replicated» models: «recognised»
    (5, city_fields.publish_defaults),  # the city's six model fields (city_fields.py)
]


def version(engine: Engine) -> str | None:
    """The schema version written in the database (None before ``init``)."""
    with reading(engine) as connection:
        return get_meta(connection, "schema_version")


def create(engine: Engine) -> None:
    """Create every table of the current schema that is missing."""
    metadata.create_all(engine)


def upgrade(engine: Engine) -> bool:
    """Bring an older database to the current schema; True when it changed."""
    found = version(engine)
    if found is None or not found.isdigit() or not 1 <= int(found) < CURRENT:
        return False
    create(engine)  # the tables later schemas added; existing tables are untouched
    with engine.begin() as connection:
        for brought_by, step in COLUMN_STEPS:
            if int(found) < brought_by:
                step(connection)
        connection.execute(
            update(meta).where(meta.c.key == "schema_version").values(value=str(CURRENT))
        )
    return True
