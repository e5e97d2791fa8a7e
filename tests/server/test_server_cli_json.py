"""`danvan-server` for scripts: --json with stable keys, the ready line, init's default folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from danvan_desktop.sync.protocol import API_PREFIX
from danvan_server.cli import main
from server.conftest import Units
from support.server_process import prepare_database, sqlite_url


def _json(capsys: pytest.CaptureFixture[str], database_url: str, *args: str) -> object:
    assert main(["--database", database_url, *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_units_list_json_has_the_stable_keys(
    database_url: str, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """``units list --json``: one object per unit with id, level, name, parent and codes."""
    listed = _json(capsys, database_url, "units", "list", "--json")
    assert isinstance(listed, list)
    village = next(u for u in listed if u["id"] == units.village.id)
    assert village == {
        "id": units.village.id,
        "level": "village",
        "name": "Tổ dân phố 5",
        "parent_id": units.commune.id,
        "province_code": 46,
        "commune_code": 19768,
    }


def test_units_add_village_json_is_the_new_unit(
    database_url: str, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """``units add-village --json`` prints the unit it added."""
    added = _json(
        capsys, database_url, "units", "add-village", "--commune", "19768", "--name", "Thôn 9",
        "--json",
    )  # fmt: skip
    assert isinstance(added, dict)
    assert (added["level"], added["name"], added["parent_id"]) == (
        "village",
        "Thôn 9",
        units.commune.id,
    )


def test_enroll_json_gives_the_code_and_its_unit(
    database_url: str, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """``enroll --json``: code, role, unit id and name, days, device id."""
    made = _json(
        capsys, database_url, "enroll", "--unit", units.village.id, "--role", "team", "--json"
    )
    assert isinstance(made, dict)
    assert sorted(made) == ["code", "days", "device_id", "role", "unit_id", "unit_name"]
    assert (made["role"], made["unit_id"], made["unit_name"], made["days"], made["device_id"]) == (
        "team", units.village.id, "Tổ dân phố 5", 7.0, None,
    )  # fmt: skip
    assert len(str(made["code"])) >= 8


def test_devices_json_is_an_empty_list_before_any_enrolment(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``devices --json`` with no device prints ``[]``."""
    assert _json(capsys, database_url, "devices", "--json") == []


def test_status_json_keys_are_the_documented_ones(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``status --json`` prints exactly the keys its help lists."""
    from danvan_server.cli import JSON_KEYS

    figures = _json(capsys, database_url, "status", "--json")
    assert isinstance(figures, dict)
    assert tuple(figures) == JSON_KEYS["status"]


def test_init_keeps_attachments_next_to_the_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """init without --attachments on SQLite makes data/attachments, not ./attachments."""
    (tmp_path / "data").mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    url = sqlite_url(tmp_path / "data")
    assert main(["--database", url, "init"]) == 0
    assert ((tmp_path / "data" / "attachments").is_dir(), os.listdir(".")) == (True, [])
    assert str(tmp_path / "data" / "attachments") in capsys.readouterr().out


def test_init_on_postgresql_without_attachments_says_to_give_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """PostgreSQL has no folder of its own: init asks for --attachments and writes nothing."""
    url = "postgresql+psycopg://danvan:danvan@127.0.0.1:1/none"
    assert main(["--database", url, "init"]) == 1
    assert "give --attachments DIR" in capsys.readouterr().err


def test_run_on_port_zero_prints_the_bound_port(tmp_path: Path) -> None:
    """``run --port 0`` prints ``ready on http://127.0.0.1:PORT`` with a port that answers."""
    url = sqlite_url(tmp_path)
    prepare_database(url, tmp_path / "attachments")
    command = [sys.executable, "-m", "danvan_server.cli", "--database", url, "run", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode().strip()
        host, port = line.removeprefix("ready on http://").rsplit(":", 1)
        answer = httpx.get(f"http://127.0.0.1:{port}{API_PREFIX}/health", timeout=5)
    finally:
        process.terminate()
        process.wait(10)
    assert (host, int(port) > 0, answer.status_code) == ("127.0.0.1", True, 200)
