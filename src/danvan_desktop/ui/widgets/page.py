"""The frame every sidebar page shares: its lanes, the event bus, a clock, its layout.

A page keeps the runner (``_runner``), the event bus (``_bus``) and the clock it
reads "today" from (``_clock``, replaced in tests). Its layout is either a plain
column (lists: a title row, a toolbar, a table) or a column in a frameless scroll
area (forms and figures, which grow taller than a 768-pixel screen). A page that
shows records of some entities refreshes a moment after they change, once per
burst of saves: ``refresh_on(entities, delay_ms)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.task_runner import TaskRunner


class Page(QWidget):
    """A page of the main window's sidebar."""

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self._clock = clock
        self._watched: frozenset[str] = frozenset()
        self._refresh_timer = QTimer(self, singleShot=True)
        self._refresh_timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        """Read what the page shows again (each page says from which lane)."""

    # -- following changes ------------------------------------------------------------
    def refresh_on(self, entities: Iterable[str], delay_ms: int) -> None:
        """Refresh ``delay_ms`` after the last change to records of these entities."""
        self._watched = frozenset(entities)
        self._refresh_timer.setInterval(delay_ms)
        self._bus.data_changed.connect(self._refresh_if_watched)

    def _refresh_if_watched(self, entities: object) -> None:
        if isinstance(entities, set | frozenset | list | tuple) and self._watched.intersection(
            entities
        ):
            self._refresh_timer.start()

    # -- layout -----------------------------------------------------------------------
    def column(self) -> QVBoxLayout:
        """The page's own column, with the margins of a list page."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        return layout

    def scrolled_column(self) -> QVBoxLayout:
        """A column inside a frameless scroll area filling the page (forms, figures)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        return layout

    @staticmethod
    def title_row(title: str, *widgets: QWidget) -> QHBoxLayout:
        """The page's heading on the left, then ``widgets`` (buttons, a year) on the right."""
        row = QHBoxLayout()
        row.addWidget(heading(title))
        row.addStretch(1)
        for widget in widgets:
            row.addWidget(widget)
        return row
