"""Agenda items with their notes, and the opinions given on each, by speaker.

The agenda comes from the meeting's template; items can be added and removed.
An item's title and notes are free text typed during the meeting: they are
autosaved as the item's draft (``draft_changed``), like the proceedings. An
opinion is typed below the list (speaker and what they said) and saved at once;
opinions already written can be corrected in the table. Opinions given outside
any agenda item are under «Ý kiến khác».
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, FieldProblem, ValidationError
from danvan_desktop.core.schema import AGENDA_ITEM, OPINION
from danvan_desktop.ui.meetings.child_rows import ChildRows
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view, wrap_rows

OTHER = ""  # the id of the «other opinions» entry (opinions on no agenda item)
NOTE_LINES = 4
OPINION_LINES = 3


def next_order(rows: list[dict[str, Any]]) -> int:
    """The position after the last row's."""
    return max((int(r.get("position_order") or 0) for r in rows), default=0) + 1


def show_problems(
    problems: list[FieldProblem], errors: dict[str, FieldError], fallback: FieldError
) -> None:
    """Each problem under its field (``fallback`` for the others); two problems for one
    line are both shown there, one after the other."""
    messages: dict[int, tuple[FieldError, list[str]]] = {}
    for problem in problems:
        line = errors.get(problem.field, fallback)
        messages.setdefault(id(line), (line, []))[1].append(problem.message)
    for line, texts in messages.values():
        line.show_message("\n".join(texts))


