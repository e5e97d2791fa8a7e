"""The form of one exemplar: who, what they achieved, and the models and meetings as evidence.

The dialog only collects values: «Lưu» emits ``submitted`` and the page saves on the
DB lane, then closes the dialog or shows the store's message here (the field it
names, the fix). Models and meetings to cite are ticked in two lists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.schema import EXEMPLAR
from danvan_desktop.core.vocab import EXEMPLAR_KINDS, label
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.field_limits import NumberEdit
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def checked_ids(widget: QListWidget) -> list[str]:
    """The ids of the ticked rows, in list order."""
    return [
        str(widget.item(i).data(ID_ROLE))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def fill_checklist(widget: QListWidget, items: list[tuple[str, str]], ticked: list[str]) -> None:
    """Rows of (id, text) with a tick box each; ``ticked`` ids start ticked."""
    widget.clear()
    for record_id, text in items:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, record_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(
            Qt.CheckState.Checked if record_id in ticked else Qt.CheckState.Unchecked
        )
        widget.addItem(item)


class ExemplarDialog(QDialog):
    """Add or edit an exemplar.

    Signals:
        submitted(dict): the values to save (the dialog stays open until the page closes it).
    """

    submitted = Signal(dict)

    def __init__(
        self,
        evidence: dict[str, list[dict[str, Any]]],
        *,
        record: dict[str, Any] | None = None,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record or {}
        self.setWindowTitle(
            tr("ExemplarDialog", "Sửa điển hình")
            if record
            else tr("ExemplarDialog", "Thêm điển hình")
        )
        self.errors: dict[str, FieldError] = {}
        self._build(year or dt.date.today().year)
        self._fill(evidence)

    def _build(self, year: int) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        for code in EXEMPLAR_KINDS:
            self.kind.addItem(label(EXEMPLAR_KINDS, code), code)
        self.errors["kind"] = add_row(form, tr("ExemplarDialog", "Loại"), self.kind)
        self.name = QLineEdit()
        self.errors["name"] = add_row(form, tr("ExemplarDialog", "Tên cá nhân, tập thể"), self.name)
        self.position = QLineEdit()
        self.errors["position"] = add_row(
            form, tr("ExemplarDialog", "Chức vụ, đơn vị"), self.position
        )
        self.year = NumberEdit(EXEMPLAR, "year")
        self.year.setValue(year)
        self.errors["year"] = add_row(form, tr("ExemplarDialog", "Năm"), self.year)
        self.achievement = QPlainTextEdit()
        self.achievement.setFixedHeight(self.fontMetrics().height() * 5)
        self.errors["achievement"] = add_row(
            form, tr("ExemplarDialog", "Thành tích"), self.achievement
        )
        layout.addLayout(form)
        lists = QHBoxLayout()
        self.models = QListWidget()
        self.meetings = QListWidget()
        for title, widget, field in (
            (tr("ExemplarDialog", "Mô hình liên quan"), self.models, "linked_model_ids"),
            (tr("ExemplarDialog", "Cuộc họp làm minh chứng"), self.meetings, "linked_meeting_ids"),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
            self.errors[field] = FieldError()
            inner.addWidget(self.errors[field])
            lists.addWidget(box)
        layout.addLayout(lists, 1)
        self.message = FieldError()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.resize(820, 620)

    def _fill(self, evidence: dict[str, list[dict[str, Any]]]) -> None:
        record = self.record
        if record:
            self.kind.setCurrentIndex(max(self.kind.findData(record.get("kind")), 0))
            self.name.setText(str(record.get("name") or ""))
            self.position.setText(str(record.get("position") or ""))
            self.year.setValue(record.get("year") or self.year.value())
            self.achievement.setPlainText(str(record.get("achievement") or ""))
        models = [
            (str(m["id"]), tr("ExemplarDialog", "{name} ({year})", name=m["name"], year=m["year"]))
            for m in evidence.get("models", [])
        ]
        meetings = [
            (str(m["id"]), f"{date_text(m['starts_at'])} — {m['title']}")
            for m in evidence.get("meetings", [])
        ]
        fill_checklist(self.models, models, list(record.get("linked_model_ids") or []))
        fill_checklist(self.meetings, meetings, list(record.get("linked_meeting_ids") or []))

    def values(self) -> dict[str, Any]:
        """The exemplar as the form shows it."""
        return {
            "kind": self.kind.currentData(),
            "name": self.name.text().strip(),
            "position": self.position.text().strip() or None,
            "year": self.year.value(),
            "achievement": self.achievement.toPlainText().strip() or None,
            "linked_model_ids": checked_ids(self.models),
            "linked_meeting_ids": checked_ids(self.meetings),
        }

    def submit(self) -> None:
        """Hand the values to the page to save."""
        for error in (*self.errors.values(), self.message):
            error.clear_message()
        self.submitted.emit(self.values())

    def show_error(self, error: BaseException) -> None:
        """Show why the save failed, beside the fields it names."""
        if isinstance(error, ValidationError):
            for problem in error.problems:
                target = self.errors.get(problem.field, self.message)
                target.show_message(problem.message)
            return
        self.message.show_message(error.message if isinstance(error, DanvanError) else str(error))
