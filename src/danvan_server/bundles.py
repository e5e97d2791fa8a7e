"""USB bundles on the server: device keys, importing a laptop's bundle, making replies.

A bundle is checked whole before anything is written: its structure, that its
device is enrolled, not revoked and registered the key that signed it (before any
member is read), that it was made for this server (epoch), every member's size and
hash, the passphrase, every operation's shape and every file's hash. Then the
files that a record in the device's scope names are stored (content-addressed,
idempotent; the others are left out) and its operations go through the same
``push`` as the HTTP protocol, in one transaction: a replayed ``op_id`` answers
``duplicate``, so importing a bundle twice, or an older bundle after a newer one,
changes nothing.

A reply answers the bundles it is asked to (the ones just imported), or else the
device's bundle imported last: never "the highest bundle id", since a bundle id
carries its laptop's clock (bundle_replies.py). The server's signing key and the
devices' keys are bundle_keys.py; both are named here too, as ``bundles.*``.

Messages are for the city's IT officer (``danvan-server``), in the language
``core.i18n`` is set to.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

import danvan_desktop.sync.bundle_format as fmt
import danvan_desktop.sync.protocol as protocol
from danvan_desktop.core.i18n import current_language, tr
from danvan_desktop.sync.bundle_format import BundleError
from danvan_server import auth, bundle_network, push, residents
from danvan_server import units as unit_tree
from danvan_server.attachments import AttachmentStore
from danvan_server.bundle_keys import SIGNING_KEY, register_device_key, server_public_key
from danvan_server.bundle_replies import REPLY_FORMAT_VERSION, REPLY_MAX_BYTES, Reply, make_reply
from danvan_server.bundle_tables import bundle_imports, device_keys
from danvan_server.checks import is_valid_id
from danvan_server.db import devices, get_meta, reading, records, writing
from danvan_server.http import ApiError
from danvan_server.pull import visible_to
from danvan_server.records import utc_now

__all__ = [  # the replies and the keys are named here too (their callers say bundles.*)
    "REPLY_FORMAT_VERSION",
    "REPLY_MAX_BYTES",
    "SIGNING_KEY",
    "Imported",
    "Reply",
    "import_bundle",
    "make_reply",
    "register_device_key",
    "server_public_key",
]


# -- import ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Imported:
    """What importing one bundle did."""

    bundle_id: str
    device_id: str
    counts: dict[str, int]  # applied / duplicate / conflict / rejected
    files_stored: int
    seen_before: str | None  # when this very bundle was imported before
    files_left_out: int = 0  # files no record in the device's scope names


def import_bundle(
    engine: Engine, files: AttachmentStore, data: bytes, *, passphrase: str | None = None
) -> Imported:
    """Check a laptop's bundle whole, then apply it (see the module doc)."""
    bundle = fmt.read(data)
    if bundle.direction != fmt.TO_SERVER:
        raise BundleError(
            tr("bundle", "Đây là gói trả lời cho máy trạm, không phải gói gửi lên máy chủ.")
        )
    scope = _signer_scope(engine, bundle)  # the signature, before any member is read
    payload = bundle.json_member(fmt.OPS_MEMBER, passphrase)
    ops = payload.get("ops")
    if not isinstance(ops, list) or not all(_op_ok(op, scope.device_id) for op in ops):
        raise fmt.damaged()
    cards = bundle_network.read_part(payload)  # checked whole with the rest
    carried = _check_files(bundle, passphrase)
    kept = _files_in_scope(engine, scope, ops, carried)
    for sha in kept:  # one at a time: a bundle of photos is not held in memory whole
        files.store_whole(sha, bundle.member(fmt.FILES_PREFIX + sha, passphrase), scope.device_id)
    body = {"device_id": scope.device_id, "ops": ops}
    try:
        answer = push.push(engine, scope, body, max(1, len(ops)), current_language())
    except ApiError as exc:  # the whole request refused: so is the bundle
        raise BundleError(exc.message) from None
    counts = {status: 0 for status in protocol.STATUSES}
    for result in answer["results"]:
        counts[str(result["status"])] = counts.get(str(result["status"]), 0) + 1
    network = None
    if cards and not bundle_network.superseded(engine, bundle):  # after the recognitions
        network = bundle_network.apply_part(engine, files, cards, scope, current_language())
    seen = _record_import(engine, bundle, answer["results"], kept, network)
    bundle_id = str(bundle.manifest["bundle_id"])
    left_out = len(carried) - len(kept)
    return Imported(bundle_id, scope.device_id, counts, len(kept), seen, left_out)


