"""The model form: register, edit, validation beside the field, status moves, readings, photos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.attachments_panel import AttachmentsPanel
from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
from danvan_desktop.ui.models.models_page import ModelsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, type_text


def _form(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str | None = None, **kw: Any
) -> ModelFormDialog:
    dialog = ModelFormDialog(runner, bus, model_id, **kw)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def _save(qtbot: QtBot, dialog: ModelFormDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()


def _new_model(qtbot: QtBot, runner: TaskRunner, **fields: Any) -> str:
    fields.setdefault("field_code", "new_rural")
    fields.setdefault("year", 2026)
    return str(call(qtbot, runner, lambda ctx: ctx.session.add_model(**fields).record_id))


def _statuses(dialog: ModelFormDialog) -> list[str]:
    return [dialog.status.itemText(i) for i in range(dialog.status.count())]


def test_register_a_model_typed_in_vietnamese(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, translations: Any
) -> None:
    """Ctrl+N, type the name and an item, Ctrl+S: the model is in the list."""
    page = ModelsPage(open_runner, bus)
    qtbot.addWidget(page)
    page.show()
    page.new_record()
    dialog = page.form
    assert dialog is not None
    qtbot.waitUntil(dialog.isEnabled, timeout=WAIT_MS)
    type_text(dialog.name, "Tuyến đường hoa sáng - xanh - sạch - đẹp")
    dialog.field.setCurrentIndex(dialog.field.findText("Kinh tế"))
    type_text(dialog.texts["situation"], "Ngõ xóm còn tối, nhiều rác")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        QTest.keySequence(dialog, "Ctrl+S")
    model_id = dialog.model_id
    assert model_id is not None
    record = call(qtbot, open_runner, lambda ctx: ctx.session.get_record("model", model_id))
    assert record["name"] == "Tuyến đường hoa sáng - xanh - sạch - đẹp"
    assert (record["field_code"], record["status"], record["situation"]) == (
        "economy",
        "registered",
        "Ngõ xóm còn tối, nhiều rác",
    )
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 1, timeout=WAIT_MS)
    assert page.table_model.index(0, 0).data() == "Tuyến đường hoa sáng - xanh - sạch - đẹp"


def test_new_model_is_registered_and_cannot_move_yet(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A new form offers only «Đã đăng ký»; readings and photos wait for the first save."""
    dialog = _form(qtbot, open_runner, bus)
    assert _statuses(dialog) == ["Đã đăng ký"] and not dialog.status.isEnabled()
    assert not dialog.indicators.isEnabled() and not dialog.attachments.isEnabled()


