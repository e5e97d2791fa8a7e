"""The minutes editor: one meeting's fields, attendance, agenda and opinions, outcomes, tasks.

The meeting's own fields and the agenda items' notes are free text typed during
the meeting: they autosave as drafts (ui.draft_autosave) and reach the record
and the outbox on save (Ctrl+S), when the user leaves the form, and at least
every 5 minutes. Child rows (attendance, opinions, conclusions, votes, tasks)
are saved one by one as they are added (ui.child_rows). A draft left behind by
a killed process is restored when the meeting is opened again, with a note.
Finalising asks first, commits what is typed, gives the number and locks the
editor; «Đính chính» makes a new version and opens it, keeping the old one.
Final minutes look locked: their fields are read only, greyed, and a note above
the tabs says why and how a correction is made.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.agenda_panel import AgendaPanel
from danvan_desktop.ui.meetings.attendance_panel import AttendancePanel
from danvan_desktop.ui.meetings.child_rows import ChildRows
from danvan_desktop.ui.meetings.draft_autosave import (
    AUTOSAVE_MS,
    COMMIT_MS,
    CommitReport,
    DraftAutosaver,
)
from danvan_desktop.ui.meetings.meeting_header import MeetingHeader
from danvan_desktop.ui.meetings.meeting_notices import (
    RestoredNote,
    saved_time_text,
    speaker_names,
    state_line,
)
from danvan_desktop.ui.meetings.meeting_tasks_panel import MeetingTasksPanel
from danvan_desktop.ui.meetings.minutes_actions import MinutesActions
from danvan_desktop.ui.meetings.minutes_bar import MinutesBar
from danvan_desktop.ui.meetings.minutes_lock import LockNote, show_locked
from danvan_desktop.ui.meetings.opinion_petitions import OpinionPetitions
from danvan_desktop.ui.meetings.outcomes_panel import OutcomesPanel
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

TAB_FIELDS, TAB_ATTENDANCE, TAB_AGENDA, TAB_OUTCOMES, TAB_TASKS = range(5)


class MeetingEditor(QWidget):
    """Edits one meeting's minutes.

    Signals:
        loaded(str): the meeting with this id is shown.
        back_requested(): the user asked for the meeting list.
        committed(object): what is typed reached the records (a CommitReport).
    """

    loaded = Signal(str)
    back_requested = Signal()
    committed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        commit_ms: int = COMMIT_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.meeting_id: str | None = None
        self.sheet: dict[str, Any] | None = None
        self.locked = False
        self._after_load: str | None = None
        self.autosaver = DraftAutosaver(
            runner, autosave_ms=autosave_ms, commit_ms=commit_ms, parent=self
        )
        self.writer = ChildRows(runner, bus, self)
        self.lifecycle = MinutesActions(self, runner, bus, widget=self)
        self._build()
        self._connect()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        bar = MinutesBar()
        layout.addWidget(bar)
        self.back_button, self.title_label = bar.back_button, bar.title_label
        self.save_button, self.finalise_button = bar.save_button, bar.finalise_button
        self.correct_button = bar.correct_button
        self.open_correction_button = bar.open_correction_button
        self.state_label, self.autosave_label = bar.state_label, bar.autosave_label
        self.restored = RestoredNote()
        layout.addWidget(self.restored)
        self.lock_note = LockNote()
        layout.addWidget(self.lock_note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.header = MeetingHeader()
        self.attendance = AttendancePanel(self.writer)
        self.agenda = AgendaPanel(self.writer)
        self.opinion_petitions = OpinionPetitions(self._runner, self._bus, self.agenda)
        self.outcomes = OutcomesPanel(self.writer)
        self.tasks = MeetingTasksPanel(self.writer)
        for page, title in (
            (self.header, tr("MeetingEditor", "Thông tin chung")),
            (self.attendance, tr("MeetingEditor", "Điểm danh")),
            (self.agenda, tr("MeetingEditor", "Nội dung, ý kiến")),
            (self.outcomes, tr("MeetingEditor", "Kết luận, biểu quyết")),
            (self.tasks, tr("MeetingEditor", "Nhiệm vụ")),
        ):
            self.tabs.addTab(page, title)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.back_requested.emit)
        self.save_button.clicked.connect(self.save)
        self.finalise_button.clicked.connect(self.finalise)
        self.correct_button.clicked.connect(self.correct)
        self.open_correction_button.clicked.connect(self.lifecycle.open_correction)
        self.restored.discard_requested.connect(self.discard_restored)
        self.header.changed.connect(self._header_changed)
        self.agenda.draft_changed.connect(
            lambda item_id, fields: self.autosaver.changed("agenda_item", item_id, fields)
        )
        self.autosaver.saved.connect(self._drafts_saved)
        self.autosaver.committed.connect(self._committed)
        self.writer.rows_changed.connect(self._child_rows_changed)
        self.writer.failed.connect(lambda _entity, error: self.say(_text(error), error=True))

    # -- opening ----------------------------------------------------------------------
    def open_meeting(self, meeting_id: str, *, then_say: str | None = None) -> None:
        """Show a meeting (saving what was typed in the one shown before)."""
        self.leave()
        self.autosaver.forget()
        self.meeting_id = meeting_id
        self.writer.meeting_id = meeting_id
        self._after_load = then_say
        self.setEnabled(False)
        self._runner.db(
            lambda ctx: ctx.session.meeting_sheet(meeting_id),
            on_done=self._show_sheet,
            on_error=self._load_failed,
            owner=self,
        )

    def reload(self, then_say: str | None = None) -> None:
        """Read the open meeting again (after finalising, or throwing drafts away)."""
        if self.meeting_id is not None:
            self.autosaver.forget()
            self.open_meeting(self.meeting_id, then_say=then_say)

    def _show_sheet(self, sheet: dict[str, Any]) -> None:
        meeting = sheet["meeting"]
        if meeting["id"] != self.meeting_id:
            return  # an answer for a meeting opened before the last one
        self.sheet = sheet
        final = meeting["state"] == "final"
        drafts = {} if final else {(d["entity"], d["record_id"]): d for d in sheet["drafts"]}
        meeting_draft = drafts.get(("meeting", meeting["id"]))
        members = sheet["members"]
        self.header.set_members([str(m["full_name"]) for m in members])
        self.header.cutoffs = sheet["cutoffs"]  # a review's default period
        self.header.set_values({**meeting, **(meeting_draft or {}).get("fields", {})})
        self.attendance.set_sheet(sheet["attendance"], members, meeting)
        agenda_drafts = {rid: d["fields"] for (e, rid), d in drafts.items() if e == "agenda_item"}
        self.agenda.set_sheet(sheet["agenda_item"], sheet["opinion"], agenda_drafts)
        self.agenda.set_speakers(speaker_names(sheet["attendance"], members))
        self.outcomes.set_sheet(
            sheet["conclusion"], sheet["vote"], sheet["attendance"], meeting, members
        )
        self.tasks.set_sheet(sheet["task"], members)
        for (entity, record_id), draft in drafts.items():
            self.autosaver.adopt(entity, record_id, draft["fields"])
        self.restored.show_for([d["saved_at"] for d in drafts.values()])
        self._set_locked(final)
        self._show_state(sheet)
        self._update_tab_titles()
        self.autosave_label.clear()
        self.setEnabled(True)
        if self._after_load:
            self.say(self._after_load)
            self._after_load = None
        else:
            self.message.hide()
        self.loaded.emit(str(meeting["id"]))

    def _load_failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.say(_text(error), error=True)

    def _set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.autosaver.enabled = not locked
        self.header.set_read_only(locked)
        for panel in (self.attendance, self.agenda, self.outcomes, self.tasks):
            panel.set_locked(locked)
        self.save_button.setVisible(not locked)
        show_locked(self.tabs, locked)

    def _show_state(self, sheet: dict[str, Any]) -> None:
        meeting = sheet["meeting"]
        final = meeting["state"] == "final"
        corrected = sheet.get("corrected_by")
        self.state_label.setText(state_line(sheet))
        self.title_label.setText(str(meeting.get("title") or ""))
        self.finalise_button.setVisible(not final)
        self.correct_button.setVisible(final and not corrected)
        self.open_correction_button.setVisible(bool(corrected))
        self.lock_note.show_for(sheet)

    def _update_tab_titles(self) -> None:
        present, listed = self.attendance.counts  # the roster on the meeting's day
        self.tabs.setTabText(
            TAB_ATTENDANCE,
            tr("MeetingEditor", "Điểm danh ({present}/{total})", present=present, total=listed),
        )
        self.tabs.setTabText(
            TAB_TASKS, tr("MeetingEditor", "Nhiệm vụ ({count})", count=len(self.tasks.model.rows))
        )

    # -- typing and saving ------------------------------------------------------------
    def _header_changed(self) -> None:
        if self.meeting_id is not None and not self.locked:
            self.autosaver.changed("meeting", self.meeting_id, self.header.values())
            self.title_label.setText(self.header.title.text())

    def _drafts_saved(self, _count: int) -> None:
        self.autosave_label.setText(
            tr("MeetingEditor", "Đã tự động lưu nháp lúc {time}", time=saved_time_text())
        )

    def save(self) -> None:
        """Ctrl+S: write what is typed into the minutes now."""
        if self.meeting_id is None or self.locked:
            return
        self.header.clear_problems()
        if self.refuse_bad_times():
            return
        if not self.autosaver.commit(on_done=self._saved):
            self.say(tr("MeetingEditor", "Biên bản đã được lưu; không có gì mới cần lưu."))

    def refuse_bad_times(self) -> bool:
        """A start or end typed that is not a time: named beside it, focused; True if so.

        The draft keeps the last good time meanwhile (the field's value).
        """
        if not self.header.bad_times():
            return False
        self.tabs.setCurrentIndex(TAB_FIELDS)
        self.header.refuse_bad_times()
        self.say(
            tr(
                "MeetingEditor",
                "Chưa lưu vào biên bản: thời gian có ghi chú màu đỏ không phải ngày giờ có "
                "thật, hãy sửa lại. Phần đang soạn vẫn được giữ trong bản nháp.",
            ),
            error=True,
        )
        return True

    def _saved(self, report: CommitReport) -> None:
        if report.ok:
            self.say(tr("MeetingEditor", "Đã lưu biên bản lúc {time}.", time=saved_time_text()))

    def leave(self) -> None:
        """The user leaves the form: what is typed goes into the records."""
        if self.meeting_id is not None and self.autosaver.has_uncommitted:
            self.autosaver.commit()

    def hideEvent(self, event: QHideEvent) -> None:
        """Another page, or the window closing, is leaving the form too."""
        self.leave()
        super().hideEvent(event)

    def _committed(self, report: CommitReport) -> None:
        if report.entities:
            self._bus.data_changed.emit(report.entities)
        if "meeting" in report.entities and self.meeting_id is not None:
            self._reread_meeting(self.meeting_id)
        self.committed.emit(report)
        if not report.problems:
            self.restored.hide()
            return
        agenda_ids = {r["id"] for r in self.agenda.agenda_rows()}
        here = 0
        for (entity, record_id), error in report.problems.items():
            if record_id != self.meeting_id and record_id not in agenda_ids:
                continue  # a meeting left before: its draft is kept and restored on return
            here += 1
            if entity == "meeting" and isinstance(error, ValidationError):
                leftover = self.header.show_problems(error.problems)
                self.tabs.setCurrentIndex(TAB_FIELDS)
                if leftover:
                    self.say(" ".join(leftover), error=True)
                    return
            elif entity == "agenda_item":
                self.agenda.show_item_problem(record_id, error)
                self.tabs.setCurrentIndex(TAB_AGENDA)
        if here:
            text = tr(
                "MeetingEditor",
                "Chưa lưu được vào biên bản: hãy sửa các mục có ghi chú màu đỏ. Phần đang soạn "
                "vẫn được giữ trong bản nháp.",
            )
        else:
            text = tr(
                "MeetingEditor",
                "Biên bản vừa đóng chưa lưu được vì có mục chưa hợp lệ; phần đang soạn vẫn được "
                "giữ trong bản nháp và sẽ hiện lại khi mở biên bản đó.",
            )
        self.say(text, error=True)

    def _reread_meeting(self, meeting_id: str) -> None:
        """The meeting as saved bounds its votes (its kind and household counts)."""
        self._runner.db(
            lambda ctx: ctx.session.get_record("meeting", meeting_id),
            on_done=self._meeting_reread,
            owner=self,
        )

    def _meeting_reread(self, meeting: dict[str, Any]) -> None:
        if meeting["id"] == self.meeting_id:
            self.outcomes.set_meeting(meeting)
            self.attendance.set_meeting(meeting)  # its day, chair and secretary count
            self._update_tab_titles()

    def discard_restored(self) -> None:
        """Throw away the drafts restored from an earlier session and show the saved minutes."""
        if self.meeting_id is None or self.sheet is None:
            return
        keys = [(d["entity"], d["record_id"]) for d in self.sheet["drafts"]]
        self.autosaver.forget()

        def discard(ctx: JobContext) -> None:
            for entity, record_id in keys:
                ctx.session.discard_draft(entity, record_id)

        self._runner.db(
            discard,
            on_done=lambda _: self.reload(tr("MeetingEditor", "Đã bỏ phần khôi phục.")),
            owner=self,
        )

    # -- finalising and correcting (ui.minutes_actions) -------------------------------
    def finalise(self) -> None:
        """Ask, then commit what is typed, give the number and lock the minutes."""
        self.lifecycle.finalise()

    def correct(self) -> None:
        """Ask, then start a correction (a new version) of final minutes and open it."""
        self.lifecycle.correct()

    @property
    def confirm_box(self) -> QMessageBox | None:
        """The confirmation on screen (finalise or correct), if any."""
        return self.lifecycle.confirm_box

    # -- child rows -------------------------------------------------------------------
    def _child_rows_changed(self, entity: str, rows: object) -> None:
        assert isinstance(rows, list)
        if self.sheet is not None:
            self.sheet[entity] = rows
        if entity == "attendance" and self.sheet is not None:
            self.agenda.set_speakers(speaker_names(rows, self.sheet["members"]))
            self.outcomes.set_attendance(rows)
        self._update_tab_titles()

    def say(self, text: str, *, error: bool = False) -> None:
        """Show a message above the tabs (green, or red for an error)."""
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1d6b3a;")
        self.message.show()


def _text(error: BaseException) -> str:
    return error.message if isinstance(error, DanvanError) else repr(error)
