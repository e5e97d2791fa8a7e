"""The city's list of model fields: ``danvan-server fields show|set`` and the records it
writes (city_fields.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, update

from danvan_desktop.core.ids import uuid7
from danvan_server import admin
from danvan_server.cli import main
from danvan_server.db import meta, records
from server.conftest import Units
from support.server_process import ServerApi

SIX = [
    {"code": "economy", "name": "Kinh tế", "order": 1},
    {"code": "culture_society", "name": "Văn hóa - xã hội", "order": 2},
    {"code": "defence_security", "name": "Quốc phòng - an ninh", "order": 3},
    {
        "code": "political_system",
        "name": "Xây dựng hệ thống chính trị, cải cách hành chính",
        "order": 4,
    },
    {"code": "new_rural", "name": "Xây dựng nông thôn mới, đô thị văn minh", "order": 5},
    {"code": "other", "name": "Lĩnh vực khác", "order": 6},
]


def _run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database", url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _file(tmp_path: Path, fields: list[dict[str, Any]]) -> str:
    path = tmp_path / "fields.json"
    path.write_text(json.dumps(fields, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _shown(capsys: pytest.CaptureFixture[str], url: str) -> list[dict[str, Any]]:
    code, out, _ = _run(capsys, url, "fields", "show", "--json")
    assert code == 0
    return list(json.loads(out))


def test_a_new_city_has_the_six_defaults(
    database_url: str, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adding the city publishes today's six fields, without `fields set`."""
    assert _shown(capsys, database_url) == SIX


def test_the_defaults_are_records_of_the_city_by_code(engine: Engine, units: Units) -> None:
    """Each field is a model_field of the city unit, its id field-<code>, for schema 15+."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(records.c.id, records.c.unit_id, records.c.min_schema, records.c.updated_by)
            .where(records.c.entity == "model_field")
            .order_by(records.c.id)
        ).all()
    assert tuple(rows[0]) == ("field-culture_society", units.city.id, 15, None)
    assert len(rows) == 6


def test_set_renames_adds_and_removes(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rename, a new field and a field left out are published as such."""
    wanted = [
        {"code": "economy", "name": "Phát triển kinh tế", "order": 1},
        *SIX[1:5],
        {"code": "environment", "name": "Môi trường", "order": 6},
    ]
    code, out, _ = _run(capsys, database_url, "fields", "set", _file(tmp_path, wanted))
    assert code == 0
    assert out.splitlines() == [
        "renamed economy: Kinh tế → Phát triển kinh tế",
        "added environment: Môi trường",
        "removed other: Lĩnh vực khác",
    ]
    assert _shown(capsys, database_url) == wanted


def test_a_removed_field_is_a_tombstone_keeping_its_name(
    database_url: str, engine: Engine, units: Units, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """«Lĩnh vực khác» left out stays as a deleted record under its last name."""
    _run(capsys, database_url, "fields", "set", _file(tmp_path, SIX[:5]))
    with engine.connect() as connection:
        row = connection.execute(
            select(records.c.deleted, records.c.fields).where(records.c.id == "field-other")
        ).one()
    assert row.deleted is True
    assert json.loads(row.fields)["name"] == "Lĩnh vực khác"


def test_set_refuses_a_changed_code(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Kinh tế» under a new code is refused, naming the code to keep; nothing changes."""
    wanted = [{"code": "kinh_te", "name": "Kinh tế", "order": 1}, *SIX[1:]]
    code, _, err = _run(capsys, database_url, "fields", "set", _file(tmp_path, wanted))
    assert code == 1
    assert err == (
        "error: «Kinh tế» has code economy: a field's code never changes; "
        "keep code economy in the file\n"
    )
    assert _shown(capsys, database_url) == SIX


def test_set_refuses_a_duplicate_name(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two fields whose names fold alike are refused, naming both."""
    wanted = [*SIX, {"code": "kinh_te_2", "name": "kinh te", "order": 7}]
    code, _, err = _run(capsys, database_url, "fields", "set", _file(tmp_path, wanted))
    assert code == 1
    assert err == (
        "error: «kinh te» (kinh_te_2) has the name of economy: give each field its own name\n"
    )


def test_set_refuses_a_removed_code(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A removed field's code is never reused."""
    _run(capsys, database_url, "fields", "set", _file(tmp_path, SIX[:5]))
    again = [*SIX[:5], {"code": "other", "name": "Khác", "order": 6}]
    code, _, err = _run(capsys, database_url, "fields", "set", _file(tmp_path, again))
    assert code == 1
    assert err == (
        "error: code other was removed («Lĩnh vực khác»): a code is never reused; "
        "give the field a new code\n"
    )


def test_set_refuses_a_bad_code(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code with capitals or spaces is refused, saying what a code may hold."""
    wanted = [{"code": "Kinh Te", "name": "Kinh tế", "order": 1}]
    code, _, err = _run(capsys, database_url, "fields", "set", _file(tmp_path, wanted))
    assert code == 1
    assert err == (
        "error: entry 1: code 'Kinh Te' must be 1 to 40 lower-case letters a-z, digits or _\n"
    )


def test_a_team_field_named_like_a_city_field_is_refused(team: ServerApi) -> None:
    """A team's own «kinh te» (another code) is refused: the city's «Kinh tế» is the one."""
    op = team.op("model_field", uuid7(), {"code": "kinh_te", "name": "kinh te"})
    body = team.push([{**op, "schema_version": 15}]).json()
    [result] = body["results"]
    assert result["status"] == "rejected"
    assert result["message"].startswith("«Kinh tế» là lĩnh vực của thành phố")


def test_a_team_field_of_its_own_name_is_taken(team: ServerApi) -> None:
    """A team's own «Khuyến học» is applied in its village."""
    op = team.op("model_field", uuid7(), {"code": "khuyen_hoc", "name": "Khuyến học"})
    [result] = team.push([{**op, "schema_version": 15}]).json()["results"]
    assert result["status"] == "applied"


def test_an_older_database_gets_the_defaults_at_the_upgrade(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """A schema-4 database whose city has no fields gets the six when it is upgraded."""
    with engine.begin() as connection:
        connection.execute(delete(records).where(records.c.entity == "model_field"))
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="4"))
    admin.attachments_dir(engine)  # what `run` and every command call first
    assert _shown(capsys, database_url) == SIX
