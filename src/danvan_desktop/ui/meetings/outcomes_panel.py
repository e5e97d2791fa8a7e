"""What the meeting decided: conclusions in order, and votes with their counts.

A conclusion or a vote is typed below its table and saved at once; those
already written can be corrected in the table. A new vote starts with everyone
present in favour, the usual outcome, so the secretary only changes the counts
that differ.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.ui.meetings.agenda_panel import next_order
from danvan_desktop.ui.meetings.child_rows import ChildRows
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view, wrap_rows

MAX_VOTES = 100_000
CONCLUSION_LINES = 2


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)


class OutcomesPanel(QWidget):
    """Conclusions and votes of one meeting."""

    def __init__(self, writer: ChildRows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.present = 0
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
        layout.addWidget(self.vote_table, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.subject = QLineEdit()
        self.subject.setMaxLength(500)
        self.vote_errors = {"subject": add_row(form, tr("OutcomesPanel", "Vấn đề:"), self.subject)}
        counts = QHBoxLayout()
        self.in_favour, self.against, self.abstain = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, caption in (
            (self.in_favour, tr("OutcomesPanel", "Tán thành")),
            (self.against, tr("OutcomesPanel", "Không tán thành")),
            (self.abstain, tr("OutcomesPanel", "Không biểu quyết")),
        ):
            spin.setRange(0, MAX_VOTES)
            spin.setPrefix(caption + ": ")
            counts.addWidget(spin)
        self.add_vote_button = QPushButton(tr("OutcomesPanel", "Thêm biểu quyết"))
        self.add_vote_button.clicked.connect(self.add_vote)
        counts.addWidget(self.add_vote_button)
        holder = QWidget()
        counts.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(counts)
        self.vote_errors["in_favour"] = add_row(form, tr("OutcomesPanel", "Số phiếu:"), holder)
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
        layout.addWidget(self.vote_entry)
        return box

    # -- contents ---------------------------------------------------------------------
    def set_sheet(
        self, conclusions: list[dict[str, Any]], votes: list[dict[str, Any]], present: int
    ) -> None:
        """Show a meeting's conclusions and votes; ``present`` starts a new vote's count."""
        self.conclusion_model.set_rows(conclusions)
        self.vote_model.set_rows(votes)
        self.set_present(present)
        self.message.clear_message()

    def set_present(self, present: int) -> None:
        """How many attend: a new vote starts with them all in favour."""
        self.present = present
        if not self.subject.text():
            self.in_favour.setValue(present)

    def _rows_changed(self, entity: str, rows: object) -> None:
        assert isinstance(rows, list)
        if entity == "conclusion":
            self.conclusion_model.set_rows(rows)
        elif entity == "vote":
            self.vote_model.set_rows(rows)

    def set_locked(self, locked: bool) -> None:
        """Final minutes: read only, and the adding controls go away."""
        self.conclusion_model.set_read_only(locked)
        self.vote_model.set_read_only(locked)
        self.conclusion_entry.setVisible(not locked)
        self.vote_entry.setVisible(not locked)

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
        fields = {
            "subject": self.subject.text(),
            "in_favour": self.in_favour.value(),
            "against": self.against.value(),
            "abstain": self.abstain.value(),
        }
        self._writer.add("vote", fields, on_done=self._vote_added, on_error=self._vote_failed)

    def _vote_added(self, _record_id: str) -> None:
        self.subject.clear()
        self.against.setValue(0)
        self.abstain.setValue(0)
        self.in_favour.setValue(self.present)

    def _vote_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            for problem in error.problems:
                target = self.vote_errors.get(problem.field, self.vote_errors["in_favour"])
                target.show_message(problem.message)
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
