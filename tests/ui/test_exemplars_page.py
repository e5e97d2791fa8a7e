"""Điển hình & khen thưởng: a year's list, an exemplar with evidence, scoring, the decision,
the checklist, and the exported list read back."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.exemplars.commendation_dialogs import (
    CriteriaDialog,
    DecisionDialog,
    ProposalDialog,
)
from danvan_desktop.ui.exemplars.exemplar_dialog import ExemplarDialog
from danvan_desktop.ui.exemplars.exemplars_page import ExemplarsPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

from .helpers import WAIT_MS, call, double_click_row, make_team_dir, wait_idle

DECEMBER_2023 = dt.date(2023, 12, 1)


def _fill(session: Session) -> None:
    session.add_model(name="Đường hoa tổ dân phố 5", field_code="new_rural", year=2023)
    session.add_meeting(title="Họp tổ tháng 3/2023", kind="regular", starts_at="2023-03-05T19:30")
    bich = session.save_exemplar(
        kind="individual", name="Trần Thị Bích", position="Chi hội trưởng Phụ nữ", year=2023,
        achievement="Vận động 14 hộ hiến đất mở kiệt",
    ).record_id  # fmt: skip
    cuong = session.save_exemplar(
        kind="individual", name="Lê Văn Cường", position="Tổ viên", year=2023,
        achievement="Hòa giải thành 4 vụ việc",
    ).record_id  # fmt: skip
    session.save_exemplar(kind="collective", name="Chi hội Cựu chiến binh", year=2023)
    session.save_exemplar(kind="individual", name="Hồ Văn Năm", year=2022)
    assert bich and cuong
    session.propose_commendation(bich, form="Giấy khen", level="phường", ticked=["mo_hinh"])
    decided = session.propose_commendation(cuong, form="Bằng khen", level="thành phố", ticked=[])
    assert decided.record_id
    session.decide_commendation(
        decided.record_id,
        decision_number="125-QĐ/ĐU",
        decision_date="2024-01-20",
        decided_by="Đảng ủy phường Phú Xuân",
    )


@pytest.fixture
def page(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, translations: Any
) -> ExemplarsPage:
    """The page over a team with three 2023 exemplars (one decided, one proposed)."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    widget = ExemplarsPage(runner, bus, clock=lambda: DECEMBER_2023)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.show()
    return widget


def _cells(page: ExemplarsPage, name: str) -> list[str]:
    model = page.table_model
    row = next(i for i, r in enumerate(model.rows) if r["name"] == name)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _dialog(qtbot: QtBot, page: ExemplarsPage, button: Any) -> Any:
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        button.click()
    return opened.args[0]


def _save(qtbot: QtBot, page: ExemplarsPage, dialog: Any) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_year_list_and_its_summary(page: ExemplarsPage) -> None:
    """2023 in Vietnamese order, with where each commendation stands, summed up above."""
    assert [r["name"] for r in page.table_model.rows] == [
        "Chi hội Cựu chiến binh",
        "Lê Văn Cường",
        "Trần Thị Bích",
    ]
    assert _cells(page, "Lê Văn Cường")[5:] == [
        "Bằng khen",
        "cấp thành phố",
        "Đã quyết định",
        "125-QĐ/ĐU, 20/01/2024",
    ]
    assert _cells(page, "Chi hội Cựu chiến binh")[7] == "Chưa đề nghị"
    assert page.summary.text() == (
        "Năm 2023: 1 cá nhân, 0 tập thể được khen thưởng; 1 đề nghị đang chờ quyết định; "
        "3 điển hình."
    )


def test_another_year(qtbot: QtBot, page: ExemplarsPage) -> None:
    """Choosing 2022 shows that year's exemplar."""
    assert [page.year_combo.itemText(i) for i in range(page.year_combo.count())] == [
        "2023",
        "2022",
    ]
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show_year(2022)
    assert [r["name"] for r in page.table_model.rows] == ["Hồ Văn Năm"]


def test_add_exemplar_with_its_evidence(
    qtbot: QtBot, page: ExemplarsPage, runner: TaskRunner
) -> None:
    """The form ticks a model and a meeting as evidence; both are stored."""
    dialog = _dialog(qtbot, page, page.add_button)
    assert isinstance(dialog, ExemplarDialog)
    dialog.name.setText("Đặng Văn Ánh")
    dialog.position.setText("Trưởng dòng họ Đặng")
    dialog.achievement.setPlainText("Vận động dòng họ góp 120 ngày công")
    dialog.models.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.meetings.item(0).setCheckState(Qt.CheckState.Checked)
    _save(qtbot, page, dialog)
    assert [r["name"] for r in page.table_model.rows][1] == "Đặng Văn Ánh"
    row = next(r for r in page.table_model.rows if r["name"] == "Đặng Văn Ánh")
    model = call(
        qtbot, runner, lambda ctx: ctx.session.get_record("model", row["linked_model_ids"][0])
    )
    meeting = call(
        qtbot, runner, lambda ctx: ctx.session.get_record("meeting", row["linked_meeting_ids"][0])
    )
    assert (model["name"], meeting["title"]) == ("Đường hoa tổ dân phố 5", "Họp tổ tháng 3/2023")


