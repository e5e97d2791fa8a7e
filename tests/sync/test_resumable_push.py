"""Resumable push (protocol 3): a push body in blocks the real server keeps."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256, HEADER_PROTOCOL
from support.server_process import (
    PHU_XUAN,
    ServerApi,
    add_village,
    sqlite_url,
    start_server,
)
from sync.conftest import Province, push_body

BLOCK = 8_000


def _body(api: ServerApi, count: int = 40) -> tuple[bytes, list[dict[str, Any]]]:
    return push_body(api, count)


def _models(api: ServerApi) -> int:
    return sum(change["entity"] == "model" for change in api.pull_all()[0])


def _put(api: ServerApi, upload_id: str, offset: int, data: bytes) -> Any:
    return api.request(
        "PUT",
        f"/push/uploads/{upload_id}",
        params={"offset": offset},
        content=data,
        headers={HEADER_CHUNK_SHA256: hashlib.sha256(data).hexdigest()},
    )


def _complete(api: ServerApi, upload_id: str, body: bytes) -> Any:
    claim = {"size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    return api.post_json(f"/push/uploads/{upload_id}/complete", claim)


def test_blocks_then_complete_apply_the_batch(team: ServerApi) -> None:
    """A body sent in blocks is applied whole on completion, each operation once."""
    body, ops = _body(team)
    upload_id = str(uuid7())
    for offset in range(0, len(body), BLOCK):
        assert _put(team, upload_id, offset, body[offset : offset + BLOCK]).status_code == 200
    answer = _complete(team, upload_id, body).json()
    assert [r["status"] for r in answer["results"]] == ["applied"] * len(ops)


def test_upload_resumes_at_the_servers_offset(team: ServerApi) -> None:
    """After a cut the server says how many bytes it holds; a block elsewhere is refused."""
    body, _ops = _body(team)
    upload_id = str(uuid7())
    assert _put(team, upload_id, 0, body[:BLOCK]).json() == {"offset": BLOCK}
    assert team.request("GET", f"/push/uploads/{upload_id}").json() == {"offset": BLOCK}
    assert _put(team, upload_id, 2 * BLOCK, body[2 * BLOCK : 3 * BLOCK]).status_code == 409


def test_complete_before_the_last_block_applies_nothing(team: ServerApi) -> None:
    """A body not yet whole is refused (409) and no operation is applied."""
    body, _ops = _body(team)
    upload_id = str(uuid7())
    _put(team, upload_id, 0, body[:BLOCK])
    assert _complete(team, upload_id, body).status_code == 409
    assert _models(team) == 0


def test_completing_again_applies_nothing_twice(team: ServerApi) -> None:
    """A completion sent again after a lost answer is answered ``duplicate``."""
    body, _ops = _body(team, count=5)
    upload_id = str(uuid7())
    _put(team, upload_id, 0, body)
    _complete(team, upload_id, body)
    again = _complete(team, upload_id, body).json()
    assert [r["status"] for r in again["results"]] == ["duplicate"] * 5
    assert _models(team) == 5


def test_protocol_2_client_keeps_the_one_shot_push(team: ServerApi) -> None:
    """A protocol-2 client is told to send the batch in one request (404)."""
    answer = team.request("GET", f"/push/uploads/{uuid7()}", headers={HEADER_PROTOCOL: "2"})
    assert answer.status_code == 404
    assert "POST /push" in answer.json()["detail"]


def test_server_restart_keeps_acknowledged_blocks(tmp_path: Path) -> None:
    """Blocks acknowledged before a SIGKILL of the server are still held after it."""
    url = sqlite_url(tmp_path)
    (tmp_path / "server").mkdir()
    server = start_server(url, log_dir=tmp_path / "server")
    village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
    province = Province(server, url, village.id)
    api = ServerApi(server.url).enroll(province.code(), device_id=str(uuid7()))
    body, ops = _body(api)
    upload_id = str(uuid7())
    _put(api, upload_id, 0, body[:BLOCK])
    server.kill()
    with start_server(url, log_dir=tmp_path / "server", port=server.port) as again:
        assert api.request("GET", f"/push/uploads/{upload_id}").json() == {"offset": BLOCK}
        _put(api, upload_id, BLOCK, body[BLOCK:])
        answer = _complete(api, upload_id, body).json()
        assert again.port == server.port
    api.close()
    assert [r["status"] for r in answer["results"]] == ["applied"] * len(ops)
