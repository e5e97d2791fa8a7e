"""Core's field rules beside the window's fields: the window keeps no limits of its own.

Qt's own limits lose what was typed without a word: ``QLineEdit.setMaxLength``
drops the end of a pasted text (and every line edit cuts at 32,767 characters
unless told otherwise), and a spin box refuses a number out of its range. Here a
field keeps everything typed or pasted, whole, and the field's rule in core
(``FieldSpec.max_length``, ``field_rules.INT_DOMAINS``) is shown beside it, in
the store's own words (``core.coercion.problem_message``), while it is broken;
the store refuses to save it with the same message.

- ``watch_length(edit, entity, field)``: a line edit (or an editable combo box)
  that cuts nothing and says, under the field, how long the text is and how long
  it may be, as soon as it is too long.
- ``NumberEdit(entity, field)``: the box of an ``int`` field in place of a spin box
  (which refuses keys beyond its range and quietly keeps its last number when its
  text is not one): the text stays as typed, the number beyond core's domain, or
  no number at all, is named beside the field, and the store refuses it.
- ``CountDelegate``: the same for an ``int`` cell of a record table (whose default
  editor is a spin box that turns an emptied cell into 0).

The message goes to the ``FieldError`` under the field (the one ``add_row`` or
``FieldWithError`` made), or to the one given.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from danvan_desktop.core import field_rules
from danvan_desktop.core.coercion import coerce_fields, problem_message
from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.schema import ENTITIES, EntitySpec, FieldSpec
from danvan_desktop.core.vntext import normalize_text
from danvan_desktop.ui.widgets.form_widgets import FieldError, FieldWithError
from danvan_desktop.ui.widgets.record_table import ModelIndex, RecordTableModel

NO_CUT = 2**31 - 1  # the most a QLineEdit takes: in effect, no limit
_INT = re.compile(r"[+-]?[0-9]+")  # an integer as typed (ASCII digits only)


def field_spec(entity: EntitySpec | str, name: str) -> FieldSpec:
    """The field ``name`` of ``entity`` (an EntitySpec or its name)."""
    spec = ENTITIES[entity] if isinstance(entity, str) else entity
    return spec.field(name)


def length_problem(spec: FieldSpec, text: str) -> str:
    """Core's message when ``text`` is longer than ``spec`` takes (empty when it fits),
    counted as the store will keep it (NFC, no trailing space), so both say the same."""
    problem = field_rules.text_problem(normalize_text(text), spec.max_length)
    if problem is None or problem.code != field_rules.TOO_LONG:
        return ""
    return problem_message(spec, problem, text)


def error_line_of(widget: QWidget) -> FieldError | None:
    """The error line under ``widget``: that of the nearest ``FieldWithError`` holding it."""
    holder: QWidget | None = widget
    while holder is not None:
        if isinstance(holder, FieldWithError):
            return holder.error
        holder = holder.parentWidget()
    return None


class _Beside:
    """Shows one rule's message on a field's error line, and takes back only its own."""

    def __init__(self, widget: QWidget, error: FieldError | None) -> None:
        self._widget = widget
        self._error = error
        self.shown = ""

    def say(self, message: str) -> None:
        error = self._error or error_line_of(self._widget)
        if error is None:
            return
        if message:
            error.show_message(message)
        elif self.shown and error.text() == self.shown:
            error.clear_message()  # a message about something else stays
        self.shown = message


class LengthWatch(QObject):
    """Watches one line edit's length against its field's ``max_length`` in core."""

    def __init__(self, edit: QLineEdit, spec: FieldSpec, error: FieldError | None = None) -> None:
        super().__init__(edit)
        self.spec = spec
        self._beside = _Beside(edit, error)
        edit.setMaxLength(NO_CUT)
        edit.textChanged.connect(self.check)

    @property
    def message(self) -> str:
        """What is shown beside the field now (empty while the text fits)."""
        return self._beside.shown

    def check(self, text: str) -> None:
        """Show the message while ``text`` is longer than the field may hold."""
        self._beside.say(length_problem(self.spec, text))


def watch_length(
    widget: QLineEdit | QComboBox,
    entity: EntitySpec | str,
    name: str,
    error: FieldError | None = None,
) -> LengthWatch:
    """Let ``widget`` take any length, and say beside it when it is longer than core allows."""
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert edit is not None, "an editable combo box has a line edit"
    return LengthWatch(edit, field_spec(entity, name), error)


class NumberEdit(QLineEdit):
    """The box of an ``int`` field: what is typed stays as typed, and core's domain (or
    "not a number") is said beside it while it is broken; the store refuses it with the
    same words. Up and Down step the number, as a spin box's arrows would."""

    def __init__(
        self,
        entity: EntitySpec | str,
        name: str,
        parent: QWidget | None = None,
        *,
        error: FieldError | None = None,
    ) -> None:
        super().__init__(parent)
        self.entity = ENTITIES[entity] if isinstance(entity, str) else entity
        self.spec = self.entity.field(name)
        self._beside = _Beside(self, error)
        self.setMaxLength(NO_CUT)
        self.textChanged.connect(self.check)

    @property
    def message(self) -> str:
        """What is shown beside the field now (empty while the number is one core takes)."""
        return self._beside.shown

    def minimum(self) -> int:
        """The smallest number the field takes (core's domain)."""
        return field_rules.int_domain(self.spec)[0]

    def maximum(self) -> int:
        """The largest number the field takes (core's domain)."""
        return field_rules.int_domain(self.spec)[1]

    def value(self) -> int | str | None:
        """The number typed; a text that is no number, as typed (the store names it); None
        when empty."""
        text = self.text().strip()
        if not text:
            return None
        return int(text) if _INT.fullmatch(text) else text

    def setValue(self, value: int | str | None) -> None:
        """Show ``value`` (None: empty; a text as it is)."""
        self.setText("" if value is None else str(value))

    def check(self, _text: str = "") -> None:
        """Say beside the field why the text typed is no number the field takes."""
        message = ""
        try:
            coerce_fields(self.entity, {self.spec.name: self.value()})
        except ValidationError as error:
            message = " ".join(p.message for p in error.problems)
        self._beside.say(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down step the number within the domain; other keys type."""
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        value = self.value()
        if step and isinstance(value, int) and self.minimum() <= value + step <= self.maximum():
            self.setValue(value + step)
            self.textEdited.emit(self.text())
            return
        super().keyPressEvent(event)


class CountDelegate(QStyledItemDelegate):
    """Edits an ``int`` cell as typed text, so nothing typed is clamped or turned into 0.

    A plain number goes to the model as usual (the owner saves it and the store checks
    it); anything else (empty, not a number) goes to ``refused_text(record_id, field,
    text)`` as typed, for the owner to send to the store, which names the problem.
    """

    def __init__(
        self,
        model: RecordTableModel,
        refused_text: Callable[[str, str, str | None], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._refused_text = refused_text

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        """A line edit that takes any text."""
        editor = QLineEdit(parent)
        editor.setMaxLength(NO_CUT)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        """The number stored, as text."""
        assert isinstance(editor, QLineEdit)
        value = self._model.rows[index.row()].get(self._model.columns[index.column()].key)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """A number to the model; any other text to the owner as typed."""
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if _INT.fullmatch(text):
            model.setData(index, int(text), Qt.ItemDataRole.EditRole)
            return
        key = self._model.columns[index.column()].key
        self._refused_text(self._model.record_id(index.row()), key, text or None)
