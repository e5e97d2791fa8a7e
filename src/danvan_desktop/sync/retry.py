"""Sync rounds until everything is sent: retries on a dropped link, with back-off.

One loop for every caller (the CLI, the tests, the GUI's scheduler): run a round;
when the link drops or the server is busy (``LinkDown``, ``ServerError``), wait
the back-off's delay (exponential, full jitter, at least the server's
``Retry-After``) and run another. Each round carries on where the last one
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
import threading
import time
from collections.abc import Callable

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.i18n import tr
from danvan_desktop.store import outbox
from danvan_desktop.sync import attachments
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.engine import SyncEngine, SyncReport
from danvan_desktop.sync.transport import LinkDown, ServerError, TransportError

# The engine's progress callback hears each wait: (WAIT_STAGE, seconds, failures in a row).
WAIT_STAGE = "wait"
# Called after every round with its figures, and its error when it failed.
RoundCallback = Callable[[SyncReport, TransportError | None], None]
_WAIT_SLICE_S = 0.25  # how often a wait looks at ``cancel`` while it waits on ``wake``


def sync_until_done(
    engine: SyncEngine,
    *,
    deadline_s: float,
    backoff: Backoff | None = None,
    wake: threading.Event | None = None,
    on_round: RoundCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> SyncReport:
    """Run rounds until nothing is left to send, or ``deadline_s`` has passed.

    Returns the rounds' figures added up. When the deadline passes after a failed
    round, that round's error is raised; the data stays queued for the next call.
    """
    backoff = backoff or Backoff()
    deadline = clock() + deadline_s
    total = SyncReport()
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
            retry_after = exc.retry_after_s if isinstance(exc, ServerError) else None
            delay = backoff.record_failure(at_least_s=retry_after or 0.0)
            remaining = deadline - clock()
            if remaining <= 0:
                raise
            wait_s = min(delay, remaining)
            engine.progress(WAIT_STAGE, math.ceil(wait_s), backoff.failures)
            _wait(engine.cancel, wake, wait_s)
            continue
        backoff.reset()
        total.add(report)
        if on_round is not None:
            on_round(report, None)
        if _finished(engine, report) or clock() >= deadline:
            return total


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
