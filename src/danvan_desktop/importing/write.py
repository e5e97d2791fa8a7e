"""Writing a confirmed plan: every record in one transaction, with its outbox operations.

Each record goes through the store's own writer (``Records.save``, or for a petition
with the person who raised it ``community_work.save_with_children``), which validates
it again, writes it, indexes it and queues its outbox operation, exactly as a record
typed in a form: it syncs like one. All of it runs in one transaction: a problem on
the way (a record the writer refuses, a full disk, the user's «Hủy») rolls everything
back, and the error names the row. Nothing is half-written.

The plan is made again inside the transaction, against the store as it is now; if
anything changed since the preview (a sync brought a record the file matches), the
import is refused and the user looks at a new preview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import DanvanError, FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.model_status import INITIAL_STATUS
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.importing.plan import ADD, INVALID, UPDATE, Plan, PlanRow, build_plan
from danvan_desktop.store.changes import Change, Changes

if TYPE_CHECKING:
    from danvan_desktop.store.records import Records

Progress = Callable[[int, int], None]
Check = Callable[[], None]
LISTED_LINES = 10


@dataclass(frozen=True)
class ImportOutcome:
    """What an import wrote: counts, and the changes (so pages refresh what changed)."""

    added: int
    updated: int
    left: int  # rows not written: the same as stored, duplicates, skipped
    changes: Changes


def refusal(plan: Plan, *, skip_invalid: bool) -> ValidationError | None:
    """Why ``plan`` cannot be written as it is (None when it can)."""
    if plan.problems:
        return ValidationError(list(plan.problems))
    bad = [r.line for r in plan.rows if r.action == INVALID]
    if bad and not skip_invalid:
        lines = ", ".join(str(n) for n in bad[:LISTED_LINES]) + (
            "…" if len(bad) > LISTED_LINES else ""
        )
        return ValidationError(
            [
                FieldProblem(
                    "rows",
                    tr(
                        "importing",
                        "{count} dòng có lỗi (dòng {lines}): hãy sửa các dòng đó trong tệp rồi "
                        "nhập lại, hoặc chọn bỏ qua các dòng có lỗi. Chưa ghi gì vào dữ liệu.",
                        count=len(bad),
                        lines=lines,
                    ),
                )
            ]
        )
    return None


def apply_plan(
    records: Records,
    plan: Plan,
    *,
    skip_updates: Collection[int] = (),
    skip_invalid: bool = False,
    role: str = "team",
    today: dt.date | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> ImportOutcome:
    """Write the plan's new records and the updates not in ``skip_updates`` (row numbers),
    all in one transaction; ValidationError or DanvanError says why nothing was written."""
    refused = refusal(plan, skip_invalid=skip_invalid)
    if refused is not None:
        raise refused
    changes = Changes()
    added = updated = 0
    with records.db.atomic():
        fresh = build_plan(records.db, plan.target, plan.sheet, plan.layout, today=today)
        if fresh.signature() != plan.signature():
            raise DanvanError(
                tr(
                    "importing",
                    "Dữ liệu đã thay đổi từ lúc xem trước (có thể vừa đồng bộ): hãy xem trước "
                    "lại rồi nhập. Chưa ghi gì vào dữ liệu.",
                )
            )
        total = len(fresh.rows)
        for done, row in enumerate(fresh.rows):
            if check is not None:
                check()
            if progress is not None and done % 50 == 0:
                progress(done, total)
            if row.action == ADD:
                _write_new(records, plan, row, changes, role)
                added += 1
            elif row.action == UPDATE and row.line not in skip_updates:
                _write_update(records, plan, row, changes, role)
                updated += 1
        if progress is not None:
            progress(total, total)
    return ImportOutcome(added, updated, len(fresh.rows) - added - updated, changes)


def _named(row: PlanRow, error: ValidationError) -> ValidationError:
    """The writer's refusal with the row it came from."""
    return ValidationError(
        [
            FieldProblem(
                p.field,
                tr("importing", "Dòng {line}: {message}", line=row.line, message=p.message),
            )
            for p in error.problems
        ]
    )


def _write_new(records: Records, plan: Plan, row: PlanRow, changes: Changes, role: str) -> None:
    entity = plan.target.entity
    fields: dict[str, Any] = {n: v for n, v in row.values.items() if v is not None}
    if row.steps:
        fields["status"] = INITIAL_STATUS
    child = plan.target.child
    people = {n.rpartition(".")[2]: v for n, v in row.extras.items() if v is not None}
    try:
        if child is not None and people:
            from danvan_desktop.store import community_work

            record_id, made = community_work.save_with_children(
                records, entity, fields, children=[people], role=role
            )
            for item in made.items:
                changes.add(item)
        else:
            record_id = changes.add(records.save(entity, fields, role=role)).record_id
        _move(records, entity, record_id, row.steps, changes, role)
    except ValidationError as error:
        raise _named(row, error) from error


def _write_update(records: Records, plan: Plan, row: PlanRow, changes: Changes, role: str) -> None:
    entity = plan.target.entity
    assert row.record_id is not None
    child = plan.target.child
    prefix = f"{child}."
    fields = {
        n: new for n, (_, new) in row.changes.items() if n != "status" and not n.startswith(prefix)
    }
    people = {
        n.removeprefix(prefix): new for n, (_, new) in row.changes.items() if n.startswith(prefix)
    }
    try:
        if fields:
            changes.add(records.save(entity, fields, record_id=row.record_id, role=role))
        if child is not None and people:
            _write_child(records, child, row, people, changes, role)
        _move(records, entity, row.record_id, row.steps, changes, role)
    except ValidationError as error:
        raise _named(row, error) from error


def _write_child(
    records: Records,
    child: str,
    row: PlanRow,
    people: dict[str, Any],
    changes: Changes,
    role: str,
) -> None:
    """Change the stored child the row matched, or add the row's one to the record."""
    if row.child_id is None:
        parent = str(ENTITIES[child].parent)
        people = {**people, parent: row.record_id}
    changes.add(records.save(child, people, record_id=row.child_id, role=role))


def _move(
    records: Records,
    entity: str,
    record_id: str,
    steps: tuple[str, ...],
    changes: Changes,
    role: str,
) -> None:
    """Move a model through its statuses, one allowed move at a time."""
    for status in steps:
        change: Change = records.save(entity, {"status": status}, record_id=record_id, role=role)
        changes.add(change)
