"""Guard: the installed PySide6 must not drop a reference to True on every Signal.emit.

PySide6 6.12.0 returns a borrowed True from ``SignalInstance.emit``; on Python
3.11 (bools are not immortal) every emit then lowers True's reference count,
and after a few hundred emits the interpreter aborts ("bool_dealloc"). The app
emits a signal for every background job, so it would crash within minutes.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_emit_keeps_true_alive() -> None:
    """Emitting a signal 50 times leaves True's reference count where it was."""
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for i in range(50):
        emitter.ping.emit(i)
    lost = before - sys.getrefcount(True)
    assert lost <= 0, (
        f"PySide6 {pyside_version} loses a reference to True on every Signal.emit and will "
        "crash the application: install PySide6-Essentials != 6.12.0"
    )
