"""``danvan-server import-bundle A B``: a bundle that fails in an unexpected way is
refused in one line (its traceback in the log) and the next one still goes in."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync import bundle_format as fmt
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import get_meta, reading
from support.server_process import ServerApi

PHOTO = b"\xff\xd8\xff\xe0 a photo the server cannot store " * 20
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def _bundle(
    engine: Engine,
    team: ServerApi,
    private: str,
    ops: list[dict[str, Any]],
    files: dict[str, bytes],
) -> bytes:
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
    packed, size = fmt.gzip_json({"ops": ops})
    members = {fmt.OPS_MEMBER: packed, **{fmt.FILES_PREFIX + k: v for k, v in files.items()}}
    return fmt.seal(manifest, members, private_key=private, unpacked={fmt.OPS_MEMBER: size})


def _model_names(team: ServerApi) -> set[str]:
    changes, _ = team.pull_all()
    return {c["fields"]["name"] for c in changes if c["entity"] == "model"}


def test_an_unexpected_failure_refuses_one_bundle_and_the_next_goes_in(
    team: ServerApi, engine: Engine, database_url: str, tmp_path: Path
) -> None:
    """An OSError storing bad's file: `refused bad`, good imported and answered, exit 1."""
    # A folder stands where bad's file must go: a fault of the machine, not a refusal of ours.
    private = fmt.new_private_key()
    assert team.post_json("/device-key", {"public_key": fmt.public_key_of(private)}).is_success
    photo = {
        "sha256": PHOTO_SHA,
        "owner_entity": "model",
        "owner_id": "m-1",
        "file_name": "anh.jpg",
        "size": len(PHOTO),
    }
    bad_ops = [
        team.op("model", uuid7(), {"name": "Mô hình gói hỏng"}),
        team.op("attachment", uuid7(), photo),
    ]
    good_op = team.op("model", uuid7(), {"name": "Mô hình gói tốt"})
    bad, good = tmp_path / "bad.dvbundle", tmp_path / "good.dvbundle"
    bad.write_bytes(_bundle(engine, team, private, bad_ops, {PHOTO_SHA: PHOTO}))
    good.write_bytes(_bundle(engine, team, private, [good_op], {}))
    store = AttachmentStore(engine, admin.attachments_dir(engine), 10**7)
    (store.final_path(PHOTO_SHA) / "in-the-way").mkdir(parents=True)
    replies = tmp_path / "replies"
    replies.mkdir()

    done = subprocess.run(
        [sys.executable, "-m", "danvan_server.cli", "--database", database_url,
         "import-bundle", str(bad), str(good), "--reply-dir", str(replies)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"refused {bad}: unexpected error (IsADirectoryError: ")
    assert lines[1].startswith("imported good.dvbundle: ") and "1 applied" in lines[1]
    assert "Traceback" in done.stderr and "IsADirectoryError" in done.stderr
    assert _model_names(team) == {"Mô hình gói tốt"}
    [reply] = list(replies.iterdir())
    answer = fmt.read(reply.read_bytes())
    answer.verify(bundles.server_public_key(engine))
    results = answer.json_member(fmt.REPLY_MEMBER)["results"]
    assert [r["op_id"] for r in results] == [good_op["op_id"]]
