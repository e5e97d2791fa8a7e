"""A laptop whose link drops mid-upload leaves one info line in the server log, no traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from danvan_desktop.sync.protocol import API_PREFIX, PROTOCOL_VERSION
from support.server_process import prepare_database, sqlite_url

READY_TIMEOUT_S = 30.0


@pytest.fixture
def server_at_info(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """``danvan-server run --port 0 --log-level info``: its port and its log file."""
    url = sqlite_url(tmp_path)
    prepare_database(url, tmp_path / "attachments")
    log_path = tmp_path / "server.log"
    command = [sys.executable, "-m", "danvan_server.cli", "--database", url, "run"]
    command += ["--port", "0", "--log-level", "info"]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log_file)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        port = int(line.strip().rsplit(":", 1)[1])
        yield port, log_path
    finally:
        process.terminate()
        process.wait(10)


def _half_an_upload(port: int) -> None:
    """POST an enrollment announcing 1,000 bytes, send 100 of them, then hang up."""
    head = (
        f"POST {API_PREFIX}/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"X-Danvan-Protocol: {PROTOCOL_VERSION}\r\nX-Danvan-Schema: 1\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(head.encode() + b'{"code": "' + b"x" * 90)
        time.sleep(0.3)  # the server is now waiting for the rest of the body


def _log_after_health(port: int, log_path: Path) -> str:
    """The log once a later request has been answered (the disconnect was handled)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        httpx.get(f"http://127.0.0.1:{port}{API_PREFIX}/health", timeout=5)
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if "disconnected" in text:
            return text
        time.sleep(0.1)
    return log_path.read_text(encoding="utf-8", errors="replace")


def test_a_client_gone_mid_upload_is_one_info_line(server_at_info: tuple[int, Path]) -> None:
    """Half a body then a closed socket: one INFO line naming the path, no traceback, no error."""
    port, log_path = server_at_info
    _half_an_upload(port)
    log = _log_after_health(port, log_path)
    lines = [line for line in log.splitlines() if "disconnected" in line]
    assert lines == [f"INFO:     client 127.0.0.1 disconnected during POST {API_PREFIX}/enroll"]
    assert ("Traceback" in log, "ERROR" in log) == (False, False)
