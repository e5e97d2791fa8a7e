"""HTTP plumbing shared by the endpoints: errors, protocol headers, gzip JSON bodies.

Every refusal is an ``ApiError`` answered as ``{"detail": message}`` with a 4xx
status, the message in the language the request asked for; a malformed request
never reaches the code that could turn it into a 500. A body nested deeper than
``MAX_JSON_DEPTH`` is refused before it is parsed (the parser, and every function
that walks a value, recurses once per level), and each refused body is logged as
one line, at most one per client per ``RefusalLog.interval_s``: a client sending a
thousand bad bodies leaves a line and a count, never a thousand tracebacks.
"""

from __future__ import annotations

import json
import logging
import re
import time
import zlib
from collections.abc import Callable
from typing import Any

from fastapi import Request
from starlette.requests import ClientDisconnect

from danvan_desktop.sync.protocol import (
    HEADER_CHUNK_SHA256,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
)
from danvan_server.messages import language_of, say

log = logging.getLogger(__name__)
# Arrays and objects inside one another. A push nests four levels around a field's value,
# and no field holds more than a list of ids; Python's parser gives up near 1,000.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENERS = frozenset(b"[{")


class ApiError(Exception):
    """A request the server refuses: HTTP status and a message for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class BodyRefused(ApiError):
    """A request body refused before it was used: the user's message, and for the log
    a short reason in English."""

    def __init__(self, status: int, message: str, reason: str) -> None:
        super().__init__(status, message)
        self.reason = reason


class ClientGone(ApiError):
    """The client went away before its body was read (a dropped link mid-upload): an
    everyday event on a mountain link, logged as one info line, never a traceback. The
    answer goes nowhere; it is there so the request ends like any refused one."""

    def __init__(self, request: Request) -> None:
        super().__init__(400, "client disconnected")
        client = request.client.host if request.client else "?"
        log.info("client %s disconnected during %s %s", client, request.method, request.url.path)


class RefusalLog:
    """One warning line per client per ``interval_s`` about refused bodies; the refusals
    in between are counted and the count is told with the client's next line.

    Used from the event loop only (one thread), so it needs no lock.
    """

    def __init__(
        self,
        interval_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.interval_s = interval_s
        self._clock = clock
        self._max_clients = max_clients
        self._clients: dict[str, tuple[float, int]] = {}  # client -> (last line, unlogged)

    def note(self, request: Request, refusal: BodyRefused) -> None:
        """Log this refusal, or count it when the client had its line recently."""
        client = request.client.host if request.client else "unknown"
        now = self._clock()
        last = self._clients.get(client)
        if last is not None and now - last[0] < self.interval_s:
            self._clients[client] = (last[0], last[1] + 1)
            return
        unlogged = last[1] if last is not None else 0
        self._forget_old(now)
        self._clients[client] = (now, 0)
        log.warning(
            "refused %s %s from %s: %d %s%s",
            request.method,
            request.url.path,
            client,
            refusal.status,
            refusal.reason,
            f" (and {unlogged} more refused bodies from this client since its last line)"
            if unlogged
            else "",
        )

    def _forget_old(self, now: float) -> None:
        if len(self._clients) < self._max_clients:
            return
        for client, (when, _count) in list(self._clients.items()):
            if now - when >= self.interval_s:
                del self._clients[client]
        if len(self._clients) >= self._max_clients:  # all recent: a flood of addresses
            self._clients.clear()


def refusal_log(request: Request) -> RefusalLog:
    """The app's refusal log (made with the first refusal)."""
    state = request.app.state
    found = getattr(state, "refusal_log", None)
    if not isinstance(found, RefusalLog):
        found = RefusalLog()
        state.refusal_log = found
    return found


def nesting_exceeds(body: bytes, limit: int) -> bool:
    """Whether JSON text nests arrays and objects more than ``limit`` deep (a scan of the
    bytes that skips strings; no parsing, no recursion)."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        if byte in _OPENERS:
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def request_language(request: Request) -> str:
    """The language of the request's messages."""
    return language_of(request.headers.get("accept-language"))


def _header_int(request: Request, name: str, language: str) -> int:
    value = request.headers.get(name)
    if value is None:
        raise ApiError(
            400,
            say(
                language,
                "Yêu cầu thiếu tiêu đề {header}: hãy dùng phần mềm Dân vận khéo để đồng bộ.",
                header=name,
            ),
        )
    try:
        return int(value.strip())
    except ValueError:
        raise ApiError(
            400,
            say(
                language,
                "Tiêu đề {header} phải là một số nguyên, không phải «{value}».",
                header=name,
                value=value[:40],
            ),
        ) from None


