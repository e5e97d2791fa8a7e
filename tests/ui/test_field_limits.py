"""The window keeps what is typed whole: core's field rules are shown beside the fields
(while typing, and on a refused save), never applied by cutting or clamping the input."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
from danvan_desktop.ui.regulation.regulation_page import RegulationPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.team.member_dialog import MemberDialog

from .helpers import WAIT_MS, call, type_text

LONG_NAME = "Đường hoa " * 199 + "Đường hoa."  # 2,000 characters
TOO_LONG = "«Tên mô hình» dài 2.000 ký tự; tối đa 300 ký tự: hãy rút gọn."


def _model_form(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str | None = None
) -> Any:
    dialog = ModelFormDialog(runner, bus, model_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def _paste(qtbot: QtBot, widget: Any, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    QTest.keySequence(widget, QKeySequence.StandardKey.Paste)


def test_a_pasted_long_name_is_kept_whole(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """2,000 characters pasted into a model's name stay 2,000: nothing is cut."""
    dialog = _model_form(qtbot, open_runner, bus)
    _paste(qtbot, dialog.name, LONG_NAME)
    assert dialog.name.text() == LONG_NAME


def test_a_name_too_long_is_named_beside_it_while_typed(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """The message under the name gives its length and the field's limit in core."""
    dialog = _model_form(qtbot, open_runner, bus)
    _paste(qtbot, dialog.name, LONG_NAME)
    assert dialog.errors["name"].isVisible()
    assert dialog.errors["name"].text() == TOO_LONG


def test_shortening_the_name_takes_the_message_away(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Back within 300 characters, the line under the name is gone."""
    dialog = _model_form(qtbot, open_runner, bus)
    _paste(qtbot, dialog.name, LONG_NAME)
    dialog.name.setText(LONG_NAME[:300])
    assert not dialog.errors["name"].isVisible()


def test_saving_a_name_too_long_is_refused_with_the_same_words(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Save with the long name: the store says the same under the name; nothing is saved."""
    dialog = _model_form(qtbot, open_runner, bus)
    _paste(qtbot, dialog.name, LONG_NAME)
    dialog.save()
    qtbot.wait(300)
    assert dialog.errors["name"].text() == TOO_LONG
    assert dialog.model_id is None
    assert call(qtbot, open_runner, lambda ctx: ctx.session.list_records("model")) == []


def test_the_year_box_spans_the_years_core_allows(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A model of 1995 opens as 1995, not clamped to the window's own first year."""
    model_id = call(
        qtbot,
        open_runner,
        lambda ctx: ctx.session.add_model(name="Tổ tự quản", field_code="economy", year=1995),
    ).record_id
    dialog = _model_form(qtbot, open_runner, bus, model_id)
    assert (dialog.year.minimum(), dialog.year.maximum(), dialog.year.value()) == (1, 9999, 1995)


def test_a_meeting_day_beyond_the_month_is_named(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Typing 32 as the meeting day: it stays as typed, and the field's rule says why."""
    page = RegulationPage(open_runner, bus)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show()
    page.day.selectAll()
    QTest.keyClicks(page.day, "32")
    assert page.day.text() == "32"
    assert page.errors["meeting_day"].text() == (
        "«Ngày họp trong kỳ» phải là số từ 1 đến 31: hãy nhập một số trong khoảng này."
    )


def test_a_phone_that_is_no_number_is_refused_beside_it(
    qtbot: QtBot, open_runner: TaskRunner
) -> None:
    """«abc xyz» as a member's phone: the store's message under the phone; nobody added."""
    dialog = MemberDialog(open_runner, [])
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.full_name, "Trần Thị Bích")
    type_text(dialog.phone, "abc xyz")
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(dialog.errors["phone"].isVisible, timeout=WAIT_MS)
    assert (
        dialog.errors["phone"]
        .text()
        .startswith(
            "«Số điện thoại» «abc xyz» không phải số điện thoại: hãy nhập từ 8 đến 15 chữ số"
        )
    )
    assert len(call(qtbot, open_runner, lambda ctx: ctx.session.team_members())) == 1
