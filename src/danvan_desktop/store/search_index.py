"""Keeping the search index and the sort keys in step with the records.

Called by the record writer inside the save's own transaction, so the index is
never behind the data. The index holds folded text (``fold_vietnamese``): FTS5's
own ``remove_diacritics`` does not fold đ/Đ, so "duong" would miss "Đường".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import EntitySpec
from danvan_desktop.core.vntext import fold_vietnamese, vietnamese_sort_key

if TYPE_CHECKING:
    from sqlite_utils import Database

# Entities whose records are searchable, and where a hit leads (child rows of a
# meeting open the meeting, a petitioner the petition: the parent named by the child's
# ``<target>_id`` field). Petitioners are commune_only: a laptop above the commune never
# receives them, so its index holds no resident's name.
SEARCH_TARGET: dict[str, str] = {
    "model": "model",
    "meeting": "meeting",
    "opinion": "meeting",
    "conclusion": "meeting",
    "agenda_item": "meeting",
    "member": "member",
    "task": "task",
    "handbook_doc": "handbook_doc",
    "exemplar": "exemplar",
    "petition": "petition",
    "petitioner": "petition",
    "mediation": "mediation",
}


def target_of(entity: str, record_id: str, record: Mapping[str, Any]) -> str:
    """The id a search hit on ``record`` opens: its own, or its parent's."""
    target_entity = SEARCH_TARGET[entity]
    if target_entity == entity:
        return record_id
    return str(record.get(f"{target_entity}_id") or "")


def sort_columns(spec: EntitySpec, record: Mapping[str, Any]) -> dict[str, bytes | None]:
    """The ``<field>_sort`` column values of a record."""
    return {
        f"{f.name}_sort": vietnamese_sort_key(str(record[f.name])) if record.get(f.name) else None
        for f in spec.fields
        if f.sortable
    }


def texts_for(spec: EntitySpec, record: Mapping[str, Any]) -> tuple[str, str]:
    """The folded (name, body) of a record: its name fields, then its other text."""
    names = [str(record.get(n) or "") for n in spec.names]
    if not spec.names and spec.name in ("opinion", "agenda_item"):
        names = [str(record.get("speaker") or record.get("title") or "")]
    body = [str(record.get(n) or "") for n in spec.searchable if n not in spec.names]
    return fold_vietnamese(" ".join(names)), fold_vietnamese(" ".join(body))


def index_record(db: Database, spec: EntitySpec, record_id: str, record: Mapping[str, Any]) -> None:
    """Add or replace one record's search document."""
    target_entity = SEARCH_TARGET.get(spec.name)
    if target_entity is None:
        return
    target_id = target_of(spec.name, record_id, record)
    name, body = texts_for(spec, record)
    row = db.execute(
        "SELECT doc FROM search_doc WHERE entity = ? AND record_id = ?", [spec.name, record_id]
    ).fetchone()
    if row is None:
        cursor = db.execute(
            "INSERT INTO search_doc (entity, record_id, target_entity, target_id) "
            "VALUES (?, ?, ?, ?)",
            [spec.name, record_id, target_entity, target_id],
        )
        doc = cursor.lastrowid
    else:
        doc = row[0]
        db.execute("DELETE FROM search_fts WHERE rowid = ?", [doc])
    db.execute("INSERT INTO search_fts (rowid, name, body) VALUES (?, ?, ?)", [doc, name, body])


def unindex_record(db: Database, entity: str, record_id: str) -> None:
    """Remove a record's search document (a tombstone is not found any more)."""
    row = db.execute(
        "SELECT doc FROM search_doc WHERE entity = ? AND record_id = ?", [entity, record_id]
    ).fetchone()
    if row is not None:
        db.execute("DELETE FROM search_fts WHERE rowid = ?", [row[0]])
        db.execute("DELETE FROM search_doc WHERE doc = ?", [row[0]])


def rebuild(
    db: Database, sort_fields: Mapping[str, tuple[str, ...]], searchable: tuple[str, ...]
) -> int:
    """Recompute the given sort keys and search documents; returns the documents made.

    Migrations pass frozen lists, so a later schema cannot make an old step touch
    columns that do not exist yet.
    """
    from danvan_desktop.core.schema import ENTITIES

    db.execute("DELETE FROM search_fts")
    db.execute("DELETE FROM search_doc")
    count = 0
    for name in sorted(set(sort_fields) | set(searchable)):
        spec = ENTITIES[name]
        for row in list(db.query(f"SELECT * FROM [{spec.table}] WHERE deleted = 0")):
            fields = sort_fields.get(name, ())
            if fields:
                sets = ", ".join(f"[{f}_sort] = ?" for f in fields)
                keys = [vietnamese_sort_key(str(row[f])) if row.get(f) else None for f in fields]
                db.execute(f"UPDATE [{spec.table}] SET {sets} WHERE id = ?", [*keys, row["id"]])
            if name in searchable:
                index_record(db, spec, row["id"], row)
                count += 1
    return count
