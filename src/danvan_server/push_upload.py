"""Resumable push (protocol 3): a push body sent in blocks the server keeps.

A batch cut mid-upload on a one-shot ``POST /push`` is sent again from its start. Here
the laptop names the upload (``upload_id``, a UUID it makes) and sends the gzip of its
push body in blocks; each block is appended at the offset the server holds, checked
against its own SHA-256 and fsynced before it is acknowledged, so a server restart
loses nothing acknowledged and a cut costs only the block in flight. ``complete``
checks the whole body's size and SHA-256, then applies it as ``POST /push`` would
(through the ``PushWriter``, idempotent by ``op_id``): a complete sent again after a
lost answer is answered with ``duplicate`` results. A protocol-2 client never asks;
its push stays one-shot.

- ``GET /api/v1/push/uploads/{id}`` → ``{"offset"}``, and ``"receiving"`` while a
  stream is live on the upload
- ``PUT /api/v1/push/uploads/{id}?offset=N`` (X-Chunk-SHA256) → ``{"offset"}``
- ``PUT /api/v1/push/uploads/{id}?offset=N`` (X-Upload-Stream: 1), the rest of the body
  streamed and appended as it arrives (``push_stream.py``) → ``{"offset"}``
- ``POST /api/v1/push/uploads/{id}/complete`` ``{"size", "sha256"}`` → the push answer

Uploads live under the attachments folder as ``push-uploads/<device key>/<id>.part``
(0600), one device's apart from another's; a part left untouched for
``STALE_AFTER_S`` is removed when that device starts a new upload.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import zlib
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from danvan_desktop.core.private_files import open_private, private_dir
from danvan_desktop.sync.protocol import API_PREFIX
from danvan_server import auth, push
from danvan_server.attachments import OffsetMismatch, check_sha256
from danvan_server.http import (
    ApiError,
    check_protocol_headers,
    nesting_exceeds,
    read_chunk,
    read_json_object,
    request_language,
)
from danvan_server.messages import say
from danvan_server.openapi_docs import BODIES
from danvan_server.push_stream import PartWriters, stream_append, too_big, wants_stream
from danvan_server.push_writer import PushWriter
from danvan_server.settings import Settings

RESUMABLE_PUSH_SINCE_PROTOCOL = 3
STALE_AFTER_S = 2 * 24 * 3600
MAX_INT64 = 2**63 - 1
_UPLOAD_ID = re.compile(r"[0-9A-Za-z-]{8,64}")


class PushUploads:
    """The push bodies being received, one file per device and upload."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.writers = PartWriters(max_bytes)

    def part_path(self, scope: auth.Scope, upload_id: str) -> Path:
        """Where this device's upload lives."""
        device_key = hashlib.sha256(scope.device_id.encode()).hexdigest()[:16]
        return self.folder / device_key / f"{upload_id}.part"

    def offset(self, scope: auth.Scope, upload_id: str) -> dict[str, int]:
        """How many bytes of the upload the server holds, and while a stream is live on
        it, how many that stream has received (``receiving``)."""
        part = self.part_path(scope, upload_id)
        answer = {"offset": self.writers.held(part)}
        receiving = self.writers.receiving(part)
        if receiving is not None:
            answer["receiving"] = max(receiving, answer["offset"])
        return answer

    async def stream(
        self, scope: auth.Scope, upload_id: str, offset: int, request: Request, lang: str
    ) -> int:
        """Append a streamed PUT's body from ``offset`` as it arrives: the new offset."""
        part = self.part_path(scope, upload_id)
        if offset == 0 and part.parent.is_dir():
            await run_in_threadpool(_remove_stale, part.parent)
        return await stream_append(self.writers, part, offset, request, lang)

    def append(
        self, scope: auth.Scope, upload_id: str, offset: int, data: bytes, chunk_sha: str, lang: str
    ) -> int:
        """Append one verified block at ``offset`` (fsynced before it is acknowledged)."""
        if hashlib.sha256(data).hexdigest() != chunk_sha.strip().lower():
            raise ApiError(
                422, say(lang, "Mã kiểm tra của phần tệp không khớp: hãy gửi lại phần này.")
            )
        part = self.part_path(scope, upload_id)
        self.writers.take_over(part)  # a stream still open on this upload appends no more
        with self.writers.lock:
            held = part.stat().st_size if part.exists() else 0
            if offset != held:
                raise OffsetMismatch(held, lang)
            if held + len(data) > self.max_bytes:
                raise too_big(self.max_bytes, lang)
            if held == 0:
                private_dir(part.parent)
                _remove_stale(part.parent)
            with open_private(part, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return held + len(data)

    def body(
        self, scope: auth.Scope, upload_id: str, size: int, sha256: str, lang: str
    ) -> dict[str, Any]:
        """The whole push body, once its size and SHA-256 match (409/422 otherwise)."""
        part = self.part_path(scope, upload_id)
        held = part.stat().st_size if part.exists() else 0
        if held != size:
            raise OffsetMismatch(held, lang, expected=size)
        data = part.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            part.unlink()
            raise ApiError(
                422,
                say(
                    lang,
                    "Tệp nhận được không khớp mã SHA-256 của nó nên đã bị bỏ: hãy gửi lại từ đầu.",
                ),
            )
        return _json_body(data, self.max_bytes, lang)


def _json_body(data: bytes, limit: int, lang: str) -> dict[str, Any]:
    """The gzip of a JSON object, decoded (400 when it is not one)."""
    not_json = ApiError(400, say(lang, "Nội dung yêu cầu không phải JSON hợp lệ: hãy gửi lại."))
    try:
        inflater = zlib.decompressobj(wbits=31)
        raw = inflater.decompress(data, limit)
        if inflater.unconsumed_tail:
            raise ApiError(
                413,
                say(
                    lang,
                    "Yêu cầu quá lớn (hơn {limit} byte): hãy gửi thành nhiều phần nhỏ hơn.",
                    limit=limit,
                ),
            )
        if nesting_exceeds(raw, 64):
            raise not_json
        body = json.loads(raw)
    except (zlib.error, ValueError):
        raise not_json from None
    if not isinstance(body, dict):
        raise not_json
    return body


def _remove_stale(folder: Path) -> None:
    """Remove this device's uploads untouched for ``STALE_AFTER_S``."""
    cutoff = time.time() - STALE_AFTER_S
    for old in [*folder.glob("*.part"), *folder.glob("*.live")]:
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except FileNotFoundError:
            pass


def _scope(request: Request) -> auth.Scope:
    """The device, when it speaks protocol 3 or later (404 to an older client)."""
    language = request_language(request)
    if check_protocol_headers(request) < RESUMABLE_PUSH_SINCE_PROTOCOL:
        raise ApiError(
            404,
            say(
                language,
                "Máy chủ của thành phố nhận gửi tiếp từng phần từ giao thức {since}: "
                "hãy gửi cả lượt trong một yêu cầu (POST /push).",
                since=RESUMABLE_PUSH_SINCE_PROTOCOL,
            ),
        )
    engine = request.app.state.engine
    scope = auth.authenticate(engine, request.headers.get("authorization"), language)
    auth.note_seen(engine, scope)
    return scope


ScopeDep = Annotated[auth.Scope, Depends(_scope)]


def _upload_id(upload_id: str, language: str) -> str:
    if not _UPLOAD_ID.fullmatch(upload_id):
        raise ApiError(
            422,
            say(
                language,
                "Mã lượt gửi «{value}» không hợp lệ: hãy dùng 8–64 chữ cái, chữ số hoặc "
                "dấu gạch ngang.",
                value=upload_id[:80],
            ),
        )
    return upload_id


def add_push_upload_routes(app: FastAPI, uploads: PushUploads) -> None:
    """Register the resumable push's routes on ``app``."""
    settings: Settings = app.state.settings
    writer: PushWriter = app.state.push_writer
    prefix = f"{API_PREFIX}/push/uploads"

    @app.get(f"{prefix}/{{upload_id}}", tags=["sync"])
    def upload_offset(request: Request, upload_id: str, scope: ScopeDep) -> dict[str, Any]:
        """How many bytes of this push body the server holds (where the upload resumes)."""
        return uploads.offset(scope, _upload_id(upload_id, request_language(request)))

    @app.put(f"{prefix}/{{upload_id}}", tags=["sync"], openapi_extra=BODIES["chunk"])
    async def put_block(
        request: Request,
        upload_id: str,
        scope: ScopeDep,
        offset: Annotated[int, Query(ge=0, le=MAX_INT64)],
    ) -> dict[str, Any]:
        """Append one block of the push body at ``offset`` (X-Chunk-SHA256: its hash), or
        with X-Upload-Stream: 1 the rest of the body as it arrives: the new offset."""
        language = request_language(request)
        _upload_id(upload_id, language)
        if wants_stream(request):
            return {"offset": await uploads.stream(scope, upload_id, offset, request, language)}
        data, chunk_sha = await read_chunk(request, settings.max_chunk_bytes)
        held = await run_in_threadpool(
            uploads.append, scope, upload_id, offset, data, chunk_sha, language
        )
        return {"offset": held}

    @app.post(
        f"{prefix}/{{upload_id}}/complete",
        tags=["sync"],
        response_model=None,
        openapi_extra=BODIES["push_complete"],
    )
    async def complete_push(request: Request, upload_id: str, scope: ScopeDep) -> Response:
        """Apply the whole body once its size and SHA-256 match: the push answer."""
        language = request_language(request)
        _upload_id(upload_id, language)
        client = check_protocol_headers(request)
        claim = await read_json_object(request, 64 * 1024)
        size, sha256 = claim.get("size"), claim.get("sha256")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ApiError(422, say(language, "«size» phải là số byte của tệp."))
        check_sha256(str(sha256), language)
        body = await run_in_threadpool(uploads.body, scope, upload_id, size, str(sha256), language)
        job = push.prepare(body, scope, settings.max_ops_per_push, language, client)
        answer = await writer.apply(job)
        content = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
        return Response(content=content, media_type="application/json")
