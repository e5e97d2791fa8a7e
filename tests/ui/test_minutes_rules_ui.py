"""The minutes editor holds what is typed to the store's rules, beside the fields: votes no
more than those present, every error line whole, final minutes plainly locked."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meeting_editor import TAB_AGENDA, TAB_OUTCOMES, MeetingEditor
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text

OVER_PRESENT = (
    "Tổng số phiếu là 4 (3 tán thành, 1 không tán thành, 0 không biểu quyết), nhiều hơn số "
    "người có mặt (3): hãy sửa số phiếu, hoặc điểm danh lại nếu còn người có mặt chưa được "
    "đánh dấu."
)


def _meeting_of_three(session: Session) -> None:
    session.add_member(full_name="Trần Thị Bích", role="deputy")
    session.add_member(full_name="Lê Văn Cường")
    session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 19, 30))


def _final_meeting(session: Session) -> None:
    _meeting_of_three(session)
    meeting_id = session.list_records("meeting")[0]["id"]
    session.update_record("meeting", meeting_id, ends_at="2026-11-25T21:00", content="Khai mạc")
    session.add_record("conclusion", meeting_id=meeting_id, content="Sửa đèn đường trước Tết.")
    session.finalise_meeting(meeting_id)


@pytest.fixture
def editor_of(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> Callable[..., MeetingEditor]:
    """The minutes editor on the first meeting of a folder filled by ``fill``."""

    def open_with(fill: Callable[[Session], None], size: tuple[int, int] = (1180, 720)) -> Any:
        done: list[Any] = []
        runner.open_session(make_team_dir(tmp_path / "data", fill), on_done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
        page = MeetingsPage(runner, bus)
        qtbot.addWidget(page)
        page.resize(*size)
        with qtbot.waitSignal(page.list_loaded, timeout=WAIT_MS):
            page.show()
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
        with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
            page.open_meeting(page.model.record_id(0))
        return page.editor

    return open_with


def _votes(qtbot: QtBot, editor: MeetingEditor) -> list[Any]:
    meeting_id = editor.meeting_id or ""
    runner = editor._runner
    return list(call(qtbot, runner, lambda ctx: ctx.session.meeting_children(meeting_id, "vote")))


def _rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def test_more_votes_than_people_present_are_named_as_typed(qtbot: QtBot, editor_of: Any) -> None:
    """Three present, 3 in favour and 1 against typed: the message stands beside the counts."""
    editor = editor_of(_meeting_of_three)
    outcomes = editor.outcomes
    editor.tabs.setCurrentIndex(TAB_OUTCOMES)
    assert outcomes.in_favour.text() == "3"
    outcomes.against.selectAll()
    type_text(outcomes.against, "1")
    error = outcomes.vote_errors["in_favour"]
    assert error.isVisible() and error.text() == OVER_PRESENT


def test_a_vote_beyond_those_present_is_not_saved(qtbot: QtBot, editor_of: Any) -> None:
    """Adding that vote is refused by the store with the same words; no vote is written."""
    editor = editor_of(_meeting_of_three)
    outcomes = editor.outcomes
    editor.tabs.setCurrentIndex(TAB_OUTCOMES)
    type_text(outcomes.subject, "Mở rộng kiệt 12")
    outcomes.against.selectAll()
    type_text(outcomes.against, "1")
    outcomes.add_vote_button.click()
    qtbot.wait(300)
    assert _votes(qtbot, editor) == []
    assert outcomes.vote_errors["in_favour"].text() == OVER_PRESENT


def test_two_errors_by_the_opinion_box_are_whole(qtbot: QtBot, editor_of: Any) -> None:
    """On a small screen, both messages of an empty opinion are fully shown, none overlapping."""
    editor = editor_of(_meeting_of_three, size=(900, 540))
    agenda = editor.agenda
    editor.tabs.setCurrentIndex(TAB_AGENDA)
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        agenda.add_opinion_button.click()  # reloads the rows after the refusal
    qtbot.wait(100)
    speaker, content = agenda.opinion_errors["speaker"], agenda.opinion_errors["content"]
    assert speaker.text().startswith("«Người phát biểu» không được để trống")
    assert content.text().startswith("«Nội dung ý kiến» không được để trống")
    for label in (speaker, content):
        assert label.isVisible()
        assert label.height() >= label.heightForWidth(label.width())
        assert label.height() >= label.minimumSizeHint().height()
    column = [agenda.speaker, speaker, agenda.opinion, content, agenda.add_opinion_button]
    rects = [_rect_in(widget, editor) for widget in column]

    assert all(a.bottom() < b.top() for a, b in itertools.pairwise(rects))


def test_final_minutes_are_read_only_and_look_it(qtbot: QtBot, editor_of: Any) -> None:
    """A final meeting's fields are read only and greyed, with a note saying how to correct."""
    editor = editor_of(_final_meeting)
    header = editor.header
    assert header.title.isReadOnly() and header.content.isReadOnly()
    image = header.title.grab().toImage()
    assert image.pixelColor(image.width() - 6, image.height() // 2) == QColor("#ececec")
    assert editor.lock_note.isVisible()
    assert editor.lock_note.text.text() == (
        "Biên bản đã hoàn tất (Số: 01/BB-TDV) nên chỉ để xem, không sửa được. Muốn sửa nội "
        "dung, bấm «Đính chính…» để lập một bản đính chính; bản này và số của nó vẫn được giữ."
    )


def test_typing_into_final_minutes_changes_nothing(qtbot: QtBot, editor_of: Any) -> None:
    """Keys typed into the title and the proceedings of final minutes change no text."""
    editor = editor_of(_final_meeting)
    header = editor.header
    title = header.title.text()
    header.title.setFocus()
    type_text(header.title, "Sửa")
    type_text(header.content, "Thêm")
    assert (header.title.text(), header.content.toPlainText()) == (title, "Khai mạc")
    assert not editor.autosaver.has_uncommitted


def test_a_draft_has_no_lock_note(qtbot: QtBot, editor_of: Any) -> None:
    """Draft minutes: no note, fields in their usual look."""
    editor = editor_of(_meeting_of_three)
    image = editor.header.title.grab().toImage()
    assert not editor.lock_note.isVisible()
    assert image.pixelColor(image.width() - 6, image.height() // 2) != QColor("#ececec")


def test_an_emptied_count_in_the_table_is_refused_not_zero(qtbot: QtBot, editor_of: Any) -> None:
    """Clearing a vote's «Tán thành» cell: the store names it under the table; 2 stays."""
    editor = editor_of(_meeting_of_three)
    outcomes = editor.outcomes
    editor.tabs.setCurrentIndex(TAB_OUTCOMES)
    type_text(outcomes.subject, "Mở rộng kiệt 12")
    outcomes.in_favour.setText("2")
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        outcomes.add_vote_button.click()
    view, model = outcomes.vote_table, outcomes.vote_model
    index = model.index(0, model.column_of("in_favour"))
    view.setCurrentIndex(index)
    view.edit(index)
    cell = view.indexWidget(index) or view.viewport().focusWidget()
    cell.selectAll()
    QTest.keyClick(cell, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(editor.writer.rows_changed, timeout=WAIT_MS):
        QTest.keyClick(cell, Qt.Key.Key_Return)
    assert outcomes.message.text() == "«Số tán thành» không được để trống: hãy nhập số tán thành."
    assert [v["in_favour"] for v in _votes(qtbot, editor)] == [2]
