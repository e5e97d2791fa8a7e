"""The team's roster as a list (issue 18): the columns the member import reads.

One row per member in the roster's order (the leader, the deputies, then the members),
under headings the import matches (``importing/targets.py``: each field's own label, the
role as «Vai trò trong tổ»): name, birth year, role (its label), position, organisation,
phone, the term's two days (dd/mm/yyyy). Exported as XLSX, edited in Excel and imported
again, it finds the same members (by name and birth year) and adds none twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.vndate import short_date
from danvan_desktop.core.vocab import MEMBER_ROLES, label
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    Issue,
    make_document,
    numbered,
    simple_table,
)
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.document import Column, Document, DocumentKind
from danvan_desktop.store import team_work

HEADINGS = (
    "TT",
    "Họ và tên",
    "Năm sinh",
    "Vai trò trong tổ",
    "Chức vụ",
    "Tổ chức, đoàn thể",
    "Số điện thoại",
    "Bắt đầu nhiệm kỳ",
    "Kết thúc nhiệm kỳ",
)
_COLUMNS = [
    ORDINAL,
    Column(2.2),
    Column(0.8, "center", False),
    Column(1.1),
    Column(2.2),
    Column(1.8),
    Column(1.3),
    Column(1.1, "center"),
    Column(1.1, "center"),
]
SHEET = "Thành viên"


def _day(value: Any) -> str:
    return short_date(dt.date.fromisoformat(str(value)[:10])) if value else ""


def member_cells(member: dict[str, Any]) -> list[str | int | None]:
    """One member's row, without its ordinal."""
    return [
        str(member["full_name"] or ""),
        member.get("birth_year"),
        label(MEMBER_ROLES, str(member.get("role") or "member")),
        str(member.get("position") or ""),
        str(member.get("organisation") or ""),
        str(member.get("phone") or ""),
        _day(member.get("term_start")),
        _day(member.get("term_end")),
    ]


def build_member_list(db: Database, issue: Issue) -> Document:
    """The roster of the store's team, in the issue's preset."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    members = team_work.member_rows(db, team_work.meta_value(db, "team_id"))
    team = team_work.team_name(db)
    table = simple_table(SHEET, HEADINGS, _COLUMNS, numbered([member_cells(m) for m in members]))
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REPORT,
        title="Danh sách",
        subtitle=f"Thành viên {team}" if team else "Thành viên Tổ dân vận",
        blocks=[table],
        has_number_line=False,
    )
