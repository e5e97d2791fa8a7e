"""The commune roll-up judges each village's petitions by its own regulation's answer period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from danvan_desktop.core.ids import uuid7
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document, Paragraph, Table
from danvan_desktop.session import Session
from danvan_desktop.store.bulk import insert_synced

PHU_XUAN = 19768
ISSUED = dt.date(2026, 7, 10)
VILLAGES_TABLE = "Kiến nghị, phản ánh của Nhân dân theo thôn, tổ dân phố"


def _village(rows: dict[str, list[dict[str, Any]]], name: str, days: int | None) -> None:
    """A village with its team, a regulation answering in ``days`` (None: not set) and one
    petition passed on 02/03/2026 and answered 23 days later, on 25/03/2026."""
    unit_id, team_id, petition_id = uuid7(), uuid7(), uuid7()
    rows["unit"].append(
        {"id": unit_id, "unit_id": unit_id, "level": "village", "province_code": 46,
         "commune_code": PHU_XUAN, "name": name, "commune_name": "Phường Phú Xuân"}
    )  # fmt: skip
    rows["team"].append({"id": team_id, "unit_id": unit_id, "name": f"Tổ dân vận {name}"})
    rows["regulation"].append(
        {"id": uuid7(), "unit_id": unit_id, "team_id": team_id, "meeting_period": "monthly",
         "meeting_day": 20, "petition_answer_days": days}
    )  # fmt: skip
    rows["petition"].append(
        {"id": petition_id, "unit_id": unit_id, "title": "Đường ngập khi mưa",
         "received_on": "2026-03-01", "field_code": "infrastructure",
         "passed_to": "UBND phường", "passed_on": "2026-03-02", "answer": "Đã khơi thông.",
         "answered_on": "2026-03-25"}
    )  # fmt: skip


@pytest.fixture
def rollup(session: Session) -> Document:
    """The ward's first half of 2026: Thôn An Hòa answers in 10 days, Thôn Bình An in 60,
    Thôn Cát Tường sets no period (the default 30)."""
    rows: dict[str, list[dict[str, Any]]] = {
        e: [] for e in ("unit", "team", "regulation", "petition")
    }
    _village(rows, "Thôn An Hòa", 10)
    _village(rows, "Thôn Bình An", 60)
    _village(rows, "Thôn Cát Tường", None)
    db = session.store.db
    version = 50_000
    with db.atomic():
        for entity, batch in rows.items():
            version = insert_synced(db, entity, batch, first_version=version)
    return build_report(
        db, "commune_rollup", period="half_year", year=2026, month=1, issued_on=ISSUED
    )


def _villages_rows(document: Document) -> dict[str, list[Any]]:
    """The petitions table's rows by village name: received … overdue."""
    table = next(
        b for b in document.blocks if isinstance(b, Table) and b.title.endswith(VILLAGES_TABLE)
    )
    return {str(row[1]): list(row[2:]) for row in table.rows}


def test_short_answer_period_makes_the_answer_late(rollup: Document) -> None:
    """Answered after 23 days, Thôn An Hòa's petition (10 days) was not answered in time."""
    assert _villages_rows(rollup)["Thôn An Hòa"] == [1, 1, 1, 0, 0, 0]


def test_long_answer_period_makes_the_answer_in_time(rollup: Document) -> None:
    """Answered after 23 days, Thôn Bình An's petition (60 days) was answered in time."""
    assert _villages_rows(rollup)["Thôn Bình An"] == [1, 1, 1, 1, 0, 0]


def test_village_without_a_period_takes_the_default(rollup: Document) -> None:
    """Thôn Cát Tường sets none: 23 days is within the default 30."""
    assert _villages_rows(rollup)["Thôn Cát Tường"] == [1, 1, 1, 1, 0, 0]


def test_the_wards_sentence_adds_up_the_villages(rollup: Document) -> None:
    """The ward's sentence counts two of three petitions answered in time."""
    texts = [b.text for b in rollup.blocks if isinstance(b, Paragraph)]
    assert (
        "Trong kỳ, các Tổ tiếp nhận 3 kiến nghị, phản ánh của Nhân dân; đã chuyển 3 kiến nghị, "
        "phản ánh đến cơ quan, đơn vị có thẩm quyền giải quyết; 3 kiến nghị, phản ánh đã được "
        "trả lời (2 trả lời đúng hạn). Đến ngày 30/06/2026, còn 0 kiến nghị, phản ánh đang chờ "
        "trả lời, trong đó 0 quá hạn trả lời."
    ) in texts
