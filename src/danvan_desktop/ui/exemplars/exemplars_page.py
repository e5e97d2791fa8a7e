"""Điển hình & khen thưởng: a year's exemplars, their scored proposals and decisions.

Pick a year: the table lists that year's exemplars and where each commendation
stands, and the line above sums it up («3 cá nhân, 1 tập thể được khen thưởng»).
Exemplars cite models and meetings as evidence; a proposal is scored on the
commune's checklist (editable, «Bộ tiêu chí»); a decision records its number,
date and deciding body. The year's proposal list exports through the report
engine on the DB lane, behind a progress window that can be cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.exemplars.commendation_dialogs import (
    CriteriaDialog,
    DecisionDialog,
    ProposalDialog,
)
from danvan_desktop.ui.exemplars.exemplar_dialog import ExemplarDialog
from danvan_desktop.ui.exemplars.exemplar_table import ExemplarTableModel
from danvan_desktop.ui.reports.report_export import FolderChooser, export_document, folder_dialog
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import number_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.one_editor import EditorRegistry
from danvan_desktop.ui.widgets.page import Page

WATCHED = {"exemplar", "commendation", "model", "meeting"}
REFRESH_DELAY_MS = 200
NAME_COLUMN_CHARS = 24  # the widest the name and position columns start
EXPORT_FORMATS = (("docx", "Word (DOCX)"), ("xlsx", "Excel (XLSX)"), ("pdf", "PDF"))


def load_year(year: int | None, today: dt.date) -> Callable[[JobContext], dict[str, Any]]:
    """A read-lane job: the years, and the chosen year's rows and summary."""

    def load(ctx: JobContext) -> dict[str, Any]:
        session, db = ctx.session, ctx.reader
        years = session.commendation_years(today=today, db=db)
        shown = year if year in years else years[0]
        return {
            "years": years,
            "year": shown,
            "rows": session.exemplar_rows(shown, db=db),
            "summary": session.commendation_summary(shown, db=db),
        }

    return load


def summary_text(summary: Any) -> str:
    """«Năm 2023: 30 cá nhân, 2 tập thể được khen thưởng; 3 đề nghị đang chờ quyết định.»"""
    text = tr(
        "ExemplarsPage",
        "Năm {year}: {people} cá nhân, {groups} tập thể được khen thưởng; {waiting} đề nghị "
        "đang chờ quyết định; {count} điển hình.",
        year=summary.year,
        people=number_text(summary.individuals_commended),
        groups=number_text(summary.collectives_commended),
        waiting=number_text(summary.proposed),
        count=number_text(summary.exemplars),
    )
    return str(text)


