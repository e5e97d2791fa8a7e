"""Saving a petition or a mediation case together with its people, in one transaction.

A petition's petitioners and a case's parties are child records of their own (so the
server can keep them within the commune, core/community_schema.py), but the team
leader types them in one form: ``save_with_children`` writes the record and the list
of its people as that form shows it, all or nothing. A person in the list with an
``id`` is changed, one without is added, and one of the record's people missing from
the list is deleted. A problem in a person's fields is reported under
``<list>.<position>.<field>`` (``petitioners.0.full_name``), so the form can show it
beside the right row; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import DEFAULT_PETITION_ANSWER_DAYS, ENTITIES
from danvan_desktop.store.changes import Changes

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads
    from danvan_desktop.store.records import Records

# parent entity -> (child entity, the child's field naming the parent, the list's name)
CHILDREN: dict[str, tuple[str, str, str]] = {
    "petition": ("petitioner", "petition_id", "petitioners"),
    "mediation": ("mediation_party", "mediation_id", "parties"),
}


def answer_days(db: Reads) -> int:
    """Days the body a petition went to has to answer it: the team's regulation, or 30."""
    row = db.execute(
        "SELECT petition_answer_days FROM regulation WHERE deleted = 0 "
        "AND team_id = (SELECT value FROM meta WHERE key = 'team_id') LIMIT 1"
    ).fetchone()
    return int(row[0]) if row is not None and row[0] else DEFAULT_PETITION_ANSWER_DAYS


def child_rows(db: Reads, entity: str, record_id: str) -> list[dict[str, Any]]:
    """The live people of one petition or case, in the order they were added."""
    child, parent_field, _ = CHILDREN[entity]
    names = ", ".join(f"[{n}]" for n in ("id", *ENTITIES[child].field_names))
    return list(
        db.query(
            f"SELECT {names} FROM [{child}] WHERE [{parent_field}] = ? AND deleted = 0 "
            "ORDER BY rowid",
            [record_id],
        )
    )


def save_with_children(
    records: Records,
    entity: str,
    fields: Mapping[str, Any],
    *,
    record_id: str | None = None,
    children: Sequence[Mapping[str, Any]] | None = None,
    role: str = "team",
) -> tuple[str, Changes]:
    """Create or change a petition or case and, when ``children`` is given, set its people
    to that list (see the module doc); one transaction, validated whole. Returns the
    record's id and what changed."""
    child, parent_field, list_name = CHILDREN[entity]
    changes = Changes()
    with records.db.atomic():
        main = changes.add(records.save(entity, fields, record_id=record_id, role=role))
        if children is None:
            return main.record_id, changes
        kept: set[str] = set()
        for position, person in enumerate(children):
            values = {k: v for k, v in person.items() if k not in ("id", parent_field)}
            child_id = person.get("id")
            if child_id is not None:
                _own_child(records, child, parent_field, str(child_id), main.record_id)
                kept.add(str(child_id))
            else:
                values[parent_field] = main.record_id
            try:
                change = records.save(
                    child, values, record_id=None if child_id is None else str(child_id), role=role
                )
            except ValidationError as error:
                raise ValidationError(
                    [
                        FieldProblem(f"{list_name}.{position}.{p.field}", p.message)
                        for p in error.problems
                    ]
                ) from None
            kept.add(change.record_id)
            changes.add(change)
        for row in child_rows(records.db, entity, main.record_id):
            if row["id"] not in kept:
                changes.add(records.delete(child, str(row["id"])))
    return main.record_id, changes


def _own_child(
    records: Records, child: str, parent_field: str, child_id: str, parent_id: str
) -> None:
    """Refuse a person who belongs to another record (or no longer exists)."""
    row = records.find(child, child_id)
    if row is None or row[parent_field] != parent_id:
        raise NotFoundError(
            tr(
                "store",
                "Không tìm thấy {entity} có mã {id} trong hồ sơ này: có thể đã bị xóa; hãy tải "
                "lại hồ sơ.",
                entity=tr("entities", ENTITIES[child].label).lower(),
                id=child_id,
            )
        )


def delete_with_children(records: Records, entity: str, record_id: str) -> Changes:
    """Delete a petition or case and its people (tombstones that sync carries)."""
    child, _, _ = CHILDREN[entity]
    changes = Changes()
    with records.db.atomic():
        for row in child_rows(records.db, entity, record_id):
            changes.add(records.delete(child, str(row["id"])))
        changes.add(records.delete(entity, record_id))
    return changes
