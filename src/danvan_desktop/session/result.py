"""What the Session's mutations return: the records they changed."""

from __future__ import annotations

from typing import NamedTuple

from danvan_desktop.store.changes import Change, Changes


class Result(NamedTuple):
    """What a mutation did."""

    record_id: str | None
    changes: tuple[Change, ...] = ()

    @property
    def entities(self) -> set[str]:
        """The entities whose records changed."""
        return {c.entity for c in self.changes}


def result_of(change: Change | Changes, record_id: str | None = None) -> Result:
    """The Result of a store change (one record's, or several)."""
    if isinstance(change, Change):
        items = () if change.kind == "unchanged" else (change,)
        return Result(record_id or change.record_id, items)
    return Result(record_id, tuple(change.items))
