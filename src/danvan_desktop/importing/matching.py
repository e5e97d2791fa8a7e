"""Natural keys: which rows of a file are the same record, and which stored record each is.

A row's key is its target's key fields as stored forms, the names folded
(``fold_vietnamese``): «Nguyễn Văn An» and «NGUYEN VAN AN» are one name. A key field the
file has no column for is left out of the key (a list without years matches models by
name alone), so importing the same file again finds the same records whatever the day.

Rows with the same key are one record written twice: the first is taken, the others
are duplicates. A key field a row may leave empty (``ImportTarget.optional``: a member's
birth year) matches as follows (``Matcher``), the name being the key's required part:

- a row with a birth year matches the stored member of that name and year, else one of
  that name whose year is not known yet (the row fills it in), else it is new: two
  «Nguyễn Văn An» born 1958 and 1990 are two members;
- a row without one matches the one member of that name; where the store keeps two or
  more, the row cannot say which (``Matcher.find`` returns them, the plan asks for the
  year); and two rows of one name in a file, one of them without a year, cannot be told
  apart either (``plan``).

Other keys pair rows, in the file's order, with the stored records of that key in the
order the store keeps them, and any left over are new.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.importing.targets import ImportTarget

Key = tuple[Any, ...]
TEXT_KINDS = ("text", "long_text")


def key_fields(target: ImportTarget, given: Iterable[str]) -> tuple[str, ...]:
    """The key fields the file has columns for (the record's name always among them)."""
    present = set(given)
    return tuple(n for i, n in enumerate(target.key) if i == 0 or n in present)


def key_part(target: ImportTarget, name: str, value: Any) -> Any:
    """One part of a key: text folded, other values as stored."""
    if value is None:
        return None
    if target.spec.field(name).kind in TEXT_KINDS:
        return fold_vietnamese(str(value))
    return value


def key_of(target: ImportTarget, names: Sequence[str], record: Mapping[str, Any]) -> Key | None:
    """The key of a record (stored forms) over ``names``; None when a part is missing."""
    parts = tuple(key_part(target, n, record.get(n)) for n in names)
    return None if any(p is None or p == "" for p in parts) else parts


def store_index(
    target: ImportTarget, names: Sequence[str], stored: Iterable[Mapping[str, Any]]
) -> dict[Key, list[Mapping[str, Any]]]:
    """The stored records by key, each key's records in the order given."""
    index: dict[Key, list[Mapping[str, Any]]] = {}
    for record in stored:
        key = key_of(target, names, record)
        if key is not None:
            index.setdefault(key, []).append(record)
    return index


class Matcher:
    """Finds the stored record of each row in turn; a record found once is not found again."""

    def __init__(
        self,
        target: ImportTarget,
        names: Sequence[str],
        stored: Iterable[Mapping[str, Any]],
    ) -> None:
        self.target = target
        self.required = tuple(n for n in names if n not in target.optional)
        self.optional = tuple(n for n in names if n in target.optional)
        self.index = store_index(target, self.required, stored)
        self.used: set[str] = set()

    def find(
        self, values: Mapping[str, Any]
    ) -> tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]:
        """The stored record ``values`` match (None: a new one), and the records it could
        be when it cannot say which (then the first is None)."""
        key = key_of(self.target, self.required, values)
        if key is None:
            return None, []
        free = [r for r in self.index.get(key, []) if str(r["id"]) not in self.used]
        chosen = self._choose(free, values) if self.target.optional else next(iter(free), None)
        if isinstance(chosen, list):
            return None, chosen
        if chosen is not None:
            self.used.add(str(chosen["id"]))
        return chosen, []

    def _choose(
        self, free: list[Mapping[str, Any]], values: Mapping[str, Any]
    ) -> Mapping[str, Any] | list[Mapping[str, Any]] | None:
        given = {n: values.get(n) for n in self.optional if values.get(n) is not None}
        if not given:
            return free if len(free) > 1 else next(iter(free), None)
        same = [r for r in free if all(r.get(n) == v for n, v in given.items())]
        unknown = [r for r in free if all(r.get(n) is None for n in given)]
        return next(iter(same or unknown), None)
