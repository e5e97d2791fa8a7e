"""A buggy or hostile laptop breaks no one: the real server on loopback (SQLite and
PostgreSQL), laptop A pushing arbitrary JSON in every field of every entity by raw
HTTP, laptop B doing valid work through its Session at the same moment, a commune
reviewer's laptop and, at the end, a freshly enrolled laptop (real SQLite stores).

Asserted after every round of A's pushes: no 5xx to anyone (A reads its status codes;
a laptop's ``sync_now`` raises on any 5xx); every one of B's records is on the server
and on the reviewer's laptop with B's values; every laptop's pull checkpoint reaches
the server's last sequence number; each record A got applied is held by each laptop at
the server's version, or kept aside in that laptop's quarantine at that version. At the
end the quarantines are empty (the server refuses every value a laptop would) and the
server logged no traceback.
"""

from __future__ import annotations

import math
import os
import shutil
import string
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, text

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.schema import ENTITIES, FieldSpec
from danvan_desktop.core.vocab import FIELD_CHOICES
from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply
from danvan_server import records as stored
from danvan_server.db import make_engine, read_sequence, reading
from danvan_server.settings import Settings
from server.conftest import PG_ENV, PgSchema
from server.push_values import nested, send
from support.server_process import (
    ServerApi,
    ServerProcess,
    add_commune,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from sync.conftest import new_laptop

ROUNDS = 60  # hypothesis examples per database: about 20 s on a shared 2-core machine
OPS_PER_ROUND = 6
# A fixed profile: the same examples on every run and every machine, so CI time is known.
PROFILE = settings(
    max_examples=ROUNDS,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

ANY_CHARACTER = st.characters(blacklist_categories=())  # lone surrogates and NUL included
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**40, 10**400, 2**1024])
    | st.floats()  # NaN and the infinities included
    | st.text(alphabet=ANY_CHARACTER, max_size=30)
    | st.sampled_from(["\ud800", "a\x00b", "Đ" * 5001, "x" * 70_000, "NaN", "[1, 2]"])
)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet=ANY_CHARACTER), inner)
    ),
    max_leaves=12,
) | st.sampled_from([nested(17), {"\udfff": 1}, [math.nan]])
VIETNAMESE = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạĐđ \u0301\u0303\u031b"),
    min_size=1,
    max_size=40,
)
ID_CHARACTERS = string.ascii_letters + string.digits + "._:-"


def _plausible(spec: FieldSpec, entity: str) -> st.SearchStrategy[Any]:
    """Values of the field's kind, at and near its limits: many are stored."""
    choices = FIELD_CHOICES.get((entity, spec.name))
    if choices:
        return st.sampled_from(sorted(choices))
    kind = spec.kind
    if kind in ("text", "long_text"):
        return VIETNAMESE | st.just("Đ" * (spec.max_length or 1000))
    if kind == "int":
        return st.integers(-(2**63), 2**63 - 1) | st.integers(1, 9999)
    if kind == "real":
        return st.floats(allow_nan=False, allow_infinity=False) | st.just(10**308)
    if kind == "bool":
        return st.sampled_from([True, False, 0, 1])
    if kind == "date":
        return st.dates().map(lambda day: day.isoformat())
    if kind == "datetime":
        return st.datetimes().map(lambda moment: moment.isoformat())
    if kind == "ref":
        return st.text(alphabet=ID_CHARACTERS, min_size=1, max_size=64).map(lambda t: "r" + t[1:])
    # JSON: a string is a JSON value too; laptops read a string as JSON text.
    return st.sampled_from(["Quý I", "NaN", "[1, 2]", '{"a": "\\ud800"}']) | ANY_JSON


# A json field travels as its JSON text: text that is no JSON (every laptop keeps it
# aside) was applied by the server before it read such text as the laptop does.
TEXT_IN_A_JSON_FIELD = {
    "entity": "exemplar",
    "fields": {
        "kind": "individual",
        "name": "Lê Thị Hoa",
        "year": 2026,
        "linked_model_ids": "Quý I",
    },
    "base": {},
    "base_version": None,
    "kind": "upsert",
    "again": False,
    "unit": "own",
}
BASE_VERSIONS = st.sampled_from(["none", "none", "none", "int", "any"]).flatmap(
    lambda mode: {
        "none": st.none(),
        "int": st.integers() | st.just(10**30),
        "any": ANY_JSON,
    }[mode]
)


