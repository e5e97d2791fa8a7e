"""A page's first visit builds what it shows and nothing more (issue 22's first paint).

The meetings list's first visit makes no minutes editor; the Đồng bộ page reads its
data on the DB lane; the window loads the pages' modules in idle turns after the first
paint, one at a time, so a first visit does not import them in its click (nor the
first sync round on a worker thread).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.main_window import MainWindow
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.page_list import PAGE_MODULES, PageSpec
from danvan_desktop.ui.settings.settings_page import SettingsPage
from danvan_desktop.ui.sync.sync_jobs import ROUND_MODULES
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, make_team_dir


def _one_meeting(session: Session) -> None:
    session.create_meeting(
        kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0), place="Nhà văn hóa"
    )


def _open(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> None:
    done: list[Any] = []
    runner.open_session(data_dir, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)


def _meetings_page(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> MeetingsPage:
    page = MeetingsPage(runner, bus)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        page.show()
    return page


def test_meetings_list_makes_no_editor(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """The meetings list shown on its first visit has made no minutes editor."""
    _open(qtbot, runner, make_team_dir(tmp_path / "data", _one_meeting))
    page = _meetings_page(qtbot, runner, bus)
    assert page.model.rowCount() == 1
    assert page.editor_made() is False
    assert page.stack.count() == 1


def test_meetings_editor_made_on_open(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Opening a meeting makes the minutes editor once and shows it."""
    _open(qtbot, runner, make_team_dir(tmp_path / "data", _one_meeting))
    page = _meetings_page(qtbot, runner, bus)
    meeting_id = page.model.record_id(0)
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        editor = page.open_meeting(meeting_id)
    assert page.editing() is True
    assert page.editor is editor
    assert page.stack.count() == 2


LOADED_WITH = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import {page}
print(json.dumps([m for m in {heavy!r} if m in sys.modules]))
"""


@pytest.mark.parametrize(
    ("page", "heavy"),
    [
        ("danvan_desktop.ui.meetings.meetings_page", "danvan_desktop.ui.meetings.meeting_editor"),
        ("danvan_desktop.ui.sync.sync_page", "danvan_desktop.ui.sync.bundle_dialog"),
    ],
)
def test_page_module_leaves_its_heavy_part_unloaded(page: str, heavy: str) -> None:
    """Loading a page's module does not load the part its first visit does not show."""
    code = LOADED_WITH.format(page=page, heavy=[heavy])
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_settings_page_asks_for_settings_and_update_at_once(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Making Cài đặt queues its settings read and the update box's read together."""
    page = SettingsPage(open_runner, bus, request_restore=lambda _path: None)
    qtbot.addWidget(page)
    owners = [job.owner for job in open_runner._pending.values()]
    assert owners.count(page) == 1
    assert owners.count(page.update_box) == 1
    qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)


def _bare_window(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> MainWindow:
    spec = PageSpec("plain", "Trang", lambda: QLabel("Trang"))
    window = MainWindow(runner, bus, [spec], start_page="plain")
    qtbot.addWidget(window)
    return window


def test_warm_up_waits_for_the_first_paint(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Modules given to warm_up are not loaded before the window has painted."""
    window = _bare_window(qtbot, open_runner, bus)
    window.warm_up(["colorsys", "wave"])
    assert window.modules_to_warm() == ["colorsys", "wave"]


def test_warm_up_loads_every_module_after_the_paint(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """After the first paint warm_up loads its modules, one per idle turn, on the GUI thread."""
    sys.modules.pop("wave", None)
    window = _bare_window(qtbot, open_runner, bus)
    window.warm_up(["colorsys", "wave", "danvan_desktop.no_such_module"])
    with qtbot.waitSignal(window.warmed_up, timeout=WAIT_MS):
        window.show()
    assert window.modules_to_warm() == []
    assert "wave" in sys.modules


def test_page_modules_all_exist() -> None:
    """Every module the window loads ahead of its page exists (no typo skips one)."""
    missing = [name for name in PAGE_MODULES if importlib.util.find_spec(name) is None]
    assert missing == []


def test_round_modules_all_exist() -> None:
    """Every module the window loads ahead of the first sync round exists."""
    missing = [name for name in ROUND_MODULES if importlib.util.find_spec(name) is None]
    assert missing == []


def test_page_modules_cover_every_page(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> None:
    """Every sidebar page's own module is among the modules loaded ahead of it."""
    from danvan_desktop.ui.page_list import default_pages

    pages = default_pages(runner, bus, request_restore=lambda _path: None)
    expected = {f"danvan_desktop.ui.{key}.{key}_page" for key in (p.key for p in pages)}
    assert sorted(expected - set(PAGE_MODULES)) == []
