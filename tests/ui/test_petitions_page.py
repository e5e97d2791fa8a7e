"""The Kiến nghị page: the list by state, the form with its people, a meeting opinion made
a petition in one click, the overview's overdue petitions and the regulation's period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.main_window import MainWindow
from danvan_desktop.ui.page_list import default_pages
from danvan_desktop.ui.petitions.petition_dialog import PetitionDialog
from danvan_desktop.ui.petitions.petitions_page import OVERDUE_BACKGROUND, PetitionsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text

TODAY = dt.date.today()  # the overview counts as of today: so do the petitions here
RECEIVED, TITLE, FIELD, RAISED_BY, PASSED_TO, DUE, STATE = range(7)


def day(offset: int) -> dt.date:
    """``offset`` days from today (negative: before)."""
    return TODAY + dt.timedelta(days=offset)


def typed(offset: int) -> str:
    """That day as a leader types it."""
    return day(offset).strftime("%d/%m/%Y")


def _fill(session: Session) -> None:
    session.save_petition(
        title="Đèn chiếu sáng kiệt 12 hỏng",
        received_on=day(-61).isoformat(),
        field_code="infrastructure",
        passed_to="Công ty Điện lực",
        passed_on=day(-59).isoformat(),  # due 30 days later: 29 days ago
        petitioners=[{"full_name": "Lê Thị Hoa", "phone": "0905 111 222"}],
    )
    session.save_petition(
        title="Mương trước chợ bị tắc",
        received_on=day(-12).isoformat(),  # due in 18 days
        field_code="environment",
        raised_by="household",
    )
    session.save_petition(
        title="Xe tải chạy nhanh qua trường mầm non",
        received_on=day(-92).isoformat(),
        field_code="security",
        answer="Công an phường đã đặt biển hạn chế tốc độ.",
        answered_on=day(-73).isoformat(),
    )


@pytest.fixture
def petitions_dir(tmp_path: Path) -> Path:
    """A team with an overdue, a waiting and an answered petition."""
    return make_team_dir(tmp_path / "data", _fill)


@pytest.fixture
def runner_on(qtbot: QtBot, runner: TaskRunner, petitions_dir: Path) -> TaskRunner:
    """The runner with the petitions' store open."""
    opened: list[Any] = []
    runner.open_session(petitions_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    return runner


@pytest.fixture
def page(qtbot: QtBot, runner_on: TaskRunner, bus: EventBus) -> PetitionsPage:
    """The Kiến nghị page."""
    shown = PetitionsPage(runner_on, bus, clock=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1180, 640)
    with qtbot.waitSignal(shown.loaded, timeout=WAIT_MS):
        shown.show()
    return shown


def _column(page: PetitionsPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _open(qtbot: QtBot, page: PetitionsPage, action: Any) -> PetitionDialog:
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        action()
    dialog = opened.args[0]
    assert isinstance(dialog, PetitionDialog)
    return dialog


def _open_row(qtbot: QtBot, page: PetitionsPage, title: str) -> PetitionDialog:
    row = _column(page, TITLE).index(title)
    return _open(qtbot, page, lambda: page.open_record(page.model.record_id(row)))


def _save_and_reload(qtbot: QtBot, page: PetitionsPage, dialog: PetitionDialog) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _save_button(dialog).click()


def _save_button(dialog: Any) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def _petitions(qtbot: QtBot, runner: TaskRunner) -> list[dict[str, Any]]:
    return list(call(qtbot, runner, lambda ctx: ctx.session.petition_rows(today=TODAY)))


# -- the list --------------------------------------------------------------------------
def test_list_shows_where_each_petition_stands(page: PetitionsPage) -> None:
    """Newest received first; the due day of those waiting; overdue ones say by how long."""
    assert _column(page, TITLE) == [
        "Mương trước chợ bị tắc",
        "Đèn chiếu sáng kiệt 12 hỏng",
        "Xe tải chạy nhanh qua trường mầm non",
    ]
    assert _column(page, DUE) == [typed(18), typed(-29), ""]
    assert _column(page, STATE) == [
        "Đang chờ trả lời",
        "⚠ Quá hạn 29 ngày",
        f"Đã trả lời {typed(-73)}",
    ]
    assert _column(page, RAISED_BY)[0] == "Hộ gia đình"
    assert page.count_label.text() == "3 kiến nghị; 1 quá hạn trả lời."


def test_overdue_petition_is_highlighted(page: PetitionsPage) -> None:
    """The overdue row is on pink; the others are not."""
    backgrounds = [
        page.model.index(r, TITLE).data(Qt.ItemDataRole.BackgroundRole)
        for r in range(page.model.rowCount())
    ]
    assert [b.color() if b is not None else None for b in backgrounds] == [
        None,
        OVERDUE_BACKGROUND,
        None,
    ]


def test_filter_keeps_one_state(qtbot: QtBot, page: PetitionsPage) -> None:
    """«Quá hạn» keeps the overdue one; «Đã trả lời» the answered one."""
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.filters.button(page.FILTERS.index("overdue")).click()
    assert _column(page, TITLE) == ["Đèn chiếu sáng kiệt 12 hỏng"]
    assert page.count_label.text() == "1 kiến nghị; 1 quá hạn trả lời."
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.filters.button(page.FILTERS.index("answered")).click()
    assert _column(page, TITLE) == ["Xe tải chạy nhanh qua trường mầm non"]


def test_search_finds_a_petition_without_diacritics(qtbot: QtBot, page: PetitionsPage) -> None:
    """Typing «muong» lists the petition about the ditch."""
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.search.setText("muong")
    assert _column(page, TITLE) == ["Mương trước chợ bị tắc"]


# -- the form --------------------------------------------------------------------------
def test_add_a_petition_with_who_raised_it(
    qtbot: QtBot, page: PetitionsPage, runner_on: TaskRunner
) -> None:
    """A petition typed with one petitioner is listed; its petitioner is saved with it."""
    dialog = _open(qtbot, page, page.new_record)
    type_text(dialog.title, "Đề nghị sửa cống thoát nước kiệt 7")
    dialog.received_on.setText(typed(0))
    dialog.field_code.setCurrentIndex(dialog.field_code.findData("environment"))
    dialog.raised_by.setCurrentIndex(dialog.raised_by.findData("person"))
    dialog.people.add_button.click()
    type_text(dialog.people.rows[0].full_name, "Trần Văn Tâm")
    dialog.people.rows[0].phone.setText("0914 222 333")
    _save_and_reload(qtbot, page, dialog)
    assert _column(page, TITLE)[0] == "Đề nghị sửa cống thoát nước kiệt 7"
    made = next(r for r in _petitions(qtbot, runner_on) if r["title"].startswith("Đề nghị"))
    sheet = call(qtbot, runner_on, lambda ctx: ctx.session.petition(made["id"]))
    assert [(p["full_name"], p["phone"]) for p in sheet["petitioners"]] == [
        ("Trần Văn Tâm", "0914 222 333")
    ]
    assert (sheet["received_on"], sheet["raised_by"]) == (day(0).isoformat(), "person")


def test_answer_recorded_marks_the_petition_answered(qtbot: QtBot, page: PetitionsPage) -> None:
    """The overdue petition with its answer and day typed is listed as answered."""
    dialog = _open_row(qtbot, page, "Đèn chiếu sáng kiệt 12 hỏng")
    assert [r.full_name.text() for r in dialog.people.rows] == ["Lê Thị Hoa"]
    type_text(dialog.answer, "Điện lực đã thay ba bóng đèn.")
    dialog.answered_on.setText(typed(-1))
    _save_and_reload(qtbot, page, dialog)
    row = _column(page, TITLE).index("Đèn chiếu sáng kiệt 12 hỏng")
    assert _column(page, STATE)[row] == f"Đã trả lời {typed(-1)}"


def test_the_due_day_follows_the_dates_typed(qtbot: QtBot, page: PetitionsPage) -> None:
    """The form names the day the answer is due: 30 days from the day passed on."""
    dialog = _open_row(qtbot, page, "Mương trước chợ bị tắc")
    assert dialog.due.text() == (
        f"Hạn trả lời: {typed(18)} (30 ngày kể từ ngày tiếp nhận, theo quy chế của tổ)."
    )
    dialog.passed_on.setText(typed(-10))
    dialog.passed_on.commit()
    assert dialog.due.text() == (
        f"Hạn trả lời: {typed(20)} (30 ngày kể từ ngày chuyển, theo quy chế của tổ)."
    )


def test_a_petitioners_removal_is_saved(
    qtbot: QtBot, page: PetitionsPage, runner_on: TaskRunner
) -> None:
    """Taking a person's row away deletes that petitioner with the save."""
    dialog = _open_row(qtbot, page, "Đèn chiếu sáng kiệt 12 hỏng")
    petition_id = str(dialog.petition_id)
    dialog.people.rows[0].remove_button.click()
    _save_and_reload(qtbot, page, dialog)
    sheet = call(qtbot, runner_on, lambda ctx: ctx.session.petition(petition_id))
    assert sheet["petitioners"] == []


def test_delete_asks_then_removes(qtbot: QtBot, page: PetitionsPage) -> None:
    """«Xóa…» asks; «Xóa» removes the petition from the list."""
    page.table.selectRow(_column(page, TITLE).index("Mương trước chợ bị tắc"))
    page.remove_selected()
    box = page.confirm_box
    assert box is not None
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        box.accept_button.click()
    assert "Mương trước chợ bị tắc" not in _column(page, TITLE)


def test_one_form_per_petition(qtbot: QtBot, page: PetitionsPage) -> None:
    """Asking twice for a petition's form brings the open one forward."""
    dialog = _open_row(qtbot, page, "Mương trước chợ bị tắc")
    row = _column(page, TITLE).index("Mương trước chợ bị tắc")
    page.open_record(page.model.record_id(row))
    qtbot.wait(200)
    assert page.editors.editor(page.model.record_id(row)) is dialog
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, PetitionDialog)]) == 1


