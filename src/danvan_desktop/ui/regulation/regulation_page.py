"""Quy chế: the team's regulation — its settings, its text from the city's model, its export.

The settings (meeting period and day, reporting periods, who receives reports, who
issues the team's papers) drive the rest of the app: meeting reminders, meeting
agendas and every document's letterhead. The text starts from the city's model
filled in for the team («Tạo từ quy chế mẫu») and is then the team's to edit.
Reads and writes run on the DB lane; the clock is passed in for the schedule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.schedule import DEFAULT_HALF_YEAR_CUTOFF, DEFAULT_YEAR_CUTOFF
from danvan_desktop.core.schema import DEFAULT_PETITION_ANSWER_DAYS, REGULATION
from danvan_desktop.core.vocab import MEETING_PERIODS, REPORTING_PERIODS, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.regulation.cutoff_edit import CutoffEdit
from danvan_desktop.ui.regulation.due_reminder import schedule_text
from danvan_desktop.ui.reports.report_export import FolderChooser, export_document, folder_dialog
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.date_fields import refuse_bad_typing
from danvan_desktop.ui.widgets.field_limits import NumberEdit
from danvan_desktop.ui.widgets.form_widgets import (
    ERROR_STYLE,
    FieldError,
    OptionalDateEdit,
    add_row,
)
from danvan_desktop.ui.widgets.page import Page

TEXT_FIELDS = ("issuing_body", "managing_body", "document_place")


def load_regulation(today: dt.date) -> Callable[[JobContext], dict[str, Any]]:
    """A DB-lane job reading the regulation and what it asks for on ``today``."""

    def load(ctx: JobContext) -> dict[str, Any]:
        session = ctx.session
        return {"settings": session.regulation_settings(), "due": session.meetings_due(today=today)}

    return load


class RegulationPage(Page):
    """The regulation page.

    Signals:
        loaded(): the form shows what the store holds.
        saved(object): the regulation was saved (the Result).
        message_shown(str): a message for the user was shown under the buttons.
    """

    loaded = Signal()
    saved = Signal(object)
    message_shown = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, bus, clock=clock, parent=parent)
        self.choose_folder: FolderChooser = folder_dialog(self)
        self.confirm_replace: Callable[[], bool] = self._ask_replace
        self.errors: dict[str, FieldError] = {}
        self._build()
        bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.scrolled_column()
        layout.addWidget(heading(tr("RegulationPage", "Quy chế hoạt động của tổ")))
        self.schedule = QLabel()
        self.schedule.setWordWrap(True)
        layout.addWidget(self.schedule)
        columns = QHBoxLayout()
        columns.addWidget(self._build_schedule_box(), 1)
        columns.addWidget(self._build_letterhead_box(), 1)
        layout.addLayout(columns)
        layout.addWidget(self._build_text_box(), 1)
        layout.addLayout(self._build_buttons())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)

    def _build_schedule_box(self) -> QGroupBox:
        box = QGroupBox(tr("RegulationPage", "Họp và báo cáo"))
        form = QFormLayout(box)
        self.period = QComboBox()
        for code in MEETING_PERIODS:
            self.period.addItem(label(MEETING_PERIODS, code), code)
        self.errors["meeting_period"] = add_row(
            form, tr("RegulationPage", "Định kỳ họp"), self.period
        )
        self.day = NumberEdit(REGULATION, "meeting_day")
        self.errors["meeting_day"] = add_row(
            form, tr("RegulationPage", "Ngày họp trong kỳ"), self.day
        )
        periods = QWidget()
        row = QHBoxLayout(periods)
        row.setContentsMargins(0, 0, 0, 0)
        self.reporting: dict[str, QCheckBox] = {}
        for code in REPORTING_PERIODS:
            self.reporting[code] = QCheckBox(label(REPORTING_PERIODS, code))
            row.addWidget(self.reporting[code])
        row.addStretch(1)
        self.errors["reporting_periods"] = add_row(
            form, tr("RegulationPage", "Kỳ báo cáo"), periods
        )
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(tr("RegulationPage", "Mỗi nơi nhận một dòng"))
        self.recipients.setFixedHeight(self.fontMetrics().height() * 5)
        self.errors["report_recipients"] = add_row(
            form, tr("RegulationPage", "Nơi nhận báo cáo"), self.recipients
        )
        self.adopted = OptionalDateEdit()
        self.errors["adopted_on"] = add_row(
            form, tr("RegulationPage", "Ngày thông qua"), self.adopted
        )
        self.answer_days = NumberEdit(REGULATION, "petition_answer_days")
        self.answer_days.setPlaceholderText(
            tr(
                "RegulationPage",
                "Để trống: {days} ngày",
                days=DEFAULT_PETITION_ANSWER_DAYS,
            )
        )
        self.errors["petition_answer_days"] = add_row(
            form, tr("RegulationPage", "Thời hạn trả lời kiến nghị (ngày)"), self.answer_days
        )
        self.cutoffs = {
            "half_year_cutoff": CutoffEdit(DEFAULT_HALF_YEAR_CUTOFF),
            "year_cutoff": CutoffEdit(DEFAULT_YEAR_CUTOFF),
        }
        for name, edit in self.cutoffs.items():
            caption = tr("fields", REGULATION.field(name).label)
            self.errors[name] = add_row(form, caption, edit)
        return box

    def _build_letterhead_box(self) -> QGroupBox:
        box = QGroupBox(tr("RegulationPage", "Ghi trên văn bản của tổ"))
        form = QFormLayout(box)
        self.letterhead: dict[str, QLineEdit] = {}
        for name, caption in (
            ("issuing_body", tr("RegulationPage", "Cơ quan ban hành")),
            ("managing_body", tr("RegulationPage", "Cơ quan chủ quản (chi bộ)")),
            ("document_place", tr("RegulationPage", "Địa danh ghi trên văn bản")),
        ):
            self.letterhead[name] = QLineEdit()
            self.errors[name] = add_row(form, caption, self.letterhead[name])
        note = QLabel(
            tr(
                "RegulationPage",
                "Tên cơ quan cấp trên có thể thay đổi: sửa ở đây, mọi văn bản xuất sau đó "
                "dùng tên mới.",
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return box

    def _build_text_box(self) -> QGroupBox:
        box = QGroupBox(tr("RegulationPage", "Nội dung quy chế"))
        layout = QVBoxLayout(box)
        bar = QHBoxLayout()
        hint = QLabel(
            tr(
                "RegulationPage",
                "Dòng bắt đầu bằng ## là chương, ### là điều, - là một ý gạch đầu dòng.",
            )
        )
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        self.model_button = QPushButton(tr("RegulationPage", "Tạo từ quy chế mẫu"))
        self.model_button.clicked.connect(self.fill_from_model)
        bar.addWidget(self.model_button)
        layout.addLayout(bar)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            tr(
                "RegulationPage",
                "Tổ chưa viết quy chế riêng: văn bản xuất ra sẽ dùng quy chế mẫu điền sẵn cho "
                "tổ. Bấm «Tạo từ quy chế mẫu» để đưa vào đây và sửa theo ý tổ.",
            )
        )
        self.text.setMinimumHeight(self.fontMetrics().height() * 14)
        layout.addWidget(self.text, 1)
        self.errors["text"] = FieldError()
        layout.addWidget(self.errors["text"])
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("RegulationPage", "Lưu quy chế (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.preset = QComboBox()
        self.preset.addItem(tr("RegulationPage", "Mẫu Nhà nước"), "state")
        self.preset.addItem(tr("RegulationPage", "Mẫu Đảng"), "party")
        # The Party cell adopts the regulation: its format is the default (the user may switch).
        self.preset.setCurrentIndex(self.preset.findData("party"))
        row.addWidget(self.preset)
        self.export_docx = QPushButton(tr("RegulationPage", "Xuất Word"))
        self.export_pdf = QPushButton(tr("RegulationPage", "Xuất PDF"))
        self.export_docx.clicked.connect(lambda: self.export("docx"))
        self.export_pdf.clicked.connect(lambda: self.export("pdf"))
        row.addWidget(self.export_docx)
        row.addWidget(self.export_pdf)
        return row

    # -- loading ----------------------------------------------------------------------
    def _on_data_changed(self, entities: set[str]) -> None:
        if set(entities) & {"meeting", "member", "team"}:
            self._refresh_schedule()

    def refresh(self) -> None:
        """Read the regulation and the schedule again (DB lane)."""
        self._runner.db(load_regulation(self._clock()), on_done=self._show_loaded, owner=self)

    def _refresh_schedule(self) -> None:
        today = self._clock()
        self._runner.db(
            lambda ctx: ctx.session.meetings_due(today=today),
            on_done=self.show_schedule,
            owner=self,
        )

    def _show_loaded(self, loaded: dict[str, Any]) -> None:
        self.show_settings(loaded["settings"])
        self.show_schedule(loaded["due"])
        self.loaded.emit()

    def show_settings(self, settings: dict[str, Any]) -> None:
        """Fill the form from the stored regulation."""
        index = self.period.findData(settings.get("meeting_period") or "monthly")
        self.period.setCurrentIndex(max(index, 0))
        self.day.setValue(int(settings.get("meeting_day") or 25))
        for code, box in self.reporting.items():
            box.setChecked(code in (settings.get("reporting_periods") or []))
        self.recipients.setPlainText("\n".join(settings.get("report_recipients") or []))
        self.adopted.set_value(settings.get("adopted_on"))
        self.answer_days.setValue(settings.get("petition_answer_days"))
        for name, cutoff in self.cutoffs.items():
            cutoff.set_value(settings.get(name))
        for name, edit in self.letterhead.items():
            edit.setText(str(settings.get(name) or ""))
        self.text.setPlainText(str(settings.get("text") or ""))

    def show_schedule(self, due: list[Any]) -> None:
        """Say what the regulation asks for next."""
        self.schedule.setText(schedule_text(due, self._clock()))
        self.schedule.setStyleSheet(ERROR_STYLE if any(d.overdue for d in due) else "")

    # -- editing ----------------------------------------------------------------------
    def form_settings(self) -> dict[str, Any]:
        """The settings as the form shows them (not yet saved)."""
        values: dict[str, Any] = {
            "meeting_period": self.period.currentData(),
            "meeting_day": self.day.value(),
            "reporting_periods": [c for c, box in self.reporting.items() if box.isChecked()],
            "report_recipients": [
                line.strip() for line in self.recipients.toPlainText().splitlines() if line.strip()
            ],
            "adopted_on": self.adopted.iso(),
            "petition_answer_days": self.answer_days.value(),
        }
        values.update({name: edit.value() for name, edit in self.cutoffs.items()})
        for name, edit in self.letterhead.items():
            values[name] = edit.text().strip() or None
        return values

    def _ask_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            tr("RegulationPage", "Thay nội dung quy chế"),
            tr(
                "RegulationPage",
                "Nội dung đang có sẽ được thay bằng quy chế mẫu điền sẵn cho tổ. Tiếp tục?",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def fill_from_model(self) -> None:
        """Put the city's model, filled in with the form's settings, in the editor."""
        if self.text.toPlainText().strip() and not self.confirm_replace():
            return
        settings = self.form_settings()
        today = self._clock()
        self._runner.db(
            lambda ctx: ctx.session.regulation_model_text(today=today, **settings),
            on_done=self.text.setPlainText,
            on_error=self._show_error,
            owner=self,
        )

    def save(self) -> None:
        """Save the settings and the text (DB lane)."""
        self._save_then(self._saved)

    def _save_then(self, done: Callable[[Any], None]) -> None:
        for error in self.errors.values():
            error.clear_message()
        if refuse_bad_typing([self.adopted]):
            return  # an adoption date typed that is not a date: named beside it, not saved
        values = {**self.form_settings(), "text": self.text.toPlainText()}
        self._runner.db(
            lambda ctx: ctx.session.save_regulation(**values),
            on_done=done,
            on_error=self._show_error,
            owner=self,
        )

    def _saved(self, result: Any) -> None:
        self._say(tr("RegulationPage", "Đã lưu quy chế."), ok=True)
        if result.changes:
            self._bus.data_changed.emit(set(result.entities))
        self._refresh_schedule()
        self.saved.emit(result)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            for problem in error.problems:
                if problem.field in self.errors:
                    self.errors[problem.field].show_message(problem.message)
        text = error.message if isinstance(error, DanvanError) else str(error)
        self._say(text, ok=False)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("" if ok else ERROR_STYLE)
        self.message_shown.emit(text)

    # -- export -----------------------------------------------------------------------
    def export(self, file_format: str) -> None:
        """Save what the form shows, then write it as DOCX or PDF into a chosen folder."""
        if refuse_bad_typing([self.adopted]):
            return
        folder = self.choose_folder()
        if folder is None:
            return
        preset = self.preset.currentData()

        def saved(result: Any) -> None:
            self._saved(result)
            export_document(
                self,
                self._runner,
                kind="regulation",
                file_format=file_format,
                params={"preset": preset},
                choose_folder=lambda: folder,
                report=lambda text, ok: self._say(text, ok=ok),
            )

        self._save_then(saved)
