"""A half-year or year-end review's covered period, in the new-meeting dialog and the minutes.

Driven as a user would: the kind picked, dates typed into the project's date fields and
left with Tab, the dialog's button clicked; the store is read back through the Session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meeting_editor import MeetingEditor
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog
from danvan_desktop.ui.regulation.due_reminder import DueReminder
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir
from .test_typed_dates import type_and_leave

NOT_SAVED_MS = 300


def _calendar_year_cutoffs(session: Session) -> None:
    session.save_regulation(half_year_cutoff="06-30", year_cutoff="12-31")


def _opened(
    qtbot: QtBot, runner: TaskRunner, folder: Path, fill: Callable[[Session], None] | None
) -> TaskRunner:
    done: list[Any] = []
    runner.open_session(make_team_dir(folder, fill), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    return runner


def _dialog(qtbot: QtBot, runner: TaskRunner, kind: str) -> NewMeetingDialog:
    dialog = NewMeetingDialog(runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.cutoffs_loaded, timeout=WAIT_MS):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    return dialog


def _create(qtbot: QtBot, runner: TaskRunner, dialog: NewMeetingDialog) -> dict[str, Any]:
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    meeting_id = str(created.args[0])
    return dict(call(qtbot, runner, lambda ctx: ctx.session.get_record("meeting", meeting_id)))


def test_year_end_review_in_january_offers_last_year(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """Held on 10/01/2027, a «Tổng kết năm» offers 16/12/2025 to 15/12/2026."""
    dialog = _dialog(qtbot, _opened(qtbot, runner, tmp_path / "data", None), "year_end")
    type_and_leave(dialog.starts_at, "10/01/2027 19:30")
    assert (dialog.covers_from.text(), dialog.covers_to.text()) == ("16/12/2025", "15/12/2026")
    assert dialog.covers_from.isVisible() and dialog.covers_to.isVisible()


def test_the_offered_period_follows_the_regulation_cut_offs(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """With cut-offs 30/6 and 31/12, a half-year review on 05/07/2026 covers 1/1–30/6."""
    runner = _opened(qtbot, runner, tmp_path / "data", _calendar_year_cutoffs)
    dialog = _dialog(qtbot, runner, "half_year")
    type_and_leave(dialog.starts_at, "05/07/2026 19:30")
    assert (dialog.covers_from.text(), dialog.covers_to.text()) == ("01/01/2026", "30/06/2026")


def test_the_period_typed_is_saved_and_names_the_title(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """The period typed over the offer is the one stored; the title takes its year, 2026."""
    runner = _opened(qtbot, runner, tmp_path / "data", None)
    dialog = _dialog(qtbot, runner, "year_end")
    type_and_leave(dialog.starts_at, "10/01/2027 19:30")
    type_and_leave(dialog.covers_from, "1/1/2026")
    type_and_leave(dialog.covers_to, "31122026")
    meeting = _create(qtbot, runner, dialog)
    assert (meeting["covers_from"], meeting["covers_to"]) == ("2026-01-01", "2026-12-31")
    assert meeting["title"] == "Tổng kết năm 2026"


def test_a_typed_period_stays_when_the_start_moves(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """Once the leader typed the period, a new start day no longer replaces it."""
    dialog = _dialog(qtbot, _opened(qtbot, runner, tmp_path / "data", None), "year_end")
    type_and_leave(dialog.covers_to, "30/11/2026")
    type_and_leave(dialog.starts_at, "10/01/2027 19:30")
    assert dialog.covers_to.text() == "30/11/2026"


def test_a_regular_meeting_has_no_period(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    """The period rows are hidden for a regular meeting, which is saved without one."""
    runner = _opened(qtbot, runner, tmp_path / "data", None)
    dialog = _dialog(qtbot, runner, "regular")
    assert not dialog.covers_from.isVisible() and not dialog.covers_to.isVisible()
    meeting = _create(qtbot, runner, dialog)
    assert (meeting["covers_from"], meeting["covers_to"]) == (None, None)


def test_a_period_ending_before_it_starts_is_named_beside_it(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """An end typed before the start is refused under «Đến ngày»; no meeting is made."""
    runner = _opened(qtbot, runner, tmp_path / "data", None)
    dialog = _dialog(qtbot, runner, "year_end")
    type_and_leave(dialog.covers_to, "01/12/2025")
    with qtbot.assertNotEmitted(dialog.created, wait=NOT_SAVED_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(dialog.errors["covers_to"].text()), timeout=WAIT_MS)
    assert dialog.errors["covers_to"].text() == (
        "«Cuối kỳ đánh giá» ở trước «Đầu kỳ đánh giá»: hãy chọn cuối kỳ đánh giá từ đầu kỳ "
        "đánh giá trở về sau."
    )
    assert call(qtbot, runner, lambda ctx: ctx.session.list_records("meeting")) == []


def test_a_date_that_is_not_one_holds_the_review_up(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """31/02/2026 typed as the period's start is named beside it; no meeting is made."""
    runner = _opened(qtbot, runner, tmp_path / "data", None)
    dialog = _dialog(qtbot, runner, "half_year")
    type_and_leave(dialog.covers_from, "31/02/2026")
    with qtbot.assertNotEmitted(dialog.created, wait=NOT_SAVED_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.errors["covers_from"].text().startswith("«31/02/2026» không phải ngày có thật")
    assert call(qtbot, runner, lambda ctx: ctx.session.list_records("meeting")) == []


# -- the minutes' header -----------------------------------------------------------------
def _year_end_review(session: Session) -> None:
    session.create_meeting(kind="year_end", starts_at=dt.datetime(2027, 1, 10, 19, 30))


def _editor(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> MeetingEditor:
    page = MeetingsPage(runner, bus)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        page.open_meeting(page.model.record_id(0))
    page.editor.activateWindow()
    return page.editor


def test_the_minutes_show_and_keep_the_period_typed(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """The review's period shows in its minutes; an end typed there is saved."""
    runner = _opened(qtbot, runner, tmp_path / "data", _year_end_review)
    editor = _editor(qtbot, runner, bus)
    header = editor.header
    assert (header.covers_from.text(), header.covers_to.text()) == ("16/12/2025", "15/12/2026")
    type_and_leave(header.covers_to, "31/12/2026")
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.save_button.click()
    meeting_id = editor.meeting_id or ""
    meeting = call(qtbot, runner, lambda ctx: ctx.session.get_record("meeting", meeting_id))
    assert (meeting["covers_from"], meeting["covers_to"]) == ("2025-12-16", "2026-12-31")


def test_a_meeting_made_a_review_is_offered_its_period(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A regular meeting of 20/12/2026 turned into a year-end review gets 2026's period,
    by the regulation's cut-offs (31/12 here)."""

    def fill(session: Session) -> None:
        _calendar_year_cutoffs(session)
        session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 12, 20, 19, 30))

    editor = _editor(qtbot, _opened(qtbot, runner, tmp_path / "data", fill), bus)
    header = editor.header
    assert not header.covers_from.isVisible()
    header.kind.setCurrentIndex(header.kind.findData("year_end"))
    assert header.covers_from.isVisible()
    assert (header.covers_from.text(), header.covers_to.text()) == ("01/01/2026", "31/12/2026")


# -- the reminder in the status bar --------------------------------------------------------
def _reminder(qtbot: QtBot, runner: TaskRunner, bus: EventBus, day: dt.date) -> DueReminder:
    reminder = DueReminder(runner, bus, clock=lambda: day)
    qtbot.addWidget(reminder)
    qtbot.waitUntil(lambda: reminder.checked_on == day, timeout=WAIT_MS)
    return reminder


def test_in_january_the_reminder_names_last_years_review(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """On 10/01/2027 with no review held, the notice asks for 2026's year-end review."""
    runner = _opened(qtbot, runner, tmp_path / "data", None)
    reminder = _reminder(qtbot, runner, bus, dt.date(2027, 1, 10))
    assert "Chưa tổng kết năm 2026 (hạn 31/12/2026)." in reminder.text()


def test_a_january_review_settles_last_years_reminder(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A «Tổng kết năm» held on 08/01/2027 (covering 2026) takes 2026's notice away."""

    def fill(session: Session) -> None:
        session.create_meeting(kind="year_end", starts_at=dt.datetime(2027, 1, 8, 19, 30))

    runner = _opened(qtbot, runner, tmp_path / "data", fill)
    reminder = _reminder(qtbot, runner, bus, dt.date(2027, 1, 10))
    assert reminder.items == [] and reminder.isHidden()
