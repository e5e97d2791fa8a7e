"""A stand-in for the city server's release API, on loopback, for what the real one never does.

It serves the two routes of core/release.py (``GET …/releases/latest`` and
``GET …/releases/{version}/{platform}/files/{sha256}`` with ``Range``) from memory,
records the ranges asked for, and can drop the connection of chosen file requests.
The release lane tests (tests/sync/test_release_lane.py) run against the real server
(``danvan-server releases publish``) wherever it can serve the case; this stand-in is
kept only for the answers the real server cannot be made to give: an answer cut
half-way (a link dropped mid-file), a file whose bytes differ from the manifest
(tampered), and a release it would never offer (older than the laptop's version, or
for another platform: the real server filters those out).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from danvan_desktop.core.release import RELEASES_PATH
from danvan_desktop.sync.protocol import API_PREFIX

PREFIX = f"{API_PREFIX}{RELEASES_PATH}"
_FILE = re.compile(rf"^{re.escape(PREFIX)}/([^/]+)/([^/]+)/files/([0-9a-f]{{64}})$")


@dataclass
class ReleaseState:
    """What the stand-in serves, and what it saw."""

    latest: tuple[bytes, bytes] | None = None  # (manifest.json, manifest.sig); None: 204
    files: dict[str, bytes] = field(default_factory=dict)  # sha256 -> bytes served
    ranges: list[str] = field(default_factory=list)  # the Range header of each file request
    drop_requests: set[int] = field(default_factory=set)  # file request numbers to cut
    latest_queries: list[str] = field(default_factory=list)

    @property
    def file_requests(self) -> int:
        """How many file requests came in."""
        return len(self.ranges)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: ReleaseState

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path == f"{PREFIX}/latest":
            self.state.latest_queries.append(query)
            if self.state.latest is None:
                self._send(204, b"")
                return
            manifest, signature = self.state.latest
            body = json.dumps({"manifest": manifest.decode(), "signature": signature.decode()})
            self._send(200, body.encode(), "application/json")
            return
        match = _FILE.match(path)
        if match is None or match.group(3) not in self.state.files:
            self._send(404, b'{"detail": "not found"}', "application/json")
            return
        self._file(self.state.files[match.group(3)])

    def _file(self, data: bytes) -> None:
        header = self.headers.get("Range", "")
        self.state.ranges.append(header)
        number = self.state.file_requests
        found = re.fullmatch(r"bytes=(\d+)-(\d*)", header)
        start = int(found.group(1)) if found else 0
        end = int(found.group(2)) if found and found.group(2) else len(data) - 1
        end = min(end, len(data) - 1)
        if start >= len(data):
            self._send(416, b"", extra={"Content-Range": f"bytes */{len(data)}"})
            return
        body = data[start : end + 1]
        if number in self.state.drop_requests:  # the link drops half-way through the answer
            self.send_response(206)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.close()
            return
        self._send(
            206 if found else 200,
            body,
            "application/octet-stream",
            {"Content-Range": f"bytes {start}-{end}/{len(data)}"} if found else None,
        )

    def _send(
        self,
        code: int,
        body: bytes,
        content_type: str = "text/plain",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def release_server(state: ReleaseState) -> Iterator[str]:
    """Serve ``state`` on loopback; yields the base URL."""
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
