"""The overview page renders the team's figures: counts, charts, what is due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.overview.overview_page import OverviewPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.widgets.charts import BAR_COLOUR

from .helpers import WAIT_MS, make_team_dir


def _open(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> None:
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)


def _page(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> OverviewPage:
    page = OverviewPage(runner, bus)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=WAIT_MS)
    return page


def test_overview_with_demo_data(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """With a year of demo data: counts, bars per field and status, a column per month."""
    data_dir = make_team_dir(tmp_path / "data", lambda s: s.fill_demo(size="small"))
    _open(qtbot, runner, data_dir)
    page = _page(qtbot, runner, bus)
    figures = page.figures
    assert page.cards["model"].value.text() == str(figures.counts["model"])
    assert figures.counts["model"] > 0 and figures.counts["meeting"] > 0
    assert len(page.by_field.items) == 6 and page.by_field.items[0][0] == "Kinh tế"
    assert [label for label, _n in page.by_status.items][:2] == ["Đã đăng ký", "Đang triển khai"]
    assert len(page.by_month.items) == 12 and sum(n for _l, n in page.by_month.items) > 0
    image = page.by_status.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(4, 20)}
    assert QColor(BAR_COLOUR).name() in colours


def test_overdue_task_and_late_meeting_are_flagged(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """An overdue task is listed with its owner and date; no meeting yet is said plainly."""

    def fill(session: Session) -> None:
        session.add_task(
            title="Vận động hộ còn lại", owner_name="Lê Văn Bình", deadline="2020-01-05"
        )

    data_dir = make_team_dir(tmp_path / "data", fill)
    _open(qtbot, runner, data_dir)
    page = _page(qtbot, runner, bus)
    assert page.overdue.text() == (
        "1 nhiệm vụ quá hạn:\n• Vận động hộ còn lại — Lê Văn Bình — hạn 05/01/2020"
    )
    assert "Chưa có cuộc họp định kỳ nào." in page.next_meeting.text()


def test_next_meeting_after_this_month(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A regular meeting held this month moves the reminder to next month's 25th."""
    today = dt.date.today()

    def fill(session: Session) -> None:
        session.add_meeting(kind="regular", title="Họp tổ", starts_at=f"{today.isoformat()}T08:00")

    data_dir = make_team_dir(tmp_path / "data", fill)
    _open(qtbot, runner, data_dir)
    page = _page(qtbot, runner, bus)
    due = page.figures.next_meeting.due_on
    assert due > today and due.day == 25
    assert f"Cuộc họp định kỳ tới: hạn {due:%d/%m/%Y}." in page.next_meeting.text()


def test_overview_refreshes_when_models_change(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, team_dir: Path
) -> None:
    """A saved model shows in the count after the change is announced."""
    _open(qtbot, runner, team_dir)
    page = _page(qtbot, runner, bus)
    assert page.cards["model"].value.text() == "0"
    runner.db(lambda ctx: ctx.session.add_model(name="Đường hoa", field_code="other", year=2026))
    bus.data_changed.emit({"model"})
    qtbot.waitUntil(lambda: page.cards["model"].value.text() == "1", timeout=WAIT_MS)


def test_meeting_planned_later_is_not_the_last_meeting_held(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A draft regular meeting dated in three days is shown as planned, not as held."""
    later = dt.date.today() + dt.timedelta(days=3)

    def fill(session: Session) -> None:
        session.add_meeting(kind="regular", title="Họp tổ", starts_at=f"{later.isoformat()}T08:00")

    data_dir = make_team_dir(tmp_path / "data", fill)
    _open(qtbot, runner, data_dir)
    page = _page(qtbot, runner, bus)
    text = page.next_meeting.text()
    assert "Chưa có cuộc họp định kỳ nào." in text
    assert f"Đã lên lịch họp định kỳ ngày {later:%d/%m/%Y}." in text
    assert "Lần họp định kỳ gần nhất" not in text
