"""When background sync rounds run, and what each outcome does: the GUI scheduler's
state machine, without Qt.

ui/sync/sync_scheduler.py owns the timers, the jobs on the network lane and the
signals. It tells a ``SchedulerState`` what happened (a round asked for, a round's
outcome, a health answer, a local change, ...), with the time where it matters,
and carries out the ``Step`` it gets back: start a round or a health request,
start or stop a timer, publish ``shown``, ask for another round. The rules:

- Only one round runs at a time; one asked for meanwhile runs right after it.
- A laptop that is not enrolled runs no round by itself (the user's
  «Đồng bộ ngay» tries anyway); it enrolls with the saved address and code,
  unless the server refused that code.
- After a failure the next try waits (``Backoff``: exponential, full jitter);
  meanwhile only the retry itself, the user, or the server found again by a
  health request start a round.
- What a failure means (``failure_of``): the link is down (offline, retry), the
  server failed (online, retry no sooner than its Retry-After), this release is
  too old (online, no retry until an update), the user cancelled (nothing), a
  bug (retry), anything else (ServerRejected, ValidationError, StoreError:
  retrying would not help; the periodic timer or the user tries again once the
  cause is fixed).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.sync.backoff import DEFAULT_BASE_S, DEFAULT_CAP_S, Backoff

log = logging.getLogger(__name__)

MANUAL = "manual"  # the user's «Đồng bộ ngay»: runs whatever the back-off says
RETRY = "retry"  # the retry timer fired (or a health answer brought it forward)
AGAIN = "again"  # asked for while a round ran
RECONNECT = "reconnect"  # the server answered again and changes are waiting
CHANGES = "changes"  # local changes have settled and the outbox is not empty


class Failure(enum.Enum):
    """What a failed round, health request or enrollment means for the schedule."""

    CANCELLED = "cancelled"  # the user's «Dừng»
    TOO_OLD = "too_old"  # the server no longer speaks this release's protocol
    LINK_DOWN = "link_down"  # no answer: refused, reset, timed out, stalled
    SERVER_ERROR = "server_error"  # the server answered, but failed (5xx, 408, 429)
    REFUSED = "refused"  # the server or the store said no: retrying would not help
    UNEXPECTED = "unexpected"  # not one of our errors: a bug


@dataclass(frozen=True)
class SyncFailure:
    """A failure as the schedule sees it: its kind, the user's message, Retry-After."""

    kind: Failure
    message: str
    retry_after_s: float = 0.0


def failure_of(error: BaseException) -> SyncFailure:
    """What ``error`` (from a round, a health request or an enrollment) means."""
    if not isinstance(error, DanvanError):
        return SyncFailure(Failure.UNEXPECTED, repr(error))
    if isinstance(error, OperationCancelled):
        return SyncFailure(Failure.CANCELLED, error.message)
    # Imported here: the transport brings requests, which the window does not need to
    # start; an error from a request has loaded it already.
    from danvan_desktop.sync.transport import LinkDown, ProtocolTooOld, ServerError

    if isinstance(error, ProtocolTooOld):
        return SyncFailure(Failure.TOO_OLD, error.message)
    if isinstance(error, LinkDown):
        return SyncFailure(Failure.LINK_DOWN, error.message)
    if isinstance(error, ServerError):
        return SyncFailure(Failure.SERVER_ERROR, error.message, error.retry_after_s or 0.0)
    return SyncFailure(Failure.REFUSED, error.message)


def log_failure(
    logger: logging.Logger,
    what: str,
    error: BaseException,
    *,
    secrets: tuple[str | None, ...] = (),
) -> None:
    """Write a failure the user is shown to the application's log (``logs/gui.log``):
    what failed, the error's kind, its message and the technical detail it carries.

    ``secrets`` (an enrollment code, the token) are blanked should they appear; our
    messages name servers and files, never people. A cancelled job is no failure."""
    if isinstance(error, OperationCancelled):
        return
    cause = f"{type(error).__name__}: {error}"
    for extra in ("detail", "server_message"):
        value = getattr(error, extra, None)
        if value and str(value) not in cause:
            cause += f" ({extra}: {value})"
    for secret in secrets:
        if secret:
            cause = cause.replace(secret, "[…]")
    logger.warning("%s failed: %s", what, cause)


@dataclass(frozen=True)
class Step:
    """What the scheduler does after an event; the defaults do nothing.

    ``show`` holds the changes already made to ``SchedulerState.shown`` (publish it
    when not empty); ``ask`` is the reason of a round to ask for once the event's
    own signals have gone out.
    """

    show: Mapping[str, Any] = field(default_factory=dict)
    start_round: bool = False
    probe: bool = False  # send a health request
    enroll_saved: bool = False  # read the saved address and code, and enroll with them
    stop_retry: bool = False  # stop the retry timer
    retry_in_s: float | None = None  # start the retry timer, due in this many seconds
    settle: bool = False  # (re)start the timer that waits for local changes to settle
    kick: bool = False  # start the timer of the first round after the store opened
    periodic: bool = False  # the periodic timer should run (start it if it does not)
    ask: str | None = None

    @property
    def online(self) -> bool | None:
        """The new reachability when it changed (announce it), else None."""
        online = self.show.get("online")
        return None if online is None else bool(online)


