"""Date fields read what is typed, name what is not a date, clear by keyboard, pick on a
calendar shown in the window's language; a form will not save a date that is not one; and
Qt's own file dialog speaks Vietnamese.

The forms that hold dates are driven one by one in test_typed_date_forms.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QFileDialog,
    QFileSystemModel,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.widgets.date_fields import DateTimeEdit, refuse_bad_typing
from danvan_desktop.ui.widgets.form_widgets import OptionalDateEdit, add_row
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view

SPELLINGS = ["15/03/2026", "15/3/2026", "15032026", "15-03-2026", "15.03.2026", "15/3/26"]
NO_31_FEBRUARY = "«31/02/2026» không phải ngày có thật: tháng 2/2026 chỉ có 28 ngày."


class Form(QWidget):
    """A form row with a date (and its error line), then a line to move to."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.field = field
        self.error = add_row(form, "Ngày", field)
        self.after = QLineEdit()
        form.addRow("Sau", self.after)


def _form(qtbot: QtBot, field: QLineEdit) -> Form:
    form = Form(field)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def type_and_leave(field: QLineEdit, text: str) -> None:
    """Select what the field holds, type ``text`` over it (ASCII), and Tab out."""
    field.window().activateWindow()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def clear_by_keyboard(field: QLineEdit) -> None:
    """Ctrl+A, Delete, Tab out."""
    field.window().activateWindow()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClick(field, Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", SPELLINGS)
def test_an_empty_date_reads_what_is_typed(qtbot: QtBot, typed: str) -> None:
    """Typed into an empty field and left, each spelling shows and keeps 15/03/2026."""
    form = _form(qtbot, OptionalDateEdit())
    type_and_leave(form.field, typed)
    assert form.field.text() == "15/03/2026"
    assert form.field.value() == dt.date(2026, 3, 15)
    assert form.error.isHidden()


def test_keystrokes_are_kept_as_typed(qtbot: QtBot) -> None:
    """While typing, the field shows exactly the keys pressed (no mask eats the slashes)."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.setFocus()
    QTest.keyClicks(form.field, "15/03/2026")
    assert form.field.text() == "15/03/2026"


def test_an_impossible_date_is_named_beside_the_field(qtbot: QtBot) -> None:
    """31/02/2026 typed over 15/02/2026 stays as typed, with why under the field."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value(dt.date(2026, 2, 15))
    type_and_leave(form.field, "31/02/2026")
    assert form.field.text() == "31/02/2026"
    assert form.field.problem() == NO_31_FEBRUARY
    assert form.error.isVisible() and form.error.text() == NO_31_FEBRUARY


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("32/01/2026", "«32/01/2026» không phải ngày có thật: tháng 1/2026 chỉ có 31 ngày."),
        ("abc", "«abc» không phải là ngày: hãy nhập ngày/tháng/năm, ví dụ 15/03/2026."),
        ("15/3", "«15/3» thiếu năm: hãy nhập đủ ngày/tháng/năm, ví dụ 15/03/2026."),
        ("15/13/2026", "«15/13/2026»: không có tháng 13; tháng chỉ từ 1 đến 12."),
    ],
)
def test_what_is_not_a_date_gets_its_message(qtbot: QtBot, typed: str, message: str) -> None:
    """Each kind of wrong date is named under the field."""
    form = _form(qtbot, OptionalDateEdit())
    type_and_leave(form.field, typed)
    assert form.error.text() == message


def test_the_last_good_date_stays_the_value(qtbot: QtBot) -> None:
    """While the text is not a date, value() is the date before it (an autosave keeps it)."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value("2026-02-15")
    type_and_leave(form.field, "31/02/2026")
    assert form.field.iso() == "2026-02-15"


def test_putting_it_right_removes_the_message(qtbot: QtBot) -> None:
    """The message goes as soon as the text is a date again."""
    form = _form(qtbot, OptionalDateEdit())
    type_and_leave(form.field, "31/02/2026")
    type_and_leave(form.field, "28/02/2026")
    assert form.error.isHidden()
    assert form.field.iso() == "2026-02-28"


def test_clearing_by_keyboard_empties_the_date(qtbot: QtBot) -> None:
    """Ctrl+A then Delete leaves the field empty: no date, no message."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value("2026-03-15")
    clear_by_keyboard(form.field)
    assert form.field.text() == ""
    assert form.field.value() is None and form.field.problem() == ""


