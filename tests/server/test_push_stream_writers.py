"""What the server says of a live push stream, across worker processes (real part files).

Each ``PartWriters`` stands for one server worker process: a stream lives in one, and
the offset question may reach another, which reads the stream's live note
(``<id>.live``) beside the part.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from danvan_server.push_stream import LIVE_STALE_S, PartWriters, live_note

MAX = 1024 * 1024


def _part(tmp_path: Path) -> Path:
    return tmp_path / "device" / "upload.part"


def test_another_worker_reads_what_a_live_stream_received(tmp_path: Path) -> None:
    """The worker holding the stream notes what it received; another worker reads it,
    and reads nothing once the stream ended."""
    part, streaming, other = _part(tmp_path), PartWriters(MAX), PartWriters(MAX)
    owner = object()
    streaming.begin(part, 0, owner, "vi")
    streaming.note_received(part, owner, 5_000)
    assert other.receiving(part) == 5_000
    streaming.end(part, owner)
    assert other.receiving(part) is None
    assert not live_note(part).exists()


def test_a_stale_note_is_no_live_stream(tmp_path: Path) -> None:
    """A note untouched for longer than LIVE_STALE_S (its worker died) is ignored."""
    part, streaming, other = _part(tmp_path), PartWriters(MAX), PartWriters(MAX)
    owner = object()
    streaming.begin(part, 0, owner, "vi")
    streaming.note_received(part, owner, 5_000)
    old = time.time() - LIVE_STALE_S - 1
    os.utime(live_note(part), (old, old))
    assert other.receiving(part) is None


def test_the_offset_of_a_live_stream_does_not_wait_for_a_piece_being_fsynced(
    tmp_path: Path,
) -> None:
    """While the lock is held (a piece being written and fsynced), the offset question
    of a part a stream writes answers at once, with the size fsynced so far."""
    part, writers = _part(tmp_path), PartWriters(MAX)
    owner = object()
    writers.begin(part, 0, owner, "vi")
    writers.append(part, owner, 0, b"x" * 16_384, "vi")
    answers: list[int] = []
    with writers.lock:
        asking = threading.Thread(target=lambda: answers.append(writers.held(part)))
        asking.start()
        asking.join(timeout=2.0)
        assert answers == [16_384]
