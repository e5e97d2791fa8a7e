"""Add or change a member of the team: name, birth year, role, position, organisation,
phone, term.

The birth year tells apart two members of the same name (an import matches a row by the
name and the year): typed as a number, its range (core's field rules) named beside the
box while it is out of it, and left empty when not known.

Choosing a role fills in the usual position (DOMAIN.md): the leader is usually
the Party cell secretary; the deputies usually the village head and the head of
the Front work committee. It is only a default: the field stays editable, and
a position the user typed is never overwritten. The dialog warns before a
second leader is saved; the store checks the fields and the dialog shows its
messages beside them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from danvan_desktop.core.schema import MEMBER
from danvan_desktop.core.vocab import MEMBER_ROLES, label, member_positions
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import NumberEdit, watch_length
from danvan_desktop.ui.widgets.form_dialog import FormDialog
from danvan_desktop.ui.widgets.form_widgets import (
    OptionalDateEdit,
    add_row,
)

WARNING_STYLE = "color: #8a4b00;"


def village_head(village_kind: str | None) -> str:
    """The title of the head of the team's place: thôn, bản or tổ dân phố."""
    if village_kind == "to_dan_pho":
        return tr("MemberDialog", "Tổ trưởng tổ dân phố")
    if village_kind == "ban":
        return tr("MemberDialog", "Trưởng bản")
    return tr("MemberDialog", "Trưởng thôn")


def front_head() -> str:
    """The head of the village's Front work committee."""
    return tr("MemberDialog", "Trưởng ban công tác Mặt trận")


def default_position(role: str, village_kind: str | None, taken: set[str]) -> str:
    """The usual position for ``role``; deputies get whichever usual post is not taken yet."""
    if role == "leader":
        return tr("MemberDialog", "Bí thư chi bộ")
    if role == "deputy":
        head, front = village_head(village_kind), front_head()
        return front if head in taken and front not in taken else head
    return ""


def position_suggestions(village_kind: str | None, positions: list[str] | None = None) -> list[str]:
    """The positions offered in the position list: the team's own (``positions``, from
    ``Session.member_positions``), else those members of a team usually hold, the data in
    core/vocab.py (no «công an viên» since Luật 30/2023/QH15)."""
    return member_positions(village_kind, positions)


class MemberDialog(FormDialog):
    """Adds a member, or changes one.

    Signals:
        saved(str): the member with this id was saved.
    """

    saved = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        members: list[dict[str, Any]],
        *,
        village_kind: str | None = None,
        member: dict[str, Any] | None = None,
        positions: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            tr("MemberDialog", "Sửa thông tin thành viên")
            if member
            else tr("MemberDialog", "Thêm thành viên")
        )
        super().__init__(runner, title, parent)
        self.member = member
        self.others = [m for m in members if not member or m["id"] != member["id"]]
        self.village_kind = village_kind
        self.positions = positions  # the team's own list (None: the usual positions)
        self._prefilled = ""
        self._build()
        self._show(member or {"role": "member"})
        self.role.currentIndexChanged.connect(self._role_chosen)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def _build(self) -> None:
        form = self.new_form()
        self.full_name = QLineEdit()
        watch_length(self.full_name, MEMBER, "full_name")
        self.birth_year = NumberEdit(MEMBER, "birth_year")
        self.role = QComboBox()
        for code in MEMBER_ROLES:
            self.role.addItem(label(MEMBER_ROLES, code), code)
        self.position = self._editable_box(position_suggestions(self.village_kind, self.positions))
        self.organisation = self._editable_box([])
        self.phone = QLineEdit()
        watch_length(self.phone, MEMBER, "phone")
        self.term_start = OptionalDateEdit()
        self.term_end = OptionalDateEdit()
        self.errors = {
            "full_name": add_row(form, tr("MemberDialog", "Họ và tên:"), self.full_name),
            "birth_year": add_row(form, tr("MemberDialog", "Năm sinh:"), self.birth_year),
            "role": add_row(form, tr("MemberDialog", "Vai trò trong tổ:"), self.role),
            "position": add_row(form, tr("MemberDialog", "Chức vụ:"), self.position),
            "organisation": add_row(
                form, tr("MemberDialog", "Tổ chức, đoàn thể:"), self.organisation
            ),
            "phone": add_row(form, tr("MemberDialog", "Số điện thoại:"), self.phone),
            "term_start": add_row(form, tr("MemberDialog", "Bắt đầu nhiệm kỳ:"), self.term_start),
            "term_end": add_row(form, tr("MemberDialog", "Kết thúc nhiệm kỳ:"), self.term_end),
        }
        self.column.addLayout(form)
        self.leader_note = QLabel()
        self.leader_note.setWordWrap(True)
        self.leader_note.setStyleSheet(WARNING_STYLE)
        self.leader_note.hide()
        self.column.addWidget(self.leader_note)
        self.add_buttons(self.save, width=560)

    @staticmethod
    def _editable_box(items: list[str]) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(items)
        box.setCurrentIndex(-1)
        return box

    def _show(self, member: dict[str, Any]) -> None:
        self.full_name.setText(str(member.get("full_name") or ""))
        self.birth_year.setValue(member.get("birth_year"))
        self.role.setCurrentIndex(max(self.role.findData(member.get("role") or "member"), 0))
        self.position.setEditText(str(member.get("position") or ""))
        organisations = sorted(
            {str(m["organisation"]) for m in self.others if m.get("organisation")}
        )
        self.organisation.addItems(organisations)
        self.organisation.setEditText(str(member.get("organisation") or ""))
        self.phone.setText(str(member.get("phone") or ""))
        self.term_start.set_value(member.get("term_start"))
        self.term_end.set_value(member.get("term_end"))
        self._note_leaders()

    # -- role defaults ----------------------------------------------------------------
    def _role_chosen(self) -> None:
        role = str(self.role.currentData())
        current = self.position.currentText().strip()
        if not current or current == self._prefilled:
            taken = {str(m.get("position") or "") for m in self.others if m.get("role") == role}
            self._prefilled = default_position(role, self.village_kind, taken)
            self.position.setEditText(self._prefilled)
        self._note_leaders()

    def _note_leaders(self) -> None:
        leaders = [str(m["full_name"]) for m in self.others if m.get("role") == "leader"]
        if self.role.currentData() == "leader" and leaders:
            self.leader_note.setText(
                tr(
                    "MemberDialog",
                    "Tổ đã có tổ trưởng: {names}. Mỗi tổ chỉ có một tổ trưởng; nếu đây là tổ "
                    "trưởng mới, hãy chuyển người cũ thành tổ phó hoặc tổ viên.",
                    names=", ".join(leaders),
                )
            )
            self.leader_note.show()
        else:
            self.leader_note.hide()

    # -- saving -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The fields as the store takes them."""
        return {
            "full_name": self.full_name.text(),
            "birth_year": self.birth_year.value(),
            "role": self.role.currentData(),
            "position": self.position.currentText().strip() or None,
            "organisation": self.organisation.currentText().strip() or None,
            "phone": self.phone.text().strip() or None,
            "term_start": self.term_start.iso(),
            "term_end": self.term_end.iso(),
        }

    def save(self) -> None:
        """Save the member (DB lane); problems are shown beside their fields."""
        member_id = self.member["id"] if self.member else None
        values = self.values()
        self.run_save(lambda ctx: ctx.session.save_member(member_id, **values), self._saved)

    def _saved(self, result: Any) -> None:
        self.saved.emit(str(result.record_id or ""))
        self.accept()
