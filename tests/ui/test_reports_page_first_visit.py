"""The Báo cáo page's first visit (issue 22): it paints at once saying «Đang chuẩn bị…»,
loads the kinds of document (the report builders) on the GUI thread after that paint,
then builds the preview on the read lane."""

from __future__ import annotations

import os
import subprocess
import sys

from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.reports.reports_page import PREVIEW_DELAY_MS, ReportsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS

KINDS_SHOWN = 8

# Makes the page in a fresh process and says whether the report builders were imported.
MAKE_PAGE = """
import os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.reports.reports_page import PREVIEW_DELAY_MS, ReportsPage
from danvan_desktop.ui.task_runner import TaskRunner
runner = TaskRunner()
page = ReportsPage(runner, EventBus())
print("danvan_desktop.reports.builders" in sys.modules, flush=True)
runner.shutdown(timeout_ms=2000)
os._exit(0)
"""


def _page(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> ReportsPage:
    page = ReportsPage(runner, bus)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


def test_making_the_page_imports_no_report_builder() -> None:
    """The page is made without importing the report builders (a stall of its click)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", MAKE_PAGE], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.split() == ["False"], done.stderr


def test_the_page_is_shown_preparing(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> None:
    """Shown, before the next turn of the event loop, the preview says «Đang chuẩn bị…»."""
    page = _page(qtbot, open_runner, bus)
    page.show()
    assert (page.preview.toPlainText(), page.kind_list.count()) == ("Đang chuẩn bị…", 0)


def test_the_kinds_load_after_the_first_paint(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """The kinds fill the list in a later turn, the periodic report chosen."""
    page = _page(qtbot, open_runner, bus)
    page.show()
    qtbot.waitUntil(page.kinds_loaded, timeout=WAIT_MS)
    assert (page.kind_list.count(), page.current_kind()) == (KINDS_SHOWN, "periodic_report")


def test_the_preview_follows_the_kinds(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Once the kinds are loaded the periodic report's draft is built and shown."""
    page = _page(qtbot, open_runner, bus)
    with qtbot.waitSignal(page.preview_shown, timeout=WAIT_MS):
        page.show()
    assert page.preview.shown is not None
    assert page.preview.shown.title == "Báo cáo"


def test_a_kind_chosen_before_the_kinds_load(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Choosing a kind on a page never shown loads the kinds first, then chooses it."""
    page = _page(qtbot, open_runner, bus)
    page.select_kind("regulation")
    assert page.current_kind() == "regulation"


def test_a_list_read_again_keeps_the_preview(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A change that leaves the choice as it was (an empty text read) builds no new draft."""
    page = _page(qtbot, open_runner, bus)
    with qtbot.waitSignal(page.preview_shown, timeout=WAIT_MS):
        page.show()
    with qtbot.assertNotEmitted(page.preview_shown, wait=PREVIEW_DELAY_MS + 300):
        page.params.changed.emit()
