"""The base-copy rule (issue 22): a base copy only for a record edited here, not synced.

Against the real server on loopback: a pulled record keeps no base copy (an unedited
record is its own base); the first local edit keeps the record's synced values; a
newer version that arrives while the edit waits becomes the base; once the edit is
synced the copy goes; and a record edited offline still merges three-way. A store of
the previous release, with a base copy for every pulled record, drops the needless
ones when it opens (m013).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.core.schema import SYSTEM_COLUMNS
from danvan_desktop.session import Session
from danvan_desktop.store import base_copies, sync_apply
from danvan_desktop.store.database import STORE_FILE, Store

FIXTURES = Path(__file__).parents[1] / "fixtures"
V8_TASK = "0190f000-0000-7000-8000-000000000106"  # its edit waits in the outbox
V8_MODEL = "0190f000-0000-7000-8000-000000000103"  # synced, not edited
V8_MEMBER = "0190f000-0000-7000-8000-000000000107"  # synced, not edited


def _shared_model(laptops: Callable[[str], Session]) -> tuple[Session, Session, str]:
    """Laptops A and B of one village, both holding A's model «Tên gốc» (synced)."""
    a, b = laptops("a"), laptops("b")
    model_id = a.add_model(name="Tên gốc", field_code="new_rural", year=2026).record_id or ""
    a.sync_now()
    b.sync_now()
    return a, b, model_id


def _base(session: Session, model_id: str) -> dict[str, object] | None:
    return base_copies.base_copy(session.store.db, "model", model_id)


def test_pulled_record_keeps_no_base_copy(laptops: Callable[[str], Session]) -> None:
    """A record pulled and not edited has no base copy: it is its own base."""
    _a, b, model_id = _shared_model(laptops)
    assert b.get_record("model", model_id)["name"] == "Tên gốc"
    assert _base(b, model_id) is None
    assert base_copies.count(b.store.db) == 0


def test_first_local_edit_keeps_the_synced_values(laptops: Callable[[str], Session]) -> None:
    """The first edit of a synced record keeps its synced values as the base copy."""
    _a, b, model_id = _shared_model(laptops)
    b.update_model(model_id, name="Tên B sửa lần 1")
    b.update_model(model_id, name="Tên B sửa lần 2")
    base = _base(b, model_id)
    assert base is not None and base["name"] == "Tên gốc"


def test_record_made_here_has_no_base_copy(laptops: Callable[[str], Session]) -> None:
    """A record made on this laptop and not yet synced has no base to keep."""
    a = laptops("a")
    model_id = a.add_model(name="Mới tạo", field_code="new_rural", year=2026).record_id or ""
    a.update_model(model_id, name="Mới tạo, sửa lại")
    assert _base(a, model_id) is None


def test_base_copy_goes_once_the_edit_is_synced(laptops: Callable[[str], Session]) -> None:
    """After the edit reaches the server, the record is clean and keeps no base copy."""
    _a, b, model_id = _shared_model(laptops)
    b.update_model(model_id, name="Tên của B")
    report = b.sync_now()
    assert (report.pushed, report.rejected) == (1, 0)
    assert _base(b, model_id) is None
    assert b.get_record("model", model_id)["dirty"] == 0


def test_newer_version_becomes_the_base_of_a_waiting_edit(
    laptops: Callable[[str], Session],
) -> None:
    """A newer version pulled while B's edit waits replaces B's base with the server's."""
    a, b, model_id = _shared_model(laptops)
    b.update_model(model_id, name="Tên của B")
    a.update_model(model_id, scope="Toàn thôn")
    a.sync_now()
    newer = a.get_record("model", model_id)
    fields = {k: v for k, v in newer.items() if k not in SYSTEM_COLUMNS}
    change = {"entity": "model", "record_id": model_id, "unit_id": newer["unit_id"]}
    change.update(server_version=newer["server_version"], deleted=False, fields=fields)
    sync_apply.apply_page(b.records, [change], next_seq=int(newer["server_version"]))
    base = _base(b, model_id)
    assert base is not None and (base["name"], base["scope"]) == ("Tên gốc", "Toàn thôn")
    row = b.get_record("model", model_id)
    assert (row["name"], row["scope"], row["dirty"]) == ("Tên của B", "Toàn thôn", 1)


def test_offline_edit_of_another_field_merges(laptops: Callable[[str], Session]) -> None:
    """B renames offline while A sets the scope: after both sync, both laptops hold both."""
    a, b, model_id = _shared_model(laptops)
    b.update_model(model_id, name="Tên của B")
    a.update_model(model_id, scope="Toàn thôn")
    a.sync_now()
    report = b.sync_now()
    a.sync_now()
    assert (report.rejected, report.conflicts) == (0, 0)
    for laptop in (a, b):
        row = laptop.get_record("model", model_id)
        assert (row["name"], row["scope"]) == ("Tên của B", "Toàn thôn")
    assert b.conflicts() == []


def test_offline_edit_of_the_same_field_is_a_conflict(laptops: Callable[[str], Session]) -> None:
    """B and A rename offline: the later one's name is kept, the other's is a conflict."""
    a, b, model_id = _shared_model(laptops)
    b.update_model(model_id, name="Tên của B")
    a.update_model(model_id, name="Tên của A")
    a.sync_now()
    b.sync_now()
    [conflict] = b.conflicts()
    assert (conflict["kept_value"], conflict["lost_value"]) == ("Tên của B", "Tên của A")
    assert b.get_record("model", model_id)["name"] == "Tên của B"


def test_upgrade_drops_base_copies_of_unedited_records(tmp_path: Path) -> None:
    """A store of the previous release with a base copy for every pulled record keeps
    only that of the record whose edit still waits (m013)."""
    folder = tmp_path / "v8"
    folder.mkdir()
    shutil.copy(FIXTURES / "store-v8.sqlite3", folder / STORE_FILE)
    conn = sqlite3.connect(folder / STORE_FILE)
    with conn:
        conn.executemany(
            "INSERT INTO base_copy (entity, record_id, server_version, fields) VALUES (?, ?, ?, ?)",
            [
                ("model", V8_MODEL, 7, '{"name": "Mô hình"}'),
                ("task", V8_TASK, 10, '{"title": "Việc cũ"}'),
                ("member", V8_MEMBER, 5, '{"full_name": "Tổ viên"}'),
            ],
        )
    conn.close()
    store = Store.open(folder)
    try:
        kept = store.db.execute("SELECT entity, record_id FROM base_copy").fetchall()
        assert kept == [("task", V8_TASK)]
    finally:
        store.close()
