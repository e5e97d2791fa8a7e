"""The city's list of model fields (lĩnh vực), published like the handbook.

The fields are ``model_field`` records in the city unit, written by no device. Each id
comes from its code (``field-<code>``), so every laptop's setup makes the same six
defaults under the same ids without sending them (store/model_fields.py), and the pull
(``pull.INHERITED_ENTITIES``) overwrites them in place: the city's renames reach every
team. A team's own fields stay in its village and sync as before.

A code never changes and is never reused: ``fields set`` refuses a file that gives a
field's name a new code or brings back a removed code. Nor does the city take a team's
code: a team's own fields have codes starting with ``to_`` (``TEAM_CODE_PREFIX``,
store/model_fields.py), which the city may not use, and a new city code that a team's
own field already has (one made before that prefix) is refused: a team's field must
never give way to a city field of the same code. A field left out of the file
becomes a tombstone that keeps its last name (its models keep their code).

The records are marked for laptops of store schema ``CITY_FIELDS_SINCE_SCHEMA`` or
later: the released client (schema 7) made its own six at setup under random ids and
would list a second copy of each.

``danvan-server fields show [--json]`` lists the city's fields; ``fields set FILE`` takes
a JSON list of ``{"code": ..., "name": ..., "order": ...}`` (the shape ``show --json``
prints). A city unit gets today's six defaults when it is added (and, on a database
that had a city before schema 5, at the upgrade), so a city that never runs
``fields set`` still has them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, select, update

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
from danvan_server import checks
from danvan_server import records as stored
from danvan_server.db import read_sequence, reading, records, units, write_sequence, writing

COMMANDS = ("fields",)
ID_PREFIX = "field-"
# The first laptop store schema whose setup makes the defaults under the city's ids.
CITY_FIELDS_SINCE_SCHEMA = 15
# The codes of a team's own fields start with this (store/model_fields.py): never the city's.
TEAM_CODE_PREFIX = "to_"
_CODE = re.compile(r"[a-z0-9_]{1,40}")


class FieldsError(Exception):
    """A list of fields the server cannot take, with what to fix."""


@dataclass(frozen=True)
class CityField:
    """One of the city's fields as published (``removed``: a tombstone)."""

    code: str
    name: str
    order: int
    removed: bool = False


def field_id(code: str) -> str:
    """The record id of the city's field ``code``."""
    return f"{ID_PREFIX}{code}"


def is_city_field(record_id: str) -> bool:
    """Whether ``record_id`` names one of the city's fields."""
    return record_id.startswith(ID_PREFIX)


# -- reading ----------------------------------------------------------------------------
def city_unit(connection: Connection) -> tuple[str, str]:
    """The city unit's (id, path); FieldsError when there is none."""
    row = connection.execute(
        select(units.c.id, units.c.path).where(units.c.level == "city").order_by(units.c.id)
    ).first()
    if row is None:
        raise FieldsError("there is no city unit yet: add it with `danvan-server units add-city`")
    return str(row.id), str(row.path)


def held(connection: Connection, unit_id: str) -> dict[str, stored.StoredRecord]:
    """The city's field records, live and removed, by code."""
    ids = connection.execute(
        select(records.c.id).where(records.c.entity == "model_field", records.c.unit_id == unit_id)
    ).scalars()
    found = stored.fetch(connection, [("model_field", str(i)) for i in ids])
    return {str(r.fields.get("code")): r for r in found.values()}


def show(engine: Engine) -> list[CityField]:
    """The city's fields in order, the removed ones last."""
    with reading(engine) as connection:
        unit_id, _path = city_unit(connection)
        fields = [
            CityField(
                str(r.fields.get("code")),
                str(r.fields.get("name")),
                int(r.fields.get("position_order") or 0),
                r.deleted,
            )
            for r in held(connection, unit_id).values()
        ]
    return sorted(fields, key=lambda f: (f.removed, f.order, f.code))


