"""A bad record on the real server: laptops finish their sync and keep it aside; the
operator's repair reaches them and clears it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply
from danvan_server import admin, bundles
from danvan_server import records as stored
from danvan_server.attachments import AttachmentStore
from danvan_server.cli import main as server_cli
from danvan_server.db import make_engine, read_sequence, reading, write_sequence, writing
from danvan_server.settings import Settings
from support.server_process import add_commune
from sync.conftest import Province, new_laptop

BAD_ID = "01a24b50-0000-7000-8000-00000000bad2"
TOO_BIG = 10**30  # beyond 64 bits: accepted by the server before it checked, stored nowhere


def _store_bad_model(province: Province) -> int:
    """A model in the server's database holding a year no laptop can store."""
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        [village] = [u for u in admin.list_units(engine) if u.id == province.village_id]
        fields = stored.empty_fields("model")
        fields.update(name="Mô hình cũ", status="registered", field_code="economy", year=TOO_BIG)
        record = stored.StoredRecord("model", BAD_ID, village.id, village.path, 0, False, fields)
        with writing(engine) as connection:
            record.server_version = read_sequence(connection) + 1
            stored.write(connection, [record])
            write_sequence(connection, record.server_version)
        return record.server_version
    finally:
        engine.dispose()


def _high_seq(province: Province) -> int:
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        with reading(engine) as connection:
            return read_sequence(connection)
    finally:
        engine.dispose()


@pytest.fixture
def reviewer(tmp_path: Path, province: Province) -> Iterator[Session]:
    """The commune's reviewer laptop, enrolled."""
    commune = add_commune(province.database_url)
    session = new_laptop(tmp_path / "reviewer", leader="Trần Thị Bình")
    session.enroll_device(
        server_url=province.server.url,
        code=province.code(role="reviewer", unit_id=commune.id),
        device_name="Máy xã",
    )
    yield session
    session.close()


def test_team_and_reviewer_quarantine_then_take_the_repair(
    province: Province, laptops: Callable[[str], Session], reviewer: Session
) -> None:
    """Both laptops finish with the bad record kept aside; after `records repair` both
    hold the repaired record and their quarantine is empty."""
    team = laptops("team")
    bad_version = _store_bad_model(province)
    for laptop in (team, reviewer):
        laptop.sync_now()
        assert [(r["record_id"], r["server_version"]) for r in laptop.quarantined_records()] == [
            (BAD_ID, bad_version)
        ]
        assert sync_apply.checkpoint(laptop.records) == _high_seq(province)
        assert laptop.records.find_any("model", BAD_ID) is None
    repaired = server_cli(
        [
            "--database",
            province.database_url,
            "records",
            "repair",
            BAD_ID,
            "year=2026",
            "--reason",
            "năm gõ nhầm",
        ]
    )
    assert repaired == 0
    for laptop in (team, reviewer):
        laptop.sync_now()
        assert laptop.quarantined_records() == []
        assert laptop.get_record("model", BAD_ID)["year"] == 2026


def test_removal_reaches_a_laptop_that_kept_the_record_aside(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """`records remove` sends a tombstone the laptop can store: the quarantine empties."""
    team = laptops("team")
    _store_bad_model(province)
    team.sync_now()
    assert len(team.quarantined_records()) == 1
    args = ["--database", province.database_url, "records", "remove", BAD_ID, "--reason", "x"]
    assert server_cli(args) == 0
    team.sync_now()
    assert team.quarantined_records() == []
    assert team.records.find("model", BAD_ID) is None


def test_reply_bundle_with_a_bad_record_is_applied_around_it(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """A reply bundle carrying the bad record: the laptop applies the rest, moves its
    checkpoint and keeps the bad record aside."""
    team = laptops("team")
    team.sync_now()  # registers the laptop's bundle key
    team.add_model(name="Vườn rau sạch", field_code="new_rural", year=2026)
    stick = tmp_path / "stick"
    stick.mkdir()
    written = team.write_sync_bundle(stick)
    bad_version = _store_bad_model(province)
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        files = AttachmentStore(engine, admin.attachments_dir(engine), 10**8)
        bundles.import_bundle(engine, files, written.path.read_bytes())
        reply = bundles.make_reply(engine, team.store.device_id)
    finally:
        engine.dispose()
    (stick / reply.file_name).write_bytes(reply.data)
    applied = team.import_sync_reply(stick / reply.file_name)
    assert applied.settled == written.operations
    assert [r["server_version"] for r in team.quarantined_records()] == [bad_version]
    assert sync_apply.checkpoint(team.records) == _high_seq(province)
