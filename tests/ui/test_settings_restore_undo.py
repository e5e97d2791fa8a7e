"""A wrong restore is undone from Cài đặt: the copy made before it is listed by its name and
restores like any backup."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.settings.settings_page import SettingsPage

from .helpers import WAIT_MS, call

COPY_LABEL = re.compile(
    r"^Bản sao trước khi khôi phục \d\d/\d\d/\d{4} \d\d:\d\d — \d+ KB — before-restore-\S+\.zip$"
)


@pytest.fixture
def app(qtbot: QtBot, start_app: Any, team_dir: Path) -> AppController:
    """The application on a team's folder, showing Cài đặt."""
    controller: AppController = start_app(team_dir, start_page="settings")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    return controller


def _settings(qtbot: QtBot, app: AppController) -> SettingsPage:
    assert app.window is not None
    page = app.window.current_page()
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)
    return page


def _add(qtbot: QtBot, app: AppController, name: str) -> None:
    call(
        qtbot,
        app.runner,
        lambda ctx: ctx.session.add_model(name=name, field_code="other", year=2026),
    )


def _names(qtbot: QtBot, app: AppController) -> set[str]:
    models = call(qtbot, app.runner, lambda ctx: ctx.session.list_records("model"))
    return {model["name"] for model in models}


def _restore_row(qtbot: QtBot, app: AppController, text: re.Pattern[str] | str) -> None:
    """Choose the row of the list that reads ``text`` and restore it, answering «Yes»."""
    page = _settings(qtbot, app)

    def matching() -> list[Any]:
        rows = [page.backups.item(i) for i in range(page.backups.count())]
        if isinstance(text, str):
            return [row for row in rows if row.text().endswith(text)]
        return [row for row in rows if text.match(row.text())]

    qtbot.waitUntil(lambda: len(matching()) == 1, timeout=WAIT_MS)
    page.backups.setCurrentItem(matching()[0])
    with qtbot.waitSignal(app.main_window_shown, timeout=WAIT_MS):
        page.restore_selected()


def test_the_copy_before_a_restore_is_listed_and_brings_the_data_back(
    qtbot: QtBot, app: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restore backup X from the list; the copy of the replaced data is listed as «Bản sao
    trước khi khôi phục …»; restoring it brings back the data as it was."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    _add(qtbot, app, "Đèn đường")
    chosen = call(qtbot, app.runner, lambda ctx: ctx.session.make_backup())
    _add(qtbot, app, "Vườn mẫu")
    _settings(qtbot, app).reload_backups()
    _restore_row(qtbot, app, chosen.name)
    assert _names(qtbot, app) == {"Đèn đường"}
    _restore_row(qtbot, app, COPY_LABEL)
    assert _names(qtbot, app) == {"Đèn đường", "Vườn mẫu"}
