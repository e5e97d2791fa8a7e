"""Enrollment codes, device tokens and the scope every request is authorised against.

A server admin makes a single-use enrollment code for one unit and role; the
laptop trades it for a random token bound to its device id. Both are stored only
as SHA-256 hashes: they are high-entropy random strings, so a plain hash is
enough and a stolen database yields no usable token.

A device id belongs to the device that first enrolled it. A plain code enrolls a
new device id only; enrolling an enrolled id again (a laptop restored onto new
hardware, or moved to another unit) needs a code the admin made for that id
(``danvan-server enroll --device``): it replaces the token, forgets the key that
signed the device's USB bundles, and is written to the audit log. A revoked id
stays revoked: the laptop enrolls under a new id. The checks an enrollment makes are in
``enrollment_checks.py``.

Every sync request reads its token with one statement made once (``scope_statement``);
a pull reads the page's head in the same statement (``pull.authenticated_pull_on``).
Nothing is cached between requests: a revoked token is refused at its next request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Row,
    Select,
    String,
    bindparam,
    delete,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from danvan_server import audit, enrollment_checks
from danvan_server import units as unit_tree
from danvan_server.bundle_tables import device_keys
from danvan_server.checks import is_valid_id
from danvan_server.db import devices, enrollment_codes, get_meta, reading, records, units, writing
from danvan_server.http import ApiError
from danvan_server.messages import say
from danvan_server.records import utc_now

ROLES = ("team", "reviewer")
TOKEN_BYTES = 32
# No 0/O, 1/I/L or U: a team leader copies the code by hand from paper or a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_GROUPS = 4  # 16 characters: about 78 bits
LAST_SEEN_EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class Scope:
    """Who is asking: the device, its role and the unit its token is bound to."""

    device_id: str
    role: str
    unit: unit_tree.Unit
    last_seen_at: str | None = None

    def covers(self, scope_path: str) -> bool:
        """True when a record at ``scope_path`` is this unit's or below it."""
        return scope_path.startswith(self.unit.path)


def hash_secret(secret: str) -> str:
    """The stored form of a token or an enrollment code."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token() -> str:
    """A fresh device token (URL-safe text, 256 random bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_code() -> str:
    """A fresh enrollment code like ``K7QM-3XWD-PRT9-HC4N``."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalise_code(text: str) -> str:
    """The code as made, whatever spacing, dashes or case the user typed."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def create_code(
    connection: Connection,
    unit_id: str,
    role: str,
    valid_for: timedelta,
    *,
    for_device: str | None = None,
) -> str:
    """Store a new single-use code for ``unit_id`` and ``role``; return it (shown once).

    With ``for_device`` the code re-enrolls that enrolled device id (and nothing else);
    without it, it enrolls a new device id only."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    code = new_code()
    now = datetime.now(UTC)
    connection.execute(
        insert(enrollment_codes).values(
            code_hash=hash_secret(code),
            unit_id=unit_id,
            role=role,
            created_at=now.isoformat(timespec="seconds"),
            expires_at=(now + valid_for).isoformat(timespec="seconds"),
            for_device=for_device,
        )
    )
    return code


def add_code_device_column(connection: Connection) -> None:
    """Schema step 3: ``enrollment_codes.for_device`` on a database made before it."""
    columns = {column["name"] for column in inspect(connection).get_columns("enrollment_codes")}
    if "for_device" not in columns:
        connection.exec_driver_sql("ALTER TABLE enrollment_codes ADD COLUMN for_device VARCHAR(64)")


def authenticate(engine: Engine, authorization: str | None, language: str) -> Scope:
    """The scope of the request's bearer token (401 unknown, 403 revoked)."""
    with reading(engine, snapshot=False) as connection:
        return authenticate_on(connection, authorization, language)


