"""«Quá trình, công nhận»: the model page's panel of a model's life.

The status history (from → to, the reason, who made the move, the date; newest first)
and the recognition list (level, decision number, date, the reviewer's unit), read on
the DB lane (``Session.model_history``, ``Session.model_recognitions``). A reviewer's
laptop also gets «Thêm quyết định công nhận» here: a later recognition of a recognised
model (the city after the commune, ``Session.add_recognition``), saved on the DB lane;
a refused one puts each problem beside its field and writes nothing.

Signals: ``loaded(int, int)`` with how many moves and recognitions are shown;
``recognition_added(str)`` with the new recognition's id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.model_status import status_label
from danvan_desktop.core.vocab import RECOGNITION_LEVELS, ROLES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import (
    ERROR_STYLE,
    FieldError,
    OptionalDateEdit,
    add_row,
)
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view

LIFE_ENTITIES = frozenset({"model", "model_status_change", "model_recognition"})


def load_life(ctx: JobContext, model_id: str) -> dict[str, Any]:
    """The model's moves (newest first), its recognitions, and whether this laptop is a
    reviewer's (DB lane)."""
    session = ctx.session
    return {
        "history": list(reversed(session.model_history(model_id))),
        "recognitions": session.model_recognitions(model_id),
        "reviewer": session.life_role == "reviewer",
    }


def history_row(entry: dict[str, Any]) -> dict[str, Any]:
    """One row of the history: the move, its reason, who made it, the date."""
    old = entry.get("from_status")
    move = status_label(entry["to_status"])
    if old:
        move = f"{status_label(old)} → {move}"
    who = label(ROLES, entry.get("by_role") or "")
    if entry.get("by_unit"):
        who = f"{who} ({entry['by_unit']})"
    return {
        "id": entry["id"],
        "move": move,
        "reason": entry.get("reason") or "",
        "by": who,
        "date": entry.get("changed_on"),
    }


def recognition_row(entry: dict[str, Any]) -> dict[str, Any]:
    """One row of the recognitions: the level, the decision number and date, the unit."""
    return {
        "id": entry["id"],
        "level": label(RECOGNITION_LEVELS, entry.get("level") or ""),
        "decision_number": entry.get("decision_number") or "",
        "decided_on": entry.get("decided_on"),
        "reviewer_unit": entry.get("reviewer_unit") or "",
    }