def test_exemplar_without_a_name_is_refused_in_the_form(
    qtbot: QtBot, page: ExemplarsPage, runner: TaskRunner
) -> None:
    """The store's message appears under the name; the form stays open."""
    dialog = _dialog(qtbot, page, page.add_button)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.errors["name"].isHidden(), timeout=WAIT_MS)
    assert dialog.errors["name"].text().startswith("«Tên cá nhân, tập thể» không được để trống")
    assert dialog.isVisible()


def test_score_and_propose(qtbot: QtBot, page: ExemplarsPage) -> None:
    """Ticking two criteria scores 40 of 100; the proposal shows in the table."""
    page.select_name("Chi hội Cựu chiến binh")
    dialog = _dialog(qtbot, page, page.propose_button)
    assert isinstance(dialog, ProposalDialog)
    assert dialog.score.text() == "Tổng điểm: 0/100"
    for row in (0, 4):  # «mô hình» 30, «dự họp» 10
        dialog.criteria.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialog.score.text() == "Tổng điểm: 40/100"
    dialog.form.setCurrentText("Giấy khen")
    dialog.level.setCurrentText("cấp xã")
    _save(qtbot, page, dialog)
    assert _cells(page, "Chi hội Cựu chiến binh")[4:8] == ["40", "Giấy khen", "cấp xã", "Đề nghị"]


def test_levels_are_offered_as_documents_write_them(qtbot: QtBot, page: ExemplarsPage) -> None:
    """The level list reads «cấp xã», «cấp thành phố», «cấp Trung ương»."""
    page.select_name("Chi hội Cựu chiến binh")
    dialog = _dialog(qtbot, page, page.propose_button)
    levels = [dialog.level.itemText(i) for i in range(dialog.level.count())]
    assert levels == ["cấp xã", "cấp thành phố", "cấp Trung ương"]
    dialog.reject()


def test_a_level_stored_by_an_earlier_release_reads_right(
    qtbot: QtBot, page: ExemplarsPage
) -> None:
    """«phường», stored before, shows and opens as «cấp xã»."""
    assert _cells(page, "Trần Thị Bích")[6] == "cấp xã"
    page.select_name("Trần Thị Bích")
    dialog = _dialog(qtbot, page, page.decide_button)
    assert dialog.level.currentText() == "cấp xã"
    dialog.reject()


def test_record_the_decision(qtbot: QtBot, page: ExemplarsPage) -> None:
    """The decision moves the proposal to decided and counts in the summary."""
    page.select_name("Trần Thị Bích")
    dialog = _dialog(qtbot, page, page.decide_button)
    assert isinstance(dialog, DecisionDialog)
    dialog.number.setText("31-QĐ/ĐU")
    dialog.date.set_value("2024-01-25")
    dialog.decided_by.setText("Đảng ủy phường Phú Xuân")
    _save(qtbot, page, dialog)
    assert _cells(page, "Trần Thị Bích")[7:] == ["Đã quyết định", "31-QĐ/ĐU, 25/01/2024"]
    assert page.summary.text().startswith("Năm 2023: 2 cá nhân, 0 tập thể được khen thưởng;")


def test_decision_needs_its_number(qtbot: QtBot, page: ExemplarsPage) -> None:
    """Without the decision's number the dialog says so and stays open."""
    page.select_name("Trần Thị Bích")
    dialog = _dialog(qtbot, page, page.decide_button)
    dialog.decided_by.setText("Đảng ủy phường Phú Xuân")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.errors["decision_number"]
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=WAIT_MS)
    assert error.text() == (
        "Chưa có «Số quyết định»: hãy nhập số quyết định ghi trên quyết định khen thưởng."
    )


def test_decision_with_its_form_emptied_is_refused(
    qtbot: QtBot, page: ExemplarsPage, runner: TaskRunner
) -> None:
    """Emptying the form the decision grants is refused beside it; the proposal's stays."""
    page.select_name("Trần Thị Bích")
    dialog = _dialog(qtbot, page, page.decide_button)
    dialog.number.setText("31-QĐ/ĐU")
    dialog.decided_by.setText("Đảng ủy phường Phú Xuân")
    dialog.form.setCurrentText("")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.errors["form"]
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=WAIT_MS)
    assert error.text() == (
        "Chưa có «Hình thức khen thưởng»: hãy nhập hình thức khen thưởng ghi trên quyết định "
        "khen thưởng."
    )
    row = page.selected_row()
    assert row is not None
    record = call(
        qtbot, runner, lambda ctx: ctx.session.get_record("commendation", row["commendation_id"])
    )
    assert (record["form"], record["state"]) == ("Giấy khen", "proposed")


def test_decided_commendation_cannot_be_rescored(page: ExemplarsPage) -> None:
    """For a decided commendation, scoring and deciding again are not offered."""
    page.select_name("Lê Văn Cường")
    assert not page.propose_button.isEnabled() and not page.decide_button.isEnabled()
    assert page.edit_button.isEnabled()


