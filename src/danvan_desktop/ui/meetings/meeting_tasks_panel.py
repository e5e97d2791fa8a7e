"""Tasks given at the meeting: what, who (from the roster, or a name typed), by when.

A task is typed below the table and saved at once; its deadline cannot be
before the meeting (the store says so beside the deadline). Tasks are then
followed up on the «Nhiệm vụ» page, where they are marked done.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.schema import TASK
from danvan_desktop.core.vocab import TASK_STATUSES, label
from danvan_desktop.ui.meetings.child_rows import ChildRows
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.date_fields import refuse_bad_typing
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, OptionalDateEdit, add_row
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view

ENTITY = "task"


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)


def owner_box(parent: QWidget | None = None) -> QComboBox:
    """An owner picker: a member of the roster, or a name typed in."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    line = box.lineEdit()
    assert line is not None
    watch_length(box, TASK, "owner_name")
    line.setPlaceholderText(tr("MeetingTasksPanel", "Chọn thành viên hoặc gõ tên"))
    return box


def fill_owner_box(box: QComboBox, members: list[dict[str, Any]]) -> None:
    """Offer the roster's members (their ids as item data)."""
    box.clear()
    for member in members:
        box.addItem(str(member["full_name"]), str(member["id"]))
    box.setCurrentIndex(-1)
    box.setEditText("")


def chosen_owner(box: QComboBox) -> dict[str, Any]:
    """The owner fields: the member's id when the name is one of the roster's."""
    name = box.currentText().strip()
    index = box.findText(name)
    member_id = box.itemData(index) if index >= 0 else None
    return {"owner_name": name or None, "owner_member_id": member_id}


class MeetingTasksPanel(QWidget):
    """The tasks one meeting gave."""

    def __init__(self, writer: ChildRows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.model = RecordTableModel(
            [
                Column("title", tr("MeetingTasksPanel", "Nhiệm vụ"), editable=True, width=0),
                Column("owner_name", tr("MeetingTasksPanel", "Người phụ trách"), width=24),
                Column("deadline", tr("MeetingTasksPanel", "Thời hạn"), "date", True, width=13),
                Column(
                    "status",
                    tr("MeetingTasksPanel", "Tình trạng"),
                    text=lambda r: label(TASK_STATUSES, str(r.get("status") or "open")),
                    width=16,
                ),
            ],
            self,
        )
        self._build()
        self.model.edited.connect(self._edited)
        self.model.refused.connect(lambda _id, _key, text: self.message.show_message(text))
        writer.rows_changed.connect(self._rows_changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.table = record_view(self.model)
        layout.addWidget(self.table, 1)
        self.entry = QWidget()
        entry = QVBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        self.remove_button = QPushButton(tr("MeetingTasksPanel", "Xóa nhiệm vụ đã chọn"))
        self.remove_button.clicked.connect(self._remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        entry.addLayout(row)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        watch_length(self.title, TASK, "title")
        self.owner = owner_box()
        self.deadline = OptionalDateEdit()
        self.deadline.setMaximumWidth(self.deadline.fontMetrics().averageCharWidth() * 20)
        self.errors = {
            "title": add_row(form, tr("MeetingTasksPanel", "Nhiệm vụ mới:"), self.title),
            "owner_name": add_row(form, tr("MeetingTasksPanel", "Người phụ trách:"), self.owner),
            "deadline": add_row(form, tr("MeetingTasksPanel", "Thời hạn:"), self.deadline),
        }
        self.add_button = QPushButton(tr("MeetingTasksPanel", "Giao nhiệm vụ"))
        self.add_button.clicked.connect(self.add_task)
        form.addRow("", self.add_button)
        entry.addLayout(form)
        layout.addWidget(self.entry)
        note = QLabel(
            tr(
                "MeetingTasksPanel",
                "Theo dõi và đánh dấu hoàn thành ở mục «Nhiệm vụ».",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.message = FieldError()
        layout.addWidget(self.message)
        for first, second in (
            (self.title, self.owner),
            (self.owner, self.deadline),
            (self.deadline, self.add_button),
        ):
            QWidget.setTabOrder(first, second)

    # -- contents ---------------------------------------------------------------------
    def set_sheet(self, tasks: list[dict[str, Any]], members: list[dict[str, Any]]) -> None:
        """Show a meeting's tasks and offer its roster as owners."""
        self.model.set_rows(tasks)
        fill_owner_box(self.owner, members)
        self.message.clear_message()
        for error in self.errors.values():
            error.clear_message()

    def _rows_changed(self, entity: str, rows: object) -> None:
        if entity == ENTITY:
            assert isinstance(rows, list)
            self.model.set_rows(rows)

    def set_locked(self, locked: bool) -> None:
        """Final minutes: read only (follow-up happens on the tasks page)."""
        self.model.set_read_only(locked)
        self.entry.setVisible(not locked)

    # -- changes ----------------------------------------------------------------------
    def add_task(self) -> None:
        """Save the task typed below the table."""
        for error in self.errors.values():
            error.clear_message()
        if refuse_bad_typing([self.deadline]):
            return  # a deadline typed that is not a date: named beside it, not added
        fields = {
            "title": self.title.text(),
            "deadline": self.deadline.iso(),
            "status": "open",
            **chosen_owner(self.owner),
        }
        self._writer.add(ENTITY, fields, on_done=self._added, on_error=self._failed)

    def _added(self, _record_id: str) -> None:
        self.title.clear()
        self.owner.setCurrentIndex(-1)
        self.owner.setEditText("")
        self.deadline.set_value(None)
        self.title.setFocus()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            self.message.show_message(_message(error))
            return
        for problem in error.problems:
            field = "owner_name" if problem.field == "owner_member_id" else problem.field
            self.errors.get(field, self.errors["title"]).show_message(problem.message)
        first = error.problems[0].field if error.problems else "title"
        {"deadline": self.deadline, "owner_name": self.owner}.get(first, self.title).setFocus()

    def _edited(self, record_id: str, key: str, value: object) -> None:
        self.message.clear_message()
        self._writer.update(
            ENTITY,
            record_id,
            {key: value},
            on_error=lambda e: self.message.show_message(_message(e)),
        )

    def _remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._writer.delete(ENTITY, self.model.record_id(rows[0].row()))
