"""The first sync round imports no module on a worker thread (PySide is not safe with
imports from worker threads, and ~200 imports on the network lane held the interpreter
lock while a page was opening, issue 22): the window loads them first, on the GUI
thread, in idle turns after its first paint (MainWindow.warm_up with ROUND_MODULES).

The application runs in a child process (a fresh interpreter: this one has loaded
everything already) against the real server on loopback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sync import conftest as sync_fixtures
from sync.conftest import Province

from .sync_support import enrolled_team_dir

province = sync_fixtures.province  # the real server on loopback, as in tests/sync

CHILD = """
import importlib.abc, json, sys, threading
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from danvan_desktop.ui.app_controller import AppController, StartOptions
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.task_runner import TaskRunner

main = threading.get_ident()
watching, loaded = [False], []

class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if watching[0] and threading.get_ident() != main:
            loaded.append(name)
        return None

sys.meta_path.insert(0, Finder())
app = QApplication(sys.argv[:1])
runner, bus = TaskRunner(), EventBus()
options = StartOptions(Path(sys.argv[1]), auto_backup_delay_ms=3_600_000)
controller = AppController(runner, bus, Translations(app), options)

def finished(_outcome):
    print("WORKER_IMPORTS " + json.dumps(loaded), flush=True)
    app.quit()

def warmed():
    watching[0] = True
    controller.sync.round_finished.connect(finished)
    controller.sync.sync_now()

controller.main_window_shown.connect(lambda window: window.warmed_up.connect(warmed))
QTimer.singleShot(60_000, app.quit)
controller.start()
app.exec()
runner.shutdown(timeout_ms=2000)
"""


def test_first_round_imports_nothing_on_a_worker(tmp_path: Path, province: Province) -> None:
    """After the window's warm-up, a sync round with the server loads no module on a lane."""
    folder = enrolled_team_dir(tmp_path / "team", province)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("WORKER_IMPORTS ")]
    assert lines, done.stderr[-2000:]
    loaded = json.loads(lines[0].removeprefix("WORKER_IMPORTS "))
    assert loaded == [], " ".join(loaded)
