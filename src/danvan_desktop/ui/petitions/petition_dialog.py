"""Add or change a petition: what residents raised, who raised it, where it went, the answer.

The form follows the matter as the handbook tells it («Tiếp nhận và chuyển kiến nghị,
phản ánh của Nhân dân»): received on a day, in a field, raised by a person, a household,
a group of households or someone who asked not to be named; passed on to the body
responsible on a day; answered on a day. Who raised it are rows of their own
(``PetitionerRows``), saved with the petition in one call, all or nothing; their names
stay on the team's laptops and the commune's reviewers, and the form says so. A petition
made from a meeting opinion names that opinion (read only). The day an answer is due
(the regulation's period from the day it was passed on, or received) is shown as the
dates are typed. The store checks everything and its messages go beside their fields,
those about a person under that person's row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.community_schema import DEFAULT_PETITION_ANSWER_DAYS, PETITION
from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.vocab import PETITION_FIELDS, PETITION_RAISED_BY, label
from danvan_desktop.ui.petitions.people_rows import PeopleRows, PetitionerRows
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_dialog import FormDialog
from danvan_desktop.ui.widgets.form_widgets import OptionalDateEdit, add_row

TEXT_LINES = 3
OPINION_CHARS = 200  # of the opinion's words shown in the link
NOTE_STYLE = "color: #44505c;"
WIDTH, HEIGHT = 780, 700


def private_note(kind: str) -> str:
    """Where residents' names go (and where they never go): under the rows of people."""
    if kind == "petition":
        return tr(
            "PetitionDialog",
            "Họ tên, địa chỉ, số điện thoại của người kiến nghị chỉ lưu trên máy của tổ và "
            "đến cán bộ phụ trách của xã, phường khi đồng bộ; không gửi lên máy chủ của "
            "thành phố. Không ghi tên người dân vào ô nội dung hay ô trả lời.",
        )
    return tr(
        "PetitionDialog",
        "Họ tên, địa chỉ, số điện thoại của các bên chỉ lưu trên máy của tổ và đến cán bộ "
        "phụ trách của xã, phường khi đồng bộ; không gửi lên máy chủ của thành phố. Không "
        "ghi tên các bên vào tên hay nội dung vụ việc.",
    )


def note_label(text: str = "") -> QLabel:
    """A grey word-wrapped note."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setStyleSheet(NOTE_STYLE)
    note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return note


def opinion_text(opinion: dict[str, Any]) -> str:
    """The meeting opinion a petition came from, in one line of words."""
    words = " ".join(str(opinion.get("content") or "").split())
    if len(words) > OPINION_CHARS:
        words = words[: OPINION_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return tr(
        "PetitionDialog",
        "Từ ý kiến tại cuộc họp «{meeting}» ngày {day} — {speaker}: «{words}»",
        meeting=opinion.get("meeting_title") or "",
        day=date_text(opinion.get("meeting_on")),
        speaker=opinion.get("speaker") or tr("PetitionDialog", "không rõ người phát biểu"),
        words=words,
    )


def long_text_box() -> QPlainTextEdit:
    """A text box of a few lines, Tab leaving it."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * TEXT_LINES + 12)
    return box


