"""The background sync scheduler against the real server: when rounds run, back-off,
reconnection, no overlap, and the DB lane staying free while a round waits."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.sync.engine import SyncReport
from danvan_desktop.sync.transport import LinkDown
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.status_bar import StatusBar
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler, SyncTimings
from danvan_desktop.ui.sync.writer_turns import WriterTurns
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import local_time_text
from support.slowlink import SlowLink
from sync import conftest as sync_fixtures
from sync.conftest import Province

from .helpers import WAIT_MS, call, make_team_dir
from .sync_support import (
    Rounds,
    enrolled_team_dir,
    make_scheduler,
    open_store,
    restart_server,
    stop_scheduler,
)

province = sync_fixtures.province  # the real server on loopback, as in tests/sync

ROUND_WAIT = 40_000


def _add_model(runner: TaskRunner, qtbot: QtBot, bus: EventBus, name: str) -> str:
    """A model saved on the DB lane, announced on the bus as the pages do."""
    result = call(
        qtbot, runner, lambda ctx: ctx.session.add_model(name=name, field_code="new_rural")
    )
    bus.data_changed.emit({"model"})
    return str(result.record_id)


def _pending(qtbot: QtBot, runner: TaskRunner) -> int:
    return int(call(qtbot, runner, lambda ctx: ctx.session.pending_count()))


@pytest.fixture
def enrolled(tmp_path: Path, province: Province) -> Path:
    """An enrolled team folder with one model not yet sent."""
    return enrolled_team_dir(
        tmp_path / "laptop",
        province,
        fill=lambda s: s.add_model(name="Con đường hoa", field_code="new_rural"),
    )


@pytest.fixture
def revive(province: Province, tmp_path: Path) -> Iterator[Callable[[], None]]:
    """Start the killed server again on its port and data (stopped at the end)."""

    def start_again() -> None:
        province.server = restart_server(province.server, tmp_path)

    yield start_again
    province.server.stop()


@pytest.fixture
def scheduler(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, enrolled: Path
) -> Iterator[SyncScheduler]:
    """A quick scheduler over the enrolled store (stopped before the runner is)."""
    open_store(qtbot, runner, enrolled)
    made = make_scheduler(runner, bus)
    yield made
    stop_scheduler(qtbot, made)


def test_a_round_runs_at_start_when_enrolled(
    qtbot: QtBot, runner: TaskRunner, scheduler: SyncScheduler
) -> None:
    """Starting on an enrolled store syncs by itself: the queue empties."""
    rounds = Rounds(scheduler)
    scheduler.start(watch_network=False)
    outcome = rounds.wait(qtbot)
    assert isinstance(outcome, SyncReport) and outcome.rejected == 0, outcome
    assert _pending(qtbot, runner) == 0
    assert scheduler.state["online"] is True


def test_no_round_runs_on_a_laptop_never_enrolled(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Without enrollment the scheduler stays quiet (and says so in its state)."""
    open_store(qtbot, runner, make_team_dir(tmp_path / "data"))
    scheduler = make_scheduler(runner, bus)
    rounds = Rounds(scheduler)
    scheduler.start(watch_network=False)
    qtbot.waitUntil(lambda: "pending" in scheduler.state, timeout=WAIT_MS)
    qtbot.wait(300)
    assert rounds.events == []
    assert scheduler.state["enrolled"] is False
    stop_scheduler(qtbot, scheduler)


def test_local_changes_are_sent_once_they_settle(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, scheduler: SyncScheduler
) -> None:
    """A save announced on the bus leads to a round a moment later, with no click."""
    rounds = Rounds(scheduler)
    scheduler.start(watch_network=False)
    rounds.wait(qtbot)
    _add_model(runner, qtbot, bus, "Thắp sáng đường quê")
    assert _pending(qtbot, runner) == 1
    rounds.wait(qtbot, count=2)
    assert _pending(qtbot, runner) == 0


