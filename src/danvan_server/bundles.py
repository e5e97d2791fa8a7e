"""USB bundles on the server: device keys, importing a laptop's bundle, making replies.

A bundle is checked whole before anything is written: its structure, that its
device is enrolled, not revoked and registered the key that signed it, that it
was made for this server (epoch), every member's hash, the passphrase, and every
operation's shape. Then its files are stored (content-addressed, idempotent) and
its operations go through the same ``push`` as the HTTP protocol, in one
transaction: a replayed ``op_id`` answers ``duplicate``, so importing a bundle
twice, or an older bundle after a newer one, changes nothing.

Messages are for the provincial IT officer (``danvan-server``), in the language
``core.i18n`` is set to.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select, update

import danvan_desktop.sync.bundle_format as fmt
import danvan_desktop.sync.protocol as protocol
from danvan_desktop.core.i18n import current_language, tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.sync.bundle_format import BundleError
from danvan_server import auth, pull, push
from danvan_server import units as unit_tree
from danvan_server.attachments import AttachmentStore
from danvan_server.bundle_tables import bundle_imports, device_keys
from danvan_server.checks import is_valid_id
from danvan_server.db import devices, get_meta, meta, reading, writing
from danvan_server.records import utc_now

SIGNING_KEY = "bundle_signing_key"


# -- keys ------------------------------------------------------------------------------
def server_public_key(engine: Engine) -> str:
    """The server's public key (its key pair is made on first use, kept in ``meta``)."""
    return fmt.public_key_of(_private_key(engine))


def _private_key(engine: Engine) -> str:
    with reading(engine) as connection:
        key = get_meta(connection, SIGNING_KEY)
    if key is not None:
        return key
    with writing(engine, sequenced=False) as connection:
        key = get_meta(connection, SIGNING_KEY)  # another process may have made it meanwhile
        if key is None:
            key = fmt.new_private_key()
            connection.execute(insert(meta).values(key=SIGNING_KEY, value=key))
    return key


def register_device_key(engine: Engine, scope: auth.Scope, public_key: object) -> str:
    """Keep the device's public key (a new one replaces the old); the server's key."""
    if not fmt.is_public_key(public_key):
        raise ValueError("public_key must be the base64 of a 32-byte Ed25519 key")
    with writing(engine, sequenced=False) as connection:
        known = connection.execute(
            select(device_keys.c.device_id).where(device_keys.c.device_id == scope.device_id)
        ).first()
        values = {"public_key": str(public_key), "registered_at": utc_now()}
        if known is None:
            connection.execute(insert(device_keys).values(device_id=scope.device_id, **values))
        else:
            connection.execute(
                update(device_keys).where(device_keys.c.device_id == scope.device_id).values(values)
            )
    return server_public_key(engine)


# -- import ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Imported:
    """What importing one bundle did."""

    bundle_id: str
    device_id: str
    counts: dict[str, int]  # applied / duplicate / conflict / rejected
    files_stored: int
    seen_before: str | None  # when this very bundle was imported before


def import_bundle(
    engine: Engine, files: AttachmentStore, data: bytes, *, passphrase: str | None = None
) -> Imported:
    """Check a laptop's bundle whole, then apply it (see the module doc)."""
    bundle = fmt.read(data)
    if bundle.direction != fmt.TO_SERVER:
        raise BundleError(
            tr("bundle", "Đây là gói trả lời cho máy trạm, không phải gói gửi lên máy chủ.")
        )
    scope = _signer_scope(engine, bundle)
    payload = bundle.json_member(fmt.OPS_MEMBER, passphrase)
    ops = payload.get("ops")
    if not isinstance(ops, list) or not all(_op_ok(op, scope.device_id) for op in ops):
        raise fmt.damaged()
    blobs_in = _file_members(bundle, passphrase)
    for sha, content in blobs_in.items():
        files.store_whole(sha, content, scope.device_id)
    body = {"device_id": scope.device_id, "ops": ops}
    answer = push.push(engine, scope, body, max(1, len(ops)), current_language())
    counts = {status: 0 for status in protocol.STATUSES}
    for result in answer["results"]:
        counts[str(result["status"])] = counts.get(str(result["status"]), 0) + 1
    seen = _record_import(engine, bundle, answer["results"], list(blobs_in))
    return Imported(str(bundle.manifest["bundle_id"]), scope.device_id, counts, len(blobs_in), seen)


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
    if bundle.manifest.get("epoch") not in (None, epoch):
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


