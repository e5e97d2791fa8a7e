"""One task runner for background work, so the GUI thread never waits on disk or network.

Four lanes, each one ``QThread`` working through its own queue in order:

- ``db``: owns the writer ``Session`` (opened, used and closed on that thread);
  every call that writes, and every read that needs the writer, runs here.
- ``read``: list views, search and the overview read through a read-only
  connection of their own (``JobContext.reader``), so scrolling and typing stay
  quick while the writer is busy with a backup or a long save. The first page of
  a list reads through ``JobContext.plain_reader`` (the same connection without
  sqlite-utils, whose import would hold up the first paint: Session.plain_reader).
- ``network``: HTTP (sync, later); a slow server never holds up the store.
- ``backup``: the automatic backup, through a read-only connection of its own, so a
  backup of a city's store (tens of seconds) holds up neither the pages nor the writer.

A job is a function of a ``JobContext``. Its result, its error and its progress
come back to the GUI thread only through the lanes' signals, delivered to the
runner (a GUI-thread object) which calls the callbacks given at submission.
Worker code never touches a widget. A callback whose ``owner`` widget has been
deleted meanwhile is dropped. Long jobs check ``ctx.check_cancelled()`` between
steps; ``Task.cancel()`` sets their ``threading.Event``.
"""

from __future__ import annotations

import itertools
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

from danvan_desktop.core.errors import DanvanError, OperationCancelled, StoreError
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.session import Session
    from danvan_desktop.session.base import PlainReader

log = logging.getLogger(__name__)

DB = "db"
READ = "read"
NETWORK = "network"
BACKUP = "backup"
LANES = (DB, READ, NETWORK, BACKUP)


class _Job(NamedTuple):
    id: int
    fn: Callable[[JobContext], Any]
    cancel: threading.Event


class _Callbacks(NamedTuple):
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    owner: QObject | None


class JobContext:
    """What a job's function receives: the session, a reader, progress and cancellation."""

    def __init__(self, lane: _Lane, job: _Job) -> None:
        self._lane = lane
        self._job = job
        self.cancelled = job.cancel

    @property
    def session(self) -> Session:
        """The open Session (StoreError when none is open)."""
        session = self._lane.runner_state.session
        if session is None or session.store.closed:
            raise StoreError(tr("Tasks", "Dữ liệu chưa được mở: hãy mở lại ứng dụng."))
        return session

    @property
    def reader(self) -> Database:
        """This lane's read-only connection to the open store (opened on first use)."""
        return self._lane.reader_for(self.session)

    @property
    def plain_reader(self) -> PlainReader:
        """``reader`` without sqlite-utils: ``execute`` and ``query`` for SELECTs only."""
        return self._lane.plain_reader_for(self.session)

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress (``total`` 0 means unknown) to the GUI thread."""
        self._lane.job_progress.emit(self._job.id, done, total, text)

    def check_cancelled(self) -> None:
        """Stop here (OperationCancelled) when the user cancelled the job."""
        if self.cancelled.is_set():
            raise OperationCancelled(tr("Tasks", "Đã hủy theo yêu cầu."))


class _RunnerState:
    """What the lanes share: the session, set and cleared only by DB-lane jobs."""

    def __init__(self) -> None:
        self.session: Session | None = None


class _Lane(QThread):
    """One worker thread with its own queue of jobs.

    Signals:
        job_finished(int, object): job id and its result.
        job_failed(int, object): job id and the exception it raised.
        job_progress(int, int, int, str): job id, done, total, text.
    """

    job_finished = Signal(int, object)
    job_failed = Signal(int, object)
    job_progress = Signal(int, int, int, str)

    def __init__(self, name: str, state: _RunnerState) -> None:
        super().__init__()
        self.setObjectName(f"lane-{name}")
        self.name = name
        self.runner_state = state
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._connection: sqlite3.Connection | None = None
        self._reader: Database | None = None
        self._reader_session: Session | None = None

    def submit(self, job: _Job | None) -> None:
        """Queue a job (None stops the lane after the jobs before it)."""
        self._queue.put(job)

    def connection_for(self, session: Session) -> sqlite3.Connection:
        """This lane's read-only connection to ``session``'s store, reopened when the
        session changed."""
        if self._connection is None or self._reader_session is not session:
            self.close_reader()
            self._connection = session.open_reader_connection()
            self._reader_session = session
        return self._connection

    def reader_for(self, session: Session) -> Database:
        """The lane's connection as a sqlite-utils Database."""
        connection = self.connection_for(session)
        if self._reader is None:
            self._reader = session.reader_database(connection)
        return self._reader

    def plain_reader_for(self, session: Session) -> PlainReader:
        """The lane's connection for plain SELECTs."""
        return session.plain_reader(self.connection_for(session))

    def close_reader(self) -> None:
        """Close this lane's reader (before the store is closed or replaced)."""
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._reader = None
        self._reader_session = None

    def run(self) -> None:
        """Work through the queue until the stop marker."""
        while True:
            job = self._queue.get()
            if job is None:
                break
            self._run_one(job)
        self.close_reader()

    def _run_one(self, job: _Job) -> None:
        if job.cancel.is_set():
            self.job_failed.emit(job.id, OperationCancelled(tr("Tasks", "Đã hủy theo yêu cầu.")))
            return
        try:
            result = job.fn(JobContext(self, job))
        except Exception as exc:
            if not isinstance(exc, DanvanError):
                log.exception("job %s on lane %s failed", job.id, self.name)
            self.job_failed.emit(job.id, exc)
        else:
            self.job_finished.emit(job.id, result)


