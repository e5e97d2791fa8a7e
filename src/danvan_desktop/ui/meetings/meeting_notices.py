"""Small pieces of the minutes editor: the restored-draft note, confirmations, names, times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from danvan_desktop.core.vocab import MEETING_STATES, label
from danvan_desktop.ui.text import date_text, tr

NOTE_STYLE = (
    "QFrame#restored { background: #fff4d6; border: 1px solid #e0b84a; border-radius: 4px; }"
)


def saved_time_text(moment: dt.datetime | None = None) -> str:
    """A local time as HH:mm:ss (now when none is given)."""
    moment = moment or dt.datetime.now()
    return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"


def local_time_text(stored: str) -> str:
    """A stored UTC timestamp as local HH:mm dd/MM/yyyy."""
    try:
        moment = dt.datetime.fromisoformat(stored).astimezone()
    except ValueError:
        return stored
    return f"{moment.hour:02d}:{moment.minute:02d} {date_text(moment.date())}"


def state_line(sheet: dict[str, Any]) -> str:
    """«Số: 05/BB-TDV · Đã hoàn tất · lần 1 · …»: number, state, version, lock or correction."""
    meeting = sheet["meeting"]
    final = meeting["state"] == "final"
    corrected = sheet.get("corrected_by")
    parts = [label(MEETING_STATES, str(meeting["state"]))]
    if final:
        parts.insert(0, str(sheet.get("number_text") or ""))
    parts.append(tr("MeetingEditor", "lần {version}", version=meeting.get("version") or 1))
    if corrected:
        parts.append(
            tr(
                "MeetingEditor",
                "đã được đính chính bằng bản lần {version}",
                version=corrected["version"],
            )
        )
    elif final:
        parts.append(tr("MeetingEditor", "đã khóa, muốn sửa hãy lập bản đính chính"))
    return " · ".join(p for p in parts if p)


def speaker_names(attendance: list[dict[str, Any]], members: list[dict[str, Any]]) -> list[str]:
    """Who may speak: those present first, then the rest of the roster, each once."""
    names = [str(r["name"]) for r in attendance if r.get("present")]
    names += [str(m["full_name"]) for m in members]
    return list(dict.fromkeys(n for n in names if n))


def ask(
    parent: QWidget, title: str, text: str, accept_text: str, on_accept: Callable[[], None]
) -> QMessageBox:
    """A question box (window-modal, not blocking); ``on_accept`` runs when accepted.

    The box keeps ``accept_button`` so that tests press it as a user would.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("MeetingEditor", "Để sau"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept)
    box.accept_button = accept  # type: ignore[attr-defined]
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is accept:
            on_accept()

    box.finished.connect(lambda _code: answered())
    box.open()
    return box


class RestoredNote(QFrame):
    """Says that text typed in an earlier session was restored, and offers to drop it.

    Signals:
        discard_requested(): the user wants the saved minutes without the restored text.
    """

    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restored")
        self.setStyleSheet(NOTE_STYLE)
        layout = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.discard_button = QPushButton(tr("MeetingEditor", "Bỏ phần khôi phục"))
        self.discard_button.clicked.connect(self.discard_requested.emit)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.discard_button)
        self.hide()

    def show_for(self, saved_at: list[str]) -> None:
        """Show the note when drafts were restored (``saved_at``: when each was saved)."""
        if not saved_at:
            self.hide()
            return
        self.text.setText(
            tr(
                "MeetingEditor",
                "Đã khôi phục phần đang soạn dở chưa lưu vào biên bản (tự động lưu lúc {time}). "
                "Bấm «Lưu» để ghi vào biên bản, hoặc bỏ phần này để trở về bản đã lưu.",
                time=local_time_text(max(saved_at)),
            )
        )
        self.show()