def _operation(draw: st.DrawFn, entity: str, again: bool) -> dict[str, Any]:
    """One operation's parts: its fields (arbitrary, or plausible with one arbitrary
    value, or all plausible), a base of any values, a base version, a kind and a unit."""
    specs = ENTITIES[entity].fields
    names = draw(st.lists(st.sampled_from([s.name for s in specs]), unique=True))
    mode = draw(st.sampled_from(["any", "one_bad", "plausible", "plausible"]))
    fields: dict[str, Any] = {}
    for spec in specs:
        if spec.name in names:
            bad = mode == "any" or (mode == "one_bad" and spec.name == names[0])
            fields[spec.name] = draw(ANY_JSON if bad else _plausible(spec, entity))
    return {
        "entity": entity,
        "fields": fields,
        "base": draw(st.dictionaries(st.sampled_from([s.name for s in specs]), ANY_JSON)),
        "base_version": draw(BASE_VERSIONS),
        "kind": draw(st.sampled_from(["upsert", "upsert", "upsert", "delete"])),
        "again": again,  # the record of A's previous operation, else a new one
        "unit": draw(st.sampled_from(["own", "own", "own", "commune", "none"])),
    }


@st.composite
def hostile_rounds(draw: st.DrawFn) -> list[dict[str, Any]]:
    """What A sends in one push: operations on new records of any entity, or on the
    record of its previous operation again (the server's merge then runs)."""
    parts: list[dict[str, Any]] = []
    for _ in range(OPS_PER_ROUND):
        again = bool(parts) and draw(st.booleans())
        entity = parts[-1]["entity"] if again else draw(st.sampled_from(sorted(ENTITIES)))
        parts.append(_operation(draw, entity, again))
    return parts


def enroll_laptop(folder: Path, server: ServerProcess, unit_id: str, role: str = "team") -> Session:
    """A new laptop store in ``folder``, enrolled for ``unit_id`` and ``role``."""
    session = new_laptop(folder)
    code = make_enrollment_code(server.database_url, unit_id, role)
    session.enroll_device(server_url=server.url, code=code, device_name=folder.name)
    return session


@dataclass
class World:
    """One server with laptops A (raw HTTP), B and the reviewer, kept across rounds."""

    folder: Path
    server: ServerProcess
    engine: Engine
    village_id: str
    commune_id: str
    hostile: ServerApi
    team: Session
    reviewer: Session
    written_by_team: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    applied_for_hostile: set[tuple[str, str]] = field(default_factory=set)
    last_record: str = field(default_factory=uuid7)
    rounds: int = 0

    def high_seq(self) -> int:
        """The server's last sequence number."""
        with reading(self.engine) as connection:
            return read_sequence(connection)

    def on_server(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], stored.StoredRecord]:
        """The server's current copy of each record in ``keys`` that it holds."""
        with reading(self.engine) as connection:
            return stored.fetch(connection, keys)

    def envelope(self, part: dict[str, Any]) -> dict[str, Any]:
        """A's operation from the drawn parts, sent as A's own device."""
        if not part["again"]:
            self.last_record = uuid7()
        units = {"own": self.village_id, "commune": self.commune_id, "none": None}
        return {
            "op_id": uuid7(),
            "device_id": self.hostile.device_id,
            "entity": part["entity"],
            "record_id": self.last_record,
            "unit_id": units[part["unit"]],
            "kind": part["kind"],
            "base_version": part["base_version"],
            "fields": part["fields"],
            "base": part["base"],
            "schema_version": 1,
            "created_at": "2026-01-05T08:00:00Z",
        }

    def team_works(self) -> None:
        """B's valid work of one round: a new model, a new task, an edit of its first model."""
        self.rounds += 1
        n = self.rounds
        model = {"name": f"Vườn rau sạch số {n}", "field_code": "economy", "year": 2026}
        model_id = str(self.team.add_model(**model).record_id)
        self.written_by_team[("model", model_id)] = model
        task = {"title": f"Dọn vệ sinh đường làng đợt {n}", "status": "open"}
        task_id = str(self.team.add_task(**task).record_id)
        self.written_by_team[("task", task_id)] = task
        first = next(key for key in self.written_by_team if key[0] == "model")
        scope = f"Các hộ của tổ dân phố, lần sửa {n}"
        self.team.update_model(first[1], scope=scope)
        self.written_by_team[first]["scope"] = scope


def _postgres_url(request: pytest.FixtureRequest) -> str:
    """A PostgreSQL schema of this module's own, dropped at the end."""
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("DANVAN_REQUIRE_PG") == "1":
            pytest.fail(f"DANVAN_REQUIRE_PG=1 but {PG_ENV} is not set")
        pytest.skip(f"NOT TESTED on PostgreSQL: {PG_ENV} is not set")
    schema = PgSchema(base, f"danvan_hostile_{uuid7().replace('-', '')[-16:]}")
    schema.recreate()
    request.addfinalizer(lambda: _drop(schema))
    return schema.url


