"""Replication links: a model registered here from a network card, and where a model went.

«Học tập, nhân rộng» on a card registers a new model in the team, prefilled from the
card, and writes a ``replication_link`` (core/schema.py) beside it, in one transaction.
The link is the team's own record; the server also sends it to the source model's unit
and the reviewers above it, so the source team sees where its model was replicated.
«Được nhân rộng» on a model is computed from these links, never stored as a status.

The link copies the replicating village's name and its model's status, because the
source team never holds the replicating unit's records; where this laptop holds the
replicating model itself (its own team, a reviewer above it), that model's status wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vntext import fold_vietnamese as fold
from danvan_desktop.store.changes import Change

if TYPE_CHECKING:
    from danvan_desktop.core.network import NetworkCard, Replication
    from danvan_desktop.store.connection import Reads
    from danvan_desktop.store.records import Records

LINK = "replication_link"
# The registration items a card's summary may carry, in the form's order.
SUMMARY_ITEMS = (
    "situation",
    "goals",
    "content",
    "scope",
    "actors",
    "resources",
    "timeline",
    "outputs",
    "sustainability",
)

_REPLICATIONS_SQL = """
SELECT l.source_model_id, l.unit_id, l.village_name, l.model_id, l.replicated_on,
       coalesce(m.status, l.model_status) AS status, u.name AS unit_name
FROM replication_link l
LEFT JOIN model m ON m.id = l.model_id AND m.deleted = 0
LEFT JOIN unit u ON u.id = l.unit_id AND u.deleted = 0
WHERE l.deleted = 0 AND {where}
ORDER BY l.replicated_on, l.village_name, l.id
"""


def _replication(row: Mapping[str, Any]) -> Replication:
    # Imported here: the model list asks which rows are replicated before the window's
    # first paint, which loads no dataclasses (tests/ui/test_startup_path.py).
    from danvan_desktop.core.network import Replication

    return Replication(
        source_model_uid=str(row["source_model_id"]),
        replicating_unit=str(row["unit_id"] or ""),
        village_name=str(row["village_name"] or row["unit_name"] or ""),
        model_uid=str(row["model_id"]),
        status=str(row["status"] or "registered"),
        replicated_on=dt.date.fromisoformat(str(row["replicated_on"])[:10]),
    )


def replications_of(db: Reads, model_id: str) -> list[Replication]:
    """Where the model ``model_id`` has been replicated, oldest first."""
    sql = _REPLICATIONS_SQL.format(where="l.source_model_id = ?")
    return [_replication(row) for row in db.query(sql, [model_id])]


def replicated_from(db: Reads, model_id: str) -> Replication | None:
    """The link of a model registered from another unit's model, or None."""
    sql = _REPLICATIONS_SQL.format(where="l.model_id = ?")
    rows = list(db.query(sql, [model_id]))
    return _replication(rows[0]) if rows else None


def source_name(db: Reads, model_id: str) -> str | None:
    """The name of the model that ``model_id`` was replicated from (as the card had it)."""
    sql = "SELECT source_model_name FROM replication_link WHERE model_id = ? AND deleted = 0"
    rows = list(db.query(sql, [model_id]))
    return str(rows[0]["source_model_name"] or "") if rows else None


def replication_counts(db: Reads, model_ids: Iterable[str] | None = None) -> dict[str, int]:
    """How many times each source model has been replicated (models with none left out)."""
    sql = (
        "SELECT source_model_id, count(*) AS n FROM replication_link WHERE deleted = 0 "
        "GROUP BY source_model_id"
    )
    counts = {str(r["source_model_id"]): int(r["n"]) for r in db.query(sql)}
    if model_ids is None:
        return counts
    return {mid: counts[mid] for mid in model_ids if mid in counts}


def is_replicated(db: Reads, model_id: str) -> bool:
    """True when at least one link names the model as its source («Được nhân rộng»)."""
    sql = "SELECT 1 AS one FROM replication_link WHERE source_model_id = ? AND deleted = 0 LIMIT 1"
    return bool(list(db.query(sql, [model_id])))


