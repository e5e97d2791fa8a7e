"""Step m016 on a store of the previous schema (m001–m015): the overview's models per field
and the meetings' corrections are read through an index (EXPLAIN QUERY PLAN of the very
statements store/overview.py and store/team_work.py run)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from danvan_desktop.store import migrations
from danvan_desktop.store.database import STORE_FILE, Store
from danvan_desktop.store.overview import models_by_field, overview
from danvan_desktop.store.team_work import corrected_versions, meeting_sheet

MEETING = "0190f000-0000-7000-8000-000000000161"
CORRECTION = "0190f000-0000-7000-8000-000000000162"
M016 = "m016_list_indexes"
TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def m015_dir(tmp_path: Path) -> Path:
    """A data folder whose store has the steps up to m015 (this release's own SQL), a model,
    a meeting and the meeting that corrects it."""
    folder = tmp_path / "m015"
    folder.mkdir()
    steps = migrations._STEPS[: migrations.known_step_names().index(M016)]
    earlier = Migrations(migrations.MIGRATION_SET)
    for name, step in steps:
        earlier(name=name)(step)
    db = Database(folder / STORE_FILE)
    earlier.apply(db)
    db.execute(
        "INSERT INTO model (id, name, field_code, status, year, dirty, deleted) "
        "VALUES ('0190f000-0000-7000-8000-000000000160', 'Đường hoa tổ 5', 'new_rural', "
        "'registered', 2025, 0, 0)"
    )
    db.execute(
        "INSERT INTO meeting (id, title, kind, starts_at, state, version, supersedes_id, "
        "dirty, deleted) VALUES (?, 'Họp tổ tháng 3', 'regular', '2026-03-10T19:00', "
        "'final', 1, NULL, 0, 0), (?, 'Họp tổ tháng 3', 'regular', '2026-03-10T19:00', "
        "'draft', 2, ?, 0, 0)",
        [MEETING, CORRECTION, MEETING],
    )
    db.execute(f"PRAGMA user_version = {len(steps)}")
    db.conn.commit()
    db.close()
    return folder


@pytest.fixture
def upgraded(m015_dir: Path) -> Iterator[Store]:
    """The store after this release opened it (every step applied)."""
    store = Store.open(m015_dir)
    try:
        yield store
    finally:
        store.close()


def _plans(conn: sqlite3.Connection, read: Callable[[], Any], table: str) -> list[list[str]]:
    """The query plan of each statement ``read`` runs that names ``table``."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        read()
    finally:
        conn.set_trace_callback(None)
    return [
        [str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        for sql in statements
        if f"FROM {table} " in sql and sql.lstrip().upper().startswith("SELECT")
    ]


def _index_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_the_previous_schema_has_neither_index(m015_dir: Path) -> None:
    """The fixture is the schema before the step: neither index is there."""
    names = _index_names(m015_dir / STORE_FILE)
    assert {"idx_model_field", "idx_meeting_supersedes"} & names == set()


def test_models_by_field_count_on_the_field_index(upgraded: Store) -> None:
    """The overview's models per field walk the live models' field index, no model row."""
    plans = _plans(upgraded.conn, lambda: models_by_field(upgraded.db), "model")
    assert plans == [["SCAN model USING INDEX idx_model_field"]]


def test_models_by_field_are_counted_after_the_step(upgraded: Store) -> None:
    """The old model is counted under its field once the index holds it."""
    counts = {code: n for code, _name, n in models_by_field(upgraded.db)}
    assert counts["new_rural"] == 1


def test_corrected_versions_search_the_supersedes_index(upgraded: Store) -> None:
    """A page of meetings finds its corrections through the supersedes index."""
    plans = _plans(upgraded.conn, lambda: corrected_versions(upgraded.db, [MEETING]), "meeting")
    assert plans == [["SEARCH meeting USING INDEX idx_meeting_supersedes (supersedes_id=?)"]]


def test_corrected_versions_find_the_correction(upgraded: Store) -> None:
    """The corrected meeting is told its correction's version through the index."""
    assert corrected_versions(upgraded.db, [MEETING, CORRECTION]) == {MEETING: 2}


def test_a_meeting_sheet_finds_its_correction_by_the_index(upgraded: Store) -> None:
    """A meeting's sheet looks its correction up in the supersedes index."""
    plans = _plans(upgraded.conn, lambda: meeting_sheet(upgraded.db, MEETING), "meeting")
    corrections = [plan for plan in plans if "supersedes" in " ".join(plan)]
    assert corrections == [
        [
            "SEARCH meeting USING INDEX idx_meeting_supersedes (supersedes_id=?)",
            "USE TEMP B-TREE FOR ORDER BY",
        ]
    ]


def test_the_overview_reads_the_models_on_their_two_indexes(upgraded: Store) -> None:
    """The overview counts the models on the field and status indexes only: the live
    models' count is the sum per field, not a third pass."""
    plans = _plans(upgraded.conn, lambda: overview(upgraded.db, today=TODAY), "model")
    assert plans == [
        ["SCAN model USING INDEX idx_model_field"],
        ["SCAN model USING INDEX idx_model_status"],
    ]


def test_the_overview_counts_every_live_model(upgraded: Store) -> None:
    """The live models' count, taken from the counts per field, holds the old model."""
    assert overview(upgraded.db, today=TODAY).counts["model"] == 1
