"""A pulled page's new records check each distinct value once (store/sync_bulk.py), and
what a value is remembered by never lets a value another record could not store through."""

from __future__ import annotations

from typing import Any

from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply

TEAM = "0190f000-0000-7000-8000-000000000001"


def _change(entity: str, number: int, **fields: Any) -> dict[str, Any]:
    return {
        "entity": entity,
        "record_id": f"0190f000-0000-7000-8000-{number:012d}",
        "unit_id": "u",
        "server_version": number,
        "deleted": False,
        "fields": fields,
    }


def _model(number: int, **fields: Any) -> dict[str, Any]:
    base = {"name": "Đường hoa", "field_code": "economy", "status": "registered", "year": 2026}
    return _change("model", number, **{**base, **fields})


def _kept_aside(session: Session) -> list[str]:
    return [str(row["record_id"])[-3:] for row in sync_apply.quarantined(session.records)]


def test_a_text_one_field_takes_is_refused_where_it_is_too_long(session: Session) -> None:
    """301 characters fit a model's content, not its name: the second record is kept aside."""
    text = "x" * 301
    page = [_model(101, content=text), _model(102, name=text)]
    sync_apply.apply_page(session.records, page, next_seq=102)
    assert session.get_record("model", page[0]["record_id"])["content"] == text
    assert _kept_aside(session) == ["102"]


def test_true_is_not_taken_for_the_number_one(session: Session) -> None:
    """A member ordered 1, then one ordered ``true``: the second is kept aside, not ordered 1."""
    member = {"team_id": TEAM, "full_name": "Lê Văn Cường", "role": "member"}
    page = [
        _change("member", 201, **member, position_order=1),
        _change("member", 202, **member, position_order=True),
    ]
    sync_apply.apply_page(session.records, page, next_seq=202)
    assert session.get_record("member", page[0]["record_id"])["position_order"] == 1
    assert _kept_aside(session) == ["202"]


def test_a_value_recurring_on_many_records_is_stored_on_each(session: Session) -> None:
    """Three models of one name (in decomposed Unicode) each hold it in NFC, sortable alike."""
    page = [_model(300 + n, name="Đường hoa\u0301 ") for n in range(3)]
    sync_apply.apply_page(session.records, page, next_seq=302)
    rows = session.store.db.execute("SELECT name, name_sort FROM model WHERE id LIKE '%0003__'")
    held = rows.fetchall()
    assert [name for name, _ in held] == ["Đường hoá"] * 3
    assert len({key for _, key in held}) == 1