# -- replicating ------------------------------------------------------------------------
def _item_names() -> dict[str, str]:
    """Each summary label (source and translated, folded) to its model field."""
    # Imported here: the model list reads the links before the window's first paint,
    # which loads no schema (tests/ui/test_startup_path.py).
    from danvan_desktop.core.schema import MODEL

    names: dict[str, str] = {}
    for name in SUMMARY_ITEMS:
        label = MODEL.field(name).label
        names[fold(label)] = name
        names[fold(tr("fields", label))] = name
    return names


def prefilled_items(card: NetworkCard) -> dict[str, str]:
    """The card's registration items as model fields (labels the model does not know are
    left out)."""
    names = _item_names()
    items: dict[str, str] = {}
    for label, text in card.summary:
        name = names.get(fold(label))
        if name is not None and text.strip() and name not in items:
            items[name] = text.strip()
    return items


def _field_code(records: Records, field_name: str) -> tuple[str, list[Change]]:
    """The team's field code named like the card's field; the field is added when the team
    has none of that name."""
    from danvan_desktop.store import model_fields

    wanted = fold(field_name)
    rows = model_fields.field_rows(records.db)
    for row in rows:
        if fold(str(row["name"])) == wanted:
            return str(row["code"]), []
    name = model_fields.checked_name(rows, field_name)
    code = model_fields.new_code(records.db, name)
    last = max((int(r["position_order"] or 0) for r in rows), default=0)
    change = records.save("model_field", {"code": code, "name": name, "position_order": last + 1})
    return code, [change]


def _refuse(message: str) -> ValidationError:
    return ValidationError([FieldProblem("card_id", message)])


def existing_replica(db: Reads, source_model_id: str) -> str | None:
    """The model this team already registered from ``source_model_id``, if any."""
    sql = (
        "SELECT l.model_id FROM replication_link l JOIN model m ON m.id = l.model_id "
        "WHERE l.source_model_id = ? AND l.deleted = 0 AND m.deleted = 0 LIMIT 1"
    )
    rows = list(db.query(sql, [source_model_id]))
    return str(rows[0]["model_id"]) if rows else None


def check_can_replicate(records: Records, card: NetworkCard) -> None:
    """Refuse, with the reason, a card this team may not replicate."""
    home = records.store.home_unit_id
    if card.source_unit == home:
        raise _refuse(
            tr(
                "replication",
                "«{name}» là mô hình của chính tổ mình: chỉ nhân rộng được mô hình của nơi khác.",
                name=card.name,
            )
        )
    if existing_replica(records.db, card.model_uid) is not None:
        raise _refuse(
            tr(
                "replication",
                "Tổ đã nhân rộng mô hình «{name}»: hãy mở mô hình đã đăng ký trong trang Mô hình.",
                name=card.name,
            )
        )


def village_name(records: Records) -> str:
    """The name of this laptop's own unit (the replicating village)."""
    home = records.store.home_unit_id
    row = records.find("unit", home) if home else None
    return str((row or {}).get("name") or "")


def register_replica(records: Records, card: NetworkCard, *, today: dt.date) -> list[Change]:
    """Register a model prefilled from ``card`` and link it to its source, all or nothing.

    The first change is the new model's."""
    check_can_replicate(records, card)
    with records.db.atomic():
        code, field_changes = _field_code(records, card.field_name)
        fields: dict[str, Any] = {
            "name": card.name,
            "field_code": code,
            "status": "registered",
            "year": today.year,
            **prefilled_items(card),
        }
        model = records.save("model", fields)
        link = records.save(
            LINK,
            {
                "model_id": model.record_id,
                "source_model_id": card.model_uid,
                "source_unit_id": card.source_unit,
                "source_model_name": card.name,
                "card_id": card.id,
                "village_name": village_name(records) or None,
                "model_status": "registered",
                "replicated_on": today.isoformat(),
            },
        )
    return [model, link, *field_changes]


def replicated_among(db: Reads, model_ids: Iterable[str]) -> set[str]:
    """Those of ``model_ids`` that show «Được nhân rộng» (one query for a page of a list)."""
    ids = list(model_ids)
    if not ids:
        return set()
    marks = ",".join("?" for _ in ids)
    sql = (
        "SELECT DISTINCT source_model_id FROM replication_link "
        f"WHERE deleted = 0 AND source_model_id IN ({marks})"
    )
    return {str(row["source_model_id"]) for row in db.query(sql, ids)}
