"""Residents' petitions and mediation cases for the report tests, and their figures counted
by hand.

``team_community`` types the team's petitions and cases of 2026 through the Session, as
a leader would; ``village_community`` loads those of the neighbouring villages (made by
``builder_records.add_villages``) as synced rows, the way a reviewer's store receives
them. Every petitioner and party has a name found nowhere else in the store, so a test
can search a file for it. ``petition_expected`` and ``mediation_expected`` count the
figures from the rows given here, in plain Python, without the store's queries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.store.bulk import insert_synced

ANSWER_DAYS = 30  # the regulation's default answer period

# The team's (Tổ dân phố 5) petitions: received, field, passed on, answered.
TEAM_PETITIONS: list[dict[str, Any]] = [
    {"title": "Đèn đường kiệt 12 hỏng", "received_on": "2026-01-05",
     "field_code": "infrastructure", "passed_to": "Điện lực Huế", "passed_on": "2026-01-06",
     "answer": "Đã thay bóng đèn.", "answered_on": "2026-01-20"},
    {"title": "Mương thoát nước tắc", "received_on": "2026-02-10",
     "field_code": "environment", "passed_to": "UBND phường", "passed_on": "2026-02-11",
     "answer": "Đã nạo vét.", "answered_on": "2026-03-30"},
    {"title": "Hỗ trợ sửa nhà hộ cận nghèo", "received_on": "2026-03-02",
     "field_code": "social_policy", "passed_to": "UBND phường", "passed_on": "2026-03-03"},
    {"title": "Xe tải chạy nhanh qua trường", "received_on": "2026-06-20",
     "field_code": "security", "passed_to": "Công an phường", "passed_on": "2026-06-21"},
    {"title": "Ranh giới lối đi chung", "received_on": "2026-04-15", "field_code": "land",
     "answer": "Tổ đã giải thích quy định.", "answered_on": "2026-04-20"},
    {"title": "Tăng chuyến thu gom rác", "received_on": "2026-06-25",
     "field_code": "environment"},
    {"title": "Kiến nghị của năm trước", "received_on": "2025-12-20", "field_code": "other"},
    {"title": "Kiến nghị của tháng 7", "received_on": "2026-07-03",
     "field_code": "infrastructure"},
]  # fmt: skip
TEAM_PETITIONERS = [
    "Tôn Nữ Thị Quỳnh Hương",
    "Ưng Bảo Khuê",
    "Lê Quang Chiểu",
    "Mai Thị Diệu Thuần",
    "Hồ Đắc Duy Khiêm",
    "Nguyễn Phúc Vĩnh Tường",
    "Trương Thị Xuân Nghiêm",
    "Đoàn Khắc Thạc",
]
TEAM_CASES: list[dict[str, Any]] = [
    {"title": "Lối đi chung giữa hai hộ", "dispute_kind": "land", "mediated_on": "2026-01-12",
     "outcome": "settled", "outcome_on": "2026-01-12"},
    {"title": "Chó thả rông", "dispute_kind": "neighbours", "mediated_on": "2026-03-08",
     "outcome": "not_settled", "outcome_on": "2026-03-08"},
    {"title": "Mâu thuẫn vợ chồng", "dispute_kind": "family", "mediated_on": "2026-05-20",
     "outcome": "passed_on", "outcome_on": "2026-05-22", "passed_to": "UBND phường"},
    {"title": "Tiếng ồn karaoke", "dispute_kind": "neighbours", "mediated_on": "2026-06-28"},
    {"title": "Việc của năm trước", "dispute_kind": "other", "mediated_on": "2025-11-02",
     "outcome": "settled", "outcome_on": "2025-11-02"},
]  # fmt: skip
TEAM_PARTIES = [
    ("Võ Đình Tuấn Kiệt", "Phan Thị Mỹ Lệ"),
    ("Cao Xuân Thiều", "Bùi Thị Ngọc Hạnh"),
    ("Lương Văn Cẩn", "Lương Thị Ái Vân"),
    ("Dương Quốc Khánh Tâm", "Kha Thị Ngọc Bích"),
    ("Thái Văn Lượm", "Thái Thị Huê"),
]

# The villages' rows: by village name, their petitions and cases (the same shapes).
VILLAGE_PETITIONS: dict[str, list[dict[str, Any]]] = {
    "Thôn An Hòa": [
        {"received_on": "2026-01-15", "field_code": "land", "passed_on": "2026-01-16",
         "answered_on": "2026-02-01"},
        {"received_on": "2026-02-20", "field_code": "infrastructure",
         "passed_on": "2026-02-21"},
        {"received_on": "2026-05-30", "field_code": "health_education"},
        {"received_on": "2026-08-01", "field_code": "land"},
    ],
    "Tổ dân phố 7": [
        {"received_on": "2026-03-10", "field_code": "administration",
         "passed_on": "2026-03-12", "answered_on": "2026-05-01"},
    ],
    "Thôn Vỹ Dạ 1": [
        {"received_on": "2026-02-02", "field_code": "environment"},
        {"received_on": "2026-03-03", "field_code": "land", "passed_on": "2026-03-04"},
    ],
}  # fmt: skip
VILLAGE_CASES: dict[str, list[dict[str, Any]]] = {
    "Thôn An Hòa": [
        {"dispute_kind": "inheritance", "mediated_on": "2026-02-14", "outcome": "settled"},
        {"dispute_kind": "civil_contract", "mediated_on": "2026-04-04"},
    ],
    "Tổ dân phố 7": [],
    "Thôn Vỹ Dạ 1": [
        {"dispute_kind": "land", "mediated_on": "2026-01-09", "outcome": "not_settled"},
    ],
}
VILLAGE_PEOPLE = [
    "Hà Thúc Cần",
    "Tôn Thất Lãng",
    "Nguyễn Khoa Diệu Biên",
    "Phạm Thị Huyền Trân",
    "Lê Văn Hưu Niên",
    "Trần Đình Phong Sắc",
    "Huỳnh Thị Mộng Cầm",
    "Ngô Đình Khôi Nguyên",
    "Châu Thị Ý Lan",
    "Mạc Văn Đĩnh",
    "Đặng Thị Tuyết Nhung",
]
# Every resident's name these records hold: none may reach a report above the team.
RESIDENT_NAMES = [*TEAM_PETITIONERS, *(n for pair in TEAM_PARTIES for n in pair), *VILLAGE_PEOPLE]


def team_community(session: Session) -> None:
    """The team's petitions (each with one petitioner) and cases (two parties each)."""
    for fields, name in zip(TEAM_PETITIONS, TEAM_PETITIONERS, strict=True):
        person = {"full_name": name, "kind": "person", "address": f"Kiệt 12, nhà của {name}"}
        session.save_petition(**fields, petitioners=[person])
    for fields, (first, second) in zip(TEAM_CASES, TEAM_PARTIES, strict=True):
        parties = [{"full_name": first, "side": "first"}, {"full_name": second, "side": "second"}]
        session.save_mediation(**fields, parties=parties)