# -- the file ----------------------------------------------------------------------------
def read_list(path: Path) -> list[CityField]:
    """The fields of a JSON file, each checked; FieldsError naming the entry to fix."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise FieldsError(f"cannot read {path} as a JSON list of fields: {exc}") from None
    if not isinstance(data, list) or not data:
        raise FieldsError(f'{path}: give a JSON list of {{"code", "name", "order"}} objects')
    fields = [_entry(i, item) for i, item in enumerate(data, start=1)]
    codes: set[str] = set()
    names: dict[str, str] = {}
    for field in fields:
        if field.code in codes:
            raise FieldsError(f"code {field.code} is listed twice: give each field its own code")
        folded = fold_vietnamese(field.name)
        if folded in names:
            raise FieldsError(
                f"«{field.name}» ({field.code}) has the name of {names[folded]}: "
                "give each field its own name"
            )
        codes.add(field.code)
        names[folded] = field.code
    return fields


def _entry(index: int, item: object) -> CityField:
    if not isinstance(item, dict):
        raise FieldsError(f'entry {index}: give an object {{"code", "name", "order"}}')
    code, name, order = item.get("code"), item.get("name"), item.get("order", index)
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise FieldsError(
            f"entry {index}: code {code!r} must be 1 to 40 lower-case letters a-z, digits or _"
        )
    if code.startswith(TEAM_CODE_PREFIX):
        raise FieldsError(
            f"entry {index}: code {code} starts with {TEAM_CODE_PREFIX}, which the teams' own "
            "fields use: give the city's field a code that does not"
        )
    if not isinstance(name, str) or not " ".join(name.split()):
        raise FieldsError(f"entry {index} ({code}): give the field a name")
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    problem = checks.value_problem(ENTITIES["model_field"].field("name"), name, "en")
    if problem:
        raise FieldsError(f"entry {index} ({code}): {problem}")
    if not isinstance(order, int) or isinstance(order, bool):
        raise FieldsError(f"entry {index} ({code}): order must be a whole number")
    return CityField(code, name, order)


# -- writing -----------------------------------------------------------------------------
def set_fields(engine: Engine, path: Path) -> list[str]:
    """Publish the file's list as the city's fields; what changed, one line each."""
    wanted = read_list(path)
    with writing(engine) as connection:
        unit_id, unit_path = city_unit(connection)
        current = held(connection, unit_id)
        _refuse_changed_codes(wanted, current)
        _refuse_team_codes(connection, unit_id, [f.code for f in wanted if f.code not in current])
        return _publish(connection, unit_id, unit_path, wanted, current)


def _refuse_team_codes(connection: Connection, city_id: str, codes: list[str]) -> None:
    """A new city code may not be one a team's own live field already has (read once,
    for an administrator's command)."""
    wanted = set(codes) - {code for code, _name in DEFAULT_MODEL_FIELDS}
    if not wanted:
        return
    rows = connection.execute(
        select(records.c.fields).where(
            records.c.entity == "model_field",
            records.c.unit_id != city_id,
            records.c.deleted.is_(False),
        )
    )
    for row in rows:
        fields = json.loads(row.fields)
        if fields.get("code") in wanted:
            raise FieldsError(
                f"code {fields['code']} is a team's own field («{fields.get('name')}»): a "
                "team's field keeps its code, so give the city's field another code"
            )


def _refuse_changed_codes(wanted: list[CityField], current: dict[str, stored.StoredRecord]) -> None:
    """A code never changes (a live field's name under a new code) nor comes back."""
    live = {
        fold_vietnamese(str(r.fields.get("name"))): code
        for code, r in current.items()
        if not r.deleted
    }
    for field in wanted:
        was = current.get(field.code)
        if was is not None and was.deleted:
            raise FieldsError(
                f"code {field.code} was removed («{was.fields.get('name')}»): a code is never "
                "reused; give the field a new code"
            )
        other = live.get(fold_vietnamese(field.name))
        if was is None and other is not None:
            raise FieldsError(
                f"«{field.name}» has code {other}: a field's code never changes; "
                f"keep code {other} in the file"
            )


