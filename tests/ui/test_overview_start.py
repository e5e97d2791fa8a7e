"""A start on Tổng quan (the default page) paints its figures before the work that can wait,
and reads them without loading sqlite-utils (issue 22: no stall over 50 ms)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from .helpers import WAIT_MS, make_team_dir

START_TIMEOUT_S = 60

# At the overview's first paint of its figures: which of these the start has loaded.
PAINT_PROBE = """
import json, sys
heavy = ["sqlite_utils", "requests", "danvan_desktop.ui.sync.sync_scheduler"]
page = window.page("overview")


def painted():
    print("LOADED " + json.dumps([m for m in heavy if m in sys.modules]), flush=True)
    app.quit()


page.first_page_painted.connect(painted)
"""


def _run_app(tmp_path: Path, probe_text: str) -> list[str]:
    data_dir = make_team_dir(tmp_path / "data")
    probe = tmp_path / "probe.py"
    probe.write_text(probe_text, encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DANVAN_TEST_SCRIPT=str(probe),
        DANVAN_EXIT_AFTER_MS="30000",
    )
    done = subprocess.run(
        [sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=START_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_overview_figures_paint_without_sqlite_utils(tmp_path: Path) -> None:
    """The overview's figures are read and painted before sqlite-utils or the sync loads."""
    lines = _run_app(tmp_path, PAINT_PROBE)
    assert "LOADED []" in lines, lines


def test_deferred_work_waits_for_the_overview_figures(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """Started on Tổng quan, the status bar's reads wait until its figures are painted."""
    data_dir = make_team_dir(tmp_path / "data")
    controller = start_app(data_dir, start_page="overview")
    seen: list[tuple[str, Any, Any]] = []

    def shown(window: Any) -> None:
        page = window.page("overview")
        page.first_page_painted.connect(
            lambda: seen.append(
                ("painted", page.cards["member"].value.text(), window.status.pending_count)
            )
        )
        window.first_painted.connect(
            lambda: seen.append(
                ("deferred", page.cards["member"].value.text(), window.status.pending_count)
            )
        )

    controller.main_window_shown.connect(shown)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    assert seen == [("painted", "1", None), ("deferred", "1", None)]


def test_leaving_the_overview_first_does_not_hold_the_deferred_work(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """Another page shown before the overview paints: the deferred work runs at once, not
    after the main window's wait for a start page that will not paint."""
    from PySide6.QtCore import QElapsedTimer

    from danvan_desktop.ui.main_window import FIRST_PAINT_WAIT_MS

    controller = start_app(make_team_dir(tmp_path / "data"), start_page="overview")
    clock = QElapsedTimer()
    waited: list[int] = []

    def shown(window: Any) -> None:
        clock.start()
        window.first_painted.connect(lambda: waited.append(clock.elapsed()))
        window.show_page("team")

    controller.main_window_shown.connect(shown)
    qtbot.waitUntil(lambda: bool(waited), timeout=WAIT_MS)
    assert waited[0] < FIRST_PAINT_WAIT_MS // 3
