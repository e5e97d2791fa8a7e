"""The sync engine's HTTP client: one kept-alive session, gzip, and stall timeouts.

A mountain 2G link carries ~6 KB/s and drops often, so a timeout on the total
time of a request would fail every big batch; we time out on stalls instead
("no byte moved for N seconds"), both ways:

- Upload: requests would send a bytes body in one ``sendall`` under the connect
  timeout. We hand it an iterable of small blocks instead (with a length, so the
  request has a Content-Length, not chunked encoding). A watchdog thread sees
  the byte count stop moving and shuts the socket down; the same watchdog aborts
  the socket at once when the caller's cancel event is set.
- Download: the read timeout is per ``recv``, which is already a stall timeout.

The watchdog and the socket it watches live in ``request_guard.py``. Every request sends
the protocol and schema versions; TLS is always verified (a CA bundle may be
given for the city's own authority). Failures become four exceptions the
engine acts on: ``LinkDown`` (``ServerUnreachable`` when nothing listens at the
address) and ``ServerError`` (retry later), ``ServerRejected`` (don't),
``ProtocolTooOld`` (keep queuing, tell the user).
Each request's bytes/second feed the ``ThroughputEstimator`` that sizes batches.

What crossed the wire is counted whatever the request's end (``wire_totals``): the
bytes of a request that failed or was cut count as much as an answered one's, so a
round reports what it really cost. A body can be handed to the caller as it arrives
(``on_body``): a stream of items keeps what came before a cut. A probe after a drop
asks with its own short timeout (``probe_timeout_s``), so a silent black hole costs a
few seconds, not the 30 s stall timeout.
"""

from __future__ import annotations

import gzip
import json
import logging
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from danvan_desktop.core.errors import (
    DanvanError,
    FieldProblem,
    ValidationError,
)
from danvan_desktop.core.i18n import current_language, tr
from danvan_desktop.core.server_address import checked_server_url
from danvan_desktop.sync.protocol import API_PREFIX
from danvan_desktop.sync.request_guard import (
    Aborted,
    AnswerWait,
    BlockBody,
    ProgressCallback,
    RequestGuard,
    TrackingAdapter,
)
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport_body import (
    READ_CHUNK_BYTES,
    BodyCallback,
    WireIn,
    caused_by,
    read_body,
)
from danvan_desktop.sync.transport_errors import (
    CertificateUntrusted,
    LinkDown,
    ProtocolTooOld,
    ServerError,
    ServerRejected,
    ServerUnreachable,
    TransportError,
    cancelled,
    raise_for_status,
)

PROTOCOL_HEADER = "X-Danvan-Protocol"
SCHEMA_HEADER = "X-Danvan-Schema"
DEFAULT_STALL_TIMEOUT_S = 30.0
DEFAULT_BLOCK_BYTES = 4096  # ~0.5 s of a 64 kbit/s link: progress stays visible
_MIN_SEND_BUFFER = 8 * 1024
_MAX_SEND_BUFFER = 1024 * 1024
# A probe waits a few round trips and a margin, within these bounds (never the stall's 30 s).
PROBE_TIMEOUT_MIN_S = 2.0
PROBE_TIMEOUT_MAX_S = 8.0
PROBE_TIMEOUT_RTTS = 4.0
# A probe made while the link is down goes on a new connection, held until the link is
# back (as a retransmitted SYN is): its answer then takes two round trips more.
PROBE_MARGIN_S = 2.0
# A request with nothing moving either way for a read piece's time at the measured speed,
# two round trips and a second makes the transport ask /health on another connection.
QUIET_RTTS = 2.0
QUIET_MARGIN_S = 1.0
_CTX = "SyncTransport"
_log = logging.getLogger(__name__)
# The failures are defined in transport_errors.py; callers import them from here.
__all__ = [
    "CertificateUntrusted",
    "LinkDown",
    "ProtocolTooOld",
    "ServerError",
    "ServerRejected",
    "ServerUnreachable",
    "SyncTransport",
    "TransportError",
    "TransportResponse",
]


