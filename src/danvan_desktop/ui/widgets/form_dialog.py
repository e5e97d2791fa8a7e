"""A dialog of one form: fields with their messages beside them, one save at a time.

The short forms (a member, a task, a new meeting) share their shape: rows of a
``QFormLayout`` each with a ``FieldError`` under it (``errors`` by field name), a
message line for what belongs to no field, Save and Cancel, and a save that runs
on the DB lane while further clicks wait. A refused save puts each problem beside
its field and focuses the first one. A date field holding text that is not a date
refuses the save before it starts (``date_fields.refuse_bad_typing``): what the
leader typed is never replaced by the date it had, nor saved as none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.widgets.date_fields import refuse_bad_typing, typed_fields
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE, FieldError


class FormDialog(QDialog):
    """The frame of a short form: its column, its rows, its message line, its buttons."""

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.errors: dict[str, FieldError] = {}
        self.setWindowTitle(title)
        self.column = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

    @staticmethod
    def new_form() -> QFormLayout:
        """A form whose fields grow with the dialog."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def add_buttons(
        self,
        on_accept: Callable[[], None],
        *,
        accept_text: str | None = None,
        width: int = 520,
    ) -> QDialogButtonBox:
        """The message line, then Save (or OK named ``accept_text``) and Cancel."""
        self.column.addWidget(self.message)
        accept = (
            QDialogButtonBox.StandardButton.Ok
            if accept_text
            else QDialogButtonBox.StandardButton.Save
        )
        buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
        if accept_text:
            button = buttons.button(accept)
            assert button is not None
            button.setText(accept_text)
        buttons.accepted.connect(on_accept)
        buttons.rejected.connect(self.reject)
        self.column.addWidget(buttons)
        self.resize(width, self.sizeHint().height())
        return buttons

    # -- saving -----------------------------------------------------------------------
    def run_save(self, job: Callable[[JobContext], Any], on_done: Callable[[Any], None]) -> None:
        """Run ``job`` on the DB lane unless a save is under way; messages are cleared."""
        if self._busy:
            return
        for error in self.errors.values():
            error.clear_message()
        self.message.hide()
        if refuse_bad_typing(typed_fields(self)):
            return  # a date typed that is not one: named beside it, nothing saved
        self._busy = True

        def done(result: Any) -> None:
            self._busy = False
            on_done(result)

        self._runner.db(job, on_done=done, on_error=self.show_failure, owner=self)

    def show_failure(self, error: BaseException) -> None:
        """Each problem beside its field (or on the message line); the first one focused."""
        self._busy = False
        if not isinstance(error, ValidationError):
            self.message.setText(error.message if isinstance(error, DanvanError) else repr(error))
            self.message.show()
            return
        for problem in error.problems:
            target = self.errors.get(self.error_key(problem.field))
            if target is None:
                self.message.setText(problem.message)
                self.message.show()
            else:
                target.show_message(problem.message)
        if error.problems:
            widget = getattr(self, self.error_key(error.problems[0].field), None)
            if isinstance(widget, QWidget):
                widget.setFocus()

    def error_key(self, field: str) -> str:
        """The row that shows a problem with ``field`` (a form may show two fields in one)."""
        return field
