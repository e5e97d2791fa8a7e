"""The calendar a date field opens: a month to pick a day from, in the window's language.

It is a popup under its field (``date_fields.TypedField``); the month and day names
come from the default QLocale, which ``look.Translations`` sets with the language
(Vietnamese: «Tháng 3», «Thứ 2»). Arrows move the day, Enter or a click picks it,
Escape closes it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QWidget


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn in the window's text colour (Qt has no stock one)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = QGuiApplication.palette().windowText().color()
    painter.setPen(colour)
    painter.drawRect(QRect(1, 2, size - 3, size - 4))
    painter.fillRect(QRect(1, 2, size - 2, 4), colour)
    step = (size - 4) // 3
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRect(3 + column * step, 8 + row * 3, 2, 2), colour)
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QCalendarWidget):
    """The month to pick a day from, shown under its field in the window's language.

    Signals:
        picked(QDate): a day was clicked, or chosen with the arrows and Enter.
    """

    picked = Signal(QDate)

    def __init__(self, parent: QWidget, shown: dt.date) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setLocale(QLocale())  # the default: Vietnamese names while the window speaks it
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        day = QDate(shown.year, shown.month, shown.day)
        self.setSelectedDate(day)
        self.setCurrentPage(day.year(), day.month())
        self.clicked.connect(self._pick)
        self.activated.connect(self._pick)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the calendar without picking."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