NOTHING = Step()


class SchedulerState:
    """The sync scheduler's decisions; one instance per scheduler, used on one thread.

    ``shown`` is what the status bar and the Đồng bộ page show: the ``SyncState``
    fields (enrolled, server_url, pending, rejected, open_conflicts, last_sync,
    last_result) once read, plus syncing, online (None until known), error,
    clock_note, too_old and retry_in_s (seconds until the next try, after a failure).
    """

    def __init__(
        self,
        backoff: Backoff | None = None,
        *,
        base_s: float = DEFAULT_BASE_S,
        cap_s: float = DEFAULT_CAP_S,
    ) -> None:
        """Decide with ``backoff``, or else a back-off from ``base_s`` to ``cap_s`` seconds."""
        self.backoff = backoff or Backoff(base_s=base_s, cap_s=cap_s)
        self.shown: dict[str, Any] = {
            "enrolled": False,
            "syncing": False,
            "online": None,
            "error": None,
            "clock_note": None,
            "too_old": False,
            "retry_in_s": None,
        }
        self.started = False  # following the store, local changes and the network
        self.stopped = False  # for good (the application quits)
        self.running = False  # a round is in flight
        self.probing = False  # a health request is in flight
        self.enrolling = False  # an enrollment is in flight
        self._again = False  # a round was asked for while one ran
        self._kick_on_state = False  # the store opened: a round once its state is read
        self._retry_at: float | None = None  # when the waiting retry is due (back-off)
        self._refused_code: str | None = None  # the saved code the server turned down

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> bool:
        """Begin scheduling; False when started already or stopped (nothing to do)."""
        if self.started or self.stopped:
            return False
        self.started = True
        return True

    def stop(self) -> None:
        """Stop for good: no round, retry, health request or enrollment from now on."""
        self.stopped = True
        self._retry_at = None

    def store_opened(self) -> bool:
        """A store was opened: True when its state should be read (a round follows)."""
        if self.stopped:
            return False
        self._kick_on_state = True
        return True

    def store_closed(self) -> None:
        """The store is being closed (a restore): no retry waits for it any more."""
        self._retry_at = None

    def backing_off(self, now: float) -> bool:
        """Whether a retry after a failure is still waiting at ``now``."""
        return self._retry_at is not None and now < self._retry_at

    # -- rounds -------------------------------------------------------------------------
    def ask(self, reason: str, *, now: float, store_open: bool) -> Step:
        """A round is asked for: start it, let it follow the running one, or not."""
        if reason == RETRY:
            self._retry_at = None  # the retry is no longer waiting: it is this request
        if self.stopped or not store_open:
            return NOTHING
        manual = reason == MANUAL
        if not manual and not self.shown.get("enrolled"):
            return NOTHING
        if self.running:
            self._again = True
            return NOTHING
        if not manual and reason != RETRY and self.backing_off(now):
            return NOTHING  # the retry timer (or the server found again) decides
        self.running = True
        self._retry_at = None
        show = self._show(syncing=True, retry_in_s=None)
        return Step(show=show, start_round=True, stop_retry=True)

    def round_done(self, *, clock_note: str | None) -> Step:
        """A round succeeded: online, the back-off starts over, the errors go."""
        self.running = False
        self.backoff.reset()
        changes = self._reachable(True, syncing=False, error=None, too_old=False)
        return Step(show=self._show(**changes, clock_note=clock_note), ask=self._follow_up())

    def round_failed(self, failure: SyncFailure, *, now: float) -> Step:
        """A round failed: what ``failure`` means for reachability and the next try."""
        self.running = False
        changes: dict[str, Any] = {"syncing": False, "error": failure.message}
        retry_in_s: float | None = None
        kind = failure.kind
        if kind is Failure.TOO_OLD:
            changes = self._reachable(True, **changes)
            changes["too_old"] = True  # no retries: it keeps queuing until an update
        elif kind is Failure.LINK_DOWN:
            changes = self._reachable(False, **changes)
            retry_in_s = changes["retry_in_s"] = self._retry_delay(now, 0.0)
        elif kind is Failure.SERVER_ERROR:
            changes = self._reachable(True, **changes)
            retry_in_s = changes["retry_in_s"] = self._retry_delay(now, failure.retry_after_s)
        elif kind is Failure.UNEXPECTED:
            log.error("sync round failed unexpectedly: %s", failure.message)
            retry_in_s = changes["retry_in_s"] = self._retry_delay(now, 0.0)
        # CANCELLED: the user's choice, no back-off and no change of reachability.
        # REFUSED: the periodic timer or the user tries again after the cause is fixed.
        return Step(
            show=self._show(**changes),
            retry_in_s=None if self.stopped else retry_in_s,
            ask=self._follow_up(),
        )

    def _retry_delay(self, now: float, at_least_s: float) -> float:
        delay_s = self.backoff.record_failure(at_least_s=at_least_s)
        if not self.stopped:
            self._retry_at = now + delay_s
        return delay_s

    def _follow_up(self) -> str | None:
        if self._again and not self.stopped:
            self._again = False
            return AGAIN
        return None

    # -- reachability -------------------------------------------------------------------
    def connectivity_hint(self, *, store_open: bool) -> Step:
        """The network changed (only a hint): ask the server's health, or enroll."""
        if self.stopped or self.probing or self.running:
            return NOTHING
        if not self.shown.get("enrolled") and store_open:
            return self.enroll_with_saved_code()
        if not store_open:
            return NOTHING
        self.probing = True
        return Step(probe=True)

    def probe_answered(self, *, now: float) -> Step:
        """The server answered: online; a waiting retry runs now, or waiting changes go."""
        self.probing = False
        show = self._show(**self._reachable(True))
        if self.backing_off(now):
            self.backoff.retry_now()
            self._retry_at = None
            return Step(show=show, stop_retry=True, ask=RETRY)
        return Step(show=show, ask=RECONNECT if self.shown.get("pending") else None)

    def probe_failed(self, failure: SyncFailure) -> Step:
        """The health request failed: offline when the link is down."""
        self.probing = False
        if failure.kind is not Failure.LINK_DOWN:
            return NOTHING
        return Step(show=self._show(**self._reachable(False)))

    def _reachable(self, online: bool, **changes: Any) -> dict[str, Any]:
        """``changes``, with ``online`` first when it differs from what is shown."""
        if self.shown.get("online") != online:
            return {"online": online, **changes}
        return changes

    # -- enrollment ---------------------------------------------------------------------
    def enroll_with_saved_code(self) -> Step:
        """Enroll with the saved address and code, unless one is running or we stopped."""
        if self.enrolling or self.stopped:
            return NOTHING
        return Step(enroll_saved=True)

    def saved_code_read(self, code: str) -> bool:
        """A server address and ``code`` were saved: whether to enroll with them."""
        if self.enrolling or self.stopped or self.shown.get("enrolled"):
            return False
        return code != self._refused_code

    def enroll_started(self) -> None:
        """An enrollment began (asked for, or with the saved code)."""
        self.enrolling = True

    def enrolled(self) -> Step:
        """Enrollment succeeded: a round follows at once to pull the team's data."""
        self.enrolling = False
        return Step(show=self._show(enrolled=True, error=None), ask=MANUAL)

    def enroll_failed(self, code: str, failure: SyncFailure) -> Step:
        """Enrollment with ``code`` failed: offline (the network coming back tries the code
        again), try later (the server failed, the user cancelled), or never this code."""
        self.enrolling = False
        if failure.kind is Failure.LINK_DOWN:
            return Step(show=self._show(**self._reachable(False)))
        if failure.kind not in (Failure.SERVER_ERROR, Failure.CANCELLED):
            self._refused_code = code
        return NOTHING

    # -- the store and local changes ----------------------------------------------------
    def local_change(self, entities: object) -> Step:
        """Records changed here: wait for the changes to settle, or enroll with a code
        just saved in Cài đặt (``entities`` holds "settings")."""
        if self.shown.get("enrolled") and not self.stopped:
            return Step(settle=True)
        if self.started and isinstance(entities, set) and "settings" in entities:
            return self.enroll_with_saved_code()
        return NOTHING

    def pending_counted(self, pending: int) -> Step:
        """The outbox was counted once local changes settled: a round when not empty."""
        return Step(show=self._show(pending=pending), ask=CHANGES if pending else None)

    def state_read(self, state: Mapping[str, Any]) -> Step:
        """The store's sync state was read (``SyncState._asdict()``): show it; then enroll,
        or keep the periodic timer running and kick the first round after an open."""
        show = self._show(**state)
        if not self.started or self.stopped:
            return Step(show=show)
        if not state.get("enrolled"):
            return Step(show=show, enroll_saved=not self.enrolling)
        kick, self._kick_on_state = self._kick_on_state, False
        return Step(show=show, periodic=True, kick=kick)

    def reworded(self, texts: Mapping[str, str]) -> Step:
        """Messages shown (error, clock_note) worded again in the window's new language."""
        return Step(show=self._show(**texts)) if texts else NOTHING

    def _show(self, **changes: Any) -> dict[str, Any]:
        self.shown.update(changes)
        return changes
