"""The laptop's resumable push (protocol 3): a batch's gzip body sent as a named upload.

A one-shot ``POST /push`` cut mid-body is sent again from its start; on a link that
drops every few seconds a big batch may never get through. When the server speaks
protocol 3 the push names the batch's upload (a UUID made here), sends the gzip of
its push body in blocks sized from the measured throughput and uptime (below), each
with its SHA-256, then completes it with the whole body's size and
SHA-256; the server applies it as ``POST /push`` would (``danvan_server/push_upload.py``).

Blocks start small and double while they get through, a cut halves them and each block
answered afterwards lets them grow by a quarter, never past what the link carries in a
quarter of its typical uptime at the measured speed (``attachments.chunk_bytes``; see
``push_memory.UploadMemory``): a link whose uptime was overestimated (the first guess,
or one learnt elsewhere) still gets blocks through, where a batch sized the same way
would be cut again and again.

A block waits for its answer a few round trips past the time the whole block takes at
the measured speed (``block_timeout_s``; whatever of it still sits in buffers along
the way drains within that), not the transport's 30 s stall timeout: on a link that
goes silent without a reset (a lost radio bearer) a cut block costs seconds.

After a cut the upload resumes at the server's offset (``GET …/uploads/{id}``), unless
the engine knows it: its last block was answered and nothing was on the wire since, or
the block in flight was cut before all its bytes were handed over (the server keeps
only whole blocks, so it still holds what it held). The upload (its id, the operations it carries,
the body's size and SHA-256) is kept in the store's ``settings`` (``UPLOAD_KEY``) from
before its first block until its answer is settled, in the answer's own transaction:
a laptop restarted mid-upload rebuilds the same body from the same frozen (``sending``)
operations and resumes the same upload. A body that no longer matches what was kept
starts a new upload; a server that holds none of it gets it again from offset 0. A
lost answer to ``complete`` is handled by completing again: the server answers
``duplicate`` (with ``exact``) for the operations it holds.
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
from danvan_desktop.sync.transport import (
    LinkDown,
    ServerRejected,
    SyncTransport,
    TransportResponse,
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
BLOCK_MARGIN_S = 2.0  # a block's answer: the server's append and fsync, and some luck
BLOCK_TIMEOUT_RTTS = 4.0
# The offset question and complete are small requests: on a silent link they give up
# as a block would (a few round trips and a margin), not after the 30 s stall timeout;
# complete also waits for the server to apply the batch (up to 2,000 operations).
SMALL_REQUEST_BYTES = 1024
COMPLETE_APPLY_S = 8.0
_log = logging.getLogger(__name__)

# Hears (body bytes the server holds, body size) while an upload goes on.
UploadProgress = Callable[[int, int], None]


class UploadsUnsupported(Exception):
    """The server has no resumable push (404): the batch goes in one ``POST /push``."""


class UploadStale(Exception):
    """The server holds more of the upload than its body has: start a new upload."""


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
    the body) and, after ``_RETRIES`` refusals, the last ``ServerRejected``.
    """
    url = f"{protocol.API_PREFIX}/push/uploads/{upload.upload_id}"
    known = engine.push_memory.offsets
    for attempt in range(_RETRIES):
        try:
            offset = known.get(upload.upload_id)
            if offset is None:
                offset = _server_offset(engine, url, report)
            if offset > upload.size:
                known.pop(upload.upload_id, None)
                raise UploadStale(f"the server holds {offset} of {upload.size} bytes")
            _send_from(engine, url, upload, body, offset, report, progress)
            response = engine.transport.post_json(
                f"{url}/complete",
                {"size": upload.size, "sha256": upload.sha256},
                cancel=engine.cancel,
                timeout_s=complete_timeout_s(engine.transport),
            )
            _count(report, response)
            known.pop(upload.upload_id, None)
            return dict(response.json())
        except ServerRejected as exc:
            known.pop(upload.upload_id, None)  # ask the server next time
            if exc.status == 404:
                raise UploadsUnsupported(str(exc)) from exc
            if exc.status not in (409, 422) or attempt == _RETRIES - 1:
                raise
            _log.info("push upload %s resumes at the server's offset: %s", upload.upload_id, exc)
    raise AssertionError("unreachable")  # pragma: no cover


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
    """Send the blocks from ``offset`` on, noting each offset the server answers."""
    memory = engine.push_memory
    known = memory.offsets
    progress(offset, upload.size)
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
        report.push_block_bytes += len(block)
        progress(offset, upload.size)


def block_timeout_s(transport: SyncTransport, size: int) -> float:
    """How long a block of ``size`` bytes may go without a byte moving: the whole block
    at the measured speed (what is still in buffers when the last byte has been handed
    over drains within that), a few round trips and a margin; at most the stall timeout."""
    estimator = transport.estimator
    wanted = size / estimator.bytes_per_s + BLOCK_TIMEOUT_RTTS * estimator.rtt_s + BLOCK_MARGIN_S
    return min(transport.stall_timeout_s, wanted)


def complete_timeout_s(transport: SyncTransport) -> float:
    """How long ``complete`` may wait without a byte: a small request's time and the
    server's apply of the batch; at most the stall timeout."""
    wanted = block_timeout_s(transport, SMALL_REQUEST_BYTES) + COMPLETE_APPLY_S
    return min(transport.stall_timeout_s, wanted)


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
