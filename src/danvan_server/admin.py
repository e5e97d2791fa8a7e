"""Server administration: initialise, units, enrollment codes, revocation, handbook, status.

The ``danvan-server`` commands call these functions, and so do tests that need a
server with units and enrolled devices. Messages here are for the city's IT
officer and are in English.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, inspect, select

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.private_files import private_dir
from danvan_server import audit, auth, city_fields, schema
from danvan_server import records as stored
from danvan_server import units as unit_tree
from danvan_server.db import (
    SERVER_SCHEMA_VERSION,
    applied_ops,
    blobs,
    devices,
    enrollment_codes,
    get_meta,
    meta,
    read_sequence,
    reading,
    records,
    seq_counter,
    write_sequence,
    writing,
)

DEFAULT_CODE_DAYS = 7


class AdminError(RuntimeError):
    """An admin command that cannot be carried out (the message says what to do)."""


def is_initialised(engine: Engine) -> bool:
    """True when ``init`` has run on this database."""
    if not inspect(engine).has_table("meta"):
        return False
    with reading(engine) as connection:
        return get_meta(connection, "epoch") is not None


def initialise(engine: Engine, attachments_dir: Path) -> str:
    """Create the schema, the epoch and the attachments folder; return the epoch."""
    if is_initialised(engine):
        raise AdminError("this database is already initialised; its data was left untouched")
    folder = attachments_dir.expanduser().resolve()
    private_dir(folder)  # the teams' photos: 0700 (and any parent it has to make)
    schema.create(engine)
    epoch = uuid7()
    with engine.begin() as connection:
        connection.execute(
            insert(meta),
            [
                {"key": "epoch", "value": epoch},
                {"key": "schema_version", "value": str(SERVER_SCHEMA_VERSION)},
                {"key": "attachments_dir", "value": str(folder)},
                {"key": "created_at", "value": stored.utc_now()},
            ],
        )
        connection.execute(insert(seq_counter).values(id=1, value=0))
    return epoch


def attachments_dir(engine: Engine) -> Path:
    """The attachments folder chosen at ``init``."""
    if not is_initialised(engine):
        raise AdminError("the database is not initialised: run `danvan-server init` first")
    schema.upgrade(engine)
    with reading(engine) as connection:
        version = get_meta(connection, "schema_version")
        folder = get_meta(connection, "attachments_dir")
    if version != str(SERVER_SCHEMA_VERSION):
        raise AdminError(
            f"the database has server schema {version}, this release reads "
            f"{SERVER_SCHEMA_VERSION}: use the matching release of danvan-server"
        )
    return Path(folder or "attachments")


def make_code(
    engine: Engine,
    unit_ref: str,
    role: str,
    valid_for: timedelta | None = None,
    *,
    for_device: str | None = None,
) -> tuple[str, unit_tree.Unit]:
    """A new single-use enrollment code for a unit and role, and the unit.

    Without ``for_device`` the code enrolls a new device id only. With it, the code
    re-enrolls that enrolled, unrevoked device id (a laptop restored onto new hardware,
    or moved to another unit); making it is written to the audit log."""
    if role not in auth.ROLES:
        raise AdminError(f"role must be one of {', '.join(auth.ROLES)}")
    attachments_dir(engine)  # an older schema gains the codes' device column first
    with writing(engine, sequenced=False) as connection:
        unit = _find_unit(connection, unit_ref)
        if role == "reviewer" and unit.level == "village":
            raise AdminError("a reviewer belongs to a commune or the city, not to a village")
        if for_device is not None:
            _check_reenrollable(connection, for_device)
        valid_for = valid_for or timedelta(days=DEFAULT_CODE_DAYS)
        code = auth.create_code(connection, unit.id, role, valid_for, for_device=for_device)
        if for_device is not None:
            audit.write(connection, "device.reenroll_code", for_device, unit=unit.id, role=role)
    return code, unit


def _check_reenrollable(connection: Any, device_id: str) -> None:
    """AdminError unless ``device_id`` is enrolled and not revoked."""
    row = connection.execute(
        select(devices.c.revoked_at).where(devices.c.device_id == device_id)
    ).first()
    if row is None:
        raise AdminError(
            f"no enrolled device {device_id!r} (see `devices`): a new laptop needs a code "
            "without --device"
        )
    if row.revoked_at is not None:
        raise AdminError(
            f"device {device_id!r} was revoked at {row.revoked_at} and stays revoked: enroll "
            "the laptop under a new device id, with a code made without --device"
        )


def _find_unit(connection: Any, unit_ref: str) -> unit_tree.Unit:
    try:
        return unit_tree.find(connection, unit_ref)
    except unit_tree.UnitError as exc:
        raise AdminError(str(exc)) from None


def revoke_device(engine: Engine, device_id: str) -> None:
    """Revoke a device's token (AdminError when it is unknown or already revoked)."""
    with writing(engine, sequenced=False) as connection:
        if not auth.revoke(connection, device_id):
            raise AdminError(f"no enrolled, unrevoked device {device_id!r}: see `devices`")


