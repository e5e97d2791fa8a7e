"""The Đồng bộ page's messages name where to fix things: the page's own server box."""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, make_team_dir
from .sync_support import ROUND_MS, make_scheduler, open_store

ELSEWHERE = "https://danvan-moi.hue.gov.vn/"


class _Redirect(BaseHTTPRequestHandler):
    """Answers every request with a permanent redirect, as a moved server would."""

    def _moved(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(308)
        self.send_header("Location", ELSEWHERE)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _moved

    def log_message(self, *_args: Any) -> None:
        pass


def _serve(context: ssl.SSLContext | None) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    scheme = "https" if context is not None else "http"
    yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def moved_server() -> Iterator[str]:
    """A loopback server that redirects elsewhere."""
    yield from _serve(None)


@pytest.fixture
def untrusted_server(tmp_path: Path) -> Iterator[str]:
    """A loopback HTTPS server whose self-signed certificate nobody trusts."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        cwd=tmp_path, check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    yield from _serve(context)


@pytest.fixture
def page(qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path) -> Iterator[SyncPage]:
    """The Đồng bộ page on a team folder not yet enrolled."""
    open_store(qtbot, runner, make_team_dir(tmp_path / "team"))
    scheduler: SyncScheduler = make_scheduler(runner, bus)
    shown = SyncPage(runner, bus, scheduler)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: bool(shown.data), timeout=WAIT_MS)
    yield shown
    scheduler.stop()
    qtbot.waitUntil(lambda: not scheduler.running, timeout=ROUND_MS)


def _enroll_error(qtbot: QtBot, page: SyncPage, url: str) -> str:
    page.enroll_panel.server.setText(url)
    page.enroll_panel.code.setText("MA-0001")
    qtbot.mouseClick(page.enroll_panel.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.enroll_panel.code_error.isVisible, timeout=WAIT_MS)
    return page.enroll_panel.code_error.text()


def test_a_redirect_points_to_the_server_box_of_this_page(
    qtbot: QtBot, page: SyncPage, moved_server: str
) -> None:
    """A moved server: the message sends the user to the address on the Đồng bộ page."""
    text = _enroll_error(qtbot, page, moved_server)
    assert ELSEWHERE in text
    assert "địa chỉ máy chủ ở trang Đồng bộ (khung «Máy chủ của thành phố»)" in text
    assert "Cài đặt" not in text


def test_an_untrusted_certificate_points_to_the_ca_file_on_this_page(
    qtbot: QtBot, page: SyncPage, untrusted_server: str
) -> None:
    """An unknown certificate: the message names the CA file on the Đồng bộ page."""
    text = _enroll_error(qtbot, page, untrusted_server)
    where = "tệp chứng chỉ (CA) của thành phố ở trang Đồng bộ (khung «Máy chủ của thành phố»)"
    assert where in text
    assert "Cài đặt" not in text
