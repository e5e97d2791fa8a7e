"""What the server remembers of each applied operation, and how it answers a replay.

Every operation applied (not rejected) leaves a row in ``applied_ops`` with its first
answer; the same ``op_id`` sent again is answered ``duplicate`` with that answer
(``original_status``, ``server_version``, ``message``, ``conflicts``) and, since
protocol 3, its ``exact`` (schema 5: ``applied_ops.exact``). The laptop replaying an
operation after a lost answer still holds what it sent, so an exact duplicate lets its
pull skip that version. A protocol-2 client gets its duplicates without ``exact``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, inspect, select

from danvan_desktop.sync.protocol import DUPLICATE
from danvan_server import records as stored
from danvan_server.db import applied_ops


def answer(
    op_id: str,
    status: str,
    server_version: int | None,
    message: str | None,
    conflicts: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One operation's result, as the push answers it."""
    return {
        "op_id": op_id,
        "status": status,
        "server_version": server_version,
        "message": message,
        "conflicts": conflicts or [],
    }


def as_duplicate(result: dict[str, Any]) -> dict[str, Any]:
    """A replay's answer: the first one as ``duplicate``. It keeps ``exact`` (protocol 3):
    the replayed operation is the one applied, so a laptop that holds it (its outbox
    still had it) holds that version, and the pull need not send its own write back."""
    return {**result, "status": DUPLICATE, "original_status": result["status"]}


def as_released_duplicate(result: dict[str, Any]) -> dict[str, Any]:
    """A duplicate as protocol 2 answered it: never ``exact``."""
    if result.get("status") != DUPLICATE or "exact" not in result:
        return result
    return {key: value for key, value in result.items() if key != "exact"}


def answer_row(op: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """The ``applied_ops`` row that remembers an operation's first answer."""
    return {
        "op_id": op["op_id"],
        "device_id": op["device_id"],
        "entity": op["entity"],
        "record_id": op["record_id"],
        "status": result["status"],
        "server_version": result["server_version"],
        "message": result["message"],
        "conflicts": stored.dump_json(result["conflicts"]),
        "applied_at": stored.utc_now(),
        "exact": bool(result.get("exact")),
    }


def known_results(op_ids: list[str], connection: Connection) -> dict[str, dict[str, Any]]:
    """The first answers of op_ids already applied, as duplicates."""
    found: dict[str, dict[str, Any]] = {}
    unique = sorted(set(op_ids))
    for start in range(0, len(unique), 400):
        rows = connection.execute(
            select(
                applied_ops.c.op_id,
                applied_ops.c.status,
                applied_ops.c.server_version,
                applied_ops.c.message,
                applied_ops.c.conflicts,
                applied_ops.c.exact,
            ).where(applied_ops.c.op_id.in_(unique[start : start + 400]))
        )
        for row in rows:
            first = answer(
                row.op_id, row.status, row.server_version, row.message, json.loads(row.conflicts)
            )
            if row.exact:
                first["exact"] = True
            found[row.op_id] = as_duplicate(first)
    return found


# -- upgrade step (schema.py) -------------------------------------------------------------
def add_exact_column(connection: Connection) -> None:
    """Schema step 5: ``applied_ops.exact`` (false for answers given before it)."""
    columns = {column["name"] for column in inspect(connection).get_columns("applied_ops")}
    false = "0" if connection.dialect.name == "sqlite" else "false"
    if "exact" not in columns:
        connection.exec_driver_sql(
            f"ALTER TABLE applied_ops ADD COLUMN exact BOOLEAN NOT NULL DEFAULT {false}"
        )
