"""Server fixtures: every test that takes ``database_url`` runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``DANVAN_TEST_PG_URL`` (scripts/test_postgres.sh starts one and
sets it). Without it the PostgreSQL runs skip, unless ``DANVAN_REQUIRE_PG=1``, when
they fail. A test session gets a fresh schema of its own (dropped at the end); each
test starts from empty tables.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from danvan_desktop.core.ids import uuid7
from danvan_server import admin
from danvan_server.app import create_app
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from danvan_server.units import Unit
from support.server_process import (
    PHU_XUAN,
    ServerApi,
    add_commune,
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
)

PG_ENV = "DANVAN_TEST_PG_URL"
THUAN_AN = 19900  # Phường Thuận An, Huế: a second commune


@dataclass(frozen=True)
class PgSchema:
    """The PostgreSQL schema of this test session."""

    base_url: str
    name: str

    @property
    def url(self) -> str:
        """The server URL whose search_path is this schema."""
        separator = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{separator}options=-csearch_path%3D{self.name}"

    def recreate(self) -> None:
        """Empty the schema: tables, and whatever a test added (functions, sequences)."""
        engine = create_engine(self.base_url)
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {self.name} CASCADE"))
            connection.execute(text(f"CREATE SCHEMA {self.name}"))
        engine.dispose()


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[PgSchema | None]:
    """A schema made for this test session and dropped after it (None without PG)."""
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    schema = PgSchema(base, f"danvan_test_{uuid7().replace('-', '')[-16:]}")
    schema.recreate()
    yield schema
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema.name} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(
    request: pytest.FixtureRequest, tmp_path: Path, pg_schema: PgSchema | None
) -> str:
    """A database with nothing in it (not initialised), on each backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    if pg_schema is None:
        if os.environ.get("DANVAN_REQUIRE_PG") == "1":
            pytest.fail(f"DANVAN_REQUIRE_PG=1 but {PG_ENV} is not set")
        pytest.skip(f"NOT TESTED on PostgreSQL: {PG_ENV} is not set")
    pg_schema.recreate()
    return pg_schema.url


@pytest.fixture
def database_url(empty_database_url: str, tmp_path: Path) -> str:
    """An empty, initialised server database on each backend."""
    prepare_database(empty_database_url, tmp_path / "attachments")
    return empty_database_url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the test database."""
    engine = make_engine(Settings(database_url=database_url))
    yield engine
    engine.dispose()


@dataclass(frozen=True)
class Units:
    """Huế with two communes; two villages in the first, one in the second."""

    city: Unit
    commune: Unit
    village: Unit
    neighbour: Unit
    other_commune: Unit
    far_village: Unit


@pytest.fixture
def units(database_url: str) -> Units:
    """The unit tree most tests use."""
    commune = add_commune(database_url, PHU_XUAN)
    village = add_village(database_url, name="Tổ dân phố 5")
    neighbour = add_village(database_url, name="Tổ dân phố 6")
    other = add_commune(database_url, THUAN_AN)
    far = add_village(database_url, commune_code=THUAN_AN, name="Thôn Hải Tiến", kind="thon")
    engine = make_engine(Settings(database_url=database_url))
    [city] = [u for u in admin.list_units(engine) if u.level == "city"]
    engine.dispose()
    return Units(city, commune, village, neighbour, other, far)


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """The app over the test database, driven in-process through HTTP."""
    with TestClient(create_app(Settings(database_url=database_url))) as test_client:
        yield test_client


@pytest.fixture
def anonymous(client: TestClient) -> ServerApi:
    """A protocol client with no token."""
    return ServerApi("http://testserver", client=client)


def enrolled(anonymous: ServerApi, database_url: str, unit: Unit, role: str) -> ServerApi:
    """A device enrolled for ``unit`` and ``role``."""
    code = make_enrollment_code(database_url, unit.id, role)
    return anonymous.enroll(code, device_id=uuid7(), device_name=f"{role} {unit.name}")


@pytest.fixture
def team(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The team laptop of Tổ dân phố 5."""
    return enrolled(anonymous, database_url, units.village, "team")


@pytest.fixture
def second_team(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """A second laptop of the same team (a replacement laptop, or a deputy's)."""
    return enrolled(anonymous, database_url, units.village, "team")


@pytest.fixture
def neighbour_team(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The team laptop of Tổ dân phố 6, in the same commune."""
    return enrolled(anonymous, database_url, units.neighbour, "team")


@pytest.fixture
def reviewer(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The reviewer of Phường Phú Xuân."""
    return enrolled(anonymous, database_url, units.commune, "reviewer")