class AgendaPanel(QWidget):
    """The meeting's content: agenda items, notes and opinions.

    Signals:
        draft_changed(str, object): an agenda item's id and its typed title and notes.
        opinions_changed(object): the ids of the meeting's opinions, as now stored.
    """

    draft_changed = Signal(str, object)
    opinions_changed = Signal(object)

    def __init__(self, writer: ChildRows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.typed: dict[str, dict[str, Any]] = {}
        self._opinions: list[dict[str, Any]] = []
        self._locked = False
        self._filling = False
        self.petition_marks: dict[str, str] = {}  # opinion id -> «it is a petition» (see
        # ui/meetings/opinion_petitions.py, which also puts its button in opinion_actions)
        self.agenda_model = RecordTableModel(
            [Column("title", tr("AgendaPanel", "Nội dung họp"), text=self._item_text, width=0)],
            self,
        )
        self.opinion_model = RecordTableModel(
            [
                Column("speaker", tr("AgendaPanel", "Người phát biểu"), editable=True, width=22),
                Column("content", tr("AgendaPanel", "Ý kiến"), "long_text", True, width=0),
                Column(
                    "petition",
                    tr("AgendaPanel", "Kiến nghị"),
                    text=lambda r: self.petition_marks.get(str(r.get("id")), ""),
                    width=20,
                ),
            ],
            self,
        )
        self._build()
        self._connect()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        splitter.addWidget(self._agenda_side())
        splitter.addWidget(self._item_side())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)

    def _agenda_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        self.agenda_table = record_view(self.agenda_model)
        wrap_rows(self.agenda_table)
        layout.addWidget(self.agenda_table, 1)
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(tr("AgendaPanel", "Nội dung mới…"))
        self.new_item_error = FieldError()
        watch_length(self.new_item, AGENDA_ITEM, "title", self.new_item_error)
        self.item_entry = QWidget()
        entry = QVBoxLayout(self.item_entry)
        entry.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.add_item_button = QPushButton(tr("AgendaPanel", "Thêm nội dung"))
        self.remove_item_button = QPushButton(tr("AgendaPanel", "Xóa nội dung"))
        buttons.addWidget(self.add_item_button)
        buttons.addWidget(self.remove_item_button)
        entry.addWidget(self.new_item)
        entry.addWidget(self.new_item_error)
        entry.addLayout(buttons)
        layout.addWidget(self.item_entry)
        return side

    def _item_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        self.item_form = QWidget()
        form = QFormLayout(self.item_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.item_title = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * NOTE_LINES + 12)
        self.item_error = add_row(form, tr("AgendaPanel", "Nội dung:"), self.item_title)
        watch_length(self.item_title, AGENDA_ITEM, "title", self.item_error)
        add_row(form, tr("AgendaPanel", "Ghi chép:"), self.notes)
        layout.addWidget(self.item_form)
        layout.addWidget(QLabel(tr("AgendaPanel", "Ý kiến phát biểu:")))
        self.opinion_table = record_view(self.opinion_model)
        wrap_rows(self.opinion_table)
        layout.addWidget(self.opinion_table, 1)
        self.opinion_actions = QHBoxLayout()  # shown on final minutes too
        layout.addLayout(self.opinion_actions)
        self.opinion_entry = QWidget()
        entry_box = QVBoxLayout(self.opinion_entry)
        entry_box.setContentsMargins(0, 0, 0, 0)
        self.remove_opinion_button = QPushButton(tr("AgendaPanel", "Xóa ý kiến đã chọn"))
        row = QHBoxLayout()
        row.addWidget(self.remove_opinion_button)
        row.addStretch(1)
        entry_box.addLayout(row)
        entry = QFormLayout()
        entry.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.speaker = QComboBox()
        self.speaker.setEditable(True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.speaker.lineEdit()
        assert line is not None
        line.setPlaceholderText(tr("AgendaPanel", "Chọn hoặc gõ tên"))
        self.opinion = QPlainTextEdit()
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(self.opinion.fontMetrics().lineSpacing() * OPINION_LINES + 12)
        self.opinion_errors = {
            "speaker": add_row(entry, tr("AgendaPanel", "Người phát biểu:"), self.speaker),
            "content": add_row(entry, tr("AgendaPanel", "Ý kiến:"), self.opinion),
        }
        watch_length(self.speaker, OPINION, "speaker", self.opinion_errors["speaker"])
        self.add_opinion_button = QPushButton(tr("AgendaPanel", "Thêm ý kiến (Ctrl+Enter)"))
        entry.addRow("", self.add_opinion_button)
        entry_box.addLayout(entry)
        layout.addWidget(self.opinion_entry)
        self.message = FieldError()
        layout.addWidget(self.message)
        order = [
            self.item_title,
            self.notes,
            self.opinion_table,
            self.speaker,
            self.opinion,
            self.add_opinion_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        return side

    def _connect(self) -> None:
        self.agenda_table.selectionModel().selectionChanged.connect(self._item_chosen)
        self.item_title.textEdited.connect(self._typed_in_item)
        self.notes.textChanged.connect(self._typed_in_item)
        self.add_item_button.clicked.connect(self._add_item)
        self.new_item.returnPressed.connect(self._add_item)
        self.remove_item_button.clicked.connect(self._remove_item)
        self.add_opinion_button.clicked.connect(self.add_opinion)
        QShortcut(QKeySequence("Ctrl+Return"), self.opinion, self.add_opinion)
        QShortcut(QKeySequence("Ctrl+Enter"), self.opinion, self.add_opinion)
        self.remove_opinion_button.clicked.connect(self._remove_opinion)
        self.opinion_model.edited.connect(self._opinion_edited)
        self._writer.rows_changed.connect(self._rows_changed)

    # -- contents ---------------------------------------------------------------------
    def _item_text(self, row: dict[str, Any]) -> str:
        if not row.get("id"):
            return str(row["title"])
        title = self.typed.get(row["id"], {}).get("title", row.get("title")) or ""
        return f"{row.get('position_order') or ''}. {title}"

    def set_sheet(
        self,
        agenda: list[dict[str, Any]],
        opinions: list[dict[str, Any]],
        drafts: dict[str, dict[str, Any]],
    ) -> None:
        """Show a meeting's agenda and opinions; ``drafts`` are items' unsaved texts."""
        self.typed = {k: dict(v) for k, v in drafts.items()}
        self._opinions = opinions
        self.message.clear_message()
        self._show_agenda(agenda, keep=None)
        self.opinions_changed.emit([str(o["id"]) for o in opinions])

    def set_speakers(self, names: list[str]) -> None:
        """The names offered as speakers (those present first)."""
        text = self.speaker.currentText()
        self.speaker.clear()
        self.speaker.addItems(names)
        self.speaker.setEditText(text)

    def _show_agenda(self, agenda: list[dict[str, Any]], keep: str | None) -> None:
        other = {"id": OTHER, "title": tr("AgendaPanel", "Ý kiến khác (ngoài các nội dung trên)")}
        self.agenda_model.set_rows([*agenda, other])
        row = self.agenda_model.row_of(keep) if keep is not None else -1
        self.agenda_table.selectRow(row if row >= 0 else 0)

    def _rows_changed(self, entity: str, rows: object) -> None:
        assert isinstance(rows, list)
        if entity == "agenda_item":
            self._show_agenda(rows, keep=self.current_item_id())
        elif entity == "opinion":
            self._opinions = rows
            self._show_opinions()
            self.opinions_changed.emit([str(o["id"]) for o in rows])

    def current_item_id(self) -> str | None:
        """The id of the agenda item shown (OTHER for «other opinions»; None when none)."""
        rows = self.agenda_table.selectionModel().selectedRows()
        return self.agenda_model.record_id(rows[0].row()) if rows else None

    def agenda_rows(self) -> list[dict[str, Any]]:
        """The agenda items (without the «other opinions» entry)."""
        return [r for r in self.agenda_model.rows if r.get("id")]

    def _item_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        item_id = self.current_item_id()
        record = next((r for r in self.agenda_rows() if r["id"] == item_id), None)
        values = {**(record or {}), **self.typed.get(item_id or OTHER, {})} if record else {}
        self._filling = True
        self.item_title.setText(str(values.get("title") or ""))
        self.notes.setPlainText(str(values.get("notes") or ""))
        self._filling = False
        editable = record is not None and not self._locked
        self.item_form.setVisible(record is not None)  # «other opinions» has no title or notes
        self.item_title.setReadOnly(not editable)
        self.notes.setReadOnly(not editable)
        self.remove_item_button.setEnabled(editable)
        self.item_error.clear_message()
        self._show_opinions()

    def _show_opinions(self) -> None:
        item_id = self.current_item_id() or OTHER
        known = {r["id"] for r in self.agenda_rows()}
        if item_id == OTHER:
            shown = [o for o in self._opinions if (o.get("agenda_item_id") or "") not in known]
        else:
            shown = [o for o in self._opinions if o.get("agenda_item_id") == item_id]
        self.opinion_model.set_rows(shown)

    def set_locked(self, locked: bool) -> None:
        """Final minutes: read only, and the adding controls go away."""
        self._locked = locked
        self.opinion_model.set_read_only(locked)
        self.item_entry.setVisible(not locked)
        self.opinion_entry.setVisible(not locked)
        self._item_chosen(QItemSelection(), QItemSelection())

    # -- typing -----------------------------------------------------------------------
    def _typed_in_item(self, *_args: Any) -> None:
        item_id = self.current_item_id()
        if self._filling or self._locked or not item_id:
            return
        fields = {"title": self.item_title.text(), "notes": self.notes.toPlainText()}
        self.typed[item_id] = fields
        row = self.agenda_model.row_of(item_id)
        index = self.agenda_model.index(row, 0)
        self.agenda_model.dataChanged.emit(index, index)
        self.draft_changed.emit(item_id, fields)

    def show_item_problem(self, item_id: str, error: DanvanError) -> None:
        """A draft of ``item_id`` could not be saved: show the item and why."""
        row = self.agenda_model.row_of(item_id)
        if row >= 0:
            self.agenda_table.selectRow(row)
        self.item_error.show_message(error.message)

    # -- agenda items and opinions ----------------------------------------------------
    def _add_item(self) -> None:
        self.new_item_error.clear_message()
        fields = {"title": self.new_item.text(), "position_order": next_order(self.agenda_rows())}
        self._writer.add(
            "agenda_item",
            fields,
            on_done=lambda _id: self.new_item.clear(),
            on_error=lambda e: self.new_item_error.show_message(_message(e)),
        )

    def _remove_item(self) -> None:
        item_id = self.current_item_id()
        if not item_id:
            return
        count = sum(1 for o in self._opinions if o.get("agenda_item_id") == item_id)
        if count:
            self.message.show_message(
                tr(
                    "AgendaPanel",
                    "Nội dung này còn {count} ý kiến: hãy xóa các ý kiến đó trước khi xóa nội "
                    "dung.",
                    count=count,
                )
            )
            return
        self.typed.pop(item_id, None)
        self._writer.delete("agenda_item", item_id)

    def add_opinion(self) -> None:
        """Save the opinion typed below the table under the agenda item shown."""
        if self._locked:
            return
        for error in self.opinion_errors.values():
            error.clear_message()
        item_id = self.current_item_id() or None
        fields = {
            "speaker": self.speaker.currentText(),
            "content": self.opinion.toPlainText(),
            "agenda_item_id": item_id,
            "position_order": next_order(self.opinion_model.rows),
        }
        self._writer.add(
            "opinion", fields, on_done=self._opinion_added, on_error=self._opinion_failed
        )

    def _opinion_added(self, _record_id: str) -> None:
        self.opinion.clear()
        self.speaker.setEditText("")
        self.speaker.setFocus()

    def _opinion_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            show_problems(error.problems, self.opinion_errors, self.opinion_errors["content"])
            first = error.problems[0].field if error.problems else "content"
            (self.speaker if first == "speaker" else self.opinion).setFocus()
        else:
            self.message.show_message(_message(error))

    def _opinion_edited(self, record_id: str, key: str, value: object) -> None:
        self.message.clear_message()
        self._writer.update(
            "opinion",
            record_id,
            {key: value},
            on_error=lambda e: self.message.show_message(_message(e)),
        )

    def _remove_opinion(self) -> None:
        rows = self.opinion_table.selectionModel().selectedRows()
        if rows:
            self._writer.delete("opinion", self.opinion_model.record_id(rows[0].row()))


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)