def check_protocol_headers(request: Request) -> int:
    """Refuse requests without protocol headers, and clients too old (426); the version."""
    language = request_language(request)
    protocol = _header_int(request, HEADER_PROTOCOL, language)
    _header_int(request, HEADER_SCHEMA, language)
    if protocol < MIN_PROTOCOL_VERSION:
        raise ApiError(
            426,
            say(
                language,
                "Phiên bản phần mềm này quá cũ (giao thức {client}), máy chủ của thành phố chỉ "
                "nhận từ "
                "giao thức {minimum}: hãy cập nhật phần mềm. Dữ liệu vẫn được giữ trên máy và "
                "sẽ gửi sau khi cập nhật.",
                client=protocol,
                minimum=MIN_PROTOCOL_VERSION,
            ),
        )
    if protocol > PROTOCOL_VERSION:
        raise ApiError(
            400,
            say(
                language,
                "Máy chủ của thành phố chưa hỗ trợ giao thức {client} (máy chủ dùng giao thức "
                "{server}): "
                "hãy báo cán bộ quản trị cập nhật máy chủ.",
                client=protocol,
                server=PROTOCOL_VERSION,
            ),
        )
    return protocol


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, un-gzipped when it says so, refused past ``limit`` bytes."""
    try:
        return await _read_body(request, limit)
    except BodyRefused as refusal:
        refusal_log(request).note(request, refusal)
        raise
    except ClientDisconnect:
        raise ClientGone(request) from None


async def read_chunk(request: Request, limit: int) -> tuple[bytes, str]:
    """One chunk of a resumable upload (a file's or a push body's) and the SHA-256 its
    X-Chunk-SHA256 header gives; 400 without the header, as read_body past ``limit``."""
    chunk_sha = request.headers.get(HEADER_CHUNK_SHA256)
    if not chunk_sha:
        raise ApiError(
            400,
            say(
                request_language(request),
                "Thiếu tiêu đề {header}: mỗi phần tệp phải kèm mã kiểm tra.",
                header=HEADER_CHUNK_SHA256,
            ),
        )
    return await read_body(request, limit), chunk_sha


async def _read_body(request: Request, limit: int) -> bytes:
    language = request_language(request)
    too_big = BodyRefused(
        413,
        say(
            language,
            "Yêu cầu quá lớn (hơn {limit} byte): hãy gửi thành nhiều phần nhỏ hơn.",
            limit=limit,
        ),
        f"body over {limit} bytes",
    )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    raw = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding != "gzip":
        raise BodyRefused(
            415,
            say(
                language,
                "Máy chủ chỉ nhận nội dung nén gzip, không nhận «{encoding}».",
                encoding=encoding[:40],
            ),
            f"content encoding {encoding[:40]!r}",
        )
    return _gunzip(raw, limit, language, too_big)


def _gunzip(raw: bytes, limit: int, language: str, too_big: BodyRefused) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        # max_length bounds memory: a small bomb cannot expand past the limit.
        data = inflater.decompress(raw, limit + 1)
        if len(data) > limit or inflater.unconsumed_tail:
            raise too_big
        if not inflater.eof:
            raise zlib.error("truncated")
    except zlib.error:
        raise BodyRefused(
            400,
            say(language, "Nội dung nén gzip bị hỏng hoặc không đầy đủ: hãy gửi lại."),
            "corrupt gzip",
        ) from None
    return data


async def read_json_object(request: Request, limit: int) -> dict[str, Any]:
    """The body parsed as a JSON object (400 with a message otherwise)."""
    try:
        return _json_object(await _read_body(request, limit), request_language(request))
    except BodyRefused as refusal:
        refusal_log(request).note(request, refusal)
        raise
    except ClientDisconnect:
        raise ClientGone(request) from None


def _json_object(body: bytes, language: str) -> dict[str, Any]:
    too_deep = BodyRefused(
        400,
        say(
            language,
            "Nội dung yêu cầu lồng nhau quá sâu (hơn {limit} cấp): máy chủ của thành phố "
            "không nhận; hãy dùng phần mềm Dân vận khéo để đồng bộ.",
            limit=MAX_JSON_DEPTH,
        ),
        f"JSON nested deeper than {MAX_JSON_DEPTH} levels",
    )
    if nesting_exceeds(body, MAX_JSON_DEPTH):
        raise too_deep
    try:
        document = json.loads(body)
    except RecursionError:  # the scan above makes this unreachable; kept as a guard
        raise too_deep from None
    except (ValueError, UnicodeDecodeError):
        raise BodyRefused(
            400,
            say(language, "Nội dung yêu cầu không phải JSON hợp lệ: hãy gửi lại."),
            "not valid JSON",
        ) from None
    if not isinstance(document, dict):
        raise BodyRefused(
            400,
            say(language, "Nội dung yêu cầu phải là một đối tượng JSON."),
            "JSON that is not an object",
        )
    return document
