"""The minutes editor's attendance panel lists and counts the whole roster on the meeting's day.

Four members serve; two rows are ticked and the chair has none: the panel lists all four,
the member with no row unticked, and says «có mặt 3/4» as the minutes do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from danvan_desktop.reports.document import LabelledLines
from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meeting_editor import TAB_ATTENDANCE, MeetingEditor
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir


def _fill(found: list[str]) -> Any:
    def fill(session: Session) -> None:
        session.add_member(full_name="Trần Thị Bích", role="deputy")
        session.add_member(full_name="Lê Văn Cường")
        session.add_member(full_name="Lê Thị Hoa")
        session.add_member(full_name="Phạm Văn Dũng", term_end="2025-12-31")  # served before
        meeting_id = session.add_meeting(
            kind="regular",
            title="Họp Tổ dân vận tháng 3/2026",
            starts_at="2026-03-05T19:30",
            chair="Nguyễn Văn An",
            secretary="Trần Thị Bích",
        ).record_id
        assert meeting_id is not None
        for name in ("Trần Thị Bích", "Lê Văn Cường"):
            session.add_record("attendance", meeting_id=meeting_id, name=name, present=True)
        found.append(meeting_id)

    return fill


@pytest.fixture
def editor(qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path) -> MeetingEditor:
    """The minutes editor showing the meeting of four members, two of them ticked."""
    found: list[str] = []
    data_dir = make_team_dir(tmp_path / "data", _fill(found))
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    widget = MeetingEditor(runner, bus)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.open_meeting(found[0])
    widget.tabs.setCurrentIndex(TAB_ATTENDANCE)
    return widget


def _ticks(editor: MeetingEditor) -> dict[str, bool]:
    return {str(r["name"]): bool(r["present"]) for r in editor.attendance.model.rows}


def _minutes_line(qtbot: QtBot, runner: TaskRunner, meeting_id: str) -> str:
    document = call(
        qtbot, runner, lambda ctx: ctx.session.build_report("meeting_minutes", id=meeting_id)
    )
    facts = document.blocks[0]
    assert isinstance(facts, LabelledLines)
    return next(line.value for line in facts.lines if line.label == "Thành phần tham dự")


def _click(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )


def test_panel_lists_every_member_serving_that_day(editor: MeetingEditor) -> None:
    """All four serving members are listed; the one without a row is unticked."""
    assert _ticks(editor) == {
        "Nguyễn Văn An": True,
        "Trần Thị Bích": True,
        "Lê Văn Cường": True,
        "Lê Thị Hoa": False,
    }


def test_panel_counts_as_the_minutes_do(
    qtbot: QtBot, runner: TaskRunner, editor: MeetingEditor
) -> None:
    """The panel, its tab and the minutes all say 3 of 4 present."""
    assert editor.attendance.summary.text() == "Có mặt 3/4 thành viên; 0 khách mời."
    assert editor.tabs.tabText(TAB_ATTENDANCE) == "Điểm danh (3/4)"
    assert _minutes_line(qtbot, runner, editor.meeting_id or "") == (
        "có mặt 3/4 thành viên: Nguyễn Văn An, Trần Thị Bích, Lê Văn Cường"
    )


def test_ticking_an_absent_member_writes_their_row(
    qtbot: QtBot, runner: TaskRunner, editor: MeetingEditor
) -> None:
    """Ticking Lê Thị Hoa stores her row present; the panel and the minutes say 4/4."""
    attendance = editor.attendance
    row = next(i for i, r in enumerate(attendance.model.rows) if r["name"] == "Lê Thị Hoa")
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        _click(attendance.table, attendance.model.index(row, 0))
    meeting_id = editor.meeting_id or ""
    stored = call(qtbot, runner, lambda ctx: ctx.session.meeting_children(meeting_id, "attendance"))
    hoa = next(r for r in stored if r["name"] == "Lê Thị Hoa")
    assert (hoa["present"], hoa["member_id"] is not None) == (1, True)
    assert attendance.summary.text() == "Có mặt 4/4 thành viên; 0 khách mời."
    assert _minutes_line(qtbot, runner, meeting_id) == (
        "có mặt 4/4 thành viên: Nguyễn Văn An, Trần Thị Bích, Lê Văn Cường, Lê Thị Hoa"
    )
