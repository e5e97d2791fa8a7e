"""Hòa giải: the mediation cases the team took part in, newest first, with their outcome.

Each row says when the case was mediated, its short name and kind, how many parties
the laptop holds, and its outcome with the day (or «Chưa có kết quả», in amber, so the
team remembers to follow it). The buttons above the list keep one outcome; the frame
(lists, search, forms, removing) is ui/petitions/community_page.py, the form
ui/mediations/mediation_dialog.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from danvan_desktop.core.lists import RowsPage
from danvan_desktop.core.vocab import DISPUTE_KINDS, MEDIATION_OUTCOMES, MEDIATION_STATES, label
from danvan_desktop.ui.mediations.mediation_dialog import MediationDialog
from danvan_desktop.ui.petitions.community_page import CommunityListPage, page_of
from danvan_desktop.ui.task_runner import JobContext
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.paged_records import Fetch
from danvan_desktop.ui.widgets.record_table import Column

PENDING_TEXT = QColor("#8a4b00")
SEARCH_HITS = 200
SEARCH_SCAN = 2000
FILTERS = ("all", "pending", *MEDIATION_OUTCOMES)


def outcome_text(row: dict[str, Any]) -> str:
    """The outcome and its day, or «Chưa có kết quả»."""
    outcome = row.get("outcome")
    if not outcome:
        return label(MEDIATION_STATES, "pending")
    day = date_text(row.get("outcome_on"))
    text = label(MEDIATION_OUTCOMES, str(outcome))
    return tr("MediationsPage", "{outcome} ({day})", outcome=text, day=day) if day else text


def outcome_of(flt: str) -> str | None:
    """The store's outcome filter for a filter code (None: every case)."""
    return None if flt == "all" else flt


class MediationsPage(CommunityListPage):
    """The mediation cases page (see the module doc)."""

    FILTERS = FILTERS
    WATCHED = frozenset({"mediation", "mediation_party"})

    def columns(self) -> list[Column]:
        """Mediated, the case, its kind, the parties, the outcome, passed to."""
        return [
            Column("mediated_on", tr("MediationsPage", "Ngày hòa giải"), "date", width=13),
            Column("title", tr("MediationsPage", "Vụ việc"), width=0),
            Column(
                "dispute_kind",
                tr("MediationsPage", "Loại việc"),
                text=lambda r: label(DISPUTE_KINDS, str(r.get("dispute_kind") or "")),
                width=24,
            ),
            Column("parties", tr("MediationsPage", "Số bên"), "int", width=8),
            Column("outcome", tr("MediationsPage", "Kết quả"), text=outcome_text, width=36),
            Column("passed_to", tr("MediationsPage", "Nơi chuyển đến"), width=20),
        ]

    @staticmethod
    def row_colours(row: dict[str, Any]) -> tuple[Any, Any]:
        """Cases still without an outcome in amber."""
        return (PENDING_TEXT if not row.get("outcome") else None), None

    def texts(self) -> dict[str, str]:
        """The page's words."""
        return {
            "title": tr("MediationsPage", "Hòa giải ở cơ sở"),
            "new": tr("MediationsPage", "Thêm vụ việc (Ctrl+N)"),
            "search": tr("MediationsPage", "Tìm vụ việc (Ctrl+F): tên, nội dung, thành phần"),
            "remove_title": tr("MediationsPage", "Xóa vụ việc"),
            "remove_question": tr(
                "MediationsPage",
                "Xóa vụ việc «{name}» cùng danh sách các bên? Việc này không hoàn tác được.",
            ),
        }

    def filter_texts(self) -> tuple[str, ...]:
        """All, no outcome yet, then each outcome."""
        return (
            tr("MediationsPage", "Tất cả"),
            label(MEDIATION_STATES, "pending"),
            *(label(MEDIATION_OUTCOMES, code) for code in MEDIATION_OUTCOMES),
        )

    # -- reading --------------------------------------------------------------------------
    def fetch(self, flt: str) -> Fetch:
        """Pages of the cases the filter keeps, newest first (read lane)."""
        outcome = outcome_of(flt)

        def fetch(
            ctx: JobContext, after: tuple[Any, ...] | None, limit: int, count: bool
        ) -> RowsPage:
            session, db = ctx.session, ctx.reader
            rows = session.mediation_rows(outcome=outcome, limit=limit, after=after, db=db)
            if not count:
                return page_of(rows, limit, None)
            total = session.mediation_count(outcome=outcome, db=db)
            pending = session.mediation_count(outcome="pending", db=db)
            return page_of(rows, limit, total, pending=pending)

        return fetch

    def search_rows(self, ctx: JobContext, flt: str, text: str) -> list[dict[str, Any]]:
        """The cases the filter keeps whose words match ``text`` (DB lane)."""
        session = ctx.session
        hits = session.search(text, limit=SEARCH_HITS, entities=("mediation",))
        found = {hit.record_id for hit in hits if hit.entity == "mediation"}
        if not found:
            return []
        rows = session.mediation_rows(outcome=outcome_of(flt), limit=SEARCH_SCAN)
        return [row for row in rows if row["id"] in found]

    def count_text(self, page: RowsPage) -> str:
        """How many cases, and how many still have no outcome."""
        if not page.total and self.current_filter() == "all":
            return tr(
                "MediationsPage",
                "Chưa có vụ việc nào: bấm «Thêm vụ việc» để ghi vụ việc tổ tham gia hòa giải.",
            )
        return tr(
            "MediationsPage",
            "{count} vụ việc; {pending} chưa có kết quả.",
            count=page.total,
            pending=page.extra.get("pending", 0),
        )

    # -- the form -------------------------------------------------------------------------
    def read_sheet(self, ctx: JobContext, record_id: str | None) -> dict[str, Any]:
        """The case with its parties."""
        sheet = ctx.session.mediation(record_id, db=ctx.reader) if record_id else None
        return {"sheet": sheet}

    def make_dialog(self, data: dict[str, Any]) -> QDialog:
        """The case's form."""
        return MediationDialog(self._runner, sheet=data["sheet"], today=self._clock(), parent=self)

    def delete_job(self, record_id: str) -> Callable[[JobContext], Any]:
        """Remove the case and its parties."""
        return lambda ctx: ctx.session.delete_mediation(record_id)
