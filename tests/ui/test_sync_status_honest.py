"""What the window says about sync is true: never-connected is not «lost», the queue is the
outbox's count now, and the last sync says when a reply bundle brought it."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.status_bar import REFRESH_DELAY_MS, StatusBar
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import local_time_text

from .helpers import WAIT_MS, call, make_team_dir, wait_idle
from .sync_support import ROUND_MS, make_scheduler, open_store, stop_scheduler


def _closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def _saved_server(url: str, code: str) -> Any:
    def fill(session: Session) -> None:
        session.change_setting("server_url", url)
        session.change_setting("enrollment_code", code)

    return fill


def _add_models(qtbot: QtBot, runner: TaskRunner, bus: EventBus, count: int) -> None:
    for i in range(count):
        call(
            qtbot,
            runner,
            lambda ctx, i=i: ctx.session.add_model(name=f"Mô hình {i}", field_code="other"),
        )
        bus.data_changed.emit({"model"})


def _bar(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> StatusBar:
    bar = StatusBar(runner, bus)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitUntil(lambda: bar.pending_count is not None, timeout=WAIT_MS)
    return bar


def test_a_laptop_never_enrolled_is_not_connected_yet_after_a_failed_try(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Enrolling with the saved code finds no server: «Chưa kết nối», not «Mất kết nối»."""
    folder = make_team_dir(tmp_path / "laptop", _saved_server(_closed_port(), "MA-0001"))
    open_store(qtbot, runner, folder)
    bar = _bar(qtbot, runner, bus)
    reachability: list[bool] = []
    bus.online_changed.connect(reachability.append)
    scheduler = make_scheduler(runner, bus)
    scheduler.start(watch_network=False)
    qtbot.waitUntil(lambda: reachability == [False], timeout=ROUND_MS)
    assert bar.online.text() == "Chưa kết nối máy chủ"
    stop_scheduler(qtbot, scheduler)


def test_the_sync_page_says_not_connected_yet_too(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """The page's status line agrees with the status bar for a laptop never enrolled."""
    folder = make_team_dir(tmp_path / "laptop", _saved_server(_closed_port(), "MA-0001"))
    open_store(qtbot, runner, folder)
    scheduler = make_scheduler(runner, bus)
    page = SyncPage(runner, bus, scheduler)
    qtbot.addWidget(page)
    reachability: list[bool] = []
    bus.online_changed.connect(reachability.append)
    scheduler.start(watch_network=False)
    qtbot.waitUntil(lambda: reachability == [False], timeout=ROUND_MS)
    assert page.status_line.text().startswith("Chưa kết nối máy chủ. ")
    stop_scheduler(qtbot, scheduler)


def test_the_pending_count_stays_the_outboxs_when_an_older_state_is_published(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Records saved after the scheduler read its state still count when it publishes it
    again (as it does for a window rebuilt in another language)."""
    open_store(qtbot, runner, make_team_dir(tmp_path / "laptop"))
    scheduler = make_scheduler(runner, bus)
    scheduler.refresh_state()
    qtbot.waitUntil(lambda: "pending" in scheduler.state, timeout=WAIT_MS)
    before = int(scheduler.state["pending"])
    bar = _bar(qtbot, runner, bus)
    _add_models(qtbot, runner, bus, 2)
    qtbot.waitUntil(lambda: bar.pending_count == before + 2, timeout=WAIT_MS)
    scheduler.republish()
    qtbot.wait(REFRESH_DELAY_MS * 2)
    wait_idle(qtbot, runner)
    assert bar.pending.text() == f"Thay đổi chờ đồng bộ: {before + 2}"


def test_the_sync_page_queue_stays_the_outboxs_when_an_older_state_is_published(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """The Đồng bộ page's «Thay đổi chờ gửi» is not set back by an older sync state."""
    open_store(qtbot, runner, make_team_dir(tmp_path / "laptop"))
    scheduler = make_scheduler(runner, bus)
    page = SyncPage(runner, bus, scheduler)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.data) and "pending" in scheduler.state, timeout=WAIT_MS)
    before = int(scheduler.state["pending"])
    _add_models(qtbot, runner, bus, 2)
    expected = f"Thay đổi chờ gửi: {before + 2}."
    qtbot.waitUntil(lambda: expected in page.status_line.text(), timeout=WAIT_MS)
    scheduler.republish()
    assert expected in page.status_line.text()


def test_the_last_sync_by_reply_bundle_says_by_usb(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A reply bundle imported is the last sync, shown «qua USB» in the status bar."""
    when = "2026-12-06T07:20:00+00:00"

    def imported_reply(session: Session) -> None:
        with session.store.db.atomic():
            session.store.db.execute(
                "INSERT INTO sync_log (started_at, finished_at, direction, result) "
                "VALUES (?, ?, 'usb-in', 'ok')",
                [when, when],
            )

    open_store(qtbot, runner, make_team_dir(tmp_path / "laptop", imported_reply))
    bar = _bar(qtbot, runner, bus)
    scheduler = make_scheduler(runner, bus)
    scheduler.refresh_state()
    expected = f"Đồng bộ lần cuối: {local_time_text(when)} qua USB"
    qtbot.waitUntil(lambda: bar.last_sync.text() == expected, timeout=WAIT_MS)
