"""Watching a streamed push upload from a second connection: a link that goes silent.

A streamed PUT (``push_upload.py``) hands the rest of a batch's body to the kernel and
waits for one answer at the end. When the link goes silent without a reset (a radio
bearer or a NAT entry lost without a word) nothing tells the laptop: a middlebox may go
on taking the bytes, the answer simply never comes, and a timeout sized for the bytes
handed over costs many seconds on every cut. Only the server knows what arrives. So
while the stream runs, a watch thread asks the upload's offset every ``interval_s`` on
the transport's other kept-alive connection: a twelfth of the link's typical uptime,
within a second (two round trips on a slower link) and 4 s (a few hundred bytes each
way: 1 to 3 % of a 64 kbit/s link), and the server says how much the live stream has received
(``receiving``, protocol 3). The stream is given up (its request aborted: ``LinkDown``)
when:

- one question went unanswered (within two round trips and a second,
  ``question_timeout_s``) and the next answer shows the stream received nothing
  meanwhile: the link came back, the stream died with it. An unanswered question alone
  proves nothing (a busy server, or a link slower than measured): the next is asked at
  once and waits twice as long, and while none is answered the stream's own waits
  decide (a long outage ends it as a dropped link);
- the answer says no stream is live any more, having said it was: the server's side of
  it was reset or ended;
- what the stream has delivered stops growing while the stream still has bytes to give:
  ``receiving`` for ``stuck_s``, or, from a server that never says ``receiving``, the
  fsynced offset for ``stuck_s`` plus the time of a server piece: the link answers, the
  stream does not.

Given up (``verdict``: ``STREAM_STUCK``) on an answer, the watch keeps the offset it
gave (``held``): the stream goes on from there at once (a server that appended more
since refuses that offset with 409 and names its own).

A question never changes what the server holds, so a watch that is wrong costs the
bytes in flight and a resumption, never data. The questions are kept out of the link's
estimates (``measure=False``) but count on the wire.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.sync.transport import LinkDown, SyncTransport, TransportError

STREAM_STUCK = "stream-stuck"
MIN_INTERVAL_S = 1.0
MAX_INTERVAL_S = 4.0
INTERVAL_RTTS = 2.0
UPTIME_SHARE = 12  # a question every twelfth of the link's typical uptime, within bounds
QUESTION_MARGIN_S = 1.0
QUESTION_RTTS = 2.0  # one round trip on a kept-alive connection, one more for a new one
STUCK_MARGIN_S = 1.0
STUCK_RTTS = 2.0
SERVER_PIECE_BYTES = 16 * 1024  # the server fsyncs a stream in pieces this big
_log = logging.getLogger(__name__)


@dataclass
class _Seen:
    """What the answers said so far: the stream's progress and when it last grew."""

    receiving: int | None
    grown_at: float
    offset: int
    offset_grown_at: float

    def judge(
        self,
        offset: int,
        receiving: int | None,
        now: float,
        watch: StreamWatch,
        unanswered: str | None,
    ) -> str | None:
        """Take one answer in: why the stream is dead, or None while it lives."""
        was_live = self.receiving is not None
        grew = receiving is not None and (self.receiving is None or receiving > self.receiving)
        if receiving is not None and grew:
            self.receiving, self.grown_at = receiving, now
        if offset > self.offset:
            self.offset, self.offset_grown_at = offset, now
        if unanswered is not None and not grew:
            return f"{unanswered}; then nothing received (offset {offset})"
        if receiving is None and was_live:
            return f"no stream is live any more (offset {offset})"
        if receiving is not None and now - self.grown_at > watch.stuck_s:
            return f"received {receiving} for {now - self.grown_at:.1f} s"
        if receiving is None and now - self.offset_grown_at > watch.offset_stuck_s:
            return f"offset {offset} for {now - self.offset_grown_at:.1f} s"
        return None


class StreamWatch:
    """Asks the upload's progress while its stream runs; sets ``abort`` when it stops.

    Used as a context manager around the streamed request; ``verdict`` says why the
    stream was given up (``STREAM_STUCK``), None while it was not.
    """

    def __init__(
        self,
        transport: SyncTransport,
        url: str,
        end: int,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.transport = transport
        self.url = url
        self.end = end  # the stream carries the body up to this offset
        self.abort = threading.Event()
        self.verdict: str | None = None
        self.held: int | None = None  # the offset the last answer gave, when it gave one up
        self._clock = clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stream-watch", daemon=True)
        rtt = transport.estimator.rtt_s
        often = transport.estimator.typical_uptime_s / UPTIME_SHARE
        self.interval_s = min(MAX_INTERVAL_S, max(MIN_INTERVAL_S, INTERVAL_RTTS * rtt, often))
        self.question_timeout_s = QUESTION_MARGIN_S + QUESTION_RTTS * rtt
        self.stuck_s = STUCK_MARGIN_S + STUCK_RTTS * rtt + self.interval_s
        self.offset_stuck_s = self.stuck_s + SERVER_PIECE_BYTES / transport.estimator.bytes_per_s

    def __enter__(self) -> StreamWatch:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Not joined: a question on the wire ends by its own short timeout, its answer
        # then ignored, and the stream's caller goes on at once.
        self._stop.set()

    def _run(self) -> None:
        started = self._clock()
        last = _Seen(receiving=None, grown_at=started, offset=-1, offset_grown_at=started)
        unanswered: str | None = None  # the first failure of the questions unanswered
        wait_s = self.question_timeout_s
        while not self._stop.wait(0 if unanswered else self.interval_s):
            try:
                answer = self._ask(wait_s)
            except LinkDown as exc:
                # No answer proves nothing yet: a link slower than measured, or one that
                # is down. Ask again at once, waiting twice as long (a connection held
                # while the link is down goes through when it returns).
                unanswered = unanswered or exc.detail
                wait_s = min(2 * wait_s, self.transport.stall_timeout_s)
                continue
            if answer is None or self._stop.is_set():
                return
            offset, receiving = answer
            if offset >= self.end:
                return  # the server holds the whole stream: its answer is on the way
            verdict = last.judge(offset, receiving, self._clock(), self, unanswered)
            if verdict is not None:
                self._give_up(verdict, offset)
                return
            unanswered, wait_s = None, self.question_timeout_s

    def _ask(self, wait_s: float) -> tuple[int, int | None] | None:
        """One question: (offset, receiving), or None when the watch ends here; an
        unanswered question raises ``LinkDown``."""
        try:
            response = self.transport.get(
                self.url, cancel=self._stop, timeout_s=wait_s, measure=False
            )
        except LinkDown:
            if self._stop.is_set():
                return None
            raise
        except TransportError as exc:  # refused or failing: the stream's own waits decide
            _log.info("stream watch stops: %s", exc)
            return None
        except OperationCancelled:  # the stream ended while a question was out
            return None
        try:
            data = response.json()
            receiving = data.get("receiving")
            return int(data["offset"]), (int(receiving) if receiving is not None else None)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def _give_up(self, detail: str, offset: int) -> None:
        _log.info("streamed push given up (%s): %s", STREAM_STUCK, detail)
        self.verdict = STREAM_STUCK
        self.held = offset
        self.abort.set()
