"""``danvan add``, ``update``, ``delete``, ``list``, ``show`` and the commands on one
record (``model-status``, ``finalise-meeting``, ``correct-meeting``, ``task-done``),
with ``outbox`` and ``search``: the records of a store, read and written from a terminal.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from danvan_desktop import cli_community
from danvan_desktop.cli_status import add_entity_help, data_dir_of
from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.highlight import HIGHLIGHT_END, HIGHLIGHT_START
from danvan_desktop.core.i18n import tr
from danvan_desktop.session import Result, Session


def _pairs(items: Sequence[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ValidationError([])  # cli.run tells how an item is written
        fields[name.strip()] = value
    return fields


def _print_result(result: Result) -> None:
    if result.record_id:
        print(result.record_id)


def cmd_add(session: Session, args: argparse.Namespace) -> None:
    people = getattr(args, "person", None) or ()
    _print_result(cli_community.add(session, args.entity, _pairs(args.fields), people))


def cmd_update(session: Session, args: argparse.Namespace) -> None:
    _print_result(session.update_record(args.entity, args.id, **_pairs(args.fields)))


def cmd_delete(session: Session, args: argparse.Namespace) -> None:
    _print_result(cli_community.delete(session, args.entity, args.id))


def cmd_list(session: Session, args: argparse.Namespace) -> None:
    if args.entity in ("petition", "mediation"):
        cli_community.list_rows(
            session, args.entity, state=args.state, limit=args.limit, as_json=args.json
        )
        return
    rows = session.list_records(args.entity, limit=args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        name = row.get("name") or row.get("title") or row.get("full_name") or ""
        print(f"{row['id']}\t{name}")


def cmd_show(session: Session, args: argparse.Namespace) -> None:
    shown = session.get_record(args.entity, args.id)
    if args.entity == "model":  # its life: the status moves with their reasons, recognitions
        shown["history"] = session.model_history(args.id)
        shown["recognitions"] = session.model_recognitions(args.id)
    print(json.dumps(shown, ensure_ascii=False, indent=1))


def cmd_model_status(session: Session, args: argparse.Namespace) -> None:
    moved = session.move_model(
        args.id,
        status=args.status,
        reason=args.reason,
        decision_number=args.decision,
        decided_on=args.decided_on,
    )
    _print_result(moved)


def cmd_finalise(session: Session, args: argparse.Namespace) -> None:
    _print_result(session.finalise_meeting(args.id))
    meeting = session.get_record("meeting", args.id)
    print(tr("cli", "Số biên bản: {number:02d}/BB", number=meeting["number"]))


def cmd_correct(session: Session, args: argparse.Namespace) -> None:
    _print_result(session.correct_meeting(args.id))


def cmd_task_done(session: Session, args: argparse.Namespace) -> None:
    _print_result(session.mark_task_done(args.id))


def cmd_outbox(session: Session, args: argparse.Namespace) -> None:
    ops = session.pending_operations()
    if args.json:
        print(json.dumps([op.envelope() for op in ops], ensure_ascii=False, indent=1))
        return
    for op in ops:
        print(f"{op.op_id}\t{op.kind}\t{op.entity}\t{op.record_id}\t{','.join(op.fields)}")


def cmd_search(session: Session, args: argparse.Namespace) -> None:
    for hit in session.search(args.text, limit=args.limit):
        snippet = hit.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
        print(f"{hit.target_entity}\t{hit.target_id}\t{hit.title}\t{snippet}")


def _add_writes(sub: Any, argv: Sequence[str] | None, default_data_dir: Callable[[], Path]) -> None:
    """``add``, ``update`` (their ``--help`` lists the fields of the data folder's
    models), ``delete``."""
    for name, handler, needs_id in (("add", cmd_add, False), ("update", cmd_update, True)):
        p = sub.add_parser(name, add_help=False)
        add_entity_help(p, data_dir_of(argv, default_data_dir))
        p.add_argument("entity")
        if needs_id:
            p.add_argument("id")
        p.add_argument("fields", nargs="*", metavar="FIELD=VALUE")
        if name == "add":
            p.add_argument(
                "--person",
                action="append",
                metavar=tr("cli", "HỌ_TÊN"),
                help=tr("cli", "người kiến nghị (petition) hoặc một bên hòa giải (mediation)"),
            )
        p.set_defaults(handler=handler)
    p = sub.add_parser("delete")
    p.add_argument("entity")
    p.add_argument("id")
    p.set_defaults(handler=cmd_delete)


def _add_reads(sub: Any) -> None:
    """``list`` and ``show``."""
    p = sub.add_parser("list")
    p.add_argument("entity")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--state",
        help=tr(
            "cli",
            "petition: waiting, overdue, answered; mediation: pending, settled, not_settled, "
            "passed_on",
        ),
    )
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("show")
    p.add_argument("entity")
    p.add_argument("id")
    p.set_defaults(handler=cmd_show)


def _add_moves(sub: Any) -> None:
    """The commands on one record: ``model-status`` and the meeting's and task's steps."""
    p = sub.add_parser("model-status")
    p.add_argument("id")
    p.add_argument("status")
    p.add_argument("--reason", help=tr("cli", "lý do chuyển trạng thái"))
    p.add_argument("--decision", help=tr("cli", "số quyết định công nhận"))
    p.add_argument("--decided-on", help=tr("cli", "ngày quyết định công nhận (YYYY-MM-DD)"))
    p.set_defaults(handler=cmd_model_status)
    for name, handler in (
        ("finalise-meeting", cmd_finalise),
        ("correct-meeting", cmd_correct),
        ("task-done", cmd_task_done),
    ):
        p = sub.add_parser(name)
        p.add_argument("id")
        p.set_defaults(handler=handler)


def add_commands(
    sub: Any, argv: Sequence[str] | None, default_data_dir: Callable[[], Path]
) -> None:
    """Register the record commands on ``danvan``'s subparsers, in the order of its help."""
    _add_writes(sub, argv, default_data_dir)
    _add_reads(sub)
    _add_moves(sub)
    p = sub.add_parser("outbox")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_outbox)
    p = sub.add_parser("search", help=tr("cli", "tìm kiếm, gõ có dấu hoặc không dấu"))
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=cmd_search)
