"""The background sync scheduler's decisions, without a window: when a round is due,
what each outcome does to the state and the back-off, health requests, enrollment."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import FieldProblem, OperationCancelled, ValidationError
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.scheduler_state import (
    NOTHING,
    Failure,
    SchedulerState,
    Step,
    SyncFailure,
    failure_of,
)
from danvan_desktop.sync.transport import (
    LinkDown,
    ProtocolTooOld,
    ServerError,
    ServerRejected,
    ServerUnreachable,
)

LINK_DOWN = SyncFailure(Failure.LINK_DOWN, "Mất kết nối")
REFUSED = SyncFailure(Failure.REFUSED, "Mã đăng ký không đúng")
STARTED = Step(show={"syncing": True, "retry_in_s": None}, start_round=True, stop_retry=True)


def _schedule(*, enrolled: bool = True, pending: int = 0) -> SchedulerState:
    """A started schedule whose store state has been read; jitter at its top (delays are
    5, 10, 20, 40 s, then the 40 s cap)."""
    schedule = SchedulerState(Backoff(base_s=5.0, cap_s=40.0, random_unit=lambda: 1.0))
    schedule.start()
    schedule.state_read({"enrolled": enrolled, "pending": pending})
    return schedule


def _failed_round(schedule: SchedulerState, failure: SyncFailure, now: float) -> Step:
    """A round (the retry of the last failure, if any) that ends with ``failure``."""
    assert schedule.ask("retry", now=now, store_open=True).start_round
    return schedule.round_failed(failure, now=now)


# -- when a round is due -------------------------------------------------------------


def test_a_round_asked_for_on_an_enrolled_laptop_starts() -> None:
    """The round starts, shown as syncing with no retry waiting."""
    assert _schedule().ask("changes", now=0.0, store_open=True) == STARTED


def test_no_round_by_itself_before_enrollment() -> None:
    """The timers ask in vain on a laptop not enrolled."""
    assert _schedule(enrolled=False).ask("timer", now=0.0, store_open=True) == NOTHING


def test_the_user_asks_for_a_round_before_enrollment() -> None:
    """«Đồng bộ ngay» tries even before enrollment (and says why it failed)."""
    assert _schedule(enrolled=False).ask("manual", now=0.0, store_open=True) == STARTED


def test_no_round_without_an_open_store() -> None:
    """A store being restored runs nothing."""
    assert _schedule().ask("manual", now=0.0, store_open=False) == NOTHING


def test_a_round_asked_for_during_one_waits_for_it() -> None:
    """A second request while a round runs does not start a round."""
    schedule = _schedule()
    schedule.ask("manual", now=0.0, store_open=True)
    assert schedule.ask("manual", now=0.0, store_open=True) == NOTHING


def test_a_round_asked_for_during_one_follows_it() -> None:
    """The round that ends asks for one more, once."""
    schedule = _schedule()
    schedule.ask("manual", now=0.0, store_open=True)
    schedule.ask("changes", now=0.0, store_open=True)
    schedule.ask("timer", now=0.0, store_open=True)
    assert schedule.round_done(clock_note=None).ask == "again"
    assert schedule.ask("again", now=0.0, store_open=True).start_round
    assert schedule.round_done(clock_note=None).ask is None


def test_a_stopped_schedule_runs_nothing() -> None:
    """After stop, not even the user's request starts a round."""
    schedule = _schedule()
    schedule.stop()
    assert schedule.ask("manual", now=0.0, store_open=True) == NOTHING


# -- outcomes ------------------------------------------------------------------------


def test_a_successful_round_is_online_without_errors() -> None:
    """Online (newly), not syncing, no error, not too old, the clock note shown."""
    schedule = _schedule()
    schedule.ask("manual", now=0.0, store_open=True)
    step = schedule.round_done(clock_note="Đồng hồ lệch 9 phút")
    assert step.show == {
        "online": True,
        "syncing": False,
        "error": None,
        "too_old": False,
        "clock_note": "Đồng hồ lệch 9 phút",
    }
    assert step.online is True


def test_reachability_is_announced_only_when_it_changes() -> None:
    """A second good round leaves ``online`` out: nothing to announce."""
    schedule = _schedule()
    for _ in range(2):
        schedule.ask("manual", now=0.0, store_open=True)
        step = schedule.round_done(clock_note=None)
    assert step.online is None
    assert "online" not in step.show


