"""Shared pieces of the GUI sync tests: enrolled team folders, a quick scheduler, rounds.

The server is the real one on loopback (``sync.conftest.province``). Timings are
made small so retries and debounced rounds happen within a test; waits are
``qtbot.waitUntil`` on state the GUI thread sees (the scheduler's signals are
emitted on the GUI thread, relayed there by the task runner).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler, SyncTimings
from danvan_desktop.ui.task_runner import TaskRunner
from support.server_process import ServerProcess
from sync.conftest import Province, new_laptop

from .helpers import WAIT_MS

FAST = SyncTimings(
    start_delay_ms=50,
    settle_ms=100,
    periodic_ms=3_600_000,
    backoff_base_s=0.2,
    backoff_cap_s=1.0,
)
ROUND_MS = 30_000


def enrolled_team_dir(
    folder: Path,
    province: Province,
    *,
    server_url: str | None = None,
    fill: Callable[[Session], None] | None = None,
) -> Path:
    """A team folder enrolled with the province (closed again); ``fill`` adds data."""
    session = new_laptop(folder)
    try:
        session.enroll_device(
            server_url=server_url or province.server.url, code=province.code(), device_name="gui"
        )
        if fill is not None:
            fill(session)
    finally:
        session.close()
    return folder


def open_store(qtbot: QtBot, runner: TaskRunner, folder: Path) -> None:
    """Open ``folder`` on the runner's DB lane and wait for it."""
    opened: list[Any] = []
    runner.open_session(folder, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)


def make_scheduler(
    runner: TaskRunner, bus: EventBus, *, timings: SyncTimings = FAST, jitter: float = 1.0
) -> SyncScheduler:
    """A scheduler with small timings and a back-off whose jitter is fixed."""
    backoff = Backoff(
        base_s=timings.backoff_base_s, cap_s=timings.backoff_cap_s, random_unit=lambda: jitter
    )
    return SyncScheduler(runner, bus, timings=timings, backoff=backoff)


class Rounds:
    """What a scheduler did, in order: ("started", None) and ("finished", outcome)."""

    def __init__(self, scheduler: SyncScheduler) -> None:
        self.events: list[tuple[str, Any]] = []
        self.progress: list[tuple[str, int, int]] = []
        scheduler.round_started.connect(lambda: self.events.append(("started", None)))
        scheduler.round_finished.connect(lambda outcome: self.events.append(("finished", outcome)))
        scheduler.round_progress.connect(lambda *args: self.progress.append(args))

    @property
    def outcomes(self) -> list[Any]:
        """Each finished round's report or exception."""
        return [outcome for kind, outcome in self.events if kind == "finished"]

    def wait(self, qtbot: QtBot, count: int = 1, timeout: int = ROUND_MS) -> Any:
        """Wait until ``count`` rounds have finished; the last one's outcome."""
        qtbot.waitUntil(lambda: len(self.outcomes) >= count, timeout=timeout)
        return self.outcomes[count - 1]


def stop_scheduler(qtbot: QtBot, scheduler: SyncScheduler) -> None:
    """Stop the scheduler and wait for a round in flight to come back."""
    scheduler.stop()
    qtbot.waitUntil(lambda: not scheduler.running, timeout=ROUND_MS)


def restart_server(server: ServerProcess, log_dir: Path) -> ServerProcess:
    """Start the server again on the same port and database (after ``kill``)."""
    command = [
        sys.executable,
        "-m",
        "danvan_server.cli",
        "--database",
        server.database_url,
        "run",
        "--host",
        "127.0.0.1",
        "--port",
        str(server.port),
        "--log-level",
        "warning",
    ]
    log_path = log_dir / f"server-{server.port}-again.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT)
    again = ServerProcess(server.database_url, server.port, process, log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{again.url}/api/v1/health", timeout=2).status_code == 200:
                return again
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    again.kill()
    raise RuntimeError(f"the server did not start again:\n{again.log()}")
