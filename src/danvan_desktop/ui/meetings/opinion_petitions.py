"""A meeting opinion made into a petition with one click, and the opinions that already are.

Residents often raise a matter at a meeting; the team then follows it as a petition
(«Kiến nghị»). Under the opinions of the agenda panel, «Chuyển thành kiến nghị» makes
the selected opinion a petition linked to it (``Session.petition_from_opinion``, on the
DB lane) and opens it on the Kiến nghị page (the event bus's ``record_requested``), where
the leader chooses its field and where it goes. An opinion that is a petition already is
marked in the table's «Kiến nghị» column, and the button then opens that petition: a
second click never makes a second one. Final minutes keep the button: an opinion becomes
a petition after the meeting too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.agenda_panel import AgendaPanel
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr

PETITIONS_PAGE = "petitions"


class OpinionPetitions(QObject):
    """The «Chuyển thành kiến nghị» button of an agenda panel, and its marks.

    Signals:
        petition_opened(str): the petition with this id was asked for on the Kiến nghị page.
        marks_shown(): the opinions that are petitions are marked (after each read).
    """

    petition_opened = Signal(str)
    marks_shown = Signal()

    def __init__(self, runner: TaskRunner, bus: EventBus, panel: AgendaPanel) -> None:
        super().__init__(panel)
        self._runner = runner
        self._bus = bus
        self.panel = panel
        self.found: dict[str, str] = {}  # opinion id -> petition id
        self._ids: list[str] = []
        self.button = QPushButton(tr("OpinionPetitions", "Chuyển thành kiến nghị"))
        self.button.setToolTip(
            tr(
                "OpinionPetitions",
                "Ghi ý kiến đã chọn thành một kiến nghị để theo dõi việc chuyển và trả lời.",
            )
        )
        panel.opinion_actions.addWidget(self.button)
        panel.opinion_actions.addStretch(1)
        self.button.clicked.connect(self.convert)
        panel.opinions_changed.connect(self._read)
        panel.opinion_model.modelReset.connect(self._enable)
        panel.opinion_table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        bus.data_changed.connect(self._data_changed)
        self._enable()

    def selected_opinion(self) -> str | None:
        """The id of the opinion selected in the panel's table."""
        rows = self.panel.opinion_table.selectionModel().selectedRows()
        return self.panel.opinion_model.record_id(rows[0].row()) if rows else None

    def _enable(self) -> None:
        chosen = self.selected_opinion()
        self.button.setEnabled(bool(chosen))
        self.button.setText(
            tr("OpinionPetitions", "Mở kiến nghị")
            if chosen in self.found
            else tr("OpinionPetitions", "Chuyển thành kiến nghị")
        )

    # -- which opinions are petitions -----------------------------------------------------
    def _read(self, ids: Any) -> None:
        self._ids = [str(i) for i in ids]
        asked = self._ids
        self._runner.read(
            lambda ctx: ctx.session.petitions_of_opinions(asked, db=ctx.reader),
            on_done=lambda found: self._show(asked, found),
            owner=self,
        )

    def _data_changed(self, entities: object) -> None:
        if isinstance(entities, set | frozenset | list | tuple) and "petition" in entities:
            self._read(self._ids)

    def _show(self, asked: list[str], found: dict[str, str]) -> None:
        if asked is not self._ids:
            return  # an answer about opinions no longer shown
        self.found = dict(found)
        mark = tr("OpinionPetitions", "✓ Đã thành kiến nghị")
        self.panel.petition_marks = {opinion_id: mark for opinion_id in self.found}
        model = self.panel.opinion_model
        last, column = model.rowCount() - 1, model.column_of("petition")
        if last >= 0:
            model.dataChanged.emit(model.index(0, column), model.index(last, column))
        self._enable()
        self.marks_shown.emit()

    # -- one click ------------------------------------------------------------------------
    def convert(self) -> None:
        """Make the selected opinion a petition (or find the one it is) and open it."""
        opinion_id = self.selected_opinion()
        if not opinion_id:
            return
        self.panel.message.clear_message()
        self.button.setEnabled(False)  # one petition per click, however fast the clicks
        self._runner.db(
            lambda ctx: ctx.session.petition_from_opinion(opinion_id),
            on_done=self._made,
            on_error=self._failed,
            owner=self,
        )

    def _made(self, result: Any) -> None:
        petition_id = str(result.record_id)
        if result.changes:
            self._bus.data_changed.emit(set(result.entities))
        self._enable()
        self._bus.record_requested.emit(PETITIONS_PAGE, petition_id)
        self.petition_opened.emit(petition_id)

    def _failed(self, error: BaseException) -> None:
        self._enable()
        text = error.message if isinstance(error, DanvanError) else repr(error)
        self.panel.message.show_message(text)
