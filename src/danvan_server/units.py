"""The unit tree (city → communes → villages) that scopes every token and record.

Communes come from the ``vietnam-provinces`` package with their official codes;
villages and residential groups are typed by the admin (no package lists them).
Each unit is also a synced ``unit`` record, so laptops pull the names they show.
A unit's ``path`` ("/city/commune/village/") makes "everything below" a prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, insert, select
from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vocab import VILLAGE_KINDS
from danvan_server import records as stored
from danvan_server.db import read_sequence, units, write_sequence

LEVELS = ("city", "commune", "village")


class UnitError(ValueError):
    """A unit that cannot be added or found (the message says why)."""


@dataclass(frozen=True)
class Unit:
    """One node of the unit tree."""

    id: str
    level: str
    parent_id: str | None
    path: str
    name: str
    province_code: int
    commune_code: int | None

    @property
    def ancestor_ids(self) -> tuple[str, ...]:
        """The units above this one, nearest last (city first)."""
        parts = [p for p in self.path.split("/") if p]
        return tuple(parts[:-1])


def unit_from_row(row: Row[Any]) -> Unit:
    """A unit from a row holding the ``units`` columns."""
    return Unit(
        id=row.id,
        level=row.level,
        parent_id=row.parent_id,
        path=row.path,
        name=row.name,
        province_code=int(row.province_code),
        commune_code=row.commune_code,
    )


def get(connection: Connection, unit_id: str) -> Unit | None:
    """The unit with this id, or None."""
    row = connection.execute(select(units).where(units.c.id == unit_id)).first()
    return None if row is None else unit_from_row(row)


def all_units(connection: Connection) -> list[Unit]:
    """Every unit, parents before children."""
    rows = connection.execute(select(units).order_by(units.c.path))
    return [unit_from_row(r) for r in rows]


def find(connection: Connection, reference: str) -> Unit:
    """A unit by id, or a commune by its official code, or a city by ``city:<code>``."""
    reference = reference.strip()
    if reference.startswith("city:") and reference[5:].isdigit():
        query = select(units).where(
            units.c.level == "city", units.c.province_code == int(reference[5:])
        )
    elif reference.isdigit():
        query = select(units).where(
            units.c.level == "commune", units.c.commune_code == int(reference)
        )
    else:
        query = select(units).where(units.c.id == reference)
    row = connection.execute(query).first()
    if row is None:
        raise UnitError(f"no unit {reference!r}: see `danvan-server units list`")
    return unit_from_row(row)


def province_name(code: int) -> str:
    """The official name of a province (UnitError when unknown)."""
    try:
        return Province.from_code(ProvinceCode(code)).name
    except ValueError:
        raise UnitError(f"no province with code {code} (Huế is 46)") from None


def _ward(code: int) -> Ward:
    try:
        return Ward.from_code(WardCode(code))
    except ValueError:
        raise UnitError(f"no commune or ward with code {code} in vietnam-provinces") from None


def add_city(connection: Connection, province_code: int) -> Unit:
    """Add the province-level unit (Huế: 46); in a write transaction."""
    name = province_name(province_code)
    existing = connection.execute(
        select(units).where(units.c.level == "city", units.c.province_code == province_code)
    ).first()
    if existing is not None:
        raise UnitError(f"{name} is already unit {existing.id}")
    return _add(connection, "city", name, province_code, None, None)


def add_commune(connection: Connection, commune_code: int) -> Unit:
    """Add a commune or ward under its province's unit (added first when missing)."""
    ward = _ward(commune_code)
    province_code = int(ward.province_code)
    existing = connection.execute(
        select(units).where(units.c.level == "commune", units.c.commune_code == commune_code)
    ).first()
    if existing is not None:
        raise UnitError(f"{ward.name} is already unit {existing.id}")
    try:
        city = find(connection, f"city:{province_code}")
    except UnitError:
        city = add_city(connection, province_code)
    return _add(connection, "commune", ward.name, province_code, commune_code, city)


def add_village(connection: Connection, commune: Unit, name: str, kind: str) -> Unit:
    """Add a village or residential group under a commune unit."""
    name = " ".join(name.split())
    if commune.level != "commune":
        raise UnitError(f"{commune.name} is a {commune.level}: villages belong to a commune")
    if not name:
        raise UnitError("a village needs a name")
    if kind not in VILLAGE_KINDS:
        raise UnitError(f"kind must be one of {', '.join(VILLAGE_KINDS)}")
    siblings = connection.execute(
        select(units.c.id).where(units.c.parent_id == commune.id, units.c.name == name)
    ).first()
    if siblings is not None:
        raise UnitError(f"{commune.name} already has {name} (unit {siblings.id})")
    return _add(
        connection,
        "village",
        name,
        commune.province_code,
        commune.commune_code,
        commune,
        village_kind=kind,
    )


def _add(
    connection: Connection,
    level: str,
    name: str,
    province_code: int,
    commune_code: int | None,
    parent: Unit | None,
    *,
    village_kind: str | None = None,
) -> Unit:
    unit_id = uuid7()
    path = f"{parent.path if parent else '/'}{unit_id}/"
    unit = Unit(
        unit_id, level, parent.id if parent else None, path, name, province_code, commune_code
    )
    connection.execute(
        insert(units).values(
            id=unit.id,
            level=level,
            parent_id=unit.parent_id,
            path=path,
            name=name,
            province_code=province_code,
            commune_code=commune_code,
            created_at=stored.utc_now(),
        )
    )
    fields = stored.empty_fields("unit")
    fields.update(
        level=level,
        province_code=province_code,
        commune_code=commune_code,
        commune_name=_ward(commune_code).name if commune_code else None,
        name=name,
        village_kind=village_kind,
        parent_unit_id=unit.parent_id,
    )
    seq = read_sequence(connection) + 1
    record = stored.StoredRecord("unit", unit_id, unit_id, path, seq, False, fields)
    stored.write(connection, [record])
    write_sequence(connection, seq)
    return unit


def unit_record(connection: Connection, unit_id: str) -> dict[str, object]:
    """The unit as the laptop stores it: id, unit_id, server_version and its fields."""
    record = stored.fetch_one(connection, "unit", unit_id)
    if record is None:
        raise UnitError(f"no unit record {unit_id}")
    return {
        "id": record.id,
        "unit_id": record.unit_id,
        "server_version": record.server_version,
        **record.fields,
    }
