"""Kiến nghị: residents' petitions, newest first, with where each stands.

Each row says when the petition was received, what it is about, where it was passed
and by when the answer is due (the regulation's period from the day it was passed on,
or received). An overdue petition is red on pink and says «⚠ Quá hạn N ngày», so the
mark does not rest on colour alone. The list is kept to the waiting, overdue or
answered ones by the buttons above it; the frame (lists, search, forms, removing) is
ui/petitions/community_page.py, the form ui/petitions/petition_dialog.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from danvan_desktop.core.lists import RowsPage
from danvan_desktop.core.vocab import PETITION_FIELDS, PETITION_RAISED_BY, PETITION_STATES, label
from danvan_desktop.ui.petitions.community_page import CommunityListPage, page_of
from danvan_desktop.ui.petitions.petition_dialog import PetitionDialog
from danvan_desktop.ui.task_runner import JobContext
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.paged_records import Fetch
from danvan_desktop.ui.widgets.record_table import Column

OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
ANSWERED_TEXT = QColor("#5f6b76")
SEARCH_HITS = 200  # hits looked up at most
SEARCH_SCAN = 2000  # petitions the hits are looked for in (newest first)


def state_text(row: dict[str, Any], today: dt.date) -> str:
    """Where a petition stands in words: overdue by how many days, answered on a day, or
    waiting."""
    state = str(row.get("state") or "waiting")
    if state == "overdue" and row.get("due_on"):
        days = (today - dt.date.fromisoformat(str(row["due_on"]))).days
        return tr("PetitionsPage", "⚠ Quá hạn {days} ngày", days=days)
    if state == "answered" and row.get("answered_on"):
        return tr("PetitionsPage", "Đã trả lời {day}", day=date_text(row["answered_on"]))
    return label(PETITION_STATES, state)


def due_text(row: dict[str, Any]) -> str:
    """The day the answer is due; none once answered."""
    return "" if row.get("state") == "answered" else date_text(row.get("due_on"))


def row_colours(row: dict[str, Any]) -> tuple[QColor | None, QColor | None]:
    """Overdue in red on pink; answered in grey."""
    if row.get("state") == "overdue":
        return OVERDUE_TEXT, OVERDUE_BACKGROUND
    if row.get("state") == "answered":
        return ANSWERED_TEXT, None
    return None, None


def state_of(flt: str) -> str | None:
    """The store's state for a filter code (None: every petition)."""
    return None if flt == "all" else flt


