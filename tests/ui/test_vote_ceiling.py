"""A vote counts at most those present as «có mặt» counts them: the whole roster.

Four members (the leader chairs without an attendance row, two rows ticked, one member
with no row): three are present, so three votes are accepted and four refused, by the
outcomes panel beside the count and by the store itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meeting_editor import TAB_OUTCOMES, MeetingEditor
from danvan_desktop.ui.task_runner import TaskRunner

from .field_cases import replace_text
from .helpers import WAIT_MS, call, make_team_dir, wait_idle


def _fill(found: list[str]) -> Any:
    def fill(session: Session) -> None:
        session.add_member(full_name="Trần Thị Bích", role="deputy")
        session.add_member(full_name="Lê Văn Cường")
        session.add_member(full_name="Lê Thị Hoa")  # no row: absent
        meeting_id = session.add_meeting(
            kind="regular",
            title="Họp Tổ dân vận tháng 3/2026",
            starts_at="2026-03-05T19:30",
            chair="Nguyễn Văn An",  # the leader: present without a row
        ).record_id
        assert meeting_id is not None
        for name in ("Trần Thị Bích", "Lê Văn Cường"):
            session.add_record("attendance", meeting_id=meeting_id, name=name, present=True)
        found.append(meeting_id)

    return fill


@pytest.fixture
def meeting_id(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> str:
    """The meeting of four members, two rows ticked, the chair without a row (open)."""
    found: list[str] = []
    data_dir = make_team_dir(tmp_path / "data", _fill(found))
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    return found[0]


@pytest.fixture
def editor(qtbot: QtBot, runner: TaskRunner, bus: EventBus, meeting_id: str) -> MeetingEditor:
    """The minutes editor on that meeting, at «Kết luận, biểu quyết»."""
    widget = MeetingEditor(runner, bus)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.open_meeting(meeting_id)
    widget.tabs.setCurrentIndex(TAB_OUTCOMES)
    return widget


def _add_vote(qtbot: QtBot, runner: TaskRunner, editor: MeetingEditor, in_favour: str) -> None:
    panel = editor.outcomes
    replace_text(panel.subject, "Mở rộng kiệt 7")
    replace_text(panel.in_favour, in_favour)
    replace_text(panel.against, "0")
    replace_text(panel.abstain, "0")
    panel.add_vote_button.click()
    for _ in range(2):  # the save, and the rows it reloads
        wait_idle(qtbot, runner)


def _votes(qtbot: QtBot, runner: TaskRunner, meeting_id: str) -> list[int]:
    rows = call(
        qtbot,
        runner,
        lambda ctx: ctx.session.store.db.query(
            "SELECT in_favour FROM vote WHERE meeting_id = ? AND deleted = 0", [meeting_id]
        ),
    )
    return [int(r["in_favour"]) for r in rows]


def test_a_new_vote_starts_with_everyone_present_in_favour(editor: MeetingEditor) -> None:
    """The chair without a row counts: a new vote starts at 3 in favour."""
    assert editor.outcomes.in_favour.text() == "3"


def test_the_panel_accepts_three_votes(
    qtbot: QtBot, runner: TaskRunner, editor: MeetingEditor, meeting_id: str
) -> None:
    """Three in favour (everyone present) is saved, with no message beside the count."""
    _add_vote(qtbot, runner, editor, "3")
    qtbot.waitUntil(lambda: _votes(qtbot, runner, meeting_id) == [3], timeout=WAIT_MS)
    assert editor.outcomes.vote_errors["in_favour"].text() == ""


def test_the_panel_refuses_four_votes_beside_the_count(
    qtbot: QtBot, runner: TaskRunner, editor: MeetingEditor, meeting_id: str
) -> None:
    """Four in favour is refused beside «Tán thành», naming the 3 present; nothing saved."""
    _add_vote(qtbot, runner, editor, "4")
    message = editor.outcomes.vote_errors["in_favour"].text()
    assert "nhiều hơn số người có mặt (3)" in message
    assert _votes(qtbot, runner, meeting_id) == []


def test_the_store_accepts_three_votes(qtbot: QtBot, runner: TaskRunner, meeting_id: str) -> None:
    """The store keeps a vote of 3 at a meeting where the roster counts 3 present."""
    fields = {"meeting_id": meeting_id, "subject": "Mở rộng kiệt 7", "against": 0, "abstain": 0}
    call(qtbot, runner, lambda ctx: ctx.session.add_record("vote", in_favour=3, **fields))
    assert _votes(qtbot, runner, meeting_id) == [3]


def test_the_store_refuses_four_votes(qtbot: QtBot, runner: TaskRunner, meeting_id: str) -> None:
    """The store refuses a vote of 4 on «in_favour», naming the 3 present."""
    fields = {"meeting_id": meeting_id, "subject": "Mở rộng kiệt 7", "against": 0, "abstain": 0}
    with pytest.raises(ValidationError) as refused:
        call(qtbot, runner, lambda ctx: ctx.session.add_record("vote", in_favour=4, **fields))
    assert [p.field for p in refused.value.problems] == ["in_favour"]
    assert "nhiều hơn số người có mặt (3)" in refused.value.problems[0].message
