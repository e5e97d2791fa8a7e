"""A streamed push watched from a second connection, through links that go silent.

The slow-link proxy (64 kbit/s, 600 ms) leaves connections in silence without a reset,
as a lost radio bearer or NAT entry does: the laptop's bytes are taken and dropped, no
answer ever comes. The stream's watch (``sync/stream_watch.py``) asks the real server
how much the stream has delivered and gives it up; the push goes on from the server's
offset and every model arrives once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from danvan_desktop.session import Session
from danvan_desktop.store.settings import set_setting
from danvan_desktop.sync.engine import LINK_ESTIMATES_KEY
from danvan_desktop.sync.transport import LinkDown
from support.realistic_records import realistic_models
from support.slowlink import SlowLink
from sync.conftest import Province
from sync.test_resumable_push_laptop import (
    POLL_S,
    WAIT_S,
    _cut_when,
    _kept,
    _laptop,
    _link,
    _parts,
    _server_models,
    server_db,
)
from sync.test_streamed_push_laptop import _held_a_third, puts

pytestmark = pytest.mark.slow
__all__ = ["puts", "server_db"]  # fixtures shared with the resumable push's tests
LONG_OUTAGE_S = 20.0  # longer than the stream's own answer wait
SHORT_OUTAGE_S = 1.0


def _silence_stream_when(link: SlowLink, condition: Callable[[], bool]) -> threading.Thread:
    """Silence the busiest connection (the stream) once ``condition()`` holds."""

    def watch() -> None:
        done = threading.Event()
        for _ in range(int(WAIT_S / POLL_S)):
            if condition():
                link.silence_busiest()
                return
            done.wait(POLL_S)  # test pacing

    watcher = threading.Thread(target=watch)
    watcher.start()
    return watcher


def test_a_long_silent_cut_ends_the_sync_and_the_next_goes_on(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path, server_db: Engine
) -> None:
    """The link goes silent mid-stream for longer than the stream's own answer wait: the
    watch's unanswered questions give nothing up, the stream's wait ends the sync as a
    dropped link, and the next sync streams on from what the server kept."""
    laptop = _laptop(laptops, 400)
    with _link(province, rtt_s=0.6, down_behaviour="silent") as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _cut_when(link, _held_a_third(laptop, tmp_path), down_s=LONG_OUTAGE_S)
        with pytest.raises(LinkDown):
            laptop.sync_now()
        watcher.join()
        kept = _kept(laptop)
        assert kept is not None
        held = _parts(tmp_path)[kept["upload_id"]]
        laptop.sync_now()
    assert kept["size"] // 3 <= held < kept["size"]
    assert _server_models(server_db) == 400
    assert laptop.pending_count() == 0


def test_a_link_far_slower_than_believed_is_not_taken_for_a_silent_one(
    province: Province, laptops: Callable[[str], Session], server_db: Engine
) -> None:
    """The laptop believes in a 10 ms round trip; the link takes 3 s: the watch's and the
    probes' questions go unanswered at first, wait longer each time, and give nothing up,
    so one sync pushes every model."""
    laptop = laptops("a")
    laptop.sync_now()
    for fields in realistic_models(20):
        laptop.add_model(**fields)
    estimates = {"bytes_per_s": 1e6, "measured": True, "uptimes_s": [600.0], "rtt_s": 0.01}
    set_setting(laptop.store.db, LINK_ESTIMATES_KEY, estimates)
    with _link(province, rtt_s=3.0) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        report = laptop.sync_now()
    assert report.pushed == 20
    assert _server_models(server_db) == 20


def test_a_short_silent_cut_is_resumed_in_the_same_sync(
    province: Province,
    laptops: Callable[[str], Session],
    tmp_path: Path,
    server_db: Engine,
    puts: list[dict[str, str]],
) -> None:
    """The link goes silent for a second mid-stream: the watch gives the stream up, the
    offset question goes through once the link is back, and the same sync streams on."""
    laptop = _laptop(laptops, 400)
    setup_puts = len(puts)
    with _link(province, rtt_s=0.6, down_behaviour="silent") as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _cut_when(link, _held_a_third(laptop, tmp_path), down_s=SHORT_OUTAGE_S)
        report = laptop.sync_now()
        watcher.join()
    assert report.pushed == 400
    assert len(puts[setup_puts:]) == 2
    assert _server_models(server_db) == 400


def test_a_stream_silenced_while_the_link_answers_resumes_in_the_same_sync(
    province: Province,
    laptops: Callable[[str], Session],
    tmp_path: Path,
    server_db: Engine,
    puts: list[dict[str, str]],
) -> None:
    """Only the stream's connection goes silent: the watch's questions are answered but
    what the stream delivered stops growing, so the same sync resumes it in a second
    streamed PUT and ends with every model on the server."""
    laptop = _laptop(laptops, 400)
    setup_puts = len(puts)
    with _link(province, rtt_s=0.6) as link:
        laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _silence_stream_when(link, _held_a_third(laptop, tmp_path))
        report = laptop.sync_now()
        watcher.join()
    assert report.pushed == 400
    assert len(puts[setup_puts:]) == 2
    assert _server_models(server_db) == 400
    assert laptop.pending_count() == 0
