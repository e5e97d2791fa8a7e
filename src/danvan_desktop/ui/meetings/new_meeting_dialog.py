"""A new meeting from its template: kind, date and time (dd/MM/yyyy HH:mm), place.

The template (Session.create_meeting) fills the title, the agenda worded by the
team's regulation, the chair (the leader) and the attendance (the roster). A
community meeting (Decree 59/2023, form 03) has its own agenda and counts
households instead of the roster. The meeting is created on the DB lane;
problems are shown beside their fields.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from danvan_desktop.core.vocab import MEETING_KINDS, label
from danvan_desktop.ui.meetings.meeting_header import date_time_edit
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_dialog import FormDialog
from danvan_desktop.ui.widgets.form_widgets import add_row

TEMPLATE_KINDS = ("regular", "adhoc", "half_year", "year_end", "community")
DEFAULT_HOUR = 8


class NewMeetingDialog(FormDialog):
    """Asks for the kind, time and place of a new meeting, then creates it.

    Signals:
        created(str): the new meeting's id.
    """

    created = Signal(str)

    def __init__(
        self, runner: TaskRunner, *, place: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, tr("NewMeetingDialog", "Cuộc họp mới"), parent)
        layout = self.column
        intro = QLabel(
            tr(
                "NewMeetingDialog",
                "Biên bản được lập theo mẫu: tên cuộc họp, các nội dung họp theo quy chế, chủ "
                "trì và danh sách thành viên được điền sẵn, có thể sửa sau.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.community_note = QLabel(
            tr(
                "NewMeetingDialog",
                "Họp cộng đồng dân cư dùng mẫu biên bản số 03 của Nghị định 59/2023/NĐ-CP: "
                "danh sách thành viên không được điền sẵn; hãy ghi tổng số hộ của thôn, tổ dân "
                "phố và số hộ có đại diện dự họp trong biên bản.",
            )
        )
        self.community_note.setWordWrap(True)
        self.community_note.hide()
        layout.addWidget(self.community_note)
        form = self.new_form()
        self.kind = QComboBox()
        for code in TEMPLATE_KINDS:
            self.kind.addItem(label(MEETING_KINDS, code), code)
        self.starts_at = date_time_edit()
        self.starts_at.setDateTime(QDateTime(QDate.currentDate(), QTime(DEFAULT_HOUR, 0)))
        self.place = QLineEdit(place)
        self.place.setMaxLength(300)
        self.place.setPlaceholderText(tr("NewMeetingDialog", "ví dụ: Nhà văn hóa tổ dân phố 5"))
        self.errors = {
            "kind": add_row(form, tr("NewMeetingDialog", "Loại cuộc họp:"), self.kind),
            "starts_at": add_row(
                form, tr("NewMeetingDialog", "Thời gian bắt đầu:"), self.starts_at
            ),
            "place": add_row(form, tr("NewMeetingDialog", "Địa điểm:"), self.place),
        }
        layout.addLayout(form)
        self.buttons = self.add_buttons(
            self.create_meeting, accept_text=tr("NewMeetingDialog", "Lập biên bản")
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        self.community_note.setVisible(self.kind.currentData() == "community")

    def starts(self) -> dt.datetime:
        """The chosen start as a local time."""
        value = self.starts_at.dateTime()
        day, time_ = value.date(), value.time()
        return dt.datetime(day.year(), day.month(), day.day(), time_.hour(), time_.minute())

    def create_meeting(self) -> None:
        """Create the meeting from its template (DB lane)."""
        kind, starts, place = self.kind.currentData(), self.starts(), self.place.text().strip()
        self.run_save(
            lambda ctx: ctx.session.create_meeting(
                kind=kind, starts_at=starts, place=place or None
            ),
            self._created,
        )

    def _created(self, result: object) -> None:
        record_id = str(getattr(result, "record_id", "") or "")
        self.created.emit(record_id)
        self.accept()
