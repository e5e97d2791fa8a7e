"""The list of model fields (lĩnh vực) edited from the Mô hình page, as a user would: the
city's six are read-only, the team's own fields are added, renamed, moved and removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.model_fields_dialog import ModelFieldsDialog
from danvan_desktop.ui.models.models_page import ModelsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text

CITY = " · Lĩnh vực của thành phố"


def _fill(session: Session) -> None:
    session.add_model_field(name="Khuyến học")
    session.add_model_field(name="Môi trường")
    session.add_model(name="Quỹ khuyến học", field_code="to_khuyen_hoc", year=2026)
    session.add_model(name="Tủ sách dòng họ", field_code="to_khuyen_hoc", year=2026)


@pytest.fixture
def page(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, translations: Any
) -> ModelsPage:
    """The Mô hình page over a team with two fields of its own (after the city's six) and
    two models in «Khuyến học»."""
    opened: list[Any] = []
    runner.open_session(make_team_dir(tmp_path / "data", _fill), on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    widget = ModelsPage(runner, bus)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.table_model.rowCount() == 2, timeout=WAIT_MS)
    return widget


def _dialog(qtbot: QtBot, page: ModelsPage) -> ModelFieldsDialog:
    qtbot.mouseClick(page.fields_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ModelFieldsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.count() == 8, timeout=WAIT_MS)
    return dialog


def _texts(dialog: ModelFieldsDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def _filter_names(page: ModelsPage) -> list[str]:
    combo = page.field_filter
    return [combo.itemText(i) for i in range(1, combo.count())]


def _click(qtbot: QtBot, button: Any) -> None:
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_field_reaches_the_filter_and_the_model_form(qtbot: QtBot, page: ModelsPage) -> None:
    """Adding «Cây xanh» lists it last, in the page's filter and in a new model's form."""
    dialog = _dialog(qtbot, page)
    type_text(dialog.name, "Cây xanh")
    _click(qtbot, dialog.add_button)
    qtbot.waitUntil(lambda: dialog.list.count() == 9, timeout=WAIT_MS)
    assert _texts(dialog)[-1] == "Cây xanh"
    qtbot.waitUntil(lambda: _filter_names(page)[-1:] == ["Cây xanh"], timeout=WAIT_MS)
    form = page.open_form(None)
    qtbot.waitUntil(lambda: form.field.findText("Cây xanh") >= 0, timeout=WAIT_MS)
    form.reject()


def test_the_dialog_opens_with_an_empty_name_box(qtbot: QtBot, page: ModelsPage) -> None:
    """Nothing is selected by itself, so typing a new name never lands after an old one."""
    dialog = _dialog(qtbot, page)
    dialog.activateWindow()
    qtbot.wait(50)  # let focus and activation events run
    assert dialog.list.currentRow() == -1
    assert dialog.name.text() == "" and dialog.name.hasFocus()


def test_rename_and_move_up(qtbot: QtBot, page: ModelsPage, runner: TaskRunner) -> None:
    """A renamed team field keeps its code; moving it up changes the order everywhere."""
    dialog = _dialog(qtbot, page)
    dialog.list.setCurrentRow(7)  # «Môi trường», the team's
    dialog.name.setText("Môi trường sống")
    _click(qtbot, dialog.rename_button)
    qtbot.waitUntil(lambda: _texts(dialog)[7] == "Môi trường sống", timeout=WAIT_MS)
    _click(qtbot, dialog.up_button)
    qtbot.waitUntil(lambda: _texts(dialog)[6] == "Môi trường sống", timeout=WAIT_MS)
    assert dialog.list.currentRow() == 6
    qtbot.waitUntil(lambda: _filter_names(page)[6] == "Môi trường sống", timeout=WAIT_MS)
    codes = call(qtbot, runner, lambda ctx: [c for c, _n in ctx.session.model_fields()])
    assert codes[5:] == ["other", "to_moi_truong", "to_khuyen_hoc"]


def test_a_field_in_use_cannot_be_removed(qtbot: QtBot, page: ModelsPage) -> None:
    """Removing «Khuyến học» is refused beside the name, saying two models use it."""
    dialog = _dialog(qtbot, page)
    assert _texts(dialog)[6] == "Khuyến học (2 mô hình)"
    dialog.list.setCurrentRow(6)
    _click(qtbot, dialog.remove_button)
    qtbot.waitUntil(dialog.name_error.isVisible, timeout=WAIT_MS)
    assert "2 mô hình đang thuộc lĩnh vực này" in dialog.name_error.text()
    assert dialog.list.count() == 8


def test_an_unused_field_is_removed(qtbot: QtBot, page: ModelsPage) -> None:
    """The team's «Môi trường», with no model, goes from the list and from the filter."""
    dialog = _dialog(qtbot, page)
    dialog.list.setCurrentRow(7)
    _click(qtbot, dialog.remove_button)
    qtbot.waitUntil(lambda: dialog.list.count() == 7, timeout=WAIT_MS)
    assert "Môi trường" not in _texts(dialog)
    qtbot.waitUntil(lambda: "Môi trường" not in _filter_names(page), timeout=WAIT_MS)


def test_an_empty_or_repeated_name_is_refused_beside_the_field(
    qtbot: QtBot, page: ModelsPage
) -> None:
    """No name, or a name already listed (with or without diacritics): said under the name."""
    dialog = _dialog(qtbot, page)
    dialog.list.setCurrentRow(-1)
    dialog.name.clear()
    _click(qtbot, dialog.add_button)
    qtbot.waitUntil(dialog.name_error.isVisible, timeout=WAIT_MS)
    assert dialog.name_error.text() == "Hãy nhập tên lĩnh vực."
    dialog.name.setText("kinh te")
    _click(qtbot, dialog.add_button)
    qtbot.waitUntil(
        lambda: dialog.name_error.text() == "Đã có lĩnh vực «Kinh tế».", timeout=WAIT_MS
    )
    assert dialog.list.count() == 8


def test_the_city_fields_are_marked_first(qtbot: QtBot, page: ModelsPage) -> None:
    """The city's six come first, each marked «Lĩnh vực của thành phố»; the team's follow."""
    dialog = _dialog(qtbot, page)
    assert _texts(dialog)[0] == "Kinh tế" + CITY
    assert _texts(dialog)[5] == "Lĩnh vực khác" + CITY
    assert _texts(dialog)[6:] == ["Khuyến học (2 mô hình)", "Môi trường"]


def test_a_city_field_cannot_be_renamed_moved_or_removed(qtbot: QtBot, page: ModelsPage) -> None:
    """Selecting «Quốc phòng - an ninh» leaves rename, up, down and remove off."""
    dialog = _dialog(qtbot, page)
    dialog.list.setCurrentRow(2)
    assert dialog.name.text() == "Quốc phòng - an ninh"
    buttons = (dialog.rename_button, dialog.up_button, dialog.down_button, dialog.remove_button)
    assert [button.isEnabled() for button in buttons] == [False, False, False, False]
    assert dialog.add_button.isEnabled()


def test_the_first_team_field_does_not_move_above_the_city(qtbot: QtBot, page: ModelsPage) -> None:
    """«Khuyến học», first of the team's, may be renamed and moved down, not up."""
    dialog = _dialog(qtbot, page)
    dialog.list.setCurrentRow(6)
    buttons = (dialog.rename_button, dialog.up_button, dialog.down_button, dialog.remove_button)
    assert [button.isEnabled() for button in buttons] == [True, False, True, True]
