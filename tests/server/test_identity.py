"""A device id belongs to the device that first enrolled it: re-enrolling it needs a code
made for it, and a revoked id stays revoked (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from danvan_desktop.sync import bundle_format as fmt
from danvan_server import admin, audit
from danvan_server.bundle_tables import device_keys
from danvan_server.cli import main
from danvan_server.db import devices, enrollment_codes
from server.conftest import Units
from support.server_process import ServerApi, make_enrollment_code


def _enroll(api: ServerApi, code: str, device_id: str) -> tuple[int, str]:
    answer = api.post_json("/enroll", {"code": code, "device_id": device_id, "device_name": "Máy"})
    return answer.status_code, str(answer.json().get("detail", ""))


def _device_code(engine: Engine, units: Units, device_id: str) -> str:
    """A code made for ``device_id``, moving it to the neighbouring village."""
    code, _unit = admin.make_code(engine, units.neighbour.id, "team", for_device=device_id)
    return code


def _unit_of(engine: Engine, device_id: str) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                select(devices.c.unit_id).where(devices.c.device_id == device_id)
            ).scalar_one()
        )


def test_plain_code_cannot_take_over_an_enrolled_device_id(
    team: ServerApi, anonymous: ServerApi, database_url: str, engine: Engine, units: Units
) -> None:
    """A fresh code with an enrolled id is a 409; the laptop keeps its token and its unit."""
    code = make_enrollment_code(database_url, units.neighbour.id, "team")
    status, detail = _enroll(anonymous, code, str(team.device_id))
    assert status == 409
    assert f"mã máy {team.device_id}" in detail
    assert team.pull().status_code == 200
    assert _unit_of(engine, str(team.device_id)) == units.village.id


def test_a_refused_takeover_leaves_the_code_unused(
    team: ServerApi, anonymous: ServerApi, database_url: str, units: Units
) -> None:
    """The code refused for an enrolled id still enrolls a new laptop."""
    code = make_enrollment_code(database_url, units.village.id, "team")
    assert _enroll(anonymous, code, str(team.device_id))[0] == 409
    assert anonymous.enroll(code, "laptop-new").pull().status_code == 200


def test_device_code_reenrolls_and_logs_the_old_token_out(
    team: ServerApi, anonymous: ServerApi, engine: Engine, units: Units
) -> None:
    """A code made for the device gives it a new token and unit; the old token is unknown."""
    again = anonymous.enroll(_device_code(engine, units, str(team.device_id)), str(team.device_id))
    assert again.unit_id == units.neighbour.id
    assert again.pull().status_code == 200
    assert team.pull().status_code == 401


def test_reenrolling_forgets_the_bundle_signing_key(
    team: ServerApi, anonymous: ServerApi, engine: Engine, units: Units
) -> None:
    """The key that signed the old laptop's bundles is dropped with its token."""
    key = fmt.public_key_of(fmt.new_private_key())
    assert team.post_json("/device-key", {"public_key": key}).status_code == 200
    anonymous.enroll(_device_code(engine, units, str(team.device_id)), str(team.device_id))
    with engine.connect() as connection:
        assert connection.execute(select(device_keys.c.device_id)).all() == []


def test_reenrolling_is_written_to_the_audit_log(
    team: ServerApi, anonymous: ServerApi, engine: Engine, units: Units
) -> None:
    """Making the code and using it are both in the audit log, with the units."""
    device_id = str(team.device_id)
    anonymous.enroll(_device_code(engine, units, device_id), device_id)
    logged = [(e["action"], e["detail"]) for e in audit.entries(engine, subject=device_id)]
    assert logged == [
        ("device.reenroll_code", {"unit": units.neighbour.id, "role": "team"}),
        (
            "device.reenroll",
            {
                "unit": units.neighbour.id,
                "role": "team",
                "previous_unit": units.village.id,
                "code_for": device_id,
            },
        ),
    ]


def test_device_code_is_refused_for_another_device_id(
    team: ServerApi, anonymous: ServerApi, engine: Engine, units: Units
) -> None:
    """A code made for one device enrolls no other id, and stays unused."""
    code = _device_code(engine, units, str(team.device_id))
    status, detail = _enroll(anonymous, code, "laptop-other")
    assert status == 403
    assert "một máy khác" in detail
    with engine.connect() as connection:
        used = connection.execute(
            select(enrollment_codes.c.used_at).where(enrollment_codes.c.for_device.is_not(None))
        )
        assert used.scalars().all() == [None]


def test_revoked_device_is_refused_even_with_a_device_code(
    team: ServerApi, anonymous: ServerApi, engine: Engine, units: Units
) -> None:
    """A code made before the revocation does not bring the device back."""
    code = _device_code(engine, units, str(team.device_id))
    admin.revoke_device(engine, str(team.device_id))
    status, detail = _enroll(anonymous, code, str(team.device_id))
    assert status == 403
    assert "phải đăng ký với một mã máy mới" in detail
    assert team.pull().status_code == 403


def test_admin_refuses_a_device_code_for_a_revoked_device(
    team: ServerApi, engine: Engine, units: Units
) -> None:
    """The admin is told that a revoked id stays revoked."""
    admin.revoke_device(engine, str(team.device_id))
    with pytest.raises(admin.AdminError, match="stays revoked: enroll the laptop under a new"):
        _device_code(engine, units, str(team.device_id))


def test_admin_refuses_a_device_code_for_an_unknown_device(engine: Engine, units: Units) -> None:
    """A device code is for an enrolled id only; a new laptop needs a plain code."""
    with pytest.raises(admin.AdminError, match="no enrolled device 'laptop-9'"):
        _device_code(engine, units, "laptop-9")


def test_enroll_command_makes_a_device_code(
    team: ServerApi,
    anonymous: ServerApi,
    database_url: str,
    units: Units,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`enroll --device` prints a code that re-enrolls that device."""
    device_id = str(team.device_id)
    command = ["enroll", "--unit", units.village.id, "--role", "team", "--device", device_id]
    exit_code = main(["--database", database_url, *command])
    out = capsys.readouterr().out
    assert exit_code == 0
    assert f"re-enrolls device {device_id} only" in out
    again = anonymous.enroll(out.strip().splitlines()[-1], device_id)
    assert again.pull().status_code == 200
    assert team.pull().status_code == 401