@dataclass(frozen=True)
class TransportResponse:
    """A successful (2xx) answer, with what it cost on the wire."""

    status: int
    body: bytes
    headers: Mapping[str, str]
    bytes_sent: int  # request body as sent (compressed)
    bytes_received: int  # response body as received (before gzip decoding)
    elapsed_s: float

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


class SyncTransport:
    """HTTP client of the sync engine; one instance per server, used from one thread at a
    time (the pull fetches its next page on a helper thread: sync/pull_prefetch.py)."""

    def __init__(
        self,
        base_url: str,
        *,
        protocol_version: str,
        schema_version: int | str,
        auth_token: str | None = None,
        ca_bundle: str | Path | None = None,
        stall_timeout_s: float = DEFAULT_STALL_TIMEOUT_S,
        block_bytes: int = DEFAULT_BLOCK_BYTES,
        estimator: ThroughputEstimator | None = None,
    ) -> None:
        self.base_url = _checked_base_url(base_url)
        self.protocol_version = int(protocol_version)
        self._verify: bool | str = True if ca_bundle is None else _checked_ca_bundle(ca_bundle)
        self.stall_timeout_s = stall_timeout_s
        self._block_bytes = block_bytes
        self.estimator = estimator or ThroughputEstimator()
        self._wire_lock = threading.Lock()
        self._wire_sent = 0
        self._wire_received = 0
        self._session = requests.Session()
        adapter = TrackingAdapter(pool_connections=1, pool_maxsize=2, max_retries=0)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._session.headers.update(
            {
                PROTOCOL_HEADER: protocol_version,
                SCHEMA_HEADER: str(schema_version),
                "Accept-Encoding": "gzip",
            }
        )
        self.set_auth_token(auth_token)

    def set_auth_token(self, token: str | None) -> None:
        """Send ``Authorization: Bearer <token>`` from now on (None: no token)."""
        if token is None:
            self._session.headers.pop("Authorization", None)
        else:
            self._session.headers["Authorization"] = f"Bearer {token}"

    def wire_totals(self) -> tuple[int, int]:
        """Body bytes (sent, received) on the wire since this transport was made, counting
        requests that failed or were cut as well as answered ones."""
        with self._wire_lock:
            return self._wire_sent, self._wire_received

    def probe_timeout_s(self) -> float:
        """How long a probe waits: a few measured round trips, a few seconds at most."""
        wanted = PROBE_MARGIN_S + PROBE_TIMEOUT_RTTS * self.estimator.rtt_s
        bounded = min(PROBE_TIMEOUT_MAX_S, max(PROBE_TIMEOUT_MIN_S, wanted))
        return min(bounded, self.stall_timeout_s)

    def quiet_s(self) -> float:
        """How long nothing may move on a request before the link is asked about."""
        estimator = self.estimator
        return (
            READ_CHUNK_BYTES / estimator.bytes_per_s
            + QUIET_RTTS * estimator.rtt_s
            + (QUIET_MARGIN_S)
        )

    def _link_answers(self, wait_s: float) -> bool:
        """Whether the server answers /health on another connection within ``wait_s``
        (any answer counts: the link carries it)."""
        try:
            self.request(
                "GET",
                f"{API_PREFIX}/health",
                timeout_s=wait_s,
                measure=False,
                watch_quiet=False,
            )
        except LinkDown:
            return False
        except DanvanError:
            return True
        return True

    def _count_wire(self, sent: int, received: int) -> None:
        with self._wire_lock:
            self._wire_sent += sent
            self._wire_received += received

    def close(self) -> None:
        """Close the kept-alive connections."""
        self._session.close()

    def forget_connections(self) -> None:
        """Close the idle kept-alive connections: after the link dropped, one of them may
        have been left in silence, and a request sent on it would wait for nothing. The
        next requests open new ones (those in use close when they are handed back)."""
        for adapter in self._session.adapters.values():
            adapter.close()

    def __enter__(self) -> SyncTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(self, path: str, **kwargs: Any) -> TransportResponse:
        """GET ``path``; keyword arguments as for ``request``."""
        return self.request("GET", path, **kwargs)

    def post_json(self, path: str, payload: object, **kwargs: Any) -> TransportResponse:
        """POST ``payload`` as compact UTF-8 JSON (gzipped)."""
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        return self.request("POST", path, body=body, **kwargs)

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        content_type: str = "application/json",
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        headers: Mapping[str, str] | None = None,
        compress: bool = True,
        timeout_s: float | None = None,
        on_body: BodyCallback | None = None,
        answer_wait: AnswerWait | None = None,
        send_buffer_bytes: int | None = None,
        abort: threading.Event | None = None,
        measure: bool = True,
        watch_quiet: bool = True,
    ) -> TransportResponse:
        """Send one request; return its 2xx answer or raise a ``TransportError``.

        ``headers`` are added to the request's; ``compress=False`` sends the body as is
        (photos and other compressed files gain nothing from gzip). ``timeout_s`` replaces
        the stall timeout for this request (a probe's); ``on_body`` hears each piece of a
        2xx answer's body as it arrives (the answer's ``body`` is then empty).
        ``answer_wait`` bounds the wait for the answer once the body is handed over
        (from the bytes handed and the time that took; what is still in buffers along
        the way drains then), within the stall timeout; ``send_buffer_bytes`` replaces
        the kernel's send buffer (``send_buffer_bytes()``). Setting ``abort`` (from another
        thread) ends the request at once as ``LinkDown``; ``measure=False`` keeps a small
        watching request out of the link's estimates (its bytes still count on the wire);
        ``watch_quiet=False`` asks no /health when nothing moves (a probe's own request).
        """
        headers = {"Accept-Language": current_language(), **(headers or {})}
        payload = None
        if body is not None:
            headers["Content-Type"] = content_type
            payload = body
            if compress:
                # Level 9: the link, not the CPU, is what a sync round waits for.
                payload = gzip.compress(body, compresslevel=9, mtime=0)
                headers["Content-Encoding"] = "gzip"
        if cancel is not None and cancel.is_set():
            raise cancelled()
        started = time.monotonic()
        stall_s = self.stall_timeout_s if timeout_s is None else timeout_s
        # With an answer wait, the watchdog bounds the answer; the reads keep the stall's.
        read_s = stall_s if answer_wait is None else max(stall_s, self.stall_timeout_s)
        wire = WireIn()
        buffer_bytes = send_buffer_bytes or self.send_buffer_bytes()
        quiet_s = self.quiet_s()
        # Worth watching only when the request's own timeout would come later.
        probe = self._link_answers if watch_quiet and stall_s > quiet_s else None
        with RequestGuard(
            stall_s,
            cancel,
            buffer_bytes,
            answer_wait,
            abort,
            probe,
            quiet_s,
            self.probe_timeout_s(),
        ) as guard:
            data = (
                None
                if payload is None
                else BlockBody(payload, self._block_bytes, guard, on_progress)
            )
            try:
                response = self._session.request(
                    method,
                    f"{self.base_url}/{path.lstrip('/')}",
                    data=data,
                    headers=headers,
                    timeout=(stall_s, read_s),
                    verify=self._verify,
                    stream=True,
                    allow_redirects=False,
                )
                guard.answered()
                with response:
                    streaming = on_body if 200 <= response.status_code < 300 else None
                    content = read_body(response, guard, wire, streaming)
            except (requests.RequestException, OSError, Aborted) as exc:
                self._count_wire(guard.sent, wire.received)
                raise self._failure(exc, guard, stall_s, measure) from exc
            except BaseException:
                self._count_wire(guard.sent, wire.received)
                raise
        wire_in = wire.received
        self._count_wire(guard.sent, wire_in)
        elapsed = time.monotonic() - started
        if measure:
            self.estimator.record_link_up(elapsed)  # up since the request started, at least
            self.estimator.record_transfer(guard.sent + wire_in, elapsed)
        raise_for_status(response.status_code, content, response.headers)
        return TransportResponse(
            response.status_code, content, response.headers, guard.sent, wire_in, elapsed
        )

    def send_buffer_bytes(self) -> int:
        """A kernel send buffer the link drains in 1/8 of the stall timeout.

        Once the last block is in the kernel, only the read timeout watches the
        request; an auto-tuned buffer of megabytes would still be draining over a
        slow link when it fires. A small buffer also keeps progress honest.
        """
        wanted = self.estimator.bytes_per_s * self.stall_timeout_s / 8
        return int(min(_MAX_SEND_BUFFER, max(_MIN_SEND_BUFFER, wanted)))

    def _failure(
        self, exc: BaseException, guard: RequestGuard, stall_s: float, measure: bool
    ) -> DanvanError:
        _log.info("sync request failed: %r (guard: %s)", exc, guard.reason)
        if guard.reason == "cancel" or (guard.cancel is not None and guard.cancel.is_set()):
            return cancelled()
        if measure:
            self.estimator.record_link_down()
            self.forget_connections()
        if guard.reason == "silent":  # its watch saw the link, or this request, go silent
            return LinkDown(f"silent: {exc!r}")
        # Before the timeout test: urllib3's NewConnectionError (connection refused, no
        # route, unknown name) subclasses its ConnectTimeoutError, yet no time passed.
        if guard.reason != "stall" and caused_by(
            exc, (urllib3.exceptions.NewConnectionError, ConnectionRefusedError)
        ):
            return ServerUnreachable(
                f"cannot connect: {exc!r}",
                tr(
                    _CTX,
                    "Không kết nối được tới máy chủ của thành phố {host}: máy chủ chưa chạy, hoặc "
                    "địa "
                    "chỉ máy chủ hay mạng chưa đúng. Dữ liệu vẫn được giữ trên máy và sẽ tự "
                    "gửi khi kết nối được.",
                    host=urlsplit(self.base_url).netloc,
                ),
            )
        if guard.reason == "stall" or caused_by(
            exc, (TimeoutError, urllib3.exceptions.TimeoutError)
        ):
            return LinkDown(
                f"stalled: {exc!r}",
                tr(
                    _CTX,
                    "Đường truyền tới máy chủ của thành phố bị treo quá {seconds} giây. Dữ liệu "
                    "vẫn "
                    "được giữ trên máy và sẽ tự gửi lại khi mạng ổn định.",
                    seconds=round(stall_s),
                ),
            )
        if caused_by(exc, (ssl.SSLCertVerificationError,)):
            return CertificateUntrusted(
                repr(exc),
                tr(
                    _CTX,
                    "Không xác minh được chứng chỉ bảo mật của máy chủ của thành phố. Hãy kiểm "
                    "tra tệp chứng chỉ (CA) của thành phố ở trang Đồng bộ (khung «Máy chủ của "
                    "thành phố»), hoặc mạng đang chặn kết nối.",
                ),
            )
        return LinkDown(repr(exc))


def _checked_base_url(base_url: str) -> str:
    return checked_server_url(base_url)  # core/server_address.py: one rule for every caller


def _checked_ca_bundle(path: str | Path) -> str:
    try:
        ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError):
        problem = tr(
            _CTX,
            "Không đọc được tệp chứng chỉ (CA) của thành phố: {path}. Hãy chọn lại tệp .pem "
            "hoặc .crt do quản trị máy chủ cung cấp.",
            path=str(path),
        )
        raise ValidationError([FieldProblem("ca_bundle", problem)]) from None
    return str(path)
