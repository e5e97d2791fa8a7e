"""Cuộc họp: the team's meetings newest first, a new meeting from its template, the minutes.

The page shows either the list or the minutes editor of one meeting (more room
on a 1366×768 screen than side by side). The list is read on the read lane a
page at a time as the user scrolls (ui/widgets/paged_records.py), searched as you type
(diacritics optional, in the proceedings, agenda, opinions and conclusions too)
and refreshed when meetings change. Ctrl+N starts a new meeting, Ctrl+S saves the
minutes being edited, Ctrl+F goes to the search box (leaving the editor, which
saves what was typed).

The minutes editor and the new-meeting dialog are made (and their modules loaded) when
first asked for: the list's first visit builds the list only (issue 22's first paint).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.lists import RowsPage
from danvan_desktop.core.vocab import MEETING_KINDS, MEETING_STATES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.draft_autosave import AUTOSAVE_MS, COMMIT_MS
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.one_editor import bring_to_front
from danvan_desktop.ui.widgets.page import Page
from danvan_desktop.ui.widgets.paged_records import PagedRecordModel
from danvan_desktop.ui.widgets.record_table import Column, record_view

if TYPE_CHECKING:
    from danvan_desktop.ui.meetings.meeting_editor import MeetingEditor
    from danvan_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog

SEARCH_DELAY_MS = 200
REFRESH_DELAY_MS = 200
WATCHED = {"meeting", "agenda_item", "opinion", "conclusion", "team", "regulation"}
DRAFT_COLOUR = QColor("#8a4b00")
OLD_VERSION_COLOUR = QColor("#6b7280")


def state_text(row: dict[str, Any]) -> str:
    """Draft or final, the version, and whether a correction replaced it."""
    text = label(MEETING_STATES, str(row.get("state") or "draft"))
    version = int(row.get("version") or 1)
    if version > 1:
        text += tr("MeetingsPage", " (đính chính lần {version})", version=version)
    if row.get("corrected_by_version"):
        text += tr(
            "MeetingsPage",
            " — đã có bản đính chính lần {version}",
            version=row["corrected_by_version"],
        )
    return text


def meeting_page(
    ctx: JobContext, after: tuple[Any, ...] | None, limit: int, count: bool
) -> RowsPage:
    """One page of the meeting list, newest first (read lane)."""
    return ctx.session.meeting_page(after=after, limit=limit, count=count, db=ctx.reader)


def row_colours(row: dict[str, Any]) -> tuple[QColor | None, QColor | None]:
    """Drafts in amber (their state says «Bản nháp» too), replaced versions in grey."""
    if row.get("corrected_by_version"):
        return OLD_VERSION_COLOUR, None
    if row.get("state") != "final":
        return DRAFT_COLOUR, None
    return None, None


class MeetingsPage(Page):
    """The meetings page.

    Signals:
        list_loaded(int): the list now shows this many meetings.
        dialog_opened(object): the new-meeting dialog is on screen.
    """

    list_loaded = Signal(int)
    dialog_opened = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        commit_ms: int = COMMIT_MS,
    ) -> None:
        super().__init__(runner, bus, parent=parent)
        self._generation = 0
        self._listing = False  # the whole list (paged) is shown
        self._searching = False
        self._chosen: str | None = None  # kept selected across a reload of the list
        self.dialog: NewMeetingDialog | None = None
        self.model = PagedRecordModel(
            runner,
            [
                Column("starts_at", tr("MeetingsPage", "Thời gian"), "datetime", width=17),
                Column("title", tr("MeetingsPage", "Tên cuộc họp"), width=0),
                Column(
                    "kind",
                    tr("MeetingsPage", "Loại"),
                    text=lambda r: label(MEETING_KINDS, str(r.get("kind") or "")),
                    width=17,
                ),
                Column("state", tr("MeetingsPage", "Tình trạng"), text=state_text, width=26),
                Column("number_text", tr("MeetingsPage", "Số biên bản"), width=18),
            ],
            self,
        )
        self.model.row_style = row_colours
        self.model.read_only = True
        self._editor: MeetingEditor | None = None  # made when first asked for (``editor``)
        self._editor_timings = (autosave_ms, commit_ms)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.refresh_on(WATCHED, REFRESH_DELAY_MS)
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.list_view = QWidget()
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(12, 12, 12, 6)
        self.new_button = QPushButton(tr("MeetingsPage", "Cuộc họp mới (Ctrl+N)"))
        title = tr("MeetingsPage", "Cuộc họp và biên bản")
        layout.addLayout(self.title_row(title, self.new_button))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            tr("MeetingsPage", "Tìm cuộc họp (Ctrl+F): tên, địa điểm, ý kiến, kết luận…")
        )
        layout.addWidget(self.search)
        self.table = record_view(self.model)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.stack.addWidget(self.list_view)
        QWidget.setTabOrder(self.search, self.table)
        QWidget.setTabOrder(self.table, self.new_button)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_record)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        # activated comes with a double-click (and Enter): one signal, one editor
        self.table.activated.connect(self._open_index)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._list_failed)
        self.model.modelAboutToBeReset.connect(self._remember_choice)

    # -- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again (read lane); answers to older questions are dropped.

        The whole list is read a page at a time (again in place when it is already
        shown); search hits are read in one go.
        """
        self._search_timer.stop()
        self._generation += 1
        generation, text = self._generation, self.search.text().strip()
        if not text:
            self._searching = False
            if self._listing:
                self.model.refresh()
            else:
                self._listing = True
                self.model.load(meeting_page)
            return
        self._listing, self._searching = False, True
        self._runner.read(
            lambda ctx: ctx.session.meeting_list(search=text, db=ctx.reader),
            on_done=lambda rows: self._show_hits(generation, rows),
            on_error=self._list_failed,
            owner=self,
        )

    def _show_hits(self, generation: int, rows: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        chosen = self.current_meeting_id()
        self.model.set_rows(rows)
        self._shown(chosen, tr("MeetingsPage", "Tìm thấy {count} cuộc họp.", count=len(rows)))

    def _page_loaded(self, page: RowsPage) -> None:
        if self._searching:
            return
        if page.total is None:  # a further page: the count already stands
            self.list_loaded.emit(len(self.model.rows))
            return
        if page.total:
            text = tr("MeetingsPage", "{count} cuộc họp, mới nhất ở trên.", count=page.total)
        else:
            text = tr(
                "MeetingsPage", "Chưa có cuộc họp nào: bấm «Cuộc họp mới» để lập biên bản đầu tiên."
            )
        # The selection survives a refresh in place; a reset cleared it, so use the one
        # remembered just before.
        chosen, self._chosen = self.current_meeting_id() or self._chosen, None
        self._shown(chosen, text)

    def _shown(self, chosen: str | None, text: str) -> None:
        row = self.model.row_of(chosen) if chosen else -1
        if row >= 0:
            self.table.selectRow(row)
        self.count_label.setStyleSheet("")
        self.count_label.setText(text)
        self.list_loaded.emit(len(self.model.rows))

    def _remember_choice(self) -> None:
        self._chosen = self.current_meeting_id()

    def _list_failed(self, error: BaseException) -> None:
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(str(error))

    def current_meeting_id(self) -> str | None:
        """The meeting selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    # -- opening ----------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_meeting(self.model.record_id(index.row()))

    def open_meeting(self, meeting_id: str) -> MeetingEditor:
        """Show the minutes editor on one meeting; when it already shows that meeting it is
        brought to the front as it is (nothing read again, nothing typed lost)."""
        if self.editing() and self.editor.meeting_id == meeting_id:
            bring_to_front(self)
            return self.editor
        self.stack.setCurrentWidget(self.editor)
        self.editor.open_meeting(meeting_id)
        return self.editor

    def show_list(self) -> None:
        """Back to the list (what was typed is saved as the editor hides)."""
        self.stack.setCurrentWidget(self.list_view)
        self._refresh_timer.start()
        self.table.setFocus()

    def editing(self) -> bool:
        """True while the minutes editor is shown."""
        return self._editor is not None and self.stack.currentWidget() is self._editor

    @property
    def editor(self) -> MeetingEditor:
        """The minutes editor, made (with its panels) the first time it is asked for."""
        if self._editor is None:
            from danvan_desktop.ui.meetings.meeting_editor import MeetingEditor

            autosave_ms, commit_ms = self._editor_timings
            editor = MeetingEditor(
                self._runner, self._bus, autosave_ms=autosave_ms, commit_ms=commit_ms
            )
            editor.back_requested.connect(self.show_list)
            self.stack.addWidget(editor)
            self._editor = editor
        return self._editor

    def editor_made(self) -> bool:
        """Whether the minutes editor has been made (it is not until a meeting opens)."""
        return self._editor is not None

    # -- shortcuts --------------------------------------------------------------------
    def new_record(self) -> NewMeetingDialog:
        """Ctrl+N: a new meeting from its template."""
        from danvan_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog

        place = next((str(r["place"]) for r in self.model.rows if r.get("place")), "")
        dialog = NewMeetingDialog(self._runner, place=place, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self.open_meeting)
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _forget_dialog(self, dialog: NewMeetingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def save(self) -> None:
        """Ctrl+S: save the minutes being edited."""
        if self.editing():
            self.editor.save()

    def focus_search(self) -> None:
        """Ctrl+F: the list's search box."""
        if self.editing():
            self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
