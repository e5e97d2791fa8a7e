"""A new meeting from its template: kind, date and time (typed, shown dd/MM/yyyy HH:mm), place.

The template (Session.create_meeting) fills the title, the agenda worded by the
team's regulation, the chair (the leader) and the attendance (the roster). A
community meeting (the village's, Luật 10/2022/QH15) has its own agenda and counts
households instead of the roster. A half-year or year-end review also asks for
the period it covers, filled in from the regulation's cut-off days for the day it
is held (a year-end review in January covers the year before) and editable: typed
dates follow the start while the leader has not changed them. The meeting is created
on the DB lane; problems are shown beside their fields.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from danvan_desktop.core.schedule import REVIEW_KINDS, Cutoffs, review_period
from danvan_desktop.core.schema import MEETING
from danvan_desktop.core.vocab import MEETING_KINDS, label
from danvan_desktop.ui.meetings.meeting_header import date_time_edit
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.date_fields import OptionalDateEdit
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_dialog import FormDialog
from danvan_desktop.ui.widgets.form_widgets import add_row

TEMPLATE_KINDS = ("regular", "adhoc", "half_year", "year_end", "community")
DEFAULT_HOUR = 8


class NewMeetingDialog(FormDialog):
    """Asks for the kind, time and place of a new meeting, then creates it.

    Signals:
        created(str): the new meeting's id.
        cutoffs_loaded(): the regulation's cut-off days were read (the covered period
            offered is theirs from then on).
    """

    created = Signal(str)
    cutoffs_loaded = Signal()

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
                "Họp cộng đồng dân cư là cuộc họp của thôn, tổ dân phố, do trưởng thôn, tổ "
                "trưởng tổ dân phố chủ trì cùng Ban công tác Mặt trận; biên bản do thôn, tổ dân "
                "phố lập, đếm theo hộ (Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15): danh "
                "sách thành viên không được điền sẵn; hãy ghi tổng số hộ của thôn, tổ dân phố và "
                "số hộ có đại diện dự họp trong biên bản.",
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
        self.starts_at.set_value(dt.datetime.combine(dt.date.today(), dt.time(DEFAULT_HOUR)))
        self.place = QLineEdit(place)
        watch_length(self.place, MEETING, "place")
        self.place.setPlaceholderText(tr("NewMeetingDialog", "ví dụ: Nhà văn hóa tổ dân phố 5"))
        self.cutoffs = Cutoffs()  # the regulation's, once read
        self.covers_from = OptionalDateEdit()
        self.covers_to = OptionalDateEdit()
        for edit in (self.covers_from, self.covers_to):
            edit.required = True  # a review says what it reviews (named when left empty)
        self._covers_typed = False  # the leader changed the period: it no longer follows
        self._suggesting = False
        self.errors = {
            "kind": add_row(form, tr("NewMeetingDialog", "Loại cuộc họp:"), self.kind),
            "starts_at": add_row(
                form, tr("NewMeetingDialog", "Thời gian bắt đầu:"), self.starts_at
            ),
            "covers_from": add_row(
                form, tr("NewMeetingDialog", "Kỳ đánh giá từ ngày:"), self.covers_from
            ),
            "covers_to": add_row(form, tr("NewMeetingDialog", "Đến ngày:"), self.covers_to),
            "place": add_row(form, tr("NewMeetingDialog", "Địa điểm:"), self.place),
        }
        self._form = form
        layout.addLayout(form)
        self.buttons = self.add_buttons(
            self.create_meeting, accept_text=tr("NewMeetingDialog", "Lập biên bản")
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.starts_at.value_changed.connect(self._suggest_covers)
        for edit in (self.covers_from, self.covers_to):
            edit.value_changed.connect(self._covers_changed)
        self._show_covers()
        self.kind.setFocus()
        runner.db(
            lambda ctx: ctx.session.review_cutoffs(),
            on_done=self._cutoffs_read,
            on_error=lambda _error: None,  # no regulation yet: the usual 15/6 and 15/12
            owner=self,
        )

    def _cutoffs_read(self, cutoffs: Cutoffs) -> None:
        self.cutoffs = cutoffs
        self._suggest_covers()
        self.cutoffs_loaded.emit()

    def is_review(self) -> bool:
        """True when the kind chosen reviews a period (half-year or year-end)."""
        return self.kind.currentData() in REVIEW_KINDS

    def _show_covers(self) -> None:
        review = self.is_review()
        for edit in (self.covers_from, self.covers_to):
            edit.setEnabled(review)  # a hidden field's typing never holds the save up
            row = edit.parentWidget()  # its FieldWithError, the row's field
            if row is not None:
                self._form.setRowVisible(row, review)
        self._suggest_covers()

    def _suggest_covers(self) -> None:
        """Offer the default period for the kind and day, until the leader changes it."""
        start = self.starts_at.moment()
        if not self.is_review() or self._covers_typed or start is None:
            return
        first, last = review_period(str(self.kind.currentData()), start.date(), self.cutoffs)
        self._suggesting = True
        try:
            self.covers_from.set_value(first)
            self.covers_to.set_value(last)
        finally:
            self._suggesting = False

    def _covers_changed(self) -> None:
        if not self._suggesting:
            self._covers_typed = True

    def covers(self) -> tuple[dt.date | None, dt.date | None]:
        """The period a review covers as typed (both None for another kind)."""
        if not self.is_review():
            return None, None
        return self.covers_from.value(), self.covers_to.value()

    def _kind_changed(self) -> None:
        self.community_note.setVisible(self.kind.currentData() == "community")
        self._covers_typed = False  # another kind: its own default period
        self._show_covers()
        # Qt grows a window to its minimum, which leaves out how many lines a wrapped
        # note takes at this width: grow to that height, or the rows are squeezed.
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def starts(self) -> dt.datetime:
        """The chosen start as a local time (the last good one while the text is not one)."""
        moment = self.starts_at.moment()
        assert moment is not None  # set when the dialog opens, kept while the text is wrong
        return moment

    def create_meeting(self) -> None:
        """Create the meeting from its template (DB lane)."""
        kind, starts, place = self.kind.currentData(), self.starts(), self.place.text().strip()
        first, last = self.covers()
        self.run_save(
            lambda ctx: ctx.session.create_meeting(
                kind=kind, starts_at=starts, place=place or None, covers_from=first, covers_to=last
            ),
            self._created,
        )

    def _created(self, result: object) -> None:
        record_id = str(getattr(result, "record_id", "") or "")
        self.created.emit(record_id)
        self.accept()
