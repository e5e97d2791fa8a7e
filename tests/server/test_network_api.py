"""The network library on the server: who shares and withdraws, who reads cards and photos
(in-process app, on SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import Engine, select, update

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256
from danvan_server.db import records
from server.conftest import Units, enrolled
from support.server_process import ServerApi


def _photo() -> bytes:
    sink = io.BytesIO()
    Image.new("RGB", (1200, 900), (30, 120, 60)).save(sink, "JPEG", quality=90)
    return sink.getvalue()


PHOTO = _photo()
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def push_model(team: ServerApi, engine: Engine, *, recognised: bool = True) -> str:
    """A model of the team on the server, recognised by the commune (written directly)."""
    model_id = uuid7()
    fields = {
        "name": "Phân loại rác tại nguồn",
        "field_code": "moi_truong",
        "status": "registered",
        "year": 2024,
    }
    result = team.push([team.op("model", model_id, fields)]).json()["results"][0]
    assert result["status"] == "applied", result
    if recognised:
        with engine.begin() as connection:
            row = connection.execute(select(records.c.fields).where(records.c.id == model_id)).one()
            stored = {**json.loads(row.fields), "status": "recognised"}
            connection.execute(
                update(records).where(records.c.id == model_id).values(fields=json.dumps(stored))
            )
    return model_id


def wire(
    model_id: str, card_id: str | None = None, photos: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A wire card for ``model_id`` as a reviewer's laptop sends it."""
    return {
        "id": card_id or uuid7(),
        "model_uid": model_id,
        "source_unit": "",
        "name": "Phân loại rác tại nguồn",
        "field_name": "Môi trường",
        "commune_code": 19768,
        "commune_name": "Phường Phú Xuân",
        "village_name": "Tổ dân phố 5",
        "summary": [["Nội dung và cách làm", "Các hộ để riêng rác hữu cơ."]],
        "results": "",
        "indicators": [],
        "recognitions": [],
        "year": 2024,
        "shared_level": "commune",
        "shared_on": "2024-06-01",
        "updated_at": "",
        "contact": None,
        "photos": photos or [],
    }


def library(api: ServerApi) -> list[dict[str, Any]]:
    """Every item of the library lane this device sees."""
    answer = api.request("GET", "/network/library", params={"since": 0})
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


