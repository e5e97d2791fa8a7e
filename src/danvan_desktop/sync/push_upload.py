"""The laptop's resumable push (protocol 3): a batch's gzip body sent as a named upload.

A one-shot ``POST /push`` cut mid-body is sent again from its start; on a link that
drops every few seconds a big batch may never get through. When the server speaks
protocol 3 the push names the batch's upload (a UUID made here), streams the gzip of
its push body in one ``PUT`` (``X-Upload-Stream: 1``) that the server appends as it
arrives, then completes it with the whole body's size and SHA-256; the server applies
it as ``POST /push`` would (``danvan_server/push_upload.py``, ``push_stream.py``).

A cut loses only the bytes in flight: the server keeps what arrived, the laptop asks
it the offset (``GET …/uploads/{id}``) and streams on from there. A streamed PUT gives
up when no byte could be handed to the kernel for a block's wait of its small send
buffer (``stream_timeout_s``), and once its last byte is handed it waits a block's
time for what may still be on the way (``stream_answer_wait``), not the
transport's 30 s stall timeout. A link that goes silent without a reset (a lost radio
bearer) may go on taking bytes, so a watch asks the server, from a second connection,
how much the stream has delivered (``stream_watch.py``): when a question is left
unanswered, or the stream stops growing while the questions are answered, the stream is
given up and the offset asked at once, a small request's wait, which is the probe too:
answered, the stream goes on from there in the same round; unanswered, the link is down
and the round ends as after any drop. A silent cut costs seconds. What the server
gained since it last said counts as moved (``SyncReport.push_block_bytes``), even when
the stream that carried it was cut.

The block mode stays (``UploadMemory.streaming = False``): blocks sized from the
measured throughput and uptime, each with its SHA-256, appended only whole. Blocks
start small and double while they get through, a cut halves them and each block
answered afterwards lets them grow by a quarter, never past what the link carries in a
quarter of its typical uptime at the measured speed (``attachments.chunk_bytes``; see
``push_memory.UploadMemory``). A block waits for its answer a few round trips past
the time the whole block takes at the measured speed (``block_timeout_s``).

The upload (its id, the operations it carries, the body's size and SHA-256) is kept in
the store's ``settings`` (``UPLOAD_KEY``) from before its first byte until its answer is
settled, in the answer's own transaction: a laptop restarted mid-upload rebuilds the
same body from the same frozen (``sending``) operations and resumes the same upload. A
body that no longer matches what was kept starts a new upload; a server that holds none
of it gets it again from offset 0; a body whose SHA-256 the server refuses at
``complete`` (it drops the part: 422) goes in a new upload. A lost answer to
``complete`` is handled by completing again: the server answers ``duplicate`` (with
``exact``) for the operations it holds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.store.settings import get_setting
from danvan_desktop.sync import protocol
from danvan_desktop.sync.attachments import chunk_bytes
from danvan_desktop.sync.stream_watch import StreamWatch
from danvan_desktop.sync.transport import (
    LinkDown,
    ServerRejected,
    TransportResponse,
)
from danvan_desktop.sync.upload_timing import (
    SMALL_REQUEST_BYTES,
    block_timeout_s,
    complete_timeout_s,
    stream_answer_wait,
    stream_send_buffer_bytes,
    stream_timeout_s,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.sync.report import SyncReport
    from danvan_desktop.sync.round_context import RoundContext

RESUMABLE_PUSH_SINCE_PROTOCOL = 3
# Laptop setting: the push upload on the wire (``PushUpload.as_json``), None when none is.
UPLOAD_KEY = "sync_push_upload"
# A resumable batch: a cut costs a block, not the batch, so a batch may span many
# uptimes. Bounded well inside the server's limits (32 MB of JSON, 5,000 operations).
BATCH_MAX_GZIP_BYTES = 1024 * 1024
BATCH_MAX_OPS = 2000
_RETRIES = 4  # offset mismatches or refused blocks before the round gives up
_log = logging.getLogger(__name__)

# Hears (body bytes the server holds, body size) while an upload goes on.
UploadProgress = Callable[[int, int], None]


class UploadsUnsupported(Exception):
    """The server has no resumable push (404): the batch goes in one ``POST /push``."""


class _StreamGivenUp(LinkDown):
    """The stream's watch gave it up (a silent link, or a stream that stopped): go on
    from the offset its last answer gave (``held``), or ask it at once, unless the link
    is still down."""

    def __init__(self, detail: str, held: int | None) -> None:
        super().__init__(detail)
        self.held = held


class UploadStale(Exception):
    """The server holds more of the upload than its body has, or refused the body's
    SHA-256 at complete: start a new upload."""


@dataclass(frozen=True)
class PushUpload:
    """One batch on the wire as a named upload: what the store keeps of it."""

    upload_id: str
    op_ids: tuple[str, ...]
    size: int
    sha256: str

    @classmethod
    def of(cls, op_ids: list[str], body: bytes) -> PushUpload:
        """A new upload (a fresh id) of ``body``, the gzip of these operations' push body."""
        return cls(str(uuid.uuid4()), tuple(op_ids), len(body), hashlib.sha256(body).hexdigest())

    def matches(self, body: bytes) -> bool:
        """Whether ``body`` is the body this upload carries."""
        return len(body) == self.size and hashlib.sha256(body).hexdigest() == self.sha256

    def as_json(self) -> dict[str, Any]:
        """The setting's value."""
        return {
            "upload_id": self.upload_id,
            "op_ids": list(self.op_ids),
            "size": self.size,
            "sha256": self.sha256,
        }


