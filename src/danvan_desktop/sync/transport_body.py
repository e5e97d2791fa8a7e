"""Reading a sync answer's body, and what a failed one says: helpers of transport.py.

``read_body`` reads an answer block by block, counting its bytes on the wire as they
come (``WireIn``: a cut request's bytes count too) and handing each piece to the
caller when it streams (``BodyCallback``); the rest read the server's message, its
``Retry-After`` and the cause requests and urllib3 wrap an error in.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable

import requests

from danvan_desktop.sync.request_guard import RequestGuard

READ_CHUNK_BYTES = 8192
# Hears each piece of a body as it arrives (gzip already decoded).
BodyCallback = Callable[[bytes], None]


class WireIn:
    """Bytes of a response body read off the wire so far (before gzip decoding)."""

    def __init__(self) -> None:
        self.received = 0

    def note(self, response: requests.Response) -> None:
        with contextlib.suppress(Exception):  # a broken stream keeps the last count
            self.received = max(self.received, int(response.raw.tell()))


def read_body(
    response: requests.Response,
    guard: RequestGuard,
    wire: WireIn,
    on_body: BodyCallback | None,
) -> bytes:
    """Read the whole (gzip-decoded) body, counting its wire bytes in ``wire`` as they
    come; hand each piece to ``on_body`` when given (then return nothing)."""
    parts = []
    try:
        for chunk in response.iter_content(chunk_size=READ_CHUNK_BYTES):
            wire.note(response)
            guard.heard()
            guard.check()
            if on_body is None:
                parts.append(chunk)
            else:
                on_body(chunk)
        guard.check()  # an aborted socket can look like a clean end of body
    finally:
        wire.note(response)
    return b"".join(parts)


def server_message(content: bytes) -> str:
    """The server's explanation: JSON ``detail``/``message``/``error``, or the plain text."""
    text = content.decode("utf-8", errors="replace").strip()
    try:
        document = json.loads(text)
    except ValueError:
        return text[:500]
    if isinstance(document, dict):
        for key in ("detail", "message", "error"):
            value = document.get(key)
            if isinstance(value, dict):
                value = value.get("message")
            if isinstance(value, str) and value:
                return value
    return text[:500]


def retry_after_s(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: rare enough to leave to our own back-off


def caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    """Whether ``kinds`` appears anywhere in the chain requests and urllib3 wrap errors in."""
    seen: set[int] = set()
    pending: list[object] = [exc]
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kinds):
            return True
        pending += [*item.args, item.__cause__, item.__context__, getattr(item, "reason", None)]
    return False