def _file_members(bundle: fmt.Bundle, passphrase: str | None) -> dict[str, bytes]:
    """The bundle's files, each checked against the SHA-256 it is named by."""
    found: dict[str, bytes] = {}
    for name in sorted(bundle.stored):
        if not name.startswith(fmt.FILES_PREFIX):
            continue
        sha = name[len(fmt.FILES_PREFIX) :]
        content = bundle.member(name, passphrase)
        if hashlib.sha256(content).hexdigest() != sha:
            raise fmt.damaged()
        found[sha] = content
    return found


def _record_import(
    engine: Engine, bundle: fmt.Bundle, results: list[dict[str, Any]], shas: list[str]
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
                    created_at=str(bundle.manifest.get("created_at") or ""),
                    imported_at=utc_now(),
                    checkpoint=_int(bundle.manifest.get("checkpoint")),
                    results=json.dumps([_short(r) for r in results], ensure_ascii=False),
                    files=json.dumps(shas),
                )
            )
    return None if before is None else str(before)


def _short(result: dict[str, Any]) -> dict[str, Any]:
    keys = ("op_id", "status", "server_version", "message")
    return {key: result.get(key) for key in keys}


def _int(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0


# -- replies ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Reply:
    """A reply bundle for one laptop."""

    data: bytes
    file_name: str
    results: int
    changes: int


def make_reply(
    engine: Engine,
    device_id: str,
    *,
    since: int | None = None,
    passphrase: str | None = None,
    max_bytes: int = 512 * 1024**2,
) -> Reply:
    """The reply to the device's newest imported bundle (bundles are cumulative): the
    results of its operations,
    the changes in its scope since its checkpoint (or ``since``), the files now held."""
    with reading(engine) as connection:
        row = connection.execute(select(devices).where(devices.c.device_id == device_id)).first()
        unit = unit_tree.get(connection, row.unit_id) if row is not None else None
        last = connection.execute(
            select(bundle_imports)
            .where(bundle_imports.c.device_id == device_id)
            .order_by(bundle_imports.c.bundle_id.desc())  # UUIDv7: the newest made
            .limit(1)
        ).first()
        results: list[dict[str, Any]] = json.loads(last.results) if last is not None else []
        shas: list[str] = json.loads(last.files) if last is not None else []
        epoch = get_meta(connection, "epoch")
    if row is None or unit is None:
        raise BundleError(
            tr("bundle", "Không có máy nào mang mã {device} trên máy chủ này.", device=device_id)
        )
    scope = auth.Scope(row.device_id, row.role, unit, row.last_seen_at)
    start = since if since is not None else (int(last.checkpoint) if last is not None else 0)
    page = json.loads(pull.pull(engine, scope, start, max_bytes))
    reply = {
        "results": results,
        "changes": page["changes"],
        "since": start,
        "next": page["next"],
        "high_seq": page["high_seq"],
        "files_stored": shas,
    }
    bundle_id = uuid7()
    manifest = {
        "bundle_id": bundle_id,
        "direction": fmt.TO_DEVICE,
        "device_id": device_id,
        "unit_id": row.unit_id,
        "epoch": epoch,
        "in_reply_to": last.bundle_id if last is not None else None,
        "created_at": utc_now(),
        "protocol": protocol.PROTOCOL_VERSION,
        "results": len(results),
        "changes": len(page["changes"]),
        "more": bool(page["more"]),
    }
    member = json.dumps(reply, ensure_ascii=False, separators=(",", ":")).encode()
    data = fmt.seal(
        manifest,
        {fmt.REPLY_MEMBER: gzip.compress(member, 9)},
        private_key=_private_key(engine),
        passphrase=passphrase,
    )
    name = f"traloi-{_slug(row.device_name)}-{utc_now()[:10]}-{bundle_id[-6:]}{fmt.SUFFIX}"
    return Reply(data, name, len(results), len(page["changes"]))


def _slug(name: str) -> str:
    words = fold_vietnamese(name or "").split()
    slug = "-".join("".join(ch for ch in w if ch.isalnum()) for w in words)[:40].strip("-")
    return slug or "may"
