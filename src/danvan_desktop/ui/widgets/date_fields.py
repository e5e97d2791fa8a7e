"""Date and date-time fields that read what a leader types, and a calendar to pick from.

A field is a line edit: what is typed stays exactly as typed until it is read
(``core.vndate.parse_typed_date``: "15/03/2026", "15/3/2026", "15032026",
"15-03-2026", "1/3/26"...). Leaving the field writes a date it could read the one
way (dd/MM/yyyy) and keeps anything else as typed, with the reason in
``problem()`` and in ``problem_changed`` (``FieldWithError`` shows it under the
field). ``value()`` is the date typed, or, while the text is not a date, the last
good one (what was loaded, picked or typed and left): an autosaving form keeps
that in the store. A form refuses to save while a field holds text that is not a
date (``refuse_bad_typing``). The calendar opens from the button in the field, or
Alt+Down / F4, at the field's date (today when empty), in the window's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from danvan_desktop.core.vndate import (
    TypedProblem,
    parse_typed_date,
    parse_typed_date_time,
    short_date,
    short_date_time,
)
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.calendar_popup import CalendarPopup, calendar_icon

DEFAULT_TIME = dt.time(8, 0)  # a day picked for an empty date-time field starts at 08:00
MAX_TYPED = 40


def problem_text(problem: TypedProblem) -> str:
    """What to say beside the field about ``problem``: what is wrong and how to write it."""
    p = problem
    messages = {
        "not_a_date": lambda: tr(
            "DateField",
            "«{text}» không phải là ngày: hãy nhập ngày/tháng/năm, ví dụ 15/03/2026.",
            text=p.text,
        ),
        "no_year": lambda: tr(
            "DateField",
            "«{text}» thiếu năm: hãy nhập đủ ngày/tháng/năm, ví dụ 15/03/2026.",
            text=p.text,
        ),
        "year_digits": lambda: tr(
            "DateField",
            "«{text}»: năm cần đủ 4 chữ số (hoặc 2 chữ số cuối), ví dụ 15/03/2026.",
            text=p.text,
        ),
        "year_range": lambda: tr(
            "DateField",
            "«{text}»: năm {year} không hợp lý; hãy nhập năm từ 1900 đến 2099.",
            text=p.text,
            year=p.year,
        ),
        "no_such_month": lambda: tr(
            "DateField",
            "«{text}»: không có tháng {month}; tháng chỉ từ 1 đến 12.",
            text=p.text,
            month=p.month,
        ),
        "no_such_day": lambda: tr(
            "DateField",
            "«{text}» không phải ngày có thật: tháng {month}/{year} chỉ có {last} ngày.",
            text=p.text,
            month=p.month,
            year=p.year,
            last=p.last_day,
        ),
        "not_a_time": lambda: tr(
            "DateField",
            "«{text}» không phải là giờ: hãy nhập giờ:phút, ví dụ 08:30.",
            text=p.text,
        ),
        "no_such_time": lambda: tr(
            "DateField",
            "«{text}» không phải giờ có thật: giờ từ 00:00 đến 23:59.",
            text=p.text,
        ),
        "no_time": lambda: tr(
            "DateField",
            "«{text}» thiếu giờ: hãy nhập cả giờ, ví dụ 15/03/2026 08:30.",
            text=p.text,
        ),
    }
    make = messages.get(p.code)
    if make is not None:
        return make()
    return tr(
        "DateField",
        "«{text}» không phải là ngày giờ: hãy nhập ngày/tháng/năm giờ:phút, "
        "ví dụ 15/03/2026 08:30.",
        text=p.text,
    )


class TypedField(QLineEdit):
    """A line edit holding a typed date (or date-time): the common part of both fields.

    Signals:
        value_changed(): ``value()`` changed (typed, picked or set).
        problem_changed(str): the message to show beside the field ("" hides it).
    """

    value_changed = Signal()
    problem_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, calendar: bool = True) -> None:
        super().__init__(parent)
        self.required = False
        self.in_cell = False  # a table's cell editor: its table reports its problems
        self._good: Any = None  # the last good value: loaded, picked, or typed and left
        self._announced: Any = None
        self._shown = ""
        self.popup: CalendarPopup | None = None
        self.setMaxLength(MAX_TYPED)
        self.calendar_action: QAction | None = None
        if calendar:
            self.calendar_action = self.addAction(
                calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
            )
            self.calendar_action.setToolTip(tr("DateField", "Chọn trên lịch (Alt+↓)"))
            self.calendar_action.triggered.connect(self.open_calendar)
        self.textChanged.connect(self._text_changed)
        self.editingFinished.connect(self.commit)

    # -- what a subclass says ------------------------------------------------------------
    def _parse(self, text: str) -> Any:
        """The value typed in ``text``, None when empty, or a TypedProblem."""
        raise NotImplementedError

    def _format(self, value: Any) -> str:
        """``value`` written the one way the field shows it."""
        raise NotImplementedError

    def _empty_message(self) -> str:
        """What to say when a required field is left empty."""
        raise NotImplementedError

    def _calendar_day(self) -> dt.date:
        """The day the calendar opens at."""
        raise NotImplementedError

    def _picked(self, day: dt.date) -> str:
        """The text a day picked on the calendar puts in the field."""
        raise NotImplementedError

    # -- reading ------------------------------------------------------------------------
    def _typed(self) -> Any:
        """The value of the text as typed: a value, None (empty), or a TypedProblem."""
        return self._parse(self.text())

    def problem(self) -> str:
        """Why the text typed is not a date ("" when it is one, or empty and optional)."""
        typed = self._typed()
        if isinstance(typed, TypedProblem):
            return problem_text(typed)
        if typed is None and self.required:
            return self._empty_message()
        return ""

    def _current(self) -> Any:
        typed = self._typed()
        if isinstance(typed, TypedProblem) or (typed is None and self.required):
            return self._good
        return typed

    # -- changing -----------------------------------------------------------------------
    def _set_good(self, value: Any) -> None:
        self._good = value
        text = "" if value is None else self._format(value)
        if self.text() != text:
            self.setText(text)
        self._show("")
        self._announce()

    def commit(self) -> None:
        """Leaving the field: a date typed is written the one way, anything else is named."""
        message = self.problem()
        if message:
            self._show(message)
            return
        self._set_good(self._typed())

    def show_problem(self) -> str:
        """Show beside the field why its text is not a date (again); returns the message."""
        message = self.problem()
        self._show(message, again=True)
        return message

    def _show(self, message: str, *, again: bool = False) -> None:
        if message != self._shown or (again and message):
            self._shown = message
            self.problem_changed.emit(message)

    def _text_changed(self, _text: str) -> None:
        if self._shown and not self.problem():
            self._show("")  # the text was put right: the message goes at once
        self._announce()

    def _announce(self) -> None:
        value = self._current()
        if value != self._announced:
            self._announced = value
            self.value_changed.emit()

    def setReadOnly(self, read_only: bool) -> None:
        """Lock the field and its calendar."""
        super().setReadOnly(read_only)
        if self.calendar_action is not None:
            self.calendar_action.setEnabled(not read_only)

    # -- calendar -----------------------------------------------------------------------
    def open_calendar(self) -> None:
        """Show the calendar under the field, at its date (today when empty)."""
        if self.isReadOnly() or not self.isEnabled():
            return
        popup = CalendarPopup(self, self._calendar_day())
        popup.picked.connect(self._day_picked)
        popup.destroyed.connect(self._popup_gone)
        self.popup = popup
        popup.adjustSize()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            where.setX(max(screen.left(), min(where.x(), screen.right() - popup.width())))
            if where.y() + popup.height() > screen.bottom():
                where.setY(self.mapToGlobal(QPoint(0, 0)).y() - popup.height())
        popup.move(where)
        popup.show()
        popup.setFocus()

    def _popup_gone(self) -> None:
        self.popup = None

    def _day_picked(self, day: QDate) -> None:
        picked = dt.date(day.year(), day.month(), day.day())
        self.setText(self._picked(picked))
        self.commit()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Down or F4 opens the calendar, as in Qt's own date editors."""
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if (alt_down or event.key() == Qt.Key.Key_F4) and self.calendar_action is not None:
            self.open_calendar()
            return
        super().keyPressEvent(event)


