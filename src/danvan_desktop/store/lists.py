"""Pages of list views: filtered, sorted in Vietnamese order, fetched lazily.

Keyset paging (``after`` = the sort value and id of the last row shown) keeps every
page as cheap as the first on 100k rows, where OFFSET would scan everything before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads

# column the user sorts by -> SQL expression ordering it (Vietnamese keys for text)
MODEL_ORDER = {
    "name": "name_sort",
    "year": "year",
    "status": "status",
    "field_code": "field_code",
    "updated_at": "updated_at",
}
MODEL_COLUMNS = ("id", "name", "field_code", "status", "year", "unit_id", "updated_at", "dirty")


class ModelFilter(NamedTuple):
    """What the model list shows: field, status, year, unit, and optional search ids."""

    field_code: str | None = None
    status: str | None = None
    year: int | None = None
    unit_id: str | None = None
    ids: tuple[str, ...] | None = None  # restrict to search hits

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition and parameters."""
        parts, params = ["deleted = 0"], []
        for column in ("field_code", "status", "year", "unit_id"):
            value = getattr(self, column)
            if value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        if self.ids is not None:
            parts.append(f"id IN ({','.join('?' for _ in self.ids)})" if self.ids else "0")
            params += list(self.ids)
        return " AND ".join(parts), params


class Page(NamedTuple):
    """Rows of one page and the cursor for the next."""

    rows: list[dict[str, Any]]
    after: tuple[Any, str] | None
    order: str
    descending: bool = False


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


def model_page(
    db: Reads,
    flt: ModelFilter,
    *,
    order: str = "name",
    descending: bool = False,
    limit: int = 50,
    after: tuple[Any, str] | None = None,
) -> Page:
    """One page of the model list in the chosen order, after the given cursor."""
    if order not in MODEL_ORDER:
        raise ValidationError(
            [
                FieldProblem(
                    "order", tr("lists", "Không sắp xếp được theo cột «{order}».", order=order)
                )
            ]
        )
    key = MODEL_ORDER[order]
    where, params = flt.where()
    direction = "DESC" if descending else "ASC"
    cmp = "<" if descending else ">"
    if after is not None:
        where += f" AND ({key}, id) {cmp} (?, ?)"
        params += [after[0], after[1]]
    columns = ", ".join(MODEL_COLUMNS)
    sql = (
        f"SELECT {columns}, {key} AS _key FROM model WHERE {where} "
        f"ORDER BY {key} {direction}, id {direction} LIMIT {int(limit)}"
    )
    rows = list(db.query(sql, params))
    cursor = (rows[-1]["_key"], rows[-1]["id"]) if len(rows) == limit else None
    for row in rows:
        del row["_key"]
    return Page(rows, cursor, order, descending)


def model_count(db: Reads, flt: ModelFilter) -> int:
    """How many models the filter shows."""
    where, params = flt.where()
    return int(db.execute(f"SELECT count(*) FROM model WHERE {where}", params).fetchone()[0])


# -- the list's filter choices ------------------------------------------------------
# One index probe per distinct year (idx_model_year), newest first: DISTINCT would read
# every live model's index entry (5 ms on 100k models, before the list's first paint).
MODEL_YEARS_SQL = """
WITH RECURSIVE years(year) AS (
    SELECT max(year) FROM model WHERE deleted = 0
    UNION ALL
    SELECT (SELECT max(year) FROM model WHERE deleted = 0 AND year < years.year)
    FROM years WHERE years.year IS NOT NULL
)
SELECT year FROM years WHERE year IS NOT NULL
"""


def model_years(db: Reads) -> list[int]:
    """The registration years that models exist for, newest first (for the year filter)."""
    return [int(r[0]) for r in db.execute(MODEL_YEARS_SQL).fetchall()]


def model_fields(db: Reads) -> list[tuple[str, str]]:
    """The team's list of model fields as (code, name), in the team's order."""
    rows = db.execute(
        "SELECT code, name FROM model_field WHERE deleted = 0 ORDER BY position_order, name_sort"
    ).fetchall()
    return [(str(code), str(name)) for code, name in rows]
