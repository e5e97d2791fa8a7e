"""The member form offers the positions of 2025: no «Công an viên», the security and order
team, the deputy village head, clan heads and village elders."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.team.member_dialog import MemberDialog
from danvan_desktop.ui.team.team_page import TeamPage

from .helpers import WAIT_MS, call


def test_position_list_has_the_current_posts(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """The position box lists the grassroots security post and none of «Công an viên»."""
    dialog = MemberDialog(open_runner, [])
    qtbot.addWidget(dialog)
    offered = [dialog.position.itemText(i) for i in range(dialog.position.count())]
    assert "Công an viên" not in offered
    assert {
        "Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở",
        "Trưởng dòng họ",
        "Già làng",
    } <= set(offered)
    assert {"Phó trưởng thôn", "Tổ phó tổ dân phố"} & set(offered)  # by the place's kind


def test_member_form_offers_the_teams_own_positions(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A team that keeps its own list of positions is offered that list, in its order."""
    own = ["Bí thư chi bộ", "Trưởng ban công tác Mặt trận", "Chi hội trưởng Hội Khuyến học"]
    call(qtbot, open_runner, lambda ctx: ctx.session.save_member_positions(own))
    page = TeamPage(open_runner, bus)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show()
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.new_record()
    dialog = opened.args[0]
    offered = [dialog.position.itemText(i) for i in range(dialog.position.count())]
    assert offered == own