_DEVICE_AND_UNIT = select(
    devices.c.device_id,
    devices.c.role,
    devices.c.revoked_at,
    devices.c.last_seen_at,
    *units.c,
).join_from(devices, units, units.c.id == devices.c.unit_id)
_TOKEN_HASH = bindparam("token_hash", type_=String)


def scope_statement(*also: ColumnElement[Any]) -> Select[Any]:
    """The device and unit of a token hash (the ``token_hash`` parameter) and ``also``.

    Made once by each caller and reused: a statement built for every request spent more
    CPU on building and keying it than the database spent on answering it."""
    return _DEVICE_AND_UNIT.add_columns(*also).where(devices.c.token_hash == _TOKEN_HASH)


_SCOPE_ONLY = scope_statement()


def authenticate_on(connection: Connection, authorization: str | None, language: str) -> Scope:
    """``authenticate`` inside the caller's transaction: one query, device and unit."""
    return authenticate_with(connection, _SCOPE_ONLY, authorization, language)[0]


def authenticate_with(
    connection: Connection, statement: Select[Any], authorization: str | None, language: str
) -> tuple[Scope, Row[Any]]:
    """The scope of the request's token read by ``statement`` (from ``scope_statement``),
    and its row, with the columns the caller asked for besides (one round trip)."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(
            401,
            say(
                language,
                "Yêu cầu thiếu mã truy cập (Authorization: Bearer …): hãy đăng ký máy với máy "
                "chủ của thành phố trước khi đồng bộ.",
            ),
        )
    token_hash = hash_secret(authorization[7:].strip())
    row = connection.execute(statement, {"token_hash": token_hash}).first()
    if row is None:
        raise ApiError(
            401,
            say(
                language,
                "Mã truy cập không đúng hoặc máy chưa đăng ký với máy chủ của thành phố: hãy đăng "
                "ký lại "
                "bằng mã đăng ký mới do cán bộ quản trị cấp.",
            ),
        )
    if row.revoked_at is not None:
        raise ApiError(
            403,
            say(
                language,
                "Máy này đã bị thu hồi quyền đồng bộ từ {when}: hãy liên hệ cán bộ quản trị "
                "máy chủ của thành phố để được cấp mã đăng ký mới.",
                when=row.revoked_at,
            ),
        )
    scope = Scope(row.device_id, row.role, unit_tree.unit_from_row(row), row.last_seen_at)
    return scope, row


def needs_seen_note(scope: Scope) -> bool:
    """Whether ``last_seen_at`` is old enough to be written again (it is a write)."""
    if scope.last_seen_at is None:
        return True
    last = datetime.fromisoformat(scope.last_seen_at.replace("Z", "+00:00"))
    return datetime.now(UTC) - last >= LAST_SEEN_EVERY


def note_seen(engine: Engine, scope: Scope) -> None:
    """Record that the device talked to us (at most every few minutes: it is a write)."""
    if not needs_seen_note(scope):
        return
    with writing(engine, sequenced=False) as connection:
        connection.execute(
            update(devices)
            .where(devices.c.device_id == scope.device_id)
            .values(last_seen_at=utc_now())
        )


def enroll(engine: Engine, body: dict[str, Any], language: str) -> dict[str, Any]:
    """Trade a valid code for a device token: ``{token, role, unit, epoch, device_id,
    team_id}`` (``team_id``: the unit's team the server holds, for a team code)."""
    code, device_id = body.get("code"), body.get("device_id")
    device_name = body.get("device_name") or ""
    if not isinstance(code, str) or not code.strip():
        raise ApiError(422, say(language, "Hãy nhập mã đăng ký do cán bộ quản trị cấp."))
    if not is_valid_id(device_id) or not isinstance(device_name, str):
        raise ApiError(
            422,
            say(language, "device_id phải là mã máy (chữ, số, «-»), device_name là văn bản."),
        )
    device_name = device_name[:200]
    if not enrollment_checks.storable_text(device_name):
        raise ApiError(
            422,
            say(
                language,
                "device_name (tên máy) không được chứa ký tự NUL hay ký tự không hợp lệ: hãy "
                "đặt lại tên máy.",
            ),
        )
    code_hash = hash_secret(normalise_code(code))
    with writing(engine, sequenced=False) as connection:
        row = connection.execute(
            select(enrollment_codes)
            .where(enrollment_codes.c.code_hash == code_hash)
            .with_for_update()  # two laptops racing with one code: the second waits, then fails
        ).first()
        row = enrollment_checks.usable_code(row, language)
        known = connection.execute(
            select(devices.c.unit_id, devices.c.revoked_at)
            .where(devices.c.device_id == device_id)
            .with_for_update()
        ).first()
        enrollment_checks.check_identity(row, device_id, known, language)
        connection.execute(
            update(enrollment_codes)
            .where(enrollment_codes.c.code_hash == code_hash)
            .values(used_at=utc_now(), used_by_device=device_id)
        )
        token = new_token()
        if known is None:
            _add_device(connection, device_id, device_name, row, token, language)
        else:
            _reenroll_device(connection, device_id, device_name, row, token, known.unit_id)
        unit = unit_tree.unit_record(connection, row.unit_id)
        epoch = get_meta(connection, "epoch")
        team_id = unit_team(connection, row.unit_id) if row.role == "team" else None
    return {
        "token": token,
        "role": row.role,
        "unit": unit,
        "epoch": epoch,
        "device_id": device_id,
        "team_id": team_id,
    }


def unit_team(connection: Connection, unit_id: str) -> str | None:
    """The id of the team the server already holds for ``unit_id`` (its first), if any:
    a laptop enrolled for that unit takes it instead of pushing a team of its own
    (protocol 3's ``team_id`` in the enroll answer)."""
    found = connection.execute(
        select(records.c.id)
        .where(
            records.c.unit_id == unit_id,
            records.c.entity == "team",
            records.c.deleted.is_(False),
        )
        .order_by(records.c.server_version)
        .limit(1)
    ).first()
    return None if found is None else str(found.id)


def _device_values(name: str, code: Row[Any], token: str) -> dict[str, Any]:
    return {
        "device_name": name,
        "unit_id": code.unit_id,
        "role": code.role,
        "token_hash": hash_secret(token),
        "enrolled_at": utc_now(),
        "last_seen_at": utc_now(),
    }


def _add_device(
    connection: Connection, device_id: str, name: str, code: Row[Any], token: str, language: str
) -> None:
    """Bind a new device id to the code's unit and role with a new token."""
    try:
        connection.execute(
            insert(devices).values(device_id=device_id, **_device_values(name, code, token))
        )
    except IntegrityError:  # another laptop enrolled this id a moment ago (PostgreSQL)
        # The transaction rolls back.
        raise enrollment_checks.already_enrolled(device_id, language) from None


def _reenroll_device(
    connection: Connection,
    device_id: str,
    name: str,
    code: Row[Any],
    token: str,
    previous_unit: str,
) -> None:
    """Give an enrolled device id a new token with a code made for it: the old token stops,
    the key that signed its bundles is forgotten, and the audit log says so."""
    connection.execute(
        update(devices)
        .where(devices.c.device_id == device_id)
        .values(_device_values(name, code, token))
    )
    connection.execute(delete(device_keys).where(device_keys.c.device_id == device_id))
    audit.write(
        connection,
        "device.reenroll",
        device_id,
        unit=code.unit_id,
        role=code.role,
        previous_unit=previous_unit,
        code_for=code.for_device,
    )


def revoke(connection: Connection, device_id: str) -> bool:
    """Revoke a device's token; False when no such device is enrolled."""
    result = connection.execute(
        update(devices)
        .where(devices.c.device_id == device_id, devices.c.revoked_at.is_(None))
        .values(revoked_at=utc_now())
    )
    return result.rowcount > 0
