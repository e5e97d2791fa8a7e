"""Community meetings in the GUI: the new-meeting dialog offers them, the minutes' fields
take the household counts and check them beside the fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meeting_editor import MeetingEditor
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text

OVER_TOTAL = (
    "«Số hộ có đại diện dự họp» (130) lớn hơn «Tổng số hộ của thôn, tổ dân phố» (120): "
    "hãy sửa để số hộ dự họp không vượt quá tổng số hộ."
)


def _page(qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path) -> MeetingsPage:
    def fill(session: Session) -> None:
        session.add_member(full_name="Trần Thị Bích", role="deputy", position="Trưởng thôn")

    done: list[Any] = []
    runner.open_session(make_team_dir(tmp_path / "data", fill), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    page = MeetingsPage(runner, bus)
    qtbot.addWidget(page)
    page.resize(1180, 720)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        page.show()
    return page


def _new(qtbot: QtBot, page: MeetingsPage, kind: str) -> MeetingEditor:
    page.new_record()
    dialog = page.dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.starts_at.set_value(dt.datetime(2026, 12, 6, 8, 0))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        ok.click()
    return page.editor


def _meeting(qtbot: QtBot, runner: TaskRunner, meeting_id: str) -> dict[str, Any]:
    return dict(call(qtbot, runner, lambda ctx: ctx.session.get_record("meeting", meeting_id)))


def test_dialog_offers_the_community_meeting_with_its_note(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """The kind list has «Họp cộng đồng dân cư»; choosing it shows what its form needs."""
    page = _page(qtbot, runner, bus, tmp_path)
    page.new_record()
    dialog = page.dialog
    assert dialog is not None
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert "Họp cộng đồng dân cư" in kinds
    assert not dialog.community_note.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("community"))
    assert dialog.community_note.isVisible()
    assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in dialog.community_note.text()
    dialog.reject()


def test_community_meeting_takes_its_household_counts(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A new community meeting has its agenda, no roster, and saves the counts typed."""
    page = _page(qtbot, runner, bus, tmp_path)
    editor = _new(qtbot, page, "community")
    header = editor.header
    assert header.title.text() == "Họp cộng đồng dân cư"
    assert header.households_total.isVisible() and header.households_represented.isVisible()
    assert editor.attendance.model.rows == []
    assert [r["title"] for r in editor.agenda.agenda_rows()][2] == "Biểu quyết theo hộ gia đình"
    type_text(header.households_total, "120")
    type_text(header.households_represented, "86")
    assert not header.errors["households_represented"].isVisible()
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.save()
    meeting = _meeting(qtbot, runner, editor.meeting_id or "")
    assert (meeting["households_total"], meeting["households_represented"]) == (120, 86)


def test_more_households_than_the_village_has_is_shown_beside_the_field(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Represented above the total: the message stands beside it, and goes once fixed."""
    page = _page(qtbot, runner, bus, tmp_path)
    header = _new(qtbot, page, "community").header
    type_text(header.households_total, "120")
    type_text(header.households_represented, "130")
    error = header.errors["households_represented"]
    assert error.isVisible() and error.text() == OVER_TOTAL
    header.households_represented.clear()
    type_text(header.households_represented, "86")
    assert not error.isVisible()


def test_half_the_households_or_fewer_is_warned_beside_the_field(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """60 of 120 households is not more than half: the law is named beside the field."""
    page = _page(qtbot, runner, bus, tmp_path)
    header = _new(qtbot, page, "community").header
    type_text(header.households_total, "120")
    type_text(header.households_represented, "60")
    error = header.errors["households_represented"]
    assert error.isVisible() and error.text() == (
        "Mới có 60/120 hộ có đại diện dự họp, chưa quá một nửa số hộ của thôn, tổ dân phố: theo "
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, cộng đồng chưa quyết định được việc gì "
        "tại cuộc họp này."
    )
    type_text(header.households_represented, "1")  # 601: too many, said instead
    assert "lớn hơn" in error.text()


def test_store_refuses_the_same_and_the_editor_says_where(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Saving counts that do not add up keeps the old values and shows the store's message."""
    page = _page(qtbot, runner, bus, tmp_path)
    editor = _new(qtbot, page, "community")
    type_text(editor.header.households_total, "120")
    type_text(editor.header.households_represented, "130")
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.save()
    error = editor.header.errors["households_represented"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == OVER_TOTAL
    assert _meeting(qtbot, runner, editor.meeting_id or "")["households_total"] is None


def test_negative_and_unreadable_counts_name_the_fix(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A negative total asks for 0 or more; letters ask for a whole number."""
    page = _page(qtbot, runner, bus, tmp_path)
    header = _new(qtbot, page, "community").header
    type_text(header.households_total, "-5")
    assert header.errors["households_total"].text() == (
        "«Tổng số hộ của thôn, tổ dân phố» không được là số âm: hãy nhập 0 hoặc lớn hơn."
    )
    type_text(header.households_represented, "abc")
    assert (
        header.errors["households_represented"].text().endswith("hãy nhập một số nguyên, ví dụ 12.")
    )


def test_team_meeting_has_no_household_fields(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """A regular team meeting does not show the household counts."""
    page = _page(qtbot, runner, bus, tmp_path)
    header = _new(qtbot, page, "regular").header
    assert not header.households_total.isVisible()
    assert not header.households_represented.isVisible()
    header.kind.setCurrentIndex(header.kind.findData("community"))
    assert header.households_total.isVisible()
