"""A model's life on the server: recognitions by reviewers only, status history entries
by the role that made the move, each refused per operation with a clear message."""

from __future__ import annotations

from typing import Any

import pytest

from danvan_desktop.store.migrations import schema_version
from danvan_desktop.sync.protocol import HEADER_SCHEMA
from server.conftest import Units, enrolled
from support.server_process import ServerApi

MODEL = {
    "name": "Phân loại rác tại nguồn",
    "status": "reviewed",
    "year": 2026,
    "field_code": "economy",
}
RECOGNITION = {
    "model_id": "m-1",
    "level": "commune",
    "decision_number": "45/QĐ-UBND",
    "decided_on": "2026-03-02",
    "reviewer_unit": "Phường Phú Xuân",
}


def _push(api: ServerApi, op: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = api.push([op]).json()["results"][0]
    return result


def _reviewed_model(team: ServerApi) -> None:
    """Model m-1 of the team, sent up for review (coalesced offline, one op)."""
    assert _push(team, team.op("model", "m-1", MODEL))["status"] == "applied"


def _entry(api: ServerApi, record_id: str, unit_id: Any, **fields: Any) -> dict[str, Any]:
    entry = {
        "model_id": "m-1",
        "from_status": "in_progress",
        "to_status": "paused",
        "reason": "Chờ kinh phí",
        "by_role": "team",
        "changed_on": "2026-04-01",
        **fields,
    }
    return api.op("model_status_change", record_id, entry, unit_id=unit_id)


def _pulled(api: ServerApi) -> list[dict[str, Any]]:
    """Everything ``api`` pulls, as a laptop of this release (which stores the entries)."""
    page = api.request(
        "GET", "/pull", params={"since": 0}, headers={HEADER_SCHEMA: str(schema_version())}
    )
    changes: list[dict[str, Any]] = page.json()["changes"]
    return changes


def test_a_team_cannot_push_a_recognition(team: ServerApi) -> None:
    """A team token's recognition is refused, saying who records recognitions."""
    _reviewed_model(team)
    result = _push(team, team.op("model_recognition", "r-1", RECOGNITION))
    assert result["status"] == "rejected"
    assert result["message"] == (
        "Chỉ cấp xã hoặc thành phố ghi quyết định công nhận mô hình: máy của tổ dân vận "
        "không gửi được bản ghi công nhận."
    )


def test_a_team_cannot_write_a_reviewer_only_move_into_the_history(team: ServerApi) -> None:
    """A team's history entry «reviewed → recognised» is refused as a move it may not make."""
    _reviewed_model(team)
    op = _entry(
        team, "h-1", team.unit_id, from_status="reviewed", to_status="recognised", reason=None
    )
    result = _push(team, op)
    assert result["status"] == "rejected"
    assert result["message"] == (
        "«Trạng thái»: Tổ dân vận không được chuyển mô hình từ «Đã tự đánh giá» sang «Được "
        "công nhận tiêu biểu»."
    )


def test_a_history_entry_without_its_reason_is_refused(team: ServerApi) -> None:
    """Pausing needs a reason: an entry without one is refused, naming «Lý do»."""
    _reviewed_model(team)
    result = _push(team, _entry(team, "h-1", team.unit_id, reason="  "))
    assert result["status"] == "rejected"
    assert result["message"].startswith("«Lý do» không được để trống")


def test_a_team_writes_its_own_moves(team: ServerApi) -> None:
    """The team's entry for a move it may make, with its reason, is applied."""
    _reviewed_model(team)
    assert _push(team, _entry(team, "h-1", team.unit_id))["status"] == "applied"


def test_a_history_entry_is_never_changed(team: ServerApi) -> None:
    """Rewriting the reason of a written entry is refused."""
    _reviewed_model(team)
    version = _push(team, _entry(team, "h-1", team.unit_id))["server_version"]
    op = team.op(
        "model_status_change", "h-1", {"reason": "Khác"}, base={"reason": "Chờ kinh phí"},
        base_version=version,
    )  # fmt: skip
    result = _push(team, op)
    assert result["status"] == "rejected"
    assert "không sửa được" in result["message"]


def test_the_commune_recognises_and_the_team_pulls_it(team: ServerApi, reviewer: ServerApi) -> None:
    """The commune reviewer's recognition is applied and placed with the team's model."""
    _reviewed_model(team)
    result = _push(
        reviewer, reviewer.op("model_recognition", "r-1", RECOGNITION, unit_id=team.unit_id)
    )
    assert result["status"] == "applied"
    pulled = [c for c in _pulled(team) if c["entity"] == "model_recognition"]
    assert [(c["record_id"], c["unit_id"]) for c in pulled] == [("r-1", team.unit_id)]


def test_a_commune_reviewer_cannot_record_the_citys_decision(
    team: ServerApi, reviewer: ServerApi
) -> None:
    """The level must be the reviewer's own."""
    _reviewed_model(team)
    op = reviewer.op(
        "model_recognition", "r-1", {**RECOGNITION, "level": "city"}, unit_id=team.unit_id
    )
    result = _push(reviewer, op)
    assert result["status"] == "rejected"
    assert result["message"] == (
        "«Cấp công nhận» phải là cấp của đơn vị ra quyết định (Cấp xã): hãy ghi đúng cấp."
    )


def test_a_recognition_needs_its_decision(team: ServerApi, reviewer: ServerApi) -> None:
    """Without a decision number the recognition is refused."""
    _reviewed_model(team)
    op = reviewer.op(
        "model_recognition", "r-1", {**RECOGNITION, "decision_number": None}, unit_id=team.unit_id
    )
    assert _push(reviewer, op)["status"] == "rejected"


def test_another_communes_reviewer_cannot_recognise(
    team: ServerApi, anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """A reviewer outside the model's commune is refused, naming its own unit."""
    _reviewed_model(team)
    other = enrolled(anonymous, database_url, units.other_commune, "reviewer")
    result = _push(other, other.op("model_recognition", "r-1", RECOGNITION, unit_id=team.unit_id))
    assert result["status"] == "rejected"
    assert result["message"].startswith("Mô hình này không thuộc địa bàn của")


def test_a_reviewer_cannot_recognise_a_model_the_server_lacks(reviewer: ServerApi) -> None:
    """No model on the server: the recognition is refused, saying so."""
    result = _push(reviewer, reviewer.op("model_recognition", "r-1", RECOGNITION))
    assert result["status"] == "rejected"
    assert result["message"].startswith("Không tìm thấy mô hình này trên máy chủ của thành phố")


@pytest.mark.parametrize(("role", "status"), [("team", "rejected"), ("reviewer", "rejected")])
def test_nobody_deletes_a_recognition(
    team: ServerApi, reviewer: ServerApi, role: str, status: str
) -> None:
    """A recognition stays: a delete from either role is refused."""
    _reviewed_model(team)
    _push(reviewer, reviewer.op("model_recognition", "r-1", RECOGNITION, unit_id=team.unit_id))
    api = team if role == "team" else reviewer
    result = _push(api, api.op("model_recognition", "r-1", {}, kind="delete", unit_id=team.unit_id))
    assert result["status"] == status


def test_a_reviewers_history_entry_lives_with_the_model(
    team: ServerApi, reviewer: ServerApi
) -> None:
    """The reviewer's «not recognised» entry is applied and pulled by the team."""
    _reviewed_model(team)
    op = _entry(
        reviewer, "h-9", team.unit_id, from_status="reviewed", to_status="not_recognised",
        reason="Chưa đủ minh chứng", by_role="reviewer",
    )  # fmt: skip
    assert _push(reviewer, op)["status"] == "applied"
    pulled = [c["record_id"] for c in _pulled(team) if c["entity"] == "model_status_change"]
    assert pulled == ["h-9"]
