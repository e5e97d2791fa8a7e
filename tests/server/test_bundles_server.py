"""Bundle import on the server, on SQLite and PostgreSQL: keys, whole refusal, replies."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync import bundle_format as fmt
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import get_meta, read_sequence, reading
from danvan_server.records import utc_now
from support.server_process import ServerApi

MODEL = {"name": "Đường hoa sáng xanh", "status": "registered", "year": 2026}


def _keyed(team: ServerApi) -> str:
    """Register a fresh key for the team laptop; its private key."""
    private = fmt.new_private_key()
    answer = team.post_json("/device-key", {"public_key": fmt.public_key_of(private)})
    assert answer.status_code == 200, answer.text
    assert fmt.is_public_key(answer.json()["server_key"])
    return private


def _bundle(
    engine: Engine,
    team: ServerApi,
    private: str,
    ops: list[dict[str, Any]],
    bundle_id: str | None = None,
) -> bytes:
    with reading(engine) as connection:
        epoch = get_meta(connection, "epoch")
    manifest = {
        "bundle_id": bundle_id or uuid7(),
        "direction": fmt.TO_SERVER,
        "device_id": team.device_id,
        "unit_id": team.unit_id,
        "epoch": epoch,
        "checkpoint": 0,
        "created_at": "2026-11-28T10:00:00Z",
    }
    ops_member, size = fmt.gzip_json({"ops": ops})
    return fmt.seal(
        manifest, {fmt.OPS_MEMBER: ops_member}, private_key=private, unpacked={fmt.OPS_MEMBER: size}
    )


def _files(engine: Engine, tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(engine, admin.attachments_dir(engine), 10**7)


def _high(engine: Engine) -> int:
    with reading(engine) as connection:
        return read_sequence(connection)


def test_device_key_needs_a_token_and_a_real_key(team: ServerApi, anonymous: ServerApi) -> None:
    """No token: 401; a key that is not 32 bytes of base64: 422 naming the field."""
    key = fmt.public_key_of(fmt.new_private_key())
    assert anonymous.post_json("/device-key", {"public_key": key}).status_code == 401
    bad = team.post_json("/device-key", {"public_key": "not a key"})
    assert bad.status_code == 422 and "public_key" in bad.json()["detail"]


def test_an_imported_bundle_applies_its_operations_once(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """Applied the first time, duplicates the second; the sequence moves once."""
    private = _keyed(team)
    data = _bundle(engine, team, private, [team.op("model", uuid7(), MODEL)])
    files = _files(engine, tmp_path)
    first = bundles.import_bundle(engine, files, data)
    high = _high(engine)
    second = bundles.import_bundle(engine, files, data)
    assert (first.counts["applied"], first.seen_before) == (1, None)
    assert (second.counts["duplicate"], second.counts["applied"]) == (1, 0)
    assert second.seen_before is not None and _high(engine) == high


def test_a_bundle_signed_with_another_key_is_refused(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """Signed by a key the device never registered: refused, nothing written."""
    _keyed(team)
    data = _bundle(engine, team, fmt.new_private_key(), [team.op("model", uuid7(), MODEL)])
    high = _high(engine)
    with pytest.raises(fmt.BundleError, match="Chữ ký"):
        bundles.import_bundle(engine, _files(engine, tmp_path), data)
    assert _high(engine) == high


def test_one_malformed_operation_refuses_the_bundle_whole(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """An operation without an op_id: the good one beside it is not applied either."""
    private = _keyed(team)
    good = team.op("model", uuid7(), MODEL)
    data = _bundle(engine, team, private, [good, {"entity": "model"}])
    high = _high(engine)
    with pytest.raises(fmt.BundleError):
        bundles.import_bundle(engine, _files(engine, tmp_path), data)
    assert _high(engine) == high


def test_a_neighbours_record_in_a_bundle_is_rejected_by_scope(
    team: ServerApi, neighbour_team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """Scope holds for bundles as for HTTP: a write into another unit is rejected."""
    private = _keyed(team)
    foreign = team.op("model", uuid7(), MODEL)
    foreign["unit_id"] = neighbour_team.unit_id
    imported = bundles.import_bundle(
        engine, _files(engine, tmp_path), _bundle(engine, team, private, [foreign])
    )
    assert imported.counts["rejected"] == 1


def test_a_device_without_a_key_is_told_to_sync_once(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """A laptop enrolled before bundles existed has no key on the server yet."""
    data = _bundle(engine, team, fmt.new_private_key(), [])
    with pytest.raises(fmt.BundleError, match="chưa gửi khóa"):
        bundles.import_bundle(engine, _files(engine, tmp_path), data)


def test_the_reply_is_signed_by_the_server_and_carries_results_and_changes(
    team: ServerApi, second_team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """The reply verifies with the server's key and holds both laptops' records."""
    private = _keyed(team)
    second_team.push([second_team.op("model", uuid7(), {**MODEL, "name": "Vườn rau"})])
    op = team.op("model", uuid7(), MODEL)
    bundles.import_bundle(engine, _files(engine, tmp_path), _bundle(engine, team, private, [op]))
    reply = fmt.read(bundles.make_reply(engine, str(team.device_id)).data)
    reply.verify(bundles.server_public_key(engine))
    body = reply.json_member(fmt.REPLY_MEMBER)
    assert [r["op_id"] for r in body["results"]] == [op["op_id"]]
    names = {c["fields"].get("name") for c in body["changes"] if c["entity"] == "model"}
    assert names == {"Đường hoa sáng xanh", "Vườn rau"}
    assert body["next"] == _high(engine)


def _made_with_clock_ahead() -> str:
    """A bundle id (UUIDv7) made by a laptop whose clock ran a year ahead."""
    ahead = f"{int(time.time() * 1000) + 365 * 86_400_000:012x}"
    return f"{ahead[:8]}-{ahead[8:]}{uuid7()[13:]}"


def _import_two_with_the_later_smaller(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """Import a bundle made while the clock was ahead, then a later one (a smaller id)."""
    private = _keyed(team)
    early_op, late_op = team.op("model", uuid7(), MODEL), team.op("model", uuid7(), MODEL)
    early_id, late_id = _made_with_clock_ahead(), uuid7()
    assert late_id < early_id
    files = _files(engine, tmp_path)
    bundles.import_bundle(engine, files, _bundle(engine, team, private, [early_op], early_id))
    imported_at = utc_now()
    while utc_now() == imported_at:  # the next import gets a later import time
        time.sleep(0.001)
    bundles.import_bundle(engine, files, _bundle(engine, team, private, [late_op], late_id))
    return early_op, late_op, early_id, late_id


def _answered(engine: Engine, reply: bundles.Reply) -> tuple[str, list[str]]:
    """The bundle a reply answers and the operations it carries results for."""
    bundle = fmt.read(reply.data)
    bundle.verify(bundles.server_public_key(engine))
    body = bundle.json_member(fmt.REPLY_MEMBER)
    return bundle.manifest["in_reply_to"], [r["op_id"] for r in body["results"]]


def test_the_default_reply_answers_the_bundle_imported_last_not_the_highest_id(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """A laptop clock once ahead gave an older bundle the higher id: the reply ignores ids."""
    _, late_op, _, late_id = _import_two_with_the_later_smaller(team, engine, tmp_path)
    reply = bundles.make_reply(engine, str(team.device_id))
    assert _answered(engine, reply) == (late_id, [late_op["op_id"]])


def test_a_reply_answers_the_bundles_it_is_given(
    team: ServerApi, engine: Engine, tmp_path: Path
) -> None:
    """Asked for both bundles (as import-bundle --reply-dir does), it answers both."""
    early_op, late_op, early_id, late_id = _import_two_with_the_later_smaller(
        team, engine, tmp_path
    )
    reply = bundles.make_reply(engine, str(team.device_id), bundle_ids=[early_id, late_id])
    assert _answered(engine, reply) == (late_id, [early_op["op_id"], late_op["op_id"]])
    only_early = bundles.make_reply(engine, str(team.device_id), bundle_ids=[early_id])
    assert _answered(engine, only_early) == (early_id, [early_op["op_id"]])


def test_a_reply_to_a_bundle_never_imported_is_refused(team: ServerApi, engine: Engine) -> None:
    """Naming a bundle the server has not imported says so."""
    with pytest.raises(fmt.BundleError, match="chưa nhập gói"):
        bundles.make_reply(engine, str(team.device_id), bundle_ids=[uuid7()])
