"""The model form: the ten registration items, field, year, dates, status, results, photos,
and the team's consent to give a contact to the network (contact_rows.py).

Loads and saves on the DB lane. A save sends only the fields that changed; the
store validates the whole record and answers with every problem, each shown
under its field. The status list offers only the moves the team may make from
the current status (core.model_status). Indicators and attachments belong to a
saved model, so their tabs open after the first save.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, PermissionDeniedError, ValidationError
from danvan_desktop.core.model_status import (
    INITIAL_STATUS,
    allowed_next,
    needs_decision,
    needs_reason,
)
from danvan_desktop.core.schema import MODEL
from danvan_desktop.core.vocab import MODEL_STATUSES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.attachments_panel import AttachmentsPanel
from danvan_desktop.ui.models.contact_rows import ContactRows
from danvan_desktop.ui.models.indicator_panel import IndicatorPanel
from danvan_desktop.ui.models.life_panel import LifePanel
from danvan_desktop.ui.models.model_form_data import LONG_ITEMS as LONG_ITEMS
from danvan_desktop.ui.models.model_form_data import REVIEWER_ITEMS, load_form, save_form
from danvan_desktop.ui.models.model_form_data import field_label as _field_label
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.date_fields import refuse_bad_typing
from danvan_desktop.ui.widgets.field_limits import NumberEdit, watch_length
from danvan_desktop.ui.widgets.form_widgets import (
    ERROR_STYLE,
    FieldError,
    OptionalDateEdit,
    add_row,
)

TEXT_LINES = 3


class ModelFormDialog(QDialog):
    """Register a new model or edit one.

    Signals:
        saved(str): the model with this id was saved.
        loaded(): the record and lists are in the form.
    """

    saved = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        model_id: str | None = None,
        *,
        attachments: AttachmentsPanel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.model_id = model_id
        self.record: dict[str, Any] | None = None
        self.role = "team"
        self._saving = False
        self._close_after_save = False
        self._saved_values: dict[str, Any] = {}
        self.errors: dict[str, FieldError] = {}
        self.attachments = attachments or AttachmentsPanel(runner, bus)
        self.setWindowTitle(tr("ModelForm", "Mô hình «Dân vận khéo»"))
        self._build()
        self._fit_screen()
        self.setEnabled(False)
        runner.db(lambda ctx: load_form(ctx, model_id), on_done=self._fill, owner=self)

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._registration_tab(), tr("ModelForm", "Đăng ký"))
        self.indicators = IndicatorPanel(self._runner, self._bus)
        self.tabs.addTab(self.indicators, tr("ModelForm", "Chỉ số kết quả"))
        self.tabs.addTab(self.attachments, tr("ModelForm", "Ảnh, tài liệu"))
        self.life = LifePanel(self._runner, self._bus)
        self.tabs.addTab(self.life, tr("ModelForm", "Quá trình, công nhận"))
        from danvan_desktop.ui.network.replications_panel import ReplicationsPanel

        self.replications = ReplicationsPanel(self._runner, self._bus)
        self.tabs.addTab(self.replications, tr("ModelForm", "Nơi nhân rộng"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def _registration_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        watch_length(self.name, MODEL, "name")
        self.errors["name"] = add_row(form, "1. " + _field_label("name"), self.name)
        self.field = QComboBox()
        self.errors["field_code"] = add_row(form, _field_label("field_code"), self.field)
        self.year = NumberEdit(MODEL, "year")
        self.errors["year"] = add_row(form, _field_label("year"), self.year)
        self.status = QComboBox()
        self.errors["status"] = add_row(form, _field_label("status"), self.status)
        # A move that must say why (or a recognition, with its decision) is made in the
        # status dialog, which keeps the reason in the model's history.
        self.move_status = QPushButton(tr("ModelForm", "Chuyển trạng thái, ghi lý do…"))
        self.move_status.clicked.connect(self._open_status_dialog)
        form.addRow("", self.move_status)
        self.start_date = OptionalDateEdit()
        self.errors["start_date"] = add_row(form, _field_label("start_date"), self.start_date)
        self.end_date = OptionalDateEdit()
        self.errors["end_date"] = add_row(form, _field_label("end_date"), self.end_date)
        self.texts: dict[str, QPlainTextEdit] = {}
        for number, name in enumerate(LONG_ITEMS, start=2):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * TEXT_LINES + 12)
            self.texts[name] = edit
            self.errors[name] = add_row(form, f"{number}. {_field_label(name)}", edit)
        self.review = QLabel()
        self.review.setWordWrap(True)
        form.addRow(self.review)
        self.contact = ContactRows(form, self)
        self.errors.update(self.contact.errors)
        return scroll

    def _fit_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 920, 700
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    # -- filling ----------------------------------------------------------------------
    def _fill(self, data: dict[str, Any]) -> None:
        self.role = str(data["role"])
        self.field.clear()
        for code, name in data["fields"]:
            self.field.addItem(name, code)
        record = data["record"]
        self._show_record(record)
        self.setEnabled(True)
        self.name.setFocus()
        self.loaded.emit()

    def _show_record(self, record: dict[str, Any] | None) -> None:
        self.record = record
        record = record or {}
        self.name.setText(str(record.get("name") or ""))
        index = self.field.findData(record.get("field_code"))
        self.field.setCurrentIndex(index if index >= 0 else 0)
        self.year.setValue(int(record.get("year") or dt.date.today().year))
        self.start_date.set_value(record.get("start_date"))
        self.end_date.set_value(record.get("end_date"))
        for name, edit in self.texts.items():
            edit.setPlainText(str(record.get(name) or ""))
        self._fill_status(str(record.get("status") or INITIAL_STATUS))
        self._show_review(record)
        self.contact.show_record(record)
        self.indicators.set_model(self.model_id)
        self.attachments.set_owner(self.model_id)
        self.replications.set_model(self.model_id, record.get("status"))
        self.life.set_model(self.model_id)
        title = record.get("name") or tr("ModelForm", "Đăng ký mô hình mới")
        self.setWindowTitle(tr("ModelForm", "Mô hình: {name}", name=title))
        self._saved_values = self.values()

    def _fill_status(self, current: str) -> None:
        self.status.clear()
        self.status.addItem(label(MODEL_STATUSES, current), current)
        moves = allowed_next(current, self.role) if self.record else []
        self.move_status.setEnabled(bool(moves))
        for code in moves:
            if not (needs_reason(current, code) or needs_decision(current, code)):
                self.status.addItem(label(MODEL_STATUSES, code), code)
        self.status.setEnabled(self.status.count() > 1)
        if self.status.count() == 1:
            self.status.setToolTip(
                tr(
                    "ModelForm",
                    "Từ trạng thái này, tổ không được chuyển mô hình sang trạng thái khác.",
                )
                if self.record
                else tr("ModelForm", "Mô hình mới luôn ở trạng thái «Đã đăng ký».")
            )

    def _open_status_dialog(self) -> None:
        """The status dialog for this model; its move shows here when saved."""
        from danvan_desktop.ui.models.status_dialog import StatusDialog

        if not self.model_id or not self.record:
            return
        current = str(self.record.get("status") or INITIAL_STATUS)
        dialog = StatusDialog(
            self._runner, model_id=self.model_id, current=current, role=self.role, parent=self
        )
        dialog.moved.connect(lambda _id: self._status_moved(str(dialog.values()["status"])))
        dialog.open()

    def _status_moved(self, status: str) -> None:
        """Show the new status without touching what else is being typed."""
        if self.record is not None:
            self.record["status"] = status
        self._fill_status(status)
        self._saved_values["status"] = status
        self._bus.data_changed.emit({"model", "model_status_change", "model_recognition"})

    def _show_review(self, record: dict[str, Any]) -> None:
        parts = [
            f"{_field_label(name)}: {record[name]}" for name in REVIEWER_ITEMS if record.get(name)
        ]
        self.review.setText("\n".join(parts))
        self.review.setVisible(bool(parts))

    # -- saving -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form's values as the store takes them."""
        values: dict[str, Any] = {
            "name": self.name.text(),
            "field_code": self.field.currentData(),
            "year": self.year.value(),
            "start_date": self.start_date.iso(),
            "end_date": self.end_date.iso(),
            "status": self.status.currentData(),
        }
        for name, edit in self.texts.items():
            values[name] = edit.toPlainText()
        return values | self.contact.values()

    def changed_values(self) -> dict[str, Any]:
        """What differs from the record as last loaded or saved."""
        old = self._saved_values
        return {k: v for k, v in self.values().items() if old.get(k) != v}

    def save(self) -> None:
        """Save the changes (Ctrl+S); the form stays open."""
        if self._saving or not self.isEnabled():
            return
        if self._refuse_bad_dates():
            return
        values = self.values() if self.model_id is None else self.changed_values()
        if self.model_id is None:
            values.pop("status", None)  # a new model is always registered first
        if not values:
            self._say(tr("ModelForm", "Không có thay đổi nào cần lưu."))
            return
        for error in self.errors.values():
            error.clear_message()
        self._saving = True
        model_id = self.model_id
        self._runner.db(
            lambda ctx: save_form(ctx, model_id, values),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _refuse_bad_dates(self) -> bool:
        """A date typed that is not one: named beside it, focused, and nothing saved."""
        dates = (self.start_date, self.end_date)
        if not any(field.problem() for field in dates):
            return False
        self._close_after_save = False
        self.tabs.setCurrentIndex(0)
        refuse_bad_typing(dates)
        self._say(tr("ModelForm", "Chưa lưu được: hãy sửa các mục có ghi chú bên dưới."), True)
        return True

    def _saved(self, data: dict[str, Any]) -> None:
        self._saving = False
        result = data["result"]
        self.model_id = str(data["record"]["id"])
        self._show_record(data["record"])
        self._say(tr("ModelForm", "Đã lưu."))
        self._bus.data_changed.emit(result.entities or {"model"})
        self.saved.emit(self.model_id)
        if self._close_after_save:
            self.close()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self._close_after_save = False
        if isinstance(error, ValidationError):
            for problem in error.problems:
                self.errors.get(problem.field, self.errors["name"]).show_message(problem.message)
            self._say(tr("ModelForm", "Chưa lưu được: hãy sửa các mục có ghi chú bên dưới."), True)
            first = error.problems[0].field if error.problems else "name"
            self._focus_field(first)
        elif isinstance(error, PermissionDeniedError):
            self.errors["status"].show_message(error.message)
            self._say(error.message, True)
        elif isinstance(error, DanvanError):
            self._say(error.message, True)
        else:
            self._runner.failed.emit(error)

    def _focus_field(self, name: str) -> None:
        self.tabs.setCurrentIndex(0)
        widget = {
            "name": self.name,
            "field_code": self.field,
            "year": self.year,
            "status": self.status,
            "start_date": self.start_date,
            "end_date": self.end_date,
            **self.texts,
            **self.contact.widgets(),
        }.get(name)
        if widget is not None:
            widget.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.show()

    # -- closing ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before throwing away unsaved changes."""
        typed = any(field.problem() for field in (self.start_date, self.end_date))
        if self.isEnabled() and (self.changed_values() or typed) and not self._saving:
            answer = QMessageBox.question(
                self,
                tr("ModelForm", "Thay đổi chưa lưu"),
                tr("ModelForm", "Mô hình có thay đổi chưa lưu. Lưu trước khi đóng?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self._close_after_save = True
                self.save()
                event.ignore()
                return
        event.accept()

    def reject(self) -> None:
        """Escape closes through closeEvent, so unsaved changes are asked about."""
        self.close()
