"""Moving a model along its life cycle: the new status, with its reason or decision.

The dialog offers only the moves this laptop's role may make from the current status
(core/model_status.py). A move that must say why shows «Lý do»; a recognition shows
its level («Cấp công nhận», at first the level of this laptop's own unit, read on the DB
lane) and the decision number and date. The move runs on the DB lane (``Session.move_model``:
the status, its history entry and, for a recognition, the recognition entry, all or
nothing); a refused move puts each problem beside its field.

Signals: ``moved(str)`` with the model id after the move is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from danvan_desktop.core.model_status import allowed_next, needs_decision, needs_reason
from danvan_desktop.core.vocab import MODEL_STATUSES, RECOGNITION_LEVELS, label
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_dialog import FormDialog
from danvan_desktop.ui.widgets.form_widgets import OptionalDateEdit, add_row


class StatusDialog(FormDialog):
    """Choose the next status of one model, with what the move must say."""

    moved = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        model_id: str,
        current: str,
        role: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, tr("ModelStatus", "Chuyển trạng thái mô hình"), parent)
        self.model_id = model_id
        self.current = current
        form = self.new_form()
        self.status = QComboBox()
        for code in allowed_next(current, role):
            self.status.addItem(label(MODEL_STATUSES, code), code)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(72)
        self.level = QComboBox()
        for code in RECOGNITION_LEVELS:
            self.level.addItem(label(RECOGNITION_LEVELS, code), code)
        self.level.setCurrentIndex(-1)  # none until this laptop's level is read
        self.decision_number = QLineEdit()
        self.decided_on = OptionalDateEdit()
        self.errors["status"] = add_row(form, tr("ModelStatus", "Trạng thái mới"), self.status)
        self.errors["reason"] = add_row(form, tr("ModelStatus", "Lý do"), self.reason)
        self.errors["level"] = add_row(form, tr("ModelStatus", "Cấp công nhận"), self.level)
        self.errors["decision_number"] = add_row(
            form, tr("ModelStatus", "Số quyết định"), self.decision_number
        )
        self.errors["decided_on"] = add_row(
            form, tr("ModelStatus", "Ngày quyết định"), self.decided_on
        )
        self._form = form
        self.column.addLayout(form)
        self.add_buttons(self.save)
        self.status.currentIndexChanged.connect(self._show_rows)
        self._show_rows()
        if role == "reviewer":
            runner.db(_home_level, on_done=self._show_home_level, owner=self)

    def _show_home_level(self, level: str | None) -> None:
        """Start «Cấp công nhận» at this laptop's own level, unless one is chosen already."""
        if self.level.currentIndex() < 0 and level in RECOGNITION_LEVELS:
            self.level.setCurrentIndex(self.level.findData(level))

    def _show_rows(self) -> None:
        """Show «Lý do» and the decision rows only for the moves that need them."""
        new = str(self.status.currentData() or "")
        decision = needs_decision(self.current, new)
        for field, shown in (
            (self.reason, needs_reason(self.current, new)),
            (self.level, decision),
            (self.decision_number, decision),
            (self.decided_on, decision),
        ):
            holder = field.parentWidget()  # add_row puts the field and its error in one
            if holder is not None:
                self._form.setRowVisible(holder, shown)

    def values(self) -> dict[str, Any]:
        """What the move says, as ``Session.move_model`` takes it."""
        new = str(self.status.currentData() or "")
        decision = needs_decision(self.current, new)
        return {
            "status": new,
            "reason": self.reason.toPlainText() if needs_reason(self.current, new) else None,
            "level": self.level.currentData() if decision else None,
            "decision_number": self.decision_number.text() if decision else None,
            "decided_on": self.decided_on.iso() if decision else None,
        }

    def save(self) -> None:
        """Make the move on the DB lane; close when it is saved."""
        if self.status.count() == 0:
            self.reject()
            return
        values, model_id = self.values(), self.model_id

        def move(ctx: JobContext) -> Any:
            return ctx.session.move_model(model_id, **values)

        self.run_save(move, self._moved)

    def _moved(self, _result: Any) -> None:
        self.moved.emit(self.model_id)
        self.accept()


def _home_level(ctx: JobContext) -> str | None:
    """The level of this laptop's own unit (DB lane): where its reviewer recognises."""
    unit_id = ctx.session.store.home_unit_id
    unit = ctx.session.records.find("unit", unit_id) if unit_id else None
    return str(unit["level"]) if unit and unit.get("level") else None
