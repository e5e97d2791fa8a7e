"""Quy chế: make the team's regulation from the model, save it, export it; and the reminder
that fires when the regulation's meeting or review is due (the clock set, not waited for)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.regulation.due_reminder import DueReminder
from danvan_desktop.ui.regulation.regulation_page import RegulationPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, type_text, wait_idle

MARCH_23 = dt.date(2026, 3, 23)


@pytest.fixture
def page(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, translations: Any) -> RegulationPage:
    """The regulation page of a new team on 23/03/2026."""
    widget = RegulationPage(open_runner, bus, clock=lambda: MARCH_23)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.show()
    return widget


def test_form_shows_the_default_settings(page: RegulationPage) -> None:
    """Monthly on the 25th, six-monthly and yearly reports, the commune's recipients."""
    assert page.period.currentText() == "Hằng tháng"
    assert page.day.value() == 25
    assert [code for code, box in page.reporting.items() if box.isChecked()] == [
        "half_year",
        "year",
    ]
    assert page.recipients.toPlainText().splitlines()[0] == "Đảng ủy phường Phú Xuân"
    assert page.letterhead["document_place"].text() == "Phú Xuân"


def test_schedule_says_what_is_due(page: RegulationPage) -> None:
    """On 23/03 the monthly meeting of the 25th is near."""
    assert page.schedule.text() == (
        "Theo quy chế, hôm nay 23/03/2026: Sắp đến hạn họp định kỳ: 25/03/2026."
    )


def test_make_the_team_regulation_from_the_model(
    qtbot: QtBot, page: RegulationPage, open_runner: TaskRunner
) -> None:
    """Quarterly on the 10th: the model text says so, and saving stores text and settings."""
    page.period.setCurrentIndex(page.period.findData("quarterly"))
    page.day.setValue(10)
    page.model_button.click()
    qtbot.waitUntil(lambda: bool(page.text.toPlainText()), timeout=WAIT_MS)
    assert "Tổ họp định kỳ mỗi quý một lần, vào ngày 10 của tháng cuối quý." in (
        page.text.toPlainText()
    )
    page.text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(page.text, " Điều bổ sung của tổ.")
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save_button.click()
    assert page.message.text() == "Đã lưu quy chế."
    stored = call(qtbot, open_runner, lambda ctx: ctx.session.regulation_settings())
    assert (stored["meeting_period"], stored["meeting_day"]) == ("quarterly", 10)
    assert stored["text"].endswith("Điều bổ sung của tổ.")


def test_saved_period_moves_the_schedule(qtbot: QtBot, page: RegulationPage) -> None:
    """After saving quarterly meetings, the next one is due at the quarter's end."""
    page.period.setCurrentIndex(page.period.findData("quarterly"))
    page.day.setValue(28)
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save()
    qtbot.waitUntil(lambda: "28/03/2026" in page.schedule.text(), timeout=WAIT_MS)


def test_declining_keeps_the_teams_text(
    qtbot: QtBot, page: RegulationPage, open_runner: TaskRunner
) -> None:
    """With text already written, «Tạo từ quy chế mẫu» asks first; «No» changes nothing."""
    page.text.setPlainText("Quy chế riêng của tổ.")
    asked: list[bool] = []

    def decline() -> bool:
        asked.append(True)
        return False

    page.confirm_replace = decline
    page.model_button.click()
    wait_idle(qtbot, open_runner)
    assert asked == [True]
    assert page.text.toPlainText() == "Quy chế riêng của tổ."


def test_export_writes_the_saved_regulation(
    qtbot: QtBot, page: RegulationPage, tmp_path: Path
) -> None:
    """«Xuất Word» saves what the form shows, then writes a DOCX that reads back."""
    page.text.setPlainText("## Chương I. CHUNG\n\n### Điều 1. Họp\n\nTổ họp tối thứ Bảy.")
    out = tmp_path / "out"
    out.mkdir()
    page.choose_folder = lambda: out
    with qtbot.waitSignal(page.message_shown, timeout=WAIT_MS) as shown:
        page.export_docx.click()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã ghi"), timeout=WAIT_MS)
    files = list(out.glob("*.docx"))
    assert [f.name for f in files] == ["Quy chế hoạt động của Tổ dân vận tổ dân phố 5.docx"]
    lines = [p.text for p in docx.Document(str(files[0])).paragraphs]
    assert "Tổ họp tối thứ Bảy." in lines and "Điều 1. Họp" in lines
    assert page.preset.currentData() == "party"  # the Party cell's: no «./.» in that format
    assert shown.args == ["Đã lưu quy chế."]


# -- the reminder ------------------------------------------------------------------------
def _reminder(qtbot: QtBot, runner: TaskRunner, bus: EventBus, day: dt.date) -> DueReminder:
    reminder = DueReminder(runner, bus, clock=lambda: day)
    qtbot.addWidget(reminder)
    qtbot.waitUntil(lambda: reminder.checked_on == day, timeout=WAIT_MS)
    return reminder


def test_reminder_fires_days_before_the_meeting(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Two days before the 25th, the notice shows the date."""
    reminder = _reminder(qtbot, open_runner, bus, MARCH_23)
    assert not reminder.isHidden()
    assert reminder.text() == "Sắp đến hạn họp định kỳ: 25/03/2026."


def test_no_reminder_while_the_meeting_is_far(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """On the 10th nothing is near: the notice stays hidden."""
    reminder = _reminder(qtbot, open_runner, bus, dt.date(2026, 3, 10))
    assert reminder.isHidden() and reminder.items == []


def test_overdue_meeting_then_held(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> None:
    """After the 25th it says overdue; once the meeting is recorded, it goes away."""
    reminder = _reminder(qtbot, open_runner, bus, dt.date(2026, 3, 27))
    assert reminder.text() == "Đã quá hạn họp định kỳ (hạn 25/03/2026)."
    call(
        qtbot,
        open_runner,
        lambda ctx: ctx.session.create_meeting(
            kind="regular", starts_at=dt.datetime(2026, 3, 26, 19, 30)
        ),
    )
    with qtbot.waitSignal(reminder.shown, timeout=WAIT_MS):
        bus.data_changed.emit({"meeting"})
    assert reminder.isHidden()


def test_half_year_review_is_reminded(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> None:
    """At the end of June the six-month review is near too."""
    reminder = _reminder(qtbot, open_runner, bus, dt.date(2026, 6, 27))
    assert "Sắp đến hạn sơ kết 6 tháng đầu năm 2026: 30/06/2026." in reminder.text()


def test_main_window_carries_the_reminder(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """The reminder sits in the main window's status bar."""
    controller = start_app(team_dir)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    window = controller.window
    assert isinstance(window.due_reminder, DueReminder)
    assert window.status.isAncestorOf(window.due_reminder)


def test_schedule_names_a_far_meeting_plainly(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, translations: Any
) -> None:
    """On 10/03 the meeting of the 25th is not «near»: the page just gives its date."""
    widget = RegulationPage(open_runner, bus, clock=lambda: dt.date(2026, 3, 10))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.show()
    assert widget.schedule.text().endswith("Họp định kỳ tới: hạn 25/03/2026.")
