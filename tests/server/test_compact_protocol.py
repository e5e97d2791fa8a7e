"""Protocol 2 on the server: compact push bodies and results, ``exact``, the pull's ``skip``,
and attachments named by their upload copy."""

from __future__ import annotations

import hashlib
from typing import Any

from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256, compact_push_body
from support.server_process import ServerApi

MODEL = {"status": "registered", "year": 2026, "field_code": "economy"}


def _compact_push(api: ServerApi, ops: list[dict[str, Any]]) -> dict[str, Any]:
    body = compact_push_body(str(api.device_id), ops)
    answer = api.post_json("/push", body, compress=True)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _new_models(api: ServerApi, count: int) -> list[dict[str, Any]]:
    """Creating operations as the outbox names them: op_id = record id."""
    ops = []
    for n in range(count):
        record_id = f"m-{n}"
        ops.append(api.op("model", record_id, {**MODEL, "name": f"Mô hình {n}"}, op_id=record_id))
    return ops


def test_compact_body_hoists_shared_keys_and_implied_op_ids(team: ServerApi) -> None:
    """The compact body sends device, unit, kind … once and no op_id for new records."""
    body = compact_push_body(str(team.device_id), _new_models(team, 3))
    assert body["defaults"]["device_id"] == team.device_id
    assert body["defaults"]["base"] == {}
    assert [sorted(op) for op in body["ops"]] == [["fields", "record_id"]] * 3


def test_compact_push_applies_and_answers_in_order(team: ServerApi) -> None:
    """Three new models in a compact body: three compact results, in order, exact."""
    answer = _compact_push(team, _new_models(team, 3))
    results = answer["results"]
    assert [sorted(r) for r in results] == [["exact", "server_version", "status"]] * 3
    assert [r["status"] for r in results] == ["applied"] * 3
    versions = [r["server_version"] for r in results]
    assert versions == sorted(versions) and len(set(versions)) == 3
    changes, _next = team.pull_all()
    assert {c["record_id"] for c in changes if c["entity"] == "model"} == {"m-0", "m-1", "m-2"}


def test_implied_op_id_is_the_record_id(team: ServerApi) -> None:
    """Sent again as a full envelope with op_id = record id, the operation is a duplicate."""
    ops = _new_models(team, 1)
    first = _compact_push(team, ops)["results"][0]
    again = team.push(ops).json()["results"][0]
    assert (again["op_id"], again["status"]) == ("m-0", "duplicate")
    assert again["server_version"] == first["server_version"]
    assert again["exact"] is True  # protocol 3: the replay says the laptop holds it


def test_full_body_still_answers_with_op_ids(team: ServerApi) -> None:
    """A protocol-1 body gets full results, op_id first, message and conflicts present."""
    op = team.op("model", "m-9", {**MODEL, "name": "Mô hình cũ"})
    result = team.push([op]).json()["results"][0]
    assert result["op_id"] == op["op_id"]
    assert (result["message"], result["conflicts"]) == (None, [])


def test_update_on_the_base_version_is_exact(team: ServerApi) -> None:
    """An edit made on the version the server still holds builds exactly on it."""
    [created] = _compact_push(team, _new_models(team, 1))["results"]
    edit = team.op(
        "model",
        "m-0",
        {"scope": "Toàn tổ"},
        base={"scope": None},
        base_version=created["server_version"],
    )
    assert _compact_push(team, [edit])["results"][0]["exact"] is True


def test_update_after_another_device_is_not_exact(team: ServerApi, second_team: ServerApi) -> None:
    """When another laptop changed the record since the base, the laptop lacks that change."""
    [created] = _compact_push(team, _new_models(team, 1))["results"]
    base_version = created["server_version"]
    other = second_team.op(
        "model", "m-0", {"content": "Nội dung"}, base={"content": None}, base_version=base_version
    )
    assert second_team.push([other]).json()["results"][0]["status"] == "applied"
    edit = team.op(
        "model", "m-0", {"scope": "Toàn tổ"}, base={"scope": None}, base_version=base_version
    )
    result = _compact_push(team, [edit])["results"][0]
    assert result["status"] == "applied" and "exact" not in result


def test_pull_skips_the_versions_the_device_holds(team: ServerApi) -> None:
    """skip=A-B leaves those versions out, and next still moves past them."""
    results = _compact_push(team, _new_models(team, 4))["results"]
    versions = [r["server_version"] for r in results]
    skip = f"{versions[0]}-{versions[2]}"
    answer = team.request("GET", "/pull", params={"since": 0, "skip": skip}).json()
    models = [c["record_id"] for c in answer["changes"] if c["entity"] == "model"]
    assert models == ["m-3"]
    assert answer["next"] == answer["high_seq"] >= versions[-1]


def test_skipped_version_superseded_is_sent(team: ServerApi, second_team: ServerApi) -> None:
    """A skipped version that another device has since replaced is sent, at its new version."""
    [created] = _compact_push(team, _new_models(team, 1))["results"]
    other = second_team.op(
        "model",
        "m-0",
        {"content": "Nội dung"},
        base={"content": None},
        base_version=created["server_version"],
    )
    second_team.push([other])
    skip = str(created["server_version"])
    answer = team.request("GET", "/pull", params={"since": 0, "skip": skip}).json()
    [model] = [c for c in answer["changes"] if c["entity"] == "model"]
    assert model["fields"]["content"] == "Nội dung"


def test_malformed_skip_is_refused_with_a_message(team: ServerApi) -> None:
    """skip must be versions and ranges: anything else is a 422 naming the parameter."""
    answer = team.request("GET", "/pull", params={"since": 0, "skip": "5-2"})
    assert answer.status_code == 422
    assert "skip" in answer.json()["detail"]


def test_attachment_named_by_its_upload_copy_can_be_downloaded(
    team: ServerApi, second_team: ServerApi
) -> None:
    """The record's upload_sha256 is the file another laptop of the unit may download."""
    copy = b"\xff\xd8 down-scaled photo " * 1000
    sha = hashlib.sha256(copy).hexdigest()
    put = team.request(
        "PUT",
        f"/attachments/{sha}",
        params={"offset": 0},
        content=copy,
        headers={HEADER_CHUNK_SHA256: sha, "Content-Type": "application/octet-stream"},
    )
    assert put.status_code == 200
    assert team.post_json(f"/attachments/{sha}/complete", {"size": len(copy)}).status_code == 200
    fields = {
        "sha256": "a" * 64,
        "upload_sha256": sha,
        "owner_entity": "model",
        "owner_id": "m-1",
        "file_name": "anh.jpg",
        "size": 4_000_000,
    }
    assert team.push([team.op("attachment", "a-1", fields)]).json()["results"][0]["status"] == (
        "applied"
    )
    download = second_team.request("GET", f"/attachments/{sha}")
    assert download.status_code == 200 and download.content == copy
    assert second_team.request("GET", f"/attachments/{'a' * 64}").status_code == 404