def test_commune_checklist_is_edited(qtbot: QtBot, page: ExemplarsPage, runner: TaskRunner) -> None:
    """The checklist dialog lists the seven defaults; a changed list is what scores next."""
    dialog = _dialog(qtbot, page, page.criteria_button)
    assert isinstance(dialog, CriteriaDialog)
    assert dialog.table.rowCount() == 7
    assert dialog.total.text() == "Tổng: 100 điểm"
    points = dialog.table.item(6, 1)
    assert points is not None
    points.setText("15")
    assert dialog.total.text() == "Tổng: 110 điểm"
    _save(qtbot, page, dialog)
    checklist = call(qtbot, runner, lambda ctx: ctx.session.commendation_criteria())
    assert (checklist[6].code, checklist[6].points) == ("guong_mau", 15.0)


def test_checklist_with_infinite_points_is_refused(
    qtbot: QtBot, page: ExemplarsPage, runner: TaskRunner
) -> None:
    """Points typed as «1e999» (infinity) are refused with the row named; nothing is saved."""
    dialog = _dialog(qtbot, page, page.criteria_button)
    points = dialog.table.item(1, 1)
    assert points is not None
    points.setText("1e999")
    assert dialog.total.text() == "Tổng: 80 điểm"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=WAIT_MS)
    assert dialog.message.text() == (
        "Điểm của tiêu chí thứ 2 phải là một số cụ thể, không phải vô cực hay NaN: hãy sửa "
        "lại ô điểm, ví dụ 12,5."
    )
    checklist = call(qtbot, runner, lambda ctx: ctx.session.commendation_criteria())
    assert checklist[1].points == 20.0


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_export_the_years_proposals(
    qtbot: QtBot, page: ExemplarsPage, tmp_path: Path, file_format: str
) -> None:
    """The list goes through the report engine; the file reads back with the proposal."""
    out = tmp_path / "usb"
    out.mkdir()
    page.choose_folder = lambda: out
    page.export_format.setCurrentIndex(page.export_format.findData(file_format))
    with qtbot.waitSignal(page.message_shown, timeout=WAIT_MS):
        page.export_button.click()
    assert page.message.text().startswith("Đã ghi ")
    [written] = list(out.glob(f"*.{file_format}"))
    if file_format == "docx":
        # The Tờ trình's letterhead and signature tables, then the attached list's tables.
        table = docx.Document(str(written)).tables[2]
        cells = [[c.text for c in row.cells] for row in table.rows]
    else:
        sheet = openpyxl.load_workbook(written)["Cá nhân"]
        cells = [
            [str(v) for v in row if v is not None] for row in sheet.iter_rows(values_only=True)
        ]
    assert any("Trần Thị Bích" in row and "Giấy khen" in row for row in cells)
    assert not any("Lê Văn Cường" in row for row in cells)  # decided: no longer a proposal


def test_export_to_a_missing_folder_says_what_to_do(
    qtbot: QtBot, page: ExemplarsPage, tmp_path: Path
) -> None:
    """A stick pulled before the export: the message names the folder and the fix."""
    page.choose_folder = lambda: tmp_path / "gone"
    with qtbot.waitSignal(page.message_shown, timeout=WAIT_MS) as shown:
        page.export_button.click()
    assert shown.args[0].startswith(
        f"Không có thư mục {tmp_path / 'gone'}: hãy kiểm tra lại đường dẫn (nếu là USB, hãy cắm "
        "lại USB)"
    )
    assert page.message.styleSheet() == ERROR_STYLE


def test_cancelled_export_writes_nothing(
    qtbot: QtBot, page: ExemplarsPage, runner: TaskRunner, tmp_path: Path
) -> None:
    """Cancelling in the progress window stops the export; no file is left behind."""
    out = tmp_path / "usb"
    out.mkdir()
    page.choose_folder = lambda: out
    release = threading.Event()
    runner.db(lambda ctx: release.wait(WAIT_MS / 1000))  # the DB lane is busy meanwhile
    page.export_button.click()
    progress = page.findChild(QProgressDialog)
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Hủy"
    with qtbot.waitSignal(page.message_shown, timeout=WAIT_MS) as shown:
        cancel.click()
    release.set()
    wait_idle(qtbot, runner)
    assert shown.args == ["Đã hủy xuất tệp; không có tệp nào được ghi dở."]
    assert list(out.iterdir()) == []


def test_one_dialog_per_exemplar_whatever_opens_it(qtbot: QtBot, page: ExemplarsPage) -> None:
    """A double-click and «Sửa điển hình» at once, then again: one dialog, the active one."""
    opened: list[Any] = []
    page.dialog_opened.connect(opened.append)
    double_click_row(page.table, 0)
    page.edit_button.click()  # before the first dialog's evidence is read
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    page.edit_button.click()
    qtbot.wait(200)
    assert len(opened) == 1
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened[0], timeout=WAIT_MS)
