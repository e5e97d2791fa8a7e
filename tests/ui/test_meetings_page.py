"""The meetings page: the list, a new meeting from its template, the minutes editor.

Driven as a user would: Ctrl+N, clicks on tick boxes, Vietnamese typed key by
key, the confirmation boxes answered by pressing their buttons. What reached
the store is read back through the Session on the DB lane.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.draft_autosave import AUTOSAVE_MS, COMMIT_MS
from danvan_desktop.ui.meetings.meeting_editor import TAB_FIELDS, MeetingEditor
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, double_click_row, make_team_dir, type_text, wait_idle

OPINION = "Đề nghị sửa đèn đường gần trường học trước Tết"


def _roster(session: Session) -> None:
    session.add_member(full_name="Trần Thị Bích", role="deputy", position="Trưởng thôn")
    session.add_member(full_name="Lê Văn Cường", role="member", organisation="Hội Nông dân")


def _with_meeting(session: Session) -> None:
    _roster(session)
    session.create_meeting(
        kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0), place="Nhà văn hóa"
    )


@pytest.fixture
def opened(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> Callable[..., TaskRunner]:
    """Open a team folder filled by ``fill`` on the runner's DB lane."""

    def open_with(fill: Callable[[Session], None]) -> TaskRunner:
        data_dir = make_team_dir(tmp_path / "data", fill)
        done: list[Any] = []
        runner.open_session(data_dir, on_done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
        return runner

    return open_with


def _page(
    qtbot: QtBot,
    runner: TaskRunner,
    bus: EventBus,
    *,
    autosave_ms: int = AUTOSAVE_MS,
    commit_ms: int = COMMIT_MS,
) -> MeetingsPage:
    page = MeetingsPage(runner, bus, autosave_ms=autosave_ms, commit_ms=commit_ms)
    qtbot.addWidget(page)
    page.resize(1180, 720)
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        page.show()
    return page


def _open_first(qtbot: QtBot, page: MeetingsPage) -> MeetingEditor:
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        page.open_meeting(page.model.record_id(0))
    return page.editor


def _meeting(qtbot: QtBot, runner: TaskRunner, meeting_id: str) -> dict[str, Any]:
    return dict(call(qtbot, runner, lambda ctx: ctx.session.get_record("meeting", meeting_id)))


def _children(qtbot: QtBot, runner: TaskRunner, meeting_id: str, entity: str) -> list[Any]:
    return list(call(qtbot, runner, lambda ctx: ctx.session.meeting_children(meeting_id, entity)))


def _click_cell(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )


def _new_meeting(qtbot: QtBot, page: MeetingsPage) -> MeetingEditor:
    page.new_record()
    dialog = page.dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("regular"))
    dialog.starts_at.set_value(dt.datetime(2026, 11, 25, 19, 30))
    dialog.place.clear()
    type_text(dialog.place, "Nhà văn hóa tổ dân phố 5")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        ok.click()
    return page.editor


def _finalise(qtbot: QtBot, editor: MeetingEditor) -> None:
    editor.finalise_button.click()
    box = editor.confirm_box
    assert box is not None
    with qtbot.waitSignal(editor.loaded, timeout=WAIT_MS):
        box.accept_button.click()  # type: ignore[attr-defined]


def _add_opinion(qtbot: QtBot, editor: MeetingEditor, speaker: str, text: str) -> None:
    agenda = editor.agenda
    editor.tabs.setCurrentIndex(2)
    agenda.agenda_table.selectRow(0)
    agenda.speaker.setEditText(speaker)
    type_text(agenda.opinion, text)
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        agenda.add_opinion_button.click()


def _add_conclusion(qtbot: QtBot, editor: MeetingEditor, text: str) -> None:
    outcomes = editor.outcomes
    editor.tabs.setCurrentIndex(3)
    type_text(outcomes.conclusion, text)
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        outcomes.add_conclusion_button.click()