@pytest.fixture
def far_team(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The team laptop of Thôn Hải Tiến, in another commune."""
    return enrolled(anonymous, database_url, units.far_village, "team")


@pytest.fixture
def city(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The city's reviewer."""
    return enrolled(anonymous, database_url, units.city, "reviewer")


def test_a_commune_card_reaches_the_communes_teams_only(
    team: ServerApi,
    neighbour_team: ServerApi,
    far_team: ServerApi,
    reviewer: ServerApi,
    engine: Engine,
) -> None:
    """A commune reviewer's card reaches both villages of the commune, not another commune."""
    model_id = push_model(team, engine)
    answer = reviewer.post_json("/network/cards", {"card": wire(model_id)})
    assert answer.status_code == 200, answer.text
    assert answer.json()["card"]["shared_level"] == "commune"
    assert [i["card"]["name"] for i in library(neighbour_team)] == ["Phân loại rác tại nguồn"]
    assert len(library(team)) == 1
    assert library(far_team) == []


def test_a_city_card_reaches_every_commune(
    team: ServerApi, far_team: ServerApi, city: ServerApi, engine: Engine
) -> None:
    """A city reviewer's card reaches a village of another commune."""
    model_id = push_model(team, engine)
    assert city.post_json("/network/cards", {"card": wire(model_id)}).status_code == 200
    assert [i["card"]["shared_level"] for i in library(far_team)] == ["city"]


def test_a_team_token_cannot_share(team: ServerApi, engine: Engine) -> None:
    """A team's own recognised model: sharing it with a team token is 403."""
    model_id = push_model(team, engine)
    assert team.post_json("/network/cards", {"card": wire(model_id)}).status_code == 403


def test_a_team_token_cannot_edit_or_withdraw(
    team: ServerApi, reviewer: ServerApi, engine: Engine
) -> None:
    """Updating or withdrawing a shared card with a team token is 403; the card stays."""
    model_id = push_model(team, engine)
    card = wire(model_id)
    assert reviewer.post_json("/network/cards", {"card": card}).status_code == 200
    assert team.post_json("/network/cards", {"card": {**card, "name": "Sửa"}}).status_code == 403
    assert team.post_json(f"/network/cards/{card['id']}/withdraw", {}).status_code == 403
    assert [i["card"]["name"] for i in library(team)] == ["Phân loại rác tại nguồn"]


def test_a_model_not_recognised_is_refused(
    team: ServerApi, reviewer: ServerApi, engine: Engine
) -> None:
    """Sharing a model still «registered» is refused with 422."""
    model_id = push_model(team, engine, recognised=False)
    assert reviewer.post_json("/network/cards", {"card": wire(model_id)}).status_code == 422


def test_a_model_outside_the_scope_is_refused(
    far_team: ServerApi, reviewer: ServerApi, engine: Engine
) -> None:
    """A commune reviewer cannot share another commune's model (403)."""
    model_id = push_model(far_team, engine)
    assert reviewer.post_json("/network/cards", {"card": wire(model_id)}).status_code == 403


def test_withdrawal_leaves_a_tombstone(
    team: ServerApi, reviewer: ServerApi, engine: Engine
) -> None:
    """A withdrawn card comes down the lane as a tombstone."""
    model_id = push_model(team, engine)
    card = wire(model_id)
    reviewer.post_json("/network/cards", {"card": card})
    assert reviewer.post_json(f"/network/cards/{card['id']}/withdraw", {}).status_code == 200
    assert library(team) == [{"id": card["id"], "seq": 2, "deleted": True}]


def test_a_team_may_ask_for_its_models_withdrawal(
    team: ServerApi, neighbour_team: ServerApi, engine: Engine
) -> None:
    """The team asks for its own model; another village may not."""
    model_id = push_model(team, engine)
    assert (
        team.post_json("/network/withdrawal-requests", {"model_uid": model_id}).status_code == 200
    )
    assert (
        neighbour_team.post_json(
            "/network/withdrawal-requests", {"model_uid": model_id}
        ).status_code
        == 403
    )


def _upload_photo(api: ServerApi, model_id: str) -> str:
    answer = api.request(
        "PUT",
        f"/attachments/{PHOTO_SHA}",
        params={"offset": 0},
        content=PHOTO,
        headers={HEADER_CHUNK_SHA256: PHOTO_SHA},
    )
    assert answer.status_code == 200, answer.text
    assert (
        api.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": len(PHOTO)}).status_code == 200
    )
    attachment_id = uuid7()
    fields = {
        "sha256": PHOTO_SHA,
        "owner_entity": "model",
        "owner_id": model_id,
        "size": len(PHOTO),
        "caption": "Thùng rác",
    }
    assert (
        api.push([api.op("attachment", attachment_id, fields)]).json()["results"][0]["status"]
        == "applied"
    )
    return attachment_id


def test_card_photos_are_readable_below_the_sharer_only(
    team: ServerApi,
    neighbour_team: ServerApi,
    far_team: ServerApi,
    reviewer: ServerApi,
    engine: Engine,
) -> None:
    """The neighbour village reads a commune card's photo; another commune does not."""
    model_id = push_model(team, engine)
    attachment_id = _upload_photo(team, model_id)
    assert neighbour_team.request("GET", f"/attachments/{PHOTO_SHA}").status_code == 404
    photo = {
        "attachment_id": attachment_id,
        "caption": "Thùng rác",
        "sha256": None,
        "thumbnail": None,
    }
    assert (
        reviewer.post_json("/network/cards", {"card": wire(model_id, photos=[photo])}).status_code
        == 200
    )
    got = neighbour_team.request("GET", f"/attachments/{PHOTO_SHA}")
    assert (got.status_code, hashlib.sha256(got.content).hexdigest()) == (200, PHOTO_SHA)
    assert far_team.request("GET", f"/attachments/{PHOTO_SHA}").status_code == 404


def test_the_server_makes_a_small_thumbnail(
    team: ServerApi, reviewer: ServerApi, engine: Engine
) -> None:
    """A photo shared without a thumbnail gets one of at most 8 KB, a JPEG."""
    import base64

    model_id = push_model(team, engine)
    attachment_id = _upload_photo(team, model_id)
    photo = {"attachment_id": attachment_id, "caption": "", "sha256": None, "thumbnail": None}
    card = reviewer.post_json("/network/cards", {"card": wire(model_id, photos=[photo])}).json()[
        "card"
    ]
    thumb = base64.b64decode(card["photos"][0]["thumbnail"])
    assert thumb[:2] == b"\xff\xd8"
    assert len(thumb) <= 8 * 1024