class LifePanel(QWidget):
    """The «Quá trình, công nhận» tab of a model's page."""

    loaded = Signal(int, int)
    recognition_added = Signal(str)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.model_id: str | None = None
        self._adding = False
        self.errors: dict[str, FieldError] = {}
        self._build()
        bus.data_changed.connect(self._on_data_changed)

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(tr("ModelLife", "Quá trình chuyển trạng thái")))
        self.history_model = RecordTableModel(
            [
                Column("move", tr("ModelLife", "Chuyển trạng thái"), width=0),
                Column("reason", tr("ModelLife", "Lý do"), width=28),
                Column("by", tr("ModelLife", "Người chuyển"), width=20),
                Column("date", tr("ModelLife", "Ngày"), "date", width=12),
            ],
            self,
        )
        self.history_model.set_read_only(True)
        self.history = record_view(self.history_model)
        layout.addWidget(self.history, 2)
        layout.addWidget(QLabel(tr("ModelLife", "Quyết định công nhận")))
        self.recognitions_model = RecordTableModel(
            [
                Column("level", tr("ModelLife", "Cấp công nhận"), width=16),
                Column("decision_number", tr("ModelLife", "Số quyết định"), width=18),
                Column("decided_on", tr("ModelLife", "Ngày quyết định"), "date", width=14),
                Column("reviewer_unit", tr("ModelLife", "Đơn vị công nhận"), width=0),
            ],
            self,
        )
        self.recognitions_model.set_read_only(True)
        self.recognitions = record_view(self.recognitions_model)
        layout.addWidget(self.recognitions, 1)
        layout.addWidget(self._recognition_form())

    def _recognition_form(self) -> QGroupBox:
        """The reviewer's «Thêm quyết định công nhận» (hidden on a team's laptop)."""
        self.add_group = QGroupBox(tr("ModelLife", "Thêm quyết định công nhận"))
        form = QFormLayout(self.add_group)
        self.level = QComboBox()
        for code in RECOGNITION_LEVELS:
            self.level.addItem(label(RECOGNITION_LEVELS, code), code)
        self.decision_number = QLineEdit()
        self.decided_on = OptionalDateEdit()
        self.errors["level"] = add_row(form, tr("ModelLife", "Cấp công nhận"), self.level)
        self.errors["decision_number"] = add_row(
            form, tr("ModelLife", "Số quyết định"), self.decision_number
        )
        self.errors["decided_on"] = add_row(
            form, tr("ModelLife", "Ngày quyết định"), self.decided_on
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        form.addRow(self.message)
        self.add_button = QPushButton(tr("ModelLife", "Thêm quyết định công nhận"))
        self.add_button.clicked.connect(self.add_recognition)
        form.addRow("", self.add_button)
        self.add_group.hide()
        return self.add_group

    # -- loading ----------------------------------------------------------------------
    def set_model(self, model_id: str | None) -> None:
        """Show the life of ``model_id`` (None: a model not saved yet)."""
        self.model_id = model_id
        if model_id is None:
            self.history_model.set_rows([])
            self.recognitions_model.set_rows([])
            self.add_group.hide()
            self.summary.setText(
                tr("ModelLife", "Lưu mô hình trước, rồi xem quá trình và các lần công nhận ở đây.")
            )
            return
        self._runner.db(lambda ctx: load_life(ctx, model_id), on_done=self._show, owner=self)

    def _on_data_changed(self, entities: object) -> None:
        if self.model_id and isinstance(entities, set | frozenset) and LIFE_ENTITIES & entities:
            self.set_model(self.model_id)

    def _show(self, data: dict[str, Any]) -> None:
        history = [history_row(h) for h in data["history"]]
        recognitions = [recognition_row(r) for r in data["recognitions"]]
        self.history_model.set_rows(history)
        self.recognitions_model.set_rows(recognitions)
        self.summary.setText(
            tr(
                "ModelLife",
                "{moves} lần chuyển trạng thái, {recognitions} quyết định công nhận.",
                moves=len(history),
                recognitions=len(recognitions),
            )
        )
        self.add_group.setVisible(bool(data["reviewer"]))
        self.loaded.emit(len(history), len(recognitions))

    # -- adding a recognition (reviewer) ----------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the recognition says, as ``Session.add_recognition`` takes it."""
        return {
            "level": self.level.currentData(),
            "decision_number": self.decision_number.text().strip(),
            "decided_on": self.decided_on.iso(),
        }

    def add_recognition(self) -> None:
        """«Thêm quyết định công nhận»: save the recognition on the DB lane."""
        if self._adding or self.model_id is None:
            return
        for error in self.errors.values():
            error.clear_message()
        self.message.hide()
        typed = self.decided_on.problem()
        if typed:
            self.errors["decided_on"].show_message(typed)
            self.decided_on.setFocus()
            return
        values, model_id = self.values(), self.model_id
        self._adding = True
        self.add_button.setEnabled(False)
        self._runner.db(
            lambda ctx: ctx.session.add_recognition(model_id, **values).record_id,
            on_done=self._added,
            on_error=self._refused,
            owner=self,
        )

    def _added(self, recognition_id: str) -> None:
        self._adding = False
        self.add_button.setEnabled(True)
        self.decision_number.clear()
        self.decided_on.set_value(None)
        self._say(tr("ModelLife", "Đã thêm quyết định công nhận."))
        self._bus.data_changed.emit({"model_recognition"})
        self.recognition_added.emit(str(recognition_id))

    def _refused(self, error: BaseException) -> None:
        self._adding = False
        self.add_button.setEnabled(True)
        if isinstance(error, ValidationError):
            beside = [p for p in error.problems if p.field in self.errors]
            for problem in beside:
                self.errors[problem.field].show_message(problem.message)
            others = [p.message for p in error.problems if p.field not in self.errors]
            if others:
                self._say("\n".join(others), error=True)
            if beside:
                fields: dict[str, QWidget] = {
                    "level": self.level,
                    "decision_number": self.decision_number,
                    "decided_on": self.decided_on,
                }
                fields[beside[0].field].setFocus()
        elif isinstance(error, DanvanError):
            self._say(error.message, error=True)
        else:
            self._runner.failed.emit(error)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.show()
