"""Step m015 on a store of the previous schema (m001–m014): every model kept, the consent
fields empty, one full pull asked for."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from danvan_desktop.store import migrations
from danvan_desktop.store.database import STORE_FILE, Store
from danvan_desktop.store.records import Records

MODEL = "0190f000-0000-7000-8000-000000000151"
M015 = "m015_model_contact_consent"


@pytest.fixture
def m014_dir(tmp_path: Path) -> Path:
    """A data folder whose store has the steps up to m014 (this release's own SQL), a
    model and a sync checkpoint."""
    folder = tmp_path / "m014"
    folder.mkdir()
    steps = migrations._STEPS[: migrations.known_step_names().index(M015)]
    earlier = Migrations(migrations.MIGRATION_SET)
    for name, step in steps:
        earlier(name=name)(step)
    db = Database(folder / STORE_FILE)
    earlier.apply(db)
    db.execute(
        "INSERT INTO model (id, name, field_code, status, year, dirty, deleted) "
        "VALUES (?, 'Đường hoa tổ 5', 'new_rural', 'registered', 2025, 0, 0)",
        [MODEL],
    )
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_checkpoint', '42')")
    db.execute(f"PRAGMA user_version = {len(steps)}")
    db.conn.commit()
    db.close()
    return folder


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def test_the_previous_schema_has_no_consent(m014_dir: Path) -> None:
    """The fixture is the schema before the step: its models have no consent column."""
    columns = [r[1] for r in _rows(m014_dir / STORE_FILE, "PRAGMA table_info(model)")]
    assert "contact_consent" not in columns


def test_m015_keeps_the_model_with_no_consent(m014_dir: Path) -> None:
    """After the step the old model is there as it was, with no consent and no contact."""
    Store.open(m014_dir).close()
    assert _rows(
        m014_dir / STORE_FILE,
        "SELECT name, status, year, contact_consent, contact_name, contact_role, contact_phone "
        "FROM model",
    ) == [("Đường hoa tổ 5", "registered", 2025, None, None, None, None)]


def test_m015_asks_for_one_full_pull(m014_dir: Path) -> None:
    """The sync checkpoint goes back to 0, so models pulled without the fields come again."""
    Store.open(m014_dir).close()
    assert _rows(m014_dir / STORE_FILE, "SELECT value FROM meta WHERE key = 'sync_checkpoint'") == [
        ("0",)
    ]


def test_the_upgraded_store_saves_a_consent(m014_dir: Path) -> None:
    """The old model takes the team's consent and contact after the step."""
    store = Store.open(m014_dir)
    try:
        records = Records(store)
        records.save(
            "model",
            {
                "contact_consent": True,
                "contact_name": "Nguyễn Thị Lan",
                "contact_phone": "0905123456",
            },
            record_id=MODEL,
        )
        model = records.get("model", MODEL)
        assert (model["contact_consent"], model["contact_name"]) == (1, "Nguyễn Thị Lan")
    finally:
        store.close()
