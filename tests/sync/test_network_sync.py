"""The network library through the real server: a reviewer shares, team laptops receive,
a withdrawal reaches every laptop."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text, update

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.network import CardQuery
from danvan_desktop.session import Session
from danvan_server.db import records
from server.conftest import PG_ENV, PgSchema
from support.server_process import PHU_XUAN, add_commune, add_village, sqlite_url, start_server
from sync.conftest import Province, new_laptop


def _postgres_url(request: pytest.FixtureRequest) -> str:
    """A PostgreSQL schema of this test's own, dropped at the end."""
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("DANVAN_REQUIRE_PG") == "1":
            pytest.fail(f"DANVAN_REQUIRE_PG=1 but {PG_ENV} is not set")
        pytest.skip(f"NOT TESTED on PostgreSQL: {PG_ENV} is not set")
    schema = PgSchema(base, f"danvan_network_{uuid7().replace('-', '')[-16:]}")
    schema.recreate()

    def drop() -> None:
        engine = create_engine(schema.base_url)
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema.name} CASCADE"))
        engine.dispose()

    request.addfinalizer(drop)
    return schema.url


@pytest.fixture(params=["sqlite", "postgresql"])
def province(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Province]:
    """The real server process with Tổ dân phố 5 of Phường Phú Xuân, on each database."""
    url = sqlite_url(tmp_path) if request.param == "sqlite" else _postgres_url(request)
    (tmp_path / "server").mkdir()
    with start_server(url, log_dir=tmp_path / "server") as server:
        village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
        yield Province(server, url, village.id)


def recognise_on_server(database_url: str, model_id: str) -> None:
    """The commune's recognition, written on the server (the life cycle is another test's)."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        row = connection.execute(select(records.c.fields).where(records.c.id == model_id)).one()
        stored = {**json.loads(row.fields), "status": "recognised"}
        connection.execute(
            update(records).where(records.c.id == model_id).values(fields=json.dumps(stored))
        )
    engine.dispose()


@pytest.fixture
def city_reviewer(tmp_path: Path, province: Province) -> Iterator[Session]:
    """The city reviewer's laptop, enrolled."""
    commune = add_commune(province.database_url)
    session = new_laptop(tmp_path / "city")
    session.enroll_device(
        server_url=province.server.url,
        code=province.code(role="reviewer", unit_id=str(commune.parent_id)),
        device_name="city",
    )
    yield session
    session.close()


# The team's consent to give a contact on the model's card (the card carries it).
CONSENTED = {
    "contact_consent": True,
    "contact_name": "Nguyễn Thị Lan",
    "contact_role": "Tổ trưởng",
    "contact_phone": "0905 123 456",
}


def shared_model(a: Session, province: Province, reviewer: Session) -> str:
    """A model of team A, recognised on the server and shared by the reviewer."""
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name="Phân loại rác tại nguồn", field_code=field, **CONSENTED).record_id
    assert model_id is not None
    a.sync_now()
    recognise_on_server(province.database_url, model_id)
    reviewer.sync_now()
    reviewer.share_model(model_id)
    reviewer.sync_now()
    return model_id


def test_two_team_laptops_receive_the_card(
    laptops: Callable[[str], Session], province: Province, city_reviewer: Session
) -> None:
    """The reviewer's card reaches two team laptops, found by folded search."""
    a, b = laptops("a"), laptops("b")
    shared_model(a, province, city_reviewer)
    for laptop in (a, b):
        laptop.sync_now()
        found = laptop.network_cards(CardQuery(text="mo hinh rac"))
        assert [(c.name, c.shared_level, c.contact) for c in found] == [
            ("Phân loại rác tại nguồn", "city", "Nguyễn Thị Lan (Tổ trưởng), 0905 123 456")
        ]


def test_a_withdrawn_card_is_gone_everywhere(
    laptops: Callable[[str], Session], province: Province, city_reviewer: Session
) -> None:
    """Withdrawn on the reviewer's laptop, the card leaves both team laptops."""
    a, b = laptops("a"), laptops("b")
    shared_model(a, province, city_reviewer)
    a.sync_now()
    b.sync_now()
    card = a.network_cards(CardQuery())[0]
    city_reviewer.withdraw_card(card.id)
    city_reviewer.sync_now()
    for laptop in (a, b, city_reviewer):
        laptop.sync_now()
        assert laptop.network_card_count(CardQuery()) == 0
        assert laptop.network_card(card.id) is None


def test_a_team_laptop_cannot_share(laptops: Callable[[str], Session]) -> None:
    """A team laptop's share is refused beside the model field, nothing written."""
    a = laptops("a")
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name="Đèn đường", field_code=field).record_id or ""
    with pytest.raises(ValidationError) as refused:
        a.share_model(model_id)
    assert refused.value.problems[0].field == "model_id"
    assert a.network_card_count(CardQuery()) == 0
