"""The team's editable list of model fields (lĩnh vực): rows, their use, codes, names.

Models refer to a field by its code: a code never changes once made and is never
reused (a removed field's tombstone syncs), and a field still used by a model
cannot be removed. The writes themselves go through ``Records`` (Session).

Every list shows each field once. A reviewer's laptop holds every team's rows (each
team made the city's six at setup), so the rows are taken by code, and a team's own
addition named like a field already listed (diacritics and case aside) is not listed
again: ``field_choices`` for lists and filters, ``field_rows`` for the dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vntext import fold_vietnamese, normalize_text

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads

_Row = TypeVar("_Row")
CODE_MAX = 40  # model_field.code's length in the schema
_ROWS = (
    "SELECT id, code, name, position_order FROM model_field WHERE deleted = 0 "
    "ORDER BY position_order, name_sort"
)


def field_rows(db: Reads) -> list[dict[str, Any]]:
    """The live fields in order, each once: id, code, name, position_order."""
    keys = ("id", "code", "name", "position_order")
    rows = [dict(zip(keys, row, strict=True)) for row in db.execute(_ROWS).fetchall()]
    return once(rows, lambda row: (str(row["code"]), str(row["name"])))


def field_choices(db: Reads) -> list[tuple[str, str]]:
    """The live fields as (code, name) in the list's order, each once (lists, filters,
    reports)."""
    rows = [(str(code), str(name)) for _id, code, name, _order in db.execute(_ROWS).fetchall()]
    return once(rows, lambda row: row)


def once(rows: Iterable[_Row], key: Callable[[_Row], tuple[str, str]]) -> list[_Row]:
    """``rows`` without the repeats of a code or of a name (folded) met before."""
    codes: set[str] = set()
    names: set[str] = set()
    kept: list[_Row] = []
    for row in rows:
        code, name = key(row)
        folded = fold_vietnamese(name)
        if code in codes or folded in names:
            continue
        codes.add(code)
        names.add(folded)
        kept.append(row)
    return kept


def field_rows_with_use(db: Reads) -> list[dict[str, Any]]:
    """``field_rows``, each with ``models``: how many live models use it (one scan)."""
    use = dict(
        db.execute(
            "SELECT field_code, count(*) FROM model WHERE deleted = 0 GROUP BY field_code"
        ).fetchall()
    )
    return [dict(row, models=int(use.get(row["code"], 0))) for row in field_rows(db)]


def models_using(db: Reads, code: str) -> int:
    """How many live models use the field ``code``."""
    row = db.execute(
        "SELECT count(*) FROM model WHERE deleted = 0 AND field_code = ?", [code]
    ).fetchone()
    return int(row[0])


def new_code(db: Reads, name: str) -> str:
    """A stable ASCII code from the name, unique among the codes ever used."""
    taken = {str(r[0]) for r in db.execute("SELECT code FROM model_field").fetchall()}
    base = re.sub(r"[^a-z0-9]+", "_", fold_vietnamese(name)).strip("_")[: CODE_MAX - 4] or "field"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def checked_name(rows: list[dict[str, Any]], name: str, field_id: str | None = None) -> str:
    """The name tidied, or a ValidationError on ``name`` (empty, or another field's)."""
    name = normalize_text(name).strip()
    if not name:
        raise ValidationError([FieldProblem("name", tr("model_fields", "Hãy nhập tên lĩnh vực."))])
    folded = fold_vietnamese(name)
    for row in rows:
        if row["id"] != field_id and fold_vietnamese(str(row["name"])) == folded:
            problem = tr("model_fields", "Đã có lĩnh vực «{name}».", name=row["name"])
            raise ValidationError([FieldProblem("name", problem)])
    return name
