"""Pages of list views: filtered, sorted in Vietnamese order, fetched lazily.

Keyset paging (``after`` = the sort value and id of the last row shown) keeps every
page as cheap as the first on 100k rows, where OFFSET would scan everything before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lists import ModelFilter
from danvan_desktop.core.lists import RowsPage as RowsPage  # the value type lives in core

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


def model_where(flt: ModelFilter) -> tuple[str, list[Any]]:
    """The SQL condition and parameters of the model list's filter (core/lists.py)."""
    parts, params = ["deleted = 0"], []
    for column in ("field_code", "status", "year", "unit_id"):
        value = getattr(flt, column)
        if value is not None:
            parts.append(f"{column} = ?")
            params.append(value)
    if flt.ids is not None:
        parts.append(f"id IN ({','.join('?' for _ in flt.ids)})" if flt.ids else "0")
        params += list(flt.ids)
    return " AND ".join(parts), params


class Page(NamedTuple):
    """Rows of one page and the cursor for the next."""

    rows: list[dict[str, Any]]
    after: tuple[Any, str] | None
    order: str
    descending: bool = False


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
    where, params = model_where(flt)
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
    where, params = model_where(flt)
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
    """The list of model fields as (code, name), in the team's order, each once."""
    from danvan_desktop.store.model_fields import field_choices

    return field_choices(db)
