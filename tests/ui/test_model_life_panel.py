"""The «Quá trình, công nhận» panel of a model's page, driven as a leader and a reviewer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.life_panel import LifePanel
from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text


def _recognised(session: Session) -> None:
    model_id = session.add_model(name="Phân loại rác", field_code="economy", year=2026).record_id
    assert model_id
    session.move_model(model_id, status="in_progress", today=dt.date(2026, 1, 10))
    session.move_model(model_id, status="reviewed", today=dt.date(2026, 2, 20))
    session.role = "reviewer"
    session.move_model(
        model_id, status="recognised", decision_number="45/QĐ-UBND", decided_on="2026-03-02",
        level="commune", today=dt.date(2026, 3, 5),
    )  # fmt: skip
    session.role = "team"


@pytest.fixture
def model_id(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> str:
    """A team's model recognised by the commune, its store open on the runner."""
    opened: list[Any] = []
    runner.open_session(make_team_dir(tmp_path / "data", _recognised), on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    rows = call(qtbot, runner, lambda ctx: ctx.session.list_records("model"))
    return str(rows[0]["id"])


def _panel(qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str) -> LifePanel:
    panel = LifePanel(runner, bus)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.set_model(model_id)
    return panel


def _as_reviewer(qtbot: QtBot, runner: TaskRunner) -> None:
    call(qtbot, runner, lambda ctx: setattr(ctx.session, "role", "reviewer"))


def test_the_history_shows_the_newest_move_first(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """The moves are listed newest first, each as «from → to»."""
    panel = _panel(qtbot, runner, bus, model_id)
    moves = [row["move"] for row in panel.history_model.rows]
    assert moves == [
        "Đã tự đánh giá → Được công nhận tiêu biểu",
        "Đang triển khai → Đã tự đánh giá",
        "Đã đăng ký → Đang triển khai",
    ]


def test_a_move_shows_its_reason_and_who_made_it(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """A pause made later shows first, with its reason and the team's role."""
    day = dt.date(2026, 5, 1)
    call(
        qtbot,
        runner,
        lambda ctx: ctx.session.move_model(
            model_id, status="paused", reason="Chờ kinh phí", today=day
        ),
    )
    panel = _panel(qtbot, runner, bus, model_id)
    first = panel.history_model.rows[0]
    assert (first["reason"], first["by"], first["date"]) == (
        "Chờ kinh phí",
        "Tổ dân vận (Tổ dân phố 5)",
        "2026-05-01",
    )


def test_the_recognitions_are_listed(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """The commune's recognition shows its level, decision number and date."""
    panel = _panel(qtbot, runner, bus, model_id)
    [row] = panel.recognitions_model.rows
    assert (row["level"], row["decision_number"], row["decided_on"]) == (
        "Cấp xã",
        "45/QĐ-UBND",
        "2026-03-02",
    )


def test_a_team_laptop_has_no_add_recognition(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """«Thêm quyết định công nhận» is hidden on a team's laptop."""
    panel = _panel(qtbot, runner, bus, model_id)
    assert not panel.add_group.isVisible()


def test_a_reviewer_adds_the_citys_recognition(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """A reviewer types the city's decision; it joins the list."""
    _as_reviewer(qtbot, runner)
    panel = _panel(qtbot, runner, bus, model_id)
    assert panel.add_group.isVisible()
    panel.level.setCurrentIndex(panel.level.findData("city"))
    type_text(panel.decision_number, "12/QĐ-UBND")
    type_text(panel.decided_on, "15/06/2026")
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    levels = [(r["level"], r["decision_number"]) for r in panel.recognitions_model.rows]
    assert levels == [("Cấp xã", "45/QĐ-UBND"), ("Cấp thành phố", "12/QĐ-UBND")]


def test_a_recognition_without_its_number_is_refused_beside_it(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """No decision number: the message is beside «Số quyết định»; nothing is added."""
    _as_reviewer(qtbot, runner)
    panel = _panel(qtbot, runner, bus, model_id)
    type_text(panel.decided_on, "15/06/2026")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    error = panel.errors["decision_number"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == (
        "«Số quyết định» không được để trống khi công nhận mô hình: hãy nhập số quyết định "
        "công nhận."
    )
    rows = call(qtbot, runner, lambda ctx: ctx.session.model_recognitions(model_id))
    assert len(rows) == 1


def test_the_model_form_has_the_life_tab(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> None:
    """The model's page shows its history in «Quá trình, công nhận»."""
    form = ModelFormDialog(runner, bus, model_id)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.life.loaded, timeout=WAIT_MS):
        form.show()
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert "Quá trình, công nhận" in titles
    assert len(form.life.history_model.rows) == 3
