"""A record from the server this laptop cannot store is kept aside; the page goes on."""

from __future__ import annotations

import json
from typing import Any

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store.sync_apply import apply_changes, apply_page, checkpoint

GOOD_1 = "0190f000-0000-7000-8000-0000000000a1"
GOOD_2 = "0190f000-0000-7000-8000-0000000000a2"
BAD = "0190f000-0000-7000-8000-0000000000bd"


def _change(record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Mô hình từ máy chủ",
        "field_code": "economy",
        "status": "registered",
        "year": 2026,
    }
    values.update(fields)
    return {
        "entity": "model",
        "record_id": record_id,
        "unit_id": "u",
        "server_version": version,
        "deleted": False,
        "fields": values,
    }


def _page_with_one_bad(bad_fields: dict[str, Any]) -> list[dict[str, Any]]:
    return [_change(GOOD_1, 5), _change(BAD, 6, **bad_fields), _change(GOOD_2, 7)]


def test_good_records_apply_and_checkpoint_moves(session: Session) -> None:
    """One bad record among good ones: the good ones apply, the checkpoint advances."""
    outcome = apply_page(session.records, _page_with_one_bad({"year": 10**30}), next_seq=7)
    assert session.get_record("model", GOOD_1)["server_version"] == 5
    assert session.get_record("model", GOOD_2)["server_version"] == 7
    assert session.records.find_any("model", BAD) is None
    assert checkpoint(session.records) == 7
    assert (outcome.inserted, outcome.quarantined) == (2, 1)


@pytest.mark.parametrize(
    "bad_fields",
    [{"year": 10**30}, {"name": "Tên \ud800 hỏng"}, {"year": "năm ngoái"}],
    ids=["int-beyond-64-bits", "lone-surrogate", "not-a-number"],
)
def test_bad_record_is_quarantined_with_its_reason(
    session: Session, bad_fields: dict[str, Any]
) -> None:
    """The bad record is listed: entity, id, version, its fields as ASCII JSON, a reason."""
    apply_page(session.records, _page_with_one_bad(bad_fields), next_seq=7)
    [row] = session.quarantined_records()
    assert (row["entity"], row["record_id"], row["server_version"]) == ("model", BAD, 6)
    assert row["fields"].isascii()
    assert {k: json.loads(row["fields"])[k] for k in bad_fields} == bad_fields
    assert row["reason"]


def test_later_valid_version_replaces_the_quarantined_one(session: Session) -> None:
    """A valid version of the bad record applies and leaves the quarantine."""
    apply_page(session.records, _page_with_one_bad({"year": 10**30}), next_seq=7)
    apply_page(session.records, [_change(BAD, 9, year=2025)], next_seq=9)
    assert session.get_record("model", BAD)["year"] == 2025
    assert session.quarantined_records() == []


def test_older_valid_version_leaves_the_newer_bad_one_listed(session: Session) -> None:
    """A valid version older than the one kept aside (a late reply) does not clear it."""
    apply_page(session.records, _page_with_one_bad({"year": 10**30}), next_seq=7)
    apply_changes(session.records, [_change(BAD, 4, year=2025)])
    assert [r["server_version"] for r in session.quarantined_records()] == [6]


def test_a_newer_bad_version_replaces_the_older_one(session: Session) -> None:
    """The quarantine holds one row per record, the newest version seen."""
    apply_page(session.records, _page_with_one_bad({"year": 10**30}), next_seq=7)
    apply_page(session.records, [_change(BAD, 8, year=-(10**30))], next_seq=8)
    assert [r["server_version"] for r in session.quarantined_records()] == [8]


def test_bad_conflict_record_is_quarantined(session: Session) -> None:
    """A conflict carrying a value SQLite cannot store is kept aside too."""
    conflict = {
        "entity": "conflict",
        "record_id": "c1",
        "unit_id": "u",
        "server_version": 3,
        "fields": {"entity": "model", "record_id": BAD, "field": "name", "kept_value": "\udc00"},
    }
    apply_page(session.records, [conflict, _change(GOOD_1, 4)], next_seq=4)
    assert [r["entity"] for r in session.quarantined_records()] == ["conflict"]
    assert checkpoint(session.records) == 4


def test_change_that_is_not_an_object_is_quarantined(session: Session) -> None:
    """A page entry that is not a record at all does not stop the page either."""
    apply_page(session.records, [["not", "a", "record"], _change(GOOD_1, 4)], next_seq=4)  # type: ignore[list-item]
    assert len(session.quarantined_records()) == 1
    assert session.get_record("model", GOOD_1)["server_version"] == 4
