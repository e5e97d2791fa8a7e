"""The operators' audit log: every repair, removal and re-enrollment, who did it and why.

An operator's command that changes what laptops receive or who a device is (a record
repaired or removed, a device re-enrolled) writes one row here in the same
transaction as the change, so the log never claims what did not happen and never
misses what did. ``danvan-server audit`` lists it.
"""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy import Column, Connection, Engine, Integer, String, Table, Text, select

from danvan_server.db import metadata, reading
from danvan_server.records import utc_now

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("operator", Text, nullable=False),
    Column("action", String(64), nullable=False),
    Column("subject", String(64), nullable=False),
    Column("detail", Text, nullable=False),  # JSON object
    sqlite_autoincrement=True,  # ids never reused, even after the last row is deleted
)


def operator_name() -> str:
    """Who runs the command, as the operating system knows them."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without passwd entry)
        return "unknown"


def write(connection: Connection, action: str, subject: str, **detail: Any) -> None:
    """One row of the log, in the caller's transaction."""
    connection.execute(
        audit_log.insert().values(
            at=utc_now(),
            operator=operator_name(),
            action=action,
            subject=subject,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def entries(engine: Engine, *, subject: str | None = None) -> list[dict[str, Any]]:
    """The log, oldest first (only ``subject``'s rows when given)."""
    query = select(audit_log).order_by(audit_log.c.id)
    if subject is not None:
        query = query.where(audit_log.c.subject == subject)
    with reading(engine) as connection:
        return [
            {**row._mapping, "detail": json.loads(row.detail)} for row in connection.execute(query)
        ]
