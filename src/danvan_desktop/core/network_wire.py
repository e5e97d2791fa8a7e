"""A network card as it travels: JSON for the library lane, USB reply bundles and the CLI.

One definition for the laptop (store/network.py, sync/library.py) and the city's server
(danvan_server/network.py). A wire card is the ``NetworkCard`` fields as plain JSON,
plus per photo its file's ``sha256`` and its thumbnail as base64 (or null while the
server has not made it). Standard library only.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.network import (
    MAX_CARD_PHOTOS,
    SHARE_LEVELS,
    CardPhoto,
    CardRecognition,
    NetworkCard,
)

MAX_THUMBNAIL_BYTES = 8 * 1024  # each thumbnail travels with its card
MAX_CARD_TEXT = 20_000  # characters of one text on a card (a registration item)
MAX_CARD_BYTES = 256 * 1024  # one card's JSON, thumbnails included


class CardFormatError(ValueError):
    """A wire card that cannot be read (the message names the part)."""


@dataclass(frozen=True)
class WirePhoto:
    """A card's photo as it travels: the file it names and its small image."""

    attachment_id: str
    caption: str
    sha256: str | None
    thumbnail: bytes | None


def card_to_wire(card: NetworkCard, photos: tuple[WirePhoto, ...] = ()) -> dict[str, Any]:
    """The JSON form of ``card`` with its photos (thumbnails as base64)."""
    return {
        "id": card.id,
        "model_uid": card.model_uid,
        "source_unit": card.source_unit,
        "name": card.name,
        "field_name": card.field_name,
        "commune_code": card.commune_code,
        "commune_name": card.commune_name,
        "village_name": card.village_name,
        "summary": [list(pair) for pair in card.summary],
        "results": card.results,
        "indicators": [list(pair) for pair in card.indicators],
        "recognitions": [
            {"level": r.level, "decision_no": r.decision_no, "decided_on": r.decided_on.isoformat()}
            for r in card.recognitions
        ],
        "year": card.year,
        "shared_level": card.shared_level,
        "shared_on": card.shared_on.isoformat(),
        "updated_at": card.updated_at,
        "contact": card.contact,
        "photos": [
            {
                "attachment_id": p.attachment_id,
                "caption": p.caption,
                "sha256": p.sha256,
                "thumbnail": None
                if p.thumbnail is None
                else base64.b64encode(p.thumbnail).decode(),
            }
            for p in photos
        ],
    }


def _text(data: dict[str, Any], key: str, *, optional: bool = False) -> str:
    value = data.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or len(value) > MAX_CARD_TEXT:
        raise CardFormatError(f"{key}: text expected")
    return value


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise CardFormatError(f"{key}: whole number expected")
    return value


def _date(value: Any, key: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise CardFormatError(f"{key}: date expected") from None


def _pairs(data: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise CardFormatError(f"{key}: list expected")
    pairs = []
    for item in value:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(isinstance(x, str) and len(x) <= MAX_CARD_TEXT for x in item)
        ):
            raise CardFormatError(f"{key}: pairs of texts expected")
        pairs.append((item[0], item[1]))
    return tuple(pairs)


def _recognitions(data: dict[str, Any]) -> tuple[CardRecognition, ...]:
    value = data.get("recognitions") or []
    if not isinstance(value, list):
        raise CardFormatError("recognitions: list expected")
    found = []
    for item in value:
        if not isinstance(item, dict) or item.get("level") not in SHARE_LEVELS:
            raise CardFormatError("recognitions: level expected")
        found.append(
            CardRecognition(
                str(item["level"]),
                _text(item, "decision_no", optional=True),
                _date(item.get("decided_on"), "decided_on"),
            )
        )
    return tuple(found)


def wire_photos(data: dict[str, Any]) -> tuple[WirePhoto, ...]:
    """The photos of a wire card (at most ``MAX_CARD_PHOTOS``, thumbnails decoded)."""
    value = data.get("photos") or []
    if not isinstance(value, list) or len(value) > MAX_CARD_PHOTOS:
        raise CardFormatError(f"photos: at most {MAX_CARD_PHOTOS}")
    photos = []
    for item in value:
        if not isinstance(item, dict):
            raise CardFormatError("photos: objects expected")
        thumbnail = item.get("thumbnail")
        raw = None
        if thumbnail is not None:
            try:
                raw = base64.b64decode(str(thumbnail), validate=True)
            except ValueError:
                raise CardFormatError("photos: thumbnail must be base64") from None
            if len(raw) > MAX_THUMBNAIL_BYTES:
                raise CardFormatError("photos: thumbnail over 8 KB")
        sha = item.get("sha256")
        photos.append(
            WirePhoto(
                _text(item, "attachment_id"),
                _text(item, "caption", optional=True),
                None if sha is None else str(sha),
                raw,
            )
        )
    return tuple(photos)


def card_from_wire(data: dict[str, Any]) -> NetworkCard:
    """The card of a wire dict (photos flagged by whether a thumbnail came with them)."""
    if not isinstance(data, dict):
        raise CardFormatError("card: object expected")
    level = data.get("shared_level")
    if level not in SHARE_LEVELS:
        raise CardFormatError("shared_level: commune or city expected")
    contact = data.get("contact")
    return NetworkCard(
        id=_text(data, "id"),
        model_uid=_text(data, "model_uid"),
        source_unit=_text(data, "source_unit"),
        name=_text(data, "name"),
        field_name=_text(data, "field_name", optional=True),
        commune_code=_int(data, "commune_code"),
        commune_name=_text(data, "commune_name", optional=True),
        village_name=_text(data, "village_name", optional=True),
        summary=_pairs(data, "summary"),
        results=_text(data, "results", optional=True),
        indicators=_pairs(data, "indicators"),
        recognitions=_recognitions(data),
        year=_int(data, "year"),
        shared_level=str(level),
        shared_on=_date(data.get("shared_on"), "shared_on"),
        updated_at=_text(data, "updated_at", optional=True),
        contact=None if contact in (None, "") else str(contact),
        photos=tuple(
            CardPhoto(p.attachment_id, p.caption, p.thumbnail is not None, False)
            for p in wire_photos(data)
        ),
    )