def _add_task(qtbot: QtBot, editor: MeetingEditor, title: str, owner: str, deadline: str) -> None:
    tasks = editor.tasks
    editor.tabs.setCurrentIndex(4)
    type_text(tasks.title, title)
    tasks.owner.setCurrentIndex(tasks.owner.findText(owner))
    tasks.deadline.set_value(deadline)
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        tasks.add_button.click()


def test_meeting_from_template_to_final_and_corrected(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """New meeting, absence ticked, a Vietnamese opinion, a task, finalised, then corrected."""
    runner = opened(_roster)
    page = _page(qtbot, runner, bus)
    editor = _new_meeting(qtbot, page)
    meeting_id = editor.meeting_id or ""
    assert editor.header.title.text() == "Họp Tổ dân vận tháng 11/2026"
    assert editor.header.starts_at.text() == "25/11/2026 19:30"
    assert editor.header.chair.currentText() == "Nguyễn Văn An"
    editor.tabs.setCurrentIndex(1)
    attendance = editor.attendance
    row = next(i for i, r in enumerate(attendance.model.rows) if r["name"] == "Lê Văn Cường")
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        _click_cell(attendance.table, attendance.model.index(row, 0))
    _add_opinion(qtbot, editor, "Trần Thị Bích", OPINION)
    _add_task(qtbot, editor, "Khảo sát đèn đường", "Lê Văn Cường", "2026-12-10")
    _add_conclusion(qtbot, editor, "Lắp đèn đường trước Tết.")
    editor.tabs.setCurrentIndex(TAB_FIELDS)
    editor.header.ends_at.set_value("2026-11-25T21:00")
    _finalise(qtbot, editor)

    present = {r["name"]: r["present"] for r in _children(qtbot, runner, meeting_id, "attendance")}
    assert present == {"Nguyễn Văn An": 1, "Trần Thị Bích": 1, "Lê Văn Cường": 0}
    [opinion] = _children(qtbot, runner, meeting_id, "opinion")
    first_item = _children(qtbot, runner, meeting_id, "agenda_item")[0]
    assert (opinion["speaker"], opinion["content"]) == ("Trần Thị Bích", OPINION)
    assert opinion["agenda_item_id"] == first_item["id"]
    [task] = _children(qtbot, runner, meeting_id, "task")
    assert (task["title"], task["owner_name"], task["deadline"]) == (
        "Khảo sát đèn đường",
        "Lê Văn Cường",
        "2026-12-10",
    )
    assert task["owner_member_id"] is not None
    assert _meeting(qtbot, runner, meeting_id)["number"] == 1
    assert editor.state_label.text().startswith("Số: 01/BB-TDV · Đã hoàn tất")
    assert editor.header.title.isReadOnly() and editor.header.content.isReadOnly()
    assert not editor.save_button.isVisible() and not editor.tasks.entry.isVisible()
    assert not attendance.model.flags(attendance.model.index(0, 0)) & (
        Qt.ItemFlag.ItemIsUserCheckable
    )

    editor.correct_button.click()
    box = editor.confirm_box
    assert box is not None
    with qtbot.waitSignal(editor.loaded, timeout=WAIT_MS):
        box.accept_button.click()  # type: ignore[attr-defined]
    new_id = editor.meeting_id or ""
    assert new_id != meeting_id
    new = _meeting(qtbot, runner, new_id)
    assert (new["version"], new["state"], new["supersedes_id"]) == (2, "draft", meeting_id)
    assert _meeting(qtbot, runner, meeting_id)["state"] == "final"
    assert "lần 2" in editor.state_label.text() and not editor.header.title.isReadOnly()
    assert "Số: 01/BB-TDV vẫn được giữ" in editor.message.text()
    [copied] = _children(qtbot, runner, new_id, "opinion")
    assert copied["content"] == OPINION


def test_list_is_newest_first_with_numbers(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """Newest meeting on top; final minutes show «Số: 01/BB-TDV», drafts say «Bản nháp»."""

    def fill(session: Session) -> None:
        old = session.add_meeting(
            kind="regular",
            title="Họp tháng 10",
            starts_at="25/10/2026 08:00",
            ends_at="25/10/2026 10:00",
        ).record_id
        session.add_record("conclusion", meeting_id=old, content="Thống nhất thực hiện.")
        session.finalise_meeting(old or "")
        session.add_meeting(kind="adhoc", title="Họp đột xuất", starts_at="02/11/2026 19:00")

    page = _page(qtbot, opened(fill), bus)
    texts = [
        [page.model.index(r, c).data() for c in range(5)] for r in range(page.model.rowCount())
    ]
    assert texts == [
        ["02/11/2026 19:00", "Họp đột xuất", "Họp đột xuất", "Bản nháp", ""],
        ["25/10/2026 08:00", "Họp tháng 10", "Họp định kỳ", "Đã hoàn tất", "Số: 01/BB-TDV"],
    ]


def test_search_finds_a_meeting_by_its_opinion(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """Typing words of an opinion without diacritics keeps only that meeting."""

    def fill(session: Session) -> None:
        lamp = session.add_meeting(
            kind="regular", title="Họp tháng 10", starts_at="25/10/2026 08:00"
        )
        session.add_meeting(kind="regular", title="Họp tháng 11", starts_at="25/11/2026 08:00")
        session.add_record("opinion", meeting_id=lamp.record_id, speaker="Bà Lan", content=OPINION)

    page = _page(qtbot, opened(fill), bus)
    assert page.model.rowCount() == 2
    with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
        QTest.keyClicks(page.search, "den duong")
    assert [r["title"] for r in page.model.rows] == ["Họp tháng 10"]
    assert page.count_label.text() == "Tìm thấy 1 cuộc họp."


def test_finalising_without_end_time_is_shown_beside_it(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """No end time: the message stands under «Thời gian kết thúc»; the minutes stay a draft."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus))
    editor.finalise_button.click()
    box = editor.confirm_box
    assert box is not None
    box.accept_button.click()  # type: ignore[attr-defined]
    error = editor.header.errors["ends_at"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text().startswith("Chưa ghi «Thời gian kết thúc»")
    assert not editor.locked
    assert _meeting(qtbot, runner, editor.meeting_id or "")["state"] == "draft"


def test_finalising_without_a_conclusion_shows_where_to_write_one(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """End time given, no conclusion: the message names it and «Kết luận, biểu quyết» opens."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus))
    editor.header.ends_at.set_value("2026-11-25T10:00")
    editor.finalise_button.click()
    box = editor.confirm_box
    assert box is not None
    box.accept_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: editor.message.isVisible(), timeout=WAIT_MS)
    assert editor.message.text().startswith("Biên bản chưa có kết luận của chủ trì")
    assert editor.tabs.currentIndex() == 3
    assert _meeting(qtbot, runner, editor.meeting_id or "")["state"] == "draft"


def test_end_before_start_is_shown_on_save(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """Ctrl+S with an end before the start: the store's message under the end time."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus))
    editor.header.ends_at.set_value("2026-11-25T07:00")
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.save()
    error = editor.header.errors["ends_at"]
    assert error.isVisible()
    assert error.text().startswith("«Thời gian kết thúc» ở trước «Thời gian bắt đầu»")
    assert _meeting(qtbot, runner, editor.meeting_id or "")["ends_at"] is None


def test_task_deadline_before_the_meeting_is_shown_beside_it(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """A deadline before the meeting day is refused under the deadline field."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus))
    tasks = editor.tasks
    editor.tabs.setCurrentIndex(4)
    type_text(tasks.title, "Sửa đèn")
    tasks.deadline.set_value("2026-11-01")
    tasks.add_button.click()
    qtbot.waitUntil(tasks.errors["deadline"].isVisible, timeout=WAIT_MS)
    assert "«Thời hạn» ở trước ngày họp 25/11/2026" in tasks.errors["deadline"].text()
    assert _children(qtbot, runner, editor.meeting_id or "", "task") == []


def test_typing_autosaves_a_draft_then_leaving_commits_it(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """The proceedings reach the drafts table after the autosave delay, the record on leaving."""
    runner = opened(_with_meeting)
    page = _page(qtbot, runner, bus, autosave_ms=300)
    editor = _open_first(qtbot, page)
    meeting_id = editor.meeting_id or ""
    with qtbot.waitSignal(editor.autosaver.saved, timeout=WAIT_MS):
        type_text(editor.header.content, "Ông Cường phát biểu")
    draft = call(qtbot, runner, lambda ctx: ctx.session.load_draft("meeting", meeting_id))
    assert draft is not None and draft["content"] == "Ông Cường phát biểu"
    assert _meeting(qtbot, runner, meeting_id)["content"] is None
    assert editor.autosave_label.text().startswith("Đã tự động lưu nháp lúc")
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.back_button.click()
    assert _meeting(qtbot, runner, meeting_id)["content"] == "Ông Cường phát biểu"
    assert call(qtbot, runner, lambda ctx: ctx.session.load_draft("meeting", meeting_id)) is None
    pending = call(qtbot, runner, lambda ctx: ctx.session.pending_operations())
    assert any(op.record_id == meeting_id and "content" in op.fields for op in pending)


def test_the_commit_timer_saves_the_record_without_leaving(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """Left open, the form still commits what is typed when the long timer fires."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus, commit_ms=500))
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        type_text(editor.header.content, "Khai mạc")
    assert _meeting(qtbot, runner, editor.meeting_id or "")["content"] == "Khai mạc"


def test_agenda_notes_autosave_as_the_item_draft(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """Notes typed under an agenda item are that item's draft, then its record on Ctrl+S."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus, autosave_ms=200))
    editor.tabs.setCurrentIndex(2)
    editor.agenda.agenda_table.selectRow(1)
    item_id = editor.agenda.current_item_id() or ""
    with qtbot.waitSignal(editor.autosaver.saved, timeout=WAIT_MS):
        type_text(editor.agenda.notes, "Dân phản ánh rác ở bờ sông")
    draft = call(qtbot, runner, lambda ctx: ctx.session.load_draft("agenda_item", item_id))
    assert draft is not None and draft["notes"] == "Dân phản ánh rác ở bờ sông"
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        editor.save()
    item = call(qtbot, runner, lambda ctx: ctx.session.get_record("agenda_item", item_id))
    assert item["notes"] == "Dân phản ánh rác ở bờ sông"


def test_a_draft_left_behind_is_restored_with_a_note(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """A draft in the store (a killed run) shows in the form, with a note offering to drop it."""
    runner = opened(_with_meeting)
    page = _page(qtbot, runner, bus)
    meeting_id = page.model.record_id(0)
    call(
        qtbot,
        runner,
        lambda ctx: ctx.session.save_draft("meeting", meeting_id, {"content": "Đang ghi dở"}),
    )
    editor = _open_first(qtbot, page)
    assert editor.header.content.toPlainText() == "Đang ghi dở"
    assert editor.restored.isVisible()
    assert editor.restored.text.text().startswith("Đã khôi phục phần đang soạn dở")
    with qtbot.waitSignal(editor.loaded, timeout=WAIT_MS):
        editor.restored.discard_button.click()
    assert editor.header.content.toPlainText() == ""
    assert not editor.restored.isVisible()
    assert call(qtbot, runner, lambda ctx: ctx.session.load_draft("meeting", meeting_id)) is None


def test_guest_without_a_name_is_refused_beside_the_name(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """Adding a guest with no name says so under the name; a named guest is listed."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus))
    attendance = editor.attendance
    editor.tabs.setCurrentIndex(1)
    attendance.add_guest_button.click()
    qtbot.waitUntil(attendance.guest_errors["name"].isVisible, timeout=WAIT_MS)
    assert attendance.guest_errors["name"].text().startswith("«Họ và tên» không được để trống")
    type_text(attendance.guest_name, "Hồ Thị Hoa")
    type_text(attendance.guest_organisation, "Mặt trận phường")
    attendance.add_guest_button.click()
    # The summary is recomputed after the saved rows are read back on the lane.
    qtbot.waitUntil(
        lambda: attendance.summary.text() == "Có mặt 3/3 thành viên; 1 khách mời.",
        timeout=WAIT_MS,
    )
    assert editor.tabs.tabText(1) == "Điểm danh (3/3)"


def test_leaving_the_page_commits_what_is_typed(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """Hiding the page (another page chosen) saves the proceedings into the record."""
    runner = opened(_with_meeting)
    page = _page(qtbot, runner, bus)
    editor = _open_first(qtbot, page)
    type_text(editor.header.content, "Bế mạc")
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        page.hide()
    wait_idle(qtbot, runner)
    assert _meeting(qtbot, runner, editor.meeting_id or "")["content"] == "Bế mạc"


def test_closing_the_window_commits_what_is_typed(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """Closing the application with the minutes open saves the proceedings into the record."""
    data_dir = make_team_dir(tmp_path / "data", _with_meeting)
    controller = start_app(data_dir, start_page="meetings")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    window = controller.window
    page = window.page("meetings")
    editor = _open_first(qtbot, page)
    type_text(editor.header.content, "Bế mạc lúc 21 giờ")
    with qtbot.waitSignal(editor.committed, timeout=WAIT_MS):
        window.close()
    meeting = _meeting(qtbot, controller.runner, editor.meeting_id or "")
    assert meeting["content"] == "Bế mạc lúc 21 giờ"


def test_steady_typing_still_autosaves_on_time(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """Keys every 50 ms never pause, yet the draft is written once the period has passed."""
    runner = opened(_with_meeting)
    editor = _open_first(qtbot, _page(qtbot, runner, bus, autosave_ms=400))
    saved: list[float] = []
    editor.autosaver.saved.connect(lambda _count: saved.append(time.monotonic()))
    started = time.monotonic()
    for char in "Khai mạc hội nghị tổ dân vận":
        type_text(editor.header.content, char)
        qtbot.wait(50)
    assert saved, "no draft was written while typing"
    assert saved[0] - started < 1.0  # 400 ms after the first key, plus the lane's round trip


def test_a_double_click_opens_the_minutes_once(qtbot: QtBot, opened: Any, bus: EventBus) -> None:
    """A double-click on a meeting loads its minutes once, not twice."""
    page = _page(qtbot, opened(_with_meeting), bus)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    loads: list[bool] = []
    page.editor.loaded.connect(lambda *_: loads.append(True))
    double_click_row(page.table, 0)
    qtbot.waitUntil(lambda: bool(loads), timeout=WAIT_MS)
    qtbot.wait(200)
    assert page.editing() and len(loads) == 1


def test_asking_again_for_the_open_meeting_keeps_what_was_typed(
    qtbot: QtBot, opened: Any, bus: EventBus
) -> None:
    """A double-click opens the minutes; asking for the same meeting again (another path)
    reads nothing again and keeps the title being typed."""
    page = _page(qtbot, opened(_with_meeting), bus)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    loads: list[str] = []
    page.editor.loaded.connect(loads.append)
    double_click_row(page.table, 0)
    qtbot.waitUntil(lambda: bool(loads), timeout=WAIT_MS)
    page.editor.header.title.setText("Họp tổ, đang gõ dở")
    assert page.open_meeting(loads[0]) is page.editor
    qtbot.wait(200)
    assert len(loads) == 1 and page.editing()
    assert page.editor.header.title.text() == "Họp tổ, đang gõ dở"
