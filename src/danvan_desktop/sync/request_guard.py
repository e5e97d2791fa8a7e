"""Watching one HTTP request of the sync transport: stalls, cancel, and its socket.

requests gives no handle on the socket a request uses, and applies its connect
timeout while a body is sent. So: urllib3 connection classes register their
socket with the ``_RequestGuard`` of the request running on the current thread;
the body goes out in small blocks (``BlockBody``) that report progress; and the
guard's watchdog thread shuts the socket down when the upload stops moving for
the stall timeout, or at once when the caller's cancel event is set. A request may
also bound its wait for the answer once its body is handed over (``answer_wait``: from
the bytes handed and the seconds that took, e.g. what buffers along a slow link may
still hold), until the answer's first line arrives (``answered``). Someone watching the
request from elsewhere (a streamed upload's watch: ``stream_watch.py``) may set its
``abort`` event: the socket is shut at once (reason ``"silent"``). And a request may say
how to ask whether the link still answers (``probe``, on another connection): when no
byte has moved either way for ``quiet_s``, the watchdog asks once (on a thread of its
own, so it keeps watching). An unanswered probe proves nothing alone (the link may be
slower than measured): the next goes at once and waits twice as long. When one is
answered while nothing has moved on the request since before the unanswered one, the
link came back and the request died with it: its socket is shut (reason ``"silent"``)
long before the stall timeout. Any other answer gives the request another quiet spell
(a slow server, not a dead link).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import urllib3.poolmanager
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

ProgressCallback = Callable[[int], None]
# Blocks until it knows, waiting at most the seconds given: True when the server
# answered on another connection.
LinkProbe = Callable[[float], bool]
# (body bytes handed to the socket, seconds since the first) -> how long the answer may take.
AnswerWait = Callable[[int, float], float]


class Aborted(Exception):
    """Raised inside the body iterator; never leaves this module."""


_current = threading.local()


class RequestGuard:
    """Watches one request from a helper thread; shuts its socket on cancel or upload stall."""

    def __init__(
        self,
        stall_s: float,
        cancel: threading.Event | None,
        send_buffer_bytes: int,
        answer_wait: AnswerWait | None = None,
        abort: threading.Event | None = None,
        probe: LinkProbe | None = None,
        quiet_s: float | None = None,
        probe_wait_s: float = 4.0,
    ) -> None:
        self.stall_s = stall_s
        self.abort = abort
        self._probe = probe
        self._quiet_s = quiet_s
        self._probing = False
        self._probe_wait_s = probe_wait_s
        self._probe_base_s = probe_wait_s
        # When a probe went unanswered: the last time a byte had moved before it.
        self._unanswered_since: float | None = None
        self.answer_wait = answer_wait
        self._started = time.monotonic()
        self._answer_by: float | None = None  # the answer's deadline, once the body is out
        self.cancel = cancel
        self.send_buffer_bytes = send_buffer_bytes
        self.reason: str | None = None  # "cancel", "stall" or "silent" once aborted
        self.sent = 0
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._uploading = False
        self._last_progress = time.monotonic()
        self._moved_at = self._last_progress  # the last byte either way
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="sync-watchdog", daemon=True)

    def __enter__(self) -> RequestGuard:
        _current.guard = self
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        _current.guard = None
        self._done.set()
        self._thread.join()

    def attach(self, sock: socket.socket) -> None:
        """Remember the socket this request uses (shut it at once if already aborted)."""
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.send_buffer_bytes)
        with self._lock:
            self._sock = sock
            if self.reason is not None:
                self._shutdown()

    def upload_progress(self, sent: int, *, finished: bool = False) -> None:
        """Note body bytes handed to the socket; ``finished`` ends the upload watch."""
        with self._lock:
            now = time.monotonic()
            if sent == 0 and not self._uploading:
                self._started = now  # the body's first block: its time starts here
            self.sent = sent
            self._uploading = not finished
            self._last_progress = now
            self._moved_at = now
            if finished and self.answer_wait is not None:
                self._answer_by = now + self.answer_wait(sent, now - self._started)

    def answered(self) -> None:
        """The answer's first line arrived: no more answer deadline."""
        with self._lock:
            self._answer_by = None
            self._moved_at = time.monotonic()

    def heard(self) -> None:
        """A piece of the answer's body arrived."""
        with self._lock:
            self._moved_at = time.monotonic()

    def check(self) -> None:
        """Raise ``Aborted`` if the request was cancelled, stalled or aborted."""
        if (
            self.reason is not None
            or (self.cancel is not None and self.cancel.is_set())
            or (self.abort is not None and self.abort.is_set())
        ):
            raise Aborted

    def _watch(self) -> None:
        poll_s = min(0.1, self.stall_s / 10)
        while not self._done.wait(poll_s):
            with self._lock:
                if self.reason is not None:  # a probe found the link silent
                    return
                if self.cancel is not None and self.cancel.is_set():
                    self.reason = "cancel"
                elif self.abort is not None and self.abort.is_set():
                    self.reason = "silent"
                elif self._stalled(time.monotonic()):
                    self.reason = "stall"
                else:
                    self._maybe_probe(time.monotonic())
                    continue
                self._shutdown()
                return

    def _maybe_probe(self, now: float) -> None:
        """Ask whether the link answers once nothing moved for ``quiet_s``, and at once
        again after an unanswered probe (under the lock)."""
        if self._probe is None or self._quiet_s is None or self._probing:
            return
        if self._unanswered_since is None and now - self._moved_at <= self._quiet_s:
            return
        self._probing = True
        wait_s = self._probe_wait_s
        threading.Thread(
            target=self._run_probe, args=(wait_s,), name="sync-link-probe", daemon=True
        ).start()

    def _run_probe(self, wait_s: float) -> None:
        """An unanswered probe proves nothing alone (a link slower than measured, or one
        that is down): the next waits twice as long. Once one is answered, a request on
        which nothing moved since before the unanswered one died with the link."""
        assert self._probe is not None
        answers = self._probe(wait_s)
        with self._lock:
            self._probing = False
            if self._done.is_set() or self.reason is not None:
                return
            if not answers:
                if self._unanswered_since is None:
                    self._unanswered_since = self._moved_at
                self._probe_wait_s = min(2 * self._probe_wait_s, self.stall_s)
                return
            if self._unanswered_since is not None and self._moved_at <= self._unanswered_since:
                self.reason = "silent"
                self._shutdown()
                return
            self._unanswered_since = None
            self._probe_wait_s = self._probe_base_s
            self._moved_at = time.monotonic()  # the link is there: wait another spell

    def _stalled(self, now: float) -> bool:
        """The body stopped moving, or its answer is overdue (called under the lock)."""
        if self._uploading:
            return now - self._last_progress > self.stall_s
        return self._answer_by is not None and now > self._answer_by

    def _shutdown(self) -> None:
        if self._sock is None:
            return
        # The plain-socket shutdown, even for TLS: it wakes a send or recv blocked in
        # the request thread without touching the SSL object it is using. OSError:
        # already closed, and the request is failing anyway.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(self._sock, socket.SHUT_RDWR)