class OptionalDateEdit(TypedField):
    """A date typed as the leader types it, shown dd/MM/yyyy; it may stay empty."""

    def __init__(self, parent: QWidget | None = None, *, calendar: bool = True) -> None:
        super().__init__(parent, calendar=calendar)
        self.setPlaceholderText(tr("DateField", "ngày/tháng/năm"))

    def _parse(self, text: str) -> dt.date | TypedProblem | None:
        return parse_typed_date(text)

    def _format(self, value: Any) -> str:
        assert isinstance(value, dt.date)
        return short_date(value)

    def _empty_message(self) -> str:
        return tr("DateField", "Hãy nhập ngày, ví dụ 15/03/2026.")

    def _calendar_day(self) -> dt.date:
        value = self.value()
        return value if value is not None else dt.date.today()

    def _picked(self, day: dt.date) -> str:
        return short_date(day)

    def value(self) -> dt.date | None:
        """The date typed (or, while the text is not a date, the last good one); None: empty."""
        value = self._current()
        return value if isinstance(value, dt.date) else None

    def set_value(self, value: dt.date | str | None) -> None:
        """Show ``value`` (a date, ISO text, or None for empty)."""
        if isinstance(value, str):
            value = dt.date.fromisoformat(value[:10]) if value else None
        if isinstance(value, dt.datetime):
            value = value.date()
        self._set_good(value)

    def iso(self) -> str | None:
        """The date as ISO text (what the store keeps), or None."""
        value = self.value()
        return value.isoformat() if value else None


