"""Download: pages bounded by bytes, checkpoints, and what each scope may see."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from danvan_server import admin
from server.conftest import Units, enrolled
from support.server_process import ServerApi

MODEL = {"status": "registered", "year": 2026, "field_code": "economy"}


def _push_models(api: ServerApi, count: int, prefix: str = "m") -> None:
    ops = [
        api.op(
            "model", f"{prefix}-{n}", {**MODEL, "name": f"Mô hình {n}", "content": "nội dung " * 40}
        )
        for n in range(count)
    ]
    assert {r["status"] for r in api.push(ops).json()["results"]} == {"applied"}


def _ids(changes: list[dict[str, object]], entity: str) -> set[object]:
    return {c["record_id"] for c in changes if c["entity"] == entity}


def test_page_is_bounded_by_max_bytes(team: ServerApi) -> None:
    """With max_bytes=2000 a page holds a few changes, says more, and next is its last."""
    _push_models(team, 20)
    answer = team.pull(since=0, max_bytes=2000)
    assert len(answer.content) <= 2000
    body = answer.json()
    assert body["more"] is True
    assert 1 <= len(body["changes"]) < 20
    assert body["next"] == body["changes"][-1]["server_version"]


def test_pages_together_give_every_change_once_in_order(team: ServerApi) -> None:
    """Following next until more is false yields each change once, in sequence order."""
    _push_models(team, 30)
    changes, checkpoint = team.pull_all(since=0, max_bytes=1500)
    versions = [c["server_version"] for c in changes]
    assert versions == sorted(set(versions))
    assert len(_ids(changes, "model")) == 30
    assert checkpoint == team.request("GET", "/health").json()["high_seq"]


def test_a_change_bigger_than_max_bytes_still_comes_alone(team: ServerApi) -> None:
    """A page always carries at least one change, so a big record cannot stall the pull."""
    _push_models(team, 1)
    body = team.pull(since=12, max_bytes=10).json()  # after the units and the city's fields
    assert [c["record_id"] for c in body["changes"]] == ["m-0"]


def test_since_the_checkpoint_only_newer_changes_come(team: ServerApi) -> None:
    """A pull from the last checkpoint returns only what was pushed after it."""
    _push_models(team, 3, "a")
    _, checkpoint = team.pull_all()
    _push_models(team, 2, "b")
    changes, _ = team.pull_all(since=checkpoint)
    assert _ids(changes, "model") == {"b-0", "b-1"}


def test_checkpoint_advances_past_changes_out_of_scope(
    team: ServerApi, neighbour_team: ServerApi
) -> None:
    """Changes the team may not see still move its checkpoint to high_seq."""
    _push_models(neighbour_team, 3)
    body = team.pull(since=12).json()  # after the units and the city's fields
    assert body["changes"] == []
    assert (body["next"], body["high_seq"], body["more"]) == (15, 15, False)


def test_team_sees_its_own_unit_but_not_the_neighbours(
    team: ServerApi, neighbour_team: ServerApi
) -> None:
    """Each village team pulls only its own records."""
    _push_models(team, 1, "mine")
    _push_models(neighbour_team, 1, "theirs")
    assert _ids(team.pull_all()[0], "model") == {"mine-0"}


def test_team_sees_the_units_above_it_but_not_beside_it(team: ServerApi, units: Units) -> None:
    """A team pulls its own unit, its commune and the city, not other villages."""
    assert _ids(team.pull_all()[0], "unit") == {units.city.id, units.commune.id, units.village.id}


def test_commune_reviewer_sees_every_village_below_it(
    team: ServerApi,
    neighbour_team: ServerApi,
    reviewer: ServerApi,
    anonymous: ServerApi,
    database_url: str,
    units: Units,
) -> None:
    """The commune reviewer reads both of its villages, not the other commune's."""
    _push_models(team, 1, "mine")
    _push_models(neighbour_team, 1, "theirs")
    far = enrolled(anonymous, database_url, units.far_village, "team")
    _push_models(far, 1, "far")
    assert _ids(reviewer.pull_all()[0], "model") == {"mine-0", "theirs-0"}


def test_city_reviewer_sees_everything(
    team: ServerApi, anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """The city reviewer reads every commune's villages."""
    _push_models(team, 1, "mine")
    far = enrolled(anonymous, database_url, units.far_village, "team")
    _push_models(far, 1, "far")
    city = enrolled(anonymous, database_url, units.city, "reviewer")
    assert _ids(city.pull_all()[0], "model") == {"mine-0", "far-0"}


def test_handbook_published_to_the_commune_reaches_its_villages(
    team: ServerApi,
    anonymous: ServerApi,
    database_url: str,
    engine: Engine,
    units: Units,
    tmp_path: Path,
) -> None:
    """A document published to Phú Xuân is pulled by its teams, not by Thuận An's."""
    doc = tmp_path / "quy-che-mau.md"
    doc.write_text("# Quy chế mẫu\n\nNội dung quy chế.\n", encoding="utf-8")
    published = admin.publish(engine, doc, units.commune.id)
    far = enrolled(anonymous, database_url, units.far_village, "team")
    [change] = [c for c in team.pull_all()[0] if c["entity"] == "handbook_doc"]
    assert change["record_id"] == published.record_id
    assert change["fields"]["title"] == "Quy chế mẫu"
    assert _ids(far.pull_all()[0], "handbook_doc") == set()


def test_deleted_records_come_as_tombstones(team: ServerApi) -> None:
    """A deleted record is pulled with deleted true and its last fields."""
    _push_models(team, 1)
    [change] = [c for c in team.pull_all()[0] if c["entity"] == "model"]
    op = team.op("model", "m-0", {}, kind="delete", base={}, base_version=change["server_version"])
    team.push([op])
    [after] = [c for c in team.pull_all()[0] if c["entity"] == "model"]
    assert after["deleted"] is True
    assert after["fields"]["name"] == "Mô hình 0"


def test_change_carries_every_field_of_the_entity(team: ServerApi) -> None:
    """A change lists all the entity's fields, null where unset."""
    _push_models(team, 1)
    [change] = [c for c in team.pull_all()[0] if c["entity"] == "model"]
    assert change["fields"]["review_comment"] is None
    assert len(change["fields"]) == 22  # with the team's contact consent (schema 15)
    assert set(change) == {"entity", "record_id", "unit_id", "server_version", "deleted", "fields"}


def test_checkpoint_beyond_high_seq_returns_nothing_and_reports_high_seq(team: ServerApi) -> None:
    """A laptop ahead of a restored server gets no changes and can see high_seq is lower."""
    body = team.pull(since=500).json()
    assert (body["changes"], body["next"], body["more"], body["high_seq"]) == ([], 500, False, 12)


def test_negative_since_is_422(team: ServerApi) -> None:
    """since must be ≥ 0; the message names the parameter."""
    answer = team.pull(since=-1)
    assert answer.status_code == 422
    assert "since" in answer.json()["detail"]


def test_text_since_is_422(team: ServerApi) -> None:
    """since must be an integer."""
    answer = team.request("GET", "/pull", params={"since": "yesterday"})
    assert answer.status_code == 422


def test_pull_body_is_valid_json_with_unicode(team: ServerApi) -> None:
    """Vietnamese text survives the hand-built page."""
    team.push([team.op("model", "m-1", {**MODEL, "name": 'Đường "hoa" sáng xanh\n'})])
    text = team.pull().content.decode()
    changes = json.loads(text)["changes"]
    assert [c["fields"]["name"] for c in changes if c["entity"] == "model"] == [
        'Đường "hoa" sáng xanh\n'
    ]
