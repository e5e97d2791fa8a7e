"""Group commit: one thread per app process applies the pushes waiting, together.

Every push must hold the sequence lock while it writes, so pushes commit one
after another however many threads serve them; two hundred laptops pushing at
once then wait in line for two hundred transactions, each with its round trips
and its fsync. Here the push route hands its checked request to the writer and
awaits the answer. The writer takes every request waiting when it is free (up to
``max_group_ops`` operations) and applies them in one transaction
(``push.apply_group``): the same merges, in the same order, as one transaction
each, for the cost of one. A lone push goes at once, alone.

Every operation is checked before its request is queued (``push.prepare``), so a
value no laptop could store is rejected on its own and never reaches the group's
write. A group whose write still fails (it should not) is rolled back to its
savepoint and each request applied again in a savepoint of its own, in the same
transaction (``push.apply_group``): a refused value is rejected alone, a request
that fails for another reason is rolled back alone and answered with its error,
and the others commit. Only an unavailable database fails the whole group (each
request gets its 503 and is retried by its laptop).
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from danvan_server import push

log = logging.getLogger(__name__)
DEFAULT_GROUP_OPS = 2000  # past this, a group's transaction holds the lock long enough


@dataclass
class _Waiting:
    job: push.PushJob
    answer: Future[dict[str, Any]] = field(default_factory=Future)


class PushWriter:
    """Applies push requests in groups on a thread of its own (started on first use)."""

    def __init__(self, engine: Engine, max_group_ops: int = DEFAULT_GROUP_OPS) -> None:
        self.engine = engine
        self.max_group_ops = max_group_ops
        self._queue: queue.SimpleQueue[_Waiting | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.groups = 0  # transactions committed, for tests and the curious
        self.requests = 0

    async def apply(self, job: push.PushJob) -> dict[str, Any]:
        """The response body of ``job``, once the group it joined has committed."""
        waiting = _Waiting(job)
        self._ensure_started()
        self._queue.put(waiting)
        return await asyncio.wrap_future(waiting.answer)

    def stop(self) -> None:
        """Finish the requests already queued, then end the thread."""
        with self._start_lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _ensure_started(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="push-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            group, stopping = self._take_group(first)
            self._apply(group)
            if stopping:
                return

    def _take_group(self, first: _Waiting) -> tuple[list[_Waiting], bool]:
        group, size = [first], len(first.job.ops)
        while size < self.max_group_ops:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return group, True
            group.append(item)
            size += len(item.job.ops)
        return group, False

    def _apply(self, group: list[_Waiting]) -> None:
        live = [w for w in group if w.answer.set_running_or_notify_cancel()]
        if not live:
            return
        try:
            answers = push.apply_group(self.engine, [w.job for w in live])
        except Exception as exc:  # the database is unavailable: nothing was applied
            for waiting in live:
                waiting.answer.set_exception(exc)
            return
        self.groups += 1
        self.requests += len(live)
        for waiting, answer in zip(live, answers, strict=True):
            if isinstance(answer, BaseException):
                waiting.answer.set_exception(answer)
            else:
                waiting.answer.set_result(answer)
