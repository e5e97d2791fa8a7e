"""The sync engine against the real server process on loopback."""

from __future__ import annotations

from collections.abc import Callable

from danvan_desktop.session import Session
from danvan_desktop.store import outbox
from sync.conftest import Province


def _model(session: Session, name: str) -> str:
    return session.add_model(name=name, field_code="new_rural", year=2026).record_id or ""


def test_enroll_adopts_the_server_unit(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """After enrolling, the laptop's records belong to the server's unit."""
    laptop = laptops("a")
    assert laptop.store.home_unit_id == province.village_id
    units = {r[0] for r in laptop.store.db.execute("SELECT DISTINCT unit_id FROM model_field")}
    assert units == {province.village_id}
    assert all(op.entity != "unit" for op in laptop.pending_operations())


def test_first_sync_sends_everything_and_empties_the_queue(
    laptops: Callable[[str], Session],
) -> None:
    """The team's setup and a model reach the server; nothing stays pending or rejected."""
    laptop = laptops("a")
    model_id = _model(laptop, "Con đường hoa")
    report = laptop.sync_now()
    assert report.rejected == 0, report.messages
    assert laptop.pending_count() == 0
    row = laptop.get_record("model", model_id)
    assert row["dirty"] == 0 and row["server_version"] > 0
    state = laptop.sync_state()
    assert state.enrolled and state.last_result == "ok"


def test_a_second_laptop_receives_the_first_laptops_records(
    laptops: Callable[[str], Session],
) -> None:
    """What laptop A records, laptop B of the same team pulls."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Thắp sáng đường quê")
    a.sync_now()
    b.sync_now()
    assert b.get_record("model", model_id)["name"] == "Thắp sáng đường quê"
    assert b.search("thap sang duong que")[0].record_id == model_id


def test_different_fields_merge(laptops: Callable[[str], Session]) -> None:
    """A changes the name, B the scope: both changes survive everywhere."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Mô hình")
    a.sync_now()
    b.sync_now()
    a.update_model(model_id, name="Mô hình đổi tên")
    b.update_model(model_id, scope="Toàn tổ dân phố")
    a.sync_now()
    b.sync_now()
    a.sync_now()
    for laptop in (a, b):
        row = laptop.get_record("model", model_id)
        assert (row["name"], row["scope"]) == ("Mô hình đổi tên", "Toàn tổ dân phố")


def test_same_field_conflict_is_visible_with_both_values(
    laptops: Callable[[str], Session],
) -> None:
    """Both change the name: the later on the server wins, the other value is kept."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Tên gốc")
    a.sync_now()
    b.sync_now()
    a.update_model(model_id, name="Tên của A")
    b.update_model(model_id, name="Tên của B")
    a.sync_now()
    report = b.sync_now()
    a.sync_now()
    assert report.conflicts == 1
    assert a.get_record("model", model_id)["name"] == b.get_record("model", model_id)["name"]
    winner = b.get_record("model", model_id)["name"]
    for laptop in (a, b):
        conflicts = laptop.conflicts()
        assert [(c["record_id"], c["field"]) for c in conflicts] == [(model_id, "name")]
        assert {conflicts[0]["kept_value"], conflicts[0]["lost_value"]} == {
            "Tên của A",
            "Tên của B",
        }
        assert conflicts[0]["kept_value"] == winner


def test_edit_beats_delete(laptops: Callable[[str], Session]) -> None:
    """A deletes while B edits: the record stays on both, with B's edit."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Quỹ khuyến học")
    a.sync_now()
    b.sync_now()
    b.update_model(model_id, content="Bổ sung 20 suất học bổng")
    b.sync_now()
    a.delete_record("model", model_id)
    a.sync_now()
    a.sync_now()
    for laptop in (a, b):
        assert laptop.get_record("model", model_id)["content"] == "Bổ sung 20 suất học bổng"


def test_same_batch_sent_twice_is_applied_once(
    laptops: Callable[[str], Session], province: Province
) -> None:
    """An answer lost after the server committed: the re-send is a duplicate, not a copy."""
    a = laptops("a")
    _model(a, "Một lần thôi")
    ops = outbox.operations(a.store.db)
    outbox.mark_sending(a.store.db, [op.op_id for op in ops])  # as if sent, answer lost
    report = a.sync_now()
    assert report.pushed + report.duplicates == len(ops)
    b = laptops("b")
    b.sync_now()
    names = [r["name"] for r in b.list_records("model")]
    assert names == ["Một lần thôi"]


def test_reviewer_cannot_write_team_fields(
    province: Province, tmp_path, laptops: Callable[[str], Session]
) -> None:
    """A commune reviewer's edit of a team field is rejected, and the queue moves on."""
    from support.server_process import add_commune
    from sync.conftest import new_laptop

    a = laptops("a")
    model_id = _model(a, "Mô hình")
    a.sync_now()
    commune = add_commune(province.database_url)
    reviewer = new_laptop(tmp_path / "reviewer")
    try:
        reviewer.enroll_device(
            server_url=province.server.url, code=province.code(role="reviewer", unit_id=commune.id)
        )
        reviewer.sync_now()
        assert reviewer.get_record("model", model_id)["name"] == "Mô hình"
        reviewer.store.db.execute("UPDATE model SET name = 'x' WHERE id = ?", [model_id])
        outbox.record_change(
            reviewer.store.db,
            device_id=reviewer.store.device_id,
            entity="model",
            record_id=model_id,
            unit_id=province.village_id,
            kind="upsert",
            fields={"name": "Sửa trái phép"},
            base={"name": "Mô hình"},
            base_version=None,
            created_at="2026-11-28T00:00:00+00:00",
        )
        report = reviewer.sync_now()
        assert report.rejected >= 1
        assert reviewer.pending_count() == 0
    finally:
        reviewer.close()