class Task:
    """A submitted job: cancel it, or ask whether it has finished."""

    def __init__(self, runner: TaskRunner, job: _Job) -> None:
        self._runner = runner
        self._job = job

    @property
    def id(self) -> int:
        """The job's number."""
        return self._job.id

    @property
    def finished(self) -> bool:
        """True once its result or error has been delivered (or it was cancelled)."""
        return not self._runner.is_pending(self._job.id)

    def cancel(self) -> None:
        """Ask the job to stop and drop its callbacks."""
        self._job.cancel.set()
        self._runner.forget(self._job.id)


class TaskRunner(QObject):
    """Submits jobs to the lanes and calls back on the GUI thread.

    Signals:
        failed(object): an exception from a job that had no ``on_error`` callback.
        session_changed(object): the DB lane opened (a Session) or closed (None) the store.
    """

    failed = Signal(object)
    session_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = _RunnerState()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._lanes: dict[str, _Lane] = {}
        for name in LANES:
            lane = _Lane(name, self._state)
            lane.job_finished.connect(self._on_finished)
            lane.job_failed.connect(self._on_failed)
            lane.job_progress.connect(self._on_progress)
            lane.start()
            self._lanes[name] = lane
        self._stopped = False

    # -- submitting -------------------------------------------------------------------
    def run(
        self,
        lane: str,
        fn: Callable[[JobContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``fn(ctx)`` on ``lane``; callbacks run on the GUI thread while ``owner`` lives."""
        job = _Job(next(self._ids), fn, threading.Event())
        if self._stopped:
            # A timer of a closing window may still ask for work while the app quits.
            log.debug("job %s dropped: the runner has been shut down", job.id)
            job.cancel.set()
            return Task(self, job)
        self._pending[job.id] = _Callbacks(on_done, on_error, on_progress, owner)
        self._lanes[lane].submit(job)
        return Task(self, job)

    def db(self, fn: Callable[[JobContext], Any], **callbacks: Any) -> Task:
        """Run on the DB lane (the writer Session)."""
        return self.run(DB, fn, **callbacks)

    def read(self, fn: Callable[[JobContext], Any], **callbacks: Any) -> Task:
        """Run on the read lane (``ctx.reader`` is a read-only connection)."""
        return self.run(READ, fn, **callbacks)

    def network(self, fn: Callable[[JobContext], Any], **callbacks: Any) -> Task:
        """Run on the network lane."""
        return self.run(NETWORK, fn, **callbacks)

    # -- the session ------------------------------------------------------------------
    @property
    def session_open(self) -> bool:
        """True while a store is open on the DB lane."""
        return self._state.session is not None

    def open_session(
        self,
        data_dir: Path,
        *,
        create: bool = False,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Open the store in ``data_dir`` on the DB lane; ``on_done`` gets the Session."""

        def open_store(ctx: JobContext) -> Session:
            from danvan_desktop.session import Session

            if self._state.session is not None:
                self._state.session.close()
                self._state.session = None
            session = Session.open(Path(data_dir), create=create)
            self._state.session = session
            return session

        def opened(session: Any) -> None:
            self.session_changed.emit(session)
            if on_done:
                on_done(session)

        return self.db(open_store, on_done=opened, on_error=on_error)

    def close_session(self, *, on_done: Callable[[Any], None] | None = None) -> Task:
        """Close the readers, then the store (cleanly: the unclean-shutdown marker goes)."""
        self._lanes[READ].submit(_Job(next(self._ids), self._close_reader_job, threading.Event()))

        def close_store(ctx: JobContext) -> None:
            session, self._state.session = self._state.session, None
            if session is not None:
                session.close()

        def closed(_: Any) -> None:
            self.session_changed.emit(None)
            if on_done:
                on_done(None)

        return self.db(close_store, on_done=closed)

    def _close_reader_job(self, ctx: JobContext) -> None:
        self._lanes[READ].close_reader()

    # -- delivering -------------------------------------------------------------------
    def is_pending(self, job_id: int) -> bool:
        """True while a job's callbacks wait to be called."""
        return job_id in self._pending

    def forget(self, job_id: int) -> None:
        """Drop a job's callbacks (its result, when it comes, is ignored)."""
        self._pending.pop(job_id, None)

    def _take(self, job_id: int) -> _Callbacks | None:
        callbacks = self._pending.pop(job_id, None)
        if callbacks is None:
            return None
        if callbacks.owner is not None and not shiboken6.isValid(callbacks.owner):
            return None
        return callbacks

    def _on_finished(self, job_id: int, result: object) -> None:
        callbacks = self._take(job_id)
        if callbacks is not None and callbacks.on_done is not None:
            callbacks.on_done(result)

    def _on_failed(self, job_id: int, error: object) -> None:
        callbacks = self._take(job_id)
        if callbacks is None:
            return
        assert isinstance(error, BaseException)
        if callbacks.on_error is not None:
            callbacks.on_error(error)
        elif not isinstance(error, OperationCancelled):
            self.failed.emit(error)

    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        callbacks = self._pending.get(job_id)
        if callbacks is None or callbacks.on_progress is None:
            return
        if callbacks.owner is not None and not shiboken6.isValid(callbacks.owner):
            return
        callbacks.on_progress(done, total, text)

    # -- stopping ---------------------------------------------------------------------
    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Close the store cleanly, finish queued work and stop the threads."""
        if self._stopped:
            return
        if self._state.session is not None:
            self.close_session()
        self._stopped = True
        self._pending.clear()
        for lane in self._lanes.values():
            lane.submit(None)
        for lane in self._lanes.values():
            if not lane.wait(timeout_ms):
                log.error("lane %s did not stop within %d ms", lane.name, timeout_ms)
