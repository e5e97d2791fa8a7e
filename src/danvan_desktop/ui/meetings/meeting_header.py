"""The minutes' own fields: title, kind, start and end, place, chair, secretary, proceedings.

All of them are one record (the meeting), autosaved as one draft while typed.
Times are written dd/MM/yyyy HH:mm. The end time may stay empty until the
meeting ends; it is needed to finalise the minutes. A community meeting (Decree
59/2023, form 03) also shows the village's total households and the households
represented, checked as they are typed with the store's own messages.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.schema import MEETING
from danvan_desktop.core.validation import HOUSEHOLD_FIELDS, coerce_fields, count_problems
from danvan_desktop.core.vocab import MEETING_KINDS, label
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import FieldError, FieldWithError

DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
NO_TIME = QDateTime(QDate(1900, 1, 1), QTime(0, 0))
DEFAULT_LENGTH_HOURS = 2
SHORT_TEXT_FIELDS = ("title", "place", "chair", "secretary")
COMMUNITY = "community"


def to_qdatetime(value: str | dt.datetime) -> QDateTime:
    """A stored local time (ISO text) as a QDateTime."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def iso_minutes(value: QDateTime) -> str:
    """A QDateTime as the store keeps a local time: 2026-11-25T08:00."""
    day, time_ = value.date(), value.time()
    return f"{day.year():04d}-{day.month():02d}-{day.day():02d}T" + (
        f"{time_.hour():02d}:{time_.minute():02d}"
    )


