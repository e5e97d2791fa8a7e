"""Enrollment codes, device tokens and their refusal messages, on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select, text

from danvan_server import admin
from danvan_server.db import devices, enrollment_codes
from server.conftest import Units
from support.server_process import ServerApi, make_enrollment_code


def _enroll(
    api: ServerApi, code: str, device_id: str = "laptop-1"
) -> tuple[int, dict[str, object]]:
    answer = api.post_json("/enroll", {"code": code, "device_id": device_id, "device_name": "Máy"})
    return answer.status_code, answer.json()


def test_code_gives_token_role_unit_and_epoch(
    anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """A valid code returns a token bound to the unit, the role and the server epoch."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    status, body = _enroll(anonymous, code)
    assert status == 200
    assert body["role"] == "team"
    unit = body["unit"]
    assert isinstance(unit, dict)
    assert (unit["id"], unit["name"], unit["level"]) == (
        units.village.id,
        "Tổ dân phố 5",
        "village",
    )
    assert body["epoch"] == anonymous.request("GET", "/health").json()["epoch"]
    assert len(str(body["token"])) >= 40


def test_code_is_single_use(anonymous: ServerApi, database_url: str, units: Units) -> None:
    """The second use of a code is refused with 401 and says the code was used."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    assert _enroll(anonymous, code, "laptop-1")[0] == 200
    status, body = _enroll(anonymous, code, "laptop-2")
    assert status == 401
    assert "đã được dùng" in str(body["detail"])


def test_wrong_code_is_refused(anonymous: ServerApi, units: Units) -> None:
    """An unknown code gets 401 and asks to check the characters."""
    status, body = _enroll(anonymous, "AAAA-BBBB-CCCC-DDDD")
    assert status == 401
    assert "Mã đăng ký không đúng" in str(body["detail"])


def test_expired_code_is_refused(anonymous: ServerApi, engine: Engine, units: Units) -> None:
    """A code past its expiry gets 401 and asks for a new one."""
    code, _unit = admin.make_code(engine, units.village.id, "team", timedelta(seconds=-1))
    status, body = _enroll(anonymous, code)
    assert status == 401
    assert "hết hạn" in str(body["detail"])


def test_code_typed_in_lower_case_without_dashes_works(
    anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """Case, spaces and dashes typed by the user do not matter."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    typed = " " + code.replace("-", " ").lower() + " "
    assert _enroll(anonymous, typed)[0] == 200


def test_codes_and_tokens_are_stored_hashed(
    anonymous: ServerApi, database_url: str, engine: Engine, units: Units
) -> None:
    """Neither the code nor the token appears in the database, only their SHA-256."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    token = str(_enroll(anonymous, code)[1]["token"])
    with engine.connect() as connection:
        stored_codes = connection.execute(select(enrollment_codes.c.code_hash)).scalars().all()
        stored_tokens = connection.execute(select(devices.c.token_hash)).scalars().all()
    import hashlib

    assert stored_codes == [hashlib.sha256(code.encode()).hexdigest()]
    assert stored_tokens == [hashlib.sha256(token.encode()).hexdigest()]


def test_unknown_token_is_401(team: ServerApi) -> None:
    """A token the server never issued is refused with a message to enroll again."""
    team.token = "not-a-token"
    answer = team.pull()
    assert answer.status_code == 401
    assert "đăng ký lại" in answer.json()["detail"]


def test_missing_token_is_401(anonymous: ServerApi) -> None:
    """A pull without Authorization is refused with 401."""
    answer = anonymous.pull()
    assert answer.status_code == 401
    assert "Authorization" in answer.json()["detail"]


def test_revoked_token_is_403(team: ServerApi, engine: Engine) -> None:
    """After `revoke`, the device's token gets 403 with a message naming the admin."""
    assert team.pull().status_code == 200
    admin.revoke_device(engine, str(team.device_id))
    answer = team.pull()
    assert answer.status_code == 403
    assert "thu hồi" in answer.json()["detail"]


def test_revoked_device_stays_revoked_and_enrolls_under_a_new_id(
    team: ServerApi, anonymous: ServerApi, database_url: str, engine: Engine, units: Units
) -> None:
    """A new code does not bring a revoked device id back; the laptop enrolls as a new id."""
    admin.revoke_device(engine, str(team.device_id))
    code = make_enrollment_code(database_url, units.village.id, "team")
    status, body = _enroll(anonymous, code, str(team.device_id))
    assert status == 403
    assert "mã máy mới" in str(body["detail"])
    again = anonymous.enroll(code, device_id="laptop-new")
    assert again.pull().status_code == 200
    assert team.pull().status_code == 403


def test_enroll_without_code_is_422(anonymous: ServerApi, units: Units) -> None:
    """An empty code is a 422 that asks for the code."""
    answer = anonymous.post_json("/enroll", {"device_id": "laptop-1"})
    assert answer.status_code == 422
    assert "mã đăng ký" in answer.json()["detail"]


def test_enroll_with_bad_device_id_is_422(
    anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """A device id with spaces or slashes is refused before the code is spent."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    assert _enroll(anonymous, code, "a b/c")[0] == 422
    assert _enroll(anonymous, code, "laptop-1")[0] == 200


def test_reviewer_code_for_a_village_is_refused_by_admin(engine: Engine, units: Units) -> None:
    """A reviewer belongs to a commune or the city."""
    with pytest.raises(admin.AdminError, match="reviewer belongs to a commune"):
        admin.make_code(engine, units.village.id, "reviewer")


def test_code_for_unknown_unit_is_refused_by_admin(engine: Engine, units: Units) -> None:
    """An unknown unit reference is an AdminError that points at `units list`."""
    with pytest.raises(admin.AdminError, match="units list"):
        admin.make_code(engine, "no-such-unit", "team")


def test_two_laptops_racing_with_one_code_only_one_wins(
    anonymous: ServerApi, database_url: str, engine: Engine, units: Units
) -> None:
    """The code row is locked while used: exactly one enrollment succeeds."""
    from concurrent.futures import ThreadPoolExecutor

    code = make_enrollment_code(database_url, units.village.id, "team")
    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda n: _enroll(anonymous, code, f"laptop-{n}")[0], range(4)))
    assert sorted(statuses) == [200, 401, 401, 401]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM devices")).scalar_one() == 1
