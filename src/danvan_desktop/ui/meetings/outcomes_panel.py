"""What the meeting decided: conclusions in order, and votes with their counts.

A conclusion or a vote is typed below its table and saved at once; those
already written can be corrected in the table. A new vote starts with everyone
present in favour, the usual outcome, so the secretary only changes the counts
that differ. The counts are kept as typed and checked as they are typed, with
the store's own messages beside them (core.meeting_rules): each a count, and in
favour, against and abstaining together at most the people present (households
represented, at a community meeting). A vote already written that counts more
than were present (the attendance changed after it) is named under the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, FieldProblem, ValidationError
from danvan_desktop.core.meeting_rules import (
    COMMUNITY,
    VOTE_COUNTS,
    impossible_votes,
    members_present,
    people_present,
    vote_ceiling,
    vote_problems,
)
from danvan_desktop.core.schema import VOTE
from danvan_desktop.core.validation import coerce_fields
from danvan_desktop.ui.meetings.agenda_panel import next_order, show_problems
from danvan_desktop.ui.meetings.child_rows import ChildRows
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import CountDelegate, watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view, wrap_rows

CONCLUSION_LINES = 2
COUNT_CHARS = 8  # a count's box is this many digits wide (a village's households fit)


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)


class OutcomesPanel(QWidget):
    """Conclusions and votes of one meeting."""

    def __init__(self, writer: ChildRows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.present = 0  # a new vote's count in favour
        self.meeting: dict[str, Any] = {}
        self.attendance: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] | None = None  # the roster «có mặt» counts
        self._typed = False  # the secretary changed the counts of the vote being typed
        self.conclusion_model = RecordTableModel(
            [
                Column(
                    "position_order",
                    tr("OutcomesPanel", "TT"),
                    "int",
                    text=lambda r: str(r.get("position_order") or ""),
                    width=5,
                ),
                Column("content", tr("OutcomesPanel", "Kết luận"), "long_text", True, width=0),
            ],
            self,
        )
        self.vote_model = RecordTableModel(
            [
                Column("subject", tr("OutcomesPanel", "Vấn đề biểu quyết"), editable=True, width=0),
                Column("in_favour", tr("OutcomesPanel", "Tán thành"), "int", True, width=10),
                Column("against", tr("OutcomesPanel", "Không tán thành"), "int", True, width=14),
                Column("abstain", tr("OutcomesPanel", "Không biểu quyết"), "int", True, width=14),
            ],
            self,
        )
        self._build()
        self.conclusion_model.edited.connect(
            lambda rid, key, value: self._update("conclusion", rid, key, value)
        )
        self.vote_model.edited.connect(
            lambda rid, key, value: self._update("vote", rid, key, value)
        )
        writer.rows_changed.connect(self._rows_changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._conclusions_box(), 1)
        layout.addWidget(self._votes_box(), 1)
        self.message = FieldError()
        layout.addWidget(self.message)

    def _conclusions_box(self) -> QGroupBox:
        box = QGroupBox(tr("OutcomesPanel", "Kết luận của cuộc họp"))
        layout = QVBoxLayout(box)
        self.conclusion_table = record_view(self.conclusion_model)
        wrap_rows(self.conclusion_table)
        layout.addWidget(self.conclusion_table, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.conclusion = QPlainTextEdit()
        self.conclusion.setTabChangesFocus(True)
        self.conclusion.setFixedHeight(
            self.conclusion.fontMetrics().lineSpacing() * CONCLUSION_LINES + 12
        )
        self.conclusion_error = add_row(form, tr("OutcomesPanel", "Kết luận mới:"), self.conclusion)
        self.conclusion_entry = QWidget()
        entry = QVBoxLayout(self.conclusion_entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addLayout(form)
        buttons = QHBoxLayout()
        self.add_conclusion_button = QPushButton(tr("OutcomesPanel", "Thêm kết luận"))
        self.remove_conclusion_button = QPushButton(tr("OutcomesPanel", "Xóa kết luận đã chọn"))
        self.add_conclusion_button.clicked.connect(self.add_conclusion)
        self.remove_conclusion_button.clicked.connect(
            lambda: self._remove("conclusion", self.conclusion_table, self.conclusion_model)
        )
        buttons.addWidget(self.add_conclusion_button)
        buttons.addWidget(self.remove_conclusion_button)
        buttons.addStretch(1)
        entry.addLayout(buttons)
        layout.addWidget(self.conclusion_entry)
        return box

    def _votes_box(self) -> QGroupBox:
        box = QGroupBox(tr("OutcomesPanel", "Biểu quyết (nếu có)"))
        layout = QVBoxLayout(box)
        self.vote_table = record_view(self.vote_model)
        count_cells = CountDelegate(
            self.vote_model, lambda rid, key, text: self._update("vote", rid, key, text), self
        )
        for name in VOTE_COUNTS:  # typed as text: an emptied count is not quietly 0
            self.vote_table.setItemDelegateForColumn(self.vote_model.column_of(name), count_cells)
        layout.addWidget(self.vote_table, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.subject = QLineEdit()
        self.vote_errors = {"subject": add_row(form, tr("OutcomesPanel", "Vấn đề:"), self.subject)}
        watch_length(self.subject, VOTE, "subject", self.vote_errors["subject"])
        counts = QHBoxLayout()
        self.in_favour, self.against, self.abstain = QLineEdit(), QLineEdit(), QLineEdit()
        width = self.subject.fontMetrics().horizontalAdvance("0" * COUNT_CHARS) + 16
        for edit, caption in (
            (self.in_favour, tr("OutcomesPanel", "Tán thành:")),
            (self.against, tr("OutcomesPanel", "Không tán thành:")),
            (self.abstain, tr("OutcomesPanel", "Không biểu quyết:")),
        ):
            label = QLabel(caption)
            label.setBuddy(edit)
            edit.setFixedWidth(width)
            edit.textEdited.connect(self._counts_typed)
            counts.addWidget(label)
            counts.addWidget(edit)
        self.add_vote_button = QPushButton(tr("OutcomesPanel", "Thêm biểu quyết"))
        self.add_vote_button.clicked.connect(self.add_vote)
        counts.addWidget(self.add_vote_button)
        holder = QWidget()
        counts.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(counts)
        counts.addStretch(1)
        self.vote_errors["in_favour"] = add_row(form, tr("OutcomesPanel", "Số phiếu:"), holder)
        for name in VOTE_COUNTS[1:]:
            self.vote_errors[name] = self.vote_errors["in_favour"]
        self.vote_entry = QWidget()
        entry = QVBoxLayout(self.vote_entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addLayout(form)
        self.remove_vote_button = QPushButton(tr("OutcomesPanel", "Xóa biểu quyết đã chọn"))
        self.remove_vote_button.clicked.connect(
            lambda: self._remove("vote", self.vote_table, self.vote_model)
        )
        row = QHBoxLayout()
        row.addWidget(self.remove_vote_button)
        row.addStretch(1)
        entry.addLayout(row)
        self.impossible = FieldError()
        layout.addWidget(self.impossible)
        layout.addWidget(self.vote_entry)
        return box

    # -- contents ---------------------------------------------------------------------
    def set_sheet(
        self,
        conclusions: list[dict[str, Any]],
        votes: list[dict[str, Any]],
        attendance: list[dict[str, Any]],
        meeting: Mapping[str, Any],
        members: list[dict[str, Any]] | None = None,
    ) -> None:
        """Show a meeting's conclusions and votes; those present (the team's roster, as
        «có mặt» counts them, and the guests ticked) bound a vote's counts."""
        self.meeting = dict(meeting)
        self.members = list(members) if members is not None else None
        self.conclusion_model.set_rows(conclusions)
        self.vote_model.set_rows(votes)
        self.message.clear_message()
        for error in (self.conclusion_error, *self.vote_errors.values()):
            error.clear_message()
        self.set_attendance(attendance)

    def set_attendance(self, attendance: list[dict[str, Any]]) -> None:
        """Who attends: a new vote starts with them all in favour, and counts at most them."""
        self.attendance = list(attendance)
        self.present = self._everyone_in_favour()
        if not self._typed:  # counts the secretary typed are theirs: never replaced
            self._start_counts()
        self.check_counts()
        self._name_impossible_votes()

    def _start_counts(self) -> None:
        self.in_favour.setText(str(self.present))
        self.against.setText("0")
        self.abstain.setText("0")
        self._typed = False

    def _everyone_in_favour(self) -> int:
        ceiling = vote_ceiling(self.meeting, self._people_present())
        if self.meeting.get("kind") == COMMUNITY:
            return ceiling.limit if ceiling is not None else 0
        # the members «có mặt» counts: guests seldom vote
        return members_present(self.meeting, self.attendance, self.members)

    def _people_present(self) -> int:
        return people_present(self.attendance, self.meeting, self.members)

    def set_meeting(self, meeting: Mapping[str, Any]) -> None:
        """The meeting as now stored (its kind and household counts bound a vote)."""
        self.meeting = dict(meeting)
        self.set_attendance(self.attendance)

    def _counts_typed(self) -> None:
        self._typed = True
        self.check_counts()

    def typed_counts(self) -> dict[str, str | None]:
        """The counts as typed (None where nothing is)."""
        edits = (self.in_favour, self.against, self.abstain)
        return {
            name: edit.text().strip() or None for name, edit in zip(VOTE_COUNTS, edits, strict=True)
        }

    def check_counts(self) -> list[FieldProblem]:
        """Check the counts as typed, beside them, with the store's messages."""
        counts: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, text in self.typed_counts().items():  # each on its own: all can be wrong
            try:
                counts.update(coerce_fields(VOTE, {name: text}))
            except ValidationError as error:
                problems += error.problems
        if not problems:
            ceiling = vote_ceiling(self.meeting, self._people_present())
            problems = vote_problems(counts, ceiling)
        self.vote_errors["in_favour"].show_message(" ".join(p.message for p in problems))
        return problems

    def _name_impossible_votes(self) -> None:
        problems = impossible_votes(
            self.meeting, self.attendance, self.vote_model.rows, self.members
        )
        shown = not self.vote_model.read_only and bool(problems)
        self.impossible.show_message(" ".join(p.message for p in problems) if shown else "")

    def _rows_changed(self, entity: str, rows: object) -> None:
        assert isinstance(rows, list)
        if entity == "conclusion":
            self.conclusion_model.set_rows(rows)
        elif entity == "vote":
            self.vote_model.set_rows(rows)
            self._name_impossible_votes()

    def set_locked(self, locked: bool) -> None:
        """Final minutes: read only, and the adding controls go away."""
        self.conclusion_model.set_read_only(locked)
        self.vote_model.set_read_only(locked)
        self.conclusion_entry.setVisible(not locked)
        self.vote_entry.setVisible(not locked)
        self._name_impossible_votes()

    # -- changes ----------------------------------------------------------------------
    def add_conclusion(self) -> None:
        """Save the conclusion typed below the table."""
        self.conclusion_error.clear_message()
        fields = {
            "content": self.conclusion.toPlainText(),
            "position_order": next_order(self.conclusion_model.rows),
        }
        self._writer.add(
            "conclusion",
            fields,
            on_done=lambda _id: self.conclusion.clear(),
            on_error=lambda e: self.conclusion_error.show_message(_message(e)),
        )

    def add_vote(self) -> None:
        """Save the vote typed below the table."""
        for error in self.vote_errors.values():
            error.clear_message()
        # The counts go as typed: the store reads "12" as 12 and names what it cannot read.
        fields = {"subject": self.subject.text(), **self.typed_counts()}
        self._writer.add("vote", fields, on_done=self._vote_added, on_error=self._vote_failed)

    def _vote_added(self, _record_id: str) -> None:
        self.subject.clear()
        self._start_counts()
        self.check_counts()

    def _vote_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            show_problems(error.problems, self.vote_errors, self.vote_errors["in_favour"])
        else:
            self.message.show_message(_message(error))

    def _update(self, entity: str, record_id: str, key: str, value: object) -> None:
        self.message.clear_message()
        self._writer.update(
            entity,
            record_id,
            {key: value},
            on_error=lambda e: self.message.show_message(_message(e)),
        )

    def _remove(self, entity: str, table: Any, model: RecordTableModel) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            self._writer.delete(entity, model.record_id(rows[0].row()))
