"""The network library through USB bundles only: a city reviewer shares by bundle, two
team laptops receive the card by reply bundle, a withdrawal takes it away again (the real
server's import and reply code over the database the real server process serves, on
SQLite and PostgreSQL)."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from danvan_desktop.core.network import CardQuery
from danvan_desktop.session import Session
from danvan_desktop.store import network as network_store
from danvan_desktop.sync.bundle_format import BundleError
from danvan_server import admin, network
from danvan_server.bundle_tables import bundle_imports
from danvan_server.db import meta
from support.photos import photo
from sync.conftest import Province
from sync.test_network_sync import CONSENTED, city_reviewer, province, recognise_on_server
from sync.test_usb_bundles import Office

__all__ = ["city_reviewer", "province"]  # fixtures of the online test, shared here
NAME = "Phân loại rác tại nguồn"


@pytest.fixture
def office(province: Province) -> Iterator[Office]:
    """The city's import desk over the test server's database."""
    desk = Office(province.database_url)
    yield desk
    desk.engine.dispose()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The folder standing in for the USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def round_trip(laptop: Session, office: Office, stick: Path) -> None:
    """The laptop's bundle to the city, and the city's reply back to the laptop."""
    written = laptop.write_sync_bundle(stick)
    office.import_file(written.path)
    laptop.import_sync_reply(office.reply(laptop.store.device_id, stick))


def shared_by_bundle(
    a: Session, office: Office, stick: Path, province: Province, reviewer: Session
) -> str:
    """A model of team A, brought by bundle, recognised on the server and shared by the
    reviewer by bundle; the model's id."""
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name=NAME, field_code=field, **CONSENTED).record_id or ""
    office.import_file(a.write_sync_bundle(stick).path)
    recognise_on_server(province.database_url, model_id)
    round_trip(reviewer, office, stick)  # the reviewer's laptop learns the model
    reviewer.share_model(model_id)
    round_trip(reviewer, office, stick)
    return model_id


def server_cards(office: Office) -> list[tuple[str, bool]]:
    """The server's cards: (id, withdrawn)."""
    with office.engine.connect() as connection:
        rows = connection.execute(
            select(network.network_cards.c.id, network.network_cards.c.deleted)
        )
        return [(str(r.id), bool(r.deleted)) for r in rows]


def test_two_team_laptops_receive_the_card_by_reply(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
) -> None:
    """The reviewer's card reaches two team laptops by reply bundle, found by folded search."""
    a, b = laptops("a"), laptops("b")
    shared_by_bundle(a, office, stick, province, city_reviewer)
    for laptop in (a, b):
        round_trip(laptop, office, stick)
        found = laptop.network_cards(CardQuery(text="mo hinh rac"))
        assert [(c.name, c.shared_level, c.contact) for c in found] == [
            (NAME, "city", "Nguyễn Thị Lan (Tổ trưởng), 0905 123 456")
        ]


def test_the_reviewers_reply_settles_its_share(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
) -> None:
    """After its reply the reviewer's card is the server's copy, no longer waiting to go."""
    shared_by_bundle(laptops("a"), office, stick, province, city_reviewer)
    assert network_store.pending_shares(city_reviewer.store.db) == []
    held = city_reviewer.network_cards(CardQuery())
    assert [(c.name, c.updated_at != "") for c in held] == [(NAME, True)]
    assert [withdrawn for _id, withdrawn in server_cards(office)] == [False]


def test_a_card_comes_with_its_thumbnail_by_reply(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
    tmp_path: Path,
) -> None:
    """A shared photo's thumbnail (at most 8 KB) travels with the card in the reply."""
    a, b = laptops("a"), laptops("b")
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name=NAME, field_code=field).record_id or ""
    source = tmp_path / "anh.jpg"
    source.write_bytes(photo(5))
    attachment = a.add_attachment(source, owner_entity="model", owner_id=model_id).record_id
    office.import_file(a.write_sync_bundle(stick).path)
    recognise_on_server(province.database_url, model_id)
    round_trip(city_reviewer, office, stick)
    city_reviewer.share_model(model_id, photo_ids=[str(attachment)])
    round_trip(city_reviewer, office, stick)
    round_trip(b, office, stick)
    card = b.network_cards(CardQuery())[0]
    thumbnail = b.card_thumbnail(card.id, str(attachment)) or b""
    assert thumbnail[:2] == b"\xff\xd8" and len(thumbnail) <= 8 * 1024


def test_a_withdrawn_card_is_gone_by_reply(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
) -> None:
    """Withdrawn on the reviewer's laptop, by bundle, the card leaves both team laptops."""
    a, b = laptops("a"), laptops("b")
    shared_by_bundle(a, office, stick, province, city_reviewer)
    round_trip(a, office, stick)
    round_trip(b, office, stick)
    card = a.network_cards(CardQuery())[0]
    city_reviewer.withdraw_card(card.id)
    round_trip(city_reviewer, office, stick)
    for laptop in (a, b, city_reviewer):
        round_trip(laptop, office, stick)
        assert laptop.network_card_count(CardQuery()) == 0
        assert laptop.network_card(card.id) is None
    assert network_store.pending_withdrawals(city_reviewer.store.db) == []
    assert server_cards(office) == [(card.id, True)]


