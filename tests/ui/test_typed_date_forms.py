"""Every form holding a date keeps what the leader types: each spelling saved as 15/03/2026
and read back from the store, an impossible date named beside its field and not saved,
and a date cleared by keyboard saved empty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.exemplars.commendation_dialogs import DecisionDialog
from danvan_desktop.ui.exemplars.exemplars_page import ExemplarsPage
from danvan_desktop.ui.meetings.meeting_editor import MeetingEditor
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog
from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
from danvan_desktop.ui.regulation.regulation_page import RegulationPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.tasks.task_dialog import TaskDialog
from danvan_desktop.ui.team.member_dialog import MemberDialog

from .helpers import WAIT_MS, call, make_team_dir
from .test_typed_dates import NO_31_FEBRUARY, SPELLINGS, clear_by_keyboard, type_and_leave

MOMENTS = ["25/11/2026 10:30", "25/11/2026 10h30", "25112026 1030", "25/11/26 10:30"]
NOT_SAVED_MS = 300


def _shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def _save_button(dialog: QWidget) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def _opened(qtbot: QtBot, runner: TaskRunner, folder: Path, fill: Callable[..., None]) -> None:
    done: list[Any] = []
    runner.open_session(make_team_dir(folder, fill), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)


# -- a member's term (FormDialog) -----------------------------------------------------------
def _member(qtbot: QtBot, runner: TaskRunner, name: str) -> dict[str, Any]:
    members = call(qtbot, runner, lambda ctx: ctx.session.team_members())
    return dict(next(m for m in members if m["full_name"] == name))


def _member_dialog(qtbot: QtBot, runner: TaskRunner, member: Any = None) -> MemberDialog:
    dialog = MemberDialog(runner, [], member=member)
    _shown(qtbot, dialog)
    return dialog


def _save_member(qtbot: QtBot, dialog: MemberDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        _save_button(dialog).click()


@pytest.mark.parametrize("typed", SPELLINGS)
def test_member_term_typed_is_kept(qtbot: QtBot, open_runner: TaskRunner, typed: str) -> None:
    """The term's start typed in any spelling is saved and reopens as 15/03/2026."""
    dialog = _member_dialog(qtbot, open_runner)
    dialog.full_name.setText("Lê Văn Cường")
    type_and_leave(dialog.term_start, typed)
    _save_member(qtbot, dialog)
    member = _member(qtbot, open_runner, "Lê Văn Cường")
    assert member["term_start"] == "2026-03-15"
    assert _member_dialog(qtbot, open_runner, member).term_start.text() == "15/03/2026"


