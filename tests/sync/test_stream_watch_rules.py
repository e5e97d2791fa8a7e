"""The stream watch's rules, answer by answer (``sync/stream_watch.py``): when a streamed
push is judged dead, and when a slow answer is only slow."""

from __future__ import annotations

from danvan_desktop.sync.stream_watch import StreamWatch, _Seen
from danvan_desktop.sync.transport import SyncTransport
from support.sync_engines import transport_at


def _watch() -> StreamWatch:
    """A watch of a 100,000-byte stream (never started: its rules only)."""
    transport: SyncTransport = transport_at("http://127.0.0.1:9")
    return StreamWatch(transport, "/api/v1/push/uploads/x", 100_000)


def _seen(receiving: int | None, offset: int = 0, at: float = 0.0) -> _Seen:
    return _Seen(receiving=receiving, grown_at=at, offset=offset, offset_grown_at=at)


def test_an_unanswered_question_then_a_growing_stream_is_only_a_slow_answer() -> None:
    """After a question went unanswered, an answer showing more received keeps the stream."""
    assert _seen(5_000).judge(0, 9_000, 1.0, _watch(), "timed out") is None


def test_an_unanswered_question_then_nothing_received_gives_the_stream_up() -> None:
    """After a question went unanswered, an answer showing nothing more received is a
    stream that died with the link."""
    assert _seen(5_000).judge(0, 5_000, 1.0, _watch(), "timed out") is not None


def test_a_stream_no_longer_live_is_given_up() -> None:
    """An answer without ``receiving`` after answers with it: the server's side is gone."""
    assert _seen(5_000).judge(16_384, None, 1.0, _watch(), None) is not None


def test_a_growing_stream_lives() -> None:
    """An answer with more received, in time, keeps the stream."""
    assert _seen(5_000).judge(0, 6_000, 1.0, _watch(), None) is None


def test_a_stream_that_stops_growing_is_given_up_after_its_stuck_time() -> None:
    """The same ``receiving`` within ``stuck_s`` is patience; past it, a dead stream."""
    watch = _watch()
    seen = _seen(5_000)
    assert seen.judge(0, 5_000, watch.stuck_s - 0.1, watch, None) is None
    assert seen.judge(0, 5_000, watch.stuck_s + 0.1, watch, None) is not None


def test_an_old_server_is_judged_by_its_offset() -> None:
    """With no ``receiving`` ever said, the offset must grow within ``offset_stuck_s``."""
    watch = _watch()
    seen = _seen(None, offset=16_384)
    assert seen.judge(16_384, None, watch.offset_stuck_s - 0.1, watch, None) is None
    assert seen.judge(16_384, None, watch.offset_stuck_s + 0.1, watch, None) is not None
