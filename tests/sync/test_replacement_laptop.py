"""A replacement laptop for a village with history creates nothing twice (real server).

The village's first laptop is set up, enrolled and synced with a member and a model.
A replacement laptop is then set up from the server (``set_up_from_server``, the
wizard's «Máy thay thế», ``danvan init --replacement``) or, the wrong way, as a new
team and enrolled: either way the server keeps one team, one leader and one regulation
for the village, and no field of its own (the six are the city's). On SQLite and
PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from danvan_desktop import cli
from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from server.conftest import PG_ENV, PgSchema
from support.server_process import (
    PHU_XUAN,
    ServerProcess,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from sync.conftest import new_laptop


@dataclass
class City:
    """A running server, on one database, shared by the tests of this module."""

    server: ServerProcess
    url: str
    folder: Path

    def village_with_history(self, name: str) -> tuple[str, str]:
        """A new village whose first laptop synced a member and a model: (unit, team)."""
        village = add_village(self.url, commune_code=PHU_XUAN, name=name)
        first = new_laptop(self.folder / f"first-{village.id}")
        try:
            first.enroll_device(server_url=self.server.url, code=self.code(village.id))
            team_id = str(first.store.meta("team_id"))
            first.add_record("member", team_id=team_id, full_name="Trần Thị Bình", role="member")
            first.add_record(
                "model", name="Đường hoa", field_code="new_rural", year=2026, status="registered"
            )
            assert first.sync_now().rejected == 0
        finally:
            first.close()
        return village.id, team_id

    def code(self, unit_id: str, role: str = "team") -> str:
        """A fresh enrollment code for ``unit_id``."""
        return make_enrollment_code(self.url, unit_id, role)

    def count(self, entity: str, unit_id: str, where: str = "") -> int:
        """Live records of ``entity`` the server holds for ``unit_id``."""
        engine = create_engine(self.url)
        try:
            with engine.connect() as connection:
                return int(
                    connection.execute(
                        text(
                            "SELECT count(*) FROM records WHERE entity = :entity "
                            f"AND unit_id = :unit AND NOT deleted {where}"
                        ),
                        {"entity": entity, "unit": unit_id},
                    ).scalar_one()
                )
        finally:
            engine.dispose()


def _postgres_url(request: pytest.FixtureRequest) -> str:
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("DANVAN_REQUIRE_PG") == "1":
            pytest.fail(f"DANVAN_REQUIRE_PG=1 but {PG_ENV} is not set")
        pytest.skip(f"NOT TESTED on PostgreSQL: {PG_ENV} is not set")
    schema = PgSchema(base, f"danvan_replace_{uuid7().replace('-', '')[-16:]}")
    schema.recreate()

    def drop() -> None:
        engine = create_engine(schema.base_url)
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema.name} CASCADE"))
        engine.dispose()

    request.addfinalizer(drop)
    return schema.url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def city(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[City]:
    """The real server on loopback, on SQLite and on PostgreSQL."""
    folder = tmp_path_factory.mktemp(f"replace-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    with start_server(url, log_dir=folder) as server:
        yield City(server, url, folder)


def test_replacement_takes_the_team_and_pushes_nothing(city: City, tmp_path: Path) -> None:
    """Set up from the server, the replacement takes the village's team, pushes nothing."""
    unit_id, team_id = city.village_with_history("Tổ dân phố 11")
    laptop = Session.open(tmp_path / "replacement", create=True)
    try:
        laptop.set_up_from_server(server_url=city.server.url, code=city.code(unit_id))
        report = laptop.sync_now()
        assert (report.pushed, report.rejected) == (0, 0)
        assert laptop.store.meta("team_id") == team_id
        assert laptop.store.home_unit_id == unit_id
        names = sorted(str(r["full_name"]) for r in laptop.list_records("member"))
        assert names == ["Nguyễn Văn An", "Trần Thị Bình"]
        assert [r["name"] for r in laptop.list_records("model")] == ["Đường hoa"]
    finally:
        laptop.close()


