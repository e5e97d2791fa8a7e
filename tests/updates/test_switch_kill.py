"""A switch killed (SIGKILL) at random points: one whole version current, the store intact.

Each round makes a fresh laptop (tests/support/switch_setup.py: small bundles whose
self-test is a shell script, no PyInstaller), starts the switch in a subprocess, kills
it after a random delay within one switch's duration, checks, then starts it again as
the next start of the app would, and checks that it ends on the new version.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from danvan_desktop.updates.switch import ProgramHome, has_request
from support.switch_setup import NEW, OLD, file_digest, laptop, whole_version

ROUNDS = 20
SEED = 20_2026
SELF_TEST_S = "0.3"
ROOT = Path(__file__).resolve().parents[2]
_RUN = (
    "import sys; from pathlib import Path\n"
    "from danvan_desktop.updates.switch import ProgramHome, run_switch\n"
    "run_switch(Path(sys.argv[1]), ProgramHome(Path(sys.argv[2])), 'linux-x86_64')\n"
)


def _start(data_dir: Path, home: ProgramHome) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DANVAN_FAKE_SELF_TEST_S": SELF_TEST_S}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-c", _RUN, str(data_dir), str(home.home)]
    return subprocess.Popen(command, env=env, start_new_session=True)


def _full_run_seconds(tmp: Path) -> float:
    data_dir, home = laptop(tmp)
    started = time.monotonic()
    assert _start(data_dir, home).wait(timeout=60) == 0
    assert whole_version(home) == NEW
    return time.monotonic() - started


def _store_ok(path: Path) -> bool:
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_a_killed_switch_leaves_one_whole_version_and_the_store_intact(tmp_path: Path) -> None:
    """20 SIGKILLs at random points: every time one whole version, the store unchanged."""
    duration = _full_run_seconds(tmp_path / "timing")
    chance = random.Random(SEED)
    for round_ in range(ROUNDS):
        data_dir, home = laptop(tmp_path / f"round-{round_}")
        store = data_dir / "danvan.sqlite3"
        before = file_digest(store)
        process = _start(data_dir, home)
        time.sleep(chance.uniform(0.0, duration))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert whole_version(home) in (OLD, NEW), f"round {round_}: no whole version current"
        assert file_digest(store) == before, f"round {round_}: the store changed"
        for _ in range(3):  # the next starts of the app
            if not has_request(data_dir):
                break
            assert _start(data_dir, home).wait(timeout=60) == 0
        assert not has_request(data_dir), f"round {round_}: the switch never ended"
        assert whole_version(home) == NEW, f"round {round_}: not resumed to {NEW}"
        assert file_digest(store) == before and _store_ok(store), f"round {round_}: store"
