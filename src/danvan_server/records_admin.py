"""An operator's repair or removal of a stored record, and the audit log that records it.

    danvan-server records show ID [--entity E] [--json]
    danvan-server records repair ID FIELD=VALUE... --reason TEXT [--entity E]
    danvan-server records remove ID --reason TEXT [--entity E]
    danvan-server audit [--subject ID] [--json]

A record holding a value a laptop cannot store (one accepted before the server
checked it) is set aside by every laptop that pulls it. The operator repairs it
here: the repair is a new version of the record with a new sequence number, so
every laptop in scope pulls it as it would pull a laptop's edit; a removal is a
tombstone with a new sequence number, as a laptop's delete makes. Both write the
record the way ``admin.publish`` does (under the sequence lock, through
``records.write``) and write one audit row in the same transaction. Values are
checked as a push checks them (``checks.value_problem``). Output is English.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from danvan_desktop.core.schema import ENTITIES, FieldSpec
from danvan_desktop.sync.protocol import CONFLICT_ENTITY, CONFLICT_FIELDS
from danvan_server import audit, checks
from danvan_server import records as stored
from danvan_server import units as unit_tree
from danvan_server.db import read_sequence, reading, records, write_sequence, writing

COMMANDS = ("records", "audit")
EXIT_REFUSED = 2
LANGUAGE = "en"  # the operator's messages
_TEXT_KINDS = ("text", "long_text", "date", "datetime", "ref")


class RecordRefused(ValueError):
    """A repair or removal that cannot be made (the message says why and what to do)."""


@dataclass(frozen=True)
class Written:
    """A record version an operator wrote: the record and the fields it changed."""

    record: stored.StoredRecord
    changed: dict[str, Any]


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``FIELD=VALUE`` items as {field: the value as typed}."""
    typed: dict[str, str] = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise RecordRefused(f"{item!r} is not FIELD=VALUE (for example year=2026)")
        typed[name.strip()] = text
    return typed


def parse_value(spec: FieldSpec, text: str) -> Any:
    """A typed value: JSON when it parses as JSON, else the text itself. A text field
    keeps the text as typed unless it is a JSON string or null (name=2026 is a name)."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if spec.kind in _TEXT_KINDS and value is not None and not isinstance(value, str):
        return text
    return value


def find(connection: Connection, record_id: str, entity: str | None = None) -> stored.StoredRecord:
    """The stored record with this id (``entity`` tells apart two with the same id)."""
    query = select(records.c.entity).where(records.c.id == record_id)
    if entity is not None:
        query = query.where(records.c.entity == entity)
    entities = sorted(str(row.entity) for row in connection.execute(query))
    if not entities:
        where = f" of entity {entity!r}" if entity else ""
        raise RecordRefused(f"no record {record_id!r}{where} on this server")
    if len(entities) > 1:
        raise RecordRefused(
            f"{len(entities)} records have the id {record_id!r} ({', '.join(entities)}): "
            "add --entity"
        )
    found = stored.fetch_one(connection, entities[0], record_id)
    assert found is not None  # read in the same transaction
    return found


def _field_specs(entity: str) -> tuple[FieldSpec, ...]:
    """The fields of a record's entity; a conflict's values are any JSON value."""
    spec = ENTITIES.get(entity)
    if spec is not None:
        return spec.fields
    if entity == CONFLICT_ENTITY:
        return tuple(FieldSpec(name, "json", name) for name in CONFLICT_FIELDS)
    return ()


def field_problems(record: stored.StoredRecord) -> dict[str, str]:
    """The record's stored values a push would refuse, by field (a laptop refuses them too)."""
    problems: dict[str, str] = {}
    for field in _field_specs(record.entity):
        value = record.fields.get(field.name)
        as_sent = record.entity != CONFLICT_ENTITY  # a conflict's values are JSON, not text
        problem = checks.value_problem(field, value, LANGUAGE, as_sent=as_sent)
        if problem:
            problems[field.name] = problem
    return problems


def show(engine: Engine, record_id: str, entity: str | None = None) -> dict[str, Any]:
    """The stored record, its unit and version, and the values a laptop would refuse."""
    with reading(engine) as connection:
        record = find(connection, record_id, entity)
        unit = unit_tree.get(connection, record.unit_id)
    return {
        "entity": record.entity,
        "id": record.id,
        "unit_id": record.unit_id,
        "unit": unit.name if unit else None,
        "server_version": record.server_version,
        "deleted": record.deleted,
        "updated_by": record.updated_by,
        "fields": record.fields,
        "problems": field_problems(record),
    }


def _checked_values(record: stored.StoredRecord, typed: dict[str, str]) -> dict[str, Any]:
    """The typed values parsed for their fields, each checked as a push checks it."""
    spec = ENTITIES.get(record.entity)
    if spec is None:
        raise RecordRefused(
            f"a {record.entity} record cannot be repaired field by field: remove it instead "
            f"(records remove {record.id} --reason ...)"
        )
    checked: dict[str, Any] = {}
    for name, text in typed.items():
        if name not in spec.field_names:
            raise RecordRefused(
                f"{record.entity} has no field {name!r}; its fields: {', '.join(spec.field_names)}"
            )
        field = spec.field(name)
        value = parse_value(field, text)
        problem = checks.value_problem(field, value, LANGUAGE)
        if problem:
            raise RecordRefused(f"{name}={text}: {problem}")
        checked[name] = value
    return checked


def _refuse_still_bad(record: stored.StoredRecord) -> None:
    """A repair must leave a record every laptop can store: name the fields still bad."""
    left = field_problems(record)
    if left:
        detail = "; ".join(f"{name}: {problem}" for name, problem in left.items())
        raise RecordRefused(
            f"{record.entity} {record.id} would still hold values laptops refuse ({detail}): "
            f"repair {', '.join(left)} in the same command, or remove the record"
        )


