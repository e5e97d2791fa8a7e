"""The minutes' own fields: title, kind, start and end, place, chair, secretary, proceedings.

All of them are one record (the meeting), autosaved as one draft while typed.
Times are typed as leaders write them ("25/11/2026 19:30", "25/11/2026 19h30",
"25112026 1930") and shown dd/MM/yyyy HH:mm; a time that is not one is named
beside its field and the draft keeps the last good one. The end time may stay
empty until the meeting ends; it is needed to finalise the minutes. A community meeting (Luật
10/2022/QH15) also shows the village's total households and the households
represented, checked as they are typed with the store's own messages (and a warning
when the households represented are not more than half of the village's). A half-year or
year-end review shows the period it covers (two typed dates); a meeting turned into a
review without one is offered the default period for its day by the regulation's
cut-off days (``cutoffs``, from the meeting's sheet).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.meeting_rules import households_warning
from danvan_desktop.core.schedule import REVIEW_KINDS, Cutoffs, review_period
from danvan_desktop.core.schema import MEETING
from danvan_desktop.core.validation import HOUSEHOLD_FIELDS, coerce_fields, count_problems
from danvan_desktop.core.vocab import MEETING_KINDS, label
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.date_fields import (
    DateTimeEdit,
    OptionalDateEdit,
    refuse_bad_typing,
)
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, FieldWithError

DEFAULT_LENGTH = dt.timedelta(hours=2)
SHORT_TEXT_FIELDS = ("title", "place", "chair", "secretary")
COMMUNITY = "community"
COVERS_FIELDS = ("covers_from", "covers_to")


def date_time_edit(parent: QWidget | None = None) -> DateTimeEdit:
    """A date-time field that must hold a time (typed, or picked on its calendar)."""
    return DateTimeEdit(parent, required=True)


class OptionalDateTimeEdit(DateTimeEdit):
    """A date-time field that may stay empty; its calendar opens at ``suggestion``."""


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
        self.cutoffs = Cutoffs()  # the regulation's: a review's default period
        self._filling = False
        self._build()
        self._connect()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        watch_length(self.title, MEETING, "title")
        self.kind = QComboBox()
        for code in ("regular", "adhoc", "half_year", "year_end", "community"):
            self.kind.addItem(label(MEETING_KINDS, code), code)
        self.starts_at = date_time_edit()
        self.ends_at = OptionalDateTimeEdit()
        self.place = QLineEdit()
        watch_length(self.place, MEETING, "place")
        self.chair = self._person_box("chair")
        self.secretary = self._person_box("secretary")
        self.households_total = self._count_edit()
        self.households_represented = self._count_edit()
        self.household_widgets: list[QWidget] = []
        self.covers_from = OptionalDateEdit()
        self.covers_to = OptionalDateEdit()
        self.covers_widgets: list[QWidget] = []
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
            "covers_from": (5, 0, 1),
            "covers_to": (5, 2, 1),
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
            if name in COVERS_FIELDS:
                self.covers_widgets += [caption, holder]
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
        edit.setPlaceholderText(tr("MeetingHeader", "số hộ, ví dụ 120"))
        return edit

    @staticmethod
    def _person_box(name: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        watch_length(box, MEETING, name)
        return box

    def _connect(self) -> None:
        for edit in (self.title, self.place):
            edit.textEdited.connect(self._user_changed)
        for edit in (self.households_total, self.households_represented):
            edit.textEdited.connect(self._counts_edited)
        for box in (self.chair, self.secretary):
            box.currentTextChanged.connect(self._user_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.starts_at.value_changed.connect(self._start_moved)
        self.ends_at.value_changed.connect(self._user_changed)
        for edit in (self.covers_from, self.covers_to):
            edit.value_changed.connect(self._user_changed)
        self.content.textChanged.connect(self._user_changed)

    def _start_moved(self) -> None:
        self._suggest_end()
        self._user_changed()

    def _suggest_end(self) -> None:
        start = self.starts_at.moment()
        self.ends_at.suggestion = start + DEFAULT_LENGTH if start is not None else None

    def _kind_changed(self) -> None:
        self._show_households()
        self._offer_covers()
        self._user_changed()

    def _show_households(self) -> None:
        community = self.kind.currentData() == COMMUNITY
        for widget in self.household_widgets:
            widget.setVisible(community)
        review = self.kind.currentData() in REVIEW_KINDS
        for widget in self.covers_widgets:
            widget.setVisible(review)
        for edit in (self.covers_from, self.covers_to):
            edit.setEnabled(review)  # a hidden field's typing never holds a save up

    def _offer_covers(self) -> None:
        """A meeting made a review with no period yet: the default one for its day."""
        kind, start = self.kind.currentData(), self.starts_at.moment()
        typed = self.covers_from.text() or self.covers_to.text()
        if kind not in REVIEW_KINDS or start is None or typed:
            return
        first, last = review_period(str(kind), start.date(), self.cutoffs)
        self.covers_from.set_value(first)
        self.covers_to.set_value(last)

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
        if not problems and self.kind.currentData() == COMMUNITY:
            # Not a problem to fix, but the law's bar: said beside the field, saving goes on.
            warning = households_warning({"kind": COMMUNITY, **counts})
            if warning:
                self.errors["households_represented"].show_message(warning)
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
                self.starts_at.set_value(str(values["starts_at"]))
            self._suggest_end()
            self.ends_at.set_value(values.get("ends_at") or None)
            self.place.setText(str(values.get("place") or ""))
            self.chair.setEditText(str(values.get("chair") or ""))
            self.secretary.setEditText(str(values.get("secretary") or ""))
            for name in HOUSEHOLD_FIELDS:
                count = values.get(name)
                self._count_edit_of(name).setText("" if count is None else str(count))
            self.covers_from.set_value(values.get("covers_from") or None)
            self.covers_to.set_value(values.get("covers_to") or None)
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
            "starts_at": self.starts_at.value(),
            "ends_at": self.ends_at.value(),
            "place": self.place.text(),
            "chair": self.chair.currentText(),
            "secretary": self.secretary.currentText(),
            "content": self.content.toPlainText(),
            "covers_from": self.covers_from.iso(),
            "covers_to": self.covers_to.iso(),
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
        for box in (self.starts_at, self.ends_at, self.covers_from, self.covers_to):
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

    def _typed_fields(self) -> list[DateTimeEdit | OptionalDateEdit]:
        fields: list[DateTimeEdit | OptionalDateEdit] = [self.starts_at, self.ends_at]
        if self.kind.currentData() in REVIEW_KINDS:
            fields += [self.covers_from, self.covers_to]
        return fields

    def bad_times(self) -> bool:
        """True while the start, the end or a review's period holds text that is not a date."""
        return any(field.problem() for field in self._typed_fields())

    def refuse_bad_times(self) -> bool:
        """Name beside its field a time typed that is not one (focused); True when one is."""
        return refuse_bad_typing(self._typed_fields())

    def field_widget(self, name: str) -> QWidget:
        """The editor of field ``name``."""
        widget = getattr(self, name, None)
        return widget if isinstance(widget, QWidget) else self.title
