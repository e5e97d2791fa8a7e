"""USB bundles on the server: the reply bundle for one laptop.

A reply answers the bundles it is asked to (the ones just imported), or else the
device's bundle imported last: never "the highest bundle id", since a bundle id
carries its laptop's clock. It holds the results of their operations, the changes in
the device's scope since their checkpoint and the files now held, signed with the
server's key (bundle_keys.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

import danvan_desktop.sync.bundle_format as fmt
import danvan_desktop.sync.protocol as protocol
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.sync.bundle_format import BundleError
from danvan_server import auth, bundle_network, pull
from danvan_server import units as unit_tree
from danvan_server.bundle_keys import private_key
from danvan_server.bundle_tables import bundle_imports
from danvan_server.db import devices, get_meta, reading
from danvan_server.records import utc_now

REPLY_FORMAT_VERSION = 1  # laptops of the first release read format 1 only (sizes ignored)
REPLY_MAX_BYTES = 128 * 1024**2  # changes in one reply: its JSON stays within fmt.MAX_JSON_BYTES


@dataclass(frozen=True)
class Reply:
    """A reply bundle for one laptop."""

    data: bytes
    file_name: str
    results: int
    changes: int
    cards: int = 0  # library lane items (cards and tombstones)


def make_reply(
    engine: Engine,
    device_id: str,
    *,
    bundle_ids: Sequence[str] = (),
    since: int | None = None,
    passphrase: str | None = None,
    max_bytes: int = REPLY_MAX_BYTES,
) -> Reply:
    """The reply to the device's bundles ``bundle_ids`` (those just imported, in the order
    they were), or else to the one imported last: never to the highest bundle id, which
    carries the laptop's clock. It holds the results of their operations, the changes in
    the device's scope since their checkpoint (or ``since``) and the files now held."""
    with reading(engine) as connection:
        row = connection.execute(select(devices).where(devices.c.device_id == device_id)).first()
        unit = unit_tree.get(connection, row.unit_id) if row is not None else None
        answered = _answered(connection, device_id, bundle_ids)
        epoch = get_meta(connection, "epoch")
    if row is None or unit is None:
        raise BundleError(
            tr("bundle", "Không có máy nào mang mã {device} trên máy chủ này.", device=device_id)
        )
    results: dict[str, dict[str, Any]] = {}
    for imported in answered:  # an operation in two bundles: the later import's answer
        results.update((str(r.get("op_id")), r) for r in json.loads(imported.results))
    shas = list(dict.fromkeys(sha for a in answered for sha in json.loads(a.files)))
    scope = auth.Scope(row.device_id, row.role, unit, row.last_seen_at)
    start = since if since is not None else min((int(a.checkpoint) for a in answered), default=0)
    page = json.loads(pull.pull(engine, scope, start, max_bytes, (), _oldest_schema(answered)))
    reply = {
        "results": list(results.values()),
        "changes": page["changes"],
        "since": start,
        "next": page["next"],
        "high_seq": page["high_seq"],
        "files_stored": shas,
        **bundle_network.reply_part(engine, scope, answered),
    }
    cards = len(reply.get("library", {}).get("items", []))
    bundle_id = uuid7()
    manifest = {
        "bundle_id": bundle_id,
        "direction": fmt.TO_DEVICE,
        "device_id": device_id,
        "unit_id": row.unit_id,
        "epoch": epoch,
        "in_reply_to": answered[-1].bundle_id if answered else None,
        "created_at": utc_now(),
        "protocol": protocol.PROTOCOL_VERSION,
        "results": len(results),
        "changes": len(page["changes"]),
        "more": bool(page["more"]),
        "cards": cards,
    }
    packed, unpacked = fmt.gzip_json(reply)
    data = fmt.seal(
        manifest,
        {fmt.REPLY_MEMBER: packed},
        private_key=private_key(engine),
        passphrase=passphrase,
        unpacked={fmt.REPLY_MEMBER: unpacked},
        format_version=REPLY_FORMAT_VERSION,
    )
    name = f"traloi-{_slug(row.device_name)}-{utc_now()[:10]}-{bundle_id[-6:]}{fmt.SUFFIX}"
    return Reply(data, name, len(results), len(page["changes"]), cards)


def _answered(connection: Connection, device_id: str, bundle_ids: Sequence[str]) -> list[Any]:
    """The imports a reply answers: those named, in that order, or the one imported last
    (by the server's import time; a bundle id carries the laptop's clock)."""
    query = select(bundle_imports).where(bundle_imports.c.device_id == device_id)
    if not bundle_ids:
        latest = query.order_by(
            bundle_imports.c.imported_at.desc(), bundle_imports.c.bundle_id.desc()
        )
        last = connection.execute(latest.limit(1)).first()
        return [] if last is None else [last]
    wanted = list(dict.fromkeys(bundle_ids))
    found = {
        row.bundle_id: row
        for row in connection.execute(query.where(bundle_imports.c.bundle_id.in_(wanted)))
    }
    for bundle_id in wanted:
        if bundle_id not in found:
            raise BundleError(
                tr(
                    "bundle",
                    "Máy chủ chưa nhập gói {bundle} của máy {device}: hãy nhập gói đó trước "
                    "rồi mới làm gói trả lời cho nó.",
                    bundle=bundle_id,
                    device=device_id,
                )
            )
    return [found[bundle_id] for bundle_id in wanted]


def _oldest_schema(answered: list[Any]) -> int | None:
    """The laptop's store schema as its answered bundles told it (None: unknown)."""
    told = [a.schema_version for a in answered]
    return None if not told or None in told else int(min(told))


def _slug(name: str) -> str:
    words = fold_vietnamese(name or "").split()
    slug = "-".join("".join(ch for ch in w if ch.isalnum()) for w in words)[:40].strip("-")
    return slug or "may"
