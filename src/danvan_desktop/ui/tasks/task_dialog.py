"""A task given outside a meeting (for example by the Party cell): what, who, by when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QWidget,
)

from danvan_desktop.core.schema import TASK
from danvan_desktop.ui.meetings.meeting_tasks_panel import chosen_owner, fill_owner_box, owner_box
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_dialog import FormDialog
from danvan_desktop.ui.widgets.form_widgets import (
    OptionalDateEdit,
    add_row,
)


class TaskDialog(FormDialog):
    """Adds one task.

    Signals:
        saved(str): the new task's id.
    """

    saved = Signal(str)

    def __init__(
        self, runner: TaskRunner, members: list[dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, tr("TaskDialog", "Nhiệm vụ mới"), parent)
        form = self.new_form()
        self.title = QLineEdit()
        watch_length(self.title, TASK, "title")
        self.owner = owner_box()
        fill_owner_box(self.owner, members)
        self.deadline = OptionalDateEdit()
        self.deadline.setMaximumWidth(self.deadline.fontMetrics().averageCharWidth() * 20)
        self.errors = {
            "title": add_row(form, tr("TaskDialog", "Nhiệm vụ:"), self.title),
            "owner_name": add_row(form, tr("TaskDialog", "Người phụ trách:"), self.owner),
            "deadline": add_row(form, tr("TaskDialog", "Thời hạn:"), self.deadline),
        }
        self.column.addLayout(form)
        self.add_buttons(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def save(self) -> None:
        """Add the task (DB lane)."""
        fields = {"title": self.title.text(), "deadline": self.deadline.iso()}
        fields.update(chosen_owner(self.owner))
        self.run_save(lambda ctx: ctx.session.add_task(**fields), self._saved)

    def _saved(self, result: Any) -> None:
        self.saved.emit(str(result.record_id or ""))
        self.accept()

    def error_key(self, field: str) -> str:
        """The owner is chosen in one box, by member or by name."""
        return "owner_name" if field == "owner_member_id" else field
