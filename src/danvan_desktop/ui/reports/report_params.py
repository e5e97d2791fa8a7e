"""The choices each kind of document asks for on the Báo cáo page.

One small form per kind, in a stack: a model or a meeting picked from a list that
searches as you type (read lane), a reporting period (month, quarter, half-year
or year) and what the leader writes into the periodic report (report_texts.py), a
year, and for a reviewer's store the commune to roll up. ``params()``
gives exactly the keyword arguments ``Session.build_report`` and
``Session.export_report`` take for the kind; ``missing()`` says what still has to
be chosen.

Signals (ReportParams):
    changed(): a choice changed; the preview should follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.lists import ModelFilter
from danvan_desktop.core.vncollation import vietnamese_sort_key
from danvan_desktop.core.vocab import REPORTING_PERIODS, label
from danvan_desktop.ui.reports.report_texts import ReportTexts
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, tr

SEARCH_DELAY_MS = 250
LIST_LIMIT = 100
ROMAN = ("I", "II", "III", "IV")
Choice = tuple[str, str]  # (record id, what the list shows)


def model_choices(text: str) -> Callable[[JobContext], list[Choice]]:
    """A read-lane job: models matching ``text`` (all, by name, when empty)."""

    def load(ctx: JobContext) -> list[Choice]:
        session, db = ctx.session, ctx.reader
        flt = ModelFilter()
        if text.strip():
            hits = session.quick_search(text, entities=("model",), limit=LIST_LIMIT, db=db)
            flt = ModelFilter(ids=tuple(dict.fromkeys(h.target_id for h in hits)))
        rows = session.model_page(flt, limit=LIST_LIMIT, db=db).rows
        return [(str(r["id"]), f"{r['name']} ({r['year']})" if r.get("year") else str(r["name"]))
                for r in rows]  # fmt: skip

    return load


def meeting_choices(text: str) -> Callable[[JobContext], list[Choice]]:
    """A read-lane job: meetings matching ``text``, newest first."""

    def load(ctx: JobContext) -> list[Choice]:
        rows = ctx.session.meeting_list(search=text, limit=LIST_LIMIT, db=ctx.reader)
        choices = []
        for row in rows:
            shown = f"{date_text(row.get('starts_at'))} — {row.get('title') or ''}"
            if row.get("number_text"):
                shown += f" ({row['number_text']})"
            choices.append((str(row["id"]), shown))
        return choices

    return load


def commune_choices(ctx: JobContext) -> tuple[list[tuple[int, str]], int]:
    """A DB-lane job: the communes of this store's villages (Vietnamese order), and how
    many villages it holds."""
    units = ctx.session.list_records("unit", where="level = ?", params=["village"])
    found = {int(u["commune_code"]): str(u.get("commune_name") or u["commune_code"])
             for u in units if u.get("commune_code") is not None}  # fmt: skip
    return sorted(found.items(), key=lambda item: vietnamese_sort_key(item[1])), len(units)


class RecordPicker(QWidget):
    """A search box over a list of records; one of them is the chosen one.

    Signals:
        changed(): the chosen record changed.
        loaded(): the list shows the answer to the latest search.
    """

    changed = Signal()
    loaded = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        loader: Callable[[str], Callable[[JobContext], list[Choice]]],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._loader = loader
        self._asked = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(120)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.list.currentItemChanged.connect(lambda *_: self.changed.emit())

    def reload(self) -> None:
        """Ask for the records matching the search box (the latest answer wins)."""
        self._asked += 1
        asked = self._asked
        self._runner.read(
            self._loader(self.search.text()),
            on_done=lambda choices: self._show(asked, choices),
            owner=self,
        )

    def _show(self, asked: int, choices: list[Choice]) -> None:
        if asked != self._asked:
            return
        chosen = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for record_id, shown in choices:
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.list.addItem(item)
            if record_id == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.selected_id() != chosen:
            self.changed.emit()
        self.loaded.emit()

    def selected_id(self) -> str | None:
        """The chosen record's id, or None."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_row(self, row: int) -> None:
        """Choose the record in list row ``row``."""
        self.list.setCurrentRow(row)


