"""The wire of the setup race (real server, protocol 3): a refusal of a second setup of a
unit carries ``reason`` and the unit's ``team_id`` (setup_guard.py), whatever the
laptop's store schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from danvan_desktop.core.ids import uuid7
from support.server_process import ServerApi
from sync.conftest import Province

THIS_RELEASE = 15  # the store schema of this release's laptops
MEETING = {
    "kind": "regular",
    "title": "Họp tổ tháng 12",
    "starts_at": "2026-12-12T19:30:00+07:00",
    "state": "draft",
}


@pytest.fixture
def second(province: Province) -> Iterator[ServerApi]:
    """A second new-team laptop of the same village (raw protocol)."""
    api = ServerApi(province.server.url).enroll(province.code(), device_id=str(uuid7()))
    yield api
    api.close()


def _op(api: ServerApi, entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {**api.op(entity, str(uuid7()), fields), "schema_version": THIS_RELEASE}


def _first_team(team: ServerApi) -> str:
    """The first laptop's team, pushed; its id."""
    team_id = str(uuid7())
    op = {**team.op("team", team_id, {"name": "Tổ A"}), "schema_version": THIS_RELEASE}
    assert team.push([op]).json()["results"][0]["status"] == "applied"
    return team_id


def test_a_second_team_names_the_units_team(team: ServerApi, second: ServerApi) -> None:
    """This release's second team is refused, naming the village's team."""
    first = _first_team(team)
    [result] = second.push([_op(second, "team", {"name": "Tổ B"})]).json()["results"]
    assert (result["status"], result["reason"], result["team_id"]) == (
        "rejected",
        "unit_has_team",
        first,
    )


def test_a_member_of_the_refused_team_names_the_units_team(
    team: ServerApi, second: ServerApi
) -> None:
    """A member of the laptop's own refused team is refused naming the village's team."""
    first = _first_team(team)
    fields = {"team_id": str(uuid7()), "full_name": "Phạm Văn Dũng", "role": "member"}
    [result] = second.push([_op(second, "member", fields)]).json()["results"]
    assert (result["reason"], result["team_id"]) == ("unit_has_team", first)


def test_the_minutes_of_a_refused_meeting_say_so(team: ServerApi, second: ServerApi) -> None:
    """An agenda item whose meeting was refused says meeting_missing, naming the team."""
    first = _first_team(team)
    meeting = _op(second, "meeting", {**MEETING, "team_id": str(uuid7())})
    item = _op(
        second,
        "agenda_item",
        {"meeting_id": meeting["record_id"], "position_order": 1, "title": "Tình hình"},
    )
    results = second.push([meeting, item]).json()["results"]
    assert (results[1]["reason"], results[1]["team_id"]) == ("meeting_missing", first)


def test_a_member_of_the_units_team_applies(team: ServerApi, second: ServerApi) -> None:
    """The second laptop's member of the village's own team applies, as before."""
    first = _first_team(team)
    fields = {"team_id": first, "full_name": "Phạm Văn Dũng", "role": "member"}
    [result] = second.push([_op(second, "member", fields)]).json()["results"]
    assert (result["status"], "reason" in result) == ("applied", False)
