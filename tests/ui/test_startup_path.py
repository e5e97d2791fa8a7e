"""Start-up: the model list paints before the work that can wait, and without heavy imports.

bench/gui.py measures the cold start; these tests keep its causes from coming
back: what the window does not need before its first paint (the sync stack,
sqlite-utils, the report renderers) is not imported by then, and the reads the
first screen does not show wait until the list has painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.models.models_page import ModelsPage

from .helpers import WAIT_MS, make_team_dir

START_TIMEOUT_S = 60
# Loaded later, by what uses them: sync rounds, the writer's sqlite-utils Database,
# report renderers, photo scaling; and our own modules the first screen does not
# need (the writer and its validation, the other areas' store modules, the handbook
# loader, the sync scheduler: the Session loads them when first used, core/lazy.py).
HEAVY = [
    *("requests", "urllib3", "sqlite_utils", "click", "PIL", "docx", "openpyxl", "fpdf"),
    "danvan_desktop.store.records",
    "danvan_desktop.core.validation",
    "danvan_desktop.store.outbox",
    "danvan_desktop.store.search",
    "danvan_desktop.store.meetings",
    "danvan_desktop.store.team",
    "danvan_desktop.store.handbook",
    "danvan_desktop.store.overview",
    "danvan_desktop.ui.sync.sync_scheduler",
    # resources are found through the package's import spec (core/paths.py), not by
    # importing importlib.resources: eight modules, ~4 ms of every start.
    "importlib.resources",
    # Python 3.11 makes a dataclass by compiling its methods from source, ~0.4 ms each:
    # the value types the first screen makes are NamedTuples (or plain classes).
    "dataclasses",
]

# Runs in the application (DANVAN_TEST_SCRIPT) once the window is up: at the first
# paint of the list, print which heavy modules are loaded.
PROBE = f"""
import json, sys
page = window.page("models")
heavy = {HEAVY!r}
page.first_page_painted.connect(
    lambda: print("LOADED " + json.dumps([m for m in heavy if m in sys.modules]), flush=True)
)
# Whether PySide has built its Qt namespace (~90 enums, 11 ms) yet: vars() looks
# without building it.
page.first_page_painted.connect(
    lambda: print("QT_NAMESPACE " + json.dumps("Qt" in vars(sys.modules["PySide6.QtCore"])))
)
"""


def _fill(session: Session) -> None:
    for i in range(120):
        session.add_model(name=f"Mô hình {i:03d}", field_code="other", year=2026)


def test_first_paint_loads_no_heavy_module(tmp_path: Path) -> None:
    """When the model list first paints, no sync, sqlite-utils or report module is loaded,
    and PySide has not built the enums of Qt's namespace."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DANVAN_TEST_SCRIPT=str(probe))
    done = subprocess.run(
        [
            *(sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir)),
            *("--page", "models", "--report-ready", "--quit-when-ready"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=START_TIMEOUT_S,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert any(line.startswith("DANVAN_READY") for line in lines)
    loaded = [line for line in lines if line.startswith("LOADED ")]
    assert len(loaded) == 1, done.stdout
    assert json.loads(loaded[0].removeprefix("LOADED ")) == []
    # Nor has PySide built Qt's own enums: the list's rows do not wait for them.
    assert "QT_NAMESPACE false" in lines, done.stdout


def test_status_and_title_wait_for_the_first_paint(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """The pending count, the reminders and the team's name are read after the list paints."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    controller = start_app(data_dir, start_page="models")
    seen: list[tuple[str, Any, Any, str]] = []

    def note(event: str) -> None:
        window = controller.window
        status = (window.status.pending_count, window.due_reminder.checked_on)
        seen.append((event, *status, window.windowTitle()))

    def shown(window: Any) -> None:
        note("shown")
        window.page("models").first_page_painted.connect(lambda: note("painted"))
        window.first_painted.connect(lambda: note("deferred work started"))

    controller.main_window_shown.connect(shown)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=WAIT_MS)
    untouched = (None, None, "Dân vận khéo")
    assert seen == [
        ("shown", *untouched),
        ("painted", *untouched),
        ("deferred work started", *untouched),  # its reads have just been queued
    ]
    window = controller.window
    assert isinstance(window.page("models"), ModelsPage)
    qtbot.waitUntil(lambda: window.status.pending_count is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Tổ dân vận tổ dân phố 5" in window.windowTitle(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.due_reminder.checked_on is not None, timeout=WAIT_MS)
    assert window.status.pending.text() == f"Thay đổi chờ đồng bộ: {window.status.pending_count}"


def test_other_start_pages_do_not_wait(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """A start page that does not report its paint lets the deferred work run at once."""
    controller = start_app(team_dir, start_page="team")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    window = controller.window
    qtbot.waitUntil(lambda: window.status.pending_count is not None, timeout=WAIT_MS)
    ran: list[bool] = []
    window.after_first_paint(lambda: ran.append(True))
    assert ran == [True]  # after the first paint, work runs right away
