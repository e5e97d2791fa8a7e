"""The shape of an entity as data: its fields (kind, label, owner, limits) and its flags.

``core/schema.py`` lists the entities built from these; this module holds only the
types and the small constructors the entity lists use, so that the lists can live in
more than one module (``core/community_schema.py``) without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

FieldKind = Literal["text", "long_text", "int", "real", "date", "datetime", "bool", "json", "ref"]
Owner = Literal["team", "reviewer", "system"]

# Columns every synced table carries in addition to its fields.
SYSTEM_COLUMNS = ("id", "unit_id", "server_version", "dirty", "deleted", "updated_at", "updated_by")


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entity."""

    name: str
    kind: FieldKind
    label: str
    required: bool = False
    owner: Owner = "team"
    ref: str | None = None  # entity name for kind == "ref"
    max_length: int | None = None
    sortable: bool = False  # keeps a Vietnamese sort-key column ``<name>_sort``


@dataclass(frozen=True)
class EntitySpec:
    """One synced entity: a table of records with change tracking."""

    name: str
    label: str
    fields: tuple[FieldSpec, ...]
    parent: str | None = None  # field that references the owning record
    searchable: tuple[str, ...] = ()
    names: tuple[str, ...] = field(default=())  # fields ranked first in search
    commune_only: bool = False  # residents' personal details: the team and its commune only
    since_schema: int = 1  # the laptop store schema that first stores this entity

    @property
    def table(self) -> str:
        """The table name in the local store and on the server."""
        return self.name

    def field(self, name: str) -> FieldSpec:
        """The field called ``name`` (KeyError when unknown)."""
        return self._by_name[name]

    @cached_property
    def _by_name(self) -> dict[str, FieldSpec]:
        # Made once: applying a city's pull looks fields up millions of times.
        return {spec.name: spec for spec in self.fields}

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        """The names of the entity's own fields, in order."""
        return tuple(f.name for f in self.fields)


def text_field(name: str, label: str, **kw: object) -> FieldSpec:
    """A ``text`` field."""
    return FieldSpec(name, "text", label, **kw)  # type: ignore[arg-type]


def long_text_field(name: str, label: str, **kw: object) -> FieldSpec:
    """A ``long_text`` field (free text that is never merged silently)."""
    return FieldSpec(name, "long_text", label, **kw)  # type: ignore[arg-type]


def date_field(name: str, label: str, **kw: object) -> FieldSpec:
    """A ``date`` field (``YYYY-MM-DD``)."""
    return FieldSpec(name, "date", label, **kw)  # type: ignore[arg-type]


def ref_field(name: str, label: str, ref: str, **kw: object) -> FieldSpec:
    """A ``ref`` field naming a record of entity ``ref``."""
    return FieldSpec(name, "ref", label, ref=ref, **kw)  # type: ignore[arg-type]