def test_a_dead_link_goes_offline_and_retries_after_the_base_delay() -> None:
    """LinkDown: offline, the error shown, the retry timer due in 5 s."""
    step = _failed_round(_schedule(), LINK_DOWN, now=100.0)
    assert step == Step(
        show={"online": False, "syncing": False, "error": "Mất kết nối", "retry_in_s": 5.0},
        retry_in_s=5.0,
    )


def test_retry_delays_double_up_to_the_cap() -> None:
    """5, 10, 20, 40, then 40 s again."""
    schedule = _schedule()
    delays = [_failed_round(schedule, LINK_DOWN, now=0.0).retry_in_s for _ in range(5)]
    assert delays == [5.0, 10.0, 20.0, 40.0, 40.0]


def test_a_success_starts_the_back_off_over() -> None:
    """After a good round the next failure waits the base delay again."""
    schedule = _schedule()
    for _ in range(3):
        _failed_round(schedule, LINK_DOWN, now=0.0)
    schedule.ask("manual", now=0.0, store_open=True)
    schedule.round_done(clock_note=None)
    assert _failed_round(schedule, LINK_DOWN, now=0.0).retry_in_s == 5.0


def test_a_server_error_waits_at_least_its_retry_after() -> None:
    """ServerError with Retry-After 30 s: online, the retry in 30 s, not 5."""
    failure = SyncFailure(Failure.SERVER_ERROR, "Máy chủ gặp sự cố", retry_after_s=30.0)
    step = _failed_round(_schedule(), failure, now=0.0)
    assert step.online is True
    assert step.retry_in_s == 30.0


def test_a_release_too_old_is_shown_and_not_retried() -> None:
    """ProtocolTooOld: online, too_old shown, no retry timer."""
    failure = SyncFailure(Failure.TOO_OLD, "Hãy cập nhật")
    step = _failed_round(_schedule(), failure, now=0.0)
    assert step == Step(
        show={"online": True, "syncing": False, "error": "Hãy cập nhật", "too_old": True}
    )


def test_a_cancelled_round_changes_neither_reachability_nor_back_off() -> None:
    """The user's «Dừng»: only the message; no retry, the failures count unchanged."""
    schedule = _schedule()
    step = _failed_round(schedule, SyncFailure(Failure.CANCELLED, "Đã dừng"), now=0.0)
    assert step == Step(show={"syncing": False, "error": "Đã dừng"})
    assert schedule.backoff.failures == 0


def test_a_refused_round_is_not_retried() -> None:
    """ServerRejected, ValidationError: retrying would not help."""
    step = _failed_round(_schedule(), REFUSED, now=0.0)
    assert step == Step(show={"syncing": False, "error": "Mã đăng ký không đúng"})


def test_an_unexpected_error_is_retried() -> None:
    """A bug is logged and retried with back-off; reachability is unknown from it."""
    step = _failed_round(_schedule(), SyncFailure(Failure.UNEXPECTED, "KeyError('x')"), now=0.0)
    assert step.retry_in_s == 5.0
    assert step.online is None


def test_a_failure_after_stop_starts_no_retry_timer() -> None:
    """The delay is still shown, but no timer runs for a stopped scheduler."""
    schedule = _schedule()
    schedule.ask("manual", now=0.0, store_open=True)
    schedule.stop()
    step = schedule.round_failed(LINK_DOWN, now=0.0)
    assert step.show["retry_in_s"] == 5.0
    assert step.retry_in_s is None


# -- backing off ---------------------------------------------------------------------


def test_rounds_wait_while_backing_off() -> None:
    """A timer's request 4 s into a 5 s back-off is refused."""
    schedule = _schedule()
    _failed_round(schedule, LINK_DOWN, now=100.0)
    assert schedule.ask("timer", now=104.0, store_open=True) == NOTHING


def test_rounds_run_again_once_the_delay_has_passed() -> None:
    """At 5 s the back-off is over."""
    schedule = _schedule()
    _failed_round(schedule, LINK_DOWN, now=100.0)
    assert schedule.ask("timer", now=105.0, store_open=True) == STARTED


def test_the_retry_runs_even_if_its_timer_fired_early() -> None:
    """The retry timer's own request runs at once (a coarse timer may fire early)."""
    schedule = _schedule()
    _failed_round(schedule, LINK_DOWN, now=100.0)
    assert schedule.ask("retry", now=104.9, store_open=True) == STARTED


