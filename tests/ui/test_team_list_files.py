"""The Tổ page opens the import dialog for members and the roster's export (issue 18)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.importing.import_dialog import ImportDialog
from danvan_desktop.ui.reports.export_dialog import ExportDialog
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.team.team_page import TeamPage


def test_the_import_button_opens_the_dialog_for_members(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """«Nhập danh sách…» on the Tổ page opens the import dialog with «Thành viên» chosen."""
    page = TeamPage(open_runner, bus)
    qtbot.addWidget(page)
    dialog = page.open_import()
    assert isinstance(dialog, ImportDialog) and dialog.entity == "member"
    dialog.close()


def test_the_export_button_offers_the_roster(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """«Xuất danh sách…» opens the export dialog for the member list."""
    page = TeamPage(open_runner, bus)
    qtbot.addWidget(page)
    dialog = page.open_export()
    assert isinstance(dialog, ExportDialog) and dialog._kind.name == "members"
    dialog.close()
