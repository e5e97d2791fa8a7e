"""A server address and code saved in the first-run wizard or typed on Đồng bộ are not
typed twice."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.sync.engine import SyncReport
from danvan_desktop.ui.sync.sync_page import SyncPage
from sync import conftest as sync_fixtures
from sync.conftest import Province

from .helpers import WAIT_MS, call, make_team_dir
from .sync_support import FAST, ROUND_MS, Rounds, restart_server

province = sync_fixtures.province  # the real server on loopback, as in tests/sync


@pytest.fixture
def revive(province: Province, tmp_path: Path) -> Iterator[Callable[[], None]]:
    """Start the killed server again on its port and data (stopped at the end)."""

    def start_again() -> None:
        province.server = restart_server(province.server, tmp_path)

    yield start_again
    province.server.stop()


def _saved(server_url: str, code: str) -> Any:
    def fill(session: Session) -> None:
        session.change_setting("server_url", server_url)
        session.change_setting("enrollment_code", code)

    return fill


def _closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def _stop(qtbot: QtBot, app: Any) -> None:
    app.window.close()
    qtbot.waitUntil(lambda: not app.sync.running, timeout=ROUND_MS)


def test_a_code_saved_at_first_run_enrolls_by_itself(
    qtbot: QtBot, tmp_path: Path, province: Province, start_app: Any
) -> None:
    """The window comes up, the laptop enrolls with the saved code and pulls; the code is spent."""
    folder = make_team_dir(tmp_path / "laptop", _saved(province.server.url, province.code()))
    app = start_app(folder, start_page="sync", sync_timings=FAST, watch_network=False)
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    rounds = Rounds(app.sync)
    assert isinstance(rounds.wait(qtbot), SyncReport)
    page = app.window.current_page()
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(
        lambda: page.enroll_panel.enroll_button.text() == "Đăng ký lại", timeout=WAIT_MS
    )
    assert page.enroll_panel.code.text() == ""
    assert call(qtbot, app.runner, lambda ctx: ctx.session.setting("enrollment_code")) is None
    _stop(qtbot, app)


def test_an_address_and_code_typed_while_offline_enroll_once_the_server_answers(
    qtbot: QtBot, tmp_path: Path, province: Province, revive: Any, start_app: Any
) -> None:
    """Enrolling on Đồng bộ while the server is down keeps the address and code typed; the
    laptop enrolls with them by itself when the server answers again."""
    app = start_app(
        make_team_dir(tmp_path / "laptop"),
        start_page="sync",
        sync_timings=FAST,
        watch_network=False,
    )
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    page = app.window.current_page()
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: bool(page.data) and app.sync.started, timeout=WAIT_MS)
    url, code = province.server.url, province.code()
    province.server.kill()
    page.enroll_panel.server.setText(url)
    page.enroll_panel.code.setText(code)
    qtbot.mouseClick(page.enroll_panel.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.enroll_panel.code_error.isVisible, timeout=ROUND_MS)  # the link is down
    kept = call(
        qtbot,
        app.runner,
        lambda ctx: (ctx.session.setting("server_url"), ctx.session.setting("enrollment_code")),
    )
    assert kept == (url, code)
    revive()
    with qtbot.waitSignal(app.sync.enrolled, timeout=ROUND_MS):
        app.sync.connectivity_hint()  # what the network coming back does
    _stop(qtbot, app)


def test_the_sync_page_offers_the_saved_code_masked(
    qtbot: QtBot, tmp_path: Path, province: Province, start_app: Any
) -> None:
    """A saved code that could not be used yet waits, masked, in the enroll panel."""
    code = province.code()
    folder = make_team_dir(tmp_path / "laptop", _saved(_closed_port(), code))
    app = start_app(folder, start_page="sync", sync_timings=FAST, watch_network=False)
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    page = app.window.current_page()
    assert isinstance(page, SyncPage)
    panel = page.enroll_panel
    qtbot.waitUntil(panel.code_error.isVisible, timeout=ROUND_MS)  # the link is down
    assert panel.code.text() == code
    assert panel.code.echoMode() == QLineEdit.EchoMode.PasswordEchoOnEdit
    assert panel.code.displayText() != code
    panel.server.setText(province.server.url)
    with qtbot.waitSignal(app.sync.enrolled, timeout=ROUND_MS):
        qtbot.mouseClick(panel.enroll_button, Qt.MouseButton.LeftButton)
    _stop(qtbot, app)