def test_replacement_leaves_one_setup_on_the_server(city: City, tmp_path: Path) -> None:
    """After a replacement's first sync the village has one team and regulation, and no
    field of its own (the six are the city's)."""
    unit_id, _team_id = city.village_with_history("Tổ dân phố 12")
    laptop = Session.open(tmp_path / "replacement", create=True)
    try:
        laptop.set_up_from_server(server_url=city.server.url, code=city.code(unit_id))
        laptop.sync_now()
    finally:
        laptop.close()
    assert city.count("team", unit_id) == 1
    assert city.count("regulation", unit_id) == 1
    assert city.count("model_field", unit_id) == 0


def test_team_set_up_again_is_not_pushed_twice(city: City, tmp_path: Path) -> None:
    """A laptop set up as a new team, enrolled for a village with history, pushes no
    second team, leader, regulation or fields (the safety net)."""
    unit_id, team_id = city.village_with_history("Tổ dân phố 13")
    laptop = new_laptop(tmp_path / "wrong-way", leader="Nguyễn Văn An")
    try:
        laptop.enroll_device(server_url=city.server.url, code=city.code(unit_id))
        report = laptop.sync_now()
        assert report.rejected == 0
        assert laptop.store.meta("team_id") == team_id
    finally:
        laptop.close()
    assert city.count("team", unit_id) == 1
    assert city.count("member", unit_id) == 2
    assert city.count("regulation", unit_id) == 1
    assert city.count("model_field", unit_id) == 0  # the six are the city's


def test_member_typed_before_enrolling_joins_the_server_team(city: City, tmp_path: Path) -> None:
    """A member entered on the wrongly set-up laptop before enrolling reaches the server
    under the village's team."""
    unit_id, team_id = city.village_with_history("Tổ dân phố 14")
    laptop = new_laptop(tmp_path / "wrong-way")
    try:
        own_team = str(laptop.store.meta("team_id"))
        laptop.add_record("member", team_id=own_team, full_name="Lê Văn Cường", role="member")
        laptop.enroll_device(server_url=city.server.url, code=city.code(unit_id))
        assert laptop.sync_now().rejected == 0
    finally:
        laptop.close()
    team_of_cuong = f"AND fields LIKE '%\"team_id\":\"{team_id}\"%' AND fields LIKE '%Cường%'"
    assert city.count("member", unit_id, team_of_cuong) == 1


def test_cli_init_replacement_pulls_the_team(city: City, tmp_path: Path) -> None:
    """``danvan init --replacement URL --code CODE`` enrolls, pulls, and makes no team."""
    unit_id, team_id = city.village_with_history("Tổ dân phố 15")
    data = tmp_path / "cli-replacement"
    code = cli.run(
        [
            "--data-dir",
            str(data),
            "init",
            "--replacement",
            city.server.url,
            "--code",
            city.code(unit_id),
        ]
    )
    assert code == 0
    laptop = Session.open(data)
    try:
        assert laptop.store.meta("team_id") == team_id
        assert laptop.pending_count() == 0
    finally:
        laptop.close()
    assert city.count("team", unit_id) == 1


def test_replacement_for_a_village_without_a_team_says_so(city: City, tmp_path: Path) -> None:
    """A replacement for a village the server holds no team of is told to set up «Tổ mới»."""
    village = add_village(city.url, commune_code=PHU_XUAN, name="Tổ dân phố 16")
    laptop = Session.open(tmp_path / "replacement", create=True)
    try:
        with pytest.raises(StoreError) as refused:
            laptop.set_up_from_server(server_url=city.server.url, code=city.code(village.id))
        assert refused.value.message == (
            "Máy chủ của thành phố chưa có tổ dân vận của Tổ dân phố 16: máy thay thế chỉ "
            "dùng cho tổ đã đồng bộ lên máy chủ. Hãy thiết lập «Tổ mới» trong một thư mục dữ "
            "liệu khác và xin cán bộ quản trị mã đăng ký mới."
        )
    finally:
        laptop.close()
