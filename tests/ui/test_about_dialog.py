"""«Giới thiệu»: version, build, data folder, the logs folder opened, licence and notices."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.about import about_dialog
from danvan_desktop.ui.about.about_dialog import AboutDialog
from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.settings.settings_page import SettingsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS

ROOT = Path(__file__).resolve().parents[2]
with (ROOT / "pyproject.toml").open("rb") as _fh:
    VERSION = tomllib.load(_fh)["project"]["version"]


class FakeDesktop:
    """Stands in for QDesktopServices (the desktop's file manager is not ours)."""

    opened: list[QUrl]

    def __init__(self) -> None:
        self.opened = []

    def openUrl(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> FakeDesktop:
    """QDesktopServices of the dialog, recording the URLs it is asked to open."""
    fake = FakeDesktop()
    monkeypatch.setattr(about_dialog, "QDesktopServices", fake)
    return fake


@pytest.fixture
def dialog(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> AboutDialog:
    """The dialog over a data folder, its build and notices read."""
    shown = AboutDialog(runner, tmp_path / "data")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.notices.toPlainText() != "", timeout=WAIT_MS)
    return shown


def test_shows_the_version_and_the_data_folder(dialog: AboutDialog, tmp_path: Path) -> None:
    """The version is pyproject's; the data folder's path is shown as it is."""
    assert dialog.version.text() == VERSION
    assert dialog.data_path.text() == str(tmp_path / "data")
    assert dialog.windowTitle() == "Giới thiệu"


def test_shows_the_commit_and_its_date(dialog: AboutDialog) -> None:
    """From the checkout the build is the current commit, with its date as dd/MM/yyyy."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cd", "--date=format:%d/%m/%Y"],
        capture_output=True,
        text=True,
        check=True,
    )
    commit, day = done.stdout.split()
    assert dialog.build.text() == f"{commit}, ngày {day}"


def test_logs_button_opens_the_logs_folder(
    qtbot: QtBot, dialog: AboutDialog, desktop: FakeDesktop, tmp_path: Path
) -> None:
    """The button opens <data folder>/logs in the file manager, made first when missing."""
    qtbot.mouseClick(dialog.logs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desktop.opened), timeout=WAIT_MS)
    assert desktop.opened == [QUrl.fromLocalFile(str(tmp_path / "data" / "logs"))]
    assert (tmp_path / "data" / "logs").is_dir()


def test_the_notices_are_readable(dialog: AboutDialog) -> None:
    """The third-party notices are in the dialog, Qt's LGPL among them."""
    text = dialog.notices.toPlainText()
    assert text.startswith(f"Dân vận khéo {VERSION}: third-party notices")
    assert "\n### qt " in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert dialog.notices.isReadOnly()


def test_says_the_licence(dialog: AboutDialog) -> None:
    """The application's licence is said in a sentence naming GPL-3.0-or-later."""
    labels = [label.text() for label in dialog.findChildren(about_dialog.QLabel)]
    assert any("(GPL-3.0-or-later)" in text for text in labels)


def test_speaks_english(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, translations: Translations
) -> None:
    """With English chosen, the dialog's title and button are English."""
    translations.apply("en")
    shown = AboutDialog(runner, tmp_path)
    qtbot.addWidget(shown)
    assert shown.windowTitle() == "About"
    assert shown.logs_button.text() == "Open the logs folder"


def test_opened_from_the_settings_page(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """Cài đặt's «Giới thiệu Dân vận khéo…» opens the dialog on the team's data folder."""
    controller: AppController = start_app(team_dir, start_page="settings")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    assert controller.window is not None
    page = controller.window.current_page()
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)
    assert page.about_box.about_button.text() == "Giới thiệu Dân vận khéo…"
    dialog = page.about_box.open_about()
    assert isinstance(dialog, AboutDialog)
    assert dialog.data_path.text() == str(team_dir)
    qtbot.waitUntil(lambda: dialog.version.text() == VERSION, timeout=WAIT_MS)
    dialog.close()
