"""A push upload's streamed PUT (protocol 3): the rest of the body in one request.

In block mode every block costs a round trip and a cut loses the whole block in flight.
A ``PUT /api/v1/push/uploads/{id}?offset=N`` with ``X-Upload-Stream: 1`` carries the
rest of the body instead, with no block hash: the server appends what arrives as it
arrives, in pieces of ``STREAM_PIECE_BYTES``, each fsynced before the part's size can
be reported, and answers the new offset when the body ends. A client that goes away
mid-body leaves what was appended (the bytes buffered here are appended and fsynced
first), so a cut loses only the bytes in flight; the laptop asks the offset and streams
on. Integrity is TCP's per piece and the whole body's SHA-256 at ``complete``.

While a stream is live, the offset question also says how much of it has arrived
(``receiving``, appended or not yet): the laptop watches that grow from a second
connection, and a stream that stops growing, or is no longer live, is a link gone
silent (``sync/stream_watch.py``). It is this process's knowledge: with several
workers the question may reach another one, which leaves ``receiving`` out.

A newer request on the same upload (a streamed PUT, a block) takes it over: a stream
whose link went silent, still waiting on the server, appends nothing more, so a
laptop that resumed from the offset it asked never has its bytes interleaved with a
dead request's. Memory is bounded by a piece (never the whole body); the part is capped
at the block mode's maximum size (413), and an offset that is not the part's size is
refused (409).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from danvan_desktop.core.private_files import open_private, private_dir
from danvan_desktop.sync.protocol import HEADER_UPLOAD_STREAM
from danvan_server.attachments import OffsetMismatch
from danvan_server.http import ApiError, ClientGone
from danvan_server.messages import say

STREAM_PIECE_BYTES = 16 * 1024


class PartWriters:
    """Who may append to each part: one writer at a time, the latest request's.

    One lock for every part: it is held for a piece's write and fsync (16 KB), and the
    offset question takes it too, so a size is never reported before it is fsynced.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self._owners: dict[Path, object] = {}
        # part → (its live stream, bytes that stream has received, appended or not yet).
        # Set from the event loop without the lock (a dict item is set atomically), so a
        # piece's fsync never holds the loop up; read by the offset question.
        self._receiving: dict[Path, tuple[object, int]] = {}

    def held(self, part: Path) -> int:
        """The part's size, fsynced (0 when there is none)."""
        with self.lock:
            return part.stat().st_size if part.exists() else 0

    def receiving(self, part: Path) -> int | None:
        """What the part's live stream has received so far (its appended bytes and the
        piece it is filling), or None when no stream is live on it in this process."""
        live = self._receiving.get(part)
        return None if live is None or self._owners.get(part) is not live[0] else live[1]

    def note_received(self, part: Path, owner: object, total: int) -> None:
        """``owner``'s stream has received the part up to ``total`` bytes."""
        self._receiving[part] = (owner, total)

    def begin(self, part: Path, offset: int, owner: object, lang: str) -> int:
        """Make ``owner`` the part's writer when ``offset`` is the part's size (409 else)."""
        with self.lock:
            held = part.stat().st_size if part.exists() else 0
            if offset != held:
                raise OffsetMismatch(held, lang)
            self._owners[part] = owner
            if held == 0:
                private_dir(part.parent)
            return held

    def append(self, part: Path, owner: object, at: int, data: bytes, lang: str) -> int:
        """Append ``data`` at ``at`` for ``owner`` and fsync it: the new size.

        409 when another request took the part over or its size is no longer ``at``;
        413 past the maximum size.
        """
        with self.lock:
            held = part.stat().st_size if part.exists() else 0
            if self._owners.get(part) is not owner or held != at:
                raise OffsetMismatch(held, lang)
            if held + len(data) > self.max_bytes:
                raise too_big(self.max_bytes, lang)
            with open_private(part, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return held + len(data)

    def end(self, part: Path, owner: object) -> None:
        """``owner`` is done with the part (unless a newer request took it over)."""
        with self.lock:
            if self._owners.get(part) is owner:
                del self._owners[part]
            if self._receiving.get(part, (None,))[0] is owner:
                del self._receiving[part]

    def take_over(self, part: Path) -> None:
        """A block request writes the part now: any stream still open on it stops."""
        with self.lock:
            self._owners.pop(part, None)
            self._receiving.pop(part, None)


def too_big(limit: int, lang: str) -> ApiError:
    """The 413 of a part past ``limit`` bytes."""
    return ApiError(
        413,
        say(
            lang,
            "Yêu cầu quá lớn (hơn {limit} byte): hãy gửi thành nhiều phần nhỏ hơn.",
            limit=limit,
        ),
    )


def wants_stream(request: Request) -> bool:
    """Whether the PUT asks for the streamed mode (``X-Upload-Stream: 1``)."""
    return request.headers.get(HEADER_UPLOAD_STREAM, "").strip() == "1"


async def stream_append(
    writers: PartWriters, part: Path, offset: int, request: Request, lang: str
) -> int:
    """Append the request's body to ``part`` from ``offset`` as it arrives: the new size."""
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise ApiError(
            415,
            say(
                lang,
                "Máy chủ chỉ nhận nội dung nén gzip, không nhận «{encoding}».",
                encoding=encoding[:40],
            ),
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and offset + int(declared) > writers.max_bytes:
        raise too_big(writers.max_bytes, lang)
    owner = object()
    held = await run_in_threadpool(writers.begin, part, offset, owner, lang)
    writers.note_received(part, owner, held)
    buffer = bytearray()
    try:
        try:
            async for piece in request.stream():
                buffer += piece
                writers.note_received(part, owner, held + len(buffer))
                if len(buffer) >= STREAM_PIECE_BYTES:
                    data = bytes(buffer)
                    buffer.clear()
                    held = await run_in_threadpool(writers.append, part, owner, held, data, lang)
        except ClientDisconnect:
            if buffer:  # keep what arrived: the laptop asks the offset and streams on
                await run_in_threadpool(writers.append, part, owner, held, bytes(buffer), lang)
            raise ClientGone(request) from None
        if buffer:
            held = await run_in_threadpool(writers.append, part, owner, held, bytes(buffer), lang)
    finally:
        writers.end(part, owner)
    return held
