"""The real server process on loopback: enroll, push, pull, restart, crash, restore from backup."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy.engine import make_url

from danvan_desktop.core.ids import uuid7
from server.conftest import Units
from support.server_process import ServerApi, make_enrollment_code, start_server

MODEL = {"status": "registered", "year": 2026, "field_code": "economy"}


def _models(api: ServerApi, names: list[str]) -> list[dict[str, object]]:
    return [api.op("model", f"m-{n}", {**MODEL, "name": n}) for n in names]


def _statuses(api: ServerApi, ops: list[dict[str, object]]) -> list[str]:
    return [r["status"] for r in api.push(ops, compress=True).json()["results"]]


def _model_names(api: ServerApi) -> set[object]:
    return {c["fields"]["name"] for c in api.pull_all()[0] if c["entity"] == "model"}


@pytest.mark.slow
def test_enroll_push_pull_through_the_real_server(
    database_url: str, units: Units, tmp_path: Path
) -> None:
    """Two laptops of one team exchange records through uvicorn on loopback, gzip both ways."""
    code_a = make_enrollment_code(database_url, units.village.id)
    code_b = make_enrollment_code(database_url, units.village.id)
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url).enroll(code_a, uuid7())
        replacement = ServerApi(server.url).enroll(code_b, uuid7())
        assert _statuses(laptop, _models(laptop, ["A", "B"])) == ["applied", "applied"]
        page = replacement.request("GET", "/pull", headers={"Accept-Encoding": "gzip"})
        assert page.headers["content-encoding"] == "gzip"
        assert _model_names(replacement) == {"A", "B"}


@pytest.mark.slow
def test_data_survives_a_restart(database_url: str, units: Units, tmp_path: Path) -> None:
    """Stopping and starting the server keeps records, tokens and the epoch."""
    code = make_enrollment_code(database_url, units.village.id)
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url).enroll(code, uuid7())
        _statuses(laptop, _models(laptop, ["A"]))
        epoch = laptop.request("GET", "/health").json()["epoch"]
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url, laptop.token, laptop.device_id, laptop.unit_id)
        assert _model_names(laptop) == {"A"}
        assert laptop.request("GET", "/health").json()["epoch"] == epoch


@pytest.mark.slow
def test_replay_after_a_crash_answers_duplicates(
    database_url: str, units: Units, tmp_path: Path
) -> None:
    """A batch re-sent after the server was killed (answer lost) is not applied twice."""
    code = make_enrollment_code(database_url, units.village.id)
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url).enroll(code, uuid7())
        ops = _models(laptop, ["A", "B"])
        first = laptop.push(ops).json()
        server.kill()
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url, laptop.token, laptop.device_id, laptop.unit_id)
        again = laptop.push(ops).json()
        assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate"]
        assert [r["server_version"] for r in again["results"]] == [
            r["server_version"] for r in first["results"]
        ]
        assert again["high_seq"] == first["high_seq"]


def _pg_parts(database_url: str) -> tuple[dict[str, str], str, str]:
    url = make_url(database_url)
    options = parse_qs(urlsplit(database_url).query).get("options", [""])[0]
    schema = unquote(options).split("search_path=")[1]
    env = {**os.environ, "PGPASSWORD": url.password or ""}
    target = f"postgresql://{url.username}@{url.host}:{url.port or 5432}/{url.database}"
    return env, target, schema


def _backup(database_url: str, tmp_path: Path) -> Path:
    """An online backup: SQLite's backup API, or pg_dump of the schema."""
    dump = tmp_path / "backup.db"
    if database_url.startswith("sqlite"):
        source = sqlite3.connect(make_url(database_url).database or "")
        target = sqlite3.connect(dump)
        source.backup(target)
        target.close()
        source.close()
    else:
        env, target_url, schema = _pg_parts(database_url)
        subprocess.run(
            ["pg_dump", "--format=custom", f"--schema={schema}", "--file", str(dump), target_url],
            env=env,
            check=True,
        )
    return dump


def _restore(database_url: str, dump: Path) -> None:
    """Put the backup back (the server is stopped), as docs/server.md tells the IT officer."""
    if database_url.startswith("sqlite"):
        path = Path(make_url(database_url).database or "")
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            extra.unlink(missing_ok=True)
        shutil.copyfile(dump, path)
    else:
        env, target_url, schema = _pg_parts(database_url)
        subprocess.run(
            ["psql", "-q", "-c", f"DROP SCHEMA {schema} CASCADE", target_url], env=env, check=True
        )
        subprocess.run(["pg_restore", "--dbname", target_url, str(dump)], env=env, check=True)


@pytest.mark.slow
def test_server_restored_from_an_older_backup_takes_the_lost_operations_again(
    database_url: str, units: Units, tmp_path: Path
) -> None:
    """high_seq falls below the laptop's checkpoint; re-sent op_ids apply, and nothing is lost."""
    code = make_enrollment_code(database_url, units.village.id)
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url).enroll(code, uuid7())
        _statuses(laptop, _models(laptop, ["A"]))
        dump = _backup(database_url, tmp_path)
        lost = _models(laptop, ["B", "C"])
        _statuses(laptop, lost)
        version_b = laptop.pull_all()[0][-2]["server_version"]
        edit = laptop.op("model", "m-A", {"name": "A2"}, base={"name": "A"}, base_version=7)
        _statuses(laptop, [edit])
        _, checkpoint = laptop.pull_all()
    _restore(database_url, dump)
    with start_server(database_url, log_dir=tmp_path) as server:
        laptop = ServerApi(server.url, laptop.token, laptop.device_id, laptop.unit_id)
        health = laptop.request("GET", "/health").json()
        assert health["high_seq"] < checkpoint  # the laptop can tell the server went back
        assert version_b > health["high_seq"]
        assert _statuses(laptop, [*lost, edit]) == ["applied", "applied", "applied"]
        assert _model_names(laptop) == {"A2", "B", "C"}
        conflicts = [c for c in laptop.pull_all()[0] if c["entity"] == "conflict"]
        assert conflicts == []
