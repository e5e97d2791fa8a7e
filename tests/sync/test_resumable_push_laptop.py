"""The laptop's resumable push (protocol 3) against the real server through the slow link.

A batch goes as a named upload in blocks (``sync/push_upload.py``). The slow-link
proxy (64 kbit/s) cuts the link mid-body, or while the answer to ``complete`` is on its
way back; the server's part files (``push-uploads/<device>/<id>.part``) and its
database show what it holds.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from danvan_desktop.session import Session
from danvan_desktop.store.settings import set_setting
from danvan_desktop.sync.engine import LINK_ESTIMATES_KEY
from danvan_desktop.sync.push_upload import UPLOAD_KEY, PushUpload, save_upload
from danvan_desktop.sync.transport import LinkDown
from support.realistic_records import realistic_models
from support.slowlink import SlowLink
from sync.conftest import Province

pytestmark = pytest.mark.slow
WAIT_S = 120.0
POLL_S = 0.02


@pytest.fixture
def server_db(province: Province) -> Iterator[Engine]:
    """The server's database, read directly."""
    engine = create_engine(province.database_url)
    yield engine
    engine.dispose()


def _laptop(laptops: Callable[[str], Session], models: int) -> Session:
    """An enrolled laptop with its setup synced, then ``models`` new realistic models,
    and link estimates that make blocks of about 8 KB (a link up 4 s at a time)."""
    laptop = laptops("a")
    laptop.sync_now()
    for fields in realistic_models(models):
        laptop.add_model(**fields)
    estimates = {"bytes_per_s": 8000.0, "measured": True, "uptimes_s": [4.0], "rtt_s": 0.6}
    set_setting(laptop.store.db, LINK_ESTIMATES_KEY, estimates)
    return laptop


def _link(province: Province, **options: Any) -> SlowLink:
    host, port = province.server.url.removeprefix("http://").split(":")
    return SlowLink(upstream=(host, int(port)), bandwidth_bps=64_000, **options)


def _parts(tmp_path: Path, besides: dict[str, int] | None = None) -> dict[str, int]:
    """The server's push upload parts (upload id -> bytes held), but for ``besides``."""
    held = {}
    for part in tmp_path.glob("server/attachments/push-uploads/*/*.part"):
        if part.stem in (besides or {}):
            continue
        try:
            held[part.stem] = part.stat().st_size
        except FileNotFoundError:
            continue
    return held


