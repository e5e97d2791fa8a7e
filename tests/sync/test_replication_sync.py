"""Replication links through the real server: a team replicates another village's model,
and the source team and the source commune's reviewer see where it was replicated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.store import network
from support.server_process import ServerApi, add_commune, add_village
from sync.conftest import Province

THUAN_AN = 19900  # Phường Thuận An: the replicating village's commune
TODAY = dt.date(2025, 3, 4)


def card_of(model_id: str, source_unit: str) -> dict[str, Any]:
    """The card of the source model, as a reviewer shared it."""
    return {
        "id": "card-1",
        "model_uid": model_id,
        "source_unit": source_unit,
        "name": "Phân loại rác tại nguồn",
        "field_name": "Kinh tế",
        "commune_code": 19768,
        "commune_name": "Phường Phú Xuân",
        "village_name": "Tổ dân phố 5",
        "summary": [["Nội dung và cách làm", "Các hộ để riêng rác hữu cơ."]],
        "results": "",
        "indicators": [],
        "recognitions": [],
        "year": 2024,
        "shared_level": "city",
        "shared_on": "2024-06-01",
        "updated_at": "2024-06-01T08:00:00Z",
        "contact": None,
        "photos": [],
    }


def laptop(folder: Path, province: Province, unit_id: str, village: str, role: str) -> Session:
    """A laptop set up for ``village`` and enrolled for ``unit_id``."""
    session = Session.open(folder, create=True)
    session.initialise_team(
        province_code=46,
        commune_code=THUAN_AN if role == "team" and village != "Tổ dân phố 5" else 19768,
        village_name=village,
        village_kind="thon",
        team_name=f"Tổ dân vận {village}",
        leader_name="Trần Thị Bích",
    )
    session.enroll_device(
        server_url=province.server.url,
        code=province.code(role=role, unit_id=unit_id),
        device_name=folder.name,
    )
    return session


@pytest.fixture
def world(tmp_path: Path, province: Province) -> Iterator[dict[str, Session]]:
    """The source team (Phú Xuân), a replicating team (Thuận An), its neighbour in Thuận
    An, the source commune's reviewer and the replicating commune's reviewer."""
    lai_the = add_village(province.database_url, commune_code=THUAN_AN, name="Thôn Lại Thế")
    hai_thanh = add_village(province.database_url, commune_code=THUAN_AN, name="Thôn Hải Thành")
    phu_xuan = add_commune(province.database_url)
    thuan_an = add_commune(province.database_url, THUAN_AN)
    made: dict[str, Session] = {}
    try:
        made["source"] = laptop(
            tmp_path / "source", province, province.village_id, "Tổ dân phố 5", "team"
        )
        made["replica"] = laptop(tmp_path / "replica", province, lai_the.id, "Thôn Lại Thế", "team")
        made["other"] = laptop(tmp_path / "other", province, hai_thanh.id, "Thôn Hải Thành", "team")
        made["source_commune"] = laptop(
            tmp_path / "px", province, phu_xuan.id, "Tổ dân phố 5", "reviewer"
        )
        made["replica_commune"] = laptop(
            tmp_path / "ta", province, thuan_an.id, "Tổ dân phố 5", "reviewer"
        )
        yield made
    finally:
        for session in made.values():
            session.close()


def replicate(world: dict[str, Session]) -> tuple[str, str]:
    """The source team's model, replicated by Thôn Lại Thế; (source id, replica id)."""
    source, replica = world["source"], world["replica"]
    model_id = str(source.add_model(name="Phân loại rác tại nguồn", field_code="economy").record_id)
    source.sync_now()
    card = card_of(model_id, str(source.store.home_unit_id))
    network.apply_library_page(replica.store.db, [{"id": "card-1", "seq": 1, "card": card}], 1)
    replica_id = str(replica.replicate_card("card-1", today=TODAY).record_id)
    replica.sync_now()
    return model_id, replica_id


def where(session: Session, model_id: str) -> list[tuple[str, str, dt.date]]:
    """Where a model has been replicated, as a laptop sees it."""
    return [(r.village_name, r.status, r.replicated_on) for r in session.replications_of(model_id)]


def test_the_source_team_sees_the_replication(world: dict[str, Session]) -> None:
    """After a sync the source team's laptop says the model went to Thôn Lại Thế."""
    model_id, _ = replicate(world)
    world["source"].sync_now()
    assert where(world["source"], model_id) == [("Thôn Lại Thế", "registered", TODAY)]
    assert world["source"].is_replicated(model_id) is True


def test_the_source_commune_reviewer_sees_the_replication(world: dict[str, Session]) -> None:
    """The reviewer of the source model's commune sees where it was replicated."""
    model_id, _ = replicate(world)
    world["source_commune"].sync_now()
    assert where(world["source_commune"], model_id) == [("Thôn Lại Thế", "registered", TODAY)]


def test_the_replicating_commune_reviewer_sees_it_too(world: dict[str, Session]) -> None:
    """The reviewer above the replicating village sees the link and the new model."""
    model_id, replica_id = replicate(world)
    world["replica_commune"].sync_now()
    assert where(world["replica_commune"], model_id) == [("Thôn Lại Thế", "registered", TODAY)]
    assert world["replica_commune"].get_record("model", replica_id)["unit_id"] is not None


def test_an_unrelated_team_does_not_receive_the_link(world: dict[str, Session]) -> None:
    """A neighbouring village of the replicating commune holds no link."""
    replicate(world)
    world["other"].sync_now()
    assert world["other"].list_records("replication_link") == []


def test_the_source_team_never_receives_the_replica_model(world: dict[str, Session]) -> None:
    """Only the link crosses to the source team, not the replicating village's model."""
    _, replica_id = replicate(world)
    world["source"].sync_now()
    assert world["source"].records.find("model", replica_id) is None


def test_the_source_team_follows_the_replica_status(world: dict[str, Session]) -> None:
    """When the replicating team starts its model, the source team sees «in progress»."""
    model_id, replica_id = replicate(world)
    world["replica"].move_model(replica_id, status="in_progress")
    world["replica"].sync_now()
    world["source"].sync_now()
    assert where(world["source"], model_id) == [("Thôn Lại Thế", "in_progress", TODAY)]


def test_the_source_team_cannot_write_the_link(
    world: dict[str, Session], province: Province
) -> None:
    """A source team's device that edits the link it received is refused by the server."""
    replicate(world)
    world["source"].sync_now()
    (link,) = world["source"].list_records("replication_link")
    api = ServerApi(province.server.url).enroll(province.code(), uuid7(), "Máy thứ hai")
    try:
        op = api.op(
            "replication_link",
            str(link["id"]),
            {"village_name": "Thôn khác"},
            unit_id=str(link["unit_id"]),
            base_version=int(link["server_version"]),
        )
        answer = api.push([op]).json()
    finally:
        api.close()
    assert answer["results"][0]["status"] == "rejected"
    world["replica"].sync_now()
    assert world["replica"].list_records("replication_link")[0]["village_name"] == "Thôn Lại Thế"
