"""What the engine learnt of the link (speed, uptimes, round trip) outlives the process:
it is kept in the laptop's settings, and a new engine on the same store starts from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store.settings import get_setting
from danvan_desktop.sync.engine import LINK_ESTIMATES_KEY
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import LinkDown
from support.slowlink import SlowLink
from support.sync_engines import engine_at
from sync.conftest import Province, new_laptop


class _Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _learnt_on_a_ten_second_link() -> ThroughputEstimator:
    """6,000 B/s, up 8 s at a time, one 700 ms round trip (0.63 s once smoothed)."""
    clock = _Clock()
    estimator = ThroughputEstimator(clock=clock)
    estimator.record_transfer(60_000, 10.0)
    estimator.record_transfer(200, 0.7)
    for _ in range(3):
        estimator.record_link_up()
        clock.now += 8.0
        estimator.record_link_down()
        clock.now += 2.0
    return estimator


def _enrolled(folder: Path, province: Province) -> Session:
    laptop = new_laptop(folder)
    laptop.enroll_device(server_url=province.server.url, code=province.code(), device_name="a")
    return laptop


def test_a_restarted_laptop_starts_with_the_learnt_estimates(
    province: Province, tmp_path: Path
) -> None:
    """Closed and opened again, the store gives a new engine 6,000 B/s, 8 s up, 0.63 s RTT."""
    laptop = _enrolled(tmp_path / "a", province)
    first = engine_at(laptop, province.server.url, _learnt_on_a_ten_second_link())
    first.keep_link_estimates()
    first.transport.close()
    laptop.close()
    again = Session.open(tmp_path / "a")
    second = engine_at(again, province.server.url)
    estimator = second.transport.estimator
    second.transport.close()
    again.close()
    assert (estimator.bytes_per_s, estimator.typical_uptime_s) == (6000.0, 8.0)
    assert estimator.rtt_s == pytest.approx(0.63)


def test_the_first_batch_after_a_restart_fits_the_learnt_uptime(
    province: Province, tmp_path: Path
) -> None:
    """A quarter of 8 s at 6,000 B/s (12,000 bytes), not of the 60 s first guess (90,000)."""
    laptop = _enrolled(tmp_path / "a", province)
    engine_at(laptop, province.server.url, _learnt_on_a_ten_second_link()).keep_link_estimates()
    second = engine_at(laptop, province.server.url)
    budget = second.transport.estimator.batch_budget_bytes()
    second.transport.close()
    laptop.close()
    assert budget == 12_000


def test_a_round_cut_by_a_drop_still_keeps_the_uptime_it_saw(
    province: Province, tmp_path: Path
) -> None:
    """A round that ends in LinkDown saves the uptime sample the drop gave."""
    laptop = _enrolled(tmp_path / "a", province)
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port))) as link:
        engine = engine_at(laptop, f"http://127.0.0.1:{link.port}")
        engine.sync_once()
        laptop.add_model(name="Sau khi mất sóng", field_code="new_rural", year=2026)
        link.cut()
        with pytest.raises(LinkDown):
            engine.sync_once()
        engine.transport.close()
    saved = get_setting(laptop.store.db, LINK_ESTIMATES_KEY)
    laptop.close()
    assert len(saved["uptimes_s"]) == 1


def test_bad_saved_estimates_are_ignored() -> None:
    """Unusable saved values (text, negative, infinite) leave the first guesses in place."""
    estimator = ThroughputEstimator()
    estimator.restore(
        {"bytes_per_s": "fast", "measured": True, "uptimes_s": [-1, 1e999], "rtt_s": -2}
    )
    assert estimator.snapshot() == {
        "bytes_per_s": 6000.0,
        "measured": False,
        "uptimes_s": [],
        "rtt_s": 0.6,
    }
