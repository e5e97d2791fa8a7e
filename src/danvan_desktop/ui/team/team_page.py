"""Tổ dân vận: the members with their roles, organisation, phone and term.

The roster is read on the read lane: the leader first, then the deputies, then
the members. A warning says when the team has no leader or more than one.
Members are added (Ctrl+N) and changed in a dialog; removing one asks first
(their name stays on past minutes and tasks). Ctrl+F searches the roster.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.core.vocab import MEMBER_ROLES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.team.member_dialog import MemberDialog
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.one_editor import EditorRegistry
from danvan_desktop.ui.widgets.page import Page
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view

REFRESH_DELAY_MS = 150
WARNING_STYLE = (
    "background: #fff4d6; border: 1px solid #e0b84a; border-radius: 4px; padding: 6px; "
    "color: #5c3b00;"
)


def term_text(row: dict[str, Any]) -> str:
    """The term as «dd/MM/yyyy – dd/MM/yyyy» (either end may be missing)."""
    start, end = date_text(row.get("term_start")), date_text(row.get("term_end"))
    if not start and not end:
        return ""
    return f"{start or '…'} – {end or '…'}"


def leader_warning(rows: list[dict[str, Any]]) -> str:
    """A warning when the team has no leader or several; empty when it has one."""
    leaders = [str(r["full_name"]) for r in rows if r.get("role") == "leader"]
    if not leaders:
        return tr(
            "TeamPage",
            "⚠ Tổ chưa có tổ trưởng: hãy chọn một thành viên làm tổ trưởng (thường là bí thư "
            "chi bộ).",
        )
    if len(leaders) > 1:
        return tr(
            "TeamPage",
            "⚠ Tổ đang có {count} tổ trưởng ({names}): mỗi tổ chỉ có một tổ trưởng; hãy chuyển "
            "những người còn lại thành tổ phó hoặc tổ viên.",
            count=len(leaders),
            names=", ".join(leaders),
        )
    return ""


def load_roster(ctx: JobContext) -> dict[str, Any]:
    """The members, the kind of the team's place and the positions the member form offers
    (the team's own list, or the usual ones) (read lane)."""
    session, db = ctx.session, ctx.reader
    return {
        "members": session.team_members(db=db),
        "village_kind": session.unit_kind(db=db),
        "positions": session.member_positions(db=db),
    }


class TeamPage(Page):
    """The team's roster.

    Signals:
        loaded(int): the table now shows this many members.
        dialog_opened(object): a member dialog is on screen.
    """

    loaded = Signal(int)
    dialog_opened = Signal(object)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(runner, bus, parent=parent)
        self.members: list[dict[str, Any]] = []
        self.village_kind: str | None = None
        self.positions: list[str] | None = None  # offered in the member form
        self.dialog: MemberDialog | None = None
        self.editors = EditorRegistry(self)  # one form per member, whatever opens it
        self.confirm_box: QMessageBox | None = None
        self.model = RecordTableModel(
            [
                Column("full_name", tr("TeamPage", "Họ và tên"), width=24),
                Column(
                    "role",
                    tr("TeamPage", "Vai trò"),
                    text=lambda r: label(MEMBER_ROLES, str(r.get("role") or "member")),
                    width=11,
                ),
                Column("position", tr("TeamPage", "Chức vụ"), width=28),
                Column("organisation", tr("TeamPage", "Tổ chức, đoàn thể"), width=0),
                Column("phone", tr("TeamPage", "Điện thoại"), width=14),
                Column("term_start", tr("TeamPage", "Nhiệm kỳ"), text=term_text, width=24),
            ],
            self,
        )
        self.refresh_on({"member", "unit"}, REFRESH_DELAY_MS)
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        layout = self.column()
        self.new_button = QPushButton(tr("TeamPage", "Thêm thành viên (Ctrl+N)"))
        self.edit_button = QPushButton(tr("TeamPage", "Sửa…"))
        self.remove_button = QPushButton(tr("TeamPage", "Xóa…"))
        self.import_button = QPushButton(tr("TeamPage", "Nhập danh sách…"))
        self.export_button = QPushButton(tr("TeamPage", "Xuất danh sách…"))
        title = tr("TeamPage", "Thành viên tổ dân vận")
        layout.addLayout(
            self.title_row(
                title,
                self.new_button,
                self.edit_button,
                self.remove_button,
                self.import_button,
                self.export_button,
            )
        )
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        layout.addWidget(self.warning)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            tr("TeamPage", "Tìm thành viên (Ctrl+F): tên, chức vụ, đoàn thể")
        )
        layout.addWidget(self.search)
        self.table = record_view(self.model)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        for first, second in (
            (self.search, self.table),
            (self.table, self.new_button),
            (self.new_button, self.edit_button),
            (self.edit_button, self.remove_button),
        ):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.open_export)
        self.search.textChanged.connect(lambda _text: self._show_rows())
        # activated comes with a double-click (and Enter): one signal, one editor
        self.table.activated.connect(self._open_index)

    # -- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the roster again (read lane)."""
        self._runner.read(load_roster, on_done=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, roster: dict[str, Any]) -> None:
        self.members = roster["members"]
        self.village_kind = roster["village_kind"]
        self.positions = list(roster["positions"])
        self._show_rows()

    def _show_rows(self) -> None:
        words = fold_vietnamese(self.search.text()).split()
        rows = [m for m in self.members if _matches(m, words)]
        self.model.set_rows(rows)
        warning = leader_warning(self.members)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        roles = [m.get("role") for m in self.members]
        self.count_label.setStyleSheet("")
        self.count_label.setText(
            tr(
                "TeamPage",
                "{count} thành viên: {leaders} tổ trưởng, {deputies} tổ phó, {members} tổ viên.",
                count=len(self.members),
                leaders=roles.count("leader"),
                deputies=roles.count("deputy"),
                members=roles.count("member"),
            )
        )
        self.loaded.emit(len(rows))

    def _failed(self, error: BaseException) -> None:
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(error.message if isinstance(error, DanvanError) else repr(error))

    def selected_member(self) -> dict[str, Any] | None:
        """The member selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    # -- adding, changing, removing ---------------------------------------------------
    def new_record(self) -> MemberDialog:
        """Ctrl+N: add a member."""
        return self._open_dialog(None)

    def edit_selected(self) -> None:
        """Change the selected member."""
        member = self.selected_member()
        if member is not None:
            self._open_dialog(member)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_dialog(self.model.record(index.row()))

    def _open_dialog(self, member: dict[str, Any] | None) -> MemberDialog:
        """The member's form (None: a new member); one already open comes to the front."""
        key = str(member["id"]) if member is not None else None
        return self.editors.open(key, lambda: self._make_dialog(member))

    def _make_dialog(self, member: dict[str, Any] | None) -> MemberDialog:
        dialog = MemberDialog(
            self._runner,
            self.members,
            village_kind=self.village_kind,
            member=member,
            positions=self.positions,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: self._bus.data_changed.emit({"member"}))
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _forget_dialog(self, dialog: MemberDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def remove_selected(self) -> None:
        """Ask, then remove the selected member."""
        member = self.selected_member()
        if member is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("TeamPage", "Xóa thành viên"),
            tr(
                "TeamPage",
                "Xóa {name} khỏi tổ? Tên vẫn được giữ trong các biên bản và nhiệm vụ đã có.",
                name=member["full_name"],
            ),
            parent=self,
        )
        accept = box.addButton(tr("TeamPage", "Xóa"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("TeamPage", "Không xóa"), QMessageBox.ButtonRole.RejectRole)
        box.accept_button = accept  # type: ignore[attr-defined]
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        member_id = str(member["id"])
        box.finished.connect(lambda _code: self._answered(box.clickedButton() is accept, member_id))
        self.confirm_box = box
        box.open()

    def _answered(self, remove: bool, member_id: str) -> None:
        self.confirm_box = None
        if not remove:
            return
        self._runner.db(
            lambda ctx: ctx.session.delete_record("member", member_id),
            on_done=lambda result: self._bus.data_changed.emit(result.entities or {"member"}),
            on_error=self._failed,
            owner=self,
        )

    # -- a list kept in Excel (issue 18) ------------------------------------------------
    def open_import(self) -> QWidget:
        """The import dialog, for members (its module is loaded now, not with the page)."""
        from danvan_desktop.ui.importing.import_dialog import ImportDialog

        dialog = ImportDialog(self._runner, self._bus, self, entity="member")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export(self) -> QWidget:
        """The export dialog for the roster as a list the import reads back."""
        from danvan_desktop.session import Session
        from danvan_desktop.ui.reports.export_dialog import ExportDialog

        kind = next(k for k in Session.report_kinds() if k.name == "members")
        dialog = ExportDialog(
            self._runner,
            kind=kind,
            params={},
            subtitle="",
            suggested_name=kind.label(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- shortcuts --------------------------------------------------------------------
    def save(self) -> None:
        """Ctrl+S: save the member dialog when one is open."""
        if self.dialog is not None:
            self.dialog.save()

    def focus_search(self) -> None:
        """Ctrl+F: the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


def _matches(row: dict[str, Any], words: list[str]) -> bool:
    if not words:
        return True
    text = fold_vietnamese(
        " ".join(str(row.get(k) or "") for k in ("full_name", "position", "organisation"))
    )
    return all(word in text for word in words)
