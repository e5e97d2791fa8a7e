"""An older laptop (the released client: store schema 7, protocol 2) replacing a
village's laptop pushes its own setup: the server keeps the village's one team,
regulation and fields, refusing the duplicates and what names the refused team, each
with its reason (setup_guard.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
from danvan_desktop.sync.protocol import HEADER_PROTOCOL
from danvan_server import auth, push
from support.server_process import ServerApi

TEAM_REFUSED = (
    "Thôn/tổ này đã có tổ dân vận trên máy chủ của thành phố; máy chủ không nhận tổ thứ hai "
    "do máy này tự tạo. Hãy cập nhật Dân vận khéo lên bản mới rồi đăng ký lại máy để nhận "
    "tổ, thành viên và quy chế của thôn/tổ từ máy chủ."
)
OF_REFUSED_TEAM = (
    "Hồ sơ này thuộc tổ dân vận do máy này tự tạo, mà máy chủ của thành phố không nhận vì "
    "thôn/tổ đã có tổ dân vận: hãy cập nhật Dân vận khéo lên bản mới, đăng ký lại máy rồi "
    "nhập lại hồ sơ vào tổ của thôn/tổ."
)
MEETING = {
    "kind": "regular",
    "title": "Họp tổ tháng 1",
    "starts_at": "2026-01-25T19:30:00+07:00",
    "state": "draft",
}
RELEASED_SCHEMA = 7  # the store schema of the released client adb94dd
MODEL = {"name": "Đường hoa", "status": "registered", "year": 2026, "field_code": "economy"}


def _op(
    api: ServerApi, entity: str, record_id: str, fields: dict[str, Any], **kw: Any
) -> dict[str, Any]:
    """An operation as the released laptop makes it (store schema 7)."""
    return {**api.op(entity, record_id, fields, **kw), "schema_version": RELEASED_SCHEMA}


def _setup(api: ServerApi, team_id: str) -> list[dict[str, Any]]:
    """The operations of a laptop's setup: team, leader, regulation, the six fields."""
    ops = [
        _op(api, "team", team_id, {"name": "Tổ dân vận tổ dân phố 5"}),
        _op(
            api,
            "member",
            uuid7(),
            {"team_id": team_id, "full_name": "Nguyễn Văn An", "role": "leader"},
        ),
        _op(api, "regulation", uuid7(), {"team_id": team_id, "meeting_period": "monthly"}),
    ]
    for position, (code, name) in enumerate(DEFAULT_MODEL_FIELDS, start=1):
        fields = {"code": code, "name": name, "position_order": position}
        ops.append(_op(api, "model_field", uuid7(), fields))
    return ops


