"""The handbook in the store: bundled documents, province updates, and which one is shown.

Bundled documents (``resources/handbook``: Markdown files and an ``index.json``
giving order, section, slug, title and version) are written into the store as
``handbook_doc`` records with source «bundled» the first time a store opens and
again whenever the bundle's version grows. They are local records that never go
to the server: no outbox operation, ``dirty`` 0 and no ``server_version`` (so a
server restore does not re-send them either). Every laptop carries the same
bundle, so uploading it would only make each team send the province identical
copies, and the server does not let a team write handbook documents anyway.

Documents the province or commune publishes arrive through sync as ordinary
``handbook_doc`` records with source «province», under record ids of their own.
Several records may therefore carry one slug; the one shown is the newest (see
``newer_first``), and only that one stays in the search index. A bundled record
that lost to a province record is kept (not indexed): if the province withdraws
its document, the bundled text comes back.

Reading marks and bookmarks live in the laptop-only ``handbook_mark`` table,
keyed by slug. A document is new while the record shown for its slug is not the
one (and version) last seen on this laptop. On a store's first load, every
bundled document counts as seen: a new install has no news.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.schema import HANDBOOK_DOC, SYSTEM_COLUMNS
from danvan_desktop.core.vntext import vietnamese_sort_key
from danvan_desktop.store.database import Store, utc_now
from danvan_desktop.store.handbook_version import BUNDLE_META_KEY
from danvan_desktop.store.search_index import index_record, sort_columns, unindex_record

if TYPE_CHECKING:
    from sqlite_utils import Database

BUNDLED = "bundled"
# On equal dates and versions, the city's word beats the team's and the bundle's.
SOURCE_RANK = {BUNDLED: 0, "team": 1, "province": 2}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class BundledDoc:
    """One document of the bundled handbook."""

    slug: str
    title: str
    section: str
    position_order: int
    body: str
    doc_version: int
    published_at: str


@dataclass(frozen=True)
class Bundle:
    """The bundled handbook: its version and its documents in order."""

    version: int
    docs: tuple[BundledDoc, ...]


@dataclass(frozen=True)
class LoadOutcome:
    """What loading the bundle did."""

    loaded: bool  # False when the store already had this bundle version
    inserted: int = 0
    updated: int = 0
    removed: int = 0


@dataclass(frozen=True)
class HandbookEntry:
    """A document as the handbook shows it: the newest record of its slug, with marks."""

    id: str
    slug: str
    title: str
    section: str
    position_order: int
    doc_version: int
    source: str
    published_at: str | None
    is_new: bool
    read: bool
    bookmarked: bool


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_bundle(folder: Path | None = None) -> Bundle:
    """The bundle in ``folder`` (``resources/handbook`` by default)."""
    folder = folder or resources_dir() / "handbook"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    published = str(index.get("published_at") or "")
    docs = tuple(
        BundledDoc(
            slug=str(item["slug"]),
            title=_nfc(str(item["title"])),
            section=_nfc(str(item["section"])),
            position_order=int(item["order"]),
            body=_nfc((folder / str(item["file"])).read_text(encoding="utf-8")),
            doc_version=int(item["version"]),
            published_at=str(item.get("published_at") or published),
        )
        for item in index["documents"]
    )
    return Bundle(int(index["version"]), docs)


# -- loading the bundle ------------------------------------------------------------------
def load_bundled(store: Store, bundle: Bundle) -> LoadOutcome:
    """Write the bundle into the store when its version is above the one loaded before."""
    db = store.db
    known = int(store.meta(BUNDLE_META_KEY) or 0)
    if bundle.version <= known:
        return LoadOutcome(loaded=False)
    inserted = updated = removed = 0
    with db.atomic():
        present = {row["slug"]: row for row in _bundled_rows(db)}
        for doc in bundle.docs:
            row = present.pop(doc.slug, None)
            if row is None:
                _insert_bundled(db, doc)
                inserted += 1
            elif doc.doc_version > int(row["doc_version"] or 0):
                _update_bundled(db, str(row["id"]), doc)
                updated += 1
        for row in present.values():  # gone from the bundle: local-only, so really removed
            unindex_record(db, HANDBOOK_DOC.name, str(row["id"]))
            db.execute("DELETE FROM handbook_doc WHERE id = ?", [row["id"]])
            removed += 1
        if known == 0:
            _mark_bundle_seen(db)
        store.set_meta(BUNDLE_META_KEY, str(bundle.version))
        reconcile_index(db)
    return LoadOutcome(True, inserted, updated, removed)


def _bundled_rows(db: Database) -> list[dict[str, Any]]:
    return list(
        db.query("SELECT id, slug, doc_version FROM handbook_doc WHERE source = ?", [BUNDLED])
    )


def _fields_of(doc: BundledDoc) -> dict[str, Any]:
    return {
        "slug": doc.slug,
        "title": doc.title,
        "section": doc.section,
        "position_order": doc.position_order,
        "body": doc.body,
        "doc_version": doc.doc_version,
        "source": BUNDLED,
        "published_at": doc.published_at,
    }


def _insert_bundled(db: Database, doc: BundledDoc) -> None:
    row: dict[str, Any] = dict.fromkeys(SYSTEM_COLUMNS)
    row.update(_fields_of(doc))
    row.update(id=uuid7(), dirty=0, deleted=0, updated_at=utc_now(), updated_by=BUNDLED)
    row.update(sort_columns(HANDBOOK_DOC, row))
    names = ", ".join(f"[{c}]" for c in row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO handbook_doc ({names}) VALUES ({marks})", list(row.values()))


def _update_bundled(db: Database, record_id: str, doc: BundledDoc) -> None:
    values = _fields_of(doc)
    values.update(sort_columns(HANDBOOK_DOC, values))
    values.update(updated_at=utc_now(), deleted=0)
    sets = ", ".join(f"[{c}] = ?" for c in values)
    db.execute(f"UPDATE handbook_doc SET {sets} WHERE id = ?", [*values.values(), record_id])
    unindex_record(db, HANDBOOK_DOC.name, record_id)  # reconcile_index puts the winner back


def _mark_bundle_seen(db: Database) -> None:
    for row in _bundled_rows(db):
        db.execute(
            "INSERT INTO handbook_mark (slug, seen_doc_id, seen_version) VALUES (?, ?, ?) "
            "ON CONFLICT(slug) DO NOTHING",
            [row["slug"], row["id"], row["doc_version"]],
        )


# -- which record a slug shows -----------------------------------------------------------
def _published(value: Any) -> dt.datetime:
    if not value:
        return _EPOCH
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return _EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def newer_first(row: Mapping[str, Any]) -> tuple[dt.datetime, int, int]:
    """The order of a slug's records, the newest largest: published last, then version.

    The publication date comes first because versions are counted per publisher: the
    server numbers a slug it publishes from 1, whatever the bundle's version of it.
    """
    return (
        _published(row.get("published_at")),
        int(row.get("doc_version") or 0),
        SOURCE_RANK.get(str(row.get("source") or ""), 1),
    )


def current_rows(db: Database, *, with_body: bool = False) -> dict[str, dict[str, Any]]:
    """The record shown for each slug (live records only), by slug."""
    columns = "id, slug, title, section, position_order, doc_version, source, published_at"
    if with_body:
        columns += ", body"
    best: dict[str, dict[str, Any]] = {}
    for row in db.query(f"SELECT {columns} FROM handbook_doc WHERE deleted = 0"):
        slug = str(row["slug"])
        if slug not in best or newer_first(row) > newer_first(best[slug]):
            best[slug] = row
    return best


def reconcile_index(db: Database) -> int:
    """Keep only the record shown for each slug in the search index; returns the changes."""
    winners = {row["id"] for row in current_rows(db).values()}
    indexed = {
        str(r[0])
        for r in db.execute("SELECT record_id FROM search_doc WHERE entity = 'handbook_doc'")
    }
    changed = 0
    with db.atomic():
        for record_id in indexed - winners:
            unindex_record(db, HANDBOOK_DOC.name, record_id)
            changed += 1
        for record_id in winners - indexed:
            row = next(iter(db.query("SELECT * FROM handbook_doc WHERE id = ?", [record_id])))
            index_record(db, HANDBOOK_DOC, record_id, row)
            changed += 1
    return changed


# -- what the handbook shows -------------------------------------------------------------
def _marks(db: Database) -> dict[str, dict[str, Any]]:
    return {str(row["slug"]): row for row in db.query("SELECT * FROM handbook_mark")}


def _entry(row: Mapping[str, Any], mark: Mapping[str, Any] | None) -> HandbookEntry:
    is_new = (
        mark is None
        or mark.get("seen_doc_id") != row["id"]
        or int(mark.get("seen_version") or 0) < int(row["doc_version"] or 0)
    )
    return HandbookEntry(
        id=str(row["id"]),
        slug=str(row["slug"]),
        title=str(row["title"]),
        section=str(row["section"] or ""),
        position_order=int(row["position_order"] or 0),
        doc_version=int(row["doc_version"] or 0),
        source=str(row["source"] or ""),
        published_at=row["published_at"],
        is_new=is_new,
        read=bool(mark and mark.get("read_at")) and not is_new,
        bookmarked=bool(mark and mark.get("bookmarked")),
    )


def entries(db: Database) -> list[HandbookEntry]:
    """Every document shown, in handbook order."""
    marks = _marks(db)
    found = [_entry(row, marks.get(slug)) for slug, row in current_rows(db).items()]
    return sorted(found, key=lambda e: (e.position_order, vietnamese_sort_key(e.title), e.slug))


def document(db: Database, slug: str) -> dict[str, Any] | None:
    """The record shown for ``slug``, with its body and marks, or None."""
    row = current_rows(db, with_body=True).get(slug)
    if row is None:
        return None
    entry = _entry(row, _marks(db).get(slug))
    return {**row, "is_new": entry.is_new, "read": entry.read, "bookmarked": entry.bookmarked}


def mark_read(db: Database, slug: str) -> bool:
    """Remember that the record shown for ``slug`` was read here; False when none is shown."""
    row = current_rows(db).get(slug)
    if row is None:
        return False
    with db.atomic():
        db.execute(
            "INSERT INTO handbook_mark (slug, seen_doc_id, seen_version, read_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(slug) DO UPDATE SET "
            "seen_doc_id = excluded.seen_doc_id, seen_version = excluded.seen_version, "
            "read_at = excluded.read_at",
            [slug, row["id"], row["doc_version"], utc_now()],
        )
    return True


def set_bookmark(db: Database, slug: str, on: bool) -> None:
    """Bookmark ``slug`` (or take the bookmark away)."""
    with db.atomic():
        db.execute(
            "INSERT INTO handbook_mark (slug, bookmarked, bookmarked_at) VALUES (?, ?, ?) "
            "ON CONFLICT(slug) DO UPDATE SET bookmarked = excluded.bookmarked, "
            "bookmarked_at = excluded.bookmarked_at",
            [slug, int(on), utc_now() if on else None],
        )
