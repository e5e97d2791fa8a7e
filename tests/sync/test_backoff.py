"""The two numbers that pace sync: back-off delays and throughput-sized batches."""

from __future__ import annotations

import pytest

from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.throughput import ThroughputEstimator


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _backoff(unit: float, clock: FakeClock | None = None, **kwargs: float) -> Backoff:
    return Backoff(clock=clock or FakeClock(), random_unit=lambda: unit, **kwargs)


# -- back-off ---------------------------------------------------------------------------


def test_delay_ceiling_doubles_up_to_the_cap() -> None:
    """With the random source at 1.0, delays are base × 2^n, capped."""
    backoff = _backoff(1.0, base_s=2.0, cap_s=10.0)
    assert [backoff.record_failure() for _ in range(5)] == [2.0, 4.0, 8.0, 10.0, 10.0]


def test_full_jitter_scales_the_whole_ceiling() -> None:
    """The delay is random × ceiling: 0.25 of the third ceiling (8 s) is 2 s."""
    backoff = _backoff(0.25, base_s=2.0, cap_s=300.0)
    assert [backoff.record_failure() for _ in range(3)] == [0.5, 1.0, 2.0]


def test_success_resets_to_the_base_delay() -> None:
    """After reset() the next failure waits at most the base delay again."""
    backoff = _backoff(1.0, base_s=2.0, cap_s=300.0)
    for _ in range(4):
        backoff.record_failure()
    backoff.reset()
    assert (backoff.failures, backoff.record_failure()) == (0, 2.0)


def test_remaining_follows_the_clock() -> None:
    """A 4 s delay taken at t=100 has 2 s left at t=102 and none at t=105."""
    clock = FakeClock(100.0)
    backoff = _backoff(1.0, clock, base_s=4.0, cap_s=300.0)
    backoff.record_failure()
    clock.now = 102.0
    assert (backoff.remaining_s(), backoff.is_due()) == (2.0, False)
    clock.now = 105.0
    assert (backoff.remaining_s(), backoff.is_due()) == (0.0, True)


def test_retry_now_makes_it_due_but_keeps_the_exponent() -> None:
    """Connectivity returning makes the retry due now; the next failure still doubles."""
    backoff = _backoff(1.0, base_s=2.0, cap_s=300.0)
    backoff.record_failure()
    backoff.record_failure()
    backoff.retry_now()
    assert backoff.is_due()
    assert backoff.record_failure() == 8.0


def test_retry_after_is_a_floor_bounded_by_the_cap() -> None:
    """A server's Retry-After of 7 s lifts a 0 s delay to 7 s; 1000 s is cut to the cap."""
    backoff = _backoff(0.0, base_s=2.0, cap_s=300.0)
    assert backoff.record_failure(at_least_s=7.0) == 7.0
    assert backoff.record_failure(at_least_s=1000.0) == 300.0


def test_long_outage_does_not_overflow() -> None:
    """Two thousand failures in a row still give the capped delay."""
    backoff = _backoff(1.0, base_s=2.0, cap_s=300.0)
    for _ in range(2000):
        delay = backoff.record_failure()
    assert delay == 300.0


def test_fresh_backoff_is_due() -> None:
    """Before any failure there is nothing to wait for."""
    assert _backoff(0.5).remaining_s() == 0.0


def test_base_above_cap_is_refused() -> None:
    """A base delay larger than the cap is a programming error."""
    with pytest.raises(ValueError):
        Backoff(base_s=10.0, cap_s=5.0)


# -- throughput and batch size ---------------------------------------------------------


def test_initial_budget_suits_a_64_kbit_link() -> None:
    """Before any measurement: 6,000 B/s × 60 s uptime / 4 = 90,000 bytes."""
    estimator = ThroughputEstimator()
    assert (estimator.bytes_per_s, estimator.batch_budget_bytes()) == (6000.0, 90_000)


