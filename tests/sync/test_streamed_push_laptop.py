"""The laptop's streamed push upload against the real server through the slow link.

The laptop sends the rest of a batch's body in one streamed PUT (``X-Upload-Stream``);
the slow-link proxy (64 kbit/s, 600 ms) cuts it mid-body. The server's part files and
its database show what it kept; the laptop's requests are seen as they go out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from danvan_desktop.session import Session
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.transport import LinkDown, SyncTransport
from support.sync_engines import transport_at
from sync.conftest import Province
from sync.test_resumable_push_laptop import (
    _applied_for,
    _cut_when,
    _kept,
    _laptop,
    _link,
    _parts,
    _server_models,
    server_db,
)

pytestmark = pytest.mark.slow
__all__ = ["server_db"]  # the fixture, shared with the block mode's tests


@pytest.fixture
def puts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, str]]]:
    """The headers of every PUT the laptop's transport sends (the requests still go)."""
    seen: list[dict[str, str]] = []
    send = SyncTransport.request

    def watched(self: SyncTransport, method: str, path: str, **kwargs: Any) -> Any:
        if method == "PUT":
            seen.append(dict(kwargs.get("headers") or {}))
        return send(self, method, path, **kwargs)

    monkeypatch.setattr(SyncTransport, "request", watched)
    yield seen


def _held_a_third(laptop: Session, tmp_path: Path) -> Callable[[], bool]:
    """True once the server holds a third of the kept upload."""

    def condition() -> bool:
        kept = _kept(laptop)
        return kept is not None and _parts(tmp_path).get(kept["upload_id"], 0) * 3 >= kept["size"]

    return condition


def _cut_once(laptop: Session, link: Any, tmp_path: Path) -> dict[str, Any]:
    """Sync until the link is cut with a third of the body held: the kept upload."""
    watcher = _cut_when(link, _held_a_third(laptop, tmp_path))
    with pytest.raises(LinkDown):
        laptop.sync_now()
    watcher.join()
    kept = _kept(laptop)
    assert kept is not None
    return kept


def test_a_cut_stream_resumes_from_the_servers_offset(
    province: Province,
    laptops: Callable[[str], Session],
    tmp_path: Path,
    server_db: Engine,
    puts: list[dict[str, str]],
) -> None:
    """A stream cut mid-body leaves part of it on the server; the laptop streams on from
    there in one more PUT: bytes up < 1.15 × the body."""
    laptop = _laptop(laptops, 400)
    setup, setup_puts = _parts(tmp_path), len(puts)
    with _link(province, rtt_s=0.6) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        kept = _cut_once(laptop, link, tmp_path)
        held = _parts(tmp_path)[kept["upload_id"]]
        laptop.sync_now()
        up = link.counters().up
    assert 0 < held < kept["size"]
    assert [headers.get(protocol.HEADER_UPLOAD_STREAM) for headers in puts[setup_puts:]] == [
        "1",
        "1",
    ]
    assert _parts(tmp_path, setup) == {kept["upload_id"]: kept["size"]}
    assert up < 1.15 * kept["size"]
    assert _server_models(server_db) == 400


def test_a_corrupted_part_makes_the_laptop_start_a_new_upload(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """A byte flipped in the part the server holds: complete refuses the body (422), the
    laptop sends its operations in a new upload and each is applied once."""
    laptop = _laptop(laptops, 200)
    device = laptop.store.device_id
    applied_before = _applied_for(server_db, device)
    setup = _parts(tmp_path)
    with _link(province, rtt_s=0.6) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        kept = _cut_once(laptop, link, tmp_path)
    (part,) = tmp_path.glob(f"server/attachments/push-uploads/*/{kept['upload_id']}.part")
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF
    part.write_bytes(bytes(data))
    laptop.change_setting("server_url", province.server.url)
    report = laptop.sync_now()
    parts = _parts(tmp_path, setup)
    assert kept["upload_id"] not in parts
    assert len(parts) == 1
    assert (report.pushed, report.duplicates) == (200, 0)
    assert _applied_for(server_db, device) == applied_before + 200
    assert _server_models(server_db) == 200
    assert laptop.pending_count() == 0


def test_the_block_mode_still_pushes(
    province: Province,
    laptops: Callable[[str], Session],
    server_db: Engine,
    puts: list[dict[str, str]],
) -> None:
    """An engine that does not stream sends its batch in blocks, each with its hash."""
    laptop = _laptop(laptops, 50)
    setup_puts = len(puts)
    transport = transport_at(province.server.url, auth_token=str(laptop.store.meta("sync_token")))
    engine = SyncEngine(laptop.records, transport)
    engine.push_memory.streaming = False
    report = engine.sync_once()
    transport.close()
    blocks = puts[setup_puts:]
    assert report.pushed == 50
    assert blocks and all(protocol.HEADER_CHUNK_SHA256 in headers for headers in blocks)
    assert not any(protocol.HEADER_UPLOAD_STREAM in headers for headers in blocks)
    assert _server_models(server_db) == 50