def village_community(session: Session) -> None:
    """The villages' petitions and cases as synced rows, each with a named resident."""
    db = session.store.db
    units = {
        str(name): str(unit_id)
        for unit_id, name in db.execute("SELECT id, name FROM unit WHERE level = 'village'")
    }
    people = iter(VILLAGE_PEOPLE)
    rows: dict[str, list[dict[str, Any]]] = {
        e: [] for e in ("petition", "petitioner", "mediation", "mediation_party")
    }
    for village, petitions in VILLAGE_PETITIONS.items():
        for index, fields in enumerate(petitions):
            petition_id, unit_id = uuid7(), units[village]
            passed = {"passed_to": "UBND phường"} if fields.get("passed_on") else {}
            answered = {"answer": "Đã trả lời."} if fields.get("answered_on") else {}
            rows["petition"].append(
                {"id": petition_id, "unit_id": unit_id, "title": f"Kiến nghị {index + 1}",
                 **fields, **passed, **answered}
            )  # fmt: skip
            rows["petitioner"].append(
                {"id": uuid7(), "unit_id": unit_id, "petition_id": petition_id,
                 "full_name": next(people)}
            )  # fmt: skip
    for village, cases in VILLAGE_CASES.items():
        for index, fields in enumerate(cases):
            case_id, unit_id = uuid7(), units[village]
            rows["mediation"].append(
                {"id": case_id, "unit_id": unit_id, "title": f"Vụ việc {index + 1}", **fields,
                 "outcome_on": fields["mediated_on"] if fields.get("outcome") else None}
            )  # fmt: skip
            rows["mediation_party"].append(
                {"id": uuid7(), "unit_id": unit_id, "mediation_id": case_id,
                 "full_name": next(people)}
            )  # fmt: skip
    version = 10_000
    with db.atomic():
        for entity, batch in rows.items():
            version = insert_synced(db, entity, batch, first_version=version)


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def petition_expected(
    rows: Iterable[Mapping[str, Any]], start: dt.date, end: dt.date, today: dt.date
) -> dict[str, Any]:
    """The figures of the petitions received from ``start`` to ``end``, counted by hand."""
    inside = [r for r in rows if start <= _day(r["received_on"]) <= end]

    def due(row: Mapping[str, Any]) -> dt.date:
        return _day(row.get("passed_on") or row["received_on"]) + dt.timedelta(ANSWER_DAYS)

    answered = [r for r in inside if r.get("answered_on")]
    waiting = [r for r in inside if not r.get("answered_on")]
    return {
        "received": len(inside),
        "passed_on": sum(1 for r in inside if r.get("passed_on")),
        "answered": len(answered),
        "answered_in_time": sum(1 for r in answered if _day(r["answered_on"]) <= due(r)),
        "waiting": len(waiting),
        "overdue": sum(1 for r in waiting if due(r) < today),
        "by_field": dict(Counter(r["field_code"] for r in inside)),
    }


def mediation_expected(
    rows: Iterable[Mapping[str, Any]], start: dt.date, end: dt.date
) -> dict[str, Any]:
    """The figures of the cases mediated from ``start`` to ``end``, counted by hand."""
    inside = [r for r in rows if start <= _day(r["mediated_on"]) <= end]
    outcomes = Counter(r.get("outcome") or "pending" for r in inside)
    return {
        "cases": len(inside),
        "settled": outcomes["settled"],
        "not_settled": outcomes["not_settled"],
        "passed_on": outcomes["passed_on"],
        "pending": outcomes["pending"],
        "by_kind": dict(Counter(r["dispute_kind"] for r in inside)),
    }
