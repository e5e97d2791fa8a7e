"""The Đồng bộ page lists the records from the server this laptop kept aside."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.store.sync_apply import apply_page
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, make_team_dir
from .sync_support import ROUND_MS, make_scheduler, open_store

BAD = "0190f000-0000-7000-8000-0000000000bd"


def _receive_a_bad_record(session: Session) -> None:
    change = {
        "entity": "model",
        "record_id": BAD,
        "unit_id": session.store.home_unit_id,
        "server_version": 6,
        "deleted": False,
        "fields": {"name": "Mô hình cũ", "status": "registered", "year": 10**30},
    }
    apply_page(session.records, [change], next_seq=6)


@pytest.fixture
def shown(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> Iterator[Any]:
    """Show the page over a data folder; the scheduler runs nothing by itself."""
    made: list[Any] = []

    def show(folder: Path) -> SyncPage:
        open_store(qtbot, runner, folder)
        scheduler = make_scheduler(runner, bus)
        page = SyncPage(runner, bus, scheduler)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)
        made.append(scheduler)
        return page

    yield show
    for scheduler in made:
        scheduler.stop()
        qtbot.waitUntil(lambda s=scheduler: not s.running, timeout=ROUND_MS)


def test_a_record_kept_aside_is_listed_with_its_reason(
    qtbot: QtBot, tmp_path: Path, shown: Any
) -> None:
    """The tab counts the record and shows its entity, id and the reason."""
    page = shown(make_team_dir(tmp_path / "data", fill=_receive_a_bad_record))
    qtbot.waitUntil(lambda: page.quarantine_model.rowCount() == 1, timeout=WAIT_MS)
    assert page.tabs.tabText(3) == "Bản ghi không nhận được (1)"
    assert page.quarantine_model.cell(0, 1) == "Mô hình"
    assert page.quarantine_model.cell(0, 2) == BAD
    assert page.quarantine_model.cell(0, 3) != ""


def test_the_tab_speaks_english(
    qtbot: QtBot, tmp_path: Path, translations: Any, shown: Any
) -> None:
    """With the English translators installed the tab's title is English."""
    translations.apply("en")
    page = shown(make_team_dir(tmp_path / "data"))
    assert page.tabs.tabText(3) == "Records not taken in (0)"
