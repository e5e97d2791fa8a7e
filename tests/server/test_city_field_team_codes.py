"""The city never takes a team's field code (city_fields.py): ``fields set`` refuses a
code of the teams' own prefix and a new code a team's own field already has, on SQLite
and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.core.ids import uuid7
from danvan_server.cli import main
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


def _set(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, fields: list[dict[str, Any]]
) -> tuple[int, str]:
    """``danvan-server fields set`` with ``fields``; its exit code and error output."""
    path = tmp_path / "fields.json"
    path.write_text(json.dumps(fields, ensure_ascii=False), encoding="utf-8")
    code = main(["--database", url, "fields", "set", str(path)])
    return code, capsys.readouterr().err


def test_set_refuses_a_code_of_the_teams_prefix(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A city code starting with to_ (the teams' own fields') is refused."""
    wanted = [*SIX, {"code": "to_khuyen_hoc", "name": "Khuyến học", "order": 7}]
    assert _set(capsys, database_url, tmp_path, wanted) == (
        1,
        "error: entry 7: code to_khuyen_hoc starts with to_, which the teams' own fields "
        "use: give the city's field a code that does not\n",
    )


def test_set_refuses_a_code_a_team_field_has(
    database_url: str,
    units: Units,
    team: ServerApi,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A new city code that a team's own field (made before the prefix) has is refused."""
    op = team.op("model_field", uuid7(), {"code": "khuyen_hoc", "name": "Khuyến học"})
    [result] = team.push([{**op, "schema_version": 7}]).json()["results"]
    assert result["status"] == "applied"
    wanted = [*SIX, {"code": "khuyen_hoc", "name": "Khuyến học, khuyến tài", "order": 7}]
    assert _set(capsys, database_url, tmp_path, wanted) == (
        1,
        "error: code khuyen_hoc is a team's own field («Khuyến học»): a team's field keeps "
        "its code, so give the city's field another code\n",
    )


def test_set_takes_a_new_code_no_team_has(
    database_url: str,
    units: Units,
    team: ServerApi,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A new city code beside a team's own field of another code is published."""
    op = team.op("model_field", uuid7(), {"code": "to_khuyen_hoc", "name": "Khuyến học"})
    team.push([{**op, "schema_version": 15}])
    wanted = [*SIX, {"code": "tourism", "name": "Du lịch cộng đồng", "order": 7}]
    assert _set(capsys, database_url, tmp_path, wanted) == (0, "")
