"""Small bar charts drawn with QPainter (Qt Charts is GPL-only, and we need two shapes).

``BarChart`` draws horizontal bars with the label on the left and the value at
the end (long Vietnamese field names stay readable); ``ColumnChart`` draws
vertical columns for a time series (meetings per month). Both scale to the
widget and to the screen's font, so they stay sharp on high-DPI screens.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from danvan_desktop.ui.text import number_text

BAR_COLOUR = QColor("#2f6f9f")
EMPTY_COLOUR = QColor("#d9e2ea")
TEXT_COLOUR = QColor("#1f2933")


class _Chart(QWidget):
    """Shared data handling: a list of (label, value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, items: list[tuple[str, float]]) -> None:
        """Show these (label, value) pairs."""
        self.items = list(items)
        self.updateGeometry()
        self.update()

    def maximum(self) -> float:
        """The largest value (at least 1, so empty charts still draw)."""
        return max([v for _t, v in self.items] + [1.0])


class BarChart(_Chart):
    """Horizontal bars, one row per item."""

    def row_height(self) -> int:
        """Height of one bar row."""
        return QFontMetrics(self.font()).height() + 8

    def sizeHint(self) -> QSize:
        """Tall enough for every row."""
        return QSize(360, max(1, len(self.items)) * self.row_height() + 4)

    def minimumSizeHint(self) -> QSize:
        """As tall as the rows need."""
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw label, bar and value for each row."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        width = self.width()
        label_width = min(
            int(width * 0.55), max([metrics.horizontalAdvance(t) for t, _ in self.items] + [0]) + 8
        )
        value_width = metrics.horizontalAdvance("000.000") + 8
        bar_space = max(10, width - label_width - value_width)
        row = self.row_height()
        top_value = self.maximum()
        for i, (label, value) in enumerate(self.items):
            y = i * row + 2
            painter.setPen(TEXT_COLOUR)
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
            bar = QRectF(label_width, y + 4, bar_space, row - 8)
            painter.fillRect(bar, EMPTY_COLOUR)
            bar.setWidth(bar_space * (value / top_value))
            painter.fillRect(bar, BAR_COLOUR)
            painter.drawText(
                QRectF(label_width + bar.width() + 4, y, value_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                number_text(value),
            )
        painter.end()


class ColumnChart(_Chart):
    """Vertical columns with the label under each and the value above."""

    def sizeHint(self) -> QSize:
        """A band about eight text lines tall."""
        return QSize(360, QFontMetrics(self.font()).height() * 8)

    def minimumSizeHint(self) -> QSize:
        """At least six text lines tall."""
        return QSize(240, QFontMetrics(self.font()).height() * 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw one column per item, scaled to the largest."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        count = max(1, len(self.items))
        slot = self.width() / count
        plot_top, plot_bottom = line + 2, self.height() - line - 4
        plot_height = max(1, plot_bottom - plot_top)
        top_value = self.maximum()
        for i, (label, value) in enumerate(self.items):
            x = i * slot
            height = plot_height * (value / top_value)
            column = QRectF(x + slot * 0.2, plot_bottom - height, slot * 0.6, height)
            painter.fillRect(QRectF(x + slot * 0.2, plot_bottom - 1, slot * 0.6, 1), EMPTY_COLOUR)
            painter.fillRect(column, BAR_COLOUR)
            painter.setPen(TEXT_COLOUR)
            centre = Qt.AlignmentFlag.AlignHCenter
            painter.drawText(
                QRectF(x, column.top() - line - 1, slot, line),
                centre | Qt.AlignmentFlag.AlignBottom,
                number_text(value),
            )
            painter.drawText(
                QRectF(x, plot_bottom + 2, slot, line + 2),
                centre | Qt.AlignmentFlag.AlignTop,
                label,
            )
        painter.end()