def test_first_measurement_replaces_the_guess() -> None:
    """64,000 bytes in 2 s make the estimate 32,000 B/s."""
    estimator = ThroughputEstimator()
    assert estimator.record_transfer(64_000, 2.0) is True
    assert estimator.bytes_per_s == 32_000.0


def test_later_measurements_are_smoothed() -> None:
    """A 16,000 B/s sample moves a 32,000 B/s estimate 30 % of the way: 27,200."""
    estimator = ThroughputEstimator()
    estimator.record_transfer(64_000, 2.0)
    estimator.record_transfer(32_000, 2.0)
    assert estimator.bytes_per_s == pytest.approx(27_200.0)


def test_small_transfers_are_not_samples() -> None:
    """A 2 KB request measures latency, not bandwidth: the estimate does not move."""
    estimator = ThroughputEstimator()
    assert estimator.record_transfer(2_000, 1.0) is False
    assert estimator.bytes_per_s == 6000.0


def test_samples_are_clamped_to_floor_and_ceiling() -> None:
    """100 B/s is raised to the 1,000 B/s floor; 1 GB/s is cut to the 12.5 MB/s ceiling."""
    slow, fast = ThroughputEstimator(), ThroughputEstimator()
    slow.record_transfer(10_000, 100.0)
    fast.record_transfer(1_000_000_000, 1.0)
    assert (slow.bytes_per_s, fast.bytes_per_s) == (1_000.0, 12_500_000.0)


def test_typical_uptime_is_the_median_of_observed_runs() -> None:
    """Runs of 20, 10 and 30 s between drops give a typical uptime of 20 s."""
    clock = FakeClock(0.0)
    estimator = ThroughputEstimator(clock=clock)
    for up_at, down_at in ((0.0, 20.0), (30.0, 40.0), (50.0, 80.0)):
        clock.now = up_at
        estimator.record_link_up()
        clock.now = down_at
        estimator.record_link_down()
    assert estimator.typical_uptime_s == 20.0


def test_a_long_current_run_raises_the_typical_uptime() -> None:
    """Up for 60 s now after a 10 s run: the typical uptime is at least 60 s."""
    clock = FakeClock(0.0)
    estimator = ThroughputEstimator(clock=clock)
    estimator.record_link_up()
    clock.now = 10.0
    estimator.record_link_down()
    clock.now = 100.0
    estimator.record_link_up()
    clock.now = 160.0
    assert estimator.typical_uptime_s == 60.0


def test_repeated_drops_count_one_run() -> None:
    """Failures while already down add no zero-length uptime samples."""
    clock = FakeClock(0.0)
    estimator = ThroughputEstimator(clock=clock)
    estimator.record_link_up()
    clock.now = 30.0
    for _ in range(5):
        estimator.record_link_down()
    assert estimator.typical_uptime_s == 30.0


def test_budget_is_a_quarter_of_uptime_at_measured_speed() -> None:
    """8,000 B/s with a 20 s typical uptime gives 40,000-byte batches."""
    clock = FakeClock(0.0)
    estimator = ThroughputEstimator(clock=clock)
    estimator.record_transfer(16_000, 2.0)
    estimator.record_link_up()
    clock.now = 20.0
    estimator.record_link_down()
    assert estimator.batch_budget_bytes() == 40_000


def test_budget_takes_an_explicit_uptime() -> None:
    """An uptime passed in overrides the learned one: 6,000 B/s × 40 s / 4."""
    assert ThroughputEstimator().batch_budget_bytes(40.0) == 60_000


def test_budget_stays_between_8_kib_and_4_mib() -> None:
    """A 1 s uptime still allows 8 KiB; a fast stable link is held to 4 MiB."""
    estimator = ThroughputEstimator()
    assert estimator.batch_budget_bytes(1.0) == 8 * 1024
    estimator.record_transfer(100_000_000, 10.0)
    assert estimator.batch_budget_bytes(3600.0) == 4 * 1024 * 1024
