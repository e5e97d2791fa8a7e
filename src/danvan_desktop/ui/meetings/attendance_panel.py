"""Attendance: members ticked present or absent (with the reason), and guests.

The template lists every member as present; the secretary unticks those who
are absent and types why. A team meeting lists every member serving on its day
(core.meeting_roster, from the roster the editor read on the DB lane): a member
without a row shows absent (the chair and secretary present), and ticking one
writes their row. «Có mặt x/y» is counted as the minutes and the periodic report
count it. A community meeting lists its own rows. Members not serving that day
can be added from the roster; guests are typed with their organisation. Every
change is saved at once on the DB lane.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.meeting_roster import members_at, present_of, roster_on
from danvan_desktop.core.meeting_rules import COMMUNITY
from danvan_desktop.core.schema import ATTENDANCE
from danvan_desktop.ui.meetings.agenda_panel import show_problems
from danvan_desktop.ui.meetings.child_rows import ChildRows
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view

ENTITY = "attendance"
# The id of a line shown for a member serving that day with no attendance row yet.
ROSTER_ROW = "roster:"


def attendance_counts(rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(members present, members listed, guests)."""
    members = [r for r in rows if not r.get("is_guest")]
    present = sum(1 for r in members if r.get("present"))
    return present, len(members), len(rows) - len(members)


def _meeting_day(meeting: Mapping[str, Any]) -> dt.date | None:
    text = str(meeting.get("starts_at") or "")[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def roster_sheet(
    meeting: Mapping[str, Any] | None,
    rows: list[dict[str, Any]],
    members: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], int, int]:
    """The lines the panel shows and (members present, members counted).

    A team meeting shows every member serving on its day (a member with no row gets a
    line of its own, id ``roster:<member id>``), then member rows of people off the
    roster, then guests; counted by core.meeting_roster. A community meeting (or one
    not yet read) shows its rows as they are.
    """
    day = _meeting_day(meeting) if meeting is not None else None
    if meeting is None or meeting.get("kind") == COMMUNITY or day is None:
        present, listed, _guests = attendance_counts(rows)
        return rows, present, listed
    by_id = {str(m["id"]): m for m in members}
    counted = members_at(meeting, rows, roster_on(members, day))
    shown: list[dict[str, Any]] = []
    for entry in counted:
        if entry["row"] is not None:
            shown.append(entry["row"])
            continue
        member = by_id.get(str(entry["member_id"]), {})
        shown.append(
            {
                "id": f"{ROSTER_ROW}{entry['member_id']}",
                "member_id": entry["member_id"],
                "name": entry["name"],
                "present": entry["present"],
                "organisation": member.get("organisation") or member.get("position"),
                "absence_reason": None,
                "is_guest": False,
            }
        )
    shown.extend(r for r in rows if r.get("is_guest"))
    present, listed = present_of(counted)
    return shown, present, listed