class PeriodPicker(QWidget):
    """A reporting period: month, quarter, half-year or year, and which one.

    Signals:
        changed(): the period changed.
    """

    changed = Signal()

    def __init__(self, default_kind: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for code in REPORTING_PERIODS:
            self.kind.addItem(label(REPORTING_PERIODS, code), code)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.part = QComboBox()
        self.part_label = QLabel()
        form.addRow(tr("ReportParams", "Kỳ báo cáo"), self.kind)
        form.addRow(tr("ReportParams", "Năm"), self.year)
        form.addRow(self.part_label, self.part)
        self._today = today
        self.kind.setCurrentIndex(self.kind.findData(default_kind))
        self._fill_parts()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(lambda _v: self.changed.emit())
        self.part.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _kind_changed(self) -> None:
        self._fill_parts()
        self.changed.emit()

    def _fill_parts(self) -> None:
        kind = self.kind.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        month = self._today.month
        if kind == "month":
            self.part_label.setText(tr("ReportParams", "Tháng"))
            for number in range(1, 13):
                self.part.addItem(tr("ReportParams", "Tháng {month}", month=number), number)
            current = month
        elif kind == "quarter":
            self.part_label.setText(tr("ReportParams", "Quý"))
            for number in range(1, 5):
                self.part.addItem(
                    tr("ReportParams", "Quý {roman}", roman=ROMAN[number - 1]), number
                )
            current = (month - 1) // 3 + 1
        else:
            self.part_label.setText(tr("ReportParams", "6 tháng"))
            self.part.addItem(tr("ReportParams", "6 tháng đầu năm"), 1)
            self.part.addItem(tr("ReportParams", "6 tháng cuối năm"), 7)
            current = 1 if month <= 6 else 7
        self.part.setCurrentIndex(max(self.part.findData(current), 0))
        self.part.blockSignals(False)
        shown = kind != "year"
        self.part.setVisible(shown)
        self.part_label.setVisible(shown)

    def set_period(self, kind: str, year: int, part: int | None = None) -> None:
        """Show ``kind`` of ``year``; ``part`` is the month, the quarter, or 1/7 for a half."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.year.setValue(year)
        if part is not None:
            self.part.setCurrentIndex(self.part.findData(part))

    def params(self) -> dict[str, Any]:
        """``period``, ``year`` and ``month`` or ``quarter`` as build_report takes them."""
        kind = str(self.kind.currentData())
        values: dict[str, Any] = {"period": kind, "year": self.year.value()}
        if kind == "quarter":
            values["quarter"] = int(self.part.currentData())
        elif kind in ("month", "half_year"):
            values["month"] = int(self.part.currentData())
        return values


class CommunePicker(QComboBox):
    """The commune whose villages a reviewer rolls up; the first item is the store's own."""

    def __init__(self, own: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._own = own
        self.set_communes([])

    def set_communes(self, communes: list[tuple[int, str]]) -> None:
        """Offer ``communes`` (code, name) after the store's own; keeps the choice if it can."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._own, None)
        for code, name in communes:
            self.addItem(name, code)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)

    def code(self) -> int | None:
        """The chosen commune code (None: the store's own)."""
        value = self.currentData()
        return None if value is None else int(value)


class ReportParams(QStackedWidget):
    """One form per kind of document; shows the current kind's.

    Signals:
        changed(): a choice of the current kind changed.
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._kind = ""
        self._pages: dict[str, int] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.models = RecordPicker(
            runner, model_choices, tr("ReportParams", "Gõ để tìm mô hình, ví dụ: duong hoa")
        )
        self.meetings = RecordPicker(
            runner, meeting_choices, tr("ReportParams", "Gõ để tìm cuộc họp, ví dụ: thang 3")
        )
        self.period = PeriodPicker("month", today)
        self.texts = ReportTexts(runner, today)
        self.rollup_period = PeriodPicker("year", today)
        self.statistics_year = self._year_box(today, allow_all=True)
        self.commendation_year = self._year_box(today, allow_all=False)
        self.statistics_commune = CommunePicker(tr("ReportParams", "Chỉ tổ của mình"))
        self.rollup_commune = CommunePicker(tr("ReportParams", "Xã, phường của đơn vị mình"))
        self._add("model_registration", [(tr("ReportParams", "Mô hình"), self.models)])
        self._add("meeting_minutes", [(tr("ReportParams", "Cuộc họp"), self.meetings)])
        self._add("periodic_report", [("", self.period), ("", self.texts)])
        self.period.changed.connect(lambda: self.texts.set_period(self.period.params()))
        self.texts.changed.connect(self.changed)
        self._add(
            "model_statistics",
            [
                (tr("ReportParams", "Năm đăng ký"), self.statistics_year),
                (tr("ReportParams", "Phạm vi"), self.statistics_commune),
            ],
        )
        self._add("commendation_list", [(tr("ReportParams", "Năm"), self.commendation_year)])
        self._add(
            "commune_rollup",
            [("", self.rollup_period), (tr("ReportParams", "Xã, phường"), self.rollup_commune)],
        )
        note = QLabel(tr("ReportParams", "Quy chế lấy từ trang «Quy chế»; không cần chọn gì thêm."))
        note.setWordWrap(True)
        self._add("regulation", [("", note)])  # fmt: skip
        for picker in (self.models, self.meetings, self.period, self.rollup_period):
            picker.changed.connect(self.changed)
        for box in (self.statistics_year, self.commendation_year):
            box.valueChanged.connect(lambda _v: self.changed.emit())
        for combo in (self.statistics_commune, self.rollup_commune):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.show_communes(False)

    @staticmethod
    def _year_box(today: dt.date, *, allow_all: bool) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1999 if allow_all else 2000, 2100)
        if allow_all:  # the minimum stands for "every year"
            box.setSpecialValueText(tr("ReportParams", "Mọi năm"))
        box.setValue(today.year)
        return box

    def _add(self, kind: str, rows: list[tuple[str, QWidget]]) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for caption, field in rows:
            if caption:
                form.addRow(caption, field)
            else:
                form.addRow(field)
        self._forms[kind] = form
        self._pages[kind] = self.addWidget(page)

    def set_kind(self, kind: str) -> None:
        """Show the form of ``kind``."""
        self._kind = kind
        self.setCurrentIndex(self._pages[kind])

    def show_communes(self, shown: bool) -> None:
        """Show the commune choice (a store holding several villages: a reviewer's)."""
        self._forms["model_statistics"].setRowVisible(self.statistics_commune, shown)
        self._forms["commune_rollup"].setRowVisible(self.rollup_commune, shown)

    def reload(self) -> None:
        """Read the lists again (models, meetings, communes)."""
        self.models.reload()
        self.meetings.reload()
        self.texts.set_period(self.period.params(), again=True)
        self._runner.db(commune_choices, on_done=self._set_communes, owner=self)

    def _set_communes(self, found: tuple[list[tuple[int, str]], int]) -> None:
        communes, villages = found
        for combo in (self.statistics_commune, self.rollup_commune):
            combo.set_communes(communes)
        # A team's store holds its one village: there is nothing to choose then.
        self.show_communes(villages > 1)

    def missing(self) -> str | None:
        """What must still be chosen before the document can be made, or None."""
        if self._kind == "model_registration" and self.models.selected_id() is None:
            return tr("ReportParams", "Hãy chọn một mô hình trong danh sách bên trái.")
        if self._kind == "meeting_minutes" and self.meetings.selected_id() is None:
            return tr("ReportParams", "Hãy chọn một cuộc họp trong danh sách bên trái.")
        return None

    def params(self) -> dict[str, Any]:
        """The current kind's parameters for build_report / export_report."""
        kind = self._kind
        values: dict[str, Any] = {}
        if kind == "model_registration":
            values["id"] = self.models.selected_id()
        elif kind == "meeting_minutes":
            values["id"] = self.meetings.selected_id()
        elif kind == "periodic_report":
            values = {**self.period.params(), **self.texts.params()}
        elif kind == "model_statistics":
            year = self.statistics_year.value()
            values = {"year": None if year == self.statistics_year.minimum() else year,
                      "commune_code": self.statistics_commune.code()}  # fmt: skip
        elif kind == "commendation_list":
            values["year"] = self.commendation_year.value()
        elif kind == "commune_rollup":
            values = {**self.rollup_period.params(), "commune_code": self.rollup_commune.code()}
        return {name: value for name, value in values.items() if value is not None}
