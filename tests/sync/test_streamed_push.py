"""Streamed push uploads (protocol 3): the rest of a body in one PUT the real server
appends as it arrives (``danvan_server/push_stream.py``).

A cut is a raw socket that sends part of a declared body and closes; the server's part
file (``push-uploads/<device>/<id>.part``) and the offset it answers show what it kept.
"""

from __future__ import annotations

import hashlib
import socket
import time
from pathlib import Path
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync.protocol import API_PREFIX, HEADER_CHUNK_SHA256, HEADER_UPLOAD_STREAM
from support.server_process import PHU_XUAN, ServerApi, add_village, sqlite_url, start_server
from sync.conftest import Province, push_body

BLOCK = 8_000
WAIT_S = 20.0


def _body(api: ServerApi, count: int = 300) -> tuple[bytes, list[dict[str, Any]]]:
    return push_body(api, count)


def _stream(api: ServerApi, upload_id: str, offset: int, data: bytes) -> Any:
    return api.request(
        "PUT",
        f"/push/uploads/{upload_id}",
        params={"offset": offset},
        content=data,
        headers={HEADER_UPLOAD_STREAM: "1"},
    )


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


def _offset(api: ServerApi, upload_id: str) -> int:
    return int(api.request("GET", f"/push/uploads/{upload_id}").json()["offset"])


def _open_stream(api: ServerApi, upload_id: str, offset: int, length: int) -> socket.socket:
    """A streamed PUT whose headers declare ``length`` bytes; the body is up to the caller."""
    host, port = api.base_url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    headers = api.headers(**{HEADER_UPLOAD_STREAM: "1"})
    headers.update({"Content-Length": str(length), "Content-Type": "application/octet-stream"})
    lines = [f"PUT {API_PREFIX}/push/uploads/{upload_id}?offset={offset} HTTP/1.1"]
    lines += [f"Host: {host}:{port}"] + [f"{name}: {value}" for name, value in headers.items()]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def _wait_for_offset(api: ServerApi, upload_id: str, at_least: int) -> int:
    """The offset the server answers once it holds ``at_least`` bytes (test pacing)."""
    deadline = time.monotonic() + WAIT_S
    while (held := _offset(api, upload_id)) < at_least and time.monotonic() < deadline:
        time.sleep(0.05)
    return held


def _statuses(answer: Any) -> list[str]:
    return [result["status"] for result in answer.json()["results"]]


def test_a_streamed_body_then_complete_applies_the_batch(team: ServerApi) -> None:
    """The whole body in one streamed PUT is answered with its size, then applied."""
    body, ops = _body(team)
    upload_id = str(uuid7())
    assert _stream(team, upload_id, 0, body).json() == {"offset": len(body)}
    assert _statuses(_complete(team, upload_id, body)) == ["applied"] * len(ops)


def test_a_stream_at_another_offset_is_refused(team: ServerApi) -> None:
    """A streamed PUT not at the part's size is refused (409) and appends nothing."""
    body, _ops = _body(team)
    upload_id = str(uuid7())
    _put(team, upload_id, 0, body[:BLOCK])
    assert _stream(team, upload_id, 2 * BLOCK, body[2 * BLOCK :]).status_code == 409
    assert _offset(team, upload_id) == BLOCK


def test_a_cut_stream_keeps_what_arrived(team: ServerApi) -> None:
    """A stream cut mid-body keeps the bytes that arrived; the rest streams on from there."""
    body, ops = _body(team)
    upload_id = str(uuid7())
    sent = len(body) // 2
    sock = _open_stream(team, upload_id, 0, len(body))
    sock.sendall(body[:sent])
    _wait_for_offset(team, upload_id, sent - 16 * 1024)
    sock.close()
    held = _wait_for_offset(team, upload_id, sent)
    assert held == sent
    assert _stream(team, upload_id, held, body[held:]).json() == {"offset": len(body)}
    assert _statuses(_complete(team, upload_id, body)) == ["applied"] * len(ops)


def test_blocks_and_streams_mix_on_one_upload(team: ServerApi) -> None:
    """A block, a stream, then a block again: the offsets follow and the body applies."""
    body, ops = _body(team)
    upload_id = str(uuid7())
    middle = len(body) - BLOCK
    assert _put(team, upload_id, 0, body[:BLOCK]).json() == {"offset": BLOCK}
    assert _stream(team, upload_id, BLOCK, body[BLOCK:middle]).json() == {"offset": middle}
    assert _put(team, upload_id, middle, body[middle:]).json() == {"offset": len(body)}
    assert _statuses(_complete(team, upload_id, body)) == ["applied"] * len(ops)