def _push2(api: ServerApi, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Push as a laptop of protocol 2 (the released client); the results."""
    body = {"device_id": api.device_id, "ops": ops}
    answer = api.request("POST", "/push", json=body, headers={HEADER_PROTOCOL: "2"})
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def _village_with_history(team: ServerApi) -> str:
    """The village's first laptop has pushed its setup; the team's id."""
    team_id = uuid7()
    assert {r["status"] for r in _push2(team, _setup(team, team_id))} == {"applied"}
    return team_id


def _one(api: ServerApi, op: dict[str, Any]) -> dict[str, Any]:
    [result] = _push2(api, [op])
    return result


def _live(api: ServerApi, entity: str) -> int:
    changes, _ = api.pull_all()
    return sum(1 for c in changes if c["entity"] == entity and not c["deleted"])


def test_the_first_laptops_setup_and_minutes_apply(team: ServerApi) -> None:
    """A village's first laptop: its setup, a meeting and an agenda item all apply."""
    team_id = uuid7()
    meeting_id = uuid7()
    ops = [
        *_setup(team, team_id),
        _op(team, "meeting", meeting_id, {**MEETING, "team_id": team_id}),
        _op(
            team,
            "agenda_item",
            uuid7(),
            {"meeting_id": meeting_id, "position_order": 1, "title": "A"},
        ),
    ]
    assert [r["status"] for r in _push2(team, ops)] == ["applied"] * 11


def test_a_second_team_for_the_village_is_refused(team: ServerApi, second_team: ServerApi) -> None:
    """The replacement laptop's own team is refused, saying the village has its team."""
    _village_with_history(team)
    result = _one(second_team, _op(second_team, "team", uuid7(), {"name": "Tổ mới"}))
    assert (result["status"], result["message"]) == ("rejected", TEAM_REFUSED)


def test_the_second_setups_leader_is_refused(team: ServerApi, second_team: ServerApi) -> None:
    """The leader of the refused team is refused as a record of that team."""
    _village_with_history(team)
    ops = _setup(second_team, uuid7())
    results = _push2(second_team, ops)
    assert (results[1]["status"], results[1]["message"]) == ("rejected", OF_REFUSED_TEAM)


def test_a_second_regulation_is_refused(team: ServerApi, second_team: ServerApi) -> None:
    """A regulation for a village that has one is refused, even naming the village's team."""
    team_id = _village_with_history(team)
    op = _op(second_team, "regulation", uuid7(), {"team_id": team_id, "meeting_period": "monthly"})
    result = _one(second_team, op)
    assert result["status"] == "rejected"
    assert result["message"] == (
        "Tổ dân vận của thôn/tổ này đã có quy chế hoạt động trên máy chủ của thành phố; máy "
        "chủ không nhận quy chế thứ hai. Hãy cập nhật Dân vận khéo lên bản mới rồi đăng ký lại "
        "máy để nhận quy chế từ máy chủ, rồi sửa quy chế đó."
    )


def test_a_field_with_a_live_fields_code_is_refused(
    team: ServerApi, second_team: ServerApi
) -> None:
    """The replacement's «economy» is refused, naming the village's field of that code."""
    _village_with_history(team)
    fields = {"code": "economy", "name": "Phát triển kinh tế", "position_order": 1}
    result = _one(second_team, _op(second_team, "model_field", uuid7(), fields))
    assert result["status"] == "rejected"
    assert result["message"] == (
        "Thôn/tổ này đã có lĩnh vực «Kinh tế» trên máy chủ của thành phố; máy chủ không nhận "
        "lĩnh vực trùng tên hoặc trùng mã: hãy dùng lĩnh vực đã có."
    )


def test_a_field_named_like_a_live_field_is_refused(
    team: ServerApi, second_team: ServerApi
) -> None:
    """«KINH TE» under another code is the village's «Kinh tế» (diacritics and case aside)."""
    _village_with_history(team)
    fields = {"code": "kinh_te", "name": "KINH TE", "position_order": 7}
    result = _one(second_team, _op(second_team, "model_field", uuid7(), fields))
    assert (result["status"], "«Kinh tế»" in result["message"]) == ("rejected", True)


def test_a_new_field_of_its_own_applies(team: ServerApi, second_team: ServerApi) -> None:
    """A field the village does not have yet is the team's own addition: it applies."""
    _village_with_history(team)
    fields = {"code": "tourism", "name": "Du lịch cộng đồng", "position_order": 7}
    assert (
        _one(second_team, _op(second_team, "model_field", uuid7(), fields))["status"] == "applied"
    )


def test_a_meeting_of_the_refused_team_is_refused(team: ServerApi, second_team: ServerApi) -> None:
    """A meeting naming the refused team is refused with it."""
    _village_with_history(team)
    own_team = uuid7()
    _push2(second_team, _setup(second_team, own_team))
    op = _op(second_team, "meeting", uuid7(), {**MEETING, "team_id": own_team})
    assert (_one(second_team, op)["message"]) == OF_REFUSED_TEAM


def test_the_minutes_of_a_refused_meeting_are_refused(
    team: ServerApi, second_team: ServerApi
) -> None:
    """An agenda item of the refused meeting is refused: its meeting is not on the server."""
    _village_with_history(team)
    own_team, meeting_id = uuid7(), uuid7()
    ops = [
        *_setup(second_team, own_team),
        _op(second_team, "meeting", meeting_id, {**MEETING, "team_id": own_team}),
        _op(
            second_team,
            "agenda_item",
            uuid7(),
            {"meeting_id": meeting_id, "position_order": 1, "title": "A"},
        ),
    ]
    last = _push2(second_team, ops)[-1]
    assert last["status"] == "rejected"
    assert last["message"] == (
        "Cuộc họp của hồ sơ này không có trên máy chủ của thành phố (máy chủ đã không nhận "
        "cuộc họp đó): hãy xem lý do trong danh sách thao tác bị từ chối."
    )


def test_a_member_of_the_villages_team_applies(team: ServerApi, second_team: ServerApi) -> None:
    """The older laptop's member of the village's own team applies."""
    team_id = _village_with_history(team)
    fields = {"team_id": team_id, "full_name": "Trần Thị Bình", "role": "member"}
    assert _one(second_team, _op(second_team, "member", uuid7(), fields))["status"] == "applied"


def test_a_model_of_the_older_laptop_applies(team: ServerApi, second_team: ServerApi) -> None:
    """A model names no team: the older laptop's model applies after its setup's refusal."""
    _village_with_history(team)
    ops = [*_setup(second_team, uuid7()), _op(second_team, "model", uuid7(), MODEL)]
    assert _push2(second_team, ops)[-1]["status"] == "applied"


def test_the_village_keeps_one_setup(team: ServerApi, second_team: ServerApi) -> None:
    """After the replacement's whole setup: one team, one regulation, six fields, one
    leader on the server."""
    _village_with_history(team)
    _push2(second_team, _setup(second_team, uuid7()))
    counts = [_live(team, e) for e in ("team", "regulation", "model_field", "member")]
    assert counts == [1, 1, 6, 1]


def test_a_second_team_in_the_same_push_is_refused(team: ServerApi) -> None:
    """Two teams in one push: the second is refused (the first counts once kept)."""
    ops = [
        _op(team, "team", uuid7(), {"name": "Tổ A"}),
        _op(team, "team", uuid7(), {"name": "Tổ B"}),
    ]
    assert [r["status"] for r in _push2(team, ops)] == ["applied", "rejected"]


def test_two_setups_in_one_group_keep_the_first(
    engine: Engine, team: ServerApi, second_team: ServerApi
) -> None:
    """Two laptops' setups applied in one transaction: the second's team is refused."""
    jobs = []
    for laptop in (team, second_team):
        scope = auth.authenticate(engine, f"Bearer {laptop.token}", "vi")
        body = {"device_id": laptop.device_id, "ops": _setup(laptop, uuid7())}
        jobs.append(push.prepare(body, scope, 5000, "vi", protocol=2))
    first, second = push.apply_group(engine, jobs)
    assert isinstance(first, dict) and isinstance(second, dict)
    assert {r["status"] for r in first["results"]} == {"applied"}
    assert {r["status"] for r in second["results"]} == {"rejected"}


def test_a_team_renamed_by_the_older_laptop_applies(
    team: ServerApi, second_team: ServerApi
) -> None:
    """An edit of the village's team (not a new one) from the older laptop applies."""
    team_id = _village_with_history(team)
    changes, _ = team.pull_all()
    [held] = [c for c in changes if c["entity"] == "team"]
    op = _op(
        second_team,
        "team",
        team_id,
        {"name": "Tổ dân vận số 5"},
        base={"name": "Tổ dân vận tổ dân phố 5"},
        base_version=held["server_version"],
    )
    assert _one(second_team, op)["status"] == "applied"


def test_an_older_laptops_bundle_is_guarded_too(
    engine: Engine, team: ServerApi, second_team: ServerApi
) -> None:
    """A USB bundle's operations (applied by push.push, no protocol header) from the older
    laptop: its team is refused there too."""
    _village_with_history(team)
    scope = auth.authenticate(engine, f"Bearer {second_team.token}", "vi")
    body = {"device_id": second_team.device_id, "ops": _setup(second_team, uuid7())}
    answer = push.push(engine, scope, body, 100, "vi")
    assert answer["results"][0]["message"] == TEAM_REFUSED
