"""The reading pane of the Sổ tay page: who published the document, a bookmark button, and
the document rendered from its Markdown with the searched words marked.

The QTextBrowser renders Markdown itself, offline (no resource is fetched). Marks
are extra selections over the rendered text, so they never change the document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.ui.handbook.handbook_text import match_spans, phrase_start
from danvan_desktop.ui.text import date_text, tr

MARK_COLOUR = "#ffe08a"


def source_text(document: dict[str, Any]) -> str:
    """Where the document comes from, and its version."""
    if document.get("source") == "province":
        return tr(
            "HandbookPage",
            "Tài liệu do cấp trên ban hành ngày {day}, phiên bản {version}.",
            day=date_text(document.get("published_at")),
            version=document.get("doc_version"),
        )
    return tr(
        "HandbookPage",
        "Tài liệu có sẵn trong ứng dụng, phiên bản {version}.",
        version=document.get("doc_version"),
    )


class HandbookReader(QWidget):
    """The document shown, its source line and its bookmark button.

    Signals:
        bookmark_toggled(bool): the user bookmarked (True) or un-bookmarked the document.
    """

    bookmark_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        bar = QHBoxLayout()
        self.doc_info = QLabel()
        self.doc_info.setWordWrap(True)
        bar.addWidget(self.doc_info, 1)
        self.bookmark_button = QPushButton(tr("HandbookPage", "Đánh dấu trang"))
        self.bookmark_button.setCheckable(True)
        self.bookmark_button.setEnabled(False)
        self.bookmark_button.clicked.connect(self._toggled)
        bar.addWidget(self.bookmark_button)
        layout.addLayout(bar)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText(tr("HandbookPage", "Chọn một tài liệu ở bên trái để đọc."))
        layout.addWidget(self.browser, 1)

    def show_document(self, document: dict[str, Any], tokens: list[str]) -> None:
        """Render ``document`` and mark the words beginning with the folded ``tokens``."""
        self.browser.setMarkdown(str(document["body"]))
        self._mark(tokens)
        self.doc_info.setText(source_text(document))
        self.bookmark_button.setEnabled(True)
        self.show_bookmark(bool(document.get("bookmarked")))

    def _mark(self, tokens: list[str]) -> None:
        """Mark the matches and scroll to the first (or to the top when there are none)."""
        selections = []
        mark = QTextCharFormat()
        mark.setBackground(QColor(MARK_COLOUR))
        text = self.browser.document().toPlainText()
        target = phrase_start(text, tokens)
        for start, end in match_spans(text, tokens):
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = mark
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if selections:
            # The place where the words stand together, else the first match.
            first = next(
                (s for s in selections if s.cursor.selectionStart() == target), selections[0]
            )
            self.browser.setTextCursor(first.cursor)
            self.browser.ensureCursorVisible()
        else:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def marked_words(self) -> list[str]:
        """The words marked now (what the user sees highlighted)."""
        return [s.cursor.selectedText() for s in self.browser.extraSelections()]

    def show_bookmark(self, on: bool) -> None:
        """Show whether the document is bookmarked."""
        self.bookmark_button.setChecked(on)
        self.bookmark_button.setText(
            tr("HandbookPage", "Bỏ đánh dấu") if on else tr("HandbookPage", "Đánh dấu trang")
        )

    def _toggled(self) -> None:
        on = self.bookmark_button.isChecked()
        self.show_bookmark(on)
        self.bookmark_toggled.emit(on)