class AttendancePanel(QWidget):
    """Who attended.

    Signals:
        counts_changed(int, int): members present, members listed.
    """

    counts_changed = Signal(int, int)

    def __init__(self, writer: ChildRows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._members: list[dict[str, Any]] = []
        self._meeting: dict[str, Any] | None = None
        self._rows: list[dict[str, Any]] = []
        self.counts: tuple[int, int] = (0, 0)
        self._locked = False
        self.model = RecordTableModel(
            [
                Column("present", tr("AttendancePanel", "Có mặt"), "check", True, width=8),
                Column("name", tr("AttendancePanel", "Họ và tên"), editable=True, width=24),
                Column(
                    "organisation",
                    tr("AttendancePanel", "Đơn vị, chức vụ"),
                    editable=True,
                    width=28,
                ),
                Column(
                    "absence_reason", tr("AttendancePanel", "Lý do vắng"), editable=True, width=0
                ),
                Column("is_guest", tr("AttendancePanel", "Là"), text=self._who, width=11),
            ],
            self,
        )
        self._build()
        self.model.edited.connect(self._edited)
        writer.rows_changed.connect(self._rows_changed)

    @staticmethod
    def _who(row: dict[str, Any]) -> str:
        if row.get("is_guest"):
            return tr("AttendancePanel", "Khách mời")
        return tr("AttendancePanel", "Thành viên")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        hint = QLabel(
            tr(
                "AttendancePanel",
                "Bỏ dấu «Có mặt» ở người vắng rồi ghi lý do; bấm đúp vào ô để sửa.",
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        self.table = record_view(self.model)
        layout.addWidget(self.table, 1)
        self.remove_button = QPushButton(tr("AttendancePanel", "Bỏ người đã chọn khỏi danh sách"))
        self.remove_button.clicked.connect(self._remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.adding_box = self._adding_box()
        layout.addWidget(self.adding_box)
        self.message = FieldError()
        layout.addWidget(self.message)

    def _adding_box(self) -> QGroupBox:
        box = QGroupBox(tr("AttendancePanel", "Thêm vào danh sách dự họp"))
        form = QFormLayout(box)
        member_row = QHBoxLayout()
        self.member_choice = QComboBox()
        self.member_choice.setPlaceholderText(
            tr("AttendancePanel", "Mọi thành viên của tổ đã có trong danh sách")
        )
        self.add_member_button = QPushButton(tr("AttendancePanel", "Thêm thành viên"))
        self.add_member_button.clicked.connect(self._add_member)
        member_row.addWidget(self.member_choice, 1)
        member_row.addWidget(self.add_member_button)
        holder = QWidget()
        holder.setLayout(member_row)
        member_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("AttendancePanel", "Thành viên của tổ:"), holder)
        self.guest_name = QLineEdit()
        self.guest_organisation = QLineEdit()
        self.guest_organisation.setPlaceholderText(
            tr("AttendancePanel", "ví dụ: Cán bộ Ủy ban Mặt trận Tổ quốc phường")
        )
        self.guest_errors = {
            "name": add_row(form, tr("AttendancePanel", "Tên khách mời:"), self.guest_name),
            "organisation": add_row(
                form, tr("AttendancePanel", "Đơn vị, chức vụ:"), self.guest_organisation
            ),
        }
        watch_length(self.guest_name, ATTENDANCE, "name", self.guest_errors["name"])
        self.add_guest_button = QPushButton(tr("AttendancePanel", "Thêm khách mời"))
        self.add_guest_button.clicked.connect(self._add_guest)
        self.guest_organisation.returnPressed.connect(self._add_guest)
        form.addRow("", self.add_guest_button)
        return box

    # -- contents ---------------------------------------------------------------------
    def set_sheet(
        self,
        rows: list[dict[str, Any]],
        members: list[dict[str, Any]],
        meeting: Mapping[str, Any] | None = None,
    ) -> None:
        """Show a meeting's attendance (the roster on its day for a team meeting) and
        offer the roster's members not listed."""
        self._members = members
        self._meeting = dict(meeting) if meeting is not None else None
        self.message.clear_message()
        self._show(rows)

    def set_meeting(self, meeting: Mapping[str, Any]) -> None:
        """The meeting as now stored (its day, chair and secretary decide who counts)."""
        self._meeting = dict(meeting)
        self._show(self._rows)

    def _rows_changed(self, entity: str, rows: object) -> None:
        if entity == ENTITY:
            assert isinstance(rows, list)
            self._show(rows)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        shown, present, listed_count = roster_sheet(self._meeting, rows, self._members)
        self.model.set_rows(shown)
        listed = {r.get("member_id") for r in shown}
        self.member_choice.clear()
        for member in self._members:
            if member["id"] not in listed:
                self.member_choice.addItem(str(member["full_name"]), member)
        self.add_member_button.setEnabled(self.member_choice.count() > 0)
        self.member_choice.setEnabled(self.member_choice.count() > 0)
        guests = attendance_counts(rows)[2]
        self.counts = (present, listed_count)
        self.summary.setText(
            tr(
                "AttendancePanel",
                "Có mặt {present}/{total} thành viên; {guests} khách mời.",
                present=present,
                total=listed_count,
                guests=guests,
            )
        )
        self.counts_changed.emit(present, listed_count)

    def set_locked(self, locked: bool) -> None:
        """Final minutes: nothing here changes, and the adding controls go away."""
        self._locked = locked
        self.model.set_read_only(locked)
        self.remove_button.setVisible(not locked)
        self.adding_box.setVisible(not locked)

    # -- changes ----------------------------------------------------------------------
    def _edited(self, record_id: str, key: str, value: object) -> None:
        self.message.clear_message()
        fields: dict[str, Any] = {key: value}
        if key == "present" and value:
            fields["absence_reason"] = None
        if record_id.startswith(ROSTER_ROW):
            self._write_roster_line(record_id, fields)
            return
        self._writer.update(ENTITY, record_id, fields, on_error=self._show_error)
        if key == "present" and not value:
            row = self.model.row_of(record_id)
            reason = self.model.index(row, self.model.column_of("absence_reason"))
            self.table.setCurrentIndex(reason)
            self.table.edit(reason)

    def _write_roster_line(self, record_id: str, fields: dict[str, Any]) -> None:
        """A member shown from the roster without a row: the change writes their row."""
        row = self.model.record(self.model.row_of(record_id))
        written = {
            "member_id": row["member_id"],
            "name": row["name"],
            "present": bool(row["present"]),
            "organisation": row.get("organisation"),
            **fields,
        }
        self._writer.add(ENTITY, written, on_error=self._show_error)

    def _add_member(self) -> None:
        self.message.clear_message()
        member = self.member_choice.currentData()
        if not member:
            return
        fields = {
            "member_id": member["id"],
            "name": member["full_name"],
            "present": True,
            "organisation": member.get("organisation") or member.get("position"),
        }
        self._writer.add(ENTITY, fields, on_error=self._show_error)

    def _add_guest(self) -> None:
        for error in self.guest_errors.values():
            error.clear_message()
        fields = {
            "name": self.guest_name.text(),
            "organisation": self.guest_organisation.text(),
            "present": True,
            "is_guest": True,
        }
        self._writer.add(ENTITY, fields, on_done=self._guest_added, on_error=self._guest_failed)

    def _guest_added(self, _record_id: str) -> None:
        self.guest_name.clear()
        self.guest_organisation.clear()
        self.guest_name.setFocus()

    def _guest_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            show_problems(error.problems, self.guest_errors, self.guest_errors["name"])
            self.guest_name.setFocus()
        else:
            self._show_error(error)

    def _remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            record_id = self.model.record_id(rows[0].row())
            if not record_id.startswith(ROSTER_ROW):  # a roster line has no row to remove
                self._writer.delete(ENTITY, record_id)

    def _show_error(self, error: BaseException) -> None:
        text = error.message if isinstance(error, DanvanError) else repr(error)
        self.message.show_message(text)
