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
silent (``sync/stream_watch.py``). With several workers the question may reach another
process: a live stream notes what it received in ``<id>.live`` beside its part every
quarter second (no fsync), and a note untouched for ``LIVE_STALE_S`` is no live stream.
While a stream of this process writes a part, the offset question answers its fsynced
size from memory, never waiting behind the piece being fsynced.

A newer request on the same upload (a streamed PUT, a block) takes it over: a stream
whose link went silent, still waiting on the server, appends nothing more, so a
laptop that resumed from the offset it asked never has its bytes interleaved with a
dead request's. Memory is bounded by a piece (never the whole body); the part is capped
at the block mode's maximum size (413), and an offset that is not the part's size is
refused (409).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
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
LIVE_NOTE_EVERY_S = 0.25  # how often a stream notes what it received for other workers
LIVE_STALE_S = 10.0  # a note older than this is a stream that died with its worker


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
        # piece's fsync never holds the loop up; read by the offset question. Other
        # worker processes read it from the part's live note (``<id>.live``).
        self._receiving: dict[Path, tuple[object, int]] = {}
        self._noted_at: dict[Path, float] = {}
        # part → its size fsynced, while a stream of this process writes it: the offset
        # question answers from here instead of waiting for the piece being fsynced.
        self._synced: dict[Path, int] = {}

    def held(self, part: Path) -> int:
        """The part's size, fsynced (0 when there is none)."""
        synced = self._synced.get(part)
        if synced is not None:
            return synced
        with self.lock:
            return part.stat().st_size if part.exists() else 0

    def receiving(self, part: Path) -> int | None:
        """What the part's live stream has received so far (its appended bytes and the
        piece it is filling), or None when no stream is live on it (in this process, or
        in another one that noted it within ``LIVE_STALE_S``)."""
        live = self._receiving.get(part)
        if live is not None and self._owners.get(part) is live[0]:
            return live[1]
        return _read_live_note(part)

    def note_received(self, part: Path, owner: object, total: int) -> None:
        """``owner``'s stream has received the part up to ``total`` bytes."""
        self._receiving[part] = (owner, total)
        now = time.monotonic()
        if now - self._noted_at.get(part, 0.0) >= LIVE_NOTE_EVERY_S:
            self._noted_at[part] = now
            _write_live_note(part, total)

    def begin(self, part: Path, offset: int, owner: object, lang: str) -> int:
        """Make ``owner`` the part's writer when ``offset`` is the part's size (409 else)."""
        with self.lock:
            held = part.stat().st_size if part.exists() else 0
            if offset != held:
                raise OffsetMismatch(held, lang)
            self._owners[part] = owner
            self._synced[part] = held
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
            self._synced[part] = held + len(data)
            return held + len(data)

    def end(self, part: Path, owner: object) -> None:
        """``owner`` is done with the part (unless a newer request took it over)."""
        with self.lock:
            if self._owners.get(part) is owner:
                del self._owners[part]
                self._forget_stream(part)

    def take_over(self, part: Path) -> None:
        """A block request writes the part now: any stream still open on it stops."""
        with self.lock:
            self._owners.pop(part, None)
            self._forget_stream(part)

    def _forget_stream(self, part: Path) -> None:
        """No stream of this process writes the part any more (called under the lock)."""
        self._receiving.pop(part, None)
        self._noted_at.pop(part, None)
        self._synced.pop(part, None)
        with contextlib.suppress(FileNotFoundError):
            live_note(part).unlink()


def live_note(part: Path) -> Path:
    """Where a live stream notes what it has received, for the other worker processes."""
    return part.with_suffix(".live")


def _write_live_note(part: Path, total: int) -> None:
    """Note ``total`` atomically (a reader never sees half a number); no fsync: a note is
    for watching, never for resuming."""
    note = live_note(part)
    temporary = note.with_suffix(".live-new")
    with contextlib.suppress(OSError):
        temporary.write_text(str(total), encoding="ascii")
        os.replace(temporary, note)


def _read_live_note(part: Path) -> int | None:
    """A live stream's note from another process, if it is fresh."""
    note = live_note(part)
    try:
        if time.time() - note.stat().st_mtime > LIVE_STALE_S:
            return None
        return int(note.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


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
