"""What the leader writes into the periodic report, on the Báo cáo page.

A half-year or year-end review has four sections no record holds (the residents'
situation and opinions, shortcomings and causes, lessons, the next period's tasks);
every periodic report ends with the proposals (core/report_texts.py). For a period
with nothing kept yet, the boxes start from drafts drawn from the period's records
(``Session.report_texts``), to be edited. What is typed is kept for that report
period a moment after typing stops (``Session.save_report_texts``, on the DB lane),
so it is never typed twice; a text over core's limit is said under its box at once
and nothing is kept until it fits.

Signals (ReportTexts):
    changed(): a text changed, or another period's texts are shown (the preview follows).
    loaded(): the texts of the period chosen are shown.
    saved(): what was typed is kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.i18n import tr as core_tr
from danvan_desktop.core.report_texts import REPORT_TEXTS, TEXT_NAMES
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import length_problem
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row

KIND = "periodic_report"
SAVE_DELAY_MS = 700  # kept this long after the last key
TEXT_LINES = 4


class ReportTexts(QWidget):
    """The boxes of the leader's texts for one report period, kept as typed."""

    changed = Signal()
    loaded = Signal()
    saved = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        today: dt.date,
        *,
        save_ms: int = SAVE_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self._request: dict[str, Any] | None = None
        self._asked = 0
        self._loading = False
        self._dirty = False
        self._names: tuple[str, ...] = ()
        self._suggested: dict[str, str] = {}
        self.edits: dict[str, QPlainTextEdit] = {}
        self.errors: dict[str, FieldError] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self._form = QFormLayout()
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name in TEXT_NAMES:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * TEXT_LINES + 12)
            edit.textChanged.connect(lambda n=name: self._text_changed(n))
            self.edits[name] = edit
            label = core_tr("fields", REPORT_TEXTS.field(name).label)
            self.errors[name] = add_row(self._form, label, edit)
        layout.addLayout(self._form)
        self.suggest_button = QPushButton(tr("ReportTexts", "Điền gợi ý từ số liệu vào ô trống"))
        self.suggest_button.setToolTip(
            tr(
                "ReportTexts",
                "Ô còn trống được điền phần gợi ý lấy từ các cuộc họp, nhiệm vụ, kiến nghị và "
                "vụ việc hòa giải của kỳ báo cáo; ô đã có chữ giữ nguyên.",
            )
        )
        self.suggest_button.clicked.connect(self.fill_empty)
        layout.addWidget(self.suggest_button)
        self._timer = QTimer(self, singleShot=True, interval=save_ms)
        self._timer.timeout.connect(self.save_now)
        self._show_names(())

    # -- the period shown ---------------------------------------------------------------
    def set_period(self, period: dict[str, Any], *, again: bool = False) -> None:
        """Show the texts of the report period ``period`` (``period``, ``year``, ``month``
        or ``quarter``); what was typed for the period shown before is kept first.
        ``again`` reads them again even when that period is shown already."""
        request = {**period, "issued_on": self._today}
        if request == self._request and not again:
            return
        self.save_now()
        self._request = request
        self.reload()

    def reload(self) -> None:
        """Read the period's texts again (kept ones, or drafts from the records)."""
        if self._request is None:
            return
        self.save_now()
        self._asked += 1
        asked, request = self._asked, dict(self._request)

        def load(ctx: JobContext) -> dict[str, Any]:
            return ctx.session.report_texts(KIND, **request)

        # The DB lane, where the saves go: a read never overtakes a save of the same texts.
        self._runner.db(load, on_done=lambda found: self._show(asked, found), owner=self)

    def _show(self, asked: int, found: dict[str, Any]) -> None:
        if asked != self._asked:
            return
        saved: dict[str, Any] | None = found["saved"]
        self._suggested = {k: str(v or "") for k, v in found["suggested"].items()}
        self._loading = True
        for name, edit in self.edits.items():
            kept = saved is not None and name in saved
            text = str((saved or {}).get(name) or "") if kept else self._suggested.get(name, "")
            if edit.toPlainText() != text:  # the same text keeps the cursor where it is
                edit.setPlainText(text)
            self.errors[name].clear_message()
        self._loading = False
        self._dirty = False
        self._show_names(tuple(found["names"]))
        if saved is None:
            self.note.setText(
                tr(
                    "ReportTexts",
                    "Phần Tổ trưởng viết vào báo cáo. Các ô đang có gợi ý lấy từ số liệu của "
                    "kỳ: hãy sửa, bổ sung; nội dung được lưu riêng cho kỳ báo cáo này ngay khi "
                    "gõ.",
                )
            )
        else:
            self.note.setText(
                tr(
                    "ReportTexts",
                    "Phần Tổ trưởng viết vào báo cáo, đã lưu riêng cho kỳ báo cáo này; sửa "
                    "đến đâu được lưu đến đó.",
                )
            )
        self.loaded.emit()
        self.changed.emit()

    def _show_names(self, names: tuple[str, ...]) -> None:
        self._names = names
        for name in self.edits:
            holder = self.errors[name].parentWidget()  # the box with its error line
            assert holder is not None
            self._form.setRowVisible(holder, name in names)
        self.suggest_button.setVisible(bool(set(names) - {"proposals"}))

    def is_loaded(self) -> bool:
        """True once the texts of the period chosen are shown."""
        return bool(self._names)

    # -- typing and keeping -------------------------------------------------------------
    def _problem(self, name: str) -> str:
        return length_problem(REPORT_TEXTS.field(name), self.edits[name].toPlainText())

    def _text_changed(self, name: str) -> None:
        if self._loading:
            return
        self.errors[name].show_message(self._problem(name))
        self._dirty = True
        self._timer.start()
        self.changed.emit()

    def fill_empty(self) -> None:
        """Put the drafts from the records into the boxes shown that are still empty."""
        for name in self._names:
            edit = self.edits[name]
            if not edit.toPlainText().strip() and self._suggested.get(name):
                edit.setPlainText(self._suggested[name])

    def save_now(self) -> None:
        """Keep what was typed for the period shown (not while a text is over its limit)."""
        self._timer.stop()
        if not self._dirty or self._request is None:
            return
        if any(self._problem(name) for name in self._names):
            return  # said under the box; kept once it fits
        texts = {name: self.edits[name].toPlainText() for name in self._names}
        request = dict(self._request)
        self._dirty = False

        def save(ctx: JobContext) -> dict[str, Any]:
            return ctx.session.save_report_texts(KIND, texts, **request)

        self._runner.db(
            save, on_done=lambda _kept: self.saved.emit(), on_error=self._refused, owner=self
        )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, DanvanError):
            self._runner.failed.emit(error)
            return
        self._dirty = True  # kept once corrected
        problems = error.problems if isinstance(error, ValidationError) else []
        for problem in problems:
            if problem.field in self.errors:
                self.errors[problem.field].show_message(problem.message)
        if not problems:
            self.note.setText(error.message)

    def params(self) -> dict[str, str]:
        """The texts of the period shown, for build_report (none until they are shown)."""
        return {name: self.edits[name].toPlainText() for name in self._names}

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page keeps what was typed at once."""
        self.save_now()
        super().hideEvent(event)
