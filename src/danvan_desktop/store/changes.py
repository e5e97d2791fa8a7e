"""What a mutation did to which records: the store's answer, carried up to the pages.

Kept apart from records.py (the writer, with validation and the outbox) so that
what only reads or passes changes on does not load the writer. A NamedTuple and a
plain class, not dataclasses, like every value type made before the window's first
paint: tests/ui/test_startup_path.py says why and checks it.
"""

from __future__ import annotations

from typing import NamedTuple


class Change(NamedTuple):
    """What one mutation did: which record, how, which fields."""

    entity: str
    record_id: str
    kind: str  # created | updated | deleted | unchanged
    fields: tuple[str, ...] = ()


class Changes:
    """The changes of one facade call, so the UI refreshes only what changed."""

    def __init__(self, items: list[Change] | None = None) -> None:
        self.items: list[Change] = list(items or ())

    def __repr__(self) -> str:
        return f"Changes({self.items!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Changes) and other.items == self.items

    __hash__ = None  # type: ignore[assignment]  # mutable, like the list it holds

    def add(self, change: Change) -> Change:
        """Append one change and return it."""
        if change.kind != "unchanged":
            self.items.append(change)
        return change

    @property
    def entities(self) -> set[str]:
        """The entities touched."""
        return {c.entity for c in self.items}
