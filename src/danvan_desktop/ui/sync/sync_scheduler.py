"""Background sync: rounds on the network lane when they are due, never two at once.

A round (``Session.sync_now``: health, push the outbox, pull pages) starts:

- when the store opens on an enrolled laptop, a moment after the window is up;
- when local changes have settled (``data_changed``, debounced) and the outbox has
  something to send; rounds emit ``data_changed`` for what they pulled, and pulled
  data adds nothing to the outbox, so rounds do not chase their own tail;
- on a timer, to pull what the other laptops and reviewers sent;
- after a failure, on a ``QTimer`` with exponential back-off and full jitter; a
  request while backing off waits for that timer;
- when connectivity returns: Qt's network information (if a backend loads) is only
  a hint; it triggers a cheap health request, and that request decides whether the
  server is online, and brings a waiting retry forward;
- when the user asks («Đồng bộ ngay»), back-off or not.

A laptop not yet enrolled whose server address and code were saved (first-run
wizard, Cài đặt) enrolls by itself: when the store opens, when those settings
are saved, and when the network comes back after a failed try. A code the server
refused is not tried again; the Đồng bộ page shows why.

Only one round runs at a time; a round asked for during one runs right after it.

The last round's error and the clock note are worded when they happen; when the
user switches language they are worded again in the new one (ui/sync/wording.py,
on the read lane), so the rebuilt window does not show them in the old language.

Store access. A round runs on the network lane but writes to the store (applying
pages, settling the outbox), and DESIGN.md allows one writer: the DB lane's
connection. The round therefore takes turns on that writer (``WriterTurns``): the
DB lane is parked while the round works on the store, and runs its own queue while
the round waits on the network. Saves wait at most one short store step (one page,
one batch), never a request on a slow link; the GUI thread never waits at all.
The reasons against a second writer connection are in ui/sync/writer_turns.py.

The decisions (whether a round is due, what an outcome or an error does to the
state, the back-off, the health requests, enrolling with the saved code) are
``SchedulerState``'s (sync/scheduler_state.py, reached through session/sync.py and
tested without a window); this module keeps the timers, the jobs and the signals.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.session.sync import new_scheduler_state, sync_failure
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.sync_jobs import (
    RoundOutcome,
    run_enroll,
    run_health,
    run_round,
    saved_enrollment,
)
from danvan_desktop.ui.task_runner import JobContext, TaskRunner

if TYPE_CHECKING:
    from danvan_desktop.session.sync import Backoff, SchedulerState, Step

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncTimings:
    """When rounds run; tests make these small."""

    start_delay_ms: int = 3_000  # after the store opens: the window comes first
    settle_ms: int = 20_000  # quiet time after the last local change
    periodic_ms: int = 15 * 60_000  # pull what others sent
    backoff_base_s: float = 5.0
    backoff_cap_s: float = 300.0


class SyncScheduler(QObject):
    """Runs sync rounds when ``SchedulerState`` says they are due, and tells everyone how
    they went.

    ``state`` is a dict: the ``SyncState`` fields (enrolled, server_url, pending,
    rejected, open_conflicts, last_sync, last_result) plus syncing, online (None
    until known), error, clock_note, too_old and retry_in_s. Every change of it is
    emitted as ``bus.sync_state_changed``; reachability as ``bus.online_changed``.

    Signals:
        round_started(): a round began.
        round_progress(str, int, int): stage ("push" or "pull"), done, total.
        round_finished(object): the round's SyncReport, or the exception it ended with.
        enrolled(object): enrollment succeeded (the server's answer).
        enroll_failed(object): enrollment failed (the exception).
        enroll_started(): an enrollment began (asked for, or with the saved code).
    """

    round_started = Signal()
    round_progress = Signal(str, int, int)
    round_finished = Signal(object)
    enrolled = Signal(object)
    enroll_failed = Signal(object)
    enroll_started = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        timings: SyncTimings | None = None,
        backoff: Backoff | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.bus = bus
        self.timings = timings or SyncTimings()
        self.schedule: SchedulerState = new_scheduler_state(
            base_s=self.timings.backoff_base_s, cap_s=self.timings.backoff_cap_s, backoff=backoff
        )
        self._round_cancel: threading.Event | None = None
        self._probe_cancel: threading.Event | None = None
        self._start_timer = self._timer(self.timings.start_delay_ms, self._start_kick)
        self._settle_timer = self._timer(self.timings.settle_ms, self._changes_settled)
        self._retry_timer = self._timer(0, lambda: self.request_round("retry"))
        self._periodic_timer = self._timer(self.timings.periodic_ms, self._periodic)
        self._periodic_timer.setSingleShot(False)
        bus.language_changed.connect(self._language_changed)
        app = QCoreApplication.instance()
        if app is not None:
            # Connected here, before the composition root connects the runner's shutdown,
            # so a round on a slow link is cancelled before the lanes are waited for.
            app.aboutToQuit.connect(self.stop)

    def _timer(self, interval_ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    @property
    def state(self) -> dict[str, Any]:
        """What the status bar and the Đồng bộ page show (see the class docstring)."""
        return self.schedule.shown

    @property
    def backoff(self) -> Backoff:
        """The back-off between retries after failures."""
        return self.schedule.backoff

    # -- life cycle ---------------------------------------------------------------------
    def start(self, *, watch_network: bool = True) -> None:
        """Begin scheduling (idempotent): follow the store, local changes, the network."""
        if not self.schedule.start():
            return
        self.runner.session_changed.connect(self._session_changed)
        self.bus.data_changed.connect(self._local_change)
        if watch_network:
            self._watch_network()
        if self.runner.session_open:
            self._session_changed(True)

    def stop(self) -> None:
        """Stop for good: timers off, a running round and health request cancelled."""
        self.schedule.stop()
        self._stop_timers()
        self.cancel()
        if self._probe_cancel is not None:
            self._probe_cancel.set()

    def _stop_timers(self) -> None:
        for timer in (self._start_timer, self._settle_timer, self._retry_timer):
            timer.stop()
        self._periodic_timer.stop()

    @property
    def started(self) -> bool:
        """True once ``start`` has begun following the store, local changes and the network."""
        return self.schedule.started

    @property
    def running(self) -> bool:
        """True while a round is in flight."""
        return self._round_cancel is not None

    @property
    def probing(self) -> bool:
        """True while a health request is in flight."""
        return self._probe_cancel is not None

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        feature = QNetworkInformation.Feature.Reachability
        if not QNetworkInformation.loadBackendByFeatures(feature):
            log.info("no network information backend: retries rely on timers only")
            return
        info = QNetworkInformation.instance()
        if info is not None:
            # A bound slot of ours (not a lambda): the singleton outlives this scheduler,
            # and Qt drops the connection when the scheduler is deleted.
            info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, _reachability: object) -> None:
        self.connectivity_hint()

    def _session_changed(self, session: object) -> None:
        if self.schedule.stopped:
            return
        if session is None or not self.runner.session_open:
            # The store is being closed (a restore): nothing may run against it.
            self.schedule.store_closed()
            self.cancel()
            self._stop_timers()
            return
        if self.schedule.store_opened():
            self.refresh_state()

    # -- asking for rounds ----------------------------------------------------------------
    def request_round(self, reason: str) -> bool:
        """Start a round for ``reason`` unless one runs (then one follows) or we back off."""
        step = self.schedule.ask(reason, now=time.monotonic(), store_open=self.runner.session_open)
        self._carry_out(step)
        return step.start_round

    def sync_now(self) -> bool:
        """The user's «Đồng bộ ngay»: a round now, whatever the back-off says."""
        return self.request_round("manual")

    def cancel(self) -> None:
        """Stop the running round at its next step (its socket is shut at once)."""
        if self._round_cancel is not None:
            self._round_cancel.set()

    def connectivity_hint(self) -> None:
        """The network changed (a hint): ask the server's health, which decides."""
        self._carry_out(self.schedule.connectivity_hint(store_open=self.runner.session_open))

    def enroll(self, *, server_url: str, code: str, ca_bundle: str | None) -> None:
        """Enroll with a code; a round follows at once to pull the team's data."""
        enrollment = {"server_url": server_url, "code": code, "ca_bundle": ca_bundle}
        self.schedule.enroll_started()
        self.enroll_started.emit()
        self.runner.network(
            functools.partial(run_enroll, self.runner, threading.Event(), enrollment),
            on_done=self._enrolled,
            on_error=functools.partial(self._enroll_failed, code),
        )

    def _saved_enrollment_read(self, enrollment: dict[str, Any] | None) -> None:
        if enrollment is not None and self.schedule.saved_code_read(enrollment["code"]):
            self.enroll(**enrollment)

    def _enroll_failed(self, code: str, error: BaseException) -> None:
        self._carry_out(self.schedule.enroll_failed(code, sync_failure(error)))
        self.enroll_failed.emit(error)

    def republish(self) -> None:
        """Emit the current state and reachability again (for a rebuilt window)."""
        self.bus.sync_state_changed.emit(dict(self.state))
        if self.state.get("online") is not None:
            self.bus.online_changed.emit(bool(self.state["online"]))

    def refresh_state(self) -> None:
        """Read the queue, conflicts and last round (DB lane) and publish them."""
        self.runner.db(lambda ctx: ctx.session.sync_state(), on_done=self._state_read)

    # -- carrying out the decisions -------------------------------------------------------
    def _carry_out(self, step: Step) -> None:
        """Do what ``SchedulerState`` decided, except asking for the next round (``ask``):
        the caller does that once the event's own signals have gone out."""
        if step.start_round:
            self._round_cancel = threading.Event()  # running before the state says so
        if step.stop_retry:
            self._retry_timer.stop()
        if step.retry_in_s is not None:
            self._retry_timer.start(max(1, round(step.retry_in_s * 1000)))
        if step.show:
            self.bus.sync_state_changed.emit(dict(self.state))
        if step.online is not None:
            self.bus.online_changed.emit(step.online)
        if self._round_cancel is not None and step.start_round:
            self._start_round(self._round_cancel)
        if step.probe:
            self._start_probe()
        if step.enroll_saved:
            self.runner.db(saved_enrollment, on_done=self._saved_enrollment_read)
        if step.settle:
            self._settle_timer.start()
        if step.periodic and not self._periodic_timer.isActive():
            self._periodic_timer.start()
        if step.kick:
            self._start_timer.start()

    def _follow_up(self, step: Step) -> None:
        if step.ask is not None:
            self.request_round(step.ask)

    # -- a round --------------------------------------------------------------------------
    def _start_round(self, cancel: threading.Event) -> None:
        self.round_started.emit()
        self.runner.network(
            functools.partial(run_round, self.runner, cancel),
            on_done=self._round_done,
            on_error=self._round_failed,
            on_progress=lambda done, total, stage: self.round_progress.emit(stage, done, total),
        )

    def _round_done(self, outcome: RoundOutcome) -> None:
        self._round_cancel = None
        step = self.schedule.round_done(clock_note=outcome.clock_note)
        self._carry_out(step)
        report = outcome.report
        self.round_finished.emit(report)
        if report.pulled or report.conflicts or report.server_restored:
            self.bus.data_changed.emit(set(ENTITIES) | {"conflict"})
        if report.library_cards:  # cards came or were withdrawn: the «Mạng lưới» page
            self.bus.data_changed.emit({"network_card"})
        self.refresh_state()
        self._follow_up(step)

    def _round_failed(self, error: BaseException) -> None:
        self._round_cancel = None
        step = self.schedule.round_failed(sync_failure(error), now=time.monotonic())
        self._carry_out(step)
        self.round_finished.emit(error)
        self.refresh_state()
        self._follow_up(step)

    # -- reachability ---------------------------------------------------------------------
    def _start_probe(self) -> None:
        cancel = threading.Event()
        self._probe_cancel = cancel
        self.runner.network(
            functools.partial(run_health, self.runner, cancel),
            on_done=self._probe_answered,
            on_error=self._probe_failed,
        )

    def _probe_answered(self, _health: dict[str, Any]) -> None:
        self._probe_cancel = None
        step = self.schedule.probe_answered(now=time.monotonic())
        self._carry_out(step)
        self._follow_up(step)

    def _probe_failed(self, error: BaseException) -> None:
        self._probe_cancel = None
        self._carry_out(self.schedule.probe_failed(sync_failure(error)))

    # -- timers and state -----------------------------------------------------------------
    def _start_kick(self) -> None:
        self.request_round("start")

    def _periodic(self) -> None:
        self.request_round("timer")

    def _local_change(self, entities: object) -> None:
        self._carry_out(self.schedule.local_change(entities))

    def _changes_settled(self) -> None:
        self.runner.db(lambda ctx: ctx.session.pending_count(), on_done=self._pending_counted)

    def _pending_counted(self, pending: int) -> None:
        step = self.schedule.pending_counted(pending)
        self._carry_out(step)
        self._follow_up(step)

    def _state_read(self, state: Any) -> None:  # a session.sync.SyncState
        self._carry_out(self.schedule.state_read(state._asdict()))

    def _language_changed(self, _language: str) -> None:
        kept = {key: str(self.state[key]) for key in ("error", "clock_note") if self.state.get(key)}
        if kept:
            self.runner.read(functools.partial(_reworded, kept), on_done=self._reworded, owner=self)

    def _reworded(self, texts: dict[str, tuple[str, str]]) -> None:
        # Only what is still shown: a round may have ended with another error meanwhile.
        fresh = {key: new for key, (old, new) in texts.items() if self.state.get(key) == old}
        self._carry_out(self.schedule.reworded(fresh))

    def _enrolled(self, answer: dict[str, Any]) -> None:
        step = self.schedule.enrolled()
        self._carry_out(step)
        self.enrolled.emit(answer)
        self.bus.data_changed.emit(set(ENTITIES))
        self.refresh_state()
        self._follow_up(step)


def _reworded(kept: dict[str, str], _ctx: JobContext) -> dict[str, tuple[str, str]]:
    """Each kept message, and the same in the window's language now (a lane's job)."""
    from danvan_desktop.ui.sync.wording import reword

    return {key: (text, reword(text)) for key, text in kept.items()}
