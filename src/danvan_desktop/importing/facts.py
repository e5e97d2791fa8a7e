"""What a plan needs to know of the store: the team, its lists, the records already kept.

Read through any connection with ``execute`` and ``query`` (the writer, or a reader on
the window's read lane), in one pass per table, so a plan of ten thousand rows asks the
store a handful of questions, not one per row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.importing.targets import ImportTarget
from danvan_desktop.store import model_fields

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads


@dataclass(frozen=True)
class StoreFacts:
    """The team, its unit, its model fields, the next roster place, the stored records
    and their child records (a petition's petitioners), by the parent's id."""

    team_id: str
    unit_id: str | None
    model_fields: tuple[tuple[str, str], ...]  # (code, name) in the list's order
    next_position: int
    stored: tuple[dict[str, Any], ...]
    children: Mapping[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)


def _meta(db: Reads, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def read_facts(db: Reads, target: ImportTarget) -> StoreFacts:
    """What a plan for ``target`` needs, read through ``db``."""
    team_id = _meta(db, "team_id")
    if team_id is None:
        raise StoreError(
            tr("importing", "Chưa khởi tạo tổ dân vận: hãy khởi tạo trước khi nhập danh sách.")
        )
    unit_id = _meta(db, "home_unit_id")
    fields = tuple((str(r["code"]), str(r["name"])) for r in model_fields.field_rows(db))
    row = db.execute(
        "SELECT max(position_order) FROM member WHERE deleted = 0 AND team_id = ?", [team_id]
    ).fetchone()
    next_position = int(row[0] or 0) + 1 if row is not None else 1
    names = ", ".join(f"[{n}]" for n in ("id", "unit_id", *target.spec.field_names))
    owner = team_id if target.owner == "team_id" else unit_id
    stored = tuple(
        db.query(
            f"SELECT {names} FROM [{target.entity}] WHERE deleted = 0 "
            f"AND [{target.owner}] = ? ORDER BY {target.order}",
            [owner],
        )
    )
    children = _children(db, target, owner)
    return StoreFacts(team_id, unit_id, fields, next_position, stored, children)


def _children(
    db: Reads, target: ImportTarget, owner: str | None
) -> dict[str, tuple[dict[str, Any], ...]]:
    """The live child records of the stored records (in the order they were added)."""
    if target.child is None:
        return {}
    spec = ENTITIES[target.child]
    parent = str(spec.parent)
    names = ", ".join(f"c.[{n}]" for n in ("id", *spec.field_names))
    found: dict[str, list[dict[str, Any]]] = {}
    for row in db.query(
        f"SELECT {names} FROM [{spec.name}] c JOIN [{target.entity}] p ON p.id = c.[{parent}] "
        f"WHERE c.deleted = 0 AND p.deleted = 0 AND p.[{target.owner}] = ? ORDER BY c.rowid",
        [owner],
    ):
        found.setdefault(str(row[parent]), []).append(row)
    return {k: tuple(v) for k, v in found.items()}