class ExemplarsPage(Page):
    """The exemplars and commendations page.

    Signals:
        loaded(): the table shows the chosen year.
        dialog_opened(object): a dialog (exemplar, proposal, decision, checklist) opened.
        message_shown(str): a message for the user was shown under the table.
    """

    loaded = Signal()
    dialog_opened = Signal(object)
    message_shown = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, bus, clock=clock, parent=parent)
        self.year: int | None = None
        self.dialog: QDialog | None = None
        # One dialog per exemplar, proposal, decision and the checklist, whatever opens it.
        self.editors = EditorRegistry(self)
        self.choose_folder: FolderChooser = folder_dialog(self)
        self.table_model = ExemplarTableModel(self)
        self._build()
        self.refresh_on(WATCHED, REFRESH_DELAY_MS)
        self.refresh()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.column()
        self.year_combo = QComboBox()
        self.year_combo.activated.connect(lambda _i: self.show_year(self.year_combo.currentData()))
        title = tr("ExemplarsPage", "Điển hình & khen thưởng")
        year = QLabel(tr("ExemplarsPage", "Năm:"))
        layout.addLayout(self.title_row(title, year, self.year_combo))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._build_actions())
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # activated comes with a double-click (and Enter): one signal, one editor
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable_actions())
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.message, 1)
        self.export_format = QComboBox()
        for code, text in EXPORT_FORMATS:
            self.export_format.addItem(text, code)
        bottom.addWidget(self.export_format)
        self.export_button = QPushButton(tr("ExemplarsPage", "Xuất danh sách đề nghị"))
        self.export_button.clicked.connect(self.export_list)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self._enable_actions()

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("ExemplarsPage", "Thêm điển hình (Ctrl+N)"))
        self.edit_button = QPushButton(tr("ExemplarsPage", "Sửa điển hình"))
        self.propose_button = QPushButton(tr("ExemplarsPage", "Chấm điểm, đề nghị khen thưởng"))
        self.decide_button = QPushButton(tr("ExemplarsPage", "Ghi quyết định"))
        self.criteria_button = QPushButton(tr("ExemplarsPage", "Bộ tiêu chí"))
        for button, action in (
            (self.add_button, self.new_record),
            (self.edit_button, self.edit_exemplar),
            (self.propose_button, self.propose),
            (self.decide_button, self.decide),
            (self.criteria_button, self.edit_criteria),
        ):
            button.clicked.connect(action)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _enable_actions(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.propose_button.setEnabled(row is not None and row.get("state") != "decided")
        self.decide_button.setEnabled(row is not None and row.get("state") == "proposed")

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the chosen year again (read lane)."""
        self._runner.read(load_year(self.year, self._clock()), on_done=self._show, owner=self)

    def show_year(self, year: int) -> None:
        """Show the exemplars of ``year``."""
        self.year = int(year)
        self.refresh()

    def _show(self, loaded: dict[str, Any]) -> None:
        self.year = loaded["year"]
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in loaded["years"]:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.year))
        self.year_combo.blockSignals(False)
        self.table_model.set_rows(loaded["rows"])
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        # Long names and positions elide, so that «Thành tích» keeps room for its title
        # and some of its text in a 1280-pixel window.
        widest = self.table.fontMetrics().averageCharWidth() * NAME_COLUMN_CHARS
        for column in (0, 2):  # the name, the position
            header.resizeSection(column, min(header.sectionSize(column), widest))
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(summary_text(loaded["summary"]))
        self._enable_actions()
        self.loaded.emit()

    def selected_row(self) -> dict[str, Any] | None:
        """The exemplar selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table_model.row(rows[0].row()) if rows else None

    def select_name(self, name: str) -> None:
        """Select the row of the exemplar called ``name``."""
        for index, row in enumerate(self.table_model.rows):
            if row["name"] == name:
                self.table.selectRow(index)
                return

    # -- dialogs ----------------------------------------------------------------------
    def _open(
        self,
        dialog: QDialog,
        save: Callable[[dict[str, Any]], Callable[[JobContext], Any]],
        key: Hashable | None = None,
    ) -> None:
        def submitted(values: dict[str, Any]) -> None:
            self._runner.db(
                save(values),
                on_done=lambda result: self._saved(dialog, result),
                on_error=dialog.show_error,  # type: ignore[attr-defined]
                owner=dialog,
            )

        dialog.submitted.connect(submitted)  # type: ignore[attr-defined]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if key is not None:
            self.editors.add(key, dialog)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _not_opened(self, key: Hashable, error: BaseException) -> None:
        """The read a dialog waited for failed: no dialog; the error goes where it would."""
        self.editors.cancel(key)
        self._runner.failed.emit(error)

    def _saved(self, dialog: QDialog, result: Any) -> None:
        dialog.accept()
        changed = set(getattr(result, "entities", set()))
        if changed:
            self._bus.data_changed.emit(changed)
        self.refresh()

    def new_record(self) -> None:
        """Ctrl+N: add an exemplar."""
        self._with_evidence(None)

    def edit_exemplar(self) -> None:
        """Edit the selected exemplar and its evidence."""
        row = self.selected_row()
        if row is not None:
            self._with_evidence(row)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._with_evidence(self.table_model.row(index.row()))

    def _with_evidence(self, row: dict[str, Any] | None) -> None:
        """The exemplar's dialog (None: a new one) once the evidence lists are read; the
        exemplar's dialog already open (or on its way) comes to the front instead."""
        key = ("exemplar", str(row["id"])) if row else None
        if key is not None and not self.editors.begin(key):
            return
        year = self.year or self._clock().year
        self._runner.read(
            lambda ctx: ctx.session.evidence_choices(db=ctx.reader),
            on_done=lambda evidence: self._exemplar_dialog(evidence, row, year, key),
            on_error=lambda error: self._not_opened(key, error),
            owner=self,
        )

    def _exemplar_dialog(
        self, evidence: Any, row: dict[str, Any] | None, year: int, key: Hashable | None
    ) -> None:
        exemplar_id = row["id"] if row else None
        dialog = ExemplarDialog(evidence, record=row, year=year, parent=self)
        self._open(
            dialog,
            lambda values: lambda ctx: ctx.session.save_exemplar(exemplar_id, **values),
            key,
        )

    def propose(self) -> None:
        """Score the selected exemplar on the checklist and propose a commendation."""
        row = self.selected_row()
        if row is None:
            return
        key = ("proposal", str(row["id"]))
        if not self.editors.begin(key):
            return
        self._runner.db(
            lambda ctx: ctx.session.commendation_criteria(),
            on_done=lambda checklist: self._proposal_dialog(row, checklist),
            on_error=lambda error: self._not_opened(key, error),
            owner=self,
        )

    def _proposal_dialog(self, row: dict[str, Any], checklist: list[Any]) -> None:
        dialog = ProposalDialog(row, checklist, parent=self)
        self._open(
            dialog,
            lambda values: (
                lambda ctx: ctx.session.propose_commendation(
                    row["id"], commendation_id=row.get("commendation_id"), **values
                )
            ),
            ("proposal", str(row["id"])),
        )

    def decide(self) -> None:
        """Record the decision on the selected exemplar's proposal."""
        row = self.selected_row()
        if row is None or not row.get("commendation_id"):
            return
        key = ("decision", str(row["commendation_id"]))
        if not self.editors.begin(key):
            return
        dialog = DecisionDialog(row, today=self._clock(), parent=self)
        self._open(
            dialog,
            lambda values: (
                lambda ctx: ctx.session.decide_commendation(row["commendation_id"], **values)
            ),
            key,
        )

    def edit_criteria(self) -> None:
        """Edit the checklist proposals are scored on."""
        key = ("criteria",)
        if not self.editors.begin(key):
            return
        self._runner.db(
            lambda ctx: ctx.session.commendation_criteria(),
            on_done=lambda checklist: self._open(
                CriteriaDialog(checklist, parent=self),
                lambda values: (
                    lambda ctx: ctx.session.change_commendation_criteria(values["items"])
                ),
                key,
            ),
            on_error=lambda error: self._not_opened(key, error),
            owner=self,
        )

    # -- export -----------------------------------------------------------------------
    def export_list(self) -> None:
        """Write the year's proposal list (DOCX, XLSX or PDF) into a chosen folder."""
        export_document(
            self,
            self._runner,
            kind="commendation_list",
            file_format=str(self.export_format.currentData()),
            params={"year": self.year or self._clock().year},
            choose_folder=self.choose_folder,
            report=self._say,
        )

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("" if ok else ERROR_STYLE)
        self.message_shown.emit(text)