def resumable(engine: RoundContext) -> bool:
    """Whether pushes go as named uploads: the server speaks protocol 3 with us."""
    return engine.transport.protocol_version >= RESUMABLE_PUSH_SINCE_PROTOCOL


def saved_upload(db: Database) -> PushUpload | None:
    """The upload a cut (or a restart) left on the wire, if the setting is sound."""
    value = get_setting(db, UPLOAD_KEY)
    if not isinstance(value, dict):
        return None
    op_ids, size, sha = value.get("op_ids"), value.get("size"), value.get("sha256")
    upload_id = value.get("upload_id")
    if not (
        isinstance(upload_id, str)
        and isinstance(op_ids, list)
        and op_ids
        and all(isinstance(op_id, str) for op_id in op_ids)
        and isinstance(size, int)
        and isinstance(sha, str)
    ):
        return None
    return PushUpload(upload_id, tuple(op_ids), size, sha)


def save_upload(db: Database, upload: PushUpload) -> None:
    """Keep ``upload`` (in the caller's transaction)."""
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [UPLOAD_KEY, json.dumps(upload.as_json())],
    )


def forget_upload(db: Database) -> None:
    """Drop the kept upload (in the caller's transaction: its answer's, when settled)."""
    db.execute("DELETE FROM settings WHERE key = ?", [UPLOAD_KEY])


def send(
    engine: RoundContext,
    upload: PushUpload,
    body: bytes,
    report: SyncReport,
    progress: UploadProgress,
) -> dict[str, Any]:
    """Send ``body`` from the server's offset and complete it: the push answer.

    Raises ``UploadsUnsupported`` (404), ``UploadStale`` (the server holds more than
    the body, or refused its SHA-256) and, after ``_RETRIES`` refusals, the last ``ServerRejected``.
    """
    url = f"{protocol.API_PREFIX}/push/uploads/{upload.upload_id}"
    known = engine.push_memory.offsets
    if upload.upload_id in known:
        engine.push_memory.confirmed.setdefault(upload.upload_id, known[upload.upload_id])
    for attempt in range(_RETRIES):
        try:
            offset = known.get(upload.upload_id)
            if offset is None:
                offset = _server_offset(engine, url, report)
                _note_held(engine, upload.upload_id, offset, report)
            if offset > upload.size:
                known.pop(upload.upload_id, None)
                raise UploadStale(f"the server holds {offset} of {upload.size} bytes")
            _send_from(engine, url, upload, body, offset, report, progress)
            response = _complete(engine, url, upload)
            _count(report, response)
            known.pop(upload.upload_id, None)
            engine.push_memory.confirmed.pop(upload.upload_id, None)
            return dict(response.json())
        except ServerRejected as exc:
            known.pop(upload.upload_id, None)  # ask the server next time
            if exc.status == 404:
                raise UploadsUnsupported(str(exc)) from exc
            if exc.status not in (409, 422) or attempt == _RETRIES - 1:
                raise
            _log.info("push upload %s resumes at the server's offset: %s", upload.upload_id, exc)
    raise AssertionError("unreachable")  # pragma: no cover


def _complete(engine: RoundContext, url: str, upload: PushUpload) -> TransportResponse:
    """Complete the upload; a body whose SHA-256 the server refuses (422: it dropped the
    part) raises ``UploadStale``, so its operations go in a new upload."""
    try:
        return engine.transport.post_json(
            f"{url}/complete",
            {"size": upload.size, "sha256": upload.sha256},
            cancel=engine.cancel,
            timeout_s=complete_timeout_s(engine.transport),
        )
    except ServerRejected as exc:
        if exc.status == 422:
            engine.push_memory.offsets.pop(upload.upload_id, None)
            raise UploadStale(f"the server refused the body's hash: {exc}") from exc
        raise


def _server_offset(engine: RoundContext, url: str, report: SyncReport) -> int:
    response = engine.transport.get(
        url, cancel=engine.cancel, timeout_s=block_timeout_s(engine.transport, SMALL_REQUEST_BYTES)
    )
    _count(report, response)
    return int(response.json().get("offset") or 0)


