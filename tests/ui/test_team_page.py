"""The team page: the roster with roles, default positions, the leader warning, validation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.team.member_dialog import MemberDialog
from danvan_desktop.ui.team.team_page import TeamPage

from .helpers import WAIT_MS, call, double_click_row, type_text

NAME, ROLE, POSITION, ORGANISATION, PHONE, TERM = range(6)


@pytest.fixture
def page(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> TeamPage:
    """The team page over a team with its leader only (in a tổ dân phố)."""
    team_page = TeamPage(open_runner, bus)
    qtbot.addWidget(team_page)
    team_page.resize(1180, 640)
    with qtbot.waitSignal(team_page.loaded, timeout=WAIT_MS):
        team_page.show()
    return team_page


def _column(page: TeamPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _open_new(qtbot: QtBot, page: TeamPage) -> MemberDialog:
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.new_record()
    dialog = opened.args[0]
    assert isinstance(dialog, MemberDialog)
    return dialog


def _save(qtbot: QtBot, page: TeamPage, dialog: MemberDialog) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        _save_button(dialog).click()


def _save_button(dialog: MemberDialog) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def _add(qtbot: QtBot, page: TeamPage, name: str, role: str, **fields: str) -> str:
    """Add a member through the dialog; returns the position the dialog filled in."""
    dialog = _open_new(qtbot, page)
    type_text(dialog.full_name, name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    for key, value in fields.items():
        widget = getattr(dialog, key)
        if hasattr(widget, "setEditText"):
            widget.setEditText(value)
        else:
            widget.setText(value)
    position = str(dialog.position.currentText())
    _save(qtbot, page, dialog)
    return position


def test_roster_shows_the_leader(page: TeamPage) -> None:
    """The team set up with its leader: one row, no warning."""
    assert _column(page, NAME) == ["Nguyễn Văn An"]
    assert _column(page, ROLE) == ["Tổ trưởng"]
    assert _column(page, POSITION) == ["Bí thư chi bộ"]
    assert not page.warning.isVisible()


def test_members_added_with_roles_get_the_usual_positions(qtbot: QtBot, page: TeamPage) -> None:
    """Deputies get the head of the residential group, then the Front committee head."""
    first = _add(qtbot, page, "Trần Thị Bích", "deputy", phone="0905 111 222")
    assert first == "Tổ trưởng tổ dân phố"
    second = _add(qtbot, page, "Phạm Văn Dũng", "deputy")
    assert second == "Trưởng ban công tác Mặt trận"
    _add(qtbot, page, "Lê Văn Cường", "member", organisation="Hội Nông dân")
    assert _column(page, NAME) == [
        "Nguyễn Văn An",
        "Trần Thị Bích",
        "Phạm Văn Dũng",
        "Lê Văn Cường",
    ]
    assert _column(page, ROLE) == ["Tổ trưởng", "Tổ phó", "Tổ phó", "Tổ viên"]
    assert _column(page, POSITION)[1:] == [
        "Tổ trưởng tổ dân phố",
        "Trưởng ban công tác Mặt trận",
        "",
    ]
    assert _column(page, ORGANISATION)[3] == "Hội Nông dân"
    assert _column(page, PHONE)[1] == "0905 111 222"
    assert page.count_label.text() == "4 thành viên: 1 tổ trưởng, 2 tổ phó, 1 tổ viên."


def test_a_typed_position_is_not_overwritten_by_the_role(qtbot: QtBot, page: TeamPage) -> None:
    """The default is only a default: a position the user typed stays when the role changes."""
    dialog = _open_new(qtbot, page)
    dialog.role.setCurrentIndex(dialog.role.findData("leader"))
    assert dialog.position.currentText() == "Bí thư chi bộ"
    dialog.position.setEditText("Phó bí thư chi bộ")
    dialog.role.setCurrentIndex(dialog.role.findData("deputy"))
    assert dialog.position.currentText() == "Phó bí thư chi bộ"
    dialog.close()


def test_a_second_leader_is_warned_about(qtbot: QtBot, page: TeamPage) -> None:
    """The dialog names the current leader; once saved the page warns about two leaders."""
    dialog = _open_new(qtbot, page)
    type_text(dialog.full_name, "Hồ Văn Em")
    dialog.role.setCurrentIndex(dialog.role.findData("leader"))
    assert dialog.leader_note.isVisible()
    assert "Tổ đã có tổ trưởng: Nguyễn Văn An" in dialog.leader_note.text()
    _save(qtbot, page, dialog)
    assert page.warning.isVisible()
    assert page.warning.text().startswith("⚠ Tổ đang có 2 tổ trưởng (Nguyễn Văn An, Hồ Văn Em)")


def test_no_leader_is_warned_about(qtbot: QtBot, page: TeamPage) -> None:
    """Changing the only leader into a member leaves the team without one: a warning."""
    page.table.selectRow(0)
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.edit_button.click()
    dialog = opened.args[0]
    dialog.role.setCurrentIndex(dialog.role.findData("member"))
    assert dialog.position.currentText() == "Bí thư chi bộ"  # typed before: kept
    _save(qtbot, page, dialog)
    assert page.warning.text().startswith("⚠ Tổ chưa có tổ trưởng")


def test_empty_name_is_shown_beside_the_field(
    qtbot: QtBot, page: TeamPage, open_runner: TaskRunner
) -> None:
    """Saving with no name shows the store's message under the name; nothing is added."""
    dialog = _open_new(qtbot, page)
    _save_button(dialog).click()
    qtbot.waitUntil(dialog.errors["full_name"].isVisible, timeout=WAIT_MS)
    assert dialog.errors["full_name"].text().startswith("«Họ và tên» không được để trống")
    members = call(qtbot, open_runner, lambda ctx: ctx.session.team_members())
    assert len(members) == 1


