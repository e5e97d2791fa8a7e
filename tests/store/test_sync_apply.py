"""Applying pulled pages: merge with local edits, edit beats delete, one transaction."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store import outbox, search_catchup, sync_apply
from danvan_desktop.store.sync_apply import apply_page, base_copy, checkpoint

OTHER = "0190f000-0000-7000-8000-0000000000ff"


def _change(record_id: str, version: int, deleted: bool = False, **fields: Any) -> dict[str, Any]:
    base = {
        "name": "Mô hình từ máy chủ",
        "field_code": "economy",
        "status": "registered",
        "year": 2026,
    }
    base.update(fields)
    return {
        "entity": "model",
        "record_id": record_id,
        "unit_id": "u",
        "server_version": version,
        "deleted": deleted,
        "fields": base,
    }


def test_new_record_is_inserted_clean_and_searchable(session: Session) -> None:
    """A record from the server arrives synced, with no base copy, findable by search."""
    apply_page(session.records, [_change(OTHER, 5, name="Đường hoa xã Phong Điền")], next_seq=5)
    row = session.get_record("model", OTHER)
    assert (row["server_version"], row["dirty"]) == (5, 0)
    assert checkpoint(session.records) == 5
    assert base_copy(session.records, "model", OTHER) is None  # unedited: its own base
    assert session.search("duong hoa phong dien")[0].record_id == OTHER
    assert outbox.operation_for(session.store.db, "model", OTHER) is None


def test_dirty_row_keeps_local_edits_and_takes_other_fields(session: Session) -> None:
    """A pending local edit of one field survives; the server's other fields arrive."""
    apply_page(session.records, [_change(OTHER, 5)], next_seq=5)
    session.update_model(OTHER, name="Tên sửa trên máy")
    apply_page(
        session.records,
        [_change(OTHER, 9, name="Tên sửa trên máy chủ", scope="Toàn xã")],
        next_seq=9,
    )
    row = session.get_record("model", OTHER)
    assert row["name"] == "Tên sửa trên máy"
    assert row["scope"] == "Toàn xã"
    assert (row["server_version"], row["dirty"]) == (9, 1)
    op = outbox.operation_for(session.store.db, "model", OTHER)
    assert op is not None and op.fields == {"name": "Tên sửa trên máy"} and op.base_version == 5


def test_edit_beats_a_remote_delete(session: Session) -> None:
    """The server deleted a record this laptop is editing: the record stays."""
    apply_page(session.records, [_change(OTHER, 5)], next_seq=5)
    session.update_model(OTHER, content="Đang bổ sung")
    apply_page(session.records, [_change(OTHER, 7, deleted=True)], next_seq=7)
    assert session.get_record("model", OTHER)["content"] == "Đang bổ sung"


def test_remote_delete_of_a_clean_record_tombstones_it(session: Session) -> None:
    """Without local edits, a remote delete removes the record from lists and search."""
    apply_page(session.records, [_change(OTHER, 5, name="Sẽ bị xóa")], next_seq=5)
    apply_page(session.records, [_change(OTHER, 6, deleted=True)], next_seq=6)
    assert session.records.find("model", OTHER) is None
    assert session.search("se bi xoa", entities=("model",)) == []


def test_page_and_checkpoint_are_one_transaction(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that fails half-way leaves neither its records nor its checkpoint.

    The failure is the database's (a bad record is quarantined instead: test_quarantine.py).
    """
    real = search_catchup.mark

    def failing(db: Any, entity: str, record_ids: Any) -> None:
        record_ids = list(record_ids)
        if "x" in record_ids:  # the write after the page's rows: they are written by then
            raise sqlite3.OperationalError("disk I/O error")
        real(db, entity, record_ids)

    monkeypatch.setattr(search_catchup, "mark", failing)
    with pytest.raises(sqlite3.OperationalError):
        apply_page(session.records, [_change(OTHER, 7), _change("x", 8)], next_seq=8)
    assert session.records.find_any("model", OTHER) is None
    assert checkpoint(session.records) == 0


def test_conflict_records_are_kept_for_the_user(session: Session) -> None:
    """A conflict from the server is listed until resolved."""
    conflict = {
        "entity": "conflict",
        "record_id": "c1",
        "unit_id": "u",
        "server_version": 3,
        "fields": {
            "entity": "model",
            "record_id": OTHER,
            "field": "name",
            "kept_value": "A",
            "lost_value": "B",
            "needs_review": False,
        },
    }
    apply_page(session.records, [conflict], next_seq=3)
    rows = sync_apply.open_conflicts(session.records)
    assert [(r["field"], r["kept_value"], r["lost_value"]) for r in rows] == [("name", "A", "B")]


def test_unknown_entity_from_a_newer_server_is_skipped(session: Session) -> None:
    """Records of an entity this release does not know do not stop the page."""
    outcome = apply_page(
        session.records,
        [{"entity": "future_thing", "record_id": "f", "server_version": 2, "fields": {}}],
        next_seq=2,
    )
    assert outcome.skipped == 1 and checkpoint(session.records) == 2


def test_settle_clears_dirty_and_sets_the_version(session: Session) -> None:
    """An applied operation leaves the outbox and the row carries the server version."""
    model_id = session.add_model(name="A", field_code="economy").record_id or ""
    op = outbox.operation_for(session.store.db, "model", model_id)
    assert op is not None
    with session.store.db.atomic():
        sync_apply.settle_result(session.records, op, status="applied", server_version=42)
    row = session.get_record("model", model_id)
    assert (row["server_version"], row["dirty"]) == (42, 0)
    assert outbox.operation_for(session.store.db, "model", model_id) is None


def test_rejected_operation_leaves_the_queue_but_stays_visible(session: Session) -> None:
    """A rejected operation is marked, kept with its reason, and no longer pending."""
    model_id = session.add_model(name="A", field_code="economy").record_id or ""
    op = outbox.operation_for(session.store.db, "model", model_id)
    assert op is not None
    with session.store.db.atomic():
        sync_apply.settle_result(
            session.records, op, status="rejected", server_version=None, message="not allowed"
        )
    assert outbox.operation_for(session.store.db, "model", model_id) is None
    rejected = outbox.operations(session.store.db, states=(outbox.REJECTED,))
    assert [o.op_id for o in rejected] == [op.op_id]
