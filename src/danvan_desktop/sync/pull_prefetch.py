"""The pull's next page, fetched on a helper thread while the current one is applied.

A reviewer's first pull is bound by the laptop applying pages, while the link and the
server sit idle between them. ``PageFetcher`` asks for the next page as soon as the
current one has arrived, so the server reads it and the link carries it while the
laptop writes the current one. It holds one page ahead at most (one fetch at a time:
``start`` is refused while a fetch has not been taken), so memory stays bounded.

Nothing here touches the store: the pull (``pull.py``) applies each page and moves its
checkpoint in one transaction, in order, on its own thread. A page fetched but never
applied (a cancel, a failed apply, a link cut) is simply dropped; the checkpoint still
names the last page applied, and the next round asks for the rest again.

The transport (one ``requests.Session``) is used by the helper thread alone while a
fetch runs, and by the pull's thread only once it has been taken or stopped: one
thread at a time, as a session allows. A fetch stops at once when the round is
cancelled or when the pull gives up on it (``close``): its request watches both.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from danvan_desktop.sync.transport import SyncTransport


@dataclass(frozen=True)
class PulledPage:
    """One pull page as the server sent it, parsed."""

    changes: Any  # a list of changes, as the server sent it (the apply checks each)
    next_seq: int
    high_seq: int
    more: bool
    epoch: str | None
    bytes_received: int  # the answer's body on the wire (before gzip decoding)
    body_bytes: int = 0  # the same body decoded: the JSON the server measured the page by


class _StopEvent(threading.Event):
    """Set by the fetcher itself, or when the round's cancel event is set.

    A request watches one event (``RequestGuard`` asks ``is_set``): this one answers
    for both, so a fetch the pull abandons stops as promptly as a cancelled one."""

    def __init__(self, cancel: threading.Event) -> None:
        super().__init__()
        self._cancel = cancel

    def is_set(self) -> bool:
        return super().is_set() or self._cancel.is_set()


class PageFetcher:
    """Fetches pull pages one at a time on a helper thread (use it as a context manager)."""

    def __init__(self, transport: SyncTransport, cancel: threading.Event) -> None:
        self._transport = transport
        self._stop = _StopEvent(cancel)
        self._thread: threading.Thread | None = None
        self._page: PulledPage | None = None
        self._error: BaseException | None = None

    def start(self, path: str) -> None:
        """Start fetching the page at ``path``; the previous fetch must have been taken."""
        if self._thread is not None:
            raise RuntimeError("a page fetch is already running")
        self._page, self._error = None, None
        self._thread = threading.Thread(
            target=self._fetch, args=(path,), name="sync-pull-prefetch", daemon=True
        )
        self._thread.start()

    def take(self) -> PulledPage:
        """Wait for the page started last; return it, or raise what its fetch raised
        (``LinkDown``, ``OperationCancelled``, ...)."""
        if self._thread is None:
            raise RuntimeError("no page fetch was started")
        self._thread.join()
        self._thread = None
        page, error = self._page, self._error
        self._page, self._error = None, None
        if error is not None:
            raise error
        assert page is not None  # a fetch ends with a page or an error
        return page

    def close(self) -> None:
        """Stop a fetch still running (its page is dropped) and wait for its thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._page, self._error = None, None

    def __enter__(self) -> PageFetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _fetch(self, path: str) -> None:
        """(On the helper thread) fetch and parse one page; keep it or the error."""
        try:
            response = self._transport.get(path, cancel=self._stop)
            self._page = _parsed(response.json(), response.bytes_received, len(response.body))
        except BaseException as exc:  # handed to the pull's thread by ``take``
            self._error = exc


def _parsed(body: Any, bytes_received: int, body_bytes: int = 0) -> PulledPage:
    """A pull answer as a ``PulledPage`` (raises what a malformed answer raises)."""
    next_seq = int(body["next"])
    epoch = body.get("epoch")
    return PulledPage(
        changes=body.get("changes", []),
        next_seq=next_seq,
        high_seq=int(body.get("high_seq") or next_seq),
        more=bool(body.get("more")),
        epoch=None if epoch is None else str(epoch),
        bytes_received=bytes_received,
        body_bytes=body_bytes,
    )