# -- refused beside the field ----------------------------------------------------------
def test_a_date_that_does_not_exist_is_refused_beside_it(
    qtbot: QtBot, page: PetitionsPage, runner_on: TaskRunner
) -> None:
    """31/02/2026 as the day received: named under the field, nothing saved."""
    before = _petitions(qtbot, runner_on)
    dialog = _open(qtbot, page, page.new_record)
    type_text(dialog.title, "Đường ngập")
    dialog.received_on.setText("31/02/2026")
    _save_button(dialog).click()
    error = dialog.errors["received_on"]
    assert error.isVisible()
    assert error.text().startswith("«31/02/2026» không phải ngày có thật")
    qtbot.wait(200)
    assert _petitions(qtbot, runner_on) == before


def test_a_title_too_long_is_named_beside_it(
    qtbot: QtBot, page: PetitionsPage, runner_on: TaskRunner
) -> None:
    """301 characters: the length is named beside the field as it is typed; the save is
    refused there too."""
    before = _petitions(qtbot, runner_on)
    dialog = _open(qtbot, page, page.new_record)
    dialog.title.setText("a" * 301)
    error = dialog.errors["title"]
    assert error.isVisible() and "300" in error.text()
    _save_button(dialog).click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=WAIT_MS)
    assert error.isVisible() and "300" in error.text()
    assert _petitions(qtbot, runner_on) == before


