"""Add or change a mediation case: the matter, its parties, who mediated, the outcome.

The form follows the handbook («Hòa giải ở cơ sở»): a short name of the case, its kind
(land, neighbours, family…), what happened, the day of the mediation and who took part
in it; then the outcome (settled, not settled, or passed on to the body with the power
to decide), its day and, when passed on, the body that took it. The body's row shows
once the case is passed on (or when a body is already written). The parties are rows
of their own (``PartyRows``), saved with the case in one call, all or nothing; their
names stay on the team's laptops and the commune's reviewers, and the form says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from danvan_desktop.core.community_schema import MEDIATION
from danvan_desktop.core.vocab import DISPUTE_KINDS, MEDIATION_OUTCOMES, label
from danvan_desktop.ui.petitions.people_rows import PartyRows
from danvan_desktop.ui.petitions.petition_dialog import (
    PeopleDialog,
    long_text_box,
    note_label,
    private_note,
)
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import OptionalDateEdit, add_row

WIDTH = 900  # a party's side, name, address and phone on one line
PASSED_ON = "passed_on"


class MediationDialog(PeopleDialog):
    """Adds a mediation case, or changes one.

    Signals:
        saved(object): the case was saved (the Session's Result).
    """

    saved = Signal(object)
    list_name = "parties"

    def __init__(
        self,
        runner: TaskRunner,
        *,
        sheet: dict[str, Any] | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            tr("MediationDialog", "Vụ việc hòa giải")
            if sheet
            else tr("MediationDialog", "Thêm vụ việc hòa giải")
        )
        super().__init__(runner, title, parent)
        self.sheet = sheet
        self.mediation_id: str | None = str(sheet["id"]) if sheet else None
        self._build()
        self._show(sheet or {"mediated_on": (today or dt.date.today()).isoformat()})
        self.outcome.currentIndexChanged.connect(self._show_passed_to)
        self.add_buttons(self.save, width=WIDTH)
        self.fit(WIDTH)

    def _build(self) -> None:
        form = self.new_form()
        self.form = form
        self.body_column.addLayout(form)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("MediationDialog", "Ví dụ: Tranh chấp lối đi chung"))
        self.dispute_kind = QComboBox()
        for code in DISPUTE_KINDS:
            self.dispute_kind.addItem(label(DISPUTE_KINDS, code), code)
        self.summary = long_text_box()
        self.mediated_on = OptionalDateEdit()
        self.mediated_on.required = True
        self.people = PartyRows()
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(
            tr("MediationDialog", "Ví dụ: Tổ hòa giải, tổ trưởng tổ dân phố, trưởng dòng họ")
        )
        self.outcome = QComboBox()
        self.outcome.addItem(tr("MediationDialog", "(chưa có kết quả)"), None)
        for code in MEDIATION_OUTCOMES:
            self.outcome.addItem(label(MEDIATION_OUTCOMES, code), code)
        self.outcome_on = OptionalDateEdit()
        self.passed_to = QLineEdit()
        self.outcome_note = long_text_box()
        self.errors = {
            "title": add_row(form, tr("MediationDialog", "Vụ việc:"), self.title),
            "dispute_kind": add_row(form, tr("MediationDialog", "Loại việc:"), self.dispute_kind),
            "summary": add_row(form, tr("MediationDialog", "Nội dung vụ việc:"), self.summary),
            "mediated_on": add_row(form, tr("MediationDialog", "Ngày hòa giải:"), self.mediated_on),
        }
        add_row(form, tr("MediationDialog", "Các bên:"), self.people)
        form.addRow("", note_label(private_note("mediation")))
        self.errors["participants"] = add_row(
            form, tr("MediationDialog", "Thành phần tham gia hòa giải:"), self.participants
        )
        self.errors["outcome"] = add_row(form, tr("MediationDialog", "Kết quả:"), self.outcome)
        self.errors["outcome_on"] = add_row(
            form, tr("MediationDialog", "Ngày có kết quả:"), self.outcome_on
        )
        self.errors["passed_to"] = add_row(
            form, tr("MediationDialog", "Nơi chuyển đến:"), self.passed_to
        )
        self.errors["outcome_note"] = add_row(
            form, tr("MediationDialog", "Ghi chú kết quả:"), self.outcome_note
        )
        for edit, name in (
            (self.title, "title"),
            (self.participants, "participants"),
            (self.passed_to, "passed_to"),
        ):
            watch_length(edit, MEDIATION, name)

    def _show(self, sheet: dict[str, Any]) -> None:
        self.title.setText(str(sheet.get("title") or ""))
        kind = sheet.get("dispute_kind")
        self.dispute_kind.setCurrentIndex(max(self.dispute_kind.findData(kind), 0))
        self.summary.setPlainText(str(sheet.get("summary") or ""))
        self.mediated_on.set_value(sheet.get("mediated_on"))
        assert self.people is not None
        self.people.set_people(list(sheet.get("parties") or []))
        self.participants.setText(str(sheet.get("participants") or ""))
        outcome = sheet.get("outcome")
        self.outcome.setCurrentIndex(max(self.outcome.findData(outcome), 0) if outcome else 0)
        self.outcome_on.set_value(sheet.get("outcome_on"))
        self.passed_to.setText(str(sheet.get("passed_to") or ""))
        self.outcome_note.setPlainText(str(sheet.get("outcome_note") or ""))
        self._show_passed_to()

    def _show_passed_to(self) -> None:
        """The body's row: shown once the case is passed on, or while a body is written."""
        shown = self.outcome.currentData() == PASSED_ON or bool(self.passed_to.text().strip())
        holder = self.passed_to.parentWidget()  # the field's row (FieldWithError)
        if holder is not None:
            self.form.setRowVisible(holder, shown)

    # -- saving ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The case's fields as the store takes them."""
        return {
            "title": self.title.text(),
            "dispute_kind": self.dispute_kind.currentData(),
            "summary": self.summary.toPlainText() or None,
            "mediated_on": self.mediated_on.iso(),
            "participants": self.participants.text().strip() or None,
            "outcome": self.outcome.currentData(),
            "outcome_on": self.outcome_on.iso(),
            "passed_to": self.passed_to.text().strip() or None,
            "outcome_note": self.outcome_note.toPlainText() or None,
        }

    def save(self) -> None:
        """Save the case and its parties (DB lane); problems go beside their fields."""
        assert self.people is not None
        self.people.clear_messages()
        mediation_id, values, parties = self.mediation_id, self.values(), self.people.values()
        self.run_save(
            lambda ctx: ctx.session.save_mediation(mediation_id, parties=parties, **values),
            self._saved,
        )

    def _saved(self, result: Any) -> None:
        self.saved.emit(result)
        self.accept()
