"""DANVAN_EXIT_AFTER_MS: the switch smoke tests of an installed build use to end the app."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from danvan_desktop.app import EXIT_AFTER_ENV, exit_after_ms
from danvan_desktop.session import Session

PHU_XUAN = 19768


@pytest.mark.parametrize(
    "value,expected",
    [(None, None), ("", None), ("abc", None), ("0", None), ("-5", None), (" 1500 ", 1500)],
)
def test_exit_after_reads_positive_milliseconds(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: int | None
) -> None:
    """Only a positive whole number of milliseconds arms the switch."""
    if value is None:
        monkeypatch.delenv(EXIT_AFTER_ENV, raising=False)
    else:
        monkeypatch.setenv(EXIT_AFTER_ENV, value)
    assert exit_after_ms() == expected


def _start_gui(data_dir: Path, exit_after: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{EXIT_AFTER_ENV: exit_after})
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result, time.monotonic() - started


@pytest.mark.slow
def test_app_quits_by_itself_with_the_main_window_open(tmp_path: Path) -> None:
    """With a team set up, the main window opens and the app exits 0 after the delay."""
    data_dir = tmp_path / "data"
    session = Session.open(data_dir, create=True)
    session.initialise_team(
        province_code=46,
        commune_code=PHU_XUAN,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name="Nguyễn Văn An",
    )
    session.close()
    result, seconds = _start_gui(data_dir, "2500")
    assert result.returncode == 0, result.stderr
    assert seconds >= 2.5
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_app_quits_by_itself_from_the_first_run_wizard(tmp_path: Path) -> None:
    """On an empty data folder the wizard is open, and the app still exits 0."""
    result, _ = _start_gui(tmp_path / "empty", "2000")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
