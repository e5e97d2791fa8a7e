"""Báo cáo: choose an official document, see it, and write it onto a USB stick.

On the left the kinds of document (``Session.report_kinds()``), what each asks
for (a model, a meeting, a period, a year, a commune) and the layout preset —
a state document (Decree 30/2020) or a Party document (guidance 36-HD/VPTW). On
the right a preview of the draft, built on the read lane from the same Document
model the DOCX/PDF/XLSX renderers use (PySide6-Essentials has no QtPdf, and no
outside tool may be needed at run time). «Xuất ra USB…» opens the export dialog.
Under the preview, «Văn bản đã cấp» lists the documents issued on this laptop;
«Xuất lại…» writes one again, in any of its formats, from its stored copy.

The first visit paints at once, «Đang chuẩn bị…»; the kinds of document (the report
builders, imported on the GUI thread, never a worker's) load after that paint, then the
preview is asked for (issue 22: a first paint within 150 ms, no stall over 50 ms).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.session import Session
from danvan_desktop.session.reports import safe_file_name
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.reports.export_dialog import ExportDialog, FolderChooser
from danvan_desktop.ui.reports.issued_list import IssuedList, issued_file_name
from danvan_desktop.ui.reports.report_params import ReportParams
from danvan_desktop.ui.reports.report_preview import (
    DocumentPreview,
    preview_job,
    preview_note,
    request_key,
    suggested_name,
)
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.export_targets import VolumeLister
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.page import Page

if TYPE_CHECKING:
    from danvan_desktop.session.reports import Document, IssuedEntry, ReportKind

PREVIEW_DELAY_MS = 300
PRESETS = ("state", "party")
FIRST_KIND = "periodic_report"  # what a leader makes most often: shown on arrival


class ReportsPage(Page):
    """The reports page.

    Signals:
        preview_shown(): the preview shows the current choice (a document or a message).
        dialog_opened(object): the export dialog opened.
        issued_loaded(): the list of issued documents was read again.
    """

    preview_shown = Signal()
    dialog_opened = Signal(object)
    issued_loaded = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, bus, clock=clock, parent=parent)
        self._asked = 0
        self._stale = True
        self._previewed: tuple[str, dict[str, Any]] | None = None
        self.kinds: dict[str, ReportKind] = {}  # loaded after the first paint (_load_kinds)
        self._kinds_asked = False
        self._refresh_waiting = False  # asked for before the kinds were loaded
        self._requested: tuple[str, dict[str, Any]] | None = None  # the last preview asked
        self._issued_entries: list[IssuedEntry] = []
        self.dialog: ExportDialog | None = None
        # Passed to the export dialog; tests and screenshots give their own.
        self.list_volumes: VolumeLister | None = None
        self.choose_folder: FolderChooser | None = None
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._build()
        bus.data_changed.connect(self._on_data_changed)
        self.export_button.setEnabled(False)
        preparing = tr("ReportsPage", "Đang chuẩn bị…")
        self.preview.show_message(preparing)
        self.preview_note.setText(preparing)

    # -- the kinds of document, after the first paint ---------------------------------
    def kinds_loaded(self) -> bool:
        """Whether the kinds of document are loaded (the list is filled)."""
        return bool(self.kinds)

    def _load_kinds(self) -> None:
        """Import the report builders and fill the list of kinds (GUI thread: a worker must
        not import); a preview asked for meanwhile is built now."""
        if self.kinds:
            return
        self.kinds = {kind.name: kind for kind in Session.report_kinds()}
        for kind in self.kinds.values():
            item = QListWidgetItem(kind.label())
            item.setData(Qt.ItemDataRole.UserRole, kind.name)
            self.kind_list.addItem(item)
        rows = self.kind_list.count()
        self.kind_list.setFixedHeight(self.kind_list.sizeHintForRow(0) * rows + 8)
        self.select_kind(FIRST_KIND if FIRST_KIND in self.kinds else next(iter(self.kinds)))
        if self._issued_entries:  # shown before with the kinds' codes: now their names
            self.issued.set_entries(self._issued_entries)
        if self._refresh_waiting:
            self.refresh()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_choices())
        splitter.addWidget(self._build_preview())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 700])
        layout.addWidget(splitter)

    def _build_choices(self) -> QScrollArea:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 8, 12)
        layout.addWidget(heading(tr("ReportsPage", "Báo cáo")))
        layout.addWidget(QLabel(tr("ReportsPage", "Văn bản cần làm")))
        self.kind_list = QListWidget()
        self.kind_list.currentRowChanged.connect(lambda _row: self._kind_changed())
        layout.addWidget(self.kind_list)
        self.params = ReportParams(self._runner, self._clock())
        self.params.changed.connect(self._choice_changed)
        layout.addWidget(self.params, 1)
        layout.addWidget(self._build_presets())
        self.export_button = QPushButton(tr("ReportsPage", "Xuất ra USB…"))
        self.export_button.clicked.connect(self.open_export)
        layout.addWidget(self.export_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setMinimumWidth(330)
        return scroll

    def _build_presets(self) -> QGroupBox:
        box = QGroupBox(tr("ReportsPage", "Thể thức"))
        row = QHBoxLayout(box)
        self.preset_group = QButtonGroup(self)
        self.preset_buttons: dict[str, QRadioButton] = {
            "state": QRadioButton(tr("ReportsPage", "Văn bản nhà nước")),
            "party": QRadioButton(tr("ReportsPage", "Văn bản Đảng")),
        }
        for index, name in enumerate(PRESETS):
            button = self.preset_buttons[name]
            self.preset_group.addButton(button, index)
            row.addWidget(button)
        self.preset_buttons["state"].setChecked(True)
        self.preset_group.idToggled.connect(self._preset_toggled)
        return box

    def _build_preview(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(4, 12, 12, 12)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.preview_note)
        self.preview = DocumentPreview()
        self.issued = IssuedList(
            lambda name: k.label() if (k := self.kinds.get(name)) else name,
            runner=self._runner,
            clock=self._clock,
        )
        self.issued.reexport_requested.connect(self.open_reexport)
        column = QSplitter(Qt.Orientation.Vertical)
        column.addWidget(self.preview)
        column.addWidget(self.issued)
        column.setStretchFactor(0, 3)
        column.setStretchFactor(1, 1)
        layout.addWidget(column, 1)
        return holder

    # -- choices ----------------------------------------------------------------------
    def current_kind(self) -> str:
        """The name of the chosen kind of document."""
        item = self.kind_list.currentItem()
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_kind(self, name: str) -> None:
        """Choose the kind called ``name``."""
        self._load_kinds()
        for row in range(self.kind_list.count()):
            if self.kind_list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.kind_list.setCurrentRow(row)
                return
        raise KeyError(name)

    def preset(self) -> str:
        """«state» or «party»."""
        return PRESETS[max(self.preset_group.checkedId(), 0)]

    def request_params(self) -> dict[str, Any]:
        """The parameters the chosen document is built and exported with."""
        return {**self.params.params(), "preset": self.preset(), "issued_on": self._clock()}

    def _preset_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the button switched off also reports; follow only the one switched on
            self._choice_changed()

    def _kind_changed(self) -> None:
        kind = self.kinds.get(self.current_kind())
        if kind is not None:  # each kind opens in its own format; the user may switch
            self.preset_buttons[kind.default_preset].setChecked(True)
        self.params.set_kind(self.current_kind())
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.export_button.setEnabled(self.params.missing() is None)
        if self._requested == request_key(self.current_kind(), self.request_params()):
            return  # a list read again, the same choice: its preview stands (or is coming)
        self._asked += 1  # a preview still being built is of the old choice: drop it
        self._timer.start()

    # -- preview ----------------------------------------------------------------------
    def update_preview(self) -> None:
        """Build the draft of the current choice on the read lane and show it."""
        self._timer.stop()
        self._load_kinds()
        missing = self.params.missing()
        if missing is not None:
            self._asked += 1
            self._requested = None
            self._show_message(missing)
            return
        self._asked += 1
        asked = self._asked
        kind, params = self.current_kind(), self.request_params()
        self._requested = request_key(kind, params)
        self.preview_note.setText(tr("ReportsPage", "Đang lập bản xem trước…"))
        self._runner.read(
            preview_job(kind, params),
            on_done=lambda result: self._show_document(asked, (kind, params), result),
            on_error=lambda error: self._show_error(asked, error),
            owner=self,
        )

    def _show_document(
        self, asked: int, request: tuple[str, dict[str, Any]], result: tuple[Document, str]
    ) -> None:
        if asked != self._asked:
            return
        document, rich_text = result
        self._previewed = request
        self.preview.show_rich_text(document, rich_text)
        self.preview_note.setText(preview_note(document))
        self.preview_note.setStyleSheet("")
        self.preview_shown.emit()

    def _show_error(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        if not isinstance(error, DanvanError):
            self._runner.failed.emit(error)
            return
        self._show_message(error.message)
        self.preview_note.setStyleSheet(ERROR_STYLE)

    def _show_message(self, text: str) -> None:
        self._previewed = None
        self.preview.show_message(text)
        self.preview_note.setText(text)
        self.preview_note.setStyleSheet("")
        self.preview_shown.emit()

    # -- refreshing -------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Read the lists and the preview again if the data changed while hidden."""
        super().showEvent(event)
        if not self.kinds and not self._kinds_asked:
            self._kinds_asked = True  # after the first paint: the builders' import stalls
            self.preview_note.installEventFilter(self)
        if self._stale:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """At the note's first paint, load the kinds of document in the next turn."""
        if watched is self.preview_note and event.type() == QEvent.Type.Paint:
            self.preview_note.removeEventFilter(self)
            QTimer.singleShot(0, self, self._load_kinds)
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Rebuild the preview, read the pickers' lists and the issued documents (once the
        kinds of document are loaded)."""
        self._stale = False
        self._refresh_waiting = not self.kinds
        if self._refresh_waiting:
            return
        self.update_preview()
        self.params.reload()
        self.load_issued()

    def load_issued(self) -> None:
        """Read the list of issued documents on the read lane."""
        self._runner.read(
            lambda ctx: ctx.session.issued_documents(db=ctx.reader),
            on_done=self._show_issued,
            owner=self,
        )

    def _show_issued(self, entries: list[IssuedEntry]) -> None:
        self._issued_entries = entries
        self.issued.set_entries(entries)
        self.issued_loaded.emit()

    def _on_data_changed(self, _entities: object) -> None:
        # Every record can appear in some report: follow any change, once visible. Saves
        # come in bursts, so a visible page waits for the burst to end.
        self._stale = True
        if self.isVisible():
            self._stale = False
            self.params.reload()
            self.load_issued()
            self._timer.start()

    # -- export -----------------------------------------------------------------------
    def open_export(self) -> ExportDialog | None:
        """Open the export dialog for the current choice."""
        self._load_kinds()
        kind = self.kinds.get(self.current_kind())
        if kind is None or self.params.missing() is not None:
            return None
        # The previewed draft names the file, when it is of the current choice.
        current = (kind.name, self.request_params())
        shown = self.preview.shown if self._previewed == current else None
        name = suggested_name(shown) if shown is not None else safe_file_name(kind.label())
        dialog = ExportDialog(
            self._runner,
            kind=kind,
            params=self.request_params(),
            subtitle=shown.subtitle if shown is not None else "",
            suggested_name=name,
            list_volumes=self.list_volumes,
            choose_folder=self.choose_folder,
            parent=self,
        )
        return self._show_dialog(dialog)

    def open_reexport(self, entry: IssuedEntry) -> ExportDialog | None:
        """Open the export dialog for an issued document: its stored copy, any format."""
        self._load_kinds()
        kind = self.kinds.get(entry.kind)
        if kind is None:
            return None
        dialog = ExportDialog(
            self._runner,
            kind=kind,
            params={},
            subtitle=entry.title,
            suggested_name=issued_file_name(entry),
            list_volumes=self.list_volumes,
            choose_folder=self.choose_folder,
            issued=entry,
            parent=self,
        )
        return self._show_dialog(dialog)

    def _show_dialog(self, dialog: ExportDialog) -> ExportDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj: self._dialog_gone(dialog))
        dialog.exported.connect(lambda _written: self.load_issued())
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _dialog_gone(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