def test_rounds_never_overlap(qtbot: QtBot, runner: TaskRunner, scheduler: SyncScheduler) -> None:
    """A second request during a round waits for it, then runs once."""
    scheduler.start(watch_network=False)
    Rounds(scheduler).wait(qtbot)  # the round at start
    rounds = Rounds(scheduler)
    assert scheduler.sync_now() is True
    assert scheduler.sync_now() is False  # one is running: this one follows it
    assert scheduler.sync_now() is False
    rounds.wait(qtbot, count=2)
    qtbot.wait(300)
    kinds = [kind for kind, _outcome in rounds.events]
    assert kinds == ["started", "finished", "started", "finished"]


def test_retries_after_a_dead_link_until_the_server_is_back(
    qtbot: QtBot,
    runner: TaskRunner,
    scheduler: SyncScheduler,
    province: Province,
    revive: Callable[[], None],
) -> None:
    """Server down: rounds fail and retry with growing delays; back up on the same port:
    the scheduler gets online and sends the queue by itself."""
    province.server.kill()
    rounds = Rounds(scheduler)
    scheduler.start(watch_network=False)
    qtbot.waitUntil(lambda: len(rounds.outcomes) >= 3, timeout=ROUND_WAIT)
    assert all(isinstance(o, LinkDown) for o in rounds.outcomes[:3])
    assert scheduler.state["online"] is False
    assert scheduler.backoff.failures >= 3
    revive()
    qtbot.waitUntil(lambda: isinstance(rounds.outcomes[-1], SyncReport), timeout=ROUND_WAIT)
    assert scheduler.state["online"] is True
    assert scheduler.backoff.failures == 0
    assert _pending(qtbot, runner) == 0


def test_back_off_delays_grow_after_each_failure(
    qtbot: QtBot,
    scheduler: SyncScheduler,
    province: Province,
) -> None:
    """With the jitter at its top, the waits are base, 2×base, 4×base... up to the cap."""
    province.server.kill()
    delays: list[float] = []
    scheduler.round_finished.connect(lambda _o: delays.append(scheduler.state["retry_in_s"]))
    scheduler.start(watch_network=False)
    qtbot.waitUntil(lambda: len(delays) >= 4, timeout=ROUND_WAIT)
    assert delays[:4] == [0.2, 0.4, 0.8, 1.0]


def test_connectivity_returning_brings_a_waiting_retry_forward(
    qtbot: QtBot,
    runner: TaskRunner,
    bus: EventBus,
    enrolled: Path,
    province: Province,
    revive: Callable[[], None],
) -> None:
    """A retry due in a minute runs at once when the health request finds the server."""
    open_store(qtbot, runner, enrolled)
    slow_retries = SyncTimings(start_delay_ms=50, backoff_base_s=60.0, backoff_cap_s=60.0)
    scheduler = make_scheduler(runner, bus, timings=slow_retries)
    rounds = Rounds(scheduler)
    province.server.kill()
    scheduler.start(watch_network=False)
    rounds.wait(qtbot)
    assert scheduler.state["retry_in_s"] == 60.0
    scheduler.connectivity_hint()  # the network came back, but the server is still down
    qtbot.waitUntil(lambda: not scheduler.probing, timeout=WAIT_MS)
    assert len(rounds.outcomes) == 1 and scheduler.state["online"] is False
    revive()
    started = time.monotonic()
    scheduler.connectivity_hint()
    outcome = rounds.wait(qtbot, count=2)
    assert isinstance(outcome, SyncReport)
    assert time.monotonic() - started < 20
    assert _pending(qtbot, runner) == 0
    stop_scheduler(qtbot, scheduler)


