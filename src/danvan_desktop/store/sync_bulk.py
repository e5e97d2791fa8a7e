"""Set-based inserts of a pulled page's new records (one ``executemany`` per entity).

A reviewer's first pull is nearly all records this laptop has never held: each is
written as it came, clean, with no base copy (an unedited record is its own base),
and listed for the search index's one pass at the end of the pull
(store/search_catchup.py). What is not new (a record held here, a conflict, an entity
of a newer schema, a record twice in one page) is left to the per-record merge of
store/sync_apply.py, in the page's order.

Each distinct value of a page's records of one entity is checked once
(``_PageCoercion``), and each distinct name or title gets its sort key once: a
meeting's id recurs on its attendance, opinion and task, a status or a date on
thousands of records.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import ENTITIES, EntitySpec
from danvan_desktop.core.validation import coerce_fields
from danvan_desktop.core.vntext import vietnamese_sort_key
from danvan_desktop.store import search_catchup
from danvan_desktop.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

_LOOKUP_CHUNK = 500  # ids per ``IN (...)``: well under SQLite's variable limit


def insert_new(db: Database, changes: list[Mapping[str, Any]]) -> tuple[int, list[Any]]:
    """Insert the page's records new to this laptop; (how many, the other changes).

    Raises what a record that cannot be stored raises (the caller then applies the
    page one record at a time)."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for change in changes:
        if not _is_mapping(change):
            raise TypeError(f"a change must be an object, not {type(change).__name__}")
        entity = str(change["entity"])
        if entity in ENTITIES:
            groups.setdefault(entity, []).append(change)
    taken: set[int] = set()  # the changes inserted here, by identity
    inserted = 0
    for entity, group in groups.items():
        spec = ENTITIES[entity]
        held = _held_ids(db, spec, [str(c["record_id"]) for c in group])
        fresh: list[Mapping[str, Any]] = []
        for change in group:
            record_id = str(change["record_id"])
            if record_id not in held:
                held.add(record_id)  # a second change of it in this page merges
                fresh.append(change)
                taken.add(id(change))
        inserted += _insert(db, spec, fresh)
    rest = [change for change in changes if id(change) not in taken]
    return inserted, rest


def _held_ids(db: Database, spec: EntitySpec, ids: list[str]) -> set[str]:
    held: set[str] = set()
    for start in range(0, len(ids), _LOOKUP_CHUNK):
        part = ids[start : start + _LOOKUP_CHUNK]
        marks = ", ".join("?" * len(part))
        sql = f"SELECT id FROM [{spec.table}] WHERE id IN ({marks})"
        held.update(str(r[0]) for r in db.execute(sql, part).fetchall())
    return held


def _insert(db: Database, spec: EntitySpec, changes: list[Mapping[str, Any]]) -> int:
    if not changes:
        return 0
    now = utc_now()
    names = spec.field_names  # looked up once a page, not once a record
    known = frozenset(names)
    sortable = [f.name for f in spec.fields if f.sortable]
    columns = [*names, *(f"{name}_sort" for name in sortable), "id", "unit_id"]
    columns += ["server_version", "dirty", "deleted", "updated_at", "updated_by"]
    coerce = _PageCoercion(spec)
    sort_keys: dict[Any, bytes | None] = {}  # a title or a name recurs across villages
    rows = []
    for change in changes:
        fields = change.get("fields") or {}
        if not _is_mapping(fields):
            raise TypeError(f"fields must be an object, not {type(fields).__name__}")
        # A null is stored as null: only the values are checked (half a page is nulls).
        given = {k: v for k, v in fields.items() if v is not None and k in known}
        remote = coerce(given)
        get = remote.get
        keys = []
        for name in sortable:
            value = get(name)
            key = sort_keys.get(value, _UNSEEN)
            if key is _UNSEEN:
                key = sort_keys[value] = _sort_key(value)
            keys.append(key)
        rows.append(
            (
                *map(get, names),
                *keys,
                str(change["record_id"]),
                change.get("unit_id"),
                int(change["server_version"]),
                0,
                int(bool(change.get("deleted"))),
                now,
                "server",
            )
        )
    listed = ", ".join(f"[{c}]" for c in columns)
    db.conn.executemany(
        f"INSERT INTO [{spec.table}] ({listed}) VALUES ({', '.join('?' * len(columns))})", rows
    )
    live = [str(c["record_id"]) for c in changes if not c.get("deleted")]
    search_catchup.mark(db, spec.name, live)
    return len(rows)


class _PageCoercion:
    """``coerce_fields`` for the records of one entity in one page, each distinct value
    checked once: a parent's id, a status, a date or a title recurs on many records.

    A value is remembered by its field, its exact type and itself (``True`` is not ``1``)
    once it has been found storable; a value that is not raises as ``coerce_fields``
    does, every time."""

    def __init__(self, spec: EntitySpec) -> None:
        self._spec = spec
        self._seen: dict[tuple[str, type, Any], Any] = {}

    def __call__(self, given: Mapping[str, Any]) -> dict[str, Any]:
        seen = self._seen
        out: dict[str, Any] = {}
        unseen: dict[str, Any] = {}
        for name, value in given.items():
            kind = type(value)
            if kind in _REMEMBERED_TYPES:
                stored = seen.get((name, kind, value), _UNSEEN)
                if stored is not _UNSEEN:
                    out[name] = stored
                    continue
            unseen[name] = value
        if unseen:
            fresh = coerce_fields(self._spec, unseen)
            out.update(fresh)
            for name, value in unseen.items():
                kind = type(value)
                if kind in _REMEMBERED_TYPES:
                    seen[(name, kind, value)] = fresh[name]
        return out


# Values remembered by equality: exact types only (a float's -0.0 equals 0.0, NaN nothing).
_REMEMBERED_TYPES = frozenset({str, int, bool})
_UNSEEN = object()


def _is_mapping(value: object) -> bool:
    """``isinstance(value, Mapping)``, quick for the dict a parsed page is made of."""
    return type(value) is dict or isinstance(value, Mapping)


def _sort_key(value: Any) -> bytes | None:
    """The ``<field>_sort`` value of a field (as store/search_index.py makes it)."""
    return vietnamese_sort_key(str(value)) if value else None
