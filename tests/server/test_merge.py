"""Field-level three-way merge through HTTP: conflicts, long text, edit beats delete, restores."""

from __future__ import annotations

from typing import Any

import pytest

from support.server_process import ServerApi

MODEL = {
    "name": "Đường hoa sáng xanh",
    "status": "registered",
    "year": 2026,
    "field_code": "new_rural",
    "goals": "Trồng 2 km hoa",
}


@pytest.fixture
def model_version(team: ServerApi) -> int:
    """Model m-1 created by the team laptop; its server_version."""
    result = team.push([team.op("model", "m-1", MODEL)]).json()["results"][0]
    version: int = result["server_version"]
    return version


def _edit(api: ServerApi, fields: dict[str, Any], version: int, **kw: Any) -> dict[str, Any]:
    base = kw.pop("base", {k: MODEL.get(k) for k in fields})
    op = api.op("model", "m-1", fields, base=base, base_version=version, **kw)
    answer: dict[str, Any] = api.push([op]).json()
    return dict(answer["results"][0])


def _record(api: ServerApi, entity: str = "model", record_id: str = "m-1") -> dict[str, Any]:
    changes = [c for c in api.pull_all()[0] if (c["entity"], c["record_id"]) == (entity, record_id)]
    assert len(changes) == 1
    return dict(changes[0])


def _conflicts(api: ServerApi) -> list[dict[str, Any]]:
    return [c for c in api.pull_all()[0] if c["entity"] == "conflict"]