def test_the_db_lane_keeps_working_while_a_round_waits_on_the_network(
    qtbot: QtBot,
    runner: TaskRunner,
    bus: EventBus,
    tmp_path: Path,
    province: Province,
) -> None:
    """A round stuck on a silent link does not hold the writer: a save goes through."""
    with SlowLink(upstream=("127.0.0.1", province.server.port), down_behaviour="blackhole") as link:
        folder = enrolled_team_dir(
            tmp_path / "laptop", province, server_url=f"http://127.0.0.1:{link.port}"
        )
        open_store(qtbot, runner, folder)
        scheduler = make_scheduler(runner, bus)
        rounds = Rounds(scheduler)
        link.cut()
        scheduler.start(watch_network=False)
        qtbot.waitUntil(lambda: scheduler.running, timeout=WAIT_MS)
        qtbot.wait(300)  # the round is now waiting on the silent link
        started = time.monotonic()
        _add_model(runner, qtbot, bus, "Quỹ khuyến học")
        assert time.monotonic() - started < 2.0
        assert scheduler.running and rounds.outcomes == []
        scheduler.cancel()
        assert isinstance(rounds.wait(qtbot), OperationCancelled)
        stop_scheduler(qtbot, scheduler)


def test_status_bar_follows_the_rounds(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, scheduler: SyncScheduler
) -> None:
    """Connected, nothing waiting and the last sync time after a round; «Đang đồng bộ…»
    only while one runs."""
    bar = StatusBar(runner, bus)
    qtbot.addWidget(bar)
    bar.show()
    assert bar.online.text() == "Chưa kết nối máy chủ"
    seen_syncing: list[bool] = []
    scheduler.round_started.connect(lambda: seen_syncing.append(bar.syncing.isVisible()))
    rounds = Rounds(scheduler)
    scheduler.start(watch_network=False)
    rounds.wait(qtbot)
    qtbot.waitUntil(lambda: bool(scheduler.state.get("last_sync")), timeout=WAIT_MS)
    assert seen_syncing == [True]
    assert not bar.syncing.isVisible()
    assert bar.online.text() == "Đã kết nối máy chủ"
    # Counted from the outbox after the round (debounced), not taken from the state.
    qtbot.waitUntil(lambda: bar.pending.text() == "Thay đổi chờ đồng bộ: 0", timeout=WAIT_MS)
    when = local_time_text(scheduler.state["last_sync"])
    assert bar.last_sync.text() == f"Đồng bộ lần cuối: {when}"
    assert len(when) == len("dd/mm/yyyy hh:mm")


def test_status_bar_says_when_the_server_is_lost(
    qtbot: QtBot,
    runner: TaskRunner,
    bus: EventBus,
    scheduler: SyncScheduler,
    province: Province,
) -> None:
    """A failed round turns the connection label to «Mất kết nối máy chủ»."""
    bar = StatusBar(runner, bus)
    qtbot.addWidget(bar)
    province.server.kill()
    rounds = Rounds(scheduler)
    scheduler.start(watch_network=False)
    rounds.wait(qtbot)
    assert bar.online.text() == "Mất kết nối máy chủ"
    pending = _pending(qtbot, runner)
    assert pending > 0
    qtbot.waitUntil(lambda: bar.pending.text() == f"Thay đổi chờ đồng bộ: {pending}")


def test_local_time_text_is_day_month_year_hours_minutes() -> None:
    """A stored UTC time shows in local time as dd/MM/yyyy HH:mm."""
    import datetime as dt

    moment = dt.datetime(2026, 3, 9, 7, 5, tzinfo=dt.UTC)
    expected = moment.astimezone().strftime("%d/%m/%Y %H:%M")
    assert local_time_text("2026-03-09T07:05:00+00:00") == expected
    assert local_time_text(None) == ""


def test_a_writer_turn_keeps_the_db_lane_parked_until_given_back(
    qtbot: QtBot, runner: TaskRunner, team_dir: Path
) -> None:
    """While a network-lane job holds the writer, DB-lane jobs wait; then they run."""
    open_store(qtbot, runner, team_dir)
    held, db_ran = threading.Event(), threading.Event()

    def hold_a_turn(ctx: JobContext) -> bool:
        with WriterTurns(runner, threading.Event()):
            held.set()
            ran_meanwhile = db_ran.wait(0.5)
        return ran_meanwhile

    answers: list[bool] = []
    runner.network(hold_a_turn, on_done=answers.append)
    assert held.wait(5)
    runner.db(lambda ctx: db_ran.set())
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    assert answers == [False]
    assert db_ran.wait(5)
