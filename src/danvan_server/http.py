"""HTTP plumbing shared by the endpoints: errors, protocol headers, gzip JSON bodies.

Every refusal is an ``ApiError`` answered as ``{"detail": message}`` with a 4xx
status, the message in the language the request asked for; a malformed request
never reaches the code that could turn it into a 500.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from fastapi import Request

from danvan_desktop.sync.protocol import (
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
)
from danvan_server.messages import language_of, say


class ApiError(Exception):
    """A request the server refuses: HTTP status and a message for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


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
                "Phiên bản phần mềm này quá cũ (giao thức {client}), máy chủ tỉnh chỉ nhận từ "
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
                "Máy chủ tỉnh chưa hỗ trợ giao thức {client} (máy chủ dùng giao thức {server}): "
                "hãy báo cán bộ quản trị cập nhật máy chủ.",
                client=protocol,
                server=PROTOCOL_VERSION,
            ),
        )
    return protocol


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, un-gzipped when it says so, refused past ``limit`` bytes."""
    language = request_language(request)
    too_big = ApiError(
        413,
        say(
            language,
            "Yêu cầu quá lớn (hơn {limit} byte): hãy gửi thành nhiều phần nhỏ hơn.",
            limit=limit,
        ),
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
        raise ApiError(
            415,
            say(
                language,
                "Máy chủ chỉ nhận nội dung nén gzip, không nhận «{encoding}».",
                encoding=encoding[:40],
            ),
        )
    return _gunzip(raw, limit, language, too_big)


def _gunzip(raw: bytes, limit: int, language: str, too_big: ApiError) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        # max_length bounds memory: a small bomb cannot expand past the limit.
        data = inflater.decompress(raw, limit + 1)
        if len(data) > limit or inflater.unconsumed_tail:
            raise too_big
        if not inflater.eof:
            raise zlib.error("truncated")
    except zlib.error:
        raise ApiError(
            400,
            say(language, "Nội dung nén gzip bị hỏng hoặc không đầy đủ: hãy gửi lại."),
        ) from None
    return data


async def read_json_object(request: Request, limit: int) -> dict[str, Any]:
    """The body parsed as a JSON object (400 with a message otherwise)."""
    language = request_language(request)
    body = await read_body(request, limit)
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(
            400,
            say(language, "Nội dung yêu cầu không phải JSON hợp lệ: hãy gửi lại."),
        ) from None
    if not isinstance(document, dict):
        raise ApiError(400, say(language, "Nội dung yêu cầu phải là một đối tượng JSON."))
    return document