def date_time_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    """A dd/MM/yyyy HH:mm editor with a calendar."""
    edit = QDateTimeEdit(parent)
    edit.setDisplayFormat(DATETIME_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class OptionalDateTimeEdit(QDateTimeEdit):
    """A dd/MM/yyyy HH:mm editor that may be empty; touching it starts from a suggestion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATETIME_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDateTime(NO_TIME)
        self.setSpecialValueText(" ")
        self.setDateTime(NO_TIME)
        self.suggestion: QDateTime | None = None

    def value(self) -> str | None:
        """The time as ISO text, or None when empty."""
        if self.dateTime() == NO_TIME:
            return None
        return iso_minutes(self.dateTime())

    def set_value(self, value: str | None) -> None:
        """Show a stored time (None: empty)."""
        self.setDateTime(to_qdatetime(value) if value else NO_TIME)

    def _start_from_suggestion(self) -> None:
        if self.dateTime() == NO_TIME and self.suggestion is not None and not self.isReadOnly():
            self.setDateTime(self.suggestion)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """An empty editor starts at the suggested end, not in 1900."""
        self._start_from_suggestion()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typing into an empty editor starts from the suggestion too."""
        if event.text().strip():
            self._start_from_suggestion()
        super().keyPressEvent(event)


def _label(name: str) -> str:
    from danvan_desktop.core.i18n import tr as core_tr

    return core_tr("fields", MEETING.field(name).label)


class MeetingHeader(QWidget):
    """The meeting's fields with an error line beside each.

    Signals:
        changed(): the user changed a field.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, FieldError] = {}
        self._filling = False
        self._build()
        self._connect()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.title.setMaxLength(MEETING.field("title").max_length or 300)
        self.kind = QComboBox()
        for code in ("regular", "adhoc", "half_year", "year_end", "community"):
            self.kind.addItem(label(MEETING_KINDS, code), code)
        self.starts_at = date_time_edit()
        self.ends_at = OptionalDateTimeEdit()
        self.place = QLineEdit()
        self.place.setMaxLength(MEETING.field("place").max_length or 300)
        self.chair = self._person_box()
        self.secretary = self._person_box()
        self.households_total = self._count_edit()
        self.households_represented = self._count_edit()
        self.household_widgets: list[QWidget] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        # (row, column, span): the title has the whole first line, the rest go in pairs.
        places = {
            "title": (0, 0, 3),
            "kind": (1, 0, 1),
            "place": (1, 2, 1),
            "starts_at": (2, 0, 1),
            "ends_at": (2, 2, 1),
            "chair": (3, 0, 1),
            "secretary": (3, 2, 1),
            "households_total": (4, 0, 1),
            "households_represented": (4, 2, 1),
        }
        for name, (row, column, span) in places.items():
            field = self.field_widget(name)
            holder = FieldWithError(field)
            caption = QLabel(_label(name) + ":")
            caption.setBuddy(field)
            grid.addWidget(caption, row, column)
            grid.addWidget(holder, row, column + 1, 1, span)
            self.errors[name] = holder.error
            if name in HOUSEHOLD_FIELDS:
                self.household_widgets += [caption, holder]
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        caption = QLabel(tr("MeetingHeader", "Diễn biến cuộc họp (ghi theo trình tự):"))
        caption.setContentsMargins(0, 6, 0, 0)
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(self.content.fontMetrics().lineSpacing() * 6)
        self.typing_hint = tr(
            "MeetingHeader",
            "Ghi lại diễn biến cuộc họp. Nội dung được tự động lưu nháp sau mỗi 3 giây.",
        )
        self.content.setPlaceholderText(self.typing_hint)
        caption.setBuddy(self.content)
        layout.addWidget(caption)
        layout.addWidget(self.content, 1)
        self.errors["content"] = FieldError()
        layout.addWidget(self.errors["content"])
        order = [self.field_widget(name) for name in places] + [self.content]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _count_edit() -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(7)
        edit.setPlaceholderText(tr("MeetingHeader", "số hộ, ví dụ 120"))
        return edit

    @staticmethod
    def _person_box() -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = box.lineEdit()
        assert line is not None
        line.setMaxLength(120)
        return box

    def _connect(self) -> None:
        for edit in (self.title, self.place):
            edit.textEdited.connect(self._user_changed)
        for edit in (self.households_total, self.households_represented):
            edit.textEdited.connect(self._counts_edited)
        for box in (self.chair, self.secretary):
            box.currentTextChanged.connect(self._user_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.starts_at.dateTimeChanged.connect(self._start_moved)
        self.ends_at.dateTimeChanged.connect(self._user_changed)
        self.content.textChanged.connect(self._user_changed)

    def _start_moved(self) -> None:
        self.ends_at.suggestion = self.starts_at.dateTime().addSecs(DEFAULT_LENGTH_HOURS * 3600)
        self._user_changed()

    def _kind_changed(self) -> None:
        self._show_households()
        self._user_changed()

    def _show_households(self) -> None:
        community = self.kind.currentData() == COMMUNITY
        for widget in self.household_widgets:
            widget.setVisible(community)

    def _counts_edited(self) -> None:
        self.check_counts()
        self._user_changed()

    def check_counts(self) -> list[FieldProblem]:
        """Check the household counts as typed; each problem is shown beside its field."""
        for name in HOUSEHOLD_FIELDS:
            self.errors[name].clear_message()
        counts: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name in HOUSEHOLD_FIELDS:  # each on its own, so both can be wrong at once
            try:
                counts.update(coerce_fields(MEETING, {name: self._count_text(name)}))
            except ValidationError as error:
                problems += error.problems
        problems += count_problems(MEETING, counts)
        for problem in problems:
            self.errors[problem.field].show_message(problem.message)
        return problems

    def _count_edit_of(self, name: str) -> QLineEdit:
        return self.households_total if name == "households_total" else self.households_represented

    def _count_text(self, name: str) -> str | None:
        return self._count_edit_of(name).text().strip() or None

    def _user_changed(self, *_args: Any) -> None:
        if not self._filling:
            self.changed.emit()

    # -- values -----------------------------------------------------------------------
    def set_members(self, names: list[str]) -> None:
        """Offer these names for chair and secretary (typing another name stays possible)."""
        self._filling = True
        for box in (self.chair, self.secretary):
            text = box.currentText()
            box.clear()
            box.addItems(names)
            box.setEditText(text)
        self._filling = False

    def set_values(self, values: dict[str, Any]) -> None:
        """Show a meeting's values (without announcing a change)."""
        self._filling = True
        try:
            self.title.setText(str(values.get("title") or ""))
            index = self.kind.findData(values.get("kind") or "regular")
            self.kind.setCurrentIndex(max(index, 0))
            if values.get("starts_at"):
                self.starts_at.setDateTime(to_qdatetime(str(values["starts_at"])))
            self.ends_at.suggestion = self.starts_at.dateTime().addSecs(DEFAULT_LENGTH_HOURS * 3600)
            self.ends_at.set_value(values.get("ends_at") or None)
            self.place.setText(str(values.get("place") or ""))
            self.chair.setEditText(str(values.get("chair") or ""))
            self.secretary.setEditText(str(values.get("secretary") or ""))
            for name in HOUSEHOLD_FIELDS:
                count = values.get(name)
                self._count_edit_of(name).setText("" if count is None else str(count))
            self._show_households()
            if self.content.toPlainText() != str(values.get("content") or ""):
                self.content.setPlainText(str(values.get("content") or ""))
        finally:
            self._filling = False
        self.clear_problems()

    def values(self) -> dict[str, Any]:
        """The fields as the store takes them (empty text as None)."""
        values: dict[str, Any] = {
            "title": self.title.text(),
            "kind": self.kind.currentData(),
            "starts_at": iso_minutes(self.starts_at.dateTime()),
            "ends_at": self.ends_at.value(),
            "place": self.place.text(),
            "chair": self.chair.currentText(),
            "secretary": self.secretary.currentText(),
            "content": self.content.toPlainText(),
        }
        # Counts go as typed: the store turns "120" into 120 and names what it cannot read.
        for name in HOUSEHOLD_FIELDS:
            values[name] = self._count_text(name)
        for name in SHORT_TEXT_FIELDS:
            values[name] = values[name].strip() or None
        if not values["content"].strip():
            values["content"] = None
        return values

    def set_read_only(self, read_only: bool) -> None:
        """Lock the fields (final minutes) or unlock them."""
        for edit in (self.title, self.place, self.households_total, self.households_represented):
            edit.setReadOnly(read_only)
        self.content.setReadOnly(read_only)
        self.content.setPlaceholderText("" if read_only else self.typing_hint)
        for box in (self.starts_at, self.ends_at):
            box.setReadOnly(read_only)
        for combo in (self.kind, self.chair, self.secretary):
            combo.setEnabled(not read_only)

    # -- problems ---------------------------------------------------------------------
    def show_problems(self, problems: list[FieldProblem]) -> list[str]:
        """Show each problem under its field; returns the fields it could not place."""
        self.clear_problems()
        unplaced = []
        for problem in problems:
            error = self.errors.get(problem.field)
            if error is None:
                unplaced.append(problem.message)
            else:
                error.show_message(problem.message)
        if problems and problems[0].field in self.errors:
            self.field_widget(problems[0].field).setFocus()
        return unplaced

    def clear_problems(self) -> None:
        """Hide every error line."""
        for error in self.errors.values():
            error.clear_message()

    def field_widget(self, name: str) -> QWidget:
        """The editor of field ``name``."""
        widget = getattr(self, name, None)
        return widget if isinstance(widget, QWidget) else self.title
