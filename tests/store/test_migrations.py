"""Schema steps: older stores upgrade with nothing lost; newer stores are refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from danvan_desktop.core.errors import StoreError
from danvan_desktop.store import outbox
from danvan_desktop.store.database import STORE_FILE, Store
from danvan_desktop.store.migrations import known_step_names, schema_version
from danvan_desktop.store.records import Records

FIXTURES = Path(__file__).parents[1] / "fixtures"
MODEL = "0190f000-0000-7000-8000-000000000003"
MEETING = "0190f000-0000-7000-8000-000000000004"


@pytest.fixture
def v1_dir(tmp_path: Path) -> Path:
    """A data folder holding the store made by the first schema step."""
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(FIXTURES / "store-v1.sqlite3", folder / STORE_FILE)
    return folder


def test_release_has_at_least_two_steps() -> None:
    """The first release already changes its schema through named steps."""
    assert known_step_names()[:2] == ["m001_entities", "m002_local"]
    assert schema_version() == len(known_step_names())


def test_v1_store_upgrades_with_nothing_lost(v1_dir: Path) -> None:
    """Every record, field value and pending operation of a v1 store survives the upgrade."""
    store = Store.open(v1_dir)
    try:
        records = Records(store)
        model = records.get("model", MODEL)
        assert model["name"] == "Đường hoa thôn Đông"
        assert model["content"] == "Mỗi hộ trồng và chăm 20 m đường hoa."
        assert model["server_version"] == 12
        assert records.get("meeting", MEETING)["title"] == "Họp tháng 12 năm 2025"
        ops = outbox.operations(store.db)
        assert [op.record_id for op in ops] == [MEETING]
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert store.db["drafts"].exists()
    finally:
        store.close()


def test_upgrade_backs_up_the_old_store_first(v1_dir: Path) -> None:
    """Before the schema changes, a copy of the v1 store is kept in backups/."""
    Store.open(v1_dir).close()
    backups = list((v1_dir / "backups").glob("before-migration-v1-*.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert names == ["m001_entities"]


def test_upgraded_store_accepts_new_edits(v1_dir: Path) -> None:
    """After the upgrade, edits of old records are tracked as usual."""
    store = Store.open(v1_dir)
    try:
        Records(store).save("model", {"content": "Thêm 50 m đường hoa."}, record_id=MODEL)
        op = outbox.operation_for(store.db, "model", MODEL)
        assert op is not None and op.base_version == 12
        assert op.base == {"content": "Mỗi hộ trồng và chăm 20 m đường hoa."}
    finally:
        store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_from_a_newer_release_is_refused_untouched(v1_dir: Path) -> None:
    """A store with a step this release does not know is refused before anything changes."""
    Store.open(v1_dir).close()
    conn = sqlite3.connect(v1_dir / STORE_FILE)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('danvan', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    digest = _digest(v1_dir / STORE_FILE)
    with pytest.raises(StoreError, match="phiên bản mới hơn"):
        Store.open(v1_dir)
    assert _digest(v1_dir / STORE_FILE) == digest


def test_newer_user_version_is_refused(v1_dir: Path) -> None:
    """A store whose user_version is ahead of this release is refused too."""
    Store.open(v1_dir).close()
    conn = sqlite3.connect(v1_dir / STORE_FILE)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    with pytest.raises(StoreError, match="hãy cài phiên bản mới nhất"):
        Store.open(v1_dir)


def test_file_that_is_not_a_store_is_refused_clearly(tmp_path: Path) -> None:
    """Random bytes where the store should be give a message, not a crash."""
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / STORE_FILE).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bị hỏng"):
        Store.open(folder)


def _rows(path: Path, table: str) -> list[dict[str, object]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(f"SELECT * FROM [{table}] ORDER BY id")]
    finally:
        conn.close()


def test_household_count_step_keeps_every_meeting_value(v1_dir: Path) -> None:
    """m007 adds the village's household total to meetings; old values stay as they were."""
    before = _rows(v1_dir / STORE_FILE, "meeting")
    store = Store.open(v1_dir)
    try:
        assert "m007_meeting_households" in known_step_names()
        Records(store).save(
            "meeting",
            {"kind": "community", "households_total": 120, "households_represented": 86},
            record_id=MEETING,
        )
    finally:
        store.close()
    after = _rows(v1_dir / STORE_FILE, "meeting")
    assert len(after) == len(before) == 1
    kept = {k: v for k, v in after[0].items() if k in before[0]}
    changed = {"kind", "households_represented", "dirty", "updated_at", "updated_by"}
    assert {k: v for k, v in kept.items() if k not in changed} == {
        k: v for k, v in before[0].items() if k not in changed
    }
    assert after[0]["households_total"] == 120
    assert after[0]["households_represented"] == 86


