"""What a mutation did to which records: the store's answer, carried up to the pages.

Kept apart from records.py (the writer, with validation and the outbox) so that
what only reads or passes changes on does not load the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """What one mutation did: which record, how, which fields."""

    entity: str
    record_id: str
    kind: str  # created | updated | deleted | unchanged
    fields: tuple[str, ...] = ()


@dataclass
class Changes:
    """The changes of one facade call, so the UI refreshes only what changed."""

    items: list[Change] = field(default_factory=list)

    def add(self, change: Change) -> Change:
        """Append one change and return it."""
        if change.kind != "unchanged":
            self.items.append(change)
        return change

    @property
    def entities(self) -> set[str]:
        """The entities touched."""
        return {c.entity for c in self.items}
