"""``danvan sync --until-done``: the real CLI process against the real server process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from support.server_process import start_server
from sync.conftest import Province, new_laptop

MODELS = ("Đường hoa", "Camera an ninh", "Tuyến phố văn minh")


def _cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _wait_for_line(stream: object, needle: str, timeout_s: float) -> str:
    """Lines read from ``stream`` until one contains ``needle`` (fails after the timeout)."""
    seen = ""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = stream.readline()  # type: ignore[attr-defined]
        seen += line
        if needle in line:
            return seen
        if not line:
            time.sleep(0.05)
    pytest.fail(f"no line with {needle!r} within {timeout_s} s; got:\n{seen}")


@pytest.fixture
def offline_laptop(tmp_path: Path, province: Province) -> Iterator[Path]:
    """An enrolled laptop with three unsent models, whose server has just stopped."""
    laptop = new_laptop(tmp_path / "laptop")
    laptop.enroll_device(server_url=province.server.url, code=province.code())
    laptop.sync_now()
    for name in MODELS:
        laptop.add_model(name=name, field_code="new_rural", year=2026)
    laptop.close()
    province.server.stop()
    yield tmp_path / "laptop"


def test_until_done_waits_for_the_server_then_sends_everything(
    offline_laptop: Path, province: Province, tmp_path: Path
) -> None:
    """With the server down the command says it cannot connect and keeps retrying; once
    the server is back on its port, it sends all, pulls, and exits 0."""
    command = _cli(offline_laptop, "sync", "--until-done")
    try:
        retrying = _wait_for_line(command.stderr, "Thử lại sau", 10)
        assert "Không kết nối được tới máy chủ của thành phố" in retrying
        assert command.poll() is None
        with start_server(
            province.database_url, log_dir=tmp_path / "server", port=province.server.port
        ):
            out, err = command.communicate(timeout=60)
    finally:
        command.kill()
    assert command.returncode == 0, err
    assert out.startswith("Đồng bộ xong: gửi 3,")
    laptop = Session.open(offline_laptop)
    try:
        assert laptop.sync_state().pending == 0
        assert laptop.sync_log(limit=1)[0]["result"] == "ok"
    finally:
        laptop.close()


def test_ctrl_c_stops_the_retries_cleanly_and_keeps_the_changes(offline_laptop: Path) -> None:
    """SIGINT while it waits for a server that is down: a short message, exit 130, no
    traceback, and the three changes still queued."""
    command = _cli(offline_laptop, "sync", "--until-done")
    try:
        _wait_for_line(command.stderr, "Thử lại sau", 10)
        command.send_signal(signal.SIGINT)
        out, err = command.communicate(timeout=5)
    finally:
        command.kill()
    assert command.returncode == 130
    assert out.strip() == "Đã dừng đồng bộ; 3 thay đổi còn chờ gửi."
    assert "Traceback" not in err
    laptop = Session.open(offline_laptop)
    try:
        assert laptop.sync_state().pending == 3
    finally:
        laptop.close()