def _register_socket(sock: socket.socket | None) -> None:
    guard = getattr(_current, "guard", None)
    if guard is not None and sock is not None:
        guard.attach(sock)


class _TrackedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _register_socket(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _register_socket(self.sock)  # a kept-alive connection does not connect again
        super().request(*args, **kwargs)


class _TrackedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _register_socket(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _register_socket(self.sock)
        super().request(*args, **kwargs)


class _TrackedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection


class _TrackedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection


_TRACKED_POOLS = {"http": _TrackedHTTPPool, "https": _TrackedHTTPSPool}


class TrackingAdapter(HTTPAdapter):
    """An adapter whose connections tell the request guard which socket they use."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _TRACKED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        # SOCKS managers bring their own pools: there, socket timeouts alone catch stalls.
        if manager.pool_classes_by_scheme is urllib3.poolmanager.pool_classes_by_scheme:
            manager.pool_classes_by_scheme = _TRACKED_POOLS
        return manager


class BlockBody:
    """A request body sent in small blocks, so progress, stalls and cancel are seen."""

    def __init__(
        self, data: bytes, block: int, guard: RequestGuard, on_progress: ProgressCallback | None
    ) -> None:
        self._data = data
        self._block = block
        self._guard = guard
        self._on_progress = on_progress

    def __len__(self) -> int:
        return len(self._data)  # requests then sends Content-Length, not chunked

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        self._guard.upload_progress(0)
        for offset in range(0, len(self._data), self._block):
            self._guard.check()
            block = self._data[offset : offset + self._block]
            yield block  # resumes once urllib3 has handed the block to the socket
            sent += len(block)
            self._guard.upload_progress(sent, finished=sent == len(self._data))
            if self._on_progress is not None:
                self._on_progress(sent)