class PeopleDialog(FormDialog):
    """A form with rows of people (a petition, a mediation case): its body scrolls, and the
    store's messages about a person go under that person's row."""

    list_name = ""  # the store's name of the list of people ("petitioners", "parties")

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, title, parent)
        self.people: PeopleRows | None = None
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body_column = QVBoxLayout(self.body)  # the form, then room to spare
        scroll.setWidget(self.body)
        self.column.addWidget(scroll, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def save(self) -> None:
        """Save the form (each dialog says how)."""

    def fit(self, width: int) -> None:
        """As tall as the form, within the screen (room to spare goes under the form)."""
        self.body_column.addStretch(1)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(self.body.sizeHint().height() + 120, HEIGHT)
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def show_failure(self, error: BaseException) -> None:
        """The record's problems beside its fields, a person's under that person's row."""
        prefix = f"{self.list_name}."
        if not isinstance(error, ValidationError) or self.people is None:
            super().show_failure(error)
            return
        own = [p for p in error.problems if not p.field.startswith(prefix)]
        first: QWidget | None = None
        for problem in error.problems:
            if problem.field.startswith(prefix):
                position, _, field = problem.field[len(prefix) :].partition(".")
                shown = self.people.show_problem(int(position), field, problem.message)
                if shown is None:  # no such row any more: say it on the message line
                    own.append(problem)
                first = first or shown
        if own:
            super().show_failure(ValidationError(own))
        else:
            self._busy = False
        if first is not None and not own:
            first.setFocus()


class PetitionDialog(PeopleDialog):
    """Adds a petition, or changes one.

    Signals:
        saved(object): the petition was saved (the Session's Result).
    """

    saved = Signal(object)
    list_name = "petitioners"

    def __init__(
        self,
        runner: TaskRunner,
        *,
        sheet: dict[str, Any] | None = None,
        answer_days: int = DEFAULT_PETITION_ANSWER_DAYS,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            tr("PetitionDialog", "Kiến nghị, phản ánh")
            if sheet
            else tr("PetitionDialog", "Thêm kiến nghị, phản ánh")
        )
        super().__init__(runner, title, parent)
        self.sheet = sheet
        self.petition_id: str | None = str(sheet["id"]) if sheet else None
        self.answer_days = answer_days
        self._build()
        self._show(sheet or {"received_on": (today or dt.date.today()).isoformat()})
        for date in (self.received_on, self.passed_on, self.answered_on):
            date.value_changed.connect(self._show_due)
        self.raised_by.currentIndexChanged.connect(self._show_people_note)
        self.add_buttons(self.save, width=WIDTH)
        self.fit(WIDTH)

    def _build(self) -> None:
        form = self.new_form()
        self.body_column.addLayout(form)
        self.opinion_link = note_label()
        self.opinion_link.hide()
        form.addRow(self.opinion_link)
        self.title = QLineEdit()
        self.details = long_text_box()
        self.received_on = OptionalDateEdit()
        self.received_on.required = True
        self.field_code = QComboBox()
        for code in PETITION_FIELDS:
            self.field_code.addItem(label(PETITION_FIELDS, code), code)
        self.raised_by = QComboBox()
        self.raised_by.addItem(tr("PetitionDialog", "(chưa ghi)"), None)
        for code in PETITION_RAISED_BY:
            self.raised_by.addItem(label(PETITION_RAISED_BY, code), code)
        self.people = PetitionerRows()
        self.people_note = note_label()
        self.passed_to = QLineEdit()
        self.passed_on = OptionalDateEdit()
        self.answer = long_text_box()
        self.answered_on = OptionalDateEdit()
        self.due = note_label()
        self.errors = {
            "title": add_row(
                form, tr("PetitionDialog", "Nội dung kiến nghị, phản ánh:"), self.title
            ),
            "details": add_row(form, tr("PetitionDialog", "Chi tiết:"), self.details),
            "received_on": add_row(form, tr("PetitionDialog", "Ngày tiếp nhận:"), self.received_on),
            "field_code": add_row(form, tr("PetitionDialog", "Lĩnh vực:"), self.field_code),
            "raised_by": add_row(form, tr("PetitionDialog", "Người nêu:"), self.raised_by),
        }
        add_row(form, tr("PetitionDialog", "Người kiến nghị:"), self.people)
        form.addRow("", self.people_note)
        self.errors["passed_to"] = add_row(
            form, tr("PetitionDialog", "Nơi chuyển đến:"), self.passed_to
        )
        self.errors["passed_on"] = add_row(
            form, tr("PetitionDialog", "Ngày chuyển:"), self.passed_on
        )
        self.errors["answer"] = add_row(
            form, tr("PetitionDialog", "Nội dung trả lời:"), self.answer
        )
        self.errors["answered_on"] = add_row(
            form, tr("PetitionDialog", "Ngày nhận trả lời:"), self.answered_on
        )
        form.addRow("", self.due)
        for edit, name in ((self.title, "title"), (self.passed_to, "passed_to")):
            watch_length(edit, PETITION, name)
        self.passed_to.setPlaceholderText(
            tr("PetitionDialog", "Ví dụ: UBND phường, Công ty Điện lực")
        )

    def _show(self, sheet: dict[str, Any]) -> None:
        self.title.setText(str(sheet.get("title") or ""))
        self.details.setPlainText(str(sheet.get("details") or ""))
        self.received_on.set_value(sheet.get("received_on"))
        self.field_code.setCurrentIndex(max(self.field_code.findData(sheet.get("field_code")), 0))
        raised = sheet.get("raised_by")
        self.raised_by.setCurrentIndex(max(self.raised_by.findData(raised), 0) if raised else 0)
        assert self.people is not None
        self.people.set_people(list(sheet.get("petitioners") or []))
        self.passed_to.setText(str(sheet.get("passed_to") or ""))
        self.passed_on.set_value(sheet.get("passed_on"))
        self.answer.setPlainText(str(sheet.get("answer") or ""))
        self.answered_on.set_value(sheet.get("answered_on"))
        opinion = sheet.get("opinion")
        if opinion:
            self.opinion_link.setText(opinion_text(opinion))
            self.opinion_link.show()
        self._show_people_note()
        self._show_due()

    def _show_people_note(self) -> None:
        text = private_note("petition")
        if self.raised_by.currentData() == "undisclosed":
            text = (
                tr(
                    "PetitionDialog",
                    "Người dân đề nghị không nêu tên: không cần ghi ai ở danh sách trên.",
                )
                + " "
                + text
            )
        self.people_note.setText(text)

    def _show_due(self) -> None:
        """The day the answer is due, while none has come."""
        start = self.passed_on.value() or self.received_on.value()
        if self.answered_on.value() is not None or start is None:
            self.due.setText(
                tr("PetitionDialog", "Đã có trả lời.") if self.answered_on.value() else ""
            )
            return
        due = date_text(start + dt.timedelta(days=self.answer_days))
        if self.passed_on.value():
            text = tr(
                "PetitionDialog",
                "Hạn trả lời: {day} ({days} ngày kể từ ngày chuyển, theo quy chế của tổ).",
                day=due,
                days=self.answer_days,
            )
        else:
            text = tr(
                "PetitionDialog",
                "Hạn trả lời: {day} ({days} ngày kể từ ngày tiếp nhận, theo quy chế của tổ).",
                day=due,
                days=self.answer_days,
            )
        self.due.setText(text)

    # -- saving ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The petition's fields as the store takes them."""
        return {
            "title": self.title.text(),
            "details": self.details.toPlainText() or None,
            "received_on": self.received_on.iso(),
            "field_code": self.field_code.currentData(),
            "raised_by": self.raised_by.currentData(),
            "passed_to": self.passed_to.text().strip() or None,
            "passed_on": self.passed_on.iso(),
            "answer": self.answer.toPlainText() or None,
            "answered_on": self.answered_on.iso(),
        }

    def save(self) -> None:
        """Save the petition and who raised it (DB lane); problems go beside their fields."""
        assert self.people is not None
        self.people.clear_messages()
        petition_id, values, people = self.petition_id, self.values(), self.people.values()
        self.run_save(
            lambda ctx: ctx.session.save_petition(petition_id, petitioners=people, **values),
            self._saved,
        )

    def _saved(self, result: Any) -> None:
        self.saved.emit(result)
        self.accept()