class PetitionsPage(CommunityListPage):
    """The petitions page (see the module doc)."""

    FILTERS = ("all", "waiting", "overdue", "answered")
    WATCHED = frozenset({"petition", "petitioner", "regulation", "opinion"})

    def columns(self) -> list[Column]:
        """Received, what, field, who raised it, passed to, due, where it stands."""
        return [
            Column("received_on", tr("PetitionsPage", "Ngày tiếp nhận"), "date", width=13),
            Column("title", tr("PetitionsPage", "Nội dung"), width=0),
            Column(
                "field_code",
                tr("PetitionsPage", "Lĩnh vực"),
                text=lambda r: label(PETITION_FIELDS, str(r.get("field_code") or "")),
                width=20,
            ),
            Column(
                "raised_by",
                tr("PetitionsPage", "Người nêu"),
                text=lambda r: (
                    label(PETITION_RAISED_BY, str(r["raised_by"])) if r.get("raised_by") else ""
                ),
                width=14,
            ),
            Column("passed_to", tr("PetitionsPage", "Nơi chuyển đến"), width=18),
            Column("due_on", tr("PetitionsPage", "Hạn trả lời"), text=due_text, width=12),
            Column(
                "state",
                tr("PetitionsPage", "Tình trạng"),
                text=lambda r: state_text(r, self._clock()),
                width=22,
            ),
        ]

    @staticmethod
    def row_colours(row: dict[str, Any]) -> tuple[Any, Any]:
        """Overdue in red on pink; answered in grey."""
        return row_colours(row)

    def texts(self) -> dict[str, str]:
        """The page's words."""
        return {
            "title": tr("PetitionsPage", "Kiến nghị, phản ánh của Nhân dân"),
            "new": tr("PetitionsPage", "Thêm kiến nghị (Ctrl+N)"),
            "search": tr(
                "PetitionsPage",
                "Tìm kiến nghị (Ctrl+F): nội dung, người kiến nghị, nơi chuyển, trả lời",
            ),
            "remove_title": tr("PetitionsPage", "Xóa kiến nghị"),
            "remove_question": tr(
                "PetitionsPage",
                "Xóa kiến nghị «{name}» cùng danh sách người kiến nghị? Việc này không hoàn tác "
                "được.",
            ),
        }

    def filter_texts(self) -> tuple[str, ...]:
        """All, waiting (overdue ones too), overdue, answered."""
        return (
            tr("PetitionsPage", "Tất cả"),
            tr("PetitionsPage", "Đang chờ trả lời"),
            tr("PetitionsPage", "Quá hạn"),
            tr("PetitionsPage", "Đã trả lời"),
        )

    # -- reading --------------------------------------------------------------------------
    def fetch(self, flt: str) -> Fetch:
        """Pages of the petitions the filter keeps, newest received first (read lane)."""
        state, today = state_of(flt), self._clock()

        def fetch(
            ctx: JobContext, after: tuple[Any, ...] | None, limit: int, count: bool
        ) -> RowsPage:
            session, db = ctx.session, ctx.reader
            rows = session.petition_rows(today=today, state=state, limit=limit, after=after, db=db)
            if not count:
                return page_of(rows, limit, None)
            total = session.petition_count(today=today, state=state, db=db)
            overdue = session.petition_count(today=today, state="overdue", db=db)
            return page_of(rows, limit, total, overdue=overdue)

        return fetch

    def search_rows(self, ctx: JobContext, flt: str, text: str) -> list[dict[str, Any]]:
        """The petitions the filter keeps whose words match ``text`` (DB lane)."""
        session = ctx.session
        hits = session.search(text, limit=SEARCH_HITS, entities=("petition",))
        # A hit on a petitioner's name leads to the petition (its target).
        found = {hit.target_id for hit in hits if hit.target_entity == "petition"}
        if not found:
            return []
        rows = session.petition_rows(today=self._clock(), state=state_of(flt), limit=SEARCH_SCAN)
        return [row for row in rows if row["id"] in found]

    def count_text(self, page: RowsPage) -> str:
        """How many petitions, and how many are overdue."""
        if not page.total and self.current_filter() == "all":
            return tr(
                "PetitionsPage",
                "Chưa có kiến nghị nào: bấm «Thêm kiến nghị», hoặc «Chuyển thành kiến nghị» ở "
                "một ý kiến trong biên bản họp.",
            )
        return tr(
            "PetitionsPage",
            "{count} kiến nghị; {overdue} quá hạn trả lời.",
            count=page.total,
            overdue=page.extra.get("overdue", 0),
        )

    # -- the form -------------------------------------------------------------------------
    def read_sheet(self, ctx: JobContext, record_id: str | None) -> dict[str, Any]:
        """The petition with its people and opinion, and the regulation's answer period."""
        session, db = ctx.session, ctx.reader
        sheet = session.petition(record_id, db=db) if record_id else None
        return {"sheet": sheet, "days": session.petition_answer_days(db=db)}

    def make_dialog(self, data: dict[str, Any]) -> QDialog:
        """The petition's form."""
        return PetitionDialog(
            self._runner,
            sheet=data["sheet"],
            answer_days=int(data["days"]),
            today=self._clock(),
            parent=self,
        )

    def delete_job(self, record_id: str) -> Callable[[JobContext], Any]:
        """Remove the petition and its people."""
        return lambda ctx: ctx.session.delete_petition(record_id)
