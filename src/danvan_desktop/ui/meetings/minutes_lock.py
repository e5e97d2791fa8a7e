"""How final minutes look: greyed read-only fields, and a note saying why and what to do.

Final minutes are locked (the store refuses any change but a correction): their
fields are read only, and here they also look it, so nobody starts typing into
them; the note above the tabs says they are final and how a correction is made
(«Đính chính…», a new version that keeps this one and its number), or, once a
correction exists, where it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from danvan_desktop.ui.text import tr

# Read-only fields of final minutes: greyed, so they do not look open to typing.
LOCKED_LOOK = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], '
    'QAbstractSpinBox[readOnly="true"] { background: #ececec; color: #3c3c3c; }'
)
LOCKED_BACKGROUND = "#ececec"
NOTE_STYLE = "QFrame#locked { background: #eef1f5; border: 1px solid #b8c2cf; border-radius: 4px; }"


def show_locked(widget: QWidget, locked: bool) -> None:
    """Grey the read-only fields inside ``widget`` (or give them their usual look back)."""
    # Set again each time: a style sheet reads the readOnly flags when it is set.
    widget.setStyleSheet("")
    widget.setStyleSheet(LOCKED_LOOK if locked else "")


def lock_note(sheet: dict[str, Any]) -> str:
    """Why final minutes cannot be changed, and how a correction is made (or where it is)."""
    number = str(sheet.get("number_text") or "")
    corrected = sheet.get("corrected_by")
    if corrected:
        return tr(
            "MeetingEditor",
            "Biên bản này đã hoàn tất ({number}) và đã được đính chính bằng bản lần {version}, "
            "nên chỉ để xem. Bấm «Mở bản đính chính» để xem hoặc sửa bản mới.",
            number=number,
            version=corrected["version"],
        )
    return tr(
        "MeetingEditor",
        "Biên bản đã hoàn tất ({number}) nên chỉ để xem, không sửa được. Muốn sửa nội dung, "
        "bấm «Đính chính…» để lập một bản đính chính; bản này và số của nó vẫn được giữ.",
        number=number,
    )


class LockNote(QFrame):
    """The note above the tabs of final minutes (hidden on a draft)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locked")
        self.setStyleSheet(NOTE_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        QHBoxLayout(self).addWidget(self.text)
        self.hide()

    def show_for(self, sheet: dict[str, Any]) -> None:
        """Show the note when the sheet's minutes are final."""
        final = sheet["meeting"]["state"] == "final"
        self.text.setText(lock_note(sheet) if final else "")
        self.setVisible(final)
