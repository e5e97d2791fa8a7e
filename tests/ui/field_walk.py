"""The table of the every-field walk: each form of record data, how to open it, reach its
fields, save it and read back what the store kept.

A ``Form`` names the class, how to ``prepare`` for one field (the records it edits, made
through the Session on the module's store; a page that lives for the whole field) and
how to ``open`` a fresh form for each case (``Opened``: its root widget, its save as a
user presses it, the read-back through the Session, the tables a refused save must not
change). A ``Field`` says where the input is, its kind, and the core rule it is held to
(``schema.FieldSpec``). Classes under ui/ that hold inputs but no record data are in
``NOT_FORMS`` with the reason; tests/ui/test_every_field.py fails on any other class.
The entries are kept by area: field_walk_records.py (models, tasks, members, the
regulation, settings, the server's address), field_walk_meetings.py and
field_walk_outcomes.py (the new meeting and the minutes editor), field_walk_models.py (a
model's status moves and recognitions), field_walk_exemplars.py
(exemplars and commendations), field_walk_community.py (petitions and mediation cases),
field_walk_wizard.py (the first-run wizard), field_walk_reports.py (what the leader
writes into the periodic report).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from danvan_desktop.core.schema import (
    FieldSpec,
)
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner

from .field_cases import Case, activate, cases_for
from .helpers import WAIT_MS, call, wait_idle

SAVE = QDialogButtonBox.StandardButton.Save
Reader = Callable[[Any, "Field"], Mapping[str, Any] | None]


class Walk:
    """What a form's entry needs from the test: the runner, waits, clicks, the widgets made."""

    def __init__(self, qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp: Path) -> None:
        self.qtbot, self.runner, self.bus, self.tmp = qtbot, runner, bus, tmp
        self._widgets: list[QWidget] = []
        self._cleanups: list[Callable[[], None]] = []

    def call(self, fn: Callable[[Any], Any], runner: TaskRunner | None = None) -> Any:
        """``fn(session)`` on the DB lane; its result."""
        return call(self.qtbot, runner or self.runner, lambda ctx: fn(ctx.session))

    def settle(self, runner: TaskRunner | None = None) -> None:
        """Every job queued so far, and those their answers queued, has come back."""
        for _ in range(2):
            wait_idle(self.qtbot, runner or self.runner)

    def show(
        self,
        widget: QWidget,
        *,
        loaded: SignalInstance | None = None,
        size: tuple[int, int] | None = None,
    ) -> None:
        """Show ``widget`` (waiting for ``loaded``) and bring it to the front."""
        self._widgets.append(widget)
        if size is not None:
            widget.resize(*size)
        if loaded is None:
            widget.show()
        else:
            with self.qtbot.waitSignal(loaded, timeout=WAIT_MS):
                widget.show()
        activate(widget)

    def dialog_from(self, signal: SignalInstance, action: Callable[[], None]) -> Any:
        """The dialog ``signal`` hands over once ``action`` (a click) opens it."""
        with self.qtbot.waitSignal(signal, timeout=WAIT_MS) as blocker:
            action()
        dialog = blocker.args[0]
        self._widgets.append(dialog)
        activate(dialog)
        return dialog

    def click(self, button: QAbstractButton | None) -> None:
        """A left click on ``button`` (it takes the focus, as a real click does)."""
        assert button is not None
        activate(button)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def dismiss(self, widget: QWidget) -> None:
        """Put a form away without its close questions (its answers were read already)."""
        if shiboken6.isValid(widget):
            widget.hide()
            widget.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def later(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` when the field's walk ends."""
        self._cleanups.append(fn)

    def finish(self) -> None:
        """Run the clean-ups (newest first), then put every widget away."""
        while self._cleanups:
            self._cleanups.pop()()
        for widget in reversed(self._widgets):
            self.dismiss(widget)
        self._widgets.clear()
        self.settle()


@dataclass(frozen=True)
class Field:
    """One editable input of a form and the rule it is held to."""

    key: str  # what the form's read-back calls the stored value
    kind: str  # text, long_text, date, datetime, int, real, phone, choice, check, ticks
    widget: Callable[[Any], QWidget]  # the input (a table, for a cell), from the form's root
    spec: FieldSpec | None = None  # core's rule (limits, required, integer domain)
    label: str = ""  # its name in the test's id (default: key)
    via: str = ""  # which of the form's saves writes it, when it has several
    required: bool | None = None  # None: as the spec says
    cell: int | str | None = None  # a column (key, or index of a QTableWidget); row ``row``
    row: int = 0
    error: Callable[[Any], QLabel] | None = None  # its message line, when not its row's own
    value_of: Callable[[Any], Any] | None = None  # the stored value as compared (JSON)
    picked: Callable[[Any], Any] | None = None  # a chosen item's data as stored
    domain: tuple[int, int] | None = None  # when core sets none (laptop settings)
    typical: int | None = None
    cases: Callable[[Any], list[Case]] | None = None  # instead of the kind's cases
    extra: Callable[[Any], list[Case]] | None = None  # after the kind's cases
    options: tuple[str, ...] = ()  # what ``prepare`` should make ("community" …)

    @property
    def name(self) -> str:
        """The field's name in test ids and failure lines."""
        return self.label or self.key

    def all_cases(self, ctx: Any) -> list[Case]:
        """The values to type, for this field prepared as ``ctx``."""
        if self.cases is not None:
            found = self.cases(ctx)
        else:
            required = self.required
            if required is None:
                required = bool(self.spec and self.spec.required)
            found = cases_for(
                self.kind, self.spec, required=required, domain=self.domain, typical=self.typical
            )
        return found + (self.extra(ctx) if self.extra else [])


@dataclass
class Opened:
    """One form opened for one case."""

    root: QWidget  # the instance of the form's class
    save: Callable[[Field], None]  # press its save (or what saves this field) as a user would
    read: Reader  # DB lane: what the store holds for the form, by field key (None: nothing)
    tables: tuple[str, ...]  # what a refused save leaves unchanged
    close: Callable[[], None] = lambda: None
    runner: TaskRunner | None = None  # its own runner, when not the module's


def _nothing(_opened: Opened, _field: Field) -> None:
    return None


def _no_skips(_root: Any) -> dict[str, QWidget]:
    return {}


@dataclass(frozen=True)
class Form:
    """A form of record data in the walk."""

    cls: type[QWidget]
    prepare: Callable[[Walk, Field | None], Any]  # once per field (None: the input census)
    open: Callable[[Walk, Any], Opened]  # a fresh form for each case
    fields: tuple[Field, ...]
    prefill: Callable[[Opened, Field], None] = _nothing  # valid values in the other inputs
    skip: Callable[[Any], dict[str, QWidget]] = field(default=_no_skips)  # inputs of no data


# -- reading back ----------------------------------------------------------------------
def record(entity: str, record_id: str) -> Reader:
    """Read one record."""
    return lambda session, _field: session.get_record(entity, record_id)


def newest(walk: Walk, entity: str, runner: TaskRunner | None = None) -> Reader:
    """Read the record of ``entity`` made after this moment (None when none was)."""
    last = walk.call(
        lambda s: s.store.db.execute(f"SELECT coalesce(max(rowid), 0) FROM {entity}").fetchone()[0],
        runner,
    )

    def read(session: Any, _field: Field) -> Mapping[str, Any] | None:
        rows = session.store.db.query(
            f"SELECT * FROM {entity} WHERE rowid > ? ORDER BY rowid DESC LIMIT 1", [last]
        )
        return next(iter(rows), None)

    return read


def json_list(value: Any) -> Any:
    """A JSON list column as a list."""
    return json.loads(value) if isinstance(value, str) else value


def forms() -> tuple[Form, ...]:
    """Every form of record data under ui/, with its fields."""
    from .field_walk_community import community_forms
    from .field_walk_exemplars import exemplar_forms
    from .field_walk_meetings import meeting_forms
    from .field_walk_models import model_life_forms
    from .field_walk_outcomes import outcome_forms
    from .field_walk_records import record_forms
    from .field_walk_reports import report_forms
    from .field_walk_wizard import wizard_forms

    return (
        *record_forms(),
        *model_life_forms(),
        *meeting_forms(),
        *outcome_forms(),
        *exemplar_forms(),
        *community_forms(),
        *wizard_forms(),
        *report_forms(),
    )


# Classes under ui/ that hold inputs but no record data, and why.
NOT_FORMS: dict[str, str] = {
    "danvan_desktop.ui.team.team_page.TeamPage": "the roster's search box: a filter, never stored",
    "danvan_desktop.ui.tasks.tasks_page.TasksPage": (
        "the search box and the filters; the «Xong» tick is an action (mark done, reopen) "
        "tested in tests/ui/test_tasks_page.py"
    ),
    "danvan_desktop.ui.handbook.handbook_page.HandbookPage": "the handbook's search box",
    "danvan_desktop.ui.meetings.meetings_page.MeetingsPage": "the meeting list's search box",
    "danvan_desktop.ui.models.models_page.ModelsPage": "the model list's search box and filters",
    "danvan_desktop.ui.network.network_page.NetworkPage": (
        "the network library's search box and filters (field, commune, level, year): what is "
        "shown, never stored"
    ),
    "danvan_desktop.ui.exemplars.exemplars_page.ExemplarsPage": (
        "the year shown and the export's format: what is shown, never stored (its dialogs "
        "are walked)"
    ),
    "danvan_desktop.ui.sync.bundle_dialog.BundleDialog": (
        "a USB bundle's file name and passphrase: used once, never stored"
    ),
    "danvan_desktop.ui.reports.issued_list.IssuedList": (
        "the register of issued documents: a read-only table (nothing typed is stored); "
        "re-exporting is tested in tests/reports/test_issued_documents.py"
    ),
    "danvan_desktop.ui.reports.export_dialog.ExportDialog": (
        "the export's file name, formats and numbering: a choice for one export, never stored"
    ),
    "danvan_desktop.ui.reports.report_params.RecordPicker": "a report's record search",
    "danvan_desktop.ui.reports.report_params.PeriodPicker": "a report's period",
    "danvan_desktop.ui.reports.report_params.ReportParams": "a report's year and scope",
    "danvan_desktop.ui.importing.import_dialog.ImportDialog": (
        "the kind of record, the file, its sheet and header row and each column's field: "
        "choices for one import, never stored; the records' values come from the file and are "
        "held to core's rules row by row (tests/importing, tests/ui/test_import_dialog.py)"
    ),
    "danvan_desktop.ui.importing.column_table.ColumnTable": (
        "which field each column of a file being imported fills: a choice for one import"
    ),
    "danvan_desktop.ui.petitions.community_page.CommunityListPage": (
        "the base of the Kiến nghị and Hòa giải pages: a search box and filters, never stored"
    ),
    "danvan_desktop.ui.petitions.petitions_page.PetitionsPage": (
        "the petition list's search box and filters (its form is walked)"
    ),
    "danvan_desktop.ui.mediations.mediations_page.MediationsPage": (
        "the case list's search box and filters (its form is walked)"
    ),
    "danvan_desktop.ui.petitions.people_rows.PeopleRows": (
        "the base of PetitionerRows and PartyRows, walked as those"
    ),
}