def test_the_user_does_not_wait_for_the_back_off() -> None:
    """«Đồng bộ ngay» 1 s into the back-off starts a round."""
    schedule = _schedule()
    _failed_round(schedule, LINK_DOWN, now=100.0)
    assert schedule.ask("manual", now=101.0, store_open=True) == STARTED


def test_closing_the_store_forgets_the_waiting_retry() -> None:
    """After a restore, the reopened store's first round does not wait for an old retry."""
    schedule = _schedule()
    _failed_round(schedule, LINK_DOWN, now=100.0)
    schedule.store_closed()
    assert not schedule.backing_off(101.0)


# -- health requests -----------------------------------------------------------------


def test_a_network_hint_sends_a_health_request() -> None:
    """The hint is only a hint: the health request decides."""
    assert _schedule().connectivity_hint(store_open=True) == Step(probe=True)


def test_one_health_request_at_a_time() -> None:
    """A second hint while the request is out does nothing."""
    schedule = _schedule()
    schedule.connectivity_hint(store_open=True)
    assert schedule.connectivity_hint(store_open=True) == NOTHING


def test_no_health_request_during_a_round() -> None:
    """The round itself tells whether the server is there."""
    schedule = _schedule()
    schedule.ask("manual", now=0.0, store_open=True)
    assert schedule.connectivity_hint(store_open=True) == NOTHING


def test_the_server_found_again_brings_a_waiting_retry_forward() -> None:
    """Online again 1 s into a 5 s back-off: the retry timer stops, the retry runs now."""
    schedule = _schedule()
    _failed_round(schedule, LINK_DOWN, now=100.0)
    schedule.connectivity_hint(store_open=True)
    step = schedule.probe_answered(now=101.0)
    assert step == Step(show={"online": True}, stop_retry=True, ask="retry")


def test_the_server_found_again_sends_waiting_changes() -> None:
    """No retry waiting but 3 changes queued: a round to send them."""
    schedule = _schedule(pending=3)
    schedule.connectivity_hint(store_open=True)
    assert schedule.probe_answered(now=0.0).ask == "reconnect"


def test_the_server_found_again_with_nothing_to_send_asks_for_nothing() -> None:
    """An empty queue and no retry: only the reachability changes."""
    schedule = _schedule()
    schedule.connectivity_hint(store_open=True)
    assert schedule.probe_answered(now=0.0) == Step(show={"online": True})


def test_a_health_request_on_a_dead_link_goes_offline() -> None:
    """LinkDown from the health request: offline."""
    schedule = _schedule()
    schedule.connectivity_hint(store_open=True)
    assert schedule.probe_failed(LINK_DOWN) == Step(show={"online": False})


def test_a_health_request_refused_says_nothing_of_reachability() -> None:
    """Another failure of the health request changes nothing."""
    schedule = _schedule()
    schedule.connectivity_hint(store_open=True)
    assert schedule.probe_failed(REFUSED) == NOTHING


# -- enrollment ----------------------------------------------------------------------


def test_a_network_hint_enrolls_a_laptop_not_yet_enrolled() -> None:
    """Not enrolled: the hint tries the saved address and code instead of a health request."""
    assert _schedule(enrolled=False).connectivity_hint(store_open=True) == Step(enroll_saved=True)


def test_the_saved_code_is_used_when_not_enrolled() -> None:
    """A saved code nobody refused is tried."""
    assert _schedule(enrolled=False).saved_code_read("ABCD-1234")


def test_a_code_the_server_refused_is_not_tried_again() -> None:
    """After a refusal the same saved code is left alone; a new one is tried."""
    schedule = _schedule(enrolled=False)
    schedule.enroll_started()
    schedule.enroll_failed("ABCD-1234", REFUSED)
    assert not schedule.saved_code_read("ABCD-1234")
    assert schedule.saved_code_read("WXYZ-9876")


def test_a_code_that_met_a_dead_link_is_tried_again() -> None:
    """LinkDown while enrolling: offline, and the code is tried when the network is back."""
    schedule = _schedule(enrolled=False)
    schedule.enroll_started()
    assert schedule.enroll_failed("ABCD-1234", LINK_DOWN) == Step(show={"online": False})
    assert schedule.saved_code_read("ABCD-1234")


