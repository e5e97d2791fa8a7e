"""SyncTransport against a real HTTP server on loopback, directly and through the slow link."""

from __future__ import annotations

import ast
import gzip
import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from danvan_desktop.core.errors import OperationCancelled, ValidationError
from danvan_desktop.core.i18n import load_ts_file, set_language
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.sync import transport as transport_module
from danvan_desktop.sync import transport_errors
from danvan_desktop.sync.transport import (
    CertificateUntrusted,
    LinkDown,
    ProtocolTooOld,
    ServerError,
    ServerRejected,
    ServerUnreachable,
    SyncTransport,
)
from support.slowlink import SlowLink

MESSAGE_426 = "Giao thức 1 không còn được hỗ trợ; hãy cập nhật lên bản 2."
MESSAGE_400 = "Trường 'ngày họp' không hợp lệ: hãy nhập ngày theo dạng dd/mm/yyyy."


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0
    requests_seen = 0
    release: threading.Event

    def handle_error(self, request: object, client_address: object) -> None:
        """Resets are what several tests cause on purpose: no tracebacks on stderr."""


class _Handler(BaseHTTPRequestHandler):
    """Routes: /echo, /status/<code>, /stall-download, /no-read."""

    protocol_version = "HTTP/1.1"  # keep-alive
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def _route(self) -> None:
        self.server.requests_seen += 1
        path, _, query = self.path.partition("?")
        if path == "/no-read":  # accept the request, never read its body
            self.server.release.wait(30)
            self.close_connection = True
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if path == "/echo":
            self._echo(body, int(query.removeprefix("reply=") or 0))
        elif path.startswith("/status/"):
            self._status(int(path.rsplit("/", 1)[1]))
        elif path == "/stall-download":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"x" * 1000)
            self.wfile.flush()
            self.server.release.wait(30)
            self.close_connection = True

    def _echo(self, body: bytes, reply_bytes: int) -> None:
        gzipped = self.headers.get("Content-Encoding") == "gzip"
        decoded = gzip.decompress(body) if gzipped else body
        answer = {
            "wire_bytes": len(body),
            "decoded_bytes": len(decoded),
            "content_encoding": self.headers.get("Content-Encoding"),
            "protocol": self.headers.get("X-Danvan-Protocol"),
            "schema": self.headers.get("X-Danvan-Schema"),
            "authorization": self.headers.get("Authorization"),
            "padding": "a" * reply_bytes,
        }
        self._send(200, json.dumps(answer).encode())

    def _status(self, code: int) -> None:
        messages = {426: MESSAGE_426, 400: MESSAGE_400, 503: "bảo trì"}
        self._send(code, json.dumps({"detail": messages.get(code, "")}).encode(), retry_after="7")

    def _send(self, code: int, payload: bytes, retry_after: str | None = None) -> None:
        self.send_response(code)
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            payload = gzip.compress(payload)
            self.send_header("Content-Encoding", "gzip")
        if retry_after:
            self.send_header("Retry-After", retry_after)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _serve(wrap: object = None) -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.release = threading.Event()
    if wrap is not None:
        server.socket = wrap.wrap_socket(server.socket, server_side=True)  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def server() -> Iterator[_Server]:
    """A real HTTP/1.1 server on loopback."""
    yield from _serve()


def _address(server: _Server) -> tuple[str, int]:
    return ("127.0.0.1", server.server_address[1])


def _url(server: _Server | SlowLink) -> str:
    port = server.port if isinstance(server, SlowLink) else server.server_address[1]
    return f"http://127.0.0.1:{port}"


def _transport(target: _Server | SlowLink, **kwargs: object) -> SyncTransport:
    options: dict[str, object] = {"protocol_version": "2", "schema_version": 7}
    options.update(kwargs)
    return SyncTransport(_url(target), **options)  # type: ignore[arg-type]


