"""The transport the Session's sync verbs use: it lends the writer back while a request
is on the wire, and one ``cancel`` stops every request of a call.

A module of its own so that session/sync.py can be imported without the transport
(requests): the window starts before any request is made.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from danvan_desktop.sync.transport import SyncTransport, TransportResponse

# Entered around every HTTP request of a call: the GUI lends the writer connection
# back to its DB lane while a request is on the wire (ui/sync/writer_turns.py).
# Defined here, below session/sync.py, which uses this module and names this type.
OnWire = Callable[[], contextlib.AbstractContextManager[object]]


class LendingTransport(SyncTransport):
    """A transport that enters ``on_wire()`` around each request (see ``OnWire``) and
    lets ``cancel`` stop every request of the call, those sent without one included
    (the health request), so «Dừng» never waits for a stall timeout."""

    def __init__(
        self,
        base_url: str,
        *,
        on_wire: OnWire | None,
        cancel: threading.Event | None = None,
        **options: Any,
    ) -> None:
        super().__init__(base_url, **options)
        self._on_wire = on_wire
        self._cancel = cancel

    def request(self, method: str, path: str, **options: Any) -> TransportResponse:
        """Send one request, with the writer lent back to the DB lane meanwhile."""
        if options.get("cancel") is None:
            options["cancel"] = self._cancel
        if self._on_wire is None:
            return super().request(method, path, **options)
        with self._on_wire():
            return super().request(method, path, **options)
