"""A card made from a recognised model: what a reviewer's laptop shares with the network.

The card carries the model's name, field and place, the ten registration items (the
empty ones left out), its results, the latest reading of each indicator, its
recognitions and up to three of its photos; never anything about a resident. The
recognitions come from the model's recognition list when this release has one
(entity ``model_recognition``), else from the model's own level and date. Its contact
is the one the model's team agreed to give (``core.model_contact``), or none: the
reviewer who shares the card does not choose it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.model_contact import CONSENT_FIELDS, consented_contact
from danvan_desktop.core.network import MAX_CARD_PHOTOS, SHARE_LEVELS, CardRecognition, NetworkCard
from danvan_desktop.core.network_wire import WirePhoto
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.store.records import Records

# The ten registration items of the form, in its order.
ITEMS = (
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
SHAREABLE_STATUSES = ("recognised", "replicated")
RECOGNITION_ENTITY = "model_recognition"  # the life-cycle engineer's list, when present


def _problem(field: str, text: str) -> ValidationError:
    return ValidationError([FieldProblem(field, text)])


def recognitions_of(records: Records, model: dict[str, Any]) -> tuple[CardRecognition, ...]:
    """The model's recognitions: its list when there is one, else its own level and date."""
    found: list[CardRecognition] = []
    if RECOGNITION_ENTITY in ENTITIES:
        for row in records.rows(RECOGNITION_ENTITY, "model_id = ?", [model["id"]]):
            level, on = row.get("level"), row.get("decided_on") or row.get("recognised_on")
            if level in SHARE_LEVELS and on:
                no = str(row.get("decision_number") or row.get("decision_no") or "")
                found.append(CardRecognition(str(level), no, dt.date.fromisoformat(str(on)[:10])))
    level, on = model.get("recognition_level"), model.get("recognised_on")
    if not found and level in SHARE_LEVELS and on:
        found.append(CardRecognition(str(level), "", dt.date.fromisoformat(str(on)[:10])))
    return tuple(sorted(found, key=lambda r: r.decided_on))


def _number(value: Any) -> str:
    number = float(value)
    text = f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}".rstrip("0")
    return text.replace(",", ".") if number.is_integer() else text.replace(",", " ")


def indicators_of(records: Records, model_id: str) -> tuple[tuple[str, str], ...]:
    """The latest reading of each indicator: (indicator, value with its unit)."""
    latest: dict[str, dict[str, Any]] = {}
    for row in records.rows("indicator_reading", "model_id = ?", [model_id]):
        name = str(row["indicator"])
        if name not in latest or str(row["read_on"]) >= str(latest[name]["read_on"]):
            latest[name] = row
    return tuple(
        (name, f"{_number(row['value'])} {row.get('unit_label') or ''}".strip())
        for name, row in latest.items()
    )


def _unit(records: Records, unit_id: str | None) -> dict[str, Any]:
    if not unit_id:
        return {}
    found = list(records.rows("unit", "id = ?", [unit_id]))
    return found[0] if found else {}


def within(records: Records, unit_id: str, above_id: str) -> bool:
    """Whether ``unit_id`` is ``above_id`` or below it, by the unit records held here."""
    seen: set[str] = set()
    current: str | None = unit_id
    while current and current not in seen:
        if current == above_id:
            return True
        seen.add(current)
        current = _unit(records, current).get("parent_unit_id")
    return False


def _photos(records: Records, model_id: str, photo_ids: Sequence[str]) -> tuple[WirePhoto, ...]:
    if len(photo_ids) > MAX_CARD_PHOTOS:
        raise _problem(
            "photo_ids",
            tr("network", "Một thẻ có tối đa {count} ảnh: hãy bỏ bớt ảnh.", count=MAX_CARD_PHOTOS),
        )
    photos = []
    for attachment_id in photo_ids:
        rows = list(
            records.rows("attachment", "id = ? AND owner_id = ?", [attachment_id, model_id])
        )
        if not rows:
            raise _problem(
                "photo_ids",
                tr(
                    "network", "Ảnh này không thuộc mô hình được chia sẻ: hãy chọn ảnh của mô hình."
                ),
            )
        row = rows[0]
        sha = str(row.get("upload_sha256") or row["sha256"])
        photos.append(WirePhoto(attachment_id, str(row.get("caption") or ""), sha, None))
    return tuple(photos)


def build_card(
    records: Records,
    model_id: str,
    *,
    reviewer_unit: str,
    card_id: str | None,
    photo_ids: Sequence[str],
    today: dt.date,
) -> tuple[NetworkCard, tuple[WirePhoto, ...]]:
    """The card of a recognised model in the reviewer's scope, with its photos; its
    contact is the team's consented one (None without the team's consent)."""
    model = records.get("model", model_id)
    if model.get("status") not in SHAREABLE_STATUSES:
        raise _problem(
            "model_id",
            tr(
                "network",
                "Chỉ mô hình đã được công nhận mới chia sẻ lên mạng lưới được: hãy công nhận "
                "mô hình trước.",
            ),
        )
    if not within(records, str(model.get("unit_id") or ""), reviewer_unit):
        raise _problem(
            "model_id",
            tr(
                "network", "Mô hình này không thuộc phạm vi của đơn vị mình nên không chia sẻ được."
            ),
        )
    village = _unit(records, model.get("unit_id"))
    reviewer = _unit(records, reviewer_unit)
    fields = {
        r["code"]: r["name"] for r in records.rows("model_field", "code = ?", [model["field_code"]])
    }
    spec = ENTITIES["model"]
    summary = tuple(
        (spec.field(name).label, str(model[name]).strip())
        for name in ITEMS
        if str(model.get(name) or "").strip()
    )
    level = str(reviewer.get("level") or "commune")
    card = NetworkCard(
        id=card_id or uuid7(),
        model_uid=model_id,
        source_unit=str(model.get("unit_id") or ""),
        name=str(model["name"]),
        field_name=str(fields.get(model["field_code"]) or model["field_code"]),
        commune_code=int(village.get("commune_code") or 0),
        commune_name=str(village.get("commune_name") or ""),
        village_name=str(village.get("name") or ""),
        summary=summary,
        results=str(model.get("review_comment") or "").strip(),
        indicators=indicators_of(records, model_id),
        recognitions=recognitions_of(records, model),
        year=int(model.get("year") or today.year),
        shared_level=level if level in SHARE_LEVELS else "commune",
        shared_on=today,
        updated_at="",
        contact=consented_contact(model),
    )
    return card, _photos(records, model_id, photo_ids)


def team_contact(db: Any, model_id: str) -> str | None:
    """The contact a card of this model carries (the team's consented one), or None;
    ``db`` is the store's ``Database`` or a ``PlainReader``."""
    names = ", ".join(f"[{n}]" for n in CONSENT_FIELDS)
    rows = list(db.query(f"SELECT {names} FROM model WHERE id = ?", [model_id]))
    return consented_contact(rows[0]) if rows else None
