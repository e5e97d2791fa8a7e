"""What list views ask for and get back: the model list's filter, one page of rows.

Plain value types, shared by the store (store/lists.py turns a filter into SQL and
fills pages), the Session and the window's list pages. A NamedTuple and a plain
class, not dataclasses: the model list makes them before its first paint, and a
dataclass costs its method compilation at import (tests/ui/test_startup_path.py).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class ModelFilter(NamedTuple):
    """What the model list shows: field, status, year, unit, and optional search ids."""

    field_code: str | None = None
    status: str | None = None
    year: int | None = None
    unit_id: str | None = None
    ids: tuple[str, ...] | None = None  # restrict to search hits


class RowsPage:
    """One keyset page of a list: its rows, the cursor for the next (None at the end),
    and, when asked for, how many rows the whole list has (``extra``: other figures)."""

    __slots__ = ("after", "extra", "rows", "total")

    def __init__(
        self,
        rows: list[dict[str, Any]],
        after: tuple[Any, ...] | None,
        total: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.rows = rows
        self.after = after
        self.total = total
        self.extra: dict[str, Any] = dict(extra or {})

    def __repr__(self) -> str:
        return f"RowsPage({len(self.rows)} rows, after={self.after!r}, total={self.total!r})"
