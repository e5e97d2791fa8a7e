"""Residents' names stay local, against the real server on loopback (SQLite and PostgreSQL).

A team laptop records a petition raised by Lê Thị Hoa and a mediation case between
Trần Văn Bình and Hồ Thị Lan. The city's reviewer receives the petition and the case
(and counts them), but no name, phone or address, neither by a pull nor by a USB reply
bundle, nor inside a conflict record; the commune's reviewer receives them all. A
laptop of the previous release (store schema 8) receives no record it cannot store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

import danvan_desktop.sync.bundle_format as fmt
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply
from danvan_desktop.sync.protocol import HEADER_SCHEMA
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.bundle_tables import bundle_imports
from danvan_server.db import make_engine, read_sequence, reading, writing
from danvan_server.settings import Settings
from server.conftest import Units
from support.server_process import ServerApi, ServerProcess, make_enrollment_code, start_server
from sync.conftest import new_laptop

RESIDENTS = ("Lê Thị Hoa", "Trần Văn Bình", "Hồ Thị Lan", "0905 123 456", "Kiệt 7 Phan Đình Phùng")
PETITION = {
    "title": "Đèn đường kiệt 12 hỏng đã hai tháng",
    "received_on": "2026-01-05",
    "field_code": "infrastructure",
}
CASE = {
    "title": "Tranh chấp lối đi chung ở kiệt 7",
    "dispute_kind": "land",
    "mediated_on": "2026-02-10",
}
NEW_ENTITIES = {"petition", "petitioner", "mediation", "mediation_party"}


@dataclass
class World:
    """The running server, its database, and the team laptop that did the work."""

    folder: Path
    server: ServerProcess
    database_url: str
    units: Units
    team: Session
    opened: list[Session]

    def laptop(self, name: str, unit_id: str, role: str) -> Session:
        """A new laptop enrolled for ``unit_id`` and ``role``, synced once."""
        session = new_laptop(self.folder / name)
        self.opened.append(session)
        code = make_enrollment_code(self.database_url, unit_id, role)
        session.enroll_device(server_url=self.server.url, code=code, device_name=name)
        session.sync_now()
        return session

    def stick(self, name: str) -> Path:
        """A folder standing in for a USB stick."""
        folder = self.folder / f"stick-{name}"
        folder.mkdir(exist_ok=True)
        return folder

    def high_seq(self) -> int:
        engine = make_engine(Settings(database_url=self.database_url))
        try:
            with reading(engine) as connection:
                return read_sequence(connection)
        finally:
            engine.dispose()


@pytest.fixture
def world(database_url: str, units: Units, tmp_path: Path) -> Iterator[World]:
    """The server with the team's petition and case synced to it."""
    (tmp_path / "server").mkdir()
    with start_server(database_url, log_dir=tmp_path / "server") as server:
        team = new_laptop(tmp_path / "team")
        opened = [team]
        try:
            code = make_enrollment_code(database_url, units.village.id, "team")
            team.enroll_device(server_url=server.url, code=code, device_name="team")
            team.save_petition(
                **PETITION, petitioners=[{"full_name": "Lê Thị Hoa", "phone": "0905 123 456"}]
            )
            parties = [
                {"full_name": "Trần Văn Bình", "side": "first"},
                {"full_name": "Hồ Thị Lan", "address": "Kiệt 7 Phan Đình Phùng"},
            ]
            team.save_mediation(**CASE, parties=parties)
            team.sync_now()
            yield World(tmp_path, server, database_url, units, team, opened)
        finally:
            for session in opened:
                session.close()


def _names_held(session: Session) -> list[str]:
    """Which residents' details appear anywhere in the laptop's store, folded or not."""
    dump = "\n".join(session.store.conn.iterdump())
    folded = fold_vietnamese(dump)
    return [n for n in RESIDENTS if n in dump or fold_vietnamese(n) in folded]


def _rows(session: Session, table: str) -> int:
    return int(session.store.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])


def test_the_city_reviewer_counts_the_work_but_holds_no_resident(world: World) -> None:
    """A pull of the city's reviewer brings the petition and the case, no person, and still
    takes its checkpoint to the server's last sequence."""
    city = world.laptop("city", world.units.city.id, "reviewer")
    assert (city.petition_count(), city.mediation_count()) == (1, 1)
    assert (_rows(city, "petitioner"), _rows(city, "mediation_party")) == (0, 0)
    assert _names_held(city) == []
    assert sync_apply.checkpoint(city.records) == world.high_seq()


def test_the_commune_reviewer_holds_the_residents(world: World) -> None:
    """The commune's reviewer receives who raised the petition and the parties of the case."""
    commune = world.laptop("commune", world.units.commune.id, "reviewer")
    assert _names_held(commune) == list(RESIDENTS)


def _reply_changes(engine: Engine, data: bytes) -> list[dict[str, object]]:
    """The changes a reply bundle carries (its signature checked with the server's key)."""
    bundle = fmt.read(data)
    bundle.verify(bundles.server_public_key(engine))
    return list(bundle.json_member(fmt.REPLY_MEMBER, None)["changes"])