def list_devices(engine: Engine) -> list[dict[str, Any]]:
    """Every enrolled device with its unit name, newest enrollment first."""
    with reading(engine) as connection:
        names = {u.id: u.name for u in unit_tree.all_units(connection)}
        rows = connection.execute(select(devices).order_by(devices.c.enrolled_at.desc()))
        return [
            {
                "device_id": r.device_id,
                "device_name": r.device_name,
                "role": r.role,
                "unit": names.get(r.unit_id, r.unit_id),
                "enrolled_at": r.enrolled_at,
                "last_seen_at": r.last_seen_at,
                "revoked_at": r.revoked_at,
            }
            for r in rows
        ]


def add_units(engine: Engine, level: str, **options: Any) -> unit_tree.Unit:
    """Add a city (``province``), a commune (``code``) or a village (``commune``, ``name``)."""
    with writing(engine) as connection:
        try:
            if level == "city":
                city = unit_tree.add_city(connection, int(options["province"]))
                city_fields.publish_defaults(connection)  # the city's six model fields
                return city
            if level == "commune":
                commune = unit_tree.add_commune(connection, int(options["code"]))
                city_fields.publish_defaults(connection)  # its city's, when just added
                return commune
            commune = unit_tree.find(connection, str(options["commune"]))
            return unit_tree.add_village(
                connection, commune, str(options["name"]), str(options.get("kind") or "thon")
            )
        except unit_tree.UnitError as exc:
            raise AdminError(str(exc)) from None


def list_units(engine: Engine) -> list[unit_tree.Unit]:
    """Every unit, parents before children."""
    with reading(engine) as connection:
        return unit_tree.all_units(connection)


@dataclass(frozen=True)
class Published:
    """A handbook document as published: its record id and version."""

    record_id: str
    doc_version: int
    unit: unit_tree.Unit


def _title_of(text: str, fallback: str) -> str:
    for line in text.splitlines():
        heading = re.match(r"#+\s+(.+)", line.strip())
        if heading:
            return heading.group(1).strip()
    return fallback


def publish(
    engine: Engine,
    path: Path,
    unit_ref: str,
    *,
    slug: str | None = None,
    title: str | None = None,
    section: str | None = None,
    position: int | None = None,
) -> Published:
    """Publish a markdown or text file as a handbook document to a unit and all below it."""
    try:
        body = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AdminError(f"cannot read {path} as UTF-8 text: {exc}") from None
    slug = slug or path.stem
    with writing(engine) as connection:
        unit = _find_unit(connection, unit_ref)
        existing = _handbook_doc(connection, unit.id, slug)
        if existing is None:
            fields = stored.empty_fields("handbook_doc")
            record = stored.StoredRecord(
                "handbook_doc", uuid7(), unit.id, unit.path, 0, False, fields
            )
        else:
            record = existing
        record.fields.update(
            slug=slug,
            title=title or _title_of(body, slug),
            section=section if section is not None else record.fields.get("section"),
            position_order=position
            if position is not None
            else record.fields.get("position_order"),
            body=body,
            doc_version=int(record.fields.get("doc_version") or 0) + 1,
            source="province",
            published_at=stored.utc_now(),
        )
        record.deleted = False
        record.updated_by = None
        record.server_version = read_sequence(connection) + 1
        stored.write(connection, [record])
        write_sequence(connection, record.server_version)
    return Published(record.id, int(record.fields["doc_version"]), unit)


def _handbook_doc(connection: Any, unit_id: str, slug: str) -> stored.StoredRecord | None:
    rows = connection.execute(
        select(records.c.id, records.c.fields).where(
            records.c.entity == "handbook_doc", records.c.unit_id == unit_id
        )
    )
    for row in rows:
        if json.loads(row.fields).get("slug") == slug:
            return stored.fetch_one(connection, "handbook_doc", row.id)
    return None


def status(engine: Engine) -> dict[str, Any]:
    """Figures for ``danvan-server status``."""
    with reading(engine) as connection:
        by_entity: dict[str, int] = dict(
            connection.execute(
                select(records.c.entity, func.count())
                .where(records.c.deleted.is_(False))
                .group_by(records.c.entity)
            ).all()
        )
        active = connection.execute(
            select(func.count()).where(devices.c.revoked_at.is_(None))
        ).scalar_one()
        return {
            "database": engine.url.render_as_string(hide_password=True),
            "epoch": get_meta(connection, "epoch"),
            "attachments_dir": get_meta(connection, "attachments_dir"),
            "high_seq": read_sequence(connection),
            "units": len(unit_tree.all_units(connection)),
            "devices_active": active,
            "devices_total": connection.execute(
                select(func.count()).select_from(devices)
            ).scalar_one(),
            "unused_codes": connection.execute(
                select(func.count()).where(enrollment_codes.c.used_at.is_(None))
            ).scalar_one(),
            "operations_applied": connection.execute(
                select(func.count()).select_from(applied_ops)
            ).scalar_one(),
            "records": {k: int(v) for k, v in sorted(by_entity.items())},
            "attachments": connection.execute(select(func.count()).select_from(blobs)).scalar_one(),
            "attachment_bytes": int(
                connection.execute(select(func.coalesce(func.sum(blobs.c.size), 0))).scalar_one()
            ),
        }
