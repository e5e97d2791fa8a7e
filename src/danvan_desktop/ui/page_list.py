"""The pages of the sidebar, in order, each made on first visit from its own module.

Replacing a page (a feature that is built now) means changing its factory here
and its module; the main window does not know the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler

# What the pages load: shared pieces first, each page in sidebar order, then a page's
# heavy parts (the minutes editor, the USB dialog); no one module takes more than ~25 ms
# to load (issue 22: no GUI stall over 50 ms). The main window loads them in idle turns
# after its first paint (MainWindow.warm_up): a first visit imports nothing in its click.
PAGE_MODULES: tuple[str, ...] = tuple(
    "danvan_desktop.ui." + name
    for name in [
        "widgets.record_table",
        "widgets.date_fields",
        "widgets.form_widgets",
        "widgets.field_limits",
        "widgets.page",
        "widgets.paged_records",
        "overview.overview_page",
        "models.models_page",
        "network.network_page",
        "meetings.meetings_page",
        "tasks.tasks_page",
        "petitions.petitions_page",
        "mediations.mediations_page",
        "team.team_page",
        "regulation.regulation_page",
        "exemplars.exemplars_page",
        "handbook.handbook_page",
        "reports.reports_page",
        "sync.conflicts_view",
        "sync.enroll_panel",
        "sync.sync_page",
        "settings.update_box",
        "about.about_box",
        "settings.settings_page",
        "meetings.meeting_header",
        "meetings.agenda_panel",
        "meetings.meeting_editor",
        "meetings.new_meeting_dialog",
        "widgets.export_targets",
        "sync.bundle_dialog",
    ]
)


class PageSpec(NamedTuple):
    """One sidebar entry: its key, its title and how to make its page."""

    key: str
    title: str
    make: Callable[[], QWidget]


def default_pages(
    runner: TaskRunner,
    bus: EventBus,
    *,
    request_restore: Callable[[Path], None],
    sync_scheduler: Callable[[], SyncScheduler] | None = None,
) -> list[PageSpec]:
    """Every page of the main window, in sidebar order.

    ``sync_scheduler`` gives the application's scheduler (made when first asked for);
    without it the Đồng bộ page makes its own.
    """

    def overview() -> QWidget:
        from danvan_desktop.ui.overview.overview_page import OverviewPage

        return OverviewPage(runner, bus)

    def models() -> QWidget:
        from danvan_desktop.ui.models.models_page import ModelsPage

        return ModelsPage(runner, bus)

    def network() -> QWidget:
        from danvan_desktop.ui.network.network_page import NetworkPage

        return NetworkPage(runner, bus)

    def settings() -> QWidget:
        from danvan_desktop.ui.settings.settings_page import SettingsPage

        return SettingsPage(runner, bus, request_restore=request_restore)

    def meetings() -> QWidget:
        from danvan_desktop.ui.meetings.meetings_page import MeetingsPage

        return MeetingsPage(runner, bus)

    def tasks() -> QWidget:
        from danvan_desktop.ui.tasks.tasks_page import TasksPage

        return TasksPage(runner, bus)

    def petitions() -> QWidget:
        from danvan_desktop.ui.petitions.petitions_page import PetitionsPage

        return PetitionsPage(runner, bus)

    def mediations() -> QWidget:
        from danvan_desktop.ui.mediations.mediations_page import MediationsPage

        return MediationsPage(runner, bus)

    def team() -> QWidget:
        from danvan_desktop.ui.team.team_page import TeamPage

        return TeamPage(runner, bus)

    def regulation() -> QWidget:
        from danvan_desktop.ui.regulation.regulation_page import RegulationPage

        return RegulationPage(runner, bus)

    def exemplars() -> QWidget:
        from danvan_desktop.ui.exemplars.exemplars_page import ExemplarsPage

        return ExemplarsPage(runner, bus)

    def handbook() -> QWidget:
        from danvan_desktop.ui.handbook.handbook_page import HandbookPage

        return HandbookPage(runner, bus)

    def reports() -> QWidget:
        from danvan_desktop.ui.reports.reports_page import ReportsPage

        return ReportsPage(runner, bus)

    def sync() -> QWidget:
        from danvan_desktop.ui.sync.sync_page import SyncPage

        return SyncPage(runner, bus, sync_scheduler() if sync_scheduler else None)

    return [
        PageSpec("overview", tr("MainWindow", "Tổng quan"), overview),
        PageSpec("models", tr("MainWindow", "Mô hình"), models),
        PageSpec("network", tr("MainWindow", "Mạng lưới"), network),
        PageSpec("meetings", tr("MainWindow", "Cuộc họp"), meetings),
        PageSpec("tasks", tr("MainWindow", "Nhiệm vụ"), tasks),
        PageSpec("petitions", tr("MainWindow", "Kiến nghị"), petitions),
        PageSpec("mediations", tr("MainWindow", "Hòa giải"), mediations),
        PageSpec("team", tr("MainWindow", "Tổ dân vận"), team),
        PageSpec("regulation", tr("MainWindow", "Quy chế"), regulation),
        PageSpec("exemplars", tr("MainWindow", "Điển hình & khen thưởng"), exemplars),
        PageSpec("handbook", tr("MainWindow", "Sổ tay"), handbook),
        PageSpec("reports", tr("MainWindow", "Báo cáo"), reports),
        PageSpec("sync", tr("MainWindow", "Đồng bộ"), sync),
        PageSpec("settings", tr("MainWindow", "Cài đặt"), settings),
    ]
