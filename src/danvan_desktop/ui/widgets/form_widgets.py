"""Small pieces every form uses: an error line beside a field, an optional dd/MM/yyyy date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.ui.text import DATE_FORMAT

ERROR_STYLE = "color: #b3261e;"
NO_DATE = QDate(1900, 1, 1)


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

    def clear_message(self) -> None:
        """Hide the line."""
        self.show_message("")


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


def add_row(form: QFormLayout, label: str, field: QWidget) -> FieldError:
    """Add ``field`` under ``label`` with an error line; returns the error line."""
    holder = FieldWithError(field)
    caption = QLabel(label)
    caption.setBuddy(field)
    caption.setWordWrap(True)
    form.addRow(caption, holder)
    return holder.error


class OptionalDateEdit(QDateEdit):
    """A dd/MM/yyyy date editor that can also be empty (shown blank)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(" ")
        self.setDate(NO_DATE)

    def value(self) -> dt.date | None:
        """The chosen date, or None when empty."""
        date = self.date()
        if date == NO_DATE:
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | str | None) -> None:
        """Show ``value`` (a date, ISO text, or None for empty)."""
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value[:10])
        if not value:
            self.setDate(NO_DATE)
            return
        assert isinstance(value, dt.date)
        self.setDate(QDate(value.year, value.month, value.day))

    def iso(self) -> str | None:
        """The chosen date as ISO text (what the store keeps), or None."""
        value = self.value()
        return value.isoformat() if value else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Opening an empty date starts the calendar at today, not at 1900."""
        if self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setSelectedDate(today)
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)
