"""A village team's pull reads its own rows by ``ix_records_unit``, not the whole change log.

SQLite's query plans (``EXPLAIN QUERY PLAN``) over a log where other villages hold 2,000
rows and the team 20, after ANALYZE: the plan a growing server would choose.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, text

from danvan_server.auth import Scope
from danvan_server.db import make_engine, records
from danvan_server.pull import page_query, pull, visible_parts
from danvan_server.settings import Settings
from danvan_server.units import Unit
from support.server_process import add_village, prepare_database, sqlite_url

OTHER_ROWS = 2000
OWN_ROWS = 20


def _row(unit: Unit, version: int, entity: str = "model", **extra: object) -> dict[str, object]:
    return {
        "entity": entity,
        "id": f"r-{version}",
        "unit_id": unit.id,
        "scope_path": unit.path,
        "server_version": version,
        "deleted": False,
        "fields": json.dumps({"name": f"Mô hình {version}"}),
        "authors": "{}",
        "updated_at": "2026-05-01T00:00:00Z",
        "source_scope_path": None,  # every row has every key: one executemany
        **extra,
    }


@pytest.fixture
def grown(tmp_path: Path) -> Iterator[tuple[Engine, Unit, Unit]]:
    """A SQLite server whose log is mostly another village's; (engine, village, other)."""
    url = sqlite_url(tmp_path)
    prepare_database(url, tmp_path / "attachments")
    village = add_village(url, name="Tổ dân phố 5")
    other = add_village(url, name="Tổ dân phố 6")
    engine = make_engine(Settings(database_url=url))
    rows = [_row(other, 1000 + n) for n in range(OTHER_ROWS)]
    rows += [_row(village, 5000 + n) for n in range(OWN_ROWS)]
    link = {"source_scope_path": village.path}
    rows.append(_row(other, 6000, "replication_link", **link))  # a link to the team's model
    with engine.begin() as connection:
        connection.execute(insert(records), rows)
        connection.execute(text("UPDATE seq_counter SET value = 6000"))
        connection.execute(text("ANALYZE"))
    yield engine, village, other
    engine.dispose()


def _plan(engine: Engine, village: Unit) -> list[str]:
    query = page_query(visible_parts(Scope("d", "team", village), 9), 0, 6000)
    compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        return [str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]


def test_a_village_pull_never_walks_the_version_index(
    grown: tuple[Engine, Unit, Unit],
) -> None:
    """No part of the plan reads ix_records_server_version (the whole log) or scans records."""
    engine, village, _ = grown
    plan = _plan(engine, village)
    assert not [line for line in plan if "ix_records_server_version" in line]
    assert not [line for line in plan if line.startswith("SCAN records")]


def test_the_village_part_is_read_by_its_unit_index(grown: tuple[Engine, Unit, Unit]) -> None:
    """Its own rows and the inherited ones: ix_records_unit by unit and version."""
    engine, village, _ = grown
    lines = [line for line in _plan(engine, village) if "ix_records_unit" in line]
    assert (
        lines
        == [
            "SEARCH records USING INDEX ix_records_unit (unit_id=? AND server_version>? AND "
            "server_version<?)"
        ]
        * 2
    )


def test_links_are_looked_up_among_links_only(grown: tuple[Engine, Unit, Unit]) -> None:
    """The source-scope part reads the rows of entity replication_link (primary key)."""
    engine, village, _ = grown
    lines = [line for line in _plan(engine, village) if "sqlite_autoindex_records_1" in line]
    assert lines == ["SEARCH records USING INDEX sqlite_autoindex_records_1 (entity=?)"]


def test_the_village_page_holds_its_rows_and_the_link_only(
    grown: tuple[Engine, Unit, Unit],
) -> None:
    """The page: the team's 20 models and the other village's link to its model, in order."""
    engine, village, _ = grown
    page = json.loads(pull(engine, Scope("d", "team", village), 0, 10_000_000, client_schema=9))
    versions = [change["server_version"] for change in page["changes"]]
    units = [change for change in page["changes"] if change["entity"] == "unit"]
    models = [v for v in versions if 5000 <= v < 5000 + OWN_ROWS]
    assert models == list(range(5000, 5000 + OWN_ROWS))
    assert versions[-1] == 6000 and versions == sorted(versions)
    assert len(versions) == len(units) + OWN_ROWS + 1