def test_member_impossible_date_is_not_saved(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """31/02/2026 over 15/02/2026: named under the field, focused, and the store keeps 15/02."""
    call(qtbot, open_runner, lambda ctx: ctx.session.save_member(
        full_name="Lê Văn Cường", role="member", term_start="2026-02-15"))  # fmt: skip
    dialog = _member_dialog(qtbot, open_runner, _member(qtbot, open_runner, "Lê Văn Cường"))
    type_and_leave(dialog.term_start, "31/02/2026")
    with qtbot.assertNotEmitted(dialog.saved, wait=NOT_SAVED_MS):
        _save_button(dialog).click()
    assert dialog.errors["term_start"].text() == NO_31_FEBRUARY
    assert dialog.errors["term_start"].isVisible()
    assert dialog.term_start.hasFocus()
    assert _member(qtbot, open_runner, "Lê Văn Cường")["term_start"] == "2026-02-15"


def test_member_date_cleared_is_saved_empty(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """Ctrl+A, Delete in the term's start saves the member without one."""
    call(qtbot, open_runner, lambda ctx: ctx.session.save_member(
        full_name="Lê Văn Cường", role="member", term_start="2026-02-15"))  # fmt: skip
    dialog = _member_dialog(qtbot, open_runner, _member(qtbot, open_runner, "Lê Văn Cường"))
    clear_by_keyboard(dialog.term_start)
    _save_member(qtbot, dialog)
    assert _member(qtbot, open_runner, "Lê Văn Cường")["term_start"] is None


# -- a task given outside a meeting ---------------------------------------------------------
def _task_dialog(qtbot: QtBot, runner: TaskRunner) -> TaskDialog:
    dialog = TaskDialog(runner, [])
    _shown(qtbot, dialog)
    dialog.title.setText("Thăm hộ cụ Lài")
    return dialog


@pytest.mark.parametrize("typed", SPELLINGS)
def test_task_deadline_typed_is_kept(qtbot: QtBot, open_runner: TaskRunner, typed: str) -> None:
    """The deadline typed in any spelling is the task's 2026-03-15."""
    dialog = _task_dialog(qtbot, open_runner)
    type_and_leave(dialog.deadline, typed)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        _save_button(dialog).click()
    task_id = str(saved.args[0])
    task = call(qtbot, open_runner, lambda ctx: ctx.session.get_record("task", task_id))
    assert task["deadline"] == "2026-03-15"


def test_task_impossible_deadline_is_not_saved(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """32/01/2026 is named under the deadline; no task is added."""
    dialog = _task_dialog(qtbot, open_runner)
    type_and_leave(dialog.deadline, "32/01/2026")
    with qtbot.assertNotEmitted(dialog.saved, wait=NOT_SAVED_MS):
        _save_button(dialog).click()
    assert dialog.errors["deadline"].text().startswith("«32/01/2026» không phải ngày có thật")
    assert call(qtbot, open_runner, lambda ctx: ctx.session.list_records("task")) == []


# -- the regulation's adoption date (a page, not a dialog) -----------------------------------
def _regulation(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> RegulationPage:
    page = RegulationPage(runner, bus, clock=lambda: dt.date(2026, 3, 23))
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _shown(qtbot, page)
    return page


@pytest.mark.parametrize("typed", SPELLINGS)
def test_regulation_adopted_typed_is_kept(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, typed: str
) -> None:
    """The adoption date typed in any spelling is saved and shown again as 15/03/2026."""
    page = _regulation(qtbot, open_runner, bus)
    type_and_leave(page.adopted, typed)
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save()
    stored = call(qtbot, open_runner, lambda ctx: ctx.session.regulation_settings())
    assert stored["adopted_on"] == "2026-03-15"
    assert _regulation(qtbot, open_runner, bus).adopted.text() == "15/03/2026"


def test_regulation_impossible_date_is_not_saved(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """«abc» as the adoption date is named beside it and nothing is saved."""
    page = _regulation(qtbot, open_runner, bus)
    type_and_leave(page.adopted, "abc")
    with qtbot.assertNotEmitted(page.saved, wait=NOT_SAVED_MS):
        page.save()
    assert page.errors["adopted_on"].text().startswith("«abc» không phải là ngày")
    stored = call(qtbot, open_runner, lambda ctx: ctx.session.regulation_settings())
    assert stored.get("adopted_on") is None


# -- the model form and its readings ----------------------------------------------------------
def _model_form(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str | None = None
) -> ModelFormDialog:
    dialog = ModelFormDialog(runner, bus, model_id)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        _shown(qtbot, dialog)
    return dialog


@pytest.mark.parametrize("typed", SPELLINGS)
def test_model_start_typed_is_kept(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, typed: str
) -> None:
    """The model's start typed in any spelling is saved and reopens as 15/03/2026."""
    dialog = _model_form(qtbot, open_runner, bus)
    dialog.name.setText("Đường hoa")
    type_and_leave(dialog.start_date, typed)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    model_id = dialog.model_id or ""
    record = call(qtbot, open_runner, lambda ctx: ctx.session.get_record("model", model_id))
    assert record["start_date"] == "2026-03-15"
    assert _model_form(qtbot, open_runner, bus, model_id).start_date.text() == "15/03/2026"


def test_model_impossible_date_is_not_saved(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """31/02/2026 as the start is named beside it; the new model is not saved."""
    dialog = _model_form(qtbot, open_runner, bus)
    dialog.name.setText("Đường hoa")
    type_and_leave(dialog.start_date, "31/02/2026")
    with qtbot.assertNotEmitted(dialog.saved, wait=NOT_SAVED_MS):
        dialog.save()
    assert dialog.errors["start_date"].text() == NO_31_FEBRUARY
    assert call(qtbot, open_runner, lambda ctx: ctx.session.list_records("model")) == []


def _model_id(qtbot: QtBot, runner: TaskRunner) -> str:
    return str(call(qtbot, runner, lambda ctx: ctx.session.add_model(
        name="Đường hoa", field_code="new_rural", year=2026).record_id))  # fmt: skip


@pytest.mark.parametrize("typed", SPELLINGS)
def test_reading_date_typed_is_kept(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, typed: str
) -> None:
    """A reading's date typed in any spelling is stored as 2026-03-15."""
    dialog = _model_form(qtbot, open_runner, bus, _model_id(qtbot, open_runner))
    panel = dialog.indicators
    qtbot.waitUntil(panel.isEnabled, timeout=WAIT_MS)
    panel.indicator.setText("Số hộ tham gia")
    panel.value.setText("12")
    type_and_leave(panel.read_on, typed)
    panel.add_reading()
    qtbot.waitUntil(lambda: panel.readings.rowCount() == 1, timeout=WAIT_MS)
    assert panel.readings.rows[0]["read_on"] == "2026-03-15"


def test_reading_impossible_date_is_not_added(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """31/02/2026 as a reading's date is named beside it; no reading is added."""
    dialog = _model_form(qtbot, open_runner, bus, _model_id(qtbot, open_runner))
    panel = dialog.indicators
    qtbot.waitUntil(panel.isEnabled, timeout=WAIT_MS)
    panel.indicator.setText("Số hộ tham gia")
    panel.value.setText("12")
    type_and_leave(panel.read_on, "31/02/2026")
    panel.add_reading()
    assert panel.errors["read_on"].text() == NO_31_FEBRUARY
    records = call(qtbot, open_runner, lambda ctx: ctx.session.list_records("indicator_reading"))
    assert records == []


# -- a commendation's decision --------------------------------------------------------------
def _proposed(session: Session) -> None:
    bich = session.save_exemplar(kind="individual", name="Trần Thị Bích", year=2026).record_id
    assert bich
    session.propose_commendation(bich, form="Giấy khen", level="phường", ticked=[])


def _decision(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> tuple[Any, DecisionDialog]:
    page = ExemplarsPage(runner, bus, clock=lambda: dt.date(2026, 12, 1))
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _shown(qtbot, page)
    page.select_name("Trần Thị Bích")
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.decide_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, DecisionDialog)
    dialog.number.setText("31-QĐ/ĐU")
    dialog.decided_by.setText("Đảng ủy phường Phú Xuân")
    return page, dialog


def _decision_date(qtbot: QtBot, runner: TaskRunner) -> Any:
    rows = call(qtbot, runner, lambda ctx: ctx.session.exemplar_rows(2026))
    return rows[0]["decision_date"]


@pytest.mark.parametrize("typed", SPELLINGS)
def test_decision_date_typed_is_kept(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, typed: str
) -> None:
    """The decision's date typed in any spelling is stored as 2026-03-15."""
    _opened(qtbot, runner, tmp_path / "data", _proposed)
    page, dialog = _decision(qtbot, runner, bus)
    type_and_leave(dialog.date, typed)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _save_button(dialog).click()
    assert _decision_date(qtbot, runner) == "2026-03-15"


def test_decision_impossible_date_is_not_saved(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """31/02/2026 as the decision's date is named beside it; nothing is submitted."""
    _opened(qtbot, runner, tmp_path / "data", _proposed)
    _page, dialog = _decision(qtbot, runner, bus)
    type_and_leave(dialog.date, "31/02/2026")
    with qtbot.assertNotEmitted(dialog.submitted, wait=NOT_SAVED_MS):
        _save_button(dialog).click()
    assert dialog.errors["decision_date"].text() == NO_31_FEBRUARY
    assert _decision_date(qtbot, runner) is None


# -- meetings: a new meeting's start, the minutes' end, a task's deadline ---------------------
def _with_meeting(session: Session) -> None:
    session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0))


@pytest.mark.parametrize("typed", MOMENTS)
def test_new_meeting_start_typed_is_kept(qtbot: QtBot, open_runner: TaskRunner, typed: str) -> None:
    """A new meeting's start typed in any spelling is stored as 2026-11-25T10:30."""
    dialog = NewMeetingDialog(open_runner)
    _shown(qtbot, dialog)
    type_and_leave(dialog.starts_at, typed)
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    meeting_id = str(created.args[0])
    meeting = call(qtbot, open_runner, lambda ctx: ctx.session.get_record("meeting", meeting_id))
    assert meeting["starts_at"] == "2026-11-25T10:30"


def test_new_meeting_impossible_time_is_not_created(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """25/11/2026 25:00 is named under the start; no meeting is made."""
    dialog = NewMeetingDialog(open_runner)
    _shown(qtbot, dialog)
    type_and_leave(dialog.starts_at, "25/11/2026 25:00")
    with qtbot.assertNotEmitted(dialog.created, wait=NOT_SAVED_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.errors["starts_at"].text().startswith("«25:00» không phải giờ có thật")
    assert call(qtbot, open_runner, lambda ctx: ctx.session.list_records("meeting")) == []


def _editor(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, folder: Path, autosave_ms: int = 3000
) -> MeetingEditor:
    _opened(qtbot, runner, folder, _with_meeting)
    page = MeetingsPage(runner, bus, autosave_ms=autosave_ms)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        page.open_meeting(page.model.record_id(0))
    return page.editor


def _stored_meeting(qtbot: QtBot, runner: TaskRunner, editor: MeetingEditor) -> dict[str, Any]:
    meeting_id = editor.meeting_id or ""
    return dict(call(qtbot, runner, lambda ctx: ctx.session.get_record("meeting", meeting_id)))


@pytest.mark.parametrize("typed", MOMENTS)
def test_minutes_end_typed_is_kept(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, typed: str
) -> None:
    """The end typed in any spelling is committed on Ctrl+S as 2026-11-25T10:30."""
    editor = _editor(qtbot, runner, bus, tmp_path / "data")
    type_and_leave(editor.header.ends_at, typed)
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.save()
    assert _stored_meeting(qtbot, runner, editor)["ends_at"] == "2026-11-25T10:30"


def test_minutes_impossible_end_keeps_the_last_good(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """31/11/2026 as the end: named beside it, the autosaved draft keeps the end it had,
    and Ctrl+S saves nothing."""
    editor = _editor(qtbot, runner, bus, tmp_path / "data", autosave_ms=100)
    editor.header.ends_at.set_value("2026-11-25T10:00")
    with qtbot.waitSignal(editor.autosaver.saved, timeout=WAIT_MS):
        type_and_leave(editor.header.title, "Hop to thang 11")
        type_and_leave(editor.header.ends_at, "31/11/2026 10:00")
    meeting_id = editor.meeting_id or ""
    draft = call(qtbot, runner, lambda ctx: ctx.session.load_draft("meeting", meeting_id))
    assert draft["ends_at"] == "2026-11-25T10:00"  # the last good end
    assert editor.header.errors["ends_at"].text() == (
        "«31/11/2026» không phải ngày có thật: tháng 11/2026 chỉ có 30 ngày."
    )
    with qtbot.assertNotEmitted(editor.committed, wait=NOT_SAVED_MS):
        editor.save()
    assert editor.header.ends_at.hasFocus()
    assert _stored_meeting(qtbot, runner, editor)["title"] != "Hop to thang 11"


def test_minutes_task_deadline_typed_is_kept(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A task's deadline typed as 15122026 is stored as 2026-12-15."""
    editor = _editor(qtbot, runner, bus, tmp_path / "data")
    tasks = editor.tasks
    editor.tabs.setCurrentIndex(4)
    tasks.title.setText("Sửa đèn")
    type_and_leave(tasks.deadline, "15122026")
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        tasks.add_button.click()
    meeting_id = editor.meeting_id or ""
    [task] = call(qtbot, runner, lambda ctx: ctx.session.meeting_children(meeting_id, "task"))
    assert task["deadline"] == "2026-12-15"


def test_minutes_task_impossible_deadline_is_not_added(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """31/02/2026 as a task's deadline is named beside it; no task is added."""
    editor = _editor(qtbot, runner, bus, tmp_path / "data")
    tasks = editor.tasks
    editor.tabs.setCurrentIndex(4)
    tasks.title.setText("Sửa đèn")
    type_and_leave(tasks.deadline, "31/02/2026")
    tasks.add_button.click()
    assert tasks.errors["deadline"].text() == NO_31_FEBRUARY
    meeting_id = editor.meeting_id or ""
    assert call(qtbot, runner, lambda ctx: ctx.session.meeting_children(meeting_id, "task")) == []
