"""Crash test: kill the real application with SIGKILL; the next start still opens.

The killed run leaves the store's open marker; the next run sees it, runs the
full integrity check, and opens the main window with the model list painted.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store.database import OPEN_MARKER

from .helpers import make_team_dir

START_TIMEOUT_S = 60


def _fill(session: Session) -> None:
    for i in range(30):
        session.add_model(name=f"Mô hình {i}", field_code="other", year=2026)


def _start(data_dir: Path, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "danvan_desktop.app",
            "--data-dir",
            str(data_dir),
            "--page",
            "models",
            "--report-ready",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def _ready_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("DANVAN_READY"):
            return line.strip()
    raise AssertionError(f"the application ended without painting its list ({process.wait()})")


@pytest.mark.slow
def test_sigkill_then_start_again(tmp_path: Path) -> None:
    """After SIGKILL the marker stays; the next start checks the store fully and opens."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    first = _start(data_dir)
    try:
        assert _ready_line(first).endswith("check=none")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(START_TIMEOUT_S)
    assert first.returncode == -signal.SIGKILL
    assert (data_dir / OPEN_MARKER).exists()
    second = _start(data_dir, "--quit-when-ready")
    try:
        assert _ready_line(second).endswith("check=full")
        assert second.wait(START_TIMEOUT_S) == 0
    finally:
        if second.poll() is None:
            second.kill()
    assert not (data_dir / OPEN_MARKER).exists()  # the clean exit closed the store
    session = Session.open(data_dir)
    try:
        assert len(session.list_records("model")) == 30
        assert session.check(full=True).ok
    finally:
        session.close()
