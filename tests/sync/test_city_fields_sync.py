"""The city's model fields through the real server on loopback (issue 22): they reach
every laptop in place of its setup's six, the city's renames follow, and a team's own
field is listed once on its commune's reviewer."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_server import city_fields
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from support.server_process import add_commune, add_village
from sync.conftest import Province, new_laptop

SIX = [
    ("economy", "Kinh tế"),
    ("culture_society", "Văn hóa - xã hội"),
    ("defence_security", "Quốc phòng - an ninh"),
    ("political_system", "Xây dựng hệ thống chính trị, cải cách hành chính"),
    ("new_rural", "Xây dựng nông thôn mới, đô thị văn minh"),
    ("other", "Lĩnh vực khác"),
]


def _field_rows(session: Session) -> int:
    return int(session.store.db.execute("SELECT count(*) FROM model_field").fetchone()[0])


def _set_city_fields(province: Province, tmp_path: Path, fields: list[tuple[str, str]]) -> None:
    """``danvan-server fields set`` with ``fields`` in this order."""
    path = tmp_path / "fields.json"
    listed = [{"code": c, "name": n, "order": i} for i, (c, n) in enumerate(fields, start=1)]
    path.write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        city_fields.set_fields(engine, path)
    finally:
        engine.dispose()


@pytest.fixture
def commune_reviewer(tmp_path: Path, province: Province) -> Iterator[Session]:
    """The laptop of Phường Phú Xuân's reviewer, set up from the server."""
    commune = add_commune(province.database_url)
    session = Session.open(tmp_path / "reviewer", create=True)
    session.set_up_from_server(
        server_url=province.server.url, code=province.code("reviewer", commune.id)
    )
    yield session
    session.close()


def test_city_fields_reach_a_new_team_laptop(laptops: Callable[[str], Session]) -> None:
    """After its first sync the team's six are the city's records, no copy beside them."""
    laptop = laptops("a")
    assert laptop.sync_now().rejected == 0
    synced = laptop.store.db.execute(
        "SELECT id FROM model_field WHERE server_version IS NOT NULL ORDER BY id"
    ).fetchall()
    assert [row[0] for row in synced] == [
        "field-culture_society",
        "field-defence_security",
        "field-economy",
        "field-new_rural",
        "field-other",
        "field-political_system",
    ]
    assert _field_rows(laptop) == 6
    assert laptop.model_fields() == SIX


def test_a_city_rename_reaches_the_laptops(
    laptops: Callable[[str], Session], province: Province, tmp_path: Path
) -> None:
    """The city renames «Kinh tế»: the laptop lists the new name in the same place."""
    laptop = laptops("a")
    laptop.sync_now()
    _set_city_fields(province, tmp_path, [("economy", "Phát triển kinh tế"), *SIX[1:]])
    laptop.sync_now()
    assert laptop.model_fields()[0] == ("economy", "Phát triển kinh tế")
    assert _field_rows(laptop) == 6


def test_city_fields_reach_the_reviewer(commune_reviewer: Session) -> None:
    """A commune reviewer's laptop pulls the city's six."""
    commune_reviewer.sync_now()
    assert commune_reviewer.model_fields() == SIX


def test_reviewer_holds_one_row_per_city_field(
    laptops: Callable[[str], Session],
    province: Province,
    tmp_path: Path,
    commune_reviewer: Session,
) -> None:
    """Two villages' teams synced: the reviewer's store holds six field rows, not twelve."""
    laptops("a").sync_now()
    other = add_village(province.database_url, name="Tổ dân phố 6")
    second = new_laptop(tmp_path / "b")
    try:
        second.enroll_device(
            server_url=province.server.url, code=province.code(unit_id=other.id), device_name="b"
        )
        second.sync_now()
    finally:
        second.close()
    commune_reviewer.sync_now()
    assert _field_rows(commune_reviewer) == 6


def test_a_team_field_is_listed_once_on_its_reviewer(
    laptops: Callable[[str], Session], commune_reviewer: Session
) -> None:
    """The team's own «Khuyến học» syncs and follows the city's six on the reviewer."""
    laptop = laptops("a")
    laptop.add_model_field(name="Khuyến học")
    assert laptop.sync_now().rejected == 0
    commune_reviewer.sync_now()
    assert commune_reviewer.model_fields() == [*SIX, ("to_khuyen_hoc", "Khuyến học")]
    assert _field_rows(commune_reviewer) == 7