def test_a_form_refuses_a_bad_date_and_focuses_it(qtbot: QtBot) -> None:
    """refuse_bad_typing names the bad field and puts the cursor in it."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.setText("abc")
    form.after.setFocus()
    assert refuse_bad_typing([form.field]) is True
    assert form.error.isVisible()
    assert form.field.hasFocus()


def test_a_form_with_good_dates_may_save(qtbot: QtBot) -> None:
    """Dates that are dates (or empty) let the form save."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.setText("15/3/2026")
    assert refuse_bad_typing([form.field]) is False


@pytest.mark.parametrize(
    "typed", ["15/03/2026 08:30", "15/3/2026 8:30", "15032026 0830", "15/3/26 8h30"]
)
def test_a_date_and_time_reads_what_is_typed(qtbot: QtBot, typed: str) -> None:
    """Each spelling of a moment shows as 15/03/2026 08:30."""
    form = _form(qtbot, DateTimeEdit())
    type_and_leave(form.field, typed)
    assert form.field.text() == "15/03/2026 08:30"
    assert form.field.value() == "2026-03-15T08:30"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("15/03/2026 25:00", "«25:00» không phải giờ có thật: giờ từ 00:00 đến 23:59."),
        ("31/02/2026 08:30", NO_31_FEBRUARY),
        ("15/03/2026", "«15/03/2026» thiếu giờ: hãy nhập cả giờ, ví dụ 15/03/2026 08:30."),
    ],
)
def test_an_impossible_moment_is_named(qtbot: QtBot, typed: str, message: str) -> None:
    """An impossible time or date, or a missing time, is named under the field."""
    form = _form(qtbot, DateTimeEdit())
    type_and_leave(form.field, typed)
    assert form.error.text() == message


def test_a_required_moment_cannot_be_emptied(qtbot: QtBot) -> None:
    """The start of a meeting, cleared, says it is needed and keeps its last value."""
    form = _form(qtbot, DateTimeEdit(required=True))
    form.field.set_value("2026-03-15T08:30")
    clear_by_keyboard(form.field)
    assert form.error.text() == "Hãy nhập ngày giờ, ví dụ 15/03/2026 08:30."
    assert form.field.value() == "2026-03-15T08:30"


# -- the calendar ---------------------------------------------------------------------------
def _open_calendar(field: QLineEdit) -> Any:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup  # type: ignore[attr-defined]
    assert popup is not None and popup.isVisible()
    return popup


def test_calendar_of_an_empty_date_opens_at_today(qtbot: QtBot) -> None:
    """An empty field's calendar shows today, not 1900."""
    form = _form(qtbot, OptionalDateEdit())
    assert _open_calendar(form.field).selectedDate() == QDate.currentDate()


