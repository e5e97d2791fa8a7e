"""bench/city.py's generator at a small size (2 communes × 5 villages), as CI runs it.

The city is pushed through the real server on loopback (SQLite and PostgreSQL) by one
team laptop a village; the city reviewer's laptop is then set up from the server and
runs its first sync. Behaviour only (the figures are the bench's): nothing refused,
every record held once, the fields listed once, the search index complete.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store import base_copies, model_fields, search_catchup
from support.bench_import import import_bench
from support.server_process import sqlite_url
from sync.test_replacement_laptop import _postgres_url

city_bench = import_bench("city")

COMMUNES, VILLAGES = 2, 10


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def city(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[city_bench.City]:
    """The small city, generated through the real server's push path."""
    folder = tmp_path_factory.mktemp(f"city-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    with city_bench.generate_city(url, folder, communes=COMMUNES, villages=VILLAGES) as made:
        yield made


@pytest.fixture(scope="module")
def reviewer(city: city_bench.City, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """The city reviewer's laptop after its first sync."""
    session = Session.open(tmp_path_factory.mktemp("reviewer"), create=True)
    session.set_up_from_server(
        server_url=city.server.url, code=city.code(city.city_unit_id, "reviewer")
    )
    report = session.sync_now()
    assert report.rejected == 0
    yield session
    session.close()


def test_city_is_pushed_with_nothing_refused(city: city_bench.City) -> None:
    """Every team laptop's history is applied: 680 records a village, none refused."""
    assert city.refused == []
    assert city.pushed == VILLAGES * 680


def test_reviewer_holds_every_record_once(city: city_bench.City, reviewer: Session) -> None:
    """The reviewer's store holds each village's meetings, attendance and members once."""
    db = reviewer.store.db
    counts = {
        entity: db.execute(f"SELECT count(*), count(DISTINCT id) FROM [{entity}]").fetchone()
        for entity in ("team", "member", "model", "meeting", "attendance", "opinion", "task")
    }
    assert counts == {
        "team": (10, 10),
        "member": (80, 80),
        "model": (100, 100),
        "meeting": (600, 600),
        "attendance": (4800, 4800),
        "opinion": (600, 600),
        "task": (600, 600),
    }


def test_reviewer_lists_each_field_once(reviewer: Session) -> None:
    """The city's six fields, one row each (not one per team): listed once each."""
    names = [row["name"] for row in reviewer.model_field_rows()]
    choices = model_fields.field_choices(reviewer.store.db)
    assert len(reviewer.list_records("model_field")) == 6
    assert len(names) == len(set(names)) == len(choices) == 6


def test_reviewer_keeps_no_base_copies(reviewer: Session) -> None:
    """Nothing is edited on the reviewer's laptop: it keeps no base copy."""
    assert base_copies.count(reviewer.store.db) == 0


def test_reviewer_search_finds_pulled_records(reviewer: Session) -> None:
    """The search index took the pull's records in its last pass: none left waiting."""
    assert search_catchup.pending(reviewer.store.db) == 0
    hits = reviewer.search("duong hoa so 3 cua to 7", entities=("model",))
    assert "Mô hình «Đường hoa» số 3 của tổ 7" in [hit.title for hit in hits]
