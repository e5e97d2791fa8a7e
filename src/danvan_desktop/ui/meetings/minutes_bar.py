"""The minutes editor's top rows: the way back, the meeting's title and the buttons on the
minutes (save, finalise, correct, open the correction); under them, the minutes' state and
when a draft was last saved. The editor (meeting_editor.py) connects and shows them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.ui.look import heading
from danvan_desktop.ui.text import tr


class MinutesBar(QWidget):
    """The buttons and labels above the minutes' tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(tr("MeetingEditor", "← Danh sách cuộc họp"))
        self.title_label = heading("", 1.15)
        self.state_label = QLabel()
        self.save_button = QPushButton(tr("MeetingEditor", "Lưu (Ctrl+S)"))
        self.finalise_button = QPushButton(tr("MeetingEditor", "Hoàn tất biên bản…"))
        self.correct_button = QPushButton(tr("MeetingEditor", "Đính chính…"))
        self.open_correction_button = QPushButton(tr("MeetingEditor", "Mở bản đính chính"))
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        for widget in (
            self.save_button,
            self.finalise_button,
            self.correct_button,
            self.open_correction_button,
        ):
            top.addWidget(widget)
        layout.addLayout(top)
        status = QHBoxLayout()
        status.addWidget(self.state_label, 1)
        self.autosave_label = QLabel()
        status.addWidget(self.autosave_label)
        layout.addLayout(status)