def test_calendar_opens_at_the_fields_date(qtbot: QtBot) -> None:
    """A field holding 15/03/2026 opens its calendar on that day."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value("2026-03-15")
    assert _open_calendar(form.field).selectedDate() == QDate(2026, 3, 15)


def test_picking_a_day_fills_the_field(qtbot: QtBot) -> None:
    """Right arrow then Enter on the calendar puts 16/03/2026 in the field and closes it."""
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value("2026-03-15")
    popup = _open_calendar(form.field)
    view = popup.findChild(QTableView)
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert form.field.text() == "16/03/2026"
    assert form.field.popup is None or not form.field.popup.isVisible()


def test_the_calendar_button_opens_it(qtbot: QtBot) -> None:
    """The little calendar in the field opens the calendar too."""
    form = _form(qtbot, OptionalDateEdit())
    action = form.field.calendar_action
    assert action is not None
    action.trigger()
    assert form.field.popup is not None and form.field.popup.isVisible()


def test_picking_a_day_keeps_the_time(qtbot: QtBot) -> None:
    """A day picked for a moment keeps the time it had."""
    form = _form(qtbot, DateTimeEdit())
    form.field.set_value("2026-03-15T19:30")
    popup = _open_calendar(form.field)
    QTest.keyClick(popup.findChild(QTableView), Qt.Key.Key_Right)
    QTest.keyClick(popup.findChild(QTableView), Qt.Key.Key_Return)
    assert form.field.text() == "16/03/2026 19:30"


def _month_button(popup: Any) -> str:
    button = popup.findChild(QToolButton, "qt_calendar_monthbutton")
    assert button is not None
    return str(button.text())


def test_calendar_speaks_vietnamese(qtbot: QtBot, translations: Translations) -> None:
    """In Vietnamese the calendar says «Tháng 3» and «Thứ 2», not March and Mon."""
    translations.apply("vi")
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value("2026-03-15")
    popup = _open_calendar(form.field)
    assert _month_button(popup) == "Tháng 3"
    days = popup.findChild(QTableView).model()
    assert [days.index(0, column).data() for column in (0, 6)] == ["Thứ 2", "CN"]


def test_calendar_speaks_english_in_english(qtbot: QtBot, translations: Translations) -> None:
    """In English the same calendar says March."""
    translations.apply("en")
    form = _form(qtbot, OptionalDateEdit())
    form.field.set_value("2026-03-15")
    assert _month_button(_open_calendar(form.field)) == "March"


# -- a table's date cell --------------------------------------------------------------------
def _table(qtbot: QtBot) -> tuple[QTableView, RecordTableModel]:
    model = RecordTableModel([Column("deadline", "Thời hạn", "date", True)])
    model.set_rows([{"id": "t1", "deadline": "2026-02-15"}])
    view = record_view(model)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view, model


def _cell_editor(view: QTableView, model: RecordTableModel) -> OptionalDateEdit:
    index = model.index(0, 0)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(OptionalDateEdit)
    assert editor is not None
    return editor


def test_a_cell_reads_a_typed_date(qtbot: QtBot) -> None:
    """15032026 typed in a date cell and Enter saves 2026-03-15."""
    view, model = _table(qtbot)
    editor = _cell_editor(view, model)
    with qtbot.waitSignal(model.edited) as edited:
        QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(editor, "15032026")
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert edited.args == ["t1", "deadline", "2026-03-15"]
    assert model.index(0, 0).data() == "15/03/2026"


def test_a_cell_refuses_an_impossible_date(qtbot: QtBot) -> None:
    """31/02/2026 in a cell is named and not saved; the cell keeps 15/02/2026."""
    view, model = _table(qtbot)
    editor = _cell_editor(view, model)
    with qtbot.waitSignal(model.refused) as refused:
        QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(editor, "31/02/2026")
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert refused.args == ["t1", "deadline", NO_31_FEBRUARY]
    with qtbot.assertNotEmitted(model.edited, wait=100):
        view.setFocus()  # leaving the cell closes the editor without writing
    assert model.index(0, 0).data() == "15/02/2026"


# -- Qt's own file dialog, in Vietnamese -----------------------------------------------------
def _file_dialog(qtbot: QtBot, folder: Path) -> QFileDialog:
    (folder / "Biên bản").mkdir()
    dialog = QFileDialog(None, "Chọn thư mục", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_file_dialog_speaks_vietnamese(
    qtbot: QtBot, translations: Translations, tmp_path: Path
) -> None:
    """The file dialog's labels, buttons and a folder's type are Vietnamese."""
    translations.apply("vi")
    dialog = _file_dialog(qtbot, tmp_path)

    def label(name: str) -> str:
        found = dialog.findChild(QLabel, name)
        assert found is not None
        return str(found.text())

    def tip(name: str) -> str:
        found = dialog.findChild(QToolButton, name)
        assert found is not None
        return str(found.toolTip())

    assert label("lookInLabel") == "&Tìm trong:"
    assert label("fileNameLabel") == "&Tên tệp:"
    assert label("fileTypeLabel") == "&Loại tệp:"
    assert [tip(n) for n in ("backButton", "forwardButton", "toParentButton")] == [
        "Lùi",
        "Tiến",
        "Thư mục cha",
    ]
    assert tip("newFolderButton") == "Tạo thư mục mới"
    assert (tip("listModeButton"), tip("detailModeButton")) == ("Dạng danh sách", "Dạng chi tiết")
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Tên", "Dung lượng", "Loại", "Ngày sửa"]
    folder = model.index(str(tmp_path / "Biên bản"))
    qtbot.waitUntil(lambda: model.type(folder) == "Thư mục")
