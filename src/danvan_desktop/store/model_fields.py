"""The team's editable list of model fields (lĩnh vực): rows, their use, codes, names.

Models refer to a field by its code: a code never changes once made and is never
reused (a removed field's tombstone syncs), and a field still used by a model
cannot be removed. The writes themselves go through ``Records`` (Session).

The city's fields (the server's ``danvan-server fields``, danvan_server/city_fields.py)
have ids made from their code (``field-<code>``): a laptop's setup makes the six
defaults under those ids without queuing them (``make_city_defaults``), and the pull
overwrites them in place, so the city's renames reach every laptop. A team may neither
change nor remove them (``refuse_city_field``); its own fields follow the city's.

Every list shows each field once, the city's first. A laptop set up by an earlier
release (and a reviewer's laptop that pulled such teams' copies) holds a team's own copy
of a default under another id: the rows are taken by code, and a team's own addition
named like a field already listed (diacritics and case aside) is not listed again:
``field_choices`` for lists and filters, ``field_rows`` for the dialog.

A team's own field gets a code starting with ``to_`` (``TEAM_CODE_PREFIX``), which the
city never publishes (``danvan-server fields set`` refuses it, and a code a team's field
already has), so the city's fields cannot take a team's code from under it. A team field
made before (its code never changes) whose code the city published since is still the
team's: its models were made for it, so lists show the team's field under its own name
and leave the city's field of that code out (``_taken_by_team``); the six defaults'
copies are not such fields, and give way to the city's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vntext import fold_vietnamese, normalize_text

if TYPE_CHECKING:
    from danvan_desktop.store.changes import Change
    from danvan_desktop.store.connection import Reads
    from danvan_desktop.store.records import Records

_Row = TypeVar("_Row")
CODE_MAX = 40  # model_field.code's length in the schema
CITY_ID_PREFIX = "field-"  # the city's fields: ``field-<code>`` (danvan_server/city_fields.py)
# A team's own field's code: never one of the city's (danvan_server/city_fields.py).
TEAM_CODE_PREFIX = "to_"
_ROWS = (
    "SELECT id, code, name, position_order FROM model_field WHERE deleted = 0 "
    "ORDER BY substr(id, 1, 6) = 'field-' DESC, position_order, name_sort"
)


def city_field_id(code: str) -> str:
    """The id of the city's field ``code``, the same on every laptop and the server."""
    return f"{CITY_ID_PREFIX}{code}"


def is_city_field(field_id: str) -> bool:
    """Whether ``field_id`` is one of the city's fields (a team may not change it)."""
    return field_id.startswith(CITY_ID_PREFIX)


def make_city_defaults(records: Records) -> list[Change]:
    """The city's six default fields under the city's ids, queued to send to no one (the
    server holds the city's; its pull overwrites these in place)."""
    # Setup's needs only: the lists the first paint reads import this module too.
    from danvan_desktop.core.schema import ENTITIES
    from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
    from danvan_desktop.store import search_index
    from danvan_desktop.store.changes import Change
    from danvan_desktop.store.database import utc_now

    spec = ENTITIES["model_field"]
    made: list[Change] = []
    for position, (code, name) in enumerate(DEFAULT_MODEL_FIELDS, start=1):
        record_id = city_field_id(code)
        record = {"code": code, "name": tr("vocab", name), "position_order": position}
        row = {
            **record,
            **search_index.sort_columns(spec, record),
            "id": record_id,
            "unit_id": records.store.home_unit_id,  # as every record of the setup
            "dirty": 0,
            "deleted": 0,
            "updated_at": utc_now(),
            "updated_by": records.store.device_id,
        }
        names = ", ".join(f"[{c}]" for c in row)
        records.db.execute(
            f"INSERT OR IGNORE INTO [{spec.table}] ({names}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        search_index.index_record(records.db, spec, record_id, record)
        made.append(Change("model_field", record_id, "created", tuple(sorted(record))))
    return made


def refuse_city_field(db: Reads, field_id: str) -> None:
    """A ValidationError on ``name`` when ``field_id`` is one of the city's fields."""
    if is_city_field(field_id):
        row = db.execute("SELECT name FROM model_field WHERE id = ?", [field_id]).fetchone()
        name = row[0] if row is not None else field_id
        problem = tr(
            "model_fields",
            "«{name}» là lĩnh vực của thành phố: tổ không sửa, chuyển hay xóa được. "
            "Hãy thêm lĩnh vực riêng của tổ nếu cần.",
            name=name,
        )
        raise ValidationError([FieldProblem("name", problem)])


def field_rows(db: Reads) -> list[dict[str, Any]]:
    """The live fields in order (the city's first), each once: id, code, name,
    position_order, city (one of the city's fields)."""
    keys = ("id", "code", "name", "position_order")
    team_codes = _taken_by_team(db)
    rows = [
        dict(zip(keys, row, strict=True))
        for row in db.execute(_ROWS).fetchall()
        if not (is_city_field(str(row[0])) and row[1] in team_codes)
    ]
    for row in rows:
        row["city"] = is_city_field(str(row["id"]))
    return once(rows, lambda row: (str(row["code"]), str(row["name"])))


def field_labels(db: Reads) -> dict[str, str]:
    """Every code a model may hold → the name a list shows for it: its live field's (the
    city's before a copy of it), else the last name of its removed field (a city field
    left out of the city's list keeps its models under that name)."""
    rows = db.execute(
        "SELECT id, code, name FROM model_field "
        "ORDER BY deleted DESC, substr(id, 1, 6) = 'field-', position_order, name_sort"
    ).fetchall()
    team_codes = _taken_by_team(db)
    return {  # the last row of a code wins
        str(code): str(name)
        for field_id, code, name in rows
        if not (is_city_field(str(field_id)) and code in team_codes)
    }


def own_rows(db: Reads) -> list[dict[str, Any]]:
    """``field_rows`` of the team's own fields only (the city's left out)."""
    return [row for row in field_rows(db) if not row["city"]]


def field_choices(db: Reads) -> list[tuple[str, str]]:
    """The live fields as (code, name) in the list's order, each once (lists, filters,
    reports)."""
    team_codes = _taken_by_team(db)
    rows = [
        (str(code), str(name))
        for field_id, code, name, _order in db.execute(_ROWS).fetchall()
        if not (is_city_field(str(field_id)) and code in team_codes)
    ]
    return once(rows, lambda row: row)


def _taken_by_team(db: Reads) -> set[str]:
    """Codes of a team's own live field (not a copy of one of the six defaults) that a
    city field holds too: the team's field is the one its models were made for."""
    from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS

    defaults = ", ".join("?" for _ in DEFAULT_MODEL_FIELDS)
    rows = db.execute(
        "SELECT DISTINCT own.code FROM model_field AS own JOIN model_field AS city "
        "ON city.code = own.code AND substr(city.id, 1, 6) = 'field-' "
        "WHERE own.deleted = 0 AND substr(own.id, 1, 6) != 'field-' "
        f"AND own.code NOT IN ({defaults})",
        [code for code, _name in DEFAULT_MODEL_FIELDS],
    ).fetchall()
    return {str(row[0]) for row in rows}


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
    """A stable ASCII code from the name (``to_`` first: never a city's), unique among the
    codes ever used."""
    taken = {str(r[0]) for r in db.execute("SELECT code FROM model_field").fetchall()}
    words = re.sub(r"[^a-z0-9]+", "_", fold_vietnamese(name)).strip("_") or "field"
    base = TEAM_CODE_PREFIX + words[: CODE_MAX - 4 - len(TEAM_CODE_PREFIX)]
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
