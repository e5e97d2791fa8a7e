"""The member form's «Năm sinh» box: typed, kept, shown again, and its range said beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.team.member_dialog import MemberDialog

from .helpers import WAIT_MS, call, type_text

SAVE = QDialogButtonBox.StandardButton.Save
OUT_OF_RANGE = "«Năm sinh» phải là số từ 1900 đến 2100: hãy nhập một số trong khoảng này."


def _members(qtbot: QtBot, runner: TaskRunner) -> list[dict[str, Any]]:
    return list(call(qtbot, runner, lambda ctx: ctx.session.team_members()))


def _save(qtbot: QtBot, dialog: MemberDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.findChild(QDialogButtonBox).button(SAVE).click()


def test_a_typed_birth_year_is_saved(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """A new member with «1962» typed in «Năm sinh» is kept with birth year 1962."""
    dialog = MemberDialog(open_runner, [])
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.full_name, "Trần Thị Bích")
    type_text(dialog.birth_year, "1962")
    _save(qtbot, dialog)
    saved = [m for m in _members(qtbot, open_runner) if m["full_name"] == "Trần Thị Bích"]
    assert [m["birth_year"] for m in saved] == [1962]


def test_the_stored_birth_year_is_shown(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """Opening a member born in 1958 shows «1958» in the box."""
    call(qtbot, open_runner, lambda ctx: ctx.session.save_member(full_name="Lê Văn An",
                                                                 birth_year=1958))  # fmt: skip
    members = _members(qtbot, open_runner)
    member = next(m for m in members if m["full_name"] == "Lê Văn An")
    dialog = MemberDialog(open_runner, members, member=member)
    qtbot.addWidget(dialog)
    assert dialog.birth_year.text() == "1958"


def test_a_year_out_of_range_is_named_beside_the_box(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """«1850» is refused with core's range beside «Năm sinh», and nothing is saved."""
    dialog = MemberDialog(open_runner, [])
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.full_name, "Phan Văn Lợi")
    type_text(dialog.birth_year, "1850")
    assert dialog.errors["birth_year"].text() == OUT_OF_RANGE
    dialog.findChild(QDialogButtonBox).button(SAVE).click()
    qtbot.waitUntil(lambda: dialog.errors["birth_year"].isVisible(), timeout=WAIT_MS)
    assert dialog.errors["birth_year"].text() == OUT_OF_RANGE
    assert "Phan Văn Lợi" not in [m["full_name"] for m in _members(qtbot, open_runner)]


def test_an_emptied_box_clears_the_birth_year(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """Emptying «Năm sinh» saves the year as not known."""
    call(qtbot, open_runner, lambda ctx: ctx.session.save_member(full_name="Lê Văn An",
                                                                 birth_year=1958))  # fmt: skip
    members = _members(qtbot, open_runner)
    member = next(m for m in members if m["full_name"] == "Lê Văn An")
    dialog = MemberDialog(open_runner, members, member=member)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.birth_year.clear()
    _save(qtbot, dialog)
    saved = [m for m in _members(qtbot, open_runner) if m["full_name"] == "Lê Văn An"]
    assert [m["birth_year"] for m in saved] == [None]
