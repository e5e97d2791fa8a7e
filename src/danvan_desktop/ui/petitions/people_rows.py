"""The people of a petition or of a mediation case, typed as rows inside its form.

Who raised a petition (``petitioner``) and the parties of a case (``mediation_party``)
are child records the form saves together with its record, all or nothing
(``Session.save_petition(..., petitioners=...)``). Each person is one row: the side
(parties only), the name, the address and the phone number, a button that takes the
row away, and a message line under it. A row left wholly empty is not a person and is
not sent; a person already saved whose row is emptied or taken away is deleted with
the save. The store names a problem ``petitioners.<position>.<field>``: ``show_problem``
puts it under the row that was sent at that position.

Residents' names stay on the team's laptops and the commune's reviewers
(core/community_schema.py): the forms say so beside the rows. Used by the petition
form (``PetitionerRows``) and the mediation form (``PartyRows``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.community_schema import MEDIATION_PARTY, PETITIONER
from danvan_desktop.core.schema import EntitySpec
from danvan_desktop.core.vocab import PARTY_SIDES, label
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError

TEXT_FIELDS = ("full_name", "address", "phone")
DEFAULT_SIDES = ("first", "second")  # the first two rows of a case; the others «related»
HINT_ROOM = 24  # pixels beside a grey hint (the frame and the text margins)


class PersonRow:
    """The inputs of one person's row (not a widget: the row's widget is ``holder``)."""

    def __init__(self, holder: QWidget, record: dict[str, Any]) -> None:
        self.holder = holder
        self.record_id: str | None = str(record["id"]) if record.get("id") else None
        self.kind: str | None = record.get("kind")  # a petitioner's kind, kept as loaded
        self.side: QComboBox | None = None
        self.full_name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.remove_button = QPushButton()
        self.error = FieldError()

    def is_blank(self) -> bool:
        """Nothing typed in the row's text fields."""
        return not any(getattr(self, name).text().strip() for name in TEXT_FIELDS)

    def values(self) -> dict[str, Any]:
        """The person as the store takes them (``id`` for a person already saved)."""
        values: dict[str, Any] = {
            name: getattr(self, name).text().strip() or None for name in TEXT_FIELDS
        }
        if self.record_id is not None:
            values["id"] = self.record_id
        if self.side is not None:
            values["side"] = self.side.currentData()
        return values


class PeopleRows(QWidget):
    """The rows of the people of one record, and a button adding one.

    Signals:
        rows_changed(int): a row was added or taken away (how many rows now).
    """

    rows_changed = Signal(int)

    def __init__(
        self,
        entity: EntitySpec,
        *,
        with_side: bool,
        add_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entity = entity
        self.with_side = with_side
        self.rows: list[PersonRow] = []
        self._sent: list[PersonRow] = []  # the rows of the last values(), by position
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(2)
        layout.addLayout(self.list_layout)
        self.empty_label = QLabel(tr("PeopleRows", "Chưa ghi ai."))
        layout.addWidget(self.empty_label)
        bar = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self._add_clicked)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)

    # -- rows -----------------------------------------------------------------------------
    def set_people(self, people: list[dict[str, Any]]) -> None:
        """Show these people (as the store holds them), one row each."""
        for row in list(self.rows):
            self._drop(row)
        for person in people:
            self.add_person(person)
        self._changed()

    def add_person(self, person: dict[str, Any] | None = None) -> PersonRow:
        """Add a row (empty, or showing ``person``) at the end."""
        record = dict(person or {})
        holder = QWidget()
        row = PersonRow(holder, record)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        if self.with_side:
            row.side = QComboBox()
            row.side.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.side.addItem(tr("PeopleRows", "(chưa ghi)"), None)  # a party saved without
            for code in PARTY_SIDES:
                row.side.addItem(label(PARTY_SIDES, code), code)
            side = record.get("side") if person is not None else self._default_side()
            row.side.setCurrentIndex(max(row.side.findData(side), 0) if side else 0)
            line.addWidget(row.side)
        hints = (
            (row.full_name, tr("PeopleRows", "Họ và tên"), 3),
            (row.address, tr("PeopleRows", "Địa chỉ"), 3),
            (row.phone, tr("PeopleRows", "Số điện thoại"), 2),
        )
        for (edit, hint, stretch), name in zip(hints, TEXT_FIELDS, strict=True):
            edit.setPlaceholderText(hint)
            edit.setToolTip(hint)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(hint) + HINT_ROOM)
            watch_length(edit, self.entity, name, row.error)
            edit.setText(str(record.get(name) or ""))
            line.addWidget(edit, stretch)
        row.remove_button.setText(tr("PeopleRows", "Bỏ"))
        row.remove_button.setToolTip(tr("PeopleRows", "Bỏ người này khỏi danh sách"))
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        line.addWidget(row.remove_button)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(row.error)
        self.rows.append(row)
        self.list_layout.addWidget(holder)
        self._changed()
        return row

    def remove_row(self, row: PersonRow) -> None:
        """Take a row away (a person already saved is deleted when the form is saved)."""
        if row in self.rows:
            self._drop(row)
            self._changed()

    def _drop(self, row: PersonRow) -> None:
        self.rows.remove(row)
        self.list_layout.removeWidget(row.holder)
        row.holder.hide()
        row.holder.deleteLater()

    def _add_clicked(self) -> None:
        row = self.add_person()
        row.full_name.setFocus()

    def _default_side(self) -> str:
        count = len(self.rows)
        return DEFAULT_SIDES[count] if count < len(DEFAULT_SIDES) else "related"

    def _changed(self) -> None:
        self.empty_label.setVisible(not self.rows)
        self.rows_changed.emit(len(self.rows))

    # -- saving ---------------------------------------------------------------------------
    def values(self) -> list[dict[str, Any]]:
        """The people as the store takes them, in order; wholly empty rows left out."""
        self._sent = [row for row in self.rows if not row.is_blank()]
        return [row.values() for row in self._sent]

    def clear_messages(self) -> None:
        """Hide every row's message."""
        for row in self.rows:
            row.error.clear_message()

    def show_problem(self, position: int, field: str, message: str) -> QWidget | None:
        """Show ``message`` under the row sent at ``position``; returns the field it names
        (None when there is no such row)."""
        if not 0 <= position < len(self._sent) or self._sent[position] not in self.rows:
            return None
        row = self._sent[position]
        shown = row.error.text() if row.error.isVisible() else ""
        row.error.show_message(f"{shown}\n{message}" if shown else message)
        widget = getattr(row, field, None)
        return widget if isinstance(widget, QWidget) else row.full_name


class PetitionerRows(PeopleRows):
    """Who raised a petition: a name, an address and a phone number a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            PETITIONER,
            with_side=False,
            add_text=tr("PeopleRows", "Thêm người kiến nghị"),
            parent=parent,
        )


class PartyRows(PeopleRows):
    """The parties of a mediation case: the side, a name, an address and a phone a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            MEDIATION_PARTY,
            with_side=True,
            add_text=tr("PeopleRows", "Thêm một bên"),
            parent=parent,
        )
