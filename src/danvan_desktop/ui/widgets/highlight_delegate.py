"""Draws a search snippet with the matched words highlighted.

The store marks matches with HIGHLIGHT_START/END; the table model hands the
marked text through ``HIGHLIGHT_ROLE``. We escape the text, turn the markers
into a highlighted span and let a QTextDocument lay it out in one line.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from danvan_desktop.core.highlight import HIGHLIGHT_END, HIGHLIGHT_START
from danvan_desktop.ui.models.model_table import HIGHLIGHT_ROLE

MARK_STYLE = "background-color: #ffe08a; font-weight: bold;"


def marked_html(text: str) -> str:
    """The snippet as HTML with each match in a highlighted span."""
    escaped = html.escape(text)
    return escaped.replace(HIGHLIGHT_START, f'<span style="{MARK_STYLE}">').replace(
        HIGHLIGHT_END, "</span>"
    )


class HighlightDelegate(QStyledItemDelegate):
    """Paints cells that carry highlight markers; other cells as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the marked text, or fall back to the default drawing."""
        marked = index.data(HIGHLIGHT_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(marked_html(str(marked)))
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        offset = max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(0, offset)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The usual size: snippets are one line, cut at the cell's edge."""
        return super().sizeHint(option, index)