def test_empty_name_is_shown_beside_the_field(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Saving without a name shows the store's message under the name; nothing is saved."""
    dialog = _form(qtbot, open_runner, bus)
    dialog.save()
    error = dialog.errors["name"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == "«Tên mô hình» không được để trống: hãy nhập tên mô hình."
    assert not dialog.errors["year"].isVisible()
    assert dialog.model_id is None
    assert call(qtbot, open_runner, lambda ctx: ctx.session.list_records("model")) == []


def test_end_before_start_is_shown_beside_the_end_date(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Dates are dd/MM/yyyy; an end before the start is flagged on the end date."""
    dialog = _form(qtbot, open_runner, bus)
    dialog.name.setText("Đường hoa")
    dialog.start_date.set_value("2026-03-10")
    dialog.end_date.set_value("2026-03-01")
    assert dialog.start_date.text() == "10/03/2026"
    dialog.save()
    qtbot.waitUntil(dialog.errors["end_date"].isVisible, timeout=WAIT_MS)
    assert "«Ngày đánh giá kết quả» ở trước «Ngày bắt đầu»" in dialog.errors["end_date"].text()


def test_status_offers_only_allowed_moves(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """registered → in progress → reviewed in the list; a move that needs a reason goes
    through the status dialog; never «recognised»."""
    model_id = _new_model(qtbot, open_runner, name="Đường hoa")
    dialog = _form(qtbot, open_runner, bus, model_id)
    assert _statuses(dialog) == ["Đã đăng ký", "Đang triển khai"]
    dialog.status.setCurrentIndex(1)
    _save(qtbot, dialog)
    assert _statuses(dialog) == ["Đang triển khai", "Đã tự đánh giá"]
    dialog.status.setCurrentIndex(1)
    _save(qtbot, dialog)
    assert _statuses(dialog) == ["Đã tự đánh giá"]
    assert dialog.move_status.isEnabled()  # pausing or closing asks why: the status dialog
    assert "Được công nhận tiêu biểu" not in _statuses(dialog)
    record = call(qtbot, open_runner, lambda ctx: ctx.session.get_record("model", model_id))
    assert record["status"] == "reviewed"


def test_edit_saves_only_what_changed(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> None:
    """Changing one item sends one field; the list hears about it."""
    model_id = _new_model(qtbot, open_runner, name="Đường hoa", goals="Sáng, xanh")
    dialog = _form(qtbot, open_runner, bus, model_id)
    assert dialog.texts["goals"].toPlainText() == "Sáng, xanh"
    dialog.texts["outputs"].setPlainText("3 km đường có hoa")
    assert dialog.changed_values() == {"outputs": "3 km đường có hoa"}
    with qtbot.waitSignal(bus.data_changed, timeout=WAIT_MS) as signal:
        dialog.save()
    assert signal.args[0] == {"model"}
    assert dialog.changed_values() == {}


def test_closing_with_changes_asks_first(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, translations: Any
) -> None:
    """Closing with unsaved text asks; «Không lưu» closes without saving."""
    model_id = _new_model(qtbot, open_runner, name="Đường hoa")
    dialog = _form(qtbot, open_runner, bus, model_id)
    dialog.name.setText("Đường hoa mới")
    answered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        discard = box.button(QMessageBox.StandardButton.Discard)
        answered.append(discard.text())
        discard.click()

    QTimer.singleShot(200, answer)
    dialog.close()
    assert answered == ["Không lưu"]
    assert not dialog.isVisible()
    record = call(qtbot, open_runner, lambda ctx: ctx.session.get_record("model", model_id))
    assert record["name"] == "Đường hoa"


def test_add_an_indicator_reading(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> None:
    """A reading typed in the form line appears in the table, value written the Vietnamese way."""
    model_id = _new_model(qtbot, open_runner, name="Đường hoa")
    dialog = _form(qtbot, open_runner, bus, model_id)
    panel = dialog.indicators
    qtbot.waitUntil(panel.isEnabled, timeout=WAIT_MS)
    type_text(panel.indicator, "Số ngày công đóng góp")
    type_text(panel.unit, "ngày công")
    type_text(panel.value, "12,5")
    panel.read_on.set_value("2026-03-05")
    with qtbot.waitSignal(panel.readings_changed, timeout=WAIT_MS) as signal:
        panel.add_reading()
    if signal.args[0] == 0:  # the first reload may be the one from opening the form
        qtbot.waitUntil(lambda: panel.readings.rowCount() == 1, timeout=WAIT_MS)
    model = panel.readings
    assert [model.index(0, c).data() for c in range(4)] == [
        "05/03/2026",
        "Số ngày công đóng góp",
        "12,5",
        "ngày công",
    ]


def test_bad_reading_value_is_shown_beside_it(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A value that is not a number gets the store's message under the value field."""
    model_id = _new_model(qtbot, open_runner, name="Đường hoa")
    dialog = _form(qtbot, open_runner, bus, model_id)
    panel = dialog.indicators
    panel.indicator.setText("Mét vuông đất hiến")
    panel.value.setText("nhiều")
    panel.add_reading()
    qtbot.waitUntil(lambda: not panel.errors["value"].isHidden(), timeout=WAIT_MS)
    assert "«Giá trị» không hợp lệ (nhiều)" in panel.errors["value"].text()
    assert panel.readings.rowCount() == 0


@pytest.fixture
def red_photo(tmp_path: Path) -> Path:
    """A real 400×300 PNG, all red."""
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc0000"))
    path = tmp_path / "ảnh hiện trường.png"
    assert image.save(str(path))
    return path


def test_attach_a_photo_shows_its_thumbnail(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, red_photo: Path
) -> None:
    """Adding a photo copies it into the data folder and shows a red thumbnail."""
    model_id = _new_model(qtbot, open_runner, name="Đường hoa")
    opened: list[Path] = []

    def open_file(path: Path) -> bool:
        opened.append(path)
        return True

    panel = AttachmentsPanel(
        open_runner, bus, choose_files=lambda _parent: [red_photo], open_file=open_file
    )
    dialog = _form(qtbot, open_runner, bus, model_id, attachments=panel)
    with qtbot.waitSignal(panel.thumbnails_shown, timeout=WAIT_MS):
        qtbot.waitUntil(panel.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.thumbnails_shown, timeout=WAIT_MS):
        panel.add()
    qtbot.waitUntil(lambda: panel.files.count() == 1, timeout=WAIT_MS)
    item = panel.files.item(0)
    assert item.text() == "ảnh hiện trường.png"
    pixmap = item.icon().pixmap(96, 96)
    assert (pixmap.width(), pixmap.height()) == (96, 72)
    assert pixmap.toImage().pixelColor(48, 36) == QColor("#cc0000")
    panel.files.setCurrentItem(item)
    panel.open_selected()
    assert len(opened) == 1 and opened[0].read_bytes() == red_photo.read_bytes()
    assert dialog.attachments is panel


def test_a_document_gets_a_file_icon(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A PDF is listed with its name; no thumbnail is attempted."""
    pdf = tmp_path / "ke-hoach.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    model_id = _new_model(qtbot, open_runner, name="Đường hoa")
    panel = AttachmentsPanel(open_runner, bus, choose_files=lambda _p: [pdf])
    panel.set_owner(model_id)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.attachments_changed, timeout=WAIT_MS):
        pass
    with qtbot.waitSignal(panel.thumbnails_shown, timeout=WAIT_MS):
        panel.add()
    assert [panel.files.item(i).text() for i in range(panel.files.count())] == ["ke-hoach.pdf"]
