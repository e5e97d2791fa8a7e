"""Finalising and correcting minutes: ask first, then work on the DB lane.

Finalising commits what is typed and, only when that succeeded, gives the
number and locks the minutes, in one DB-lane job (so nothing typed can slip in
between). Correcting final minutes makes a new draft version (the old one is
kept) and opens it in the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.draft_autosave import CommitReport, DraftAutosaver
from danvan_desktop.ui.meetings.meeting_header import MeetingHeader
from danvan_desktop.ui.meetings.meeting_notices import ask
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr

TAB_FIELDS = 0
TAB_OUTCOMES = 3  # «Kết luận, biểu quyết» (meeting_editor.py's order)


class MinutesEditor(Protocol):
    """What the actions use of the editor they serve (``meeting_editor.MeetingEditor``).

    Named here, not imported: meeting_editor.py imports this module.
    """

    meeting_id: str | None
    sheet: dict[str, Any] | None
    locked: bool
    header: MeetingHeader
    autosaver: DraftAutosaver
    tabs: QTabWidget

    def say(self, text: str, *, error: bool = False) -> None:
        """Show a message above the tabs (red for an error)."""
        ...

    def reload(self, then_say: str | None = None) -> None:
        """Read the open meeting again."""
        ...

    def open_meeting(self, meeting_id: str, *, then_say: str | None = None) -> None:
        """Show a meeting."""
        ...

    def refuse_bad_times(self) -> bool:
        """Name a start or end typed that is not a time; True when there is one."""
        ...


def finalise_job(meeting_id: str) -> Callable[[JobContext], Any]:
    """The follow-up of the commit that finalises: number and lock (DB lane)."""
    return lambda ctx: ctx.session.finalise_meeting(meeting_id)


class MinutesActions(QObject):
    """Finalise or correct the minutes open in ``editor``; ``widget`` (the editor itself)
    owns the actions and their confirmation boxes."""

    def __init__(
        self, editor: MinutesEditor, runner: TaskRunner, bus: EventBus, *, widget: QWidget
    ) -> None:
        super().__init__(widget)
        self._editor = editor
        self._widget = widget
        self._runner = runner
        self._bus = bus
        self.confirm_box: QMessageBox | None = None

    # -- finalising -------------------------------------------------------------------
    def finalise(self) -> None:
        """Ask, then commit what is typed, give the number and lock the minutes."""
        editor = self._editor
        if editor.meeting_id is None or editor.locked or editor.refuse_bad_times():
            return
        self.confirm_box = ask(
            self._widget,
            tr("MeetingEditor", "Hoàn tất biên bản"),
            tr(
                "MeetingEditor",
                "Hoàn tất biên bản «{title}»? Biên bản sẽ được cấp số và khóa lại; muốn sửa sau "
                "này phải lập bản đính chính.",
                title=editor.header.title.text(),
            ),
            tr("MeetingEditor", "Hoàn tất"),
            self._finalise_confirmed,
        )

    def _finalise_confirmed(self) -> None:
        editor = self._editor
        if editor.meeting_id is None:
            return
        editor.header.clear_problems()
        editor.autosaver.commit(then=finalise_job(editor.meeting_id), on_done=self._finalised)

    def _finalised(self, report: CommitReport) -> None:
        editor = self._editor
        error = report.then_error
        if isinstance(error, ValidationError):
            leftover = editor.header.show_problems(error.problems)
            # Only the conclusion is missing: show the tab where one is written.
            only_outcome = len(leftover) == len(error.problems) and "conclusion" in error.fields
            editor.tabs.setCurrentIndex(TAB_OUTCOMES if only_outcome else TAB_FIELDS)
            editor.say(" ".join(leftover) or error.message, error=True)
            return
        if error is not None:
            editor.say(error.message, error=True)
            return
        if report.problems:
            return  # the editor shows them when the commit reports
        self._bus.data_changed.emit({"meeting"})
        editor.reload(tr("MeetingEditor", "Đã hoàn tất biên bản; biên bản đã được cấp số và khóa."))

    # -- correcting -------------------------------------------------------------------
    def correct(self) -> None:
        """Ask, then start a correction (a new version) of final minutes and open it."""
        editor = self._editor
        if editor.meeting_id is None or editor.sheet is None or not editor.locked:
            return
        self.confirm_box = ask(
            self._widget,
            tr("MeetingEditor", "Đính chính biên bản"),
            tr(
                "MeetingEditor",
                "Lập bản đính chính cho biên bản {number}? Bản hiện tại được giữ nguyên; bản "
                "đính chính mở ra để sửa rồi hoàn tất lại.",
                number=editor.sheet.get("number_text") or "",
            ),
            tr("MeetingEditor", "Lập bản đính chính"),
            self._correct_confirmed,
        )

    def _correct_confirmed(self) -> None:
        meeting_id = self._editor.meeting_id
        if meeting_id is None:
            return
        self._runner.db(
            lambda ctx: ctx.session.correct_meeting(meeting_id),
            on_done=self._corrected,
            on_error=self._failed,
            owner=self,
        )

    def _corrected(self, result: Any) -> None:
        editor = self._editor
        self._bus.data_changed.emit(result.entities or {"meeting"})
        old = editor.sheet.get("number_text") if editor.sheet else ""
        editor.open_meeting(
            str(result.record_id),
            then_say=tr(
                "MeetingEditor",
                "Đang sửa bản đính chính; biên bản cũ {number} vẫn được giữ.",
                number=old,
            ),
        )

    def _failed(self, error: BaseException) -> None:
        text = error.message if isinstance(error, DanvanError) else repr(error)
        self._editor.say(text, error=True)

    def open_correction(self) -> None:
        """Open the version that corrected the minutes shown."""
        corrected = (self._editor.sheet or {}).get("corrected_by")
        if corrected:
            self._editor.open_meeting(str(corrected["id"]))
