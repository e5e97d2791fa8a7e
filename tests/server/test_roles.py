"""Who may write what: team tokens, reviewer tokens, review fields and model status moves."""

from __future__ import annotations

from typing import Any

import pytest

from server.conftest import Units, enrolled
from support.server_process import ServerApi

MODEL = {
    "name": "Camera an ninh vì bình yên",
    "status": "registered",
    "year": 2026,
    "field_code": "defence_security",
}


def _push(api: ServerApi, op: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = api.push([op]).json()["results"][0]
    return result


def _model_at(team: ServerApi, status: str) -> int:
    """Model m-1 of the team moved to ``status`` (coalesced, as one op); its version."""
    return int(_push(team, team.op("model", "m-1", {**MODEL, "status": status}))["server_version"])


def _status_op(api: ServerApi, old: str, new: str, version: int, unit_id: Any) -> dict[str, Any]:
    """A status move of m-1 (a record of ``unit_id``) from ``old`` to ``new``."""
    return api.op(
        "model",
        "m-1",
        {"status": new},
        base={"status": old},
        base_version=version,
        unit_id=unit_id,
    )


def test_team_writes_its_own_unit(team: ServerApi) -> None:
    """A team token creates records of its own unit."""
    assert _push(team, team.op("model", "m-1", MODEL))["status"] == "applied"


def test_team_cannot_write_another_units_record(team: ServerApi, units: Units) -> None:
    """A record claiming the neighbour village is rejected, naming the team's own unit."""
    result = _push(team, team.op("model", "m-1", MODEL, unit_id=units.neighbour.id))
    assert result["status"] == "rejected"
    assert "Tổ dân phố 5" in result["message"]


def test_team_cannot_overwrite_a_neighbours_record_by_id(
    team: ServerApi, neighbour_team: ServerApi
) -> None:
    """Reusing another unit's record id with one's own unit_id is still refused."""
    _push(neighbour_team, neighbour_team.op("model", "m-9", MODEL))
    result = _push(team, team.op("model", "m-9", {"name": "Chiếm"}))
    assert result["status"] == "rejected"


def test_team_cannot_write_review_fields(team: ServerApi) -> None:
    """A team writing the reviewer's comment is rejected, naming the field."""
    result = _push(team, team.op("model", "m-1", {**MODEL, "review_comment": "Tốt"}))
    assert result["status"] == "rejected"
    assert "«Nhận xét của cấp trên»" in result["message"]


def test_team_sending_an_unchanged_review_field_is_fine(team: ServerApi) -> None:
    """A review field sent with the value the server holds (null) is not a write."""
    assert _push(team, team.op("model", "m-1", {**MODEL, "review_comment": None}))["status"] == (
        "applied"
    )


def test_units_are_managed_by_the_server(team: ServerApi) -> None:
    """A laptop cannot edit the unit records."""
    result = _push(team, team.op("unit", str(team.unit_id), {"name": "Tổ mới"}))
    assert result["status"] == "rejected"
    assert "máy chủ của thành phố quản lý" in result["message"]


def test_reviewer_writes_a_review_comment(team: ServerApi, reviewer: ServerApi) -> None:
    """The commune reviewer comments on a model of a village below it."""
    version = _model_at(team, "registered")
    op = reviewer.op(
        "model",
        "m-1",
        {"review_comment": "Cần bổ sung chỉ tiêu"},
        base={"review_comment": None},
        base_version=version,
        unit_id=team.unit_id,
    )
    assert _push(reviewer, op)["status"] == "applied"
    [change] = [c for c in team.pull_all()[0] if c["record_id"] == "m-1"]
    assert change["fields"]["review_comment"] == "Cần bổ sung chỉ tiêu"


def test_reviewer_cannot_write_team_fields(team: ServerApi, reviewer: ServerApi) -> None:
    """The reviewer never edits the team's ten items."""
    version = _model_at(team, "registered")
    op = reviewer.op(
        "model",
        "m-1",
        {"goals": "Khác"},
        base={"goals": None},
        base_version=version,
        unit_id=team.unit_id,
    )
    result = _push(reviewer, op)
    assert result["status"] == "rejected"
    assert "«Mục tiêu và tiêu chí đánh giá»" in result["message"]


def test_reviewer_cannot_create_or_delete(team: ServerApi, reviewer: ServerApi) -> None:
    """A reviewer neither creates team records nor deletes them."""
    created = _push(reviewer, reviewer.op("model", "m-2", MODEL, unit_id=team.unit_id))
    assert created["status"] == "rejected"
    version = _model_at(team, "registered")
    deleted = _push(
        reviewer,
        reviewer.op(
            "model", "m-1", {}, kind="delete", base={}, base_version=version, unit_id=team.unit_id
        ),
    )
    assert deleted["status"] == "rejected"


def test_reviewer_of_another_commune_is_out_of_scope(
    team: ServerApi, anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """Thuận An's reviewer cannot comment on a Phú Xuân model."""
    version = _model_at(team, "registered")
    stranger = enrolled(anonymous, database_url, units.other_commune, "reviewer")
    op = stranger.op(
        "model",
        "m-1",
        {"review_comment": "x"},
        base={"review_comment": None},
        base_version=version,
        unit_id=team.unit_id,
    )
    result = _push(stranger, op)
    assert result["status"] == "rejected"
    assert "Phường Thuận An" in result["message"]


def test_city_reviewer_reaches_every_commune(
    team: ServerApi, anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """The city reviewer may comment on any village's model."""
    version = _model_at(team, "registered")
    city = enrolled(anonymous, database_url, units.city, "reviewer")
    op = city.op(
        "model",
        "m-1",
        {"review_comment": "Tốt"},
        base={"review_comment": None},
        base_version=version,
        unit_id=team.unit_id,
    )
    assert _push(city, op)["status"] == "applied"


@pytest.mark.parametrize(
    ("old", "new", "role", "status"),
    [
        ("reviewed", "recognised", "reviewer", "applied"),
        ("recognised", "paused", "reviewer", "applied"),
        ("reviewed", "not_recognised", "reviewer", "applied"),
        ("in_progress", "paused", "reviewer", "applied"),
        ("in_progress", "recognised", "reviewer", "rejected"),
        ("paused", "in_progress", "reviewer", "rejected"),
        ("reviewed", "recognised", "team", "rejected"),
        ("registered", "reviewed", "team", "applied"),  # two team steps, coalesced offline
        ("paused", "in_progress", "team", "applied"),
        ("recognised", "registered", "team", "rejected"),
    ],
)
def test_model_status_moves_follow_the_roles(
    team: ServerApi, reviewer: ServerApi, old: str, new: str, role: str, status: str
) -> None:
    """Status moves are allowed per role as in DOMAIN.md, checked as paths."""
    created = _push(team, team.op("model", "m-1", {**MODEL, "status": "registered"}))
    if old != "registered":
        _force_status(team, reviewer, old, int(created["server_version"]))
    current = next(c for c in team.pull_all()[0] if c["record_id"] == "m-1")
    assert current["fields"]["status"] == old
    api = team if role == "team" else reviewer
    op = _status_op(api, old, new, current["server_version"], team.unit_id)
    result = _push(api, op)
    assert result["status"] == status
    if status == "rejected":
        assert "«Trạng thái»" in result["message"]


def _force_status(team: ServerApi, reviewer: ServerApi, status: str, version: int) -> None:
    """Walk m-1 to ``status`` with the moves each role may make."""
    path = {
        "in_progress": [("team", "in_progress")],
        "reviewed": [("team", "reviewed")],
        "paused": [("team", "in_progress"), ("team", "paused")],
        "recognised": [("team", "reviewed"), ("reviewer", "recognised")],
    }[status]
    old = "registered"
    for role, new in path:
        api = team if role == "team" else reviewer
        op = _status_op(api, old, new, version, team.unit_id)
        result = _push(api, op)
        assert result["status"] == "applied", result
        version, old = int(result["server_version"]), new


def test_new_model_may_start_coalesced_past_registered(team: ServerApi) -> None:
    """A model registered and launched offline arrives as one op in progress."""
    assert _push(team, team.op("model", "m-1", {**MODEL, "status": "in_progress"}))["status"] == (
        "applied"
    )


def test_new_model_cannot_start_recognised(team: ServerApi) -> None:
    """A team cannot create a model already recognised."""
    result = _push(team, team.op("model", "m-1", {**MODEL, "status": "recognised"}))
    assert result["status"] == "rejected"
    assert "«Đã đăng ký»" in result["message"]


def test_unknown_status_is_rejected(team: ServerApi) -> None:
    """A status outside the vocabulary is rejected."""
    result = _push(team, team.op("model", "m-1", {**MODEL, "status": "flying"}))
    assert result["status"] == "rejected"
    assert "flying" in result["message"]


def test_status_move_made_invalid_by_a_concurrent_review_keeps_the_review(
    team: ServerApi, reviewer: ServerApi
) -> None:
    """A team pause after a concurrent close: the reviewer's move stands, as a conflict."""
    version = _model_at(team, "reviewed")
    closed = _push(
        reviewer,
        _status_op(reviewer, "reviewed", "closed", version, team.unit_id),
    )
    assert closed["status"] == "applied"
    op = team.op(
        "model",
        "m-1",
        {"status": "paused", "goals": "Củng cố"},
        base={"status": "reviewed", "goals": None},
        base_version=version,
    )
    result = _push(team, op)
    assert result["status"] == "conflict"
    [change] = [c for c in team.pull_all()[0] if c["record_id"] == "m-1"]
    assert (change["fields"]["status"], change["fields"]["goals"]) == ("closed", "Củng cố")
    [conflict] = [c for c in team.pull_all()[0] if c["entity"] == "conflict"]
    assert (conflict["fields"]["kept_value"], conflict["fields"]["lost_value"]) == (
        "closed",
        "paused",
    )
