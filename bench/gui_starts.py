"""bench/gui.py's cold start: the application against a bare PySide6 window.

Both are child processes started alternately, timed from spawn to the line they print
from their first paint; the application's modules are compiled first, as an installed
copy's are. Every start has a time limit; a child that overruns is killed and the bench
fails with the end of its error output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


class BenchError(Exception):
    """The bench cannot measure (bad data folder, a child that hung or failed)."""


# Says READY from its first paint, as the application does from its model list's.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
class Label(QLabel):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not Label.painted:
            Label.painted = True
            print("READY", flush=True)
            QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(Label("Dân vận khéo"))
window.resize(1280, 720)
window.show()
app.exec()
"""


def time_to_ready(name: str, command: list[str], timeout_s: float) -> tuple[float, str]:
    """Seconds from spawning ``command`` to its READY line, and the check it reported.

    The child is killed, and BenchError raised, when it has not printed READY and
    exited within ``timeout_s``.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env
        )
        watchdog = threading.Timer(timeout_s, process.kill)
        watchdog.start()
        elapsed, check = None, "none"
        try:
            assert process.stdout is not None
            for line in process.stdout:
                if "READY" in line:
                    elapsed = time.perf_counter() - started
                    check = "full" if "check=full" in line else "none"
                    break
            process.wait(max(1.0, timeout_s - (time.perf_counter() - started)))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        finally:
            watchdog.cancel()
        if elapsed is None or process.returncode != 0:
            errors.flush()
            errors.seek(0)
            tail = indent_tail(errors.read())
            what = "never painted its first page" if elapsed is None else "did not quit cleanly"
            raise BenchError(
                f"the {name} {what} within {timeout_s:g} s "
                f"(exit {process.returncode}); its error output ends with:\n{tail}"
            )
    return elapsed, check


def compile_bytecode() -> None:
    """Compile the application's modules, as an installed copy has them.

    pip compiles a package's modules when it installs it, and the frozen build
    carries them compiled; PySide6's are compiled in site-packages. A source
    checkout run with ``PYTHONDONTWRITEBYTECODE`` set (or edited since its last
    run) would compile every changed module at every start, which no user's copy
    does. Compiling here (the ``__pycache__`` folders are ignored by git) times
    the application as it is installed.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("danvan_desktop")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        if not compileall.compile_dir(folder, quiet=1):
            print(f"note: some modules in {folder} could not be compiled; starts compile them")


def measure_starts(data_dir: Path, runs: int, timeout_s: float) -> tuple[list[float], list[float]]:
    """Start times (bare window, application), started alternately, warm-ups left out."""
    compile_bytecode()
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    app_cmd = [sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir),
               "--page", "models", "--report-ready", "--quit-when-ready"]  # fmt: skip
    time_to_ready("bare window", bare_cmd, timeout_s)  # warm the page cache for both
    _, check = time_to_ready("application", app_cmd, timeout_s)
    if check == "full":
        print("note: the warm-up start ran the full check (the store had not been closed)")
    bare, app = [], []
    for _ in range(runs):
        bare.append(time_to_ready("bare window", bare_cmd, timeout_s)[0])
        seconds, check = time_to_ready("application", app_cmd, timeout_s)
        if check == "full":
            raise BenchError("a measured start ran the full check: a start did not close cleanly")
        app.append(seconds)
    return bare, app


def indent_tail(text: str, lines: int = 15) -> str:
    """The last lines of ``text``, indented."""
    return "\n".join("    " + x for x in text.strip().splitlines()[-lines:]) or "    -"