def _publish(
    connection: Connection,
    unit_id: str,
    unit_path: str,
    wanted: list[CityField],
    current: dict[str, stored.StoredRecord],
) -> list[str]:
    changed: list[stored.StoredRecord] = []
    said: list[str] = []
    for field in wanted:
        record = current.get(field.code)
        values = {"code": field.code, "name": field.name, "position_order": field.order}
        if record is None:
            fields = {**stored.empty_fields("model_field"), **values}
            record = stored.StoredRecord(
                "model_field", field_id(field.code), unit_id, unit_path, 0, False, fields
            )
            said.append(f"added {field.code}: {field.name}")
        elif any(record.fields.get(k) != v for k, v in values.items()):
            if record.fields.get("name") != field.name:
                said.append(f"renamed {field.code}: {record.fields.get('name')} → {field.name}")
            else:
                said.append(f"moved {field.code} to {field.order}")
            record.fields.update(values)
        else:
            continue
        changed.append(record)
    codes = {f.code for f in wanted}
    for code, record in current.items():
        if code not in codes and not record.deleted:
            record.deleted = True  # the tombstone keeps its last name
            said.append(f"removed {code}: {record.fields.get('name')}")
            changed.append(record)
    _write(connection, changed)
    return said


def _write(connection: Connection, changed: list[stored.StoredRecord]) -> None:
    """Write the records, each a new version by no device, for laptops that store them."""
    if not changed:
        return
    sequence = read_sequence(connection)
    for record in changed:
        sequence += 1
        record.server_version = sequence
        record.updated_by = None
    stored.write(connection, changed)
    write_sequence(connection, sequence)
    connection.execute(
        update(records)
        .where(records.c.entity == "model_field", records.c.id.in_([r.id for r in changed]))
        .values(min_schema=CITY_FIELDS_SINCE_SCHEMA)
    )


def publish_defaults(connection: Connection) -> None:
    """Give each city unit without fields today's six defaults (in a sequenced write)."""
    for row in connection.execute(select(units.c.id, units.c.path).where(units.c.level == "city")):
        if held(connection, str(row.id)):
            continue
        defaults = [
            CityField(code, name, order)
            for order, (code, name) in enumerate(DEFAULT_MODEL_FIELDS, start=1)
        ]
        _publish(connection, str(row.id), str(row.path), defaults, {})


# -- the command -------------------------------------------------------------------------
def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``fields show [--json]`` and ``fields set FILE``."""
    fields = commands.add_parser("fields", help="the city's list of model fields")
    actions = fields.add_subparsers(dest="fields_command", required=True)
    shown = actions.add_parser("show", help="list the city's fields")
    shown.add_argument("--json", action="store_true", help="print the list `fields set` takes")
    given = actions.add_parser("set", help="publish a JSON list of code, name, order")
    given.add_argument("file", type=Path)


def run(args: argparse.Namespace, engine: Engine) -> int:
    """Run ``fields show`` or ``fields set``; 1 with the problem on stderr."""
    try:
        if args.fields_command == "show":
            _print_fields(show(engine), as_json=args.json)
            return 0
        said = set_fields(engine, args.file)
    except FieldsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(said) if said else "the city's fields are already this list")
    return 0


def _print_fields(fields: list[CityField], *, as_json: bool) -> None:
    if as_json:
        live = [{"code": f.code, "name": f.name, "order": f.order} for f in fields if not f.removed]
        print(json.dumps(live, ensure_ascii=False, indent=2))
        return
    for field in fields:
        mark = "  (removed)" if field.removed else ""
        print(f"{field.order:>3}  {field.code}  {field.name}{mark}")
