"""Network-lane jobs that write: the DB lane's one writer, lent in short turns.

SQLite has one writer, and DESIGN.md keeps it to one connection on one thread,
the DB lane. A sync round, though, is mostly waiting on a slow link, with short
bursts of store work in between (settle a pushed batch, apply a pulled page with
its checkpoint). Running the whole round on the DB lane would make every save
wait minutes behind a 2G link; giving the network lane a second writer would
break the rule, and with it SQLite's deferred transactions: a transaction that
read before another connection committed cannot upgrade to a write and fails
with SQLITE_BUSY_SNAPSHOT at once, whatever the busy timeout.

So a network-lane job takes *turns* on the DB lane's writer. ``take()`` queues
a small "park" job on the DB lane and waits until it runs: from then until
``give_back()`` the DB lane is parked, so the network thread uses the writer
connection alone, exactly as a DB-lane job would (the connection is opened
without ``check_same_thread``). Around every HTTP request the turn is given
back (``on_wire()``), so user saves run while bytes crawl over the link. Store
steps of a round are short, so a save waits at most one step, never a request.

Only lanes wait here; the GUI thread never does. A turn that can no longer be had
(the round was cancelled, the runner stopped, the store closed meanwhile) raises
instead of waiting for ever.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import OperationCancelled, StoreError
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from danvan_desktop.session import Session
    from danvan_desktop.ui.task_runner import JobContext, TaskRunner

POLL_S = 0.05  # how often a waiting turn looks at the cancel event


class WriterTurns:
    """Lends the DB lane's writer to one network-lane job, between its requests."""

    def __init__(self, runner: TaskRunner, cancel: threading.Event) -> None:
        self._runner = runner
        self._cancel = cancel
        self._release: threading.Event | None = None
        self._session: Session | None = None

    def __enter__(self) -> WriterTurns:
        self.take()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.give_back()

    @property
    def session(self) -> Session:
        """The open Session, usable while this job holds the writer."""
        if self._session is None:
            raise StoreError(tr("Tasks", "Dữ liệu chưa được mở: hãy mở lại ứng dụng."))
        return self._session

    def take(self) -> None:
        """Wait (on this worker thread) until the DB lane is parked for us."""
        if self._release is not None:
            return
        parked = threading.Event()
        release = threading.Event()
        state: dict[str, Session | None] = {}

        def park(ctx: JobContext) -> None:
            state["session"] = ctx.session if ctx_open(ctx) else None
            parked.set()
            release.wait()  # the network thread holds the writer until it sets this

        task = self._runner.db(park)
        while not parked.wait(POLL_S):
            if self._cancel.is_set() or task.finished:
                # Cancelled, or the runner stopped and will never run the park job;
                # set release first so a park job that runs later returns at once.
                release.set()
                if parked.is_set():
                    break
                raise OperationCancelled(tr("Tasks", "Đã hủy theo yêu cầu."))
        self._release = release
        session = state.get("session")
        if session is None or (self._session is not None and session is not self._session):
            # The store was closed (or replaced by a restore) while we were on the wire.
            self.give_back()
            raise StoreError(tr("Tasks", "Dữ liệu chưa được mở: hãy mở lại ứng dụng."))
        self._session = session

    def give_back(self) -> None:
        """Let the DB lane run its own queue again."""
        release, self._release = self._release, None
        if release is not None:
            release.set()

    @contextlib.contextmanager
    def on_wire(self) -> Iterator[None]:
        """Give the writer back while a request is on the wire, then take it again."""
        self.give_back()
        try:
            yield
        finally:
            self.take()


def ctx_open(ctx: JobContext) -> bool:
    """Whether a store is open on the DB lane (without raising)."""
    try:
        ctx.session  # noqa: B018 - the property raises StoreError when none is open
    except StoreError:
        return False
    return True
