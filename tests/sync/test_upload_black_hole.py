"""The push upload's small requests on a silent link give up within seconds, not 30 s.

The real server sits behind the slow-link proxy (64 kbit/s, 600 ms) in its silent mode:
a cut leaves the kept-alive connection in silence, as a lost radio bearer does. The
offset question and ``complete`` are small: they wait about as long as a block would
(``upload_timing.block_timeout_s``), ``complete`` also the server's apply of the batch; a
streamed PUT waits as a block of the bytes in flight would (``stream_timeout_s``).
"""

from __future__ import annotations

import gzip
import os
import time
from collections.abc import Callable

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.push_upload import PushUpload, send
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import LinkDown
from support.slowlink import SlowLink
from sync.conftest import engine_through


def _upload() -> tuple[PushUpload, bytes]:
    body = gzip.compress(b'{"ops":[]}', mtime=0)
    return PushUpload.of(["op-1"], body), body


def _time_to_give_up(engine: SyncEngine, upload: PushUpload, body: bytes) -> float:
    started = time.monotonic()
    with pytest.raises(LinkDown):
        send(engine, upload, body, SyncReport(), lambda _done, _total: None)
    took = time.monotonic() - started
    engine.transport.close()
    return took


def test_the_offset_question_into_a_black_hole_gives_up_within_seconds(
    laptops: Callable[[str], Session], black_hole: SlowLink
) -> None:
    """No offset known: the GET for it meets silence and fails after at most 8 s."""
    engine = engine_through(laptops("a"), black_hole)
    engine.health()  # a kept-alive connection, which the cut leaves in silence
    black_hole.cut()
    upload, body = _upload()
    assert _time_to_give_up(engine, upload, body) <= 8.0


def test_complete_into_a_black_hole_gives_up_well_before_the_stall_timeout(
    laptops: Callable[[str], Session], black_hole: SlowLink
) -> None:
    """The whole body is held (offset known): complete meets silence and fails within 16 s."""
    engine = engine_through(laptops("a"), black_hole)
    engine.health()
    upload, body = _upload()
    engine.push_memory.offsets[upload.upload_id] = upload.size  # every block answered
    black_hole.cut()
    assert _time_to_give_up(engine, upload, body) <= 16.0


def test_a_stream_into_a_black_hole_gives_up_within_seconds(
    laptops: Callable[[str], Session], black_hole: SlowLink
) -> None:
    """A streamed PUT whose answer meets silence gives up within 16 s, not the 30 s
    stall timeout: it waits for what the link cannot have carried yet (40 KB here)."""
    engine = engine_through(laptops("a"), black_hole)
    engine.health()
    body = os.urandom(40_000)
    upload = PushUpload.of(["op-1"], body)
    engine.push_memory.offsets[upload.upload_id] = 0  # a new upload: no offset question
    black_hole.cut()
    assert _time_to_give_up(engine, upload, body) <= 16.0
