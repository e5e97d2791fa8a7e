"""Small pieces every form uses: an error line beside a field, an optional typed date.

The date field itself lives in ``date_fields`` (``OptionalDateEdit`` is offered
here too, where the forms have always found it); a date field in a row shows
its ``problem_changed`` message (a date typed that is not one) on the row's
error line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.ui.widgets.date_fields import OptionalDateEdit, TypedField

__all__ = ["ERROR_STYLE", "FieldError", "FieldWithError", "OptionalDateEdit", "add_row"]

ERROR_STYLE = "color: #b3261e;"


class FieldError(QLabel):
    """The message under a field that could not be saved; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` (an empty one hides the line)."""
        self.setText(message)
        self.setVisible(bool(message))
        self._keep_whole()

    def clear_message(self) -> None:
        """Hide the line."""
        self.show_message("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width may need more (or fewer) lines."""
        super().resizeEvent(event)
        self._keep_whole()

    def hasHeightForWidth(self) -> bool:
        """No: the line sets its own height from its width (``_keep_whole``)."""
        return False

    def _keep_whole(self) -> None:
        # Short of room, a layout gives a word-wrapped label one line, and a two-line
        # message loses its second line; a form layout may also size it from another
        # width than the one it gets. The line's height is therefore fixed at what the
        # message needs at the label's own width, whenever the width or the text
        # changes. Until a layout has placed the label, its width is not yet known.
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized) or not self.text():
            return
        need = max(self.heightForWidth(self.width()), 1)
        if (self.minimumHeight(), self.maximumHeight()) != (need, need):
            self.setFixedHeight(need)


class FieldWithError(QWidget):
    """A field with its error line right under it, for a QFormLayout row."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = FieldError(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)
        self.setFocusProxy(field)
        if isinstance(field, TypedField):
            field.problem_changed.connect(self.error.show_message)


def add_row(form: QFormLayout, label: str, field: QWidget) -> FieldError:
    """Add ``field`` under ``label`` with an error line; returns the error line."""
    holder = FieldWithError(field)
    caption = QLabel(label)
    caption.setBuddy(field)
    caption.setWordWrap(True)
    form.addRow(caption, holder)
    return holder.error
