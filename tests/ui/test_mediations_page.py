"""The Hòa giải page: cases by outcome, the form with its parties, the body a case was
passed to, and what the store refuses shown beside the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.mediations.mediation_dialog import MediationDialog
from danvan_desktop.ui.mediations.mediations_page import PENDING_TEXT, MediationsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text

MEDIATED, TITLE, KIND, PARTIES, OUTCOME, PASSED_TO = range(6)


def _fill(session: Session) -> None:
    session.save_mediation(
        title="Tranh chấp lối đi chung kiệt 4",
        dispute_kind="land",
        mediated_on="2026-03-02",
        participants="Tổ hòa giải, tổ trưởng tổ dân phố",
        outcome="settled",
        outcome_on="2026-03-02",
        parties=[
            {"full_name": "Hồ Văn Bảy", "side": "first"},
            {"full_name": "Đặng Thị Tám", "side": "second"},
        ],
    )
    session.save_mediation(
        title="Tiếng ồn karaoke ban đêm",
        dispute_kind="environment",
        mediated_on="2026-04-10",
    )


@pytest.fixture
def page(qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path) -> MediationsPage:
    """The Hòa giải page over a settled case and a case with no outcome yet."""
    opened: list[Any] = []
    runner.open_session(make_team_dir(tmp_path / "data", _fill), on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    shown = MediationsPage(runner, bus)
    qtbot.addWidget(shown)
    shown.resize(1180, 640)
    with qtbot.waitSignal(shown.loaded, timeout=WAIT_MS):
        shown.show()
    return shown


def _column(page: MediationsPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _open(qtbot: QtBot, page: MediationsPage, action: Any) -> MediationDialog:
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        action()
    dialog = opened.args[0]
    assert isinstance(dialog, MediationDialog)
    return dialog


def _open_row(qtbot: QtBot, page: MediationsPage, title: str) -> MediationDialog:
    row = _column(page, TITLE).index(title)
    return _open(qtbot, page, lambda: page.open_record(page.model.record_id(row)))


def _save_button(dialog: Any) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def _save_and_reload(qtbot: QtBot, page: MediationsPage, dialog: MediationDialog) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _save_button(dialog).click()


def _cases(qtbot: QtBot, page: MediationsPage) -> list[dict[str, Any]]:
    return list(call(qtbot, page._runner, lambda ctx: ctx.session.mediation_rows()))


def test_list_shows_each_case_and_its_outcome(page: MediationsPage) -> None:
    """Newest first, with the kind, how many parties and the outcome with its day."""
    assert _column(page, TITLE) == ["Tiếng ồn karaoke ban đêm", "Tranh chấp lối đi chung kiệt 4"]
    assert _column(page, KIND) == ["Môi trường, vệ sinh, tiếng ồn", "Tranh chấp đất đai, ranh giới"]
    assert _column(page, PARTIES) == ["0", "2"]
    assert _column(page, OUTCOME) == ["Chưa có kết quả", "Hòa giải thành (02/03/2026)"]
    assert page.count_label.text() == "2 vụ việc; 1 chưa có kết quả."


def test_a_case_without_outcome_is_marked(page: MediationsPage) -> None:
    """The case still without an outcome is in amber."""
    colour = page.model.index(0, TITLE).data(Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.color() == PENDING_TEXT


def test_filter_keeps_one_outcome(qtbot: QtBot, page: MediationsPage) -> None:
    """«Chưa có kết quả» keeps the pending case; «Hòa giải thành» the settled one."""
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.filters.button(page.FILTERS.index("pending")).click()
    assert _column(page, TITLE) == ["Tiếng ồn karaoke ban đêm"]
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.filters.button(page.FILTERS.index("settled")).click()
    assert _column(page, TITLE) == ["Tranh chấp lối đi chung kiệt 4"]


def test_add_a_case_with_its_parties(qtbot: QtBot, page: MediationsPage) -> None:
    """A case typed with two parties (first and second side by default) is listed."""
    dialog = _open(qtbot, page, page.new_record)
    type_text(dialog.title, "Mâu thuẫn ranh giới vườn")
    dialog.mediated_on.setText("20/04/2026")
    dialog.dispute_kind.setCurrentIndex(dialog.dispute_kind.findData("neighbours"))
    dialog.people.add_button.click()
    dialog.people.add_button.click()
    type_text(dialog.people.rows[0].full_name, "Lê Văn Sáu")
    type_text(dialog.people.rows[1].full_name, "Ngô Thị Chín")
    type_text(dialog.participants, "Tổ hòa giải")
    _save_and_reload(qtbot, page, dialog)
    assert _column(page, TITLE)[0] == "Mâu thuẫn ranh giới vườn"
    case_id = page.model.record_id(0)
    sheet = call(qtbot, page._runner, lambda ctx: ctx.session.mediation(case_id))
    assert [(p["full_name"], p["side"]) for p in sheet["parties"]] == [
        ("Lê Văn Sáu", "first"),
        ("Ngô Thị Chín", "second"),
    ]
    assert sheet["dispute_kind"] == "neighbours"


def test_passed_on_asks_for_the_body_beside_it(qtbot: QtBot, page: MediationsPage) -> None:
    """Choosing «Chuyển cơ quan có thẩm quyền» shows «Nơi chuyển đến»; left empty, the save
    is refused there; filled in, the case is listed with it."""
    dialog = _open_row(qtbot, page, "Tiếng ồn karaoke ban đêm")
    assert dialog.passed_to.isHidden() or not dialog.passed_to.isVisibleTo(dialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("passed_on"))
    dialog.outcome_on.setText("15/04/2026")
    assert dialog.passed_to.isVisibleTo(dialog)
    _save_button(dialog).click()
    error = dialog.errors["passed_to"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text().startswith("«Nơi chuyển đến» còn trống")
    type_text(dialog.passed_to, "Công an phường")
    _save_and_reload(qtbot, page, dialog)
    assert _column(page, PASSED_TO)[0] == "Công an phường"
    assert _column(page, OUTCOME)[0] == "Chuyển cơ quan có thẩm quyền (15/04/2026)"


def test_delete_asks_then_removes(qtbot: QtBot, page: MediationsPage) -> None:
    """«Xóa…» asks; «Xóa» removes the case and its parties."""
    page.table.selectRow(_column(page, TITLE).index("Tranh chấp lối đi chung kiệt 4"))
    page.remove_selected()
    box = page.confirm_box
    assert box is not None
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        box.accept_button.click()
    assert _column(page, TITLE) == ["Tiếng ồn karaoke ban đêm"]


def test_an_outcome_before_the_mediation_is_refused_beside_it(
    qtbot: QtBot, page: MediationsPage
) -> None:
    """A day of outcome before the mediation: named beside «Ngày có kết quả», not saved."""
    before = _cases(qtbot, page)
    dialog = _open_row(qtbot, page, "Tiếng ồn karaoke ban đêm")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("settled"))
    dialog.outcome_on.setText("01/04/2026")
    _save_button(dialog).click()
    error = dialog.errors["outcome_on"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text().startswith("«Ngày có kết quả» ở trước «Ngày hòa giải»")
    assert _cases(qtbot, page) == before


def test_a_date_that_does_not_exist_is_refused_beside_it(
    qtbot: QtBot, page: MediationsPage
) -> None:
    """30/02/2026 as the day mediated: named under the field, nothing saved."""
    before = _cases(qtbot, page)
    dialog = _open(qtbot, page, page.new_record)
    type_text(dialog.title, "Vay mượn không trả")
    dialog.mediated_on.setText("30/02/2026")
    _save_button(dialog).click()
    assert dialog.errors["mediated_on"].text().startswith("«30/02/2026» không phải ngày có thật")
    qtbot.wait(200)
    assert _cases(qtbot, page) == before


def test_a_partys_name_too_long_is_named_under_the_row(qtbot: QtBot, page: MediationsPage) -> None:
    """A name of 121 characters: the limit is said under that party's row, and the save is
    refused there with nothing written."""
    before = _cases(qtbot, page)
    dialog = _open_row(qtbot, page, "Tranh chấp lối đi chung kiệt 4")
    row = dialog.people.rows[1]
    row.full_name.setText("a" * 121)
    assert row.error.isVisible() and "120" in row.error.text()
    _save_button(dialog).click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=WAIT_MS)
    assert row.error.isVisible() and "120" in row.error.text()
    assert not dialog.people.rows[0].error.isVisible()
    assert _cases(qtbot, page) == before
