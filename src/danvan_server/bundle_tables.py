"""Tables for USB bundles (server schema 2): device keys and the bundles imported.

Kept apart from ``db.py``'s sync tables; they join the same ``metadata``, so
``init`` creates them and the upgrade from schema 1 adds them (``schema.py``).
Schema 5 adds each import's library checkpoint and the answers to its network part
(``add_bundle_network_columns``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    Text,
    inspect,
)

from danvan_server.db import metadata

device_keys = Table(
    "device_keys",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("public_key", String(64), nullable=False),  # Ed25519, base64 of 32 bytes
    Column("registered_at", String(40), nullable=False),
)

bundle_imports = Table(
    "bundle_imports",
    metadata,
    Column("bundle_id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),  # as the laptop wrote it
    Column("imported_at", String(40), nullable=False),
    Column("checkpoint", BigInteger, nullable=False),  # the laptop's pull checkpoint
    Column("results", Text, nullable=False),  # JSON list: each operation's answer, for the reply
    Column("files", Text, nullable=False),  # JSON list of the files' SHA-256
    # Schema 4: the laptop's store schema (its manifest's), so that its reply leaves out
    # what it cannot store; null for bundles imported before (nothing left out).
    Column("schema_version", Integer, nullable=True),
    # Schema 5: the laptop's library checkpoint (its manifest's; null for a laptop that
    # holds no library: its reply carries no cards) and the answers to the bundle's
    # network part (JSON: shares, withdrawals, withdrawal requests; null when none).
    Column("library_checkpoint", BigInteger, nullable=True),
    Column("network", Text, nullable=True),
    Index("ix_bundle_imports_device", "device_id", "imported_at"),
)


def add_bundle_network_columns(connection: Connection) -> None:
    """Schema step 5: ``bundle_imports.library_checkpoint`` and ``network`` (null for the
    bundles imported before: their replies carry no cards)."""
    columns = {column["name"] for column in inspect(connection).get_columns("bundle_imports")}
    if "library_checkpoint" not in columns:
        connection.exec_driver_sql(
            "ALTER TABLE bundle_imports ADD COLUMN library_checkpoint BIGINT"
        )
    if "network" not in columns:
        connection.exec_driver_sql("ALTER TABLE bundle_imports ADD COLUMN network TEXT")
