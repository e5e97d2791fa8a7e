"""The task runner: work on lanes, answers on the GUI thread, errors, progress, cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from danvan_desktop.core.errors import OperationCancelled, StoreError, ValidationError
from danvan_desktop.ui.task_runner import JobContext, TaskRunner

from .helpers import WAIT_MS, call


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    """The job runs on another thread; its callback runs on the GUI thread."""
    seen: dict[str, Any] = {}

    def job(ctx: JobContext) -> str:
        seen["job_thread"] = threading.get_ident()
        return "xong"

    def done(value: str) -> None:
        seen["value"] = value
        seen["callback_thread"] = threading.get_ident()

    runner.db(job, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=WAIT_MS)
    assert seen["value"] == "xong"
    assert seen["job_thread"] != threading.get_ident()
    assert seen["callback_thread"] == threading.get_ident()
    assert QThread.currentThread() is qtbot_app_thread()


def qtbot_app_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_error_goes_to_on_error(qtbot: QtBot, runner: TaskRunner) -> None:
    """An exception in the job reaches on_error with its message."""

    def job(ctx: JobContext) -> None:
        raise ValidationError([])

    with pytest.raises(ValidationError):
        call(qtbot, runner, job)


def test_unhandled_error_is_announced(qtbot: QtBot, runner: TaskRunner) -> None:
    """Without on_error, the runner's failed signal carries the error."""
    with qtbot.waitSignal(runner.failed, timeout=WAIT_MS) as signal:
        runner.db(lambda ctx: 1 / 0)
    assert isinstance(signal.args[0], ZeroDivisionError)


def test_progress_reports_reach_the_gui(qtbot: QtBot, runner: TaskRunner) -> None:
    """Progress from the job arrives as (done, total, text)."""
    reports: list[tuple[int, int, str]] = []
    finished: list[bool] = []

    def job(ctx: JobContext) -> None:
        for i in range(3):
            ctx.progress(i, 3, f"bước {i}")

    runner.db(
        job,
        on_progress=lambda d, t, s: reports.append((d, t, s)),
        on_done=lambda _v: finished.append(True),
    )
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)
    assert reports == [(0, 3, "bước 0"), (1, 3, "bước 1"), (2, 3, "bước 2")]


def test_cancel_stops_a_long_job(qtbot: QtBot, runner: TaskRunner) -> None:
    """A cancelled job stops at its next check and reports nothing."""
    started = threading.Event()
    steps: list[int] = []

    def job(ctx: JobContext) -> None:
        started.set()
        for i in range(1000):
            ctx.check_cancelled()
            steps.append(i)
            ctx.cancelled.wait(0.01)

    task = runner.db(job, on_done=lambda _v: steps.append(-1))
    assert started.wait(5)
    task.cancel()
    call(qtbot, runner, lambda ctx: None)  # the lane is free again
    assert -1 not in steps and len(steps) < 1000
    assert task.finished


def test_cancelled_before_start_never_runs(qtbot: QtBot, runner: TaskRunner) -> None:
    """A job cancelled while queued is skipped."""
    gate = threading.Event()
    ran: list[str] = []
    runner.db(lambda ctx: gate.wait(5))
    task = runner.db(lambda ctx: ran.append("ran"))
    task.cancel()
    gate.set()
    call(qtbot, runner, lambda ctx: None)
    assert ran == []


def test_callback_of_a_deleted_owner_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """When the widget that asked is gone, its callback is not called."""
    gate = threading.Event()
    called: list[str] = []
    owner = QWidget()
    runner.db(lambda ctx: gate.wait(5), on_done=lambda _v: called.append("late"), owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=WAIT_MS)
    gate.set()
    call(qtbot, runner, lambda ctx: None)
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_no_session_is_a_clear_error(qtbot: QtBot, runner: TaskRunner) -> None:
    """Asking for the session before one is open gives a StoreError in Vietnamese."""
    with pytest.raises(StoreError, match="Dữ liệu chưa được mở"):
        call(qtbot, runner, lambda ctx: ctx.session)


def test_session_lives_on_the_db_lane(qtbot: QtBot, runner: TaskRunner, team_dir: Path) -> None:
    """Opening, using and closing the session happen on the DB lane's thread."""
    threads: dict[str, int] = {}
    opened: list[Any] = []
    runner.open_session(team_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    threads["db"] = call(qtbot, runner, lambda ctx: threading.get_ident())
    assert threads["db"] != threading.get_ident()
    assert call(qtbot, runner, lambda ctx: ctx.session.is_initialised) is True
    closed: list[Any] = []
    runner.close_session(on_done=closed.append)
    qtbot.waitUntil(lambda: bool(closed), timeout=WAIT_MS)
    assert not (team_dir / "danvan.open").exists()


def test_read_lane_has_its_own_reader(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """The read lane reads through a read-only connection, not the writer."""

    def probe(ctx: JobContext) -> tuple[bool, int]:
        return ctx.reader is not ctx.session.store.db, ctx.session.model_count(
            __import__("danvan_desktop.store.lists", fromlist=["ModelFilter"]).ModelFilter(),
            db=ctx.reader,
        )

    separate, count = call(qtbot, open_runner, probe, "read")
    assert separate and count == 0


def test_writes_are_refused_on_the_reader(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """The reader cannot write: only the DB lane writes."""
    import sqlite3

    with pytest.raises(sqlite3.OperationalError):
        call(
            qtbot,
            open_runner,
            lambda ctx: ctx.reader.execute("DELETE FROM model"),
            "read",
        )


def test_operation_cancelled_without_handler_is_quiet(qtbot: QtBot, runner: TaskRunner) -> None:
    """A cancellation is not reported as an error to the user."""
    reported: list[object] = []
    runner.failed.connect(reported.append)

    def job(ctx: JobContext) -> None:
        raise OperationCancelled("dừng")

    runner.db(job)
    call(qtbot, runner, lambda ctx: None)
    assert reported == []


def test_work_after_shutdown_is_dropped(qtbot: QtBot) -> None:
    """A timer firing while the app quits gets a cancelled task, not an exception."""
    runner = TaskRunner()
    runner.shutdown()
    ran: list[str] = []
    task = runner.db(lambda ctx: ran.append("ran"))
    assert task.finished and ran == []