def test_an_older_bundle_does_not_bring_back_a_withdrawn_card(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
) -> None:
    """The share's bundle imported after the withdrawal's newer bundle shares nothing."""
    a = laptops("a")
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name=NAME, field_code=field).record_id or ""
    office.import_file(a.write_sync_bundle(stick).path)
    recognise_on_server(province.database_url, model_id)
    round_trip(city_reviewer, office, stick)
    card = city_reviewer.share_model(model_id)
    older = city_reviewer.write_sync_bundle(stick)
    city_reviewer.withdraw_card(card.id)
    newer = city_reviewer.write_sync_bundle(stick)
    with zipfile.ZipFile(older.path) as archive:
        carried = json.loads(gzip.decompress(archive.read("ops.json.gz")))["network"]
    assert [wire["id"] for wire in carried["shares"]] == [card.id]
    office.import_file(newer.path)
    office.import_file(older.path)
    assert server_cards(office) == []


def test_a_team_bundle_cannot_share(
    laptops: Callable[[str], Session], office: Office, stick: Path, province: Province
) -> None:
    """A card a team laptop slipped into its bundle is refused; the reply drops it there."""
    a = laptops("a")
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name=NAME, field_code=field).record_id or ""
    office.import_file(a.write_sync_bundle(stick).path)
    recognise_on_server(province.database_url, model_id)
    forged = {
        "id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        "model_uid": model_id,
        "source_unit": "",
        "name": NAME,
        "commune_code": 19768,
        "year": 2024,
        "shared_level": "city",
        "shared_on": "2024-06-01",
        "updated_at": "2024-06-01T00:00:00Z",
    }
    network_store.upsert_card(a.store.db, forged, pending=network_store.SHARE)
    written = a.write_sync_bundle(stick)
    office.import_file(written.path)
    applied = a.import_sync_reply(office.reply(a.store.device_id, stick))
    assert server_cards(office) == []
    assert a.network_card_count(CardQuery()) == 0
    assert len(applied.card_messages) == 1 and "tổ dân vận" in applied.card_messages[0]


def test_a_teams_withdrawal_request_travels_by_bundle(
    laptops: Callable[[str], Session], office: Office, stick: Path
) -> None:
    """A team's request to withdraw its model's card reaches the server; the reply settles it."""
    a = laptops("a")
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name=NAME, field_code=field).record_id or ""
    a.request_card_withdrawal(model_id)
    round_trip(a, office, stick)
    with office.engine.connect() as connection:
        asked = connection.execute(select(network.withdrawal_requests.c.model_uid)).scalars()
        assert list(asked) == [model_id]
    assert network_store.unsent_requests(a.store.db) == []


def test_a_reply_card_changed_after_signing_is_refused_whole(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
) -> None:
    """A card edited inside a signed reply refuses the reply; the laptop holds no card."""
    a = laptops("a")
    shared_by_bundle(a, office, stick, province, city_reviewer)
    office.import_file(a.write_sync_bundle(stick).path)
    reply = office.reply(a.store.device_id, stick)
    members = {}
    with zipfile.ZipFile(reply) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    body = json.loads(gzip.decompress(members["reply.json.gz"]))
    body["library"]["items"][0]["card"]["name"] = "Mô hình giả"
    members["reply.json.gz"] = gzip.compress(json.dumps(body).encode())
    sink = io.BytesIO()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    reply.write_bytes(sink.getvalue())
    with pytest.raises(BundleError):
        a.import_sync_reply(reply)
    assert a.network_card_count(CardQuery()) == 0


def test_a_reply_to_a_laptop_without_a_library_carries_no_cards(
    laptops: Callable[[str], Session],
    office: Office,
    stick: Path,
    province: Province,
    city_reviewer: Session,
) -> None:
    """A bundle that told no library checkpoint (an earlier release's) gets no cards."""
    a = laptops("a")
    shared_by_bundle(a, office, stick, province, city_reviewer)
    written = a.write_sync_bundle(stick)
    office.import_file(written.path)
    with office.engine.begin() as connection:
        connection.execute(
            update(bundle_imports)
            .where(bundle_imports.c.device_id == a.store.device_id)
            .values(library_checkpoint=None)
        )
    reply = office.reply(a.store.device_id, stick)
    assert a.import_sync_reply(reply).cards == 0
    assert a.network_card_count(CardQuery()) == 0


def test_a_schema_4_database_gains_the_bundles_library_columns(office: Office) -> None:
    """Upgraded from schema 4, imported bundles gain their library checkpoint and answers."""
    with office.engine.begin() as connection:
        connection.execute(text("ALTER TABLE bundle_imports DROP COLUMN library_checkpoint"))
        connection.execute(text("ALTER TABLE bundle_imports DROP COLUMN network"))
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="4"))
    admin.attachments_dir(office.engine)
    with office.engine.connect() as connection:
        row = connection.execute(text("SELECT library_checkpoint, network FROM bundle_imports"))
        assert row.all() == []