def test_a_newer_stream_takes_over_from_a_silent_one(team: ServerApi) -> None:
    """A stream left open (a silent link) appends nothing after a newer one started."""
    body, ops = _body(team)
    upload_id = str(uuid7())
    old = _open_stream(team, upload_id, 0, len(body))
    old.sendall(body[: 20 * 1024])
    held = _wait_for_offset(team, upload_id, 16 * 1024)
    assert _stream(team, upload_id, held, body[held:]).json() == {"offset": len(body)}
    old.sendall(body[20 * 1024 : 40 * 1024])  # late bytes of the dead request
    old.close()
    time.sleep(0.5)  # test pacing: the server reads the late bytes and the close
    assert _offset(team, upload_id) == len(body)
    assert _statuses(_complete(team, upload_id, body)) == ["applied"] * len(ops)


def test_a_stream_past_the_maximum_size_is_refused(team: ServerApi) -> None:
    """A stream declaring more than the part's maximum (32 MB) is refused (413)."""
    upload_id = str(uuid7())
    sock = _open_stream(team, upload_id, 0, 32 * 1024 * 1024 + 1)
    sock.sendall(b"x" * 1000)
    answer = sock.recv(4096).decode(errors="replace")
    sock.close()
    assert answer.startswith("HTTP/1.1 413")
    assert _offset(team, upload_id) == 0


def test_a_corrupted_part_is_refused_at_complete_and_dropped(
    team: ServerApi, tmp_path: Path
) -> None:
    """A byte flipped in the part makes complete refuse (422) and drop it: offset 0."""
    body, _ops = _body(team)
    upload_id = str(uuid7())
    _stream(team, upload_id, 0, body)
    (part,) = tmp_path.glob(f"server/attachments/push-uploads/*/{upload_id}.part")
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF
    part.write_bytes(bytes(data))
    answer = _complete(team, upload_id, body)
    assert answer.status_code == 422
    assert not part.exists()
    assert _offset(team, upload_id) == 0


def test_a_server_killed_mid_stream_keeps_what_it_fsynced(tmp_path: Path) -> None:
    """A SIGKILL of the server mid-stream keeps every byte it reported holding."""
    url = sqlite_url(tmp_path)
    (tmp_path / "server").mkdir()
    server = start_server(url, log_dir=tmp_path / "server")
    village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
    api = ServerApi(server.url).enroll(Province(server, url, village.id).code(), str(uuid7()))
    body, ops = _body(api)
    upload_id = str(uuid7())
    sock = _open_stream(api, upload_id, 0, len(body))
    sock.sendall(body[: 40 * 1024])
    fsynced = _wait_for_offset(api, upload_id, 32 * 1024)
    server.kill()
    sock.close()
    with start_server(url, log_dir=tmp_path / "server", port=server.port):
        held = _offset(api, upload_id)
        _stream(api, upload_id, held, body[held:])
        answer = _complete(api, upload_id, body)
    api.close()
    assert 32 * 1024 <= fsynced == held < len(body)
    assert _statuses(answer) == ["applied"] * len(ops)


def _upload_status(api: ServerApi, upload_id: str) -> dict[str, Any]:
    return dict(api.request("GET", f"/push/uploads/{upload_id}").json())


def test_a_live_stream_says_how_much_it_has_received(team: ServerApi) -> None:
    """While a stream is live the offset question also answers what it has received
    (less than a piece: nothing appended yet); once it ends, only the offset."""
    body, _ops = _body(team)
    upload_id = str(uuid7())
    sock = _open_stream(team, upload_id, 0, len(body))
    sock.sendall(body[:5_000])
    deadline = time.monotonic() + WAIT_S
    while (status := _upload_status(team, upload_id)).get("receiving") != 5_000:
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    assert status == {"offset": 0, "receiving": 5_000}
    sock.sendall(body[5_000:])
    sock.settimeout(WAIT_S)
    assert b"200 OK" in sock.recv(4096)
    sock.close()
    assert _upload_status(team, upload_id) == {"offset": len(body)}


def test_a_stream_whose_client_went_away_no_longer_says_it_receives(team: ServerApi) -> None:
    """A stream cut mid-body keeps what arrived and is no longer reported live."""
    body, _ops = _body(team)
    upload_id = str(uuid7())
    sock = _open_stream(team, upload_id, 0, len(body))
    sock.sendall(body[:5_000])
    deadline = time.monotonic() + WAIT_S
    while _upload_status(team, upload_id).get("receiving") != 5_000:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    sock.close()
    assert _wait_for_offset(team, upload_id, 5_000) == 5_000
    assert _upload_status(team, upload_id) == {"offset": 5_000}
