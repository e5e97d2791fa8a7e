"""bench/commune_pull.py's path at a small size (2 communes × 2 villages), as CI runs it.

The communes are pushed through the real server on loopback (SQLite and PostgreSQL) by
bench/city.py's generator; the first commune's reviewer laptop is enrolled on loopback
and runs its first sync through the slow-link proxy (64 kbit/s, 600 ms), as the bench
does. Behaviour only (the figures are the bench's): the reviewer holds every record of
its commune and none of the other's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from danvan_desktop.session import Session
from danvan_server.db import make_engine, records
from danvan_server.settings import Settings
from support.bench_import import import_bench
from support.server_process import sqlite_url
from support.slowlink import SlowLink
from sync.test_replacement_laptop import _postgres_url

city_bench = import_bench("city")
commune_pull = import_bench("commune_pull")

COMMUNES, VILLAGES = 2, 4  # villages go to the communes in turn: two each
TEAM_ENTITIES = (
    "team",
    "regulation",
    "member",
    "model",
    "meeting",
    "attendance",
    "opinion",
    "task",
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def city(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Two communes of two villages each, generated through the real server's push path."""
    folder = tmp_path_factory.mktemp(f"communes-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    with city_bench.generate_city(url, folder, communes=COMMUNES, villages=VILLAGES) as made:
        yield made


@pytest.fixture(scope="module")
def reviewer(city: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """The first commune's reviewer laptop after its first sync through the slow link."""
    code = city.code(str(city.commune_codes[0]), "reviewer")
    with SlowLink(
        upstream=("127.0.0.1", city.server.port),
        bandwidth_bps=commune_pull.BANDWIDTH_BPS,
        rtt_s=commune_pull.RTT_S,
    ) as link:
        session, figures = commune_pull.reviewer_first_pull(
            city.server.url,
            f"http://127.0.0.1:{link.port}",
            code,
            tmp_path_factory.mktemp("commune-reviewer"),
        )
    assert figures["rejected"] == 0
    yield session
    session.close()


def _server_ids(city: Any, unit_ids: list[str]) -> set[str]:
    """The ids of the teams' records the server holds for ``unit_ids``."""
    engine = make_engine(Settings(database_url=city.database_url))
    try:
        with engine.connect() as connection:
            query = select(records.c.id).where(
                records.c.unit_id.in_(unit_ids), records.c.entity.in_(TEAM_ENTITIES)
            )
            return {str(row.id) for row in connection.execute(query)}
    finally:
        engine.dispose()


def _laptop_ids(reviewer: Session) -> set[str]:
    db = reviewer.store.db
    return {
        str(row[0]) for entity in TEAM_ENTITIES for row in db.execute(f"SELECT id FROM [{entity}]")
    }


def test_reviewer_holds_every_record_of_its_commune(city: Any, reviewer: Session) -> None:
    """Every record of the commune's two villages is in the reviewer's store: 2 × 680."""
    own = _server_ids(city, city.village_ids[0::COMMUNES])
    assert len(own) == 1360
    assert own <= _laptop_ids(reviewer)


def test_reviewer_holds_nothing_of_another_commune(city: Any, reviewer: Session) -> None:
    """The other commune's villages' records never reach the reviewer: only its own 1,360."""
    other = _server_ids(city, city.village_ids[1::COMMUNES])
    assert len(other) == 1360
    assert other & _laptop_ids(reviewer) == set()
    assert len(_laptop_ids(reviewer)) == 1360


def test_reviewer_knows_its_commune_and_villages_only(city: Any, reviewer: Session) -> None:
    """Of the units, the reviewer holds the city, its commune and its two villages."""
    held = {str(row[0]) for row in reviewer.store.db.execute("SELECT id FROM unit")}
    assert set(city.village_ids[0::COMMUNES]) <= held
    assert set(city.village_ids[1::COMMUNES]) & held == set()
    assert len(held) == 4
