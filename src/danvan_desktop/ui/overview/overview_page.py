"""Tổng quan: the team's figures at a glance and what is due.

Counts, models by field and by status, meetings held in the last twelve months, the
next regular meeting the regulation asks for (and the one planned, never counted as
held), overdue tasks and the petitions past their answer period (a click on one opens
it on the Kiến nghị page). Figures are
read on the read lane whenever the data changes (debounced), never on the GUI
thread. As the start page (the default), it says when its first figures are on
screen (``first_page_painted``): the window's deferred work (the status bar's reads,
the sync scheduler) waits for that, so it neither delays the figures nor freezes
the window they have just been painted in.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.vocab import MODEL_STATUSES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import date_text, number_text, tr
from danvan_desktop.ui.widgets.charts import BarChart, ColumnChart
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.page import Page

REFRESH_DELAY_MS = 300
WATCHED = {"model", "model_field", "meeting", "task", "member", "regulation", "petition"}
PETITIONS_SHOWN = 5  # overdue petitions named in «Việc cần làm»; the rest are counted


class CountCard(QFrame):
    """A big number with its caption.

    Signals:
        painted(): the card has been painted.
    """

    painted = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = heading("–", 1.8)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        """Show the number."""
        self.value.setText(number_text(value))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, then tell (the page's first figures on screen are what start-up waits for)."""
        super().paintEvent(event)
        self.painted.emit()