def test_a_persons_problem_is_shown_under_their_row(
    qtbot: QtBot, page: PetitionsPage, runner_on: TaskRunner
) -> None:
    """A phone number that is none: the store's message under that person's row."""
    dialog = _open_row(qtbot, page, "Mương trước chợ bị tắc")
    dialog.people.add_button.click()
    dialog.people.add_button.click()
    type_text(dialog.people.rows[0].full_name, "Hồ Văn Nam")
    type_text(dialog.people.rows[1].full_name, "Phan Thị Lụa")
    dialog.people.rows[1].phone.setText("abc")
    _save_button(dialog).click()
    second = dialog.people.rows[1].error
    qtbot.waitUntil(second.isVisible, timeout=WAIT_MS)
    assert "«Số điện thoại»" in second.text() and "abc" in second.text()
    assert not dialog.people.rows[0].error.isVisible()
    sheet = call(qtbot, runner_on, lambda ctx: ctx.session.petition(str(dialog.petition_id)))
    assert sheet["petitioners"] == []


# -- a meeting opinion made a petition ------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, runner_on: TaskRunner, bus: EventBus) -> MainWindow:
    """The main window over the petitions' store."""
    shown = MainWindow(runner_on, bus, default_pages(runner_on, bus, request_restore=print))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _meeting_with_opinion(qtbot: QtBot, runner: TaskRunner) -> tuple[str, str]:
    def make(ctx: Any) -> tuple[str, str]:
        session = ctx.session
        meeting_id = str(
            session.create_meeting(
                kind="regular", starts_at=dt.datetime(2026, 5, 15, 19, 30)
            ).record_id
        )
        opinion = session.add_record(
            "opinion",
            meeting_id=meeting_id,
            speaker="Bà Nguyễn Thị Mai",
            content="Đề nghị lắp thêm đèn đường ở kiệt 9, buổi tối rất tối.",
            position_order=1,
        )
        return meeting_id, str(opinion.record_id)

    result: tuple[str, str] = call(qtbot, runner, make)
    return result


