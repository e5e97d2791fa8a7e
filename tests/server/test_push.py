"""Upload: per-operation results, idempotent replays, malformed requests, gzip bodies."""

from __future__ import annotations

import gzip

from support.server_process import ServerApi

MODEL = {
    "name": "Đường hoa sáng xanh",
    "status": "registered",
    "year": 2026,
    "field_code": "new_rural",
}


def test_new_record_is_applied_with_a_server_version(team: ServerApi) -> None:
    """A new model is applied and gets the next sequence number (after six units and the
    city's six model fields)."""
    answer = team.push([team.op("model", "m-1", MODEL)])
    assert answer.status_code == 200
    result = answer.json()["results"][0]
    assert (result["status"], result["server_version"], result["conflicts"]) == ("applied", 13, [])
    assert answer.json()["high_seq"] == 13


def test_replayed_op_answers_duplicate_with_the_original_result(team: ServerApi) -> None:
    """Sending the same op_id again changes nothing and answers duplicate, version 13."""
    op = team.op("model", "m-1", MODEL)
    team.push([op])
    again = team.push([op]).json()
    assert again["results"][0]["status"] == "duplicate"
    assert again["results"][0]["original_status"] == "applied"
    assert again["results"][0]["server_version"] == 13
    assert again["high_seq"] == 13


def test_same_op_twice_in_one_batch_is_applied_once(team: ServerApi) -> None:
    """A batch that repeats an op_id answers the second copy as a duplicate."""
    op = team.op("model", "m-1", MODEL)
    results = team.push([op, op]).json()["results"]
    assert [r["status"] for r in results] == ["applied", "duplicate"]


def test_rejected_op_does_not_block_the_others(team: ServerApi) -> None:
    """An op with a wrong type is rejected; the ops before and after it apply."""
    ops = [
        team.op("model", "m-1", MODEL),
        team.op("model", "m-2", {**MODEL, "year": "hai nghìn"}),
        team.op("model", "m-3", MODEL),
    ]
    results = team.push(ops).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert "«Năm đăng ký» (year) phải là số nguyên" in results[1]["message"]
    ids = {c["record_id"] for c in team.pull_all()[0] if c["entity"] == "model"}
    assert ids == {"m-1", "m-3"}


def test_rejected_op_is_not_remembered(team: ServerApi) -> None:
    """A rejected op_id sent again is judged again, not answered as a duplicate."""
    op = team.op("model", "m-1", {**MODEL, "year": "x"})
    assert team.push([op]).json()["results"][0]["status"] == "rejected"
    assert team.push([op]).json()["results"][0]["status"] == "rejected"


def test_unknown_entity_is_rejected_with_its_name(team: ServerApi) -> None:
    """An op for an entity the server does not know is rejected, naming the entity."""
    result = team.push([team.op("spaceship", "s-1", {"name": "x"})]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "'spaceship'" in result["message"]


def test_unknown_field_is_rejected(team: ServerApi) -> None:
    """An op that names a field the entity lacks is rejected."""
    result = team.push([team.op("model", "m-1", {**MODEL, "colour": "red"})]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "colour" in result["message"]


def test_bad_date_is_rejected(team: ServerApi) -> None:
    """A date field must hold an ISO date."""
    result = team.push([team.op("model", "m-1", {**MODEL, "start_date": "31/12/2026"})]).json()
    assert result["results"][0]["status"] == "rejected"
    assert "YYYY-MM-DD" in result["results"][0]["message"]


def test_text_longer_than_its_limit_is_rejected(team: ServerApi) -> None:
    """A model name over 300 characters is rejected with the length and the limit."""
    result = team.push([team.op("model", "m-1", {**MODEL, "name": "a" * 301})]).json()
    assert "301" in result["results"][0]["message"]
    assert "300" in result["results"][0]["message"]


def test_envelope_without_kind_is_rejected(team: ServerApi) -> None:
    """An envelope missing a key is rejected for itself only."""
    bad = team.op("model", "m-1", MODEL)
    del bad["kind"]
    results = team.push([bad, team.op("model", "m-2", MODEL)]).json()["results"]
    assert [r["status"] for r in results] == ["rejected", "applied"]
    assert "kind" in results[0]["message"]


def test_op_without_op_id_refuses_the_batch_with_422(team: ServerApi) -> None:
    """Without an op_id no per-op answer is possible: the request is a 422."""
    bad = team.op("model", "m-1", MODEL)
    del bad["op_id"]
    answer = team.push([bad])
    assert answer.status_code == 422
    assert "op_id" in answer.json()["detail"]


def test_ops_must_be_a_list(team: ServerApi) -> None:
    """`ops` as an object is a 422 with a message."""
    answer = team.post_json("/push", {"device_id": team.device_id, "ops": {"a": 1}})
    assert answer.status_code == 422
    assert "«ops»" in answer.json()["detail"]


def test_body_that_is_not_json_is_400(team: ServerApi) -> None:
    """A body that does not parse is a 400."""
    answer = team.request(
        "POST", "/push", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    assert "JSON" in answer.json()["detail"]


def test_json_array_body_is_400(team: ServerApi) -> None:
    """The body must be an object."""
    answer = team.post_json("/push", [1, 2])
    assert answer.status_code == 400


def test_gzip_body_is_accepted(team: ServerApi) -> None:
    """Content-Encoding: gzip bodies are decompressed."""
    answer = team.push([team.op("model", "m-1", MODEL)], compress=True)
    assert answer.json()["results"][0]["status"] == "applied"


def test_broken_gzip_is_400(team: ServerApi) -> None:
    """A truncated gzip body is a 400 that asks to send again."""
    body = gzip.compress(b'{"device_id": "x", "ops": []}')[:-6]
    answer = team.request("POST", "/push", content=body, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 400
    assert "gzip" in answer.json()["detail"]


def test_unknown_content_encoding_is_415(team: ServerApi) -> None:
    """Only gzip is accepted as a content encoding."""
    answer = team.request("POST", "/push", content=b"x", headers={"Content-Encoding": "br"})
    assert answer.status_code == 415


def test_gzip_bomb_is_413(team: ServerApi) -> None:
    """A small body that inflates past the request limit is refused without inflating it."""
    bomb = gzip.compress(b" " * (40 * 1024 * 1024))
    answer = team.request("POST", "/push", content=bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 413


def test_push_for_another_device_id_is_403(team: ServerApi) -> None:
    """The body's device_id must be the token's device."""
    answer = team.post_json("/push", {"device_id": "someone-else", "ops": []})
    assert answer.status_code == 403


def test_op_signed_with_another_device_id_is_rejected(team: ServerApi) -> None:
    """An op carrying another device's id is rejected, so authorship cannot be forged."""
    op = team.op("model", "m-1", MODEL)
    op["device_id"] = "someone-else"
    result = team.push([op]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "someone-else" in result["message"]


def test_empty_batch_answers_no_results(team: ServerApi) -> None:
    """An empty push is fine and reports high_seq."""
    assert team.push([]).json() == {"results": [], "high_seq": 12}
