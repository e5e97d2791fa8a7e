"""Sync rounds until everything is sent: retries on a dropped link, with back-off.

One loop for every caller (the CLI, the tests, the GUI's scheduler): run a round;
when the server is in trouble (``ServerError``: a 5xx, a 429), wait the back-off's
delay (exponential, full jitter, at least the server's ``Retry-After``) and run
another. When the link dropped (``LinkDown``), the server is not to blame: one small
/health probe after a short jittered wait tells whether the link is back, and the
next round starts as soon as one is answered, so a 2 s outage costs about 2 s, not a
back-off that doubles with every drop. Probes come every ``PROBE_S`` (jittered)
for the first ``PROBE_FAST_FOR_S`` of an outage, then further apart (doubling, up
to ``PROBE_CAP_S``); rounds that keep failing with the link answering probes, having
moved nothing, fall back to the exponential back-off. Each round carries on where the last one
stopped: settled operations are gone from the outbox, pulled pages moved the
checkpoint, uploads resume at the server's offset, and the throughput estimator
has learnt from the drop how big a batch the link can carry.

Waiting is on ``threading.Event``s, never ``time.sleep``: setting ``cancel`` stops
the loop at once, and setting ``wake`` (after ``Backoff.retry_now()``, when the
network comes back) starts the next round at once. Refusals that another try
cannot cure (``ServerRejected``, ``ProtocolTooOld``) end the loop. Each wait is
announced through the engine's progress callback as stage ``"wait"`` (seconds,
failures in a row), after ``on_round`` has seen the failed round.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.i18n import tr
from danvan_desktop.store import outbox
from danvan_desktop.sync import attachments
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.engine import SyncEngine, SyncReport
from danvan_desktop.sync.transport import (
    CertificateUntrusted,
    LinkDown,
    ServerError,
    TransportError,
)

# The engine's progress callback hears each wait: (WAIT_STAGE, seconds, failures in a row).
WAIT_STAGE = "wait"
# Called after every round with its figures, and its error when it failed.
RoundCallback = Callable[[SyncReport, TransportError | None], None]
# Hears every wait the loop chooses, exactly: (seconds, PROBE or BACKOFF).
WaitCallback = Callable[[float, str], None]
PROBE = "probe"
BACKOFF = "backoff"
PROBE_S = 0.5  # the wait before a probe, jittered to [PROBE_S / 2, PROBE_S]
PROBE_FAST_FOR_S = 10.0  # an outage this long is probed every PROBE_S; then less often
PROBE_CAP_S = 30.0  # a long outage costs a probe about every half minute
FUTILE_ROUNDS = 3  # rounds in a row that the link dropped with nothing moved, probes answered
_WAIT_SLICE_S = 0.25  # how often a wait looks at ``cancel`` while it waits on ``wake``


def sync_until_done(
    engine: SyncEngine,
    *,
    deadline_s: float,
    backoff: Backoff | None = None,
    wake: threading.Event | None = None,
    on_round: RoundCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
    on_wait: WaitCallback | None = None,
    random_unit: Callable[[], float] = random.random,
) -> SyncReport:
    """Run rounds until nothing is left to send, or ``deadline_s`` has passed.

    Returns the rounds' figures added up. When the deadline passes after a failed
    round, that round's error is raised; the data stays queued for the next call.
    """
    backoff = backoff or Backoff()
    waits = _Waits(engine, backoff, wake, on_wait, random_unit, clock() + deadline_s, clock)
    total = SyncReport()
    futile = 0
    while True:
        _check_cancel(engine.cancel)
        try:
            report = engine.sync_once()
        except (LinkDown, ServerError) as exc:
            partial = engine.round_report
            total.add(partial)
            if on_round is not None:
                on_round(partial, exc)
            if isinstance(exc, LinkDown) and (partial.moved or partial.reached_server):
                backoff.reset()  # the link carried something: it is flaky, not gone
            if isinstance(exc, LinkDown):
                futile = 0 if partial.moved else futile + 1
            if waits.remaining() <= 0:
                raise
            error: TransportError = exc
            if _link_dropped(exc) and futile < FUTILE_ROUNDS:
                backoff.record_failure()  # counted (failures in a row); the probe decides
                found = waits.until_link_answers(exc)
                if found is None:
                    continue
                error = found  # the link is back, the server is in trouble: back off
            waits.back_off(error)
            continue
        futile = 0
        backoff.reset()
        total.add(report)
        if on_round is not None:
            on_round(report, None)
        if _finished(engine, report) or waits.remaining() <= 0:
            return total


def _link_dropped(exc: TransportError) -> bool:
    """A drop a probe can see the end of (not a certificate the network swaps)."""
    return isinstance(exc, LinkDown) and not isinstance(exc, CertificateUntrusted)


class _Waits:
    """The loop's waits: probes after a drop, the back-off after a server's trouble."""

    def __init__(
        self,
        engine: SyncEngine,
        backoff: Backoff,
        wake: threading.Event | None,
        on_wait: WaitCallback | None,
        random_unit: Callable[[], float],
        deadline: float,
        clock: Callable[[], float],
    ) -> None:
        self.engine, self.backoff, self.wake = engine, backoff, wake
        self.on_wait, self.random_unit = on_wait, random_unit
        self.deadline, self.clock = deadline, clock

    def remaining(self) -> float:
        """Seconds left before the deadline."""
        return self.deadline - self.clock()

    def back_off(self, error: TransportError) -> None:
        """Wait the back-off's next delay (at least the server's Retry-After)."""
        retry_after = error.retry_after_s if isinstance(error, ServerError) else None
        delay = self.backoff.record_failure(at_least_s=retry_after or 0.0)
        self._wait(min(delay, max(0.0, self.remaining())), BACKOFF, error)

    def until_link_answers(self, error: TransportError) -> ServerError | None:
        """Probe /health until the link answers (None), or the server answers with its
        trouble (that ``ServerError``); raise ``error`` once the deadline has passed."""
        started = self.clock()
        interval = PROBE_S
        while True:
            if self.clock() - started > PROBE_FAST_FOR_S:
                interval = min(PROBE_CAP_S, interval * 2)
            wait_s = interval * (0.5 + 0.5 * self.random_unit())  # jitter: apart, not in step
            self._wait(min(wait_s, max(0.0, self.remaining())), PROBE, error)
            try:
                self.engine.probe()
            except ServerError as exc:
                return exc
            except LinkDown as exc:
                error = exc
                continue
            return None

    def _wait(self, seconds: float, reason: str, error: TransportError) -> None:
        if seconds <= 0 and self.remaining() <= 0:
            raise error
        if self.on_wait is not None:
            self.on_wait(seconds, reason)
        self.engine.progress(WAIT_STAGE, math.ceil(seconds), self.backoff.failures)
        _wait(self.engine.cancel, self.wake, seconds)


def work_left(engine: SyncEngine) -> tuple[int, int]:
    """Operations still queued and files still to upload."""
    return outbox.pending_count(engine.records.db), len(attachments.uploads_wanted(engine.records))


def _finished(engine: SyncEngine, report: SyncReport) -> bool:
    """Nothing left, or a round that could send nothing (a file the server refuses)."""
    operations, files = work_left(engine)
    if operations == 0 and files == 0:
        return True
    settled = report.pushed + report.duplicates + report.conflicts + report.rejected
    return settled == 0 and report.files_uploaded == 0


def _wait(cancel: threading.Event, wake: threading.Event | None, seconds: float) -> None:
    """Wait ``seconds``, less if ``wake`` is set; raise if ``cancel`` is set."""
    if wake is None:
        cancel.wait(seconds)
        _check_cancel(cancel)
        return
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if wake.wait(min(_WAIT_SLICE_S, left)):
            wake.clear()
            break
        _check_cancel(cancel)
    _check_cancel(cancel)


def _check_cancel(cancel: threading.Event) -> None:
    if cancel.is_set():
        raise OperationCancelled(tr("SyncTransport", "Đã dừng đồng bộ theo yêu cầu."))