def test_no_second_enrollment_while_one_runs() -> None:
    """The saved code is not read again while an enrollment is out."""
    schedule = _schedule(enrolled=False)
    schedule.enroll_started()
    assert schedule.enroll_with_saved_code() == NOTHING


def test_enrollment_is_followed_by_a_round_at_once() -> None:
    """Enrolled: shown, the error cleared, a round asked for as the user would."""
    schedule = _schedule(enrolled=False)
    schedule.enroll_started()
    assert schedule.enrolled() == Step(show={"enrolled": True, "error": None}, ask="manual")


# -- the store and local changes -----------------------------------------------------


def test_the_first_state_read_after_opening_kicks_a_round() -> None:
    """Opened and enrolled: the periodic timer runs and the first round's timer starts."""
    schedule = SchedulerState(Backoff(base_s=5.0, cap_s=40.0))
    schedule.start()
    assert schedule.store_opened()
    step = schedule.state_read({"enrolled": True, "pending": 2})
    assert step == Step(show={"enrolled": True, "pending": 2}, periodic=True, kick=True)


def test_later_state_reads_kick_nothing() -> None:
    """Only the read right after opening starts the first round's timer."""
    schedule = _schedule()
    schedule.store_opened()
    schedule.state_read({"enrolled": True})
    assert not schedule.state_read({"enrolled": True}).kick


def test_a_state_read_on_a_laptop_not_enrolled_enrolls_with_the_saved_code() -> None:
    """Not enrolled: no timers, the saved address and code are read."""
    schedule = SchedulerState()
    schedule.start()
    step = schedule.state_read({"enrolled": False})
    assert step == Step(show={"enrolled": False}, enroll_saved=True)


def test_local_changes_wait_to_settle_when_enrolled() -> None:
    """A save restarts the settle timer."""
    assert _schedule().local_change({"model"}) == Step(settle=True)


def test_saved_settings_enroll_a_laptop_not_yet_enrolled() -> None:
    """A server address and code saved in Cài đặt: enroll with them."""
    assert _schedule(enrolled=False).local_change({"settings"}) == Step(enroll_saved=True)


def test_other_changes_on_a_laptop_not_enrolled_do_nothing() -> None:
    """Without enrollment a saved model asks for nothing."""
    assert _schedule(enrolled=False).local_change({"model"}) == NOTHING


def test_settled_changes_ask_for_a_round() -> None:
    """Two operations waiting: shown, and a round asked for."""
    assert _schedule().pending_counted(2) == Step(show={"pending": 2}, ask="changes")


def test_an_empty_outbox_asks_for_no_round() -> None:
    """Nothing waiting: only the count is shown."""
    assert _schedule().pending_counted(0) == Step(show={"pending": 0})


# -- what an error means -------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (LinkDown("reset", "Mất kết nối"), Failure.LINK_DOWN),
        (ServerUnreachable("refused", "Mất kết nối"), Failure.LINK_DOWN),
        (ProtocolTooOld("Mất kết nối"), Failure.TOO_OLD),
        (ServerRejected(400, "Mất kết nối"), Failure.REFUSED),
        (ValidationError([FieldProblem("server_url", "Mất kết nối")]), Failure.REFUSED),
        (OperationCancelled("Mất kết nối"), Failure.CANCELLED),
    ],
    ids=["link-down", "unreachable", "too-old", "rejected", "invalid", "cancelled"],
)
def test_errors_are_sorted_by_what_they_mean(error: Exception, kind: Failure) -> None:
    """Each of our errors keeps its message and gets its kind."""
    assert failure_of(error) == SyncFailure(kind, "Mất kết nối")


def test_a_server_error_carries_its_retry_after() -> None:
    """ServerError's Retry-After goes with the failure."""
    error = ServerError(503, "busy", retry_after_s=30.0)
    assert failure_of(error) == SyncFailure(Failure.SERVER_ERROR, error.message, 30.0)


def test_a_server_error_without_retry_after_waits_no_minimum() -> None:
    """No Retry-After: the back-off alone decides."""
    assert failure_of(ServerError(500, "oops")).retry_after_s == 0.0


def test_an_error_not_of_ours_is_unexpected() -> None:
    """A bug: its repr is the message."""
    assert failure_of(KeyError("x")) == SyncFailure(Failure.UNEXPECTED, "KeyError('x')")
