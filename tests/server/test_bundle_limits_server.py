"""Bundle import on the server, on SQLite and PostgreSQL: bombs and forgeries refused
before anything is read or written, the epoch required, files kept only for records in
the device's scope, and bundles of the released laptop still accepted."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

import pytest
from sqlalchemy import Engine

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync import bundle_format as fmt
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import get_meta, read_sequence, reading
from server.conftest import Units
from support import released_bundle_format as released
from support.hostile_bundles import (
    DEFLATED,
    Entry,
    MiB,
    deflate_zeros,
    gzip_zeros,
    refusal_cost,
    zip_archive,
)
from support.server_process import ServerApi

MODEL = {"name": "Đường hoa sáng xanh", "status": "registered", "year": 2026}
PHOTO = b"\xff\xd8\xff\xe0 a small photo " * 40
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()
FORMAT_1 = {"format": fmt.FORMAT, "format_version": 1}  # declares no sizes


def _keyed(team: ServerApi) -> str:
    """Register a fresh key for the team laptop; its private key."""
    private = fmt.new_private_key()
    answer = team.post_json("/device-key", {"public_key": fmt.public_key_of(private)})
    assert answer.status_code == 200, answer.text
    return private


def _manifest(engine: Engine, team: ServerApi, **changes: Any) -> dict[str, Any]:
    with reading(engine) as connection:
        epoch = get_meta(connection, "epoch")
    manifest = {
        "bundle_id": uuid7(),
        "direction": fmt.TO_SERVER,
        "device_id": team.device_id,
        "unit_id": team.unit_id,
        "epoch": epoch,
        "checkpoint": 0,
        "created_at": "2026-11-28T10:00:00Z",
    }
    manifest.update(changes)
    return manifest


def _sealed(
    manifest: dict[str, Any], private: str, ops: list[dict[str, Any]], files: dict[str, bytes]
) -> bytes:
    packed, size = fmt.gzip_json({"ops": ops})
    members = {fmt.OPS_MEMBER: packed, **{fmt.FILES_PREFIX + k: v for k, v in files.items()}}
    return fmt.seal(manifest, members, private_key=private, unpacked={fmt.OPS_MEMBER: size})


def _files(engine: Engine) -> AttachmentStore:
    return AttachmentStore(engine, admin.attachments_dir(engine), 10**7)


def _high(engine: Engine) -> int:
    with reading(engine) as connection:
        return read_sequence(connection)


def _photo_op(team: ServerApi, unit_id: str | None = None) -> dict[str, Any]:
    fields = {
        "sha256": PHOTO_SHA,
        "owner_entity": "model",
        "owner_id": "m-1",
        "file_name": "anh.jpg",
        "size": len(PHOTO),
    }
    return team.op("attachment", uuid7(), fields, unit_id=unit_id or team.unit_id)


def test_a_zip_bomb_is_refused_by_the_server_with_bounded_memory(
    team: ServerApi, engine: Engine
) -> None:
    """1.1 MB that would inflate to 1.1 GiB: refused at once, under 50 MB, nothing written."""
    _keyed(team)
    stream, crc = deflate_zeros(1100)
    data = zip_archive(
        [
            Entry(fmt.MANIFEST, fmt.canonical(_manifest(engine, team, **FORMAT_1))),
            Entry(fmt.SIGNATURE, b"AAAA"),
            Entry(fmt.OPS_MEMBER, stream, method=DEFLATED, size=1100 * MiB, crc=crc),
        ]
    )
    high = _high(engine)
    cost = refusal_cost(lambda: bundles.import_bundle(engine, _files(engine), data), "an toàn")
    assert cost.peak_mib < 50 and cost.seconds < 10
    assert _high(engine) == high


def test_a_signed_gzip_bomb_is_refused_at_its_declared_size(
    team: ServerApi, engine: Engine
) -> None:
    """Ops declared as 1,000 bytes of JSON that inflate to 1.1 GiB: refused, memory bounded."""
    private = _keyed(team)
    data = fmt.seal(
        _manifest(engine, team),
        {fmt.OPS_MEMBER: gzip_zeros(1100)},
        private_key=private,
        unpacked={fmt.OPS_MEMBER: 1000},
    )
    high = _high(engine)
    cost = refusal_cost(
        lambda: bundles.import_bundle(engine, _files(engine), data), "JSON trong ops.json.gz"
    )
    assert cost.peak_mib < 50 and cost.seconds < 10
    assert _high(engine) == high


def test_a_forged_bundle_is_refused_without_reading_its_members(
    team: ServerApi, engine: Engine
) -> None:
    """A forged signature refuses the bundle before its unreadable member is touched."""
    _keyed(team)
    forged = fmt.read(_sealed(_manifest(engine, team), fmt.new_private_key(), [], {}))
    unreadable = Entry(fmt.OPS_MEMBER, b"not even gzip", crc=1)  # reading it raises
    head = [Entry(fmt.MANIFEST, forged.manifest_bytes), Entry(fmt.SIGNATURE, forged.signature)]
    data = zip_archive([*head, unreadable])
    with pytest.raises(fmt.BundleError, match="Chữ ký"):
        bundles.import_bundle(engine, _files(engine), data)


def test_a_bundle_without_epoch_is_refused(team: ServerApi, engine: Engine) -> None:
    """A signed manifest that names no server (epoch) is refused, naming the field."""
    private = _keyed(team)
    manifest = _manifest(engine, team)
    del manifest["epoch"]
    data = _sealed(manifest, private, [team.op("model", uuid7(), MODEL)], {})
    high = _high(engine)
    with pytest.raises(fmt.BundleError, match=r"\(epoch\)"):
        bundles.import_bundle(engine, _files(engine), data)
    assert _high(engine) == high


def test_a_file_for_another_communes_record_is_left_out(
    team: ServerApi, engine: Engine, units: Units
) -> None:
    """The foreign attachment is rejected, and its file is not kept either."""
    private = _keyed(team)
    foreign = _photo_op(team, unit_id=units.far_village.id)
    data = _sealed(_manifest(engine, team), private, [foreign], {PHOTO_SHA: PHOTO})
    files = _files(engine)
    imported = bundles.import_bundle(engine, files, data)
    assert imported.counts["rejected"] == 1
    assert (imported.files_stored, imported.files_left_out) == (0, 1)
    assert files.stored_size(PHOTO_SHA) is None


def test_a_file_for_the_teams_own_record_is_kept(team: ServerApi, engine: Engine) -> None:
    """The attachment of its own unit is applied and its file stored."""
    private = _keyed(team)
    data = _sealed(_manifest(engine, team), private, [_photo_op(team)], {PHOTO_SHA: PHOTO})
    files = _files(engine)
    imported = bundles.import_bundle(engine, files, data)
    assert imported.counts["applied"] == 1
    assert (imported.files_stored, imported.files_left_out) == (1, 0)
    assert files.stored_size(PHOTO_SHA) == len(PHOTO)


def test_a_file_for_a_record_pushed_online_before_is_kept(team: ServerApi, engine: Engine) -> None:
    """The record went online but the upload did not finish: the bundle brings the file."""
    private = _keyed(team)
    assert team.push([_photo_op(team)]).json()["results"][0]["status"] == "applied"
    data = _sealed(_manifest(engine, team), private, [], {PHOTO_SHA: PHOTO})
    files = _files(engine)
    assert bundles.import_bundle(engine, files, data).files_stored == 1
    assert files.stored_size(PHOTO_SHA) == len(PHOTO)


def test_a_bundle_of_the_released_laptop_still_imports(team: ServerApi, engine: Engine) -> None:
    """Format 1, as the released laptop seals it (no declared sizes): applied, file kept."""
    private = _keyed(team)
    ops = [team.op("model", uuid7(), MODEL), _photo_op(team)]
    manifest = _manifest(engine, team, protocol=2, schema_version=6, operations=len(ops), files=1)
    ops_member = gzip.compress(json.dumps({"ops": ops}, ensure_ascii=False).encode(), 9)
    members = {fmt.OPS_MEMBER: ops_member, fmt.FILES_PREFIX + PHOTO_SHA: PHOTO}
    data = released.seal(manifest, members, private_key=private)
    assert fmt.read(data).manifest["format_version"] == 1
    imported = bundles.import_bundle(engine, _files(engine), data)
    assert (imported.counts["applied"], imported.files_stored) == (2, 1)
