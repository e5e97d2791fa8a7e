"""Natural keys: which rows of a file are the same record, and which stored record each is.

A row's key is its target's key fields as stored forms, the names folded
(``fold_vietnamese``): «Nguyễn Văn An» and «NGUYEN VAN AN» are one name. A key field the
file has no column for is left out of the key (a list without years matches models by
name alone), so importing the same file again finds the same records whatever the day.

Rows with the same key and the same distinguishing extras (a member's birth year) are
one record written twice: the first is taken, the others are duplicates. Rows with the
same key but told apart (two «Nguyễn Văn An», born 1958 and 1990) are different records:
the store keeps no birth year, so they are paired, in the file's order, with the stored
records of that key in the order the store keeps them (a roster's order), and any left
over are new.
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
