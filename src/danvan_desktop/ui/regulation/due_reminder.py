"""The reminder in the status bar: a meeting or review the regulation asks for is near or late.

``Session.meetings_due`` works out, from the regulation, the next regular meeting
and the half-year and year-end reviews (each for the year it reviews: a year-end review
held in January settles the year before, core/schedule.py); this label shows those due within
``REMIND_DAYS`` or overdue, and hides when nothing is. It reads again when
meetings or the regulation change and every hour (the date moves on while the
app stays open). The clock is passed in, so tests set the day instead of waiting.
The main window asks for the first reading after its first paint (``refresh_now=False``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import date_text, tr

REMIND_DAYS = 5
RECHECK_MS = 60 * 60 * 1000
WATCHED = {"meeting", "regulation"}
SOON_STYLE = "QLabel { background: #fff4d6; color: #6b4500; padding: 1px 8px; }"
LATE_STYLE = "QLabel { background: #fde2e0; color: #8c1d18; padding: 1px 8px; }"


def reminder_text(due: Any, today: dt.date) -> str:
    """One sentence for one thing due: what (a review: for which year), and by when (or
    since when). In January, last year's year-end review is named with its year."""
    day, year = date_text(due.due_on), due.year
    if due.what == "half_year":
        if due.overdue:
            return tr(
                "DueReminder", "Chưa sơ kết 6 tháng đầu năm {year} (hạn {day}).", year=year, day=day
            )
        return tr(
            "DueReminder", "Sắp đến hạn sơ kết 6 tháng đầu năm {year}: {day}.", year=year, day=day
        )
    if due.what == "year_end":
        if due.overdue:
            return tr("DueReminder", "Chưa tổng kết năm {year} (hạn {day}).", year=year, day=day)
        return tr("DueReminder", "Sắp đến hạn tổng kết năm {year}: {day}.", year=year, day=day)
    if due.overdue:
        return tr("DueReminder", "Đã quá hạn họp định kỳ (hạn {day}).", day=day)
    if due.due_on == today:
        return tr("DueReminder", "Hôm nay là hạn họp định kỳ.")
    return tr("DueReminder", "Sắp đến hạn họp định kỳ: {day}.", day=day)


def reminders(due: list[Any], today: dt.date) -> list[Any]:
    """The items worth a reminder: overdue, or due within ``REMIND_DAYS``."""
    return [d for d in due if d.overdue or (d.due_on - today).days <= REMIND_DAYS]


def schedule_text(due: list[Any], today: dt.date) -> str:
    """What the regulation asks for next, for the Quy chế page: near items as reminders,
    later ones with their due day."""
    near = reminders(due, today)
    lines = [
        reminder_text(d, today) if d in near else _later_text(d)
        for d in sorted(due, key=lambda d: d.due_on)
    ]
    if not lines:
        lines = [tr("RegulationPage", "Không có việc nào đến hạn theo quy chế.")]
    return (
        tr("RegulationPage", "Theo quy chế, hôm nay {day}:", day=date_text(today))
        + " "
        + " ".join(lines)
    )


def _later_text(due: Any) -> str:
    day = date_text(due.due_on)
    if due.what == "half_year":
        return tr("RegulationPage", "Sơ kết 6 tháng: hạn {day}.", day=day)
    if due.what == "year_end":
        return tr("RegulationPage", "Tổng kết năm: hạn {day}.", day=day)
    return tr("RegulationPage", "Họp định kỳ tới: hạn {day}.", day=day)


class DueReminder(QLabel):
    """A status-bar notice of meetings and reviews that are near or late.

    Signals:
        shown(list): the items now reminded of (empty: the notice is hidden).
    """

    shown = Signal(list)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        refresh_now: bool = True,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self.items: list[Any] = []
        self.checked_on: dt.date | None = None  # the day the items were worked out for
        self.hide()
        self._timer = QTimer(self, interval=RECHECK_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        bus.data_changed.connect(self._on_data_changed)
        if refresh_now:
            self.refresh()

    def _on_data_changed(self, entities: set[str]) -> None:
        if set(entities) & WATCHED:
            self.refresh()

    def refresh(self) -> None:
        """Ask the regulation what is due today (DB lane)."""
        today = self._clock()
        self._runner.db(
            lambda ctx: ctx.session.meetings_due(today=today),
            on_done=lambda due: self.show_due(due, today),
            on_error=lambda _error: self.show_due([], today),  # no team yet: nothing to say
            owner=self,
        )

    def show_due(self, due: list[Any], today: dt.date) -> None:
        """Show the items near or late, the late ones first; hide when there are none."""
        self.items = sorted(reminders(due, today), key=lambda d: (not d.overdue, d.due_on))
        self.checked_on = today
        lines = [reminder_text(d, today) for d in self.items]
        self.setText(" ".join(lines))
        self.setToolTip("\n".join(lines))
        late = any(d.overdue for d in self.items)
        self.setStyleSheet(LATE_STYLE if late else SOON_STYLE)
        self.setVisible(bool(self.items))
        self.shown.emit(list(self.items))
