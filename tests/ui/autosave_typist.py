"""Run inside the real application by the autosave crash test (``DANVAN_TEST_SCRIPT``).

The application runs this file on its GUI thread once the main window is up,
with ``window`` among the globals. It opens the meeting named by
``DANVAN_TEST_MEETING_ID`` on the meetings page and types the proceedings one
key every 40 ms, without end, the way a secretary would. Each key is logged to
``DANVAN_TEST_LOG`` as "<monotonic time> <index>" before it is typed (the
clock is shared by every process on the machine); each autosave prints
``SAVED <count>`` to standard output. The test kills the process meanwhile.
"""

from __future__ import annotations

import os
import time
from typing import Any, TextIO

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

TEXT = (
    "Ông Lê Văn Cường phát biểu: đề nghị sửa đèn đường đoạn gần trường học, "
    "vận động các hộ hiến đất mở rộng đường bê tông. "
)
KEY_INTERVAL_MS = 40


class Typist:
    """Types the text into the editor's proceedings, one logged key at a time."""

    def __init__(self, editor: Any, log: TextIO) -> None:
        self.editor = editor
        self.log = log
        self.typed = 0

    def type_one(self) -> None:
        """Log, then type the next character of the text."""
        char = TEXT[self.typed % len(TEXT)]
        self.log.write(f"{time.monotonic():.4f} {self.typed}\n")
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            self.editor.header.content,
            Qt.Key.Key_unknown,
            char,
            Qt.KeyboardModifier.NoModifier,
        )
        self.typed += 1


def start_typing(window: Any) -> Typist:
    """Open the meeting on the meetings page; once it is shown, type without end."""
    page = window.show_page("meetings")
    editor = page.editor
    log = open(os.environ["DANVAN_TEST_LOG"], "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    typist = Typist(editor, log)
    editor.autosaver.saved.connect(lambda count: print(f"SAVED {count}", flush=True))
    timer = QTimer(editor)
    timer.setInterval(KEY_INTERVAL_MS)
    timer.timeout.connect(typist.type_one)
    editor.loaded.connect(lambda _id: timer.start())
    page.open_meeting(os.environ["DANVAN_TEST_MEETING_ID"])
    return typist


if __name__ == "__main__":
    # Kept alive by the module's globals, which runpy returns to the application.
    TYPIST = start_typing(globals()["window"])