def _records_json(count: int) -> bytes:
    records = [
        {"id": f"rec-{i:05d}", "ten": "Mô hình dân vận khéo", "xa": "Hương Trà"}
        for i in range(count)
    ]
    return json.dumps(records).encode()


def test_every_request_carries_protocol_and_schema(server: _Server) -> None:
    """The server sees X-Danvan-Protocol, X-Danvan-Schema and the bearer token."""
    with _transport(server, auth_token="tok-1") as transport:
        answer = transport.get("/echo").json()
    assert (answer["protocol"], answer["schema"]) == ("2", "7")
    assert answer["authorization"] == "Bearer tok-1"


def test_request_body_is_gzipped_and_length_framed(server: _Server) -> None:
    """The body arrives gzip-encoded with a Content-Length and decodes to what was sent."""
    body = _records_json(2000)
    with _transport(server) as transport:
        response = transport.request("POST", "/echo", body=body)
    answer = response.json()
    assert answer["content_encoding"] == "gzip"
    assert answer["decoded_bytes"] == len(body)
    assert answer["wire_bytes"] == response.bytes_sent < len(body) // 5


def test_progress_reports_every_block_up_to_the_whole_body(server: _Server) -> None:
    """on_progress sees increasing byte counts ending at the compressed body size."""
    seen: list[int] = []
    with _transport(server, block_bytes=4096) as transport:
        response = transport.request(
            "POST", "/echo", body=os.urandom(50_000), on_progress=seen.append
        )
    assert seen == sorted(seen)
    assert seen[-1] == response.bytes_sent
    assert len(seen) == -(-response.bytes_sent // 4096)


def test_status_426_is_protocol_too_old_with_server_message(server: _Server) -> None:
    """HTTP 426 raises ProtocolTooOld carrying the server's own words."""
    with _transport(server) as transport, pytest.raises(ProtocolTooOld) as caught:
        transport.post_json("/status/426", {"ops": []})
    assert str(caught.value) == MESSAGE_426
    assert caught.value.retryable is False


def test_status_400_is_server_rejected_with_message(server: _Server) -> None:
    """A 4xx raises ServerRejected with the status and the server's message."""
    with _transport(server) as transport, pytest.raises(ServerRejected) as caught:
        transport.post_json("/status/400", {"ops": []})
    assert (caught.value.status, caught.value.message) == (400, MESSAGE_400)
    assert caught.value.retryable is False


def test_status_503_is_retryable_server_error(server: _Server) -> None:
    """A 5xx raises ServerError, retryable, with the Retry-After seconds."""
    with _transport(server) as transport, pytest.raises(ServerError) as caught:
        transport.get("/status/503")
    assert (caught.value.status, caught.value.retry_after_s) == (503, 7.0)
    assert caught.value.retryable is True


def test_status_429_is_retryable_server_error(server: _Server) -> None:
    """Too Many Requests is the server asking us to wait: retryable, not a rejection."""
    with _transport(server) as transport, pytest.raises(ServerError) as caught:
        transport.get("/status/429")
    assert caught.value.status == 429


def test_connection_refused_is_server_unreachable_at_once() -> None:
    """A closed loopback port (server not running): ServerUnreachable, a LinkDown, at once,
    saying it cannot connect, not that the link stalled for 30 seconds."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    transport = SyncTransport(f"http://127.0.0.1:{port}", protocol_version="2", schema_version=7)
    started = time.monotonic()
    with transport, pytest.raises(ServerUnreachable) as caught:
        transport.get("/echo")
    assert time.monotonic() - started < 1.0
    assert isinstance(caught.value, LinkDown)
    assert str(caught.value).startswith(
        f"Không kết nối được tới máy chủ của thành phố 127.0.0.1:{port}:"
    )
    assert "treo" not in str(caught.value)


def test_download_stall_detected_after_stall_timeout(server: _Server) -> None:
    """A response that stops after 1,000 bytes raises LinkDown 1 s (+ 0.5 s) later."""
    with _transport(server, stall_timeout_s=1.0) as transport:
        started = time.monotonic()
        with pytest.raises(LinkDown):
            transport.get("/stall-download")
        elapsed = time.monotonic() - started
    assert 1.0 <= elapsed <= 1.5


def test_upload_stall_detected_when_server_stops_reading(server: _Server) -> None:
    """A server that never reads the body: LinkDown within 1 s (+ 0.5 s) of the last progress."""
    last_progress = [time.monotonic()]

    def note(_: int) -> None:
        last_progress[0] = time.monotonic()

    with _transport(server, stall_timeout_s=1.0) as transport:
        with pytest.raises(LinkDown):
            transport.request("POST", "/no-read", body=os.urandom(12_000_000), on_progress=note)
        detected_after = time.monotonic() - last_progress[0]
    assert 1.0 <= detected_after <= 1.5


def test_cancel_during_download_stops_at_once(server: _Server) -> None:
    """Setting the cancel event ends a stalled download in well under the stall timeout."""
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with _transport(server, stall_timeout_s=10.0) as transport:
        started = time.monotonic()
        with pytest.raises(OperationCancelled):
            transport.get("/stall-download", cancel=cancel)
    assert time.monotonic() - started <= 0.8


def test_cancel_before_start_sends_nothing(server: _Server) -> None:
    """A cancel event already set raises OperationCancelled and the server sees no request."""
    cancel = threading.Event()
    cancel.set()
    with _transport(server) as transport, pytest.raises(OperationCancelled):
        transport.post_json("/echo", {"ops": []}, cancel=cancel)
    assert server.requests_seen == 0


def test_plain_http_to_remote_host_refused() -> None:
    """Only loopback may use http://; a remote server must use https."""
    with pytest.raises(ValidationError) as caught:
        SyncTransport("http://dongbo.hue.gov.vn", protocol_version="2", schema_version=7)
    assert caught.value.fields == ["server_url"]


def test_missing_ca_bundle_refused(tmp_path: Path) -> None:
    """A CA bundle path that does not exist is a ValidationError on ca_bundle."""
    with pytest.raises(ValidationError) as caught:
        SyncTransport(
            "https://dongbo.hue.gov.vn",
            protocol_version="2",
            schema_version=7,
            ca_bundle=tmp_path / "missing.pem",
        )
    assert caught.value.fields == ["ca_bundle"]


def test_every_transport_message_has_an_english_translation() -> None:
    """Each tr() source in transport.py and transport_errors.py is translated in
    resources/translations/sync_en.ts."""
    sources = {
        node.args[1].value
        for module in (transport_module, transport_errors)
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "tr"
        and isinstance(node.args[1], ast.Constant)
    }
    catalogue = load_ts_file(resources_dir() / "translations" / "sync_en.ts")
    assert len(sources) == 10  # the address rule's message lives in core/server_address.py
    assert (
        sources - {source for context, source in catalogue if context == "SyncTransport"} == set()
    )


def test_link_down_speaks_english_in_the_english_ui() -> None:
    """With the UI in English, LinkDown's message comes from the catalogue."""
    set_language("en")
    assert str(LinkDown("reset")).startswith("The connection to the city's server was lost.")


# -- TLS with the city's own certificate authority ----------------------------------


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def province_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test CA and a server certificate for 127.0.0.1 made with the openssl CLI."""
    folder = tmp_path_factory.mktemp("pki")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=Test Province CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)  # fmt: skip
    _openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1",
             cwd=folder)  # fmt: skip
    (folder / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf",
             cwd=folder)  # fmt: skip
    return folder


@pytest.fixture
def tls_server(province_ca: Path) -> Iterator[_Server]:
    """The same server behind TLS with a certificate from the test CA."""
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(province_ca / "server.pem", province_ca / "server.key")
    yield from _serve(context)


def test_tls_verified_with_province_ca(tls_server: _Server, province_ca: Path) -> None:
    """With the city's CA bundle an HTTPS request succeeds."""
    url = f"https://127.0.0.1:{tls_server.server_address[1]}"
    transport = SyncTransport(
        url, protocol_version="2", schema_version=7, ca_bundle=province_ca / "ca.pem"
    )
    with transport:
        assert transport.get("/echo").json()["protocol"] == "2"


def test_tls_untrusted_without_province_ca(tls_server: _Server) -> None:
    """Without the CA bundle the certificate is refused: CertificateUntrusted."""
    url = f"https://127.0.0.1:{tls_server.server_address[1]}"
    transport = SyncTransport(url, protocol_version="2", schema_version=7)
    with transport, pytest.raises(CertificateUntrusted):
        transport.get("/echo")


# -- through the slow-link proxy --------------------------------------------------------


def test_gzip_on_the_wire_both_ways(server: _Server) -> None:
    """Bytes counted by the proxy are far below the JSON sent and received."""
    body = _records_json(2000)
    with SlowLink(upstream=_address(server)) as link, _transport(link) as transport:
        response = transport.request("POST", "/echo?reply=200000", body=body)
        counted = link.counters()
    assert len(response.json()["padding"]) == 200_000
    assert counted.up < len(body) // 5
    assert counted.down < 200_000 // 5
    assert 0 < response.bytes_received < counted.down  # compressed body; headers aside


def test_session_keeps_the_connection_alive(server: _Server) -> None:
    """Three requests go over one TCP connection."""
    with SlowLink(upstream=_address(server)) as link, _transport(link) as transport:
        for _ in range(3):
            transport.get("/echo")
        assert link.connections_accepted == 1


def test_cut_mid_upload_raises_link_down(server: _Server) -> None:
    """Cutting a 256 kbit/s link 0.5 s into a 200 KB upload raises LinkDown promptly."""
    link = SlowLink(upstream=_address(server), bandwidth_bps=256_000)
    with link, _transport(link) as transport:
        threading.Timer(0.5, link.cut).start()
        started = time.monotonic()
        with pytest.raises(LinkDown):
            transport.request("POST", "/echo", body=os.urandom(200_000))
    assert time.monotonic() - started <= 1.5


def test_cancel_mid_upload_on_slow_link(server: _Server) -> None:
    """Cancelling 0.5 s into a 12 s upload raises OperationCancelled within 0.5 s."""
    cancel = threading.Event()
    link = SlowLink(upstream=_address(server), bandwidth_bps=64_000)
    with link, _transport(link) as transport:
        threading.Timer(0.5, cancel.set).start()
        started = time.monotonic()
        with pytest.raises(OperationCancelled):
            transport.request("POST", "/echo", body=os.urandom(100_000), cancel=cancel)
    assert time.monotonic() - started <= 1.0


def test_measured_throughput_feeds_the_estimator(server: _Server) -> None:
    """A 64 KB upload over 512 kbit/s sets the estimate near 64,000 bytes/s (±20 %)."""
    link = SlowLink(upstream=_address(server), bandwidth_bps=512_000)
    with link, _transport(link) as transport:
        transport.request("POST", "/echo", body=os.urandom(64_000))
        estimate = transport.estimator.bytes_per_s
    assert 0.8 * 64_000 <= estimate <= 1.2 * 64_000


@pytest.mark.slow
def test_upload_over_the_target_link_takes_what_the_link_allows(server: _Server) -> None:
    """32 KB over 64 kbit/s, 600 ms RTT: two RTTs plus the wire bytes at 8,000 B/s (±10 %)."""
    link = SlowLink(upstream=_address(server), bandwidth_bps=64_000, rtt_s=0.6)
    with link, _transport(link) as transport:
        started = time.monotonic()
        transport.request("POST", "/echo", body=os.urandom(32 * 1024))
        elapsed = time.monotonic() - started
        counted = link.counters()
    # One RTT of handshake, one for request and answer, then every byte at line rate.
    expected = 2 * 0.6 + counted.up / 8000
    assert 0.9 * expected <= elapsed <= 1.1 * expected
