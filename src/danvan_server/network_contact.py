"""A card's contact on the city's server: the one its model's team agreed to give.

The server holds the model, so it decides the contact of every card of it
(``core.model_contact.consented_contact``): when a reviewer shares a card, whatever
contact the card came with is replaced by the model's consented one, or dropped (an
earlier release let the reviewer type one; such a share is still taken, without it);
and whenever a model is written (``records.write``: a push, a USB bundle, an
administrator's edit), each live card of it whose contact no longer matches is
rewritten with the model's, under the lane's next number, so every laptop's copy of
the card follows at its next sync. The callers hold the records' sequence lock, which
the library lane's writers share.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, func, select, update

from danvan_desktop.core.model_contact import consented_contact
from danvan_server.network_tables import network_cards

CHUNK = 500  # model ids in one query


class ModelRecord(Protocol):
    """What ``follow_models`` reads of a stored record (``records.StoredRecord``)."""

    entity: str
    id: str
    fields: dict[str, Any]


def card_contact(model_fields: Mapping[str, Any]) -> str | None:
    """The contact a card of the model with these stored fields carries."""
    return consented_contact(model_fields)


def next_lane_seq(connection: Connection) -> int:
    """The library lane's next number (the caller holds the sequence lock)."""
    high = connection.execute(select(func.coalesce(func.max(network_cards.c.lane_seq), 0)))
    return int(high.scalar_one()) + 1


def follow_models(connection: Connection, changed: Sequence[ModelRecord], now: str) -> int:
    """Rewrite the live cards of the written models whose contact the model no longer
    gives; the number of cards rewritten."""
    contacts = {r.id: card_contact(r.fields) for r in changed if r.entity == "model"}
    if not contacts:
        return 0
    ids = list(contacts)
    rewritten = 0
    for start in range(0, len(ids), CHUNK):
        rows = connection.execute(
            select(network_cards.c.id, network_cards.c.model_uid, network_cards.c.card).where(
                network_cards.c.model_uid.in_(ids[start : start + CHUNK]),
                network_cards.c.deleted.is_(False),
            )
        ).all()
        for row in rows:
            card = json.loads(row.card)
            contact = contacts[str(row.model_uid)]
            if card.get("contact") == contact:
                continue
            card["contact"] = contact
            card["updated_at"] = now
            connection.execute(
                update(network_cards)
                .where(network_cards.c.id == row.id)
                .values(
                    card=json.dumps(card, ensure_ascii=False, separators=(",", ":")),
                    lane_seq=next_lane_seq(connection),
                    updated_at=now,
                )
            )
            rewritten += 1
    return rewritten
