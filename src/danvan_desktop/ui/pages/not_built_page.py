"""A page whose feature is not built yet: it says so plainly, and what to use meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from danvan_desktop.ui.form_widgets import heading


class NotBuiltPage(QWidget):
    """A title and a short note in place of a feature still being built."""

    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.heading = heading(title)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addStretch(1)