def test_term_end_before_start_is_shown_beside_the_end(qtbot: QtBot, page: TeamPage) -> None:
    """Dates are dd/MM/yyyy; an end of term before its start is flagged on the end."""
    dialog = _open_new(qtbot, page)
    type_text(dialog.full_name, "Lê Văn Cường")
    dialog.term_start.set_value("2026-01-01")
    dialog.term_end.set_value("2025-12-31")
    assert dialog.term_start.text() == "01/01/2026"
    _save_button(dialog).click()
    qtbot.waitUntil(dialog.errors["term_end"].isVisible, timeout=WAIT_MS)
    assert (
        dialog.errors["term_end"]
        .text()
        .startswith("«Kết thúc nhiệm kỳ» ở trước «Bắt đầu nhiệm kỳ»")
    )


def test_term_is_shown_as_dates(qtbot: QtBot, page: TeamPage) -> None:
    """A member's term reads «01/01/2026 – 31/12/2030»."""
    dialog = _open_new(qtbot, page)
    type_text(dialog.full_name, "Lê Văn Cường")
    dialog.term_start.set_value("2026-01-01")
    dialog.term_end.set_value("2030-12-31")
    _save(qtbot, page, dialog)
    assert _column(page, TERM)[1] == "01/01/2026 – 31/12/2030"


def test_removing_asks_first(qtbot: QtBot, page: TeamPage, open_runner: TaskRunner) -> None:
    """«Xóa…» asks; answering «Xóa» removes the member from the roster."""
    _add(qtbot, page, "Lê Văn Cường", "member")
    page.table.selectRow(1)
    page.remove_button.click()
    box = page.confirm_box
    assert box is not None and "Lê Văn Cường" in box.text()
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        box.accept_button.click()  # type: ignore[attr-defined]
    assert _column(page, NAME) == ["Nguyễn Văn An"]


def test_search_narrows_the_roster(qtbot: QtBot, page: TeamPage) -> None:
    """Typing without diacritics finds members by name or organisation."""
    _add(qtbot, page, "Lê Văn Cường", "member", organisation="Hội Nông dân")
    page.search.setText("nong dan")
    assert _column(page, NAME) == ["Lê Văn Cường"]


def test_a_double_click_opens_one_dialog(qtbot: QtBot, page: TeamPage) -> None:
    """A double-click on a member opens their form once, not twice."""
    opened: list[Any] = []
    page.dialog_opened.connect(opened.append)
    double_click_row(page.table, 0)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    qtbot.wait(100)
    assert len(opened) == 1


def test_one_form_per_member_whatever_opens_it(qtbot: QtBot, page: TeamPage) -> None:
    """A double-click, then «Sửa…» on the same member: one form, the active window."""
    opened: list[Any] = []
    page.dialog_opened.connect(opened.append)
    double_click_row(page.table, 0)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    page.table.selectRow(0)
    page.edit_button.click()
    qtbot.wait(100)
    assert len(opened) == 1
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened[0], timeout=WAIT_MS)