def _opinions_tab(qtbot: QtBot, window: MainWindow, meeting_id: str) -> Any:
    page: Any = window.show_page("meetings")
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        page.open_meeting(meeting_id)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.agenda)
    agenda = editor.agenda
    other = agenda.agenda_model.row_of("")
    agenda.agenda_table.selectRow(other)  # the opinion was given on no agenda item
    qtbot.waitUntil(lambda: agenda.opinion_model.rowCount() == 1, timeout=WAIT_MS)
    agenda.opinion_table.selectRow(0)
    return editor


def test_an_opinion_becomes_a_petition_in_one_click(
    qtbot: QtBot, window: MainWindow, runner_on: TaskRunner
) -> None:
    """«Chuyển thành kiến nghị» makes the petition, links it, and opens it on the Kiến nghị
    page; the opinion is then marked."""
    meeting_id, opinion_id = _meeting_with_opinion(qtbot, runner_on)
    editor = _opinions_tab(qtbot, window, meeting_id)
    helper = editor.opinion_petitions
    assert helper.button.text() == "Chuyển thành kiến nghị"
    page: Any = window.page("petitions")
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        QTest.mouseClick(helper.button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert window.current_key() == "petitions"
    assert dialog.title.text() == "Đề nghị lắp thêm đèn đường ở kiệt 9, buổi tối rất tối."
    assert dialog.received_on.text() == "15/05/2026"
    assert dialog.opinion_link.text().startswith("Từ ý kiến tại cuộc họp «")
    assert "Bà Nguyễn Thị Mai" in dialog.opinion_link.text()
    qtbot.waitUntil(lambda: opinion_id in helper.found, timeout=WAIT_MS)
    assert editor.agenda.opinion_model.index(0, 2).data() == "✓ Đã thành kiến nghị"
    assert helper.button.text() == "Mở kiến nghị"


def test_a_second_click_opens_the_same_petition(
    qtbot: QtBot, window: MainWindow, runner_on: TaskRunner
) -> None:
    """Clicking again makes no second petition: the one made is opened."""
    meeting_id, opinion_id = _meeting_with_opinion(qtbot, runner_on)
    editor = _opinions_tab(qtbot, window, meeting_id)
    helper = editor.opinion_petitions
    made: list[str] = []
    helper.petition_opened.connect(made.append)
    helper.convert()
    qtbot.waitUntil(lambda: len(made) == 1, timeout=WAIT_MS)
    window.show_page("meetings")
    qtbot.waitUntil(helper.button.isEnabled, timeout=WAIT_MS)
    helper.convert()
    qtbot.waitUntil(lambda: len(made) == 2, timeout=WAIT_MS)
    assert made[0] == made[1]
    found = call(qtbot, runner_on, lambda ctx: ctx.session.petitions_of_opinions([opinion_id]))
    assert found == {opinion_id: made[0]}
    assert len(_petitions(qtbot, runner_on)) == 4


# -- the overview and the regulation ---------------------------------------------------------
def test_overview_lists_overdue_petitions_and_opens_one(qtbot: QtBot, window: MainWindow) -> None:
    """«Việc cần làm» counts the overdue petitions, names them with their due day, and a
    click on one opens it on the Kiến nghị page."""
    overview: Any = window.show_page("overview")
    qtbot.waitUntil(lambda: "quá hạn trả lời" in overview.petitions.text(), timeout=WAIT_MS)
    text = overview.petitions.text()
    assert "1 kiến nghị quá hạn trả lời:" in text
    assert f"Đèn chiếu sáng kiệt 12 hỏng</a> — hạn {typed(-29)}" in text
    assert "Mương trước chợ" not in text
    first = text.split('href="petition:', 1)[1].split('"', 1)[0]
    page: Any = window.page("petitions")
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        overview.petitions.linkActivated.emit(f"petition:{first}")
    assert window.current_key() == "petitions"
    assert opened.args[0].petition_id == first


def test_regulation_keeps_the_answer_period(qtbot: QtBot, window: MainWindow) -> None:
    """«Thời hạn trả lời kiến nghị (ngày)» saved as 15; 400 is refused beside the field."""
    page: Any = window.show_page("regulation")
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.refresh()
    page.answer_days.setText("400")
    assert "365" in page.errors["petition_answer_days"].text()
    with qtbot.waitSignal(page.message_shown, timeout=WAIT_MS):
        page.save()
    assert page.errors["petition_answer_days"].isVisible()
    page.answer_days.setText("15")
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save()
    days = call(qtbot, page._runner, lambda ctx: ctx.session.petition_answer_days())
    assert days == 15
