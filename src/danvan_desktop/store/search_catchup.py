"""The search index for pulled records, in one pass at the end of a pull.

Applying a pulled page lists the records it wrote in ``search_pending`` (one
set-based insert) instead of indexing each; ``catch_up`` then indexes every listed
record from its current row, a chunk of rows at a time, with one set-based write per
chunk, and empties the list. A pull runs it in the transaction of its last page, so
the index is behind the data only while a pull is under way; a pull cut before its
end leaves the list for the next one (any applied page that is a pull's last, or a
push's answers, catches up).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.store.search_index import SEARCH_TARGET, target_of, texts_for

if TYPE_CHECKING:
    from sqlite_utils import Database

PENDING_TABLE = "search_pending"
CHUNK = 2000


def mark(db: Database, entity: str, record_ids: Iterable[str]) -> None:
    """List records of ``entity`` for the index (nothing for an entity never searched)."""
    if entity not in SEARCH_TARGET:
        return
    db.conn.executemany(
        f"INSERT OR IGNORE INTO [{PENDING_TABLE}] (entity, record_id) VALUES (?, ?)",
        [(entity, record_id) for record_id in record_ids],
    )


def pending(db: Database) -> int:
    """How many records wait for the index."""
    return int(db.execute(f"SELECT count(*) FROM [{PENDING_TABLE}]").fetchone()[0])


def catch_up(db: Database) -> int:
    """Index (or unindex, when tombstoned) every listed record; returns how many."""
    if not db.execute(f"SELECT EXISTS (SELECT 1 FROM [{PENDING_TABLE}])").fetchone()[0]:
        return 0
    done = 0
    next_doc = int(db.execute("SELECT coalesce(max(doc), 0) + 1 FROM search_doc").fetchone()[0])
    entities = [r[0] for r in db.execute(f"SELECT DISTINCT entity FROM [{PENDING_TABLE}]")]
    for entity in entities:
        after = ""
        while True:
            rows = _chunk(db, entity, after)
            if not rows:
                break
            after = str(rows[-1]["pending_id"])
            next_doc = _index_chunk(db, entity, rows, next_doc)
            done += len(rows)
        db.execute(f"DELETE FROM [{PENDING_TABLE}] WHERE entity = ?", [entity])
    return done


def _chunk(db: Database, entity: str, after: str) -> list[dict[str, Any]]:
    spec = ENTITIES.get(entity)
    if spec is None:
        return []
    return list(
        db.query(
            f"SELECT p.record_id AS pending_id, t.* FROM [{PENDING_TABLE}] p "
            f"LEFT JOIN [{spec.table}] t ON t.id = p.record_id "
            "WHERE p.entity = ? AND p.record_id > ? ORDER BY p.record_id LIMIT ?",
            [entity, after, CHUNK],
        )
    )


def _index_chunk(db: Database, entity: str, rows: list[dict[str, Any]], next_doc: int) -> int:
    """Write one chunk's documents; returns the next free document number."""
    spec = ENTITIES[entity]
    target_entity = SEARCH_TARGET[entity]
    ids = [str(row["pending_id"]) for row in rows]
    marks = ", ".join("?" * len(ids))
    docs = dict(
        db.execute(
            f"SELECT record_id, doc FROM search_doc WHERE entity = ? AND record_id IN ({marks})",
            [entity, *ids],
        ).fetchall()
    )
    conn = db.conn
    conn.executemany("DELETE FROM search_fts WHERE rowid = ?", [(doc,) for doc in docs.values()])
    gone = [row for row in rows if row["id"] is None or row["deleted"]]
    conn.executemany(
        "DELETE FROM search_doc WHERE doc = ?",
        [(docs[str(r["pending_id"])],) for r in gone if str(r["pending_id"]) in docs],
    )
    new_docs, texts = [], []
    for row in rows:
        if row["id"] is None or row["deleted"]:
            continue
        record_id = str(row["id"])
        doc = docs.get(record_id)
        if doc is None:
            doc, next_doc = next_doc, next_doc + 1
            target_id = target_of(entity, record_id, row)
            new_docs.append((doc, entity, record_id, target_entity, target_id))
        texts.append((doc, *texts_for(spec, row)))
    conn.executemany(
        "INSERT INTO search_doc (doc, entity, record_id, target_entity, target_id) "
        "VALUES (?, ?, ?, ?, ?)",
        new_docs,
    )
    conn.executemany("INSERT INTO search_fts (rowid, name, body) VALUES (?, ?, ?)", texts)
    return next_doc
