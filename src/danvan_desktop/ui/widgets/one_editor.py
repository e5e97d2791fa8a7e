"""One editor per record: asking again for a record's editor brings the open one forward.

A record's editor can be asked for by several paths (a double-click or Enter on a
list, a button, a shortcut, a link, a search hit); two editors of one record would
each save over the other. Each page keeps an ``EditorRegistry`` keyed by what the
editor edits (a record id, or a tuple for pages with several kinds of editor), and
every path opens through it: the first request makes the editor, a later one raises
and activates the open editor instead. Editors whose making waits for a read are
reserved with ``begin`` while the read runs, so two quick requests still make one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

W = TypeVar("W", bound=QWidget)


def bring_to_front(widget: QWidget) -> None:
    """Show ``widget``'s window in front of the others and give it the keyboard."""
    window = widget.window()
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class EditorRegistry(QObject):
    """The open editors of one page, at most one per key (a key of None is never kept:
    a form for a new record is not yet the editor of any record)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editors: dict[Hashable, QWidget] = {}
        self._pending: set[Hashable] = set()

    def editor(self, key: Hashable) -> QWidget | None:
        """The open editor of ``key``, if any."""
        return self._editors.get(key)

    def open(self, key: Hashable | None, make: Callable[[], W]) -> W:
        """The editor of ``key``: the open one brought forward, else a new one from ``make``."""
        if key is not None:
            existing = self._editors.get(key)
            if existing is not None:
                bring_to_front(existing)
                return existing  # type: ignore[return-value]  # made by ``make`` before
        made = make()
        if key is not None:
            self.add(key, made)
        return made

    def begin(self, key: Hashable) -> bool:
        """Whether the caller may start making ``key``'s editor; when one is open (it is
        brought forward) or already being made, False."""
        existing = self._editors.get(key)
        if existing is not None:
            bring_to_front(existing)
            return False
        if key in self._pending:
            return False
        self._pending.add(key)
        return True

    def cancel(self, key: Hashable) -> None:
        """The editor reserved with ``begin`` will not be made after all."""
        self._pending.discard(key)

    def add(self, key: Hashable, editor: QWidget) -> None:
        """Keep ``editor`` as the editor of ``key`` until it closes or is destroyed."""
        self._pending.discard(key)
        self._editors[key] = editor
        editor.destroyed.connect(lambda *_: self._forget(key, editor))
        if isinstance(editor, QDialog):
            editor.finished.connect(lambda *_: self._forget(key, editor))

    def rekey(self, editor: QWidget, key: Hashable) -> None:
        """``editor`` now edits ``key`` (a new record's form, once saved)."""
        for old, open_editor in list(self._editors.items()):
            if open_editor is editor:
                del self._editors[old]
        if key not in self._editors:
            self.add(key, editor)

    def _forget(self, key: Hashable, editor: QWidget) -> None:
        if self._editors.get(key) is editor:
            del self._editors[key]
