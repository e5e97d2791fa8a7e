"""``--report-ready --quit-when-ready`` says ready and quits whatever the start page.

docs/install.md and bench/gui.py start the real program this way; it once waited for
the model list's paint even when another page was shown, and hung there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_desktop.app import PAGES

from .helpers import make_team_dir

START_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def team_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a team set up (shared: each run only reads it)."""
    return make_team_dir(tmp_path_factory.mktemp("ready") / "data")


def _start(data_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [
            *(sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir)),
            *("--report-ready", "--quit-when-ready", *extra),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=START_TIMEOUT_S,
        check=False,
    )


@pytest.mark.parametrize("page", PAGES)
def test_ready_is_reported_for_every_start_page(team_dir: Path, page: str) -> None:
    """Started on any page, the program prints DANVAN_READY once and exits 0."""
    done = _start(team_dir, "--page", page)
    ready = [line for line in done.stdout.splitlines() if line.startswith("DANVAN_READY ")]
    assert (done.returncode, len(ready)) == (0, 1), done.stderr[-2000:]


def test_ready_is_reported_without_a_page(team_dir: Path) -> None:
    """Without ``--page`` (the overview), as docs/install.md runs it, it says ready and quits."""
    done = _start(team_dir)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("DANVAN_READY ")
