"""Dialogs of a commendation: score a proposal on the checklist, record the decision, and
edit the checklist itself.

Like the exemplar form, each dialog only collects values and emits ``submitted``;
the page saves on the DB lane and then closes the dialog or shows the message.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.vocab import COMMENDATION_LEVELS, commendation_level
from danvan_desktop.ui.exemplars.exemplar_dialog import ID_ROLE, checked_ids, fill_checklist
from danvan_desktop.ui.text import number_text, tr
from danvan_desktop.ui.widgets.date_fields import refuse_bad_typing, typed_fields
from danvan_desktop.ui.widgets.form_widgets import FieldError, OptionalDateEdit, add_row

# Offered in the combos; any other wording can be typed.
FORMS = ("Giấy khen", "Bằng khen", "Giấy chứng nhận", "Biểu dương")
# The levels as documents write them; an older stored «xã» opens as «cấp xã».
LEVELS = COMMENDATION_LEVELS


def _combo(choices: tuple[str, ...], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(choices))
    if current:
        combo.setCurrentText(current)
    return combo


class _SubmitDialog(QDialog):
    """A dialog whose «Lưu» hands values to the page and shows what went wrong.

    Signals:
        submitted(dict): the values to save.
    """

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, FieldError] = {}
        self.message = FieldError()

    def _buttons(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        """What to save."""
        raise NotImplementedError

    def submit(self) -> None:
        """Hand the values to the page."""
        for error in (*self.errors.values(), self.message):
            error.clear_message()
        if refuse_bad_typing(typed_fields(self)):
            return  # a date typed that is not one: named beside it, nothing handed on
        self.submitted.emit(self.values())

    def show_error(self, error: BaseException) -> None:
        """Show why the save failed, beside the fields it names."""
        if isinstance(error, ValidationError):
            for problem in error.problems:
                self.errors.get(problem.field, self.message).show_message(problem.message)
            return
        self.message.show_message(error.message if isinstance(error, DanvanError) else str(error))


class ProposalDialog(_SubmitDialog):
    """Score an exemplar on the checklist and propose a form and level."""

    def __init__(
        self, row: dict[str, Any], checklist: list[Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.checklist = list(checklist)
        self.setWindowTitle(tr("ProposalDialog", "Đề nghị khen thưởng: {name}", name=row["name"]))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("ProposalDialog", "Đánh dấu các tiêu chí đã đạt:")))
        self.criteria = QListWidget()
        ticked = [str(c.get("code")) for c in row.get("criteria") or []]
        fill_checklist(
            self.criteria,
            [
                (c.code, tr("ProposalDialog", "{text} ({points} điểm)", text=c.text,
                            points=number_text(c.points)))
                for c in self.checklist
            ],
            ticked,
        )  # fmt: skip
        self.criteria.itemChanged.connect(lambda _item: self._show_score())
        layout.addWidget(self.criteria, 1)
        self.score = QLabel()
        font = self.score.font()
        font.setBold(True)
        self.score.setFont(font)
        layout.addWidget(self.score)
        form = QFormLayout()
        self.form = _combo(FORMS, row.get("form"))
        self.errors["form"] = add_row(
            form, tr("ProposalDialog", "Hình thức khen thưởng"), self.form
        )
        self.level = _combo(LEVELS, commendation_level(row.get("level")))
        self.errors["level"] = add_row(form, tr("ProposalDialog", "Cấp khen thưởng"), self.level)
        self.achievement = QPlainTextEdit(
            str(row.get("proposal_achievement") or row.get("achievement") or "")
        )
        self.achievement.setFixedHeight(self.fontMetrics().height() * 4)
        self.errors["achievement"] = add_row(
            form, tr("ProposalDialog", "Thành tích đề nghị"), self.achievement
        )
        layout.addLayout(form)
        self._buttons(layout)
        self._show_score()
        self.resize(720, 600)

    def ticked(self) -> list[str]:
        """The codes of the criteria ticked."""
        return checked_ids(self.criteria)

    def score_value(self) -> float:
        """The points of the ticked criteria."""
        chosen = set(self.ticked())
        return float(sum(c.points for c in self.checklist if c.code in chosen))

    def _show_score(self) -> None:
        total = sum(c.points for c in self.checklist)
        self.score.setText(
            tr(
                "ProposalDialog",
                "Tổng điểm: {score}/{total}",
                score=number_text(self.score_value()),
                total=number_text(total),
            )
        )

    def values(self) -> dict[str, Any]:
        """The proposal as the form shows it."""
        return {
            "ticked": self.ticked(),
            "form": self.form.currentText().strip(),
            "level": self.level.currentText().strip(),
            "achievement": self.achievement.toPlainText().strip() or None,
        }


class DecisionDialog(_SubmitDialog):
    """Record the decision on a proposed commendation."""

    def __init__(
        self, row: dict[str, Any], *, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            tr("DecisionDialog", "Quyết định khen thưởng: {name}", name=row["name"])
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.number = QLineEdit(str(row.get("decision_number") or ""))
        self.number.setPlaceholderText(tr("DecisionDialog", "ví dụ 125-QĐ/ĐU"))
        self.errors["decision_number"] = add_row(
            form, tr("DecisionDialog", "Số quyết định"), self.number
        )
        self.date = OptionalDateEdit()
        self.date.set_value(row.get("decision_date") or today)
        self.errors["decision_date"] = add_row(
            form, tr("DecisionDialog", "Ngày quyết định"), self.date
        )
        self.decided_by = QLineEdit(str(row.get("decided_by") or ""))
        self.errors["decided_by"] = add_row(
            form, tr("DecisionDialog", "Cơ quan quyết định"), self.decided_by
        )
        self.form = _combo(FORMS, row.get("form"))
        self.errors["form"] = add_row(
            form, tr("DecisionDialog", "Hình thức khen thưởng"), self.form
        )
        self.level = _combo(LEVELS, commendation_level(row.get("level")))
        self.errors["level"] = add_row(form, tr("DecisionDialog", "Cấp khen thưởng"), self.level)
        layout.addLayout(form)
        self._buttons(layout)
        self.resize(560, 320)

    def values(self) -> dict[str, Any]:
        """The decision as the form shows it."""
        return {
            "decision_number": self.number.text().strip(),
            "decision_date": self.date.iso(),
            "decided_by": self.decided_by.text().strip(),
            # As shown (prefilled from the proposal): emptied, the store refuses it beside
            # the field, since a decision always grants a form at a level.
            "form": self.form.currentText().strip(),
            "level": self.level.currentText().strip(),
        }


class CriteriaDialog(_SubmitDialog):
    """Edit the checklist: one row per criterion, its text and its points."""

    def __init__(self, checklist: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("CriteriaDialog", "Bộ tiêu chí chấm điểm"))
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "CriteriaDialog",
                "Nhập đúng bộ tiêu chí xã, phường ban hành. Đề nghị đã chấm vẫn giữ điểm cũ.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [tr("CriteriaDialog", "Tiêu chí"), tr("CriteriaDialog", "Điểm")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for criterion in checklist:
            self.add_row(criterion.text, number_text(criterion.points), criterion.code)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton(tr("CriteriaDialog", "Thêm tiêu chí"))
        add.clicked.connect(lambda: self.add_row("", "0", ""))
        remove = QPushButton(tr("CriteriaDialog", "Xóa tiêu chí đang chọn"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.total = QLabel()
        row.addWidget(self.total)
        layout.addLayout(row)
        self.table.itemChanged.connect(lambda _item: self._show_total())
        self._buttons(layout)
        self._show_total()
        self.resize(720, 480)

    def add_row(self, text: str, points: str, code: str) -> None:
        """Append a criterion row."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(text)
        item.setData(ID_ROLE, code)
        self.table.setItem(row, 0, item)
        self.table.setItem(row, 1, QTableWidgetItem(points))

    def _show_total(self) -> None:
        total = 0.0
        for item in self.values()["items"]:
            try:
                points = float(str(item["points"]).replace(",", "."))
            except ValueError:
                continue
            if math.isfinite(points):  # «1e999» is refused on saving, not added here
                total += points
        self.total.setText(tr("CriteriaDialog", "Tổng: {total} điểm", total=number_text(total)))

    def values(self) -> dict[str, Any]:
        """The checklist as the table shows it."""
        items = []
        for row in range(self.table.rowCount()):
            text, points = self.table.item(row, 0), self.table.item(row, 1)
            items.append(
                {
                    "code": text.data(ID_ROLE) if text else "",
                    "text": text.text() if text else "",
                    "points": points.text() if points else "0",
                }
            )
        return {"items": items}
