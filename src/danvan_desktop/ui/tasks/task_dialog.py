"""A task given outside a meeting (for example by the Party cell): what, who, by when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.ui.meetings.meeting_tasks_panel import chosen_owner, fill_owner_box, owner_box
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import (
    ERROR_STYLE,
    FieldError,
    OptionalDateEdit,
    add_row,
)


class TaskDialog(QDialog):
    """Adds one task.

    Signals:
        saved(str): the new task's id.
    """

    saved = Signal(str)

    def __init__(
        self, runner: TaskRunner, members: list[dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.setWindowTitle(tr("TaskDialog", "Nhiệm vụ mới"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.title.setMaxLength(500)
        self.owner = owner_box()
        fill_owner_box(self.owner, members)
        self.deadline = OptionalDateEdit()
        self.deadline.setMaximumWidth(self.deadline.fontMetrics().averageCharWidth() * 20)
        self.errors: dict[str, FieldError] = {
            "title": add_row(form, tr("TaskDialog", "Nhiệm vụ:"), self.title),
            "owner_name": add_row(form, tr("TaskDialog", "Người phụ trách:"), self.owner),
            "deadline": add_row(form, tr("TaskDialog", "Thời hạn:"), self.deadline),
        }
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        """Add the task (DB lane)."""
        if self._busy:
            return
        self._busy = True
        for error in self.errors.values():
            error.clear_message()
        fields = {"title": self.title.text(), "deadline": self.deadline.iso()}
        fields.update(chosen_owner(self.owner))
        self._runner.db(
            lambda ctx: ctx.session.add_task(**fields),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, result: Any) -> None:
        self._busy = False
        self.saved.emit(str(result.record_id or ""))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, ValidationError):
            for problem in error.problems:
                field = "owner_name" if problem.field == "owner_member_id" else problem.field
                target = self.errors.get(field)
                if target is None:
                    self.message.setText(problem.message)
                    self.message.show()
                else:
                    target.show_message(problem.message)
        else:
            self.message.setText(error.message if isinstance(error, DanvanError) else repr(error))
            self.message.show()
