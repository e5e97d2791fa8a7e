"""An earlier release's «replicated» status on the server: read as «recognised» when a
released laptop pushes it, and rewritten (schema 5) where the server already holds it,
so no laptop pulls a status it no longer knows. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine

from danvan_desktop.sync.protocol import HEADER_PROTOCOL
from danvan_server import model_life_rules
from danvan_server import records as stored
from danvan_server.db import lock_sequence, write_sequence, writing
from server.conftest import Units
from support.server_process import ServerApi

MODEL = {
    "name": "Phân loại rác tại nguồn",
    "status": "reviewed",
    "year": 2026,
    "field_code": "economy",
}
RELEASED_PROTOCOL = "2"


def _released_push(api: ServerApi, op: dict[str, Any]) -> dict[str, Any]:
    """Push one operation as a laptop of the previous protocol would."""
    body = json.dumps({"device_id": api.device_id, "ops": [op]}, ensure_ascii=False)
    answer = api.request(
        "POST",
        "/push",
        content=body.encode(),
        headers={"Content-Type": "application/json", HEADER_PROTOCOL: RELEASED_PROTOCOL},
    )
    result: dict[str, Any] = answer.json()["results"][0]
    return result


def _pulled_model(api: ServerApi, record_id: str) -> dict[str, Any]:
    changes, _next = api.pull_all()
    [change] = [c for c in changes if c["entity"] == "model" and c["record_id"] == record_id]
    return dict(change)


def _store_replicated(engine: Engine, units: Units, device_id: str) -> int:
    """Model m-9 as an earlier release left it on the server: «replicated»; its version."""
    with writing(engine) as connection:
        seq = lock_sequence(connection) + 1
        fields = {**stored.empty_fields("model"), **MODEL, "status": "replicated"}
        record = stored.StoredRecord(
            entity="model",
            id="m-9",
            unit_id=units.village.id,
            scope_path=units.village.path,
            server_version=seq,
            deleted=False,
            fields=fields,
            authors=dict.fromkeys(MODEL, device_id),
            updated_by=device_id,
        )
        stored.write(connection, [record])
        write_sequence(connection, seq)
    return seq


def _recognise_replicated(engine: Engine) -> None:
    with writing(engine) as connection:
        model_life_rules.recognise_replicated(connection)


def test_a_released_reviewer_pushing_replicated_is_applied_as_recognised(
    team: ServerApi, reviewer: ServerApi
) -> None:
    """A protocol-2 reviewer moving a reviewed model to «replicated» is applied."""
    first = _released_push(team, team.op("model", "m-1", MODEL))
    op = reviewer.op(
        "model",
        "m-1",
        {"status": "replicated"},
        unit_id=team.unit_id,
        base={"status": "reviewed"},
        base_version=first["server_version"],
    )
    assert _released_push(reviewer, op)["status"] == "applied"


def test_a_released_push_of_replicated_is_stored_as_recognised(
    team: ServerApi, reviewer: ServerApi
) -> None:
    """The team pulls the model a released reviewer marked «replicated» as «recognised»."""
    first = _released_push(team, team.op("model", "m-1", MODEL))
    op = reviewer.op(
        "model",
        "m-1",
        {"status": "replicated"},
        unit_id=team.unit_id,
        base={"status": "reviewed"},
        base_version=first["server_version"],
    )
    _released_push(reviewer, op)
    assert _pulled_model(team, "m-1")["fields"]["status"] == "recognised"


def test_a_released_team_repeating_replicated_on_a_recognised_model_is_applied(
    team: ServerApi, reviewer: ServerApi, engine: Engine, units: Units
) -> None:
    """A released team laptop still holding «replicated» may push it: nothing moves."""
    version = _store_replicated(engine, units, str(team.device_id))
    _recognise_replicated(engine)
    op = team.op(
        "model",
        "m-9",
        {"status": "replicated", "name": "Phân loại rác tại nguồn (sửa)"},
        base={"status": "replicated", "name": MODEL["name"]},
        base_version=version,
    )
    assert _released_push(team, op)["status"] == "applied"
    assert _pulled_model(team, "m-9")["fields"]["status"] == "recognised"


def test_a_stored_replicated_model_is_pulled_as_recognised(
    team: ServerApi, engine: Engine, units: Units
) -> None:
    """After the schema-5 step a team pulls «recognised» where «replicated» was stored."""
    _store_replicated(engine, units, str(team.device_id))
    _recognise_replicated(engine)
    assert _pulled_model(team, "m-9")["fields"]["status"] == "recognised"


def test_the_rewritten_model_is_a_new_version(
    team: ServerApi, engine: Engine, units: Units
) -> None:
    """The rewrite takes a new version, so a laptop that pulled «replicated» pulls again."""
    version = _store_replicated(engine, units, str(team.device_id))
    _, checkpoint = team.pull_all()
    _recognise_replicated(engine)
    changes, _next = team.pull_all(since=checkpoint)
    assert [(c["record_id"], c["fields"]["status"]) for c in changes] == [("m-9", "recognised")]
    assert changes[0]["server_version"] == version + 1


def test_the_step_leaves_other_models_alone(team: ServerApi, engine: Engine, units: Units) -> None:
    """A model whose text merely mentions «replicated» keeps its status and version."""
    first = _released_push(
        team, team.op("model", "m-2", {**MODEL, "content": "replicated elsewhere"})
    )
    _recognise_replicated(engine)
    pulled = _pulled_model(team, "m-2")
    assert (pulled["fields"]["status"], pulled["server_version"]) == (
        "reviewed",
        first["server_version"],
    )