V8_UNIT = "0190f000-0000-7000-8000-000000000101"


@pytest.fixture
def v8_dir(tmp_path: Path) -> Path:
    """A data folder holding an enrolled team's store of the release before m009."""
    folder = tmp_path / "v8"
    folder.mkdir()
    shutil.copy(FIXTURES / "store-v8.sqlite3", folder / STORE_FILE)
    return folder


def _tables(path: Path) -> dict[str, list[dict[str, object]]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'network_card_fts%' "
                "AND name != '_sqlite_migrations'"
            )
        ]
        return {
            name: [dict(row) for row in conn.execute(f"SELECT * FROM [{name}] ORDER BY rowid")]
            for name in names
        }
    finally:
        conn.close()


def test_v8_store_upgrades_with_every_row_kept(v8_dir: Path) -> None:
    """Every row of every table of the previous release's store is there after m009, with
    the same values; only the sync checkpoint goes back to 0 (one full pull after it)."""
    before = _tables(v8_dir / STORE_FILE)
    Store.open(v8_dir).close()
    after = _tables(v8_dir / STORE_FILE)
    assert set(before) <= set(after)
    for table, rows in before.items():
        kept = [{k: row[k] for k in rows[0]} for row in after[table]] if rows else after[table]
        if table == "meta":
            rows = [dict(r, value="0") if r["key"] == "sync_checkpoint" else r for r in rows]
        assert kept == rows, table
    assert {"petition", "petitioner", "mediation", "mediation_party"} <= set(after)
    assert [r["petition_answer_days"] for r in after["regulation"]] == [None]


def test_v8_store_takes_petitions_after_the_upgrade(v8_dir: Path) -> None:
    """The upgraded store saves a petition for its team and queues it beside the old work."""
    store = Store.open(v8_dir)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        change = Records(store).save(
            "petition",
            {"title": "Đèn kiệt 12", "received_on": "2026-01-05", "field_code": "infrastructure"},
        )
        assert Records(store).get("petition", change.record_id)["unit_id"] == V8_UNIT
        assert [op.entity for op in outbox.operations(store.db)] == ["task", "petition"]
    finally:
        store.close()


def test_v8_store_gains_empty_review_periods(v8_dir: Path) -> None:
    """After m009 the old meeting covers no recorded period and the regulation sets no
    cut-off (both then take their defaults); nothing else of them changed."""
    Store.open(v8_dir).close()
    after = _tables(v8_dir / STORE_FILE)
    assert [(r["covers_from"], r["covers_to"]) for r in after["meeting"]] == [(None, None)]
    assert [(r["half_year_cutoff"], r["year_cutoff"]) for r in after["regulation"]] == [
        (None, None)
    ]


def test_v8_store_keeps_a_review_period_after_the_upgrade(v8_dir: Path) -> None:
    """The upgraded store saves a year-end review's period and reads it back."""
    store = Store.open(v8_dir)
    try:
        records = Records(store)
        change = records.save(
            "meeting",
            {
                "team_id": "0190f000-0000-7000-8000-000000000102",
                "kind": "year_end",
                "title": "Tổng kết năm 2025",
                "starts_at": "2026-01-09T19:30",
                "state": "draft",
                "covers_from": "2024-12-16",
                "covers_to": "2025-12-15",
            },
        )
        meeting = records.get("meeting", change.record_id)
        assert (meeting["covers_from"], meeting["covers_to"]) == ("2024-12-16", "2025-12-15")
    finally:
        store.close()
