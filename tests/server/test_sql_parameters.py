"""SQL parameters (token hashes, record text) never reach an error's text or the log."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.exc import DBAPIError

from danvan_server.db import devices, is_sqlite
from server.conftest import Units
from support.server_process import ServerApi, make_enrollment_code

SECRET = "token-hash-0f1e2d3c4b5a"


def _device(device_id: str, name: str = "Máy") -> dict[str, str]:
    return {
        "device_id": device_id,
        "device_name": name,
        "unit_id": "u-1",
        "role": "team",
        "token_hash": SECRET,
        "enrolled_at": "2026-01-05T08:00:00Z",
    }


def test_a_database_error_does_not_carry_its_parameters(engine: Engine) -> None:
    """A device row the database refuses (PostgreSQL: a NUL in its name, as once logged;
    SQLite: an id already taken) gives an error without the token hash it was sent with."""
    with engine.begin() as connection:
        connection.execute(insert(devices).values(_device("laptop-1")))
    refused = _device("laptop-1") if is_sqlite(engine) else _device("laptop-2", "Máy\u0000")
    with pytest.raises(DBAPIError) as raised, engine.begin() as connection:
        connection.execute(insert(devices).values(refused))
    assert SECRET not in str(raised.value)
    assert "hidden due to hide_parameters" in str(raised.value)


def test_a_nul_in_the_device_name_is_refused_by_name(
    anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """A device name PostgreSQL cannot store is a 422 naming device_name, not a 500."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    body = {"code": code, "device_id": "laptop-1", "device_name": "Máy\u0000tổ"}
    answer = anonymous.post_json("/enroll", body)
    assert answer.status_code == 422
    assert "device_name" in answer.json()["detail"]
    assert anonymous.enroll(code, "laptop-1").pull().status_code == 200