def _reasoned(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise RecordRefused("--reason must say why (it is kept in the audit log)")
    return reason


def _write_version(connection: Connection, record: stored.StoredRecord) -> None:
    """Give the record the next sequence number and write it (the sequence lock is held)."""
    record.server_version = read_sequence(connection) + 1
    record.updated_by = None  # the server's own change, like a published handbook document
    stored.write(connection, [record])
    write_sequence(connection, record.server_version)


def _loggable(value: Any) -> Any:
    """``value`` with text that UTF-8 cannot carry (a lone surrogate) escaped, for the log."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_loggable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _loggable(v) for k, v in value.items()}
    return value


def repair(
    engine: Engine,
    record_id: str,
    typed: dict[str, str],
    *,
    reason: str,
    entity: str | None = None,
) -> Written:
    """Write a new version of the record with the typed values (``parse_value``), each
    checked as a push checks it; one audit row in the same transaction."""
    reason = _reasoned(reason)
    if not typed:
        raise RecordRefused("give at least one FIELD=VALUE to repair")
    with writing(engine) as connection:
        record = find(connection, record_id, entity)
        checked = _checked_values(record, typed)
        before = {name: record.fields.get(name) for name in checked}
        record.fields.update(checked)
        _refuse_still_bad(record)
        _write_version(connection, record)
        audit.write(
            connection,
            "record.repair",
            record.id,
            entity=record.entity,
            server_version=record.server_version,
            fields=_loggable(checked),
            before=_loggable(before),
            reason=reason,
        )
    return Written(record, checked)


def remove(
    engine: Engine, record_id: str, *, reason: str, entity: str | None = None
) -> stored.StoredRecord:
    """Make the record a tombstone with a new version, as a laptop's delete does; audited.

    A tombstone keeps the last fields, except the values laptops refuse: those become
    null, so that every laptop can apply the tombstone."""
    reason = _reasoned(reason)
    with writing(engine) as connection:
        record = find(connection, record_id, entity)
        if record.deleted:
            raise RecordRefused(
                f"{record.entity} {record.id} is removed already (version {record.server_version})"
            )
        before = dict(record.fields)
        cleared = sorted(field_problems(record))
        record.fields.update(dict.fromkeys(cleared))
        record.deleted = True
        _write_version(connection, record)
        audit.write(
            connection,
            "record.remove",
            record.id,
            entity=record.entity,
            server_version=record.server_version,
            fields=_loggable(before),
            cleared=cleared,
            reason=reason,
        )
    return record


# -- the commands --------------------------------------------------------------------
def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``records show|repair|remove`` and ``audit`` to ``danvan-server``."""
    group = commands.add_parser("records", help="show, repair or remove a stored record")
    actions = group.add_subparsers(dest="records_command", required=True)
    shown = actions.add_parser("show", help="the stored record and the values laptops refuse")
    fixed = actions.add_parser("repair", help="write a new version with corrected fields")
    gone = actions.add_parser("remove", help="remove the record (a tombstone laptops pull)")
    for action in (shown, fixed, gone):
        action.add_argument("record_id", metavar="ID")
        action.add_argument("--entity", help="the entity, when two records share the id")
    shown.add_argument("--json", action="store_true")
    fixed.add_argument(
        "assignments",
        nargs="+",
        metavar="FIELD=VALUE",
        help="a value that parses as JSON is taken as JSON (year=2026, name=null), else as "
        "text; a text field keeps what was typed unless it is a JSON string or null",
    )
    for action in (fixed, gone):
        action.add_argument("--reason", required=True, help="why: kept in the audit log")
    log = commands.add_parser("audit", help="the operators' audit log, oldest first")
    log.add_argument("--subject", help="only the rows about this record or device id")
    log.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, engine: Engine) -> int:
    """Run one records or audit command; 2 with a one-line error when it is refused."""
    try:
        if args.command == "audit":
            _print_audit(audit.entries(engine, subject=args.subject), as_json=args.json)
        elif args.records_command == "show":
            _print_record(show(engine, args.record_id, args.entity), as_json=args.json)
        elif args.records_command == "repair":
            typed = parse_assignments(args.assignments)
            written = repair(engine, args.record_id, typed, reason=args.reason, entity=args.entity)
            record = written.record
            print(
                f"repaired {record.entity} {record.id}: {', '.join(written.changed)}; "
                f"version {record.server_version}"
            )
        else:
            record = remove(engine, args.record_id, reason=args.reason, entity=args.entity)
            print(f"removed {record.entity} {record.id}: version {record.server_version}")
    except RecordRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    return 0


def _print_record(shown: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(_loggable(shown), ensure_ascii=False, indent=2, sort_keys=True))
        return
    state = "removed" if shown["deleted"] else "live"
    print(f"{shown['entity']} {shown['id']}  version {shown['server_version']}  {state}")
    print(f"unit: {shown['unit'] or '(unknown unit)'} ({shown['unit_id']})")
    print(f"updated by: {shown['updated_by'] or 'the server'}")
    print("fields:")
    for name, value in shown["fields"].items():
        print(f"  {name} = {json.dumps(_loggable(value), ensure_ascii=False)}")
    if shown["problems"]:
        print("values laptops refuse:")
        for name, problem in shown["problems"].items():
            print(f"  {name}: {problem}")


def _print_audit(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True))
        return
    for row in rows:
        detail = json.dumps(row["detail"], ensure_ascii=False, sort_keys=True)
        print(f"{row['at']}  {row['operator']}  {row['action']}  {row['subject']}  {detail}")
