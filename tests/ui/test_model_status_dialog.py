"""The status dialog of a model, driven as a leader (and a reviewer) would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
from danvan_desktop.ui.models.status_dialog import StatusDialog
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text
from .reviewer_store import make_commune_reviewer_dir, pull_model


def _launched(session: Session) -> None:
    model_id = session.add_model(name="Phân loại rác", field_code="economy", year=2026).record_id
    session.move_model(str(model_id), status="in_progress")
    session.move_model(str(model_id), status="reviewed")


@pytest.fixture
def model_id(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> str:
    """A team's model sent up for review, its store open on the runner."""
    opened: list[Any] = []
    runner.open_session(make_team_dir(tmp_path / "data", _launched), on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    rows = call(qtbot, runner, lambda ctx: ctx.session.list_records("model"))
    return str(rows[0]["id"])


def _dialog(qtbot: QtBot, runner: TaskRunner, model_id: str, role: str) -> StatusDialog:
    dialog = StatusDialog(runner, model_id=model_id, current="reviewed", role=role)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(dialog: StatusDialog, code: str) -> None:
    dialog.status.setCurrentIndex(dialog.status.findData(code))


def _save(qtbot: QtBot, dialog: StatusDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_the_team_is_offered_only_its_moves(
    qtbot: QtBot, runner: TaskRunner, model_id: str
) -> None:
    """From «Đã tự đánh giá» a team may pause or close, nothing else."""
    dialog = _dialog(qtbot, runner, model_id, "team")
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["paused", "closed"]


def test_a_pause_without_a_reason_is_refused_beside_the_reason(
    qtbot: QtBot, runner: TaskRunner, model_id: str
) -> None:
    """Saving a pause with no reason names «Lý do» beside it; nothing is saved."""
    dialog = _dialog(qtbot, runner, model_id, "team")
    _choose(dialog, "paused")
    assert dialog.reason.isVisible() and not dialog.decision_number.isVisible()
    _save(qtbot, dialog)
    error = dialog.errors["reason"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == (
        "«Lý do» không được để trống khi chuyển mô hình sang «Tạm dừng, củng cố»: hãy ghi vì sao."
    )
    record = call(qtbot, runner, lambda ctx: ctx.session.get_record("model", model_id))
    assert record["status"] == "reviewed"


def test_a_pause_with_its_reason_is_saved_with_the_history(
    qtbot: QtBot, runner: TaskRunner, model_id: str
) -> None:
    """The reason typed in Vietnamese is kept in the model's history."""
    dialog = _dialog(qtbot, runner, model_id, "team")
    _choose(dialog, "paused")
    type_text(dialog.reason, "Chờ kinh phí")
    with qtbot.waitSignal(dialog.moved, timeout=WAIT_MS):
        _save(qtbot, dialog)
    history = call(qtbot, runner, lambda ctx: ctx.session.model_history(model_id))
    assert (history[-1]["to_status"], history[-1]["reason"]) == ("paused", "Chờ kinh phí")


def test_a_recognition_asks_for_the_decision(
    qtbot: QtBot, runner: TaskRunner, model_id: str
) -> None:
    """A reviewer recognising without the decision sees both fields named."""
    call(qtbot, runner, lambda ctx: setattr(ctx.session, "role", "reviewer"))
    dialog = _dialog(qtbot, runner, model_id, "reviewer")
    _choose(dialog, "recognised")
    assert dialog.decision_number.isVisible() and not dialog.reason.isVisible()
    _save(qtbot, dialog)
    qtbot.waitUntil(dialog.errors["decided_on"].isVisible, timeout=WAIT_MS)
    assert dialog.errors["decision_number"].text().startswith("«Số quyết định» không được để")


def test_the_model_form_opens_the_dialog_and_shows_the_move(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """«Chuyển trạng thái, ghi lý do…» on the form opens the dialog; the pause shows."""
    form = ModelFormDialog(runner, bus, model_id)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.loaded, timeout=WAIT_MS):
        form.show()
    qtbot.mouseClick(form.move_status, Qt.MouseButton.LeftButton)
    dialog = form.findChild(StatusDialog)
    assert dialog is not None
    _choose(dialog, "paused")
    type_text(dialog.reason, "Chờ kinh phí")
    with qtbot.waitSignal(dialog.moved, timeout=WAIT_MS):
        _save(qtbot, dialog)
    assert form.status.currentText() == "Tạm dừng, củng cố"


def _recognise(dialog: StatusDialog) -> None:
    """Choose «Đã được công nhận» and type its decision (number and date)."""
    _choose(dialog, "recognised")
    type_text(dialog.decision_number, "45/QĐ-UBND")
    type_text(dialog.decided_on, "02/03/2026")


def test_a_recognition_refused_on_its_level_says_so_beside_the_level(
    qtbot: QtBot, runner: TaskRunner, model_id: str
) -> None:
    """A reviewer's laptop whose own unit is no recognising level (a village) names
    «Cấp công nhận» beside its choice; the model stays reviewed."""
    call(qtbot, runner, lambda ctx: setattr(ctx.session, "role", "reviewer"))
    dialog = _dialog(qtbot, runner, model_id, "reviewer")
    _recognise(dialog)
    assert dialog.level.isVisible()
    _save(qtbot, dialog)
    error = dialog.errors["level"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == (
        "«Cấp công nhận» phải là «Cấp xã», «Cấp thành phố»: hãy chọn cấp đã ra quyết định."
    )
    record = call(qtbot, runner, lambda ctx: ctx.session.get_record("model", model_id))
    assert record["status"] == "reviewed"


@pytest.fixture
def reviewer_model(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> str:
    """A village's model sent up for review, on a commune reviewer's store open on the runner."""
    opened: list[Any] = []
    runner.open_session(make_commune_reviewer_dir(tmp_path / "reviewer"), on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    return str(call(qtbot, runner, lambda ctx: pull_model(ctx.session)))


def test_a_commune_reviewer_recognises_at_the_commune_level(
    qtbot: QtBot, runner: TaskRunner, reviewer_model: str
) -> None:
    """On a commune reviewer's laptop «Cấp công nhận» starts at «Cấp xã», which is saved."""
    dialog = _dialog(qtbot, runner, reviewer_model, "reviewer")
    qtbot.waitUntil(lambda: dialog.level.currentText() == "Cấp xã", timeout=WAIT_MS)
    _recognise(dialog)
    with qtbot.waitSignal(dialog.moved, timeout=WAIT_MS):
        _save(qtbot, dialog)
    found = call(qtbot, runner, lambda ctx: ctx.session.model_recognitions(reviewer_model))
    assert [(r["level"], r["decision_number"]) for r in found] == [("commune", "45/QĐ-UBND")]


def test_the_level_chosen_is_the_level_saved(
    qtbot: QtBot, runner: TaskRunner, reviewer_model: str
) -> None:
    """Choosing «Cấp thành phố» records the recognition at the city level."""
    dialog = _dialog(qtbot, runner, reviewer_model, "reviewer")
    qtbot.waitUntil(lambda: dialog.level.currentText() == "Cấp xã", timeout=WAIT_MS)
    _recognise(dialog)
    dialog.level.setCurrentIndex(dialog.level.findData("city"))
    with qtbot.waitSignal(dialog.moved, timeout=WAIT_MS):
        _save(qtbot, dialog)
    found = call(qtbot, runner, lambda ctx: ctx.session.model_recognitions(reviewer_model))
    assert [r["level"] for r in found] == ["city"]