def test_a_usb_reply_for_the_city_carries_no_resident(world: World) -> None:
    """The city's reviewer sends a bundle and gets a reply: the petition and the case come,
    no person; the commune's reply, made the same way, carries them."""
    engine = make_engine(Settings(database_url=world.database_url))
    try:
        files = AttachmentStore(engine, admin.attachments_dir(engine), 10**8)
        replies: dict[str, bytes] = {}
        for name, unit in (("city", world.units.city), ("commune", world.units.commune)):
            laptop = world.laptop(name, unit.id, "reviewer")
            written = laptop.write_sync_bundle(world.stick(name))
            bundles.import_bundle(engine, files, written.path.read_bytes())
            replies[name] = bundles.make_reply(engine, laptop.store.device_id, since=0).data
        city_changes = _reply_changes(engine, replies["city"])
        assert {c["entity"] for c in city_changes} & NEW_ENTITIES == {"petition", "mediation"}
        city_text = json.dumps(city_changes, ensure_ascii=False)
        assert [n for n in RESIDENTS if n in city_text] == []
        commune_text = json.dumps(_reply_changes(engine, replies["commune"]), ensure_ascii=False)
        assert [n for n in RESIDENTS if n in commune_text] == list(RESIDENTS)
    finally:
        engine.dispose()


def test_a_conflict_over_a_residents_name_stays_in_the_commune(world: World) -> None:
    """Two laptops of the team change a petitioner's name at once: the conflict record (which
    carries both names) goes to the commune's reviewer, not to the city's."""
    other = world.laptop("team-b", world.units.village.id, "team")
    petitioner = other.list_records("petitioner")[0]
    world.team.update_record("petitioner", petitioner["id"], full_name="Lê Thị Hoa (chị Hoa)")
    other.update_record("petitioner", petitioner["id"], full_name="Lê Thị Hoa (bà Hoa)")
    world.team.sync_now()
    other.sync_now()
    commune = world.laptop("commune", world.units.commune.id, "reviewer")
    assert [c["entity"] for c in commune.conflicts()] == ["petitioner"]
    city = world.laptop("city", world.units.city.id, "reviewer")
    assert city.conflicts() == []
    assert _names_held(city) == []


def test_the_city_may_not_write_a_residents_record(world: World) -> None:
    """A push of the city's reviewer on a petitioner is refused, even one that changes
    nothing (which would otherwise tell whether a guessed name is right)."""
    petitioner = world.team.list_records("petitioner")[0]
    code = make_enrollment_code(world.database_url, world.units.city.id, "reviewer")
    city = ServerApi(world.server.url).enroll(code, uuid7())
    try:
        op = city.op(
            "petitioner",
            petitioner["id"],
            {"full_name": "Lê Thị Hoa"},
            unit_id=world.units.village.id,
            base_version=petitioner["server_version"],
        )
        [result] = city.push([op]).json()["results"]
    finally:
        city.close()
    assert result["status"] == "rejected"
    assert "chỉ lưu ở tổ dân vận và xã, phường" in result["message"]


def _entities_pulled(api: ServerApi, schema: int) -> tuple[set[object], int]:
    page = api.request("GET", "/pull", params={"since": 0}, headers={HEADER_SCHEMA: str(schema)})
    body = page.json()
    assert body["more"] is False
    return {c["entity"] for c in body["changes"]}, int(body["next"])


def test_a_laptop_of_the_previous_release_gets_nothing_it_cannot_store(world: World) -> None:
    """Store schema 8 (the release before petitions) pulls no new entity, yet its checkpoint
    moves to the end; schema 9 pulls them all."""
    code = make_enrollment_code(world.database_url, world.units.commune.id, "reviewer")
    api = ServerApi(world.server.url).enroll(code, uuid7())
    try:
        old, old_next = _entities_pulled(api, 8)
        new, _ = _entities_pulled(api, 9)
    finally:
        api.close()
    assert old & NEW_ENTITIES == set()
    assert old_next == world.high_seq()
    assert new & NEW_ENTITIES == NEW_ENTITIES


def test_a_reply_to_a_previous_release_bundle_leaves_out_the_new_records(world: World) -> None:
    """The server keeps the store schema a bundle's manifest tells; a reply to a bundle of
    schema 8 carries no petition, case or person, one to schema 9 carries them."""
    laptop = world.laptop("commune", world.units.commune.id, "reviewer")
    written = laptop.write_sync_bundle(world.stick("commune"))
    engine = make_engine(Settings(database_url=world.database_url))
    try:
        files = AttachmentStore(engine, admin.attachments_dir(engine), 10**8)
        imported = bundles.import_bundle(engine, files, written.path.read_bytes())
        device = laptop.store.device_id
        now = {
            c["entity"]
            for c in _reply_changes(engine, bundles.make_reply(engine, device, since=0).data)
        }
        with writing(engine, sequenced=False) as connection:
            connection.execute(
                bundle_imports.update()
                .where(bundle_imports.c.bundle_id == imported.bundle_id)
                .values(schema_version=8)
            )
        old = {
            c["entity"]
            for c in _reply_changes(engine, bundles.make_reply(engine, device, since=0).data)
        }
    finally:
        engine.dispose()
    assert now & NEW_ENTITIES == NEW_ENTITIES
    assert old & NEW_ENTITIES == set()


def test_a_petitions_attachment_is_left_out_for_the_previous_release(world: World) -> None:
    """A file attached to a petition is a record a schema-8 laptop could not show (its owner
    is unknown there): it is left out with the petition, and pulled at schema 9."""
    petition_id = world.team.petition_rows()[0]["id"]
    scan = world.folder / "don-kien-nghi.txt"
    scan.write_bytes(b"don kien nghi")
    world.team.add_attachment(scan, owner_entity="petition", owner_id=str(petition_id))
    world.team.sync_now()
    code = make_enrollment_code(world.database_url, world.units.commune.id, "reviewer")
    api = ServerApi(world.server.url).enroll(code, uuid7())
    try:
        old, old_next = _entities_pulled(api, 8)
        new, _ = _entities_pulled(api, 9)
    finally:
        api.close()
    assert "attachment" not in old
    assert old_next == world.high_seq()
    assert "attachment" in new