def test_different_fields_from_two_laptops_merge(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """One laptop renames, the other rewrites the goals: both changes stay, no conflict."""
    assert _edit(team, {"name": "Đường hoa"}, model_version)["status"] == "applied"
    assert _edit(second_team, {"goals": "Trồng 3 km hoa"}, model_version)["status"] == "applied"
    fields = _record(team)["fields"]
    assert (fields["name"], fields["goals"]) == ("Đường hoa", "Trồng 3 km hoa")
    assert _conflicts(team) == []


def test_same_field_keeps_the_later_value_and_records_the_lost_one(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """The later operation wins; the value it replaced is kept in a conflict record."""
    first = _edit(team, {"name": "Đường hoa A"}, model_version)
    second = _edit(second_team, {"name": "Đường hoa B"}, model_version)
    assert (first["status"], second["status"]) == ("applied", "conflict")
    assert _record(team)["fields"]["name"] == "Đường hoa B"
    [conflict] = _conflicts(team)
    fields = conflict["fields"]
    assert fields["kept_value"] == "Đường hoa B"
    assert fields["lost_value"] == "Đường hoa A"
    assert fields["lost_from_device"] == team.device_id
    assert fields["kept_from_device"] == second_team.device_id
    assert (fields["entity"], fields["record_id"], fields["field"]) == ("model", "m-1", "name")
    assert (fields["needs_review"], fields["resolved"]) == (False, False)
    assert fields["record_version"] == second["server_version"]
    assert conflict["unit_id"] == team.unit_id
    assert second["conflicts"][0]["id"] == conflict["record_id"]


def test_long_text_conflict_is_flagged_for_review(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """Free text edited on both laptops is never merged silently: needs_review is set."""
    _edit(team, {"goals": "Trồng 4 km hoa"}, model_version)
    result = _edit(second_team, {"goals": "Trồng 5 km hoa"}, model_version)
    assert result["status"] == "conflict"
    [conflict] = _conflicts(team)
    assert conflict["fields"]["needs_review"] is True
    assert conflict["fields"]["lost_value"] == "Trồng 4 km hoa"


def test_both_laptops_writing_the_same_value_is_no_conflict(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """Equal values on both sides are not a conflict."""
    _edit(team, {"name": "Đường hoa"}, model_version)
    assert _edit(second_team, {"name": "Đường hoa"}, model_version)["status"] == "applied"
    assert _conflicts(team) == []


def test_a_laptop_never_conflicts_with_itself(team: ServerApi, model_version: int) -> None:
    """A stale base from the same device (its own earlier edit) is not a conflict."""
    _edit(team, {"name": "Đường hoa A"}, model_version)
    assert _edit(team, {"name": "Đường hoa C"}, model_version)["status"] == "applied"
    assert _conflicts(team) == []


def test_edit_beats_delete(team: ServerApi, second_team: ServerApi, model_version: int) -> None:
    """A delete older than another laptop's edit is a conflict, and the record stays."""
    edited = _edit(team, {"name": "Đường hoa"}, model_version)
    op = second_team.op("model", "m-1", {}, kind="delete", base={}, base_version=model_version)
    result = second_team.push([op]).json()["results"][0]
    assert result["status"] == "conflict"
    assert "sửa thắng xóa" in result["message"]
    record = _record(team)
    assert record["deleted"] is False
    assert record["fields"]["name"] == "Đường hoa"
    assert record["server_version"] > edited["server_version"]  # the deleter pulls it back


def test_delete_of_the_version_seen_applies(team: ServerApi, model_version: int) -> None:
    """A delete based on the current version tombstones the record."""
    op = team.op("model", "m-1", {}, kind="delete", base={}, base_version=model_version)
    assert team.push([op]).json()["results"][0]["status"] == "applied"
    assert _record(team)["deleted"] is True


def test_upsert_on_a_deleted_record_revives_it(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """An edit that arrives after a delete brings the record back with the edit."""
    deleted = team.push(
        [team.op("model", "m-1", {}, kind="delete", base={}, base_version=model_version)]
    ).json()["results"][0]
    result = _edit(second_team, {"name": "Đường hoa"}, model_version)
    assert result["status"] == "applied"
    assert result["server_version"] > deleted["server_version"]
    record = _record(team)
    assert (record["deleted"], record["fields"]["name"]) == (False, "Đường hoa")


def test_delete_of_a_record_the_server_never_had_leaves_a_tombstone(team: ServerApi) -> None:
    """Created and deleted offline: the delete applies and others learn it is gone."""
    op = team.op("task", "t-1", {}, kind="delete", base={}, base_version=None)
    assert team.push([op]).json()["results"][0]["status"] == "applied"
    assert _record(team, "task", "t-1")["deleted"] is True


def test_base_version_newer_than_the_server_applies_without_conflict(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """After a restore the laptop has seen versions the server lost: its values simply apply."""
    result = _edit(
        second_team,
        {"name": "Đường hoa D"},
        model_version + 50,
        base={"name": "Tên đã mất khi khôi phục"},
    )
    assert result["status"] == "applied"
    assert _record(team)["fields"]["name"] == "Đường hoa D"
    assert _conflicts(team) == []


def test_conflict_can_be_marked_resolved(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """A laptop marks a conflict resolved; every laptop pulls the resolution."""
    _edit(team, {"name": "Đường hoa A"}, model_version)
    _edit(second_team, {"name": "Đường hoa B"}, model_version)
    [conflict] = _conflicts(team)
    op = team.op(
        "conflict",
        conflict["record_id"],
        {"resolved": True},
        base={"resolved": False},
        base_version=conflict["server_version"],
    )
    assert team.push([op]).json()["results"][0]["status"] == "applied"
    [after] = _conflicts(second_team)
    assert (after["fields"]["resolved"], after["fields"]["resolved_by"]) == (True, team.device_id)


def test_conflict_resolution_may_change_nothing_else(
    team: ServerApi, second_team: ServerApi, model_version: int
) -> None:
    """Only `resolved` may change on a conflict record."""
    _edit(team, {"name": "Đường hoa A"}, model_version)
    _edit(second_team, {"name": "Đường hoa B"}, model_version)
    [conflict] = _conflicts(team)
    op = team.op("conflict", conflict["record_id"], {"kept_value": "x"}, base={})
    result = team.push([op]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "kept_value" in result["message"]