def _drop(schema: PgSchema) -> None:
    engine = create_engine(schema.base_url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema.name} CASCADE"))
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """The server on each database, laptop A enrolled by raw HTTP, B and the reviewer."""
    folder = tmp_path_factory.mktemp(f"hostile-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    with start_server(url, log_dir=folder) as server:
        village = add_village(url, name="Tổ dân phố 5")
        commune = add_commune(url)
        hostile = ServerApi(server.url).enroll(make_enrollment_code(url, village.id), uuid7())
        team = enroll_laptop(folder / "team", server, village.id)
        reviewer = enroll_laptop(folder / "reviewer", server, commune.id, "reviewer")
        engine = make_engine(Settings(database_url=url))
        try:
            yield World(folder, server, engine, village.id, commune.id, hostile, team, reviewer)
        finally:
            team.close()
            reviewer.close()
            hostile.close()
            engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


def _push(
    api: ServerApi, ops: list[dict[str, Any]], out: list[httpx.Response | BaseException]
) -> None:
    try:
        out.append(send(api, ops))
    except BaseException as exc:  # reported by the test, not lost in the thread
        out.append(exc)


def _play_round(world: World, parts: list[dict[str, Any]]) -> None:
    """A pushes its operations while B works and syncs; then B and the reviewer sync."""
    ops = [world.envelope(part) for part in parts]
    answers: list[httpx.Response | BaseException] = []
    pusher = threading.Thread(target=_push, args=(world.hostile, ops, answers))
    pusher.start()
    world.team_works()
    world.team.sync_now()  # raises on any 5xx
    pusher.join()
    [answer] = answers
    _note_answer(world, ops, answer)
    world.team.sync_now()
    world.reviewer.sync_now()


def _note_answer(
    world: World, ops: list[dict[str, Any]], answer: httpx.Response | BaseException
) -> None:
    """A's answer is no 5xx: per operation (each rejection said why), or a refusal of the
    whole body with its reason; the records A got applied are noted."""
    assert isinstance(answer, httpx.Response), answer
    assert answer.status_code < 500, answer.text
    if answer.status_code != 200:  # a body nested too deep is refused whole
        assert answer.status_code in (400, 413, 422) and answer.json()["detail"], answer.text
        return
    results = answer.json()["results"]
    assert [r["op_id"] for r in results] == [op["op_id"] for op in ops]
    for op, result in zip(ops, results, strict=True):
        assert result["status"] in ("applied", "conflict", "rejected"), result
        if result["status"] == "rejected":
            assert result["message"], result
        elif result["server_version"] is not None:
            world.applied_for_hostile.add((op["entity"], op["record_id"]))


def _assert_synced_to_the_end(world: World, laptop: Session) -> None:
    """The laptop's checkpoint is the server's last sequence number, and each record A got
    applied is held at the server's version or kept aside at that version."""
    assert sync_apply.checkpoint(laptop.records) == world.high_seq()
    aside = {
        (q["entity"], q["record_id"], q["server_version"]) for q in laptop.quarantined_records()
    }
    for (entity, record_id), record in world.on_server(world.applied_for_hostile).items():
        held = laptop.records.find_any(entity, record_id)
        if held is None or held["server_version"] != record.server_version:
            assert (entity, record_id, record.server_version) in aside, (entity, record_id)


def _assert_team_work_kept(world: World, laptop: Session) -> None:
    """Every record B wrote is on the server and on ``laptop`` with B's values."""
    on_server = world.on_server(set(world.written_by_team))
    for (entity, record_id), values in world.written_by_team.items():
        record = on_server[(entity, record_id)]
        assert {name: record.fields[name] for name in values} == values
        held = laptop.get_record(entity, record_id)
        assert {name: held[name] for name in values} == values


def test_a_hostile_laptop_breaks_no_server_laptop_or_team_work(world: World) -> None:
    """No 5xx to anyone, B's work everywhere, every checkpoint at the end, what A got
    applied held or kept aside: after each round, and on a laptop enrolled afterwards."""

    @PROFILE
    @given(parts=hostile_rounds())
    @example(parts=[TEXT_IN_A_JSON_FIELD])
    def round_of(parts: list[dict[str, Any]]) -> None:
        _play_round(world, parts)
        assert world.team.sync_state().pending == 0
        assert world.team.rejected_operations() == []
        _assert_team_work_kept(world, world.reviewer)
        for laptop in (world.team, world.reviewer):
            _assert_synced_to_the_end(world, laptop)

    round_of()
    fresh = enroll_laptop(world.folder / "fresh", world.server, world.village_id)
    try:
        fresh.sync_now()
        _assert_team_work_kept(world, fresh)
        _assert_synced_to_the_end(world, fresh)
        # The server refuses every value a laptop would refuse (DESIGN.md, invariant 9):
        # the quarantine is a safety net, and here it stays empty.
        for laptop in (world.team, world.reviewer, fresh):
            assert laptop.quarantined_records() == []
    finally:
        fresh.close()
    assert "Traceback" not in world.server.log()