def _kept(laptop: Session) -> dict[str, Any] | None:
    """The upload the laptop keeps, read on a connection of its own (any thread)."""
    connection = sqlite3.connect(f"file:{laptop.store.path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT value FROM settings WHERE key = ?", [UPLOAD_KEY]
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else dict(json.loads(row[0]))


def _cut_when(
    link: SlowLink, condition: Callable[[], bool], down_s: float = 1.0
) -> threading.Thread:
    """Cut the link as soon as ``condition()`` holds, and restore it ``down_s`` later."""

    def watch() -> None:
        done = threading.Event()
        for _ in range(int(WAIT_S / POLL_S)):
            if condition():
                link.cut()
                done.wait(down_s)  # test pacing: the outage
                link.restore()
                return
            done.wait(POLL_S)

    watcher = threading.Thread(target=watch)
    watcher.start()
    return watcher


def _half_held_then_mid_block(
    laptop: Session, link: SlowLink, tmp_path: Path
) -> Callable[[], bool]:
    """True once the server holds half the kept upload and 3 KB more are on the wire."""
    mark: dict[str, int] = {}

    def condition() -> bool:
        kept = _kept(laptop)
        if "up" not in mark:
            if kept is None or _parts(tmp_path).get(kept["upload_id"], 0) * 2 < kept["size"]:
                return False
            mark["up"] = link.counters().up
        return link.counters().up >= mark["up"] + 3000

    return condition


def _scalar(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())


def _server_models(engine: Engine) -> int:
    return _scalar(engine, "SELECT count(*) FROM records WHERE entity = 'model'")


def _applied_for(engine: Engine, device_id: str) -> int:
    sql = "SELECT count(*) FROM applied_ops WHERE device_id = :device"
    return _scalar(engine, sql, device=device_id)


def test_cut_mid_upload_resumes_at_the_servers_offset(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """A batch cut mid-body goes on from the server's offset: bytes up < 1.3 × the body."""
    laptop = _laptop(laptops, 400)
    setup = _parts(tmp_path)
    with _link(province, rtt_s=0.6) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _cut_when(link, _half_held_then_mid_block(laptop, link, tmp_path))
        with pytest.raises(LinkDown):
            laptop.sync_now()
        watcher.join()
        kept = _kept(laptop)
        assert kept is not None
        laptop.sync_now()
        up = link.counters().up
    assert _parts(tmp_path, setup) == {kept["upload_id"]: kept["size"]}
    assert up < 1.3 * kept["size"]
    assert _server_models(server_db) == 400


def test_a_restarted_laptop_resumes_the_same_upload(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """The upload kept in the store survives closing the laptop; the reopened one
    completes that upload rather than starting another."""
    laptop = _laptop(laptops, 200)
    setup = _parts(tmp_path)
    folder = laptop.store.path.parent
    with _link(province, rtt_s=0.6) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _cut_when(link, _half_held_then_mid_block(laptop, link, tmp_path))
        with pytest.raises(LinkDown):
            laptop.sync_now()
        watcher.join()
        kept = _kept(laptop)
        assert kept is not None
        held_before = _parts(tmp_path)[kept["upload_id"]]
        laptop.change_setting("server_url", province.server.url)
    laptop.close()
    again = Session.open(folder)
    try:
        report = again.sync_now()
        assert _kept(again) is None
    finally:
        again.close()
    assert 0 < held_before < kept["size"]
    assert _parts(tmp_path, setup) == {kept["upload_id"]: kept["size"]}
    assert (report.pushed, _server_models(server_db)) == (200, 200)


def test_a_server_that_lost_the_part_gets_the_upload_again(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """The server's part is gone after a cut: the laptop sends the body again from its
    start and every record arrives once."""
    laptop = _laptop(laptops, 200)
    device = laptop.store.device_id
    applied_before = _applied_for(server_db, device)
    with _link(province, rtt_s=0.6) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _cut_when(link, _half_held_then_mid_block(laptop, link, tmp_path))
        with pytest.raises(LinkDown):
            laptop.sync_now()
        watcher.join()
    for part in tmp_path.glob("server/attachments/push-uploads/*/*.part"):
        part.unlink()
    laptop.change_setting("server_url", province.server.url)
    report = laptop.sync_now()
    assert (report.pushed, report.duplicates) == (200, 0)
    assert _server_models(server_db) == 200
    assert _applied_for(server_db, device) == applied_before + 200
    assert laptop.pending_count() == 0


def test_a_kept_upload_whose_body_changed_starts_a_new_upload(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """A kept upload whose SHA-256 no longer matches its operations' body is dropped:
    the batch goes as a new upload and arrives whole."""
    laptop = _laptop(laptops, 20)
    setup = _parts(tmp_path)
    op_ids = [str(row["op_id"]) for row in laptop.store.db.query("SELECT op_id FROM outbox")]
    stale = PushUpload("stale-upload-0001", tuple(op_ids), 1234, "0" * 64)
    with laptop.store.db.atomic():
        laptop.store.db.execute("UPDATE outbox SET state = 'sending'")
        save_upload(laptop.store.db, stale)
    report = laptop.sync_now()
    assert report.pushed == 20
    assert "stale-upload-0001" not in _parts(tmp_path)
    assert len(_parts(tmp_path, setup)) == 1
    assert _server_models(server_db) == 20


def test_a_lost_answer_to_complete_is_completed_again(
    province: Province, laptops: Callable[[str], Session], server_db: Engine
) -> None:
    """The server applied the batch but its answer was cut: completing again gives
    ``duplicate`` for each operation, nothing is applied twice or pulled back."""
    laptop = _laptop(laptops, 20)
    device = laptop.store.device_id
    applied_before = _applied_for(server_db, device)
    with _link(province, rtt_s=4.0) as link:  # every answer spends 2 s in the proxy
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        applied = lambda: _applied_for(server_db, device) == applied_before + 20  # noqa: E731
        watcher = _cut_when(link, applied)
        with pytest.raises(LinkDown):
            laptop.sync_now()
        watcher.join()
        assert _kept(laptop) is not None
    laptop.change_setting("server_url", province.server.url)
    report = laptop.sync_now()
    assert (report.pushed, report.duplicates, report.pulled) == (0, 20, 0)
    assert _applied_for(server_db, device) == applied_before + 20
    assert _server_models(server_db) == 20
    assert laptop.pending_count() == 0


def test_a_settled_batch_leaves_no_upload_to_resume(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """Once the answer is settled the laptop keeps no upload: the batch never goes again."""
    laptop = _laptop(laptops, 20)
    setup = _parts(tmp_path)
    report = laptop.sync_now()
    assert report.pushed == 20
    assert _kept(laptop) is None
    assert len(_parts(tmp_path, setup)) == 1


def test_a_protocol_2_server_gets_the_one_shot_push(
    laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """A laptop speaking protocol 2 sends its batch in one POST /push: no upload part."""
    laptop = _laptop(laptops, 20)
    setup = _parts(tmp_path)
    laptop.protocol_version = 2
    report = laptop.sync_now()
    assert report.pushed == 20
    assert _parts(tmp_path, setup) == {}
    assert _kept(laptop) is None
    assert _server_models(server_db) == 20
