"""The sync transport's failures, and the HTTP statuses that raise them.

Four kinds the engine acts on: ``LinkDown`` (``ServerUnreachable`` when nothing listens
at the address, ``CertificateUntrusted`` when TLS cannot be verified) and
``ServerError`` (retry later), ``ServerRejected`` (don't), ``ProtocolTooOld`` (keep
queuing, tell the user). Import them from ``transport.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.core.i18n import tr
from danvan_desktop.sync.transport_body import retry_after_s, server_message

_CTX = "SyncTransport"


class TransportError(DanvanError):
    """A request that did not get a usable answer; ``retryable`` says whether to try again."""

    retryable = True


class LinkDown(TransportError):
    """No answer: refused, reset, timed out or stalled. Retry later."""

    def __init__(self, detail: str, message: str | None = None) -> None:
        super().__init__(
            message
            or tr(
                _CTX,
                "Mất kết nối tới máy chủ của thành phố. Dữ liệu vẫn được giữ trên máy "
                "và sẽ tự gửi lại khi có mạng.",
            )
        )
        self.detail = detail  # technical reason, for the log only


class ServerUnreachable(LinkDown):
    """Nothing answers at the server's address: refused (server not running), or no route
    or name. Reported at once, not after a stall timeout. Retry later."""


class CertificateUntrusted(LinkDown):
    """TLS verification failed: a wrong CA setting, or a network that intercepts HTTPS."""


class ServerError(TransportError):
    """The server failed (5xx, or asked us to slow down: 408/429). Retry later."""

    def __init__(self, status: int, message: str, retry_after_s: float | None = None) -> None:
        super().__init__(
            tr(
                _CTX,
                "Máy chủ của thành phố đang gặp sự cố (mã {status}); sẽ tự thử lại sau.",
                status=status,
            )
        )
        self.status = status
        self.server_message = message
        self.retry_after_s = retry_after_s


class ServerRejected(TransportError):
    """The server refused the request (4xx) with a message; sending it again will not help."""

    retryable = False

    def __init__(self, status: int, message: str) -> None:
        super().__init__(
            message
            or tr(_CTX, "Máy chủ của thành phố từ chối yêu cầu (mã {status}).", status=status)
        )
        self.status = status


class ProtocolTooOld(TransportError):
    """HTTP 426: this release speaks a protocol the server no longer accepts."""

    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(
            message
            or tr(
                _CTX,
                "Phiên bản ứng dụng này đã cũ, máy chủ của thành phố không nhận nữa. Hãy cập nhật "
                "ứng dụng; dữ liệu vẫn được giữ trên máy để gửi sau.",
            )
        )


def raise_for_status(status: int, content: bytes, headers: Mapping[str, str]) -> None:
    if 200 <= status < 300:
        return
    message = server_message(content)
    if status == 426:
        raise ProtocolTooOld(message)
    if status >= 500 or status in (408, 429):
        raise ServerError(status, message, retry_after_s(headers.get("Retry-After")))
    if 300 <= status < 400:
        message = message or tr(
            _CTX,
            "Máy chủ của thành phố chuyển hướng sang {location}. Hãy kiểm tra địa chỉ máy chủ ở "
            "trang "
            "Đồng bộ (khung «Máy chủ của thành phố»).",
            location=headers.get("Location", "?"),
        )
    raise ServerRejected(status, message)


def cancelled() -> OperationCancelled:
    return OperationCancelled(tr(_CTX, "Đã dừng đồng bộ theo yêu cầu."))