class DateTimeEdit(TypedField):
    """A local date and time typed as "15/03/2026 08:30" (or "15/3/2026 8h30"...).

    ``required``: an empty field is a problem (the start of a meeting); otherwise it
    may stay empty (its end). ``suggestion`` is where the calendar opens when empty.
    """

    def __init__(
        self, parent: QWidget | None = None, *, required: bool = False, calendar: bool = True
    ) -> None:
        super().__init__(parent, calendar=calendar)
        self.required = required
        self.suggestion: dt.datetime | None = None
        self.setPlaceholderText(tr("DateField", "ngày/tháng/năm giờ:phút"))

    def _parse(self, text: str) -> dt.datetime | TypedProblem | None:
        return parse_typed_date_time(text)

    def _format(self, value: Any) -> str:
        assert isinstance(value, dt.datetime)
        return short_date_time(value)

    def _empty_message(self) -> str:
        return tr("DateField", "Hãy nhập ngày giờ, ví dụ 15/03/2026 08:30.")

    def _calendar_day(self) -> dt.date:
        moment = self.moment() or self.suggestion
        return moment.date() if moment is not None else dt.date.today()

    def _picked(self, day: dt.date) -> str:
        moment = self.moment() or self.suggestion
        at = moment.time() if moment is not None else DEFAULT_TIME
        return short_date_time(dt.datetime.combine(day, at))

    def _day_picked(self, day: QDate) -> None:
        super()._day_picked(day)
        self.setSelection(len(self.text()) - 5, 5)  # the time, ready to be typed over

    def moment(self) -> dt.datetime | None:
        """The date and time typed (or the last good one while the text is not one)."""
        value = self._current()
        return value if isinstance(value, dt.datetime) else None

    def value(self) -> str | None:
        """The time as the store keeps it (ISO, to the minute), or None when empty."""
        moment = self.moment()
        return moment.isoformat(timespec="minutes") if moment else None

    def set_value(self, value: dt.datetime | str | None) -> None:
        """Show a stored time (ISO text or datetime; None: empty)."""
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value) if value else None
        if value is not None:
            value = value.replace(second=0, microsecond=0, tzinfo=None)
        self._set_good(value)


def typed_fields(root: QWidget) -> list[TypedField]:
    """The date fields of a form (not the cell editors of its tables), in creation order."""
    return [f for f in root.findChildren(TypedField) if not f.in_cell]


def refuse_bad_typing(fields: Iterable[TypedField]) -> bool:
    """Name beside its field every text typed that is not a date, and focus the first.

    True when one was found: the form must not save.
    """
    bad = [f for f in fields if f.isEnabled() and not f.isReadOnly() and f.show_problem()]
    if bad:
        bad[0].setFocus()
    return bool(bad)