def _send_from(
    engine: RoundContext,
    url: str,
    upload: PushUpload,
    body: bytes,
    offset: int,
    report: SyncReport,
    progress: UploadProgress,
) -> None:
    """Send the body from ``offset`` on (streamed, or in blocks), noting each offset the
    server answers."""
    memory = engine.push_memory
    known = memory.offsets
    progress(offset, upload.size)
    futile = 0  # streams given up in a row with nothing gained
    while offset < upload.size and memory.streaming:
        try:
            offset = _stream_from(engine, url, upload, body, offset, report, progress)
        except _StreamGivenUp as given_up:
            # From the watch's last answer, or the offset question, which is the probe:
            # it waits a small request's time (a held connection goes through when a
            # short outage ends); still no answer is a dropped link, and the round ends
            # as after any other.
            before = offset
            held = given_up.held
            offset = held if held is not None else _server_offset(engine, url, report)
            _note_held(engine, upload.upload_id, offset, report)
            futile = futile + 1 if offset <= before else 0
            if futile >= _RETRIES:
                raise
    while offset < upload.size:
        engine.check_cancel()
        block = body[offset : offset + memory.block_bytes(chunk_bytes(engine.transport))]
        # Unknown while the block is on the wire: a drop may come before or after the
        # server appended it.
        known.pop(upload.upload_id, None)
        start = offset
        sending = _BlockSend(progress, start, upload.size)
        try:
            response = engine.transport.request(
                "PUT",
                f"{url}?offset={offset}",
                body=block,
                content_type="application/octet-stream",
                headers={protocol.HEADER_CHUNK_SHA256: hashlib.sha256(block).hexdigest()},
                compress=False,  # the body is gzip already; the block's hash is of these bytes
                cancel=engine.cancel,
                on_progress=sending.heard,
                timeout_s=block_timeout_s(engine.transport, len(block)),
            )
        except LinkDown:
            memory.block_cut(len(block))
            if sending.sent < len(block):  # not whole: the server cannot have appended it
                known[upload.upload_id] = start
            raise
        _count(report, response)
        offset = int(response.json()["offset"])
        known[upload.upload_id] = offset
        memory.block_answered(len(block))
        _note_held(engine, upload.upload_id, offset, report)
        progress(offset, upload.size)


def _stream_from(
    engine: RoundContext,
    url: str,
    upload: PushUpload,
    body: bytes,
    offset: int,
    report: SyncReport,
    progress: UploadProgress,
) -> int:
    """Send the rest of the body in one streamed PUT: the offset the server answers.

    The server appends what arrives as it arrives, so after a cut only the server knows
    what it holds (unless no byte was handed over): the next try asks it.
    """
    engine.check_cancel()
    known = engine.push_memory.offsets
    known.pop(upload.upload_id, None)
    rest = body[offset:]
    sending = _BlockSend(progress, offset, upload.size)
    try:
        with StreamWatch(engine.transport, url, upload.size) as watch:
            response = engine.transport.request(
                "PUT",
                f"{url}?offset={offset}",
                body=rest,
                content_type="application/octet-stream",
                headers={protocol.HEADER_UPLOAD_STREAM: "1"},
                compress=False,  # the body is gzip already; complete checks its hash
                cancel=engine.cancel,
                on_progress=sending.heard,
                timeout_s=stream_timeout_s(engine.transport),
                answer_wait=stream_answer_wait(engine.transport),
                send_buffer_bytes=stream_send_buffer_bytes(engine.transport),
                abort=watch.abort,
                watch_quiet=False,  # the watch asks about the stream itself
            )
    except LinkDown as exc:
        if sending.sent == 0:
            known[upload.upload_id] = offset
        if watch.verdict is not None:
            raise _StreamGivenUp(exc.detail, watch.held) from exc
        raise
    _count(report, response)
    held = int(response.json()["offset"])
    if held <= offset:  # nothing appended: the server no longer takes this upload
        raise UploadStale(f"a streamed PUT from {offset} left the server at {held}")
    known[upload.upload_id] = held
    _note_held(engine, upload.upload_id, held, report)
    progress(held, upload.size)
    return held


def _note_held(engine: RoundContext, upload_id: str, held: int, report: SyncReport) -> None:
    """The server holds ``held`` bytes of the upload: what it gained since it last said
    so counts as moved, even when the stream that carried it was cut before its answer."""
    confirmed = engine.push_memory.confirmed
    before = confirmed.get(upload_id)
    if before is not None and held > before:
        report.push_block_bytes += held - before
    confirmed[upload_id] = held


class _BlockSend:
    """One block's bytes handed to the wire so far, passed on as the upload's progress."""

    def __init__(self, progress: UploadProgress, start: int, size: int) -> None:
        self.progress, self.start, self.size = progress, start, size
        self.sent = 0

    def heard(self, sent: int) -> None:
        self.sent = sent
        self.progress(min(self.start + sent, self.size), self.size)


def _count(report: SyncReport, response: TransportResponse) -> None:
    report.bytes_sent += response.bytes_sent
    report.bytes_received += response.bytes_received