class OverviewPage(Page):
    """The overview page.

    Signals:
        first_page_painted(): the first figures read have been painted.
    """

    first_page_painted = Signal()

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(runner, bus, parent=parent)
        self.figures: Any = None
        self.refresh_on(WATCHED, REFRESH_DELAY_MS)
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = self.scrolled_column()
        layout.addWidget(heading(tr("OverviewPage", "Tổng quan")))
        cards = QHBoxLayout()
        self.cards = {
            "model": CountCard(tr("OverviewPage", "Mô hình")),
            "member": CountCard(tr("OverviewPage", "Thành viên")),
            "meeting": CountCard(tr("OverviewPage", "Cuộc họp")),
            "task_open": CountCard(tr("OverviewPage", "Nhiệm vụ đang thực hiện")),
        }
        for card in self.cards.values():
            cards.addWidget(card)
        layout.addLayout(cards)
        self.next_meeting = QLabel()
        self.next_meeting.setWordWrap(True)
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        self.overdue.setTextFormat(Qt.TextFormat.PlainText)
        due = QGroupBox(tr("OverviewPage", "Việc cần làm"))
        due_layout = QVBoxLayout(due)
        due_layout.addWidget(self.next_meeting)
        due_layout.addWidget(self.overdue)
        self.petitions = QLabel()
        self.petitions.setWordWrap(True)
        self.petitions.setTextFormat(Qt.TextFormat.RichText)
        self.petitions.linkActivated.connect(self.open_petition)
        due_layout.addWidget(self.petitions)
        layout.addWidget(due)
        grid = QGridLayout()
        self.by_field = BarChart()
        self.by_status = BarChart()
        self.by_month = ColumnChart()
        grid.addWidget(
            self._boxed(tr("OverviewPage", "Mô hình theo lĩnh vực"), self.by_field), 0, 0
        )
        grid.addWidget(
            self._boxed(tr("OverviewPage", "Mô hình theo trạng thái"), self.by_status), 0, 1
        )
        grid.addWidget(
            self._boxed(tr("OverviewPage", "Số cuộc họp trong 12 tháng qua"), self.by_month),
            1,
            0,
            1,
            2,
        )
        layout.addLayout(grid)
        layout.addStretch(1)

    @staticmethod
    def _boxed(title: str, chart: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(chart)
        return box

    def refresh(self) -> None:
        """Read the figures again in the background (a plain reader: loading sqlite-utils
        on the lane would hold up the window's first paint)."""
        self._runner.read(
            lambda ctx: ctx.session.overview_figures(db=ctx.plain_reader),
            on_done=self.show_figures,
            owner=self,
        )

    def show_figures(self, figures: Any) -> None:
        """Fill the cards, reminders and charts."""
        if self.figures is None:  # the first figures: tell once they are on screen
            self.cards["model"].painted.connect(self._first_figures_painted)
            self.cards["model"].update()
        self.figures = figures
        for key, card in self.cards.items():
            card.set_value(figures.counts.get(key, 0))
        self.by_field.set_items([(name, n) for _code, name, n in figures.models_by_field])
        self.by_status.set_items(
            [(label(MODEL_STATUSES, code), n) for code, n in figures.models_by_status]
        )
        self.by_month.set_items(
            [(f"{m.month:02d}/{m.year}", n) for m, n in figures.meetings_by_month]
        )
        self._show_next_meeting(figures)
        self._show_overdue(figures)
        self._show_petitions(figures)

    def _first_figures_painted(self) -> None:
        self.cards["model"].painted.disconnect(self._first_figures_painted)
        QTimer.singleShot(0, self, self.first_page_painted.emit)  # whoever waits hears first

    def _show_next_meeting(self, figures: Any) -> None:
        due = figures.next_meeting
        last = figures.last_meeting_on
        last_text = (
            tr("OverviewPage", "Lần họp định kỳ gần nhất: {day}.", day=date_text(last))
            if last
            else tr("OverviewPage", "Chưa có cuộc họp định kỳ nào.")
        )
        planned = figures.planned_meeting_on
        if planned:
            last_text += " " + tr(
                "OverviewPage", "Đã lên lịch họp định kỳ ngày {day}.", day=date_text(planned)
            )
        if due is None:
            self.next_meeting.setText(last_text)
            self.next_meeting.setStyleSheet("")
            return
        if due.overdue:
            text = tr(
                "OverviewPage",
                "Đã quá hạn họp định kỳ (hạn {day}): hãy tổ chức cuộc họp của kỳ này.",
                day=date_text(due.due_on),
            )
        else:
            text = tr("OverviewPage", "Cuộc họp định kỳ tới: hạn {day}.", day=date_text(due.due_on))
        self.next_meeting.setText(f"{text} {last_text}")
        self.next_meeting.setStyleSheet(ERROR_STYLE if due.overdue else "")

    def _show_overdue(self, figures: Any) -> None:
        if not figures.overdue_count:
            self.overdue.setText(tr("OverviewPage", "Không có nhiệm vụ quá hạn."))
            self.overdue.setStyleSheet("")
            return
        lines = [tr("OverviewPage", "{count} nhiệm vụ quá hạn:", count=figures.overdue_count)]
        for task in figures.overdue_tasks:
            owner = task.get("owner_name") or tr("OverviewPage", "chưa giao người")
            lines.append(
                tr(
                    "OverviewPage",
                    "• {title} — {owner} — hạn {day}",
                    title=task["title"],
                    owner=owner,
                    day=date_text(task.get("deadline")),
                )
            )
        self.overdue.setText("\n".join(lines))
        self.overdue.setStyleSheet(ERROR_STYLE)

    def _show_petitions(self, figures: Any) -> None:
        """The overdue petitions, the first due first, each a link to its form."""
        count, waiting = figures.overdue_petition_count, figures.waiting_petition_count
        page_link = f'<a href="page">{html.escape(tr("OverviewPage", "trang Kiến nghị"))}</a>'
        if not count:
            text = tr(
                "OverviewPage",
                "Không có kiến nghị quá hạn trả lời; {waiting} kiến nghị đang chờ trả lời.",
                waiting=waiting,
            )
            self.petitions.setText(f"{html.escape(text)} ({page_link})")
            self.petitions.setStyleSheet("")
            return
        heading_text = tr("OverviewPage", "{count} kiến nghị quá hạn trả lời:", count=count)
        lines = [html.escape(heading_text)]
        for row in figures.overdue_petitions[:PETITIONS_SHOWN]:
            due = tr("OverviewPage", "hạn {day}", day=date_text(row.get("due_on")))
            target, title = html.escape(str(row["id"])), html.escape(str(row["title"]))
            link = f'<a href="petition:{target}">{title}</a>'
            lines.append(f"• {link} — {html.escape(due)}")
        more = count - min(len(figures.overdue_petitions), PETITIONS_SHOWN)
        if more > 0:
            lines.append(html.escape(tr("OverviewPage", "… và {more} kiến nghị khác.", more=more)))
        lines.append(page_link)
        self.petitions.setText("<br>".join(lines))
        self.petitions.setStyleSheet(ERROR_STYLE)

    def open_petition(self, link: str) -> None:
        """A petition's link: its form on the Kiến nghị page; any other: the page."""
        kind, _, petition_id = link.partition(":")
        if kind == "petition" and petition_id:
            self._bus.record_requested.emit("petitions", petition_id)
        else:
            self._bus.page_requested.emit("petitions")
