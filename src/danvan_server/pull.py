"""Download: the changes a device may see since its checkpoint, in pages bounded by bytes.

The highest committed sequence number is read first; rows are then read up to it
only. Sequence numbers are assigned under a lock held until commit, so every
number up to that value is already committed and visible: a page never skips a
change that commits later. Records are stored as JSON text, so a page is built
by joining that text, not by decoding and re-encoding every record.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, or_, select

from danvan_server import residents
from danvan_server.auth import Scope
from danvan_server.db import meta, reading, records, seq_counter

ROWS_PER_QUERY = 500
# Entities a device also receives from the units above it: their names, and the
# handbook documents the province or commune publishes to everyone below.
INHERITED_ENTITIES = ("unit", "handbook_doc")


def visible_to(scope: Scope, client_schema: int | None = None) -> ColumnElement[bool]:
    """The SQL condition for records this scope may read: residents' details only within
    the commune, and (``client_schema`` known) only what that laptop can store
    (residents.py)."""
    condition = records.c.scope_path.startswith(scope.unit.path, autoescape=True)
    ancestors = scope.unit.ancestor_ids
    if ancestors:
        inherited = and_(records.c.entity.in_(INHERITED_ENTITIES), records.c.unit_id.in_(ancestors))
        condition = or_(condition, inherited)
    if not residents.sees_residents(scope.unit.level):
        condition = and_(condition, records.c.commune_only.is_(False))
    if client_schema is not None:
        condition = and_(condition, records.c.min_schema <= client_schema)
    return condition


def _change_json(row: Any) -> str:
    return (
        f'{{"deleted":{"true" if row.deleted else "false"},'
        f'"entity":{json.dumps(row.entity)},'
        f'"fields":{row.fields},'
        f'"record_id":{json.dumps(row.id)},'
        f'"server_version":{int(row.server_version)},'
        f'"unit_id":{json.dumps(row.unit_id)}}}'
    )


def _skipped(version: int, skip: Sequence[tuple[int, int]]) -> bool:
    return any(low <= version <= high for low, high in skip)


def pull(
    engine: Engine,
    scope: Scope,
    since: int,
    max_bytes: int,
    skip: Sequence[tuple[int, int]] = (),
    client_schema: int | None = None,
) -> bytes:
    """The JSON body of one pull page: ``{changes, next, more, high_seq, epoch}``.

    Records whose version lies in ``skip`` are left out: the laptop said it holds
    exactly that version (it wrote it); the page still moves past them. So are those
    its store schema (``client_schema``) could not store.
    """
    with reading(engine) as connection:
        return pull_on(connection, scope, since, max_bytes, skip, client_schema)


_HIGH_AND_EPOCH = select(
    seq_counter.c.value,
    select(meta.c.value).where(meta.c.key == "epoch").scalar_subquery(),
).where(seq_counter.c.id == 1)


def pull_on(
    connection: Connection,
    scope: Scope,
    since: int,
    max_bytes: int,
    skip: Sequence[tuple[int, int]] = (),
    client_schema: int | None = None,
) -> bytes:
    """``pull`` on the caller's connection (a transaction or statement by statement)."""
    parts: list[str] = []
    size = 200  # the envelope around the changes, generously
    last, more = since, False
    # One round trip for both: this runs for every pull of every laptop.
    found = connection.execute(_HIGH_AND_EPOCH).first()
    high, epoch = (int(found[0]), found[1]) if found is not None else (0, None)
    cursor = since
    condition = visible_to(scope, client_schema)
    while not more:
        rows = connection.execute(
            select(
                records.c.entity,
                records.c.id,
                records.c.unit_id,
                records.c.server_version,
                records.c.deleted,
                records.c.fields,
            )
            .where(
                records.c.server_version > cursor,
                records.c.server_version <= high,
                condition,
            )
            .order_by(records.c.server_version)
            .limit(ROWS_PER_QUERY)
        ).all()
        for row in rows:
            if _skipped(int(row.server_version), skip):
                last = int(row.server_version)
                continue
            piece = _change_json(row)
            piece_bytes = len(piece.encode())
            if parts and size + piece_bytes + 1 > max_bytes:
                more = True
                break
            parts.append(piece)
            size += piece_bytes + 1
            last = int(row.server_version)
        if len(rows) < ROWS_PER_QUERY:
            break
        cursor = int(rows[-1].server_version)
    next_seq = last if more else max(since, high)
    head = (
        f'{{"epoch":{json.dumps(epoch)},"high_seq":{high},'
        f'"more":{"true" if more else "false"},"next":{next_seq},"changes":['
    )
    return (head + ",".join(parts) + "]}").encode()