def _signer_scope(engine: Engine, bundle: fmt.Bundle) -> auth.Scope:
    """The scope of the enrolled, not revoked device whose registered key signed it."""
    device_id = str(bundle.manifest.get("device_id"))
    with reading(engine) as connection:
        row = connection.execute(select(devices).where(devices.c.device_id == device_id)).first()
        key = connection.execute(
            select(device_keys.c.public_key).where(device_keys.c.device_id == device_id)
        ).scalar()
        epoch = get_meta(connection, "epoch")
        unit = unit_tree.get(connection, row.unit_id) if row is not None else None
    if row is None or unit is None:
        raise BundleError(
            tr(
                "bundle",
                "Gói đến từ một máy chưa đăng ký với máy chủ này ({device}): hãy cấp mã đăng ký "
                "cho máy đó trước.",
                device=device_id,
            )
        )
    if row.revoked_at is not None:
        raise BundleError(
            tr(
                "bundle",
                "Máy làm gói ({device}) đã bị thu hồi quyền đồng bộ từ {when}: gói bị từ chối.",
                device=f"{row.device_name} {device_id}".strip(),
                when=row.revoked_at,
            )
        )
    if key is None:
        raise BundleError(
            tr(
                "bundle",
                "Máy làm gói ({device}) chưa gửi khóa ký lên máy chủ: máy cần đồng bộ qua mạng "
                "một lần trước khi dùng gói USB.",
                device=f"{row.device_name} {device_id}".strip(),
            )
        )
    bundle.verify(str(key))
    made_for = bundle.manifest.get("epoch")
    if not isinstance(made_for, str) or not made_for:
        raise BundleError(
            tr(
                "bundle",
                "Bản kê của gói thiếu mã máy chủ (epoch) nên không biết gói được làm cho máy "
                "chủ nào: gói bị từ chối. Máy trạm cần đồng bộ qua mạng một lần rồi làm lại gói.",
            )
        )
    if made_for != epoch:
        raise BundleError(
            tr(
                "bundle",
                "Gói được làm cho một máy chủ khác (hoặc trước khi máy chủ này được cài lại): "
                "máy trạm cần đồng bộ qua mạng để làm lại gói.",
            )
        )
    return auth.Scope(row.device_id, row.role, unit, row.last_seen_at)


def _op_ok(op: object, device_id: str) -> bool:
    return (
        isinstance(op, dict)
        and is_valid_id(op.get("op_id"))
        and op.get("device_id") in (None, device_id)
    )


def _check_files(bundle: fmt.Bundle, passphrase: str | None) -> list[str]:
    """The SHA-256 of the bundle's files, each checked (and dropped) before any is kept."""
    found: list[str] = []
    for name in sorted(bundle.stored):
        if not name.startswith(fmt.FILES_PREFIX):
            continue
        sha = name[len(fmt.FILES_PREFIX) :]
        if hashlib.sha256(bundle.member(name, passphrase)).hexdigest() != sha:
            raise fmt.damaged()
        found.append(sha)
    return found


def _files_in_scope(
    engine: Engine, scope: auth.Scope, ops: list[Any], carried: list[str]
) -> list[str]:
    """The carried files a record in the device's scope names: an attachment upsert of
    this bundle for a unit in its scope, or a live record on the server it may read.
    Other files are left out (the laptop sends them again while it still needs to)."""
    named: set[str] = set()
    with reading(engine) as connection:
        units: dict[object, bool] = {}
        for op in ops:
            if op.get("entity") != "attachment" or op.get("kind") != "upsert":
                continue
            unit_id = op.get("unit_id")
            if unit_id not in units:
                units[unit_id] = _covers(connection, scope, unit_id)
            if units[unit_id]:
                named.update(_shas_named(op))
        rest = [sha for sha in carried if sha not in named]
        for start in range(0, len(rest), 500):  # bounded statements on either database
            named.update(
                connection.execute(
                    select(records.c.blob_sha256)
                    .where(records.c.blob_sha256.in_(rest[start : start + 500]))
                    .where(records.c.deleted.is_(False), visible_to(scope))
                ).scalars()
            )
    return [sha for sha in carried if sha in named]


def _shas_named(op: dict[str, Any]) -> list[str]:
    fields = op.get("fields")
    if not isinstance(fields, dict):
        return []
    return [
        value for key in ("upload_sha256", "sha256") if isinstance(value := fields.get(key), str)
    ]


def _covers(connection: Connection, scope: auth.Scope, unit_id: object) -> bool:
    unit = unit_tree.get(connection, unit_id) if isinstance(unit_id, str) else None
    return unit is not None and scope.covers(unit.path)


def _record_import(
    engine: Engine,
    bundle: fmt.Bundle,
    results: list[dict[str, Any]],
    shas: list[str],
    network: dict[str, Any] | None = None,
) -> str | None:
    """Note the import (for the reply); when this bundle came before, when that was."""
    bundle_id = str(bundle.manifest["bundle_id"])
    with writing(engine, sequenced=False) as connection:
        before = connection.execute(
            select(bundle_imports.c.imported_at).where(bundle_imports.c.bundle_id == bundle_id)
        ).scalar()
        if before is None:
            connection.execute(
                insert(bundle_imports).values(
                    bundle_id=bundle_id,
                    device_id=str(bundle.manifest["device_id"]),
                    created_at=str(bundle.manifest.get("created_at") or "")[:40],  # shown only
                    imported_at=utc_now(),
                    checkpoint=_int(bundle.manifest.get("checkpoint")),
                    results=json.dumps([_short(r) for r in results], ensure_ascii=False),
                    files=json.dumps(shas),
                    schema_version=residents.client_schema(bundle.manifest.get("schema_version")),
                    library_checkpoint=bundle_network.library_checkpoint(bundle.manifest),
                    network=None if network is None else json.dumps(network, ensure_ascii=False),
                )
            )
    return None if before is None else str(before)


def _short(result: dict[str, Any]) -> dict[str, Any]:
    keys = ("op_id", "status", "server_version", "message")
    short = {key: result.get(key) for key in keys}
    # a refusal of a second setup names the unit's team (setup_guard.py, protocol 3)
    return short | {key: result[key] for key in ("reason", "team_id") if key in result}


def _int(value: object) -> int:
    """A checkpoint as the database can hold it (a 64-bit integer), 0 when it is not one."""
    return value if isinstance(value, int) and 0 <= value < 2**63 else 0
