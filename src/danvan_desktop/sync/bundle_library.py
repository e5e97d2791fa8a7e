"""The network library in USB bundles, on the laptop: card changes out, cards in.

A bundle to the server carries, beside its operations, this laptop's card changes the
server has not confirmed (``network_part``): a reviewer's shared and withdrawn cards,
a team's withdrawal requests; like the operations they are cumulative, so the newest
bundle alone carries them all. Its manifest tells the library checkpoint, so the
reply brings the library lane's changes since then.

A reply is applied in the caller's transaction (``apply_network``): first the answers
to the card changes (a share the server took loses its ``pending`` mark, unless the
reviewer changed the card since; a refused one is dropped, its message kept), then
the library's cards and tombstones. Replies can come in any order, twice, or after
an online sync: a card is written only when newer than the copy held, nothing at or
below the library checkpoint is applied again, and the checkpoint moves only when no
gap is left.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.network_wire import CardFormatError
from danvan_desktop.store import network as network_store
from danvan_desktop.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLIED = "applied"


@dataclass(frozen=True)
class AppliedLibrary:
    """What a reply did to the network library."""

    cards: int  # cards written or removed
    checkpoint_moved: bool
    messages: tuple[str, ...]  # the server's refusals of this laptop's card changes


def network_part(db: Database) -> dict[str, Any]:
    """This laptop's unconfirmed card changes (empty when it has none)."""
    part: dict[str, Any] = {}
    shares = network_store.pending_shares(db)
    withdrawals = network_store.pending_withdrawals(db)
    requests = [
        {"model_uid": uid, "requested_at": when} for uid, when in network_store.unsent_requests(db)
    ]
    for key, value in (("shares", shares), ("withdrawals", withdrawals), ("requests", requests)):
        if value:
            part[key] = value
    return part


def apply_network(db: Database, reply: Mapping[str, Any]) -> AppliedLibrary:
    """Apply a reply's network answers and library (inside the caller's transaction);
    a malformed part raises ``ValueError``: the caller refuses the reply whole."""
    try:
        messages = _settle(db, reply.get("network_results") or {})
        library = reply.get("library")
        cards, moved = (0, False) if library is None else _apply_library(db, library)
    except (CardFormatError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(str(exc)) from None
    return AppliedLibrary(cards, moved, tuple(messages))


def _settle(db: Database, results: Mapping[str, Any]) -> list[str]:
    """Settle the card changes the answered bundles carried; the refusals' messages."""
    messages: list[str] = []
    for answer in results.get("shares", []):
        card_id, refused = str(answer["id"]), answer.get("status") != APPLIED
        held = db.execute(
            "SELECT updated_at FROM network_card WHERE id = ? AND pending = ?",
            [card_id, network_store.SHARE],
        ).fetchone()
        if held is None or str(held[0]) != str(answer.get("sent")):
            continue  # settled already, or changed since: the next bundle carries it
        if refused:
            network_store.delete_card(db, card_id)
            messages.append(str(answer.get("message") or ""))
        else:  # the server's copy (its thumbnails, its time) comes with the library
            db.execute("UPDATE network_card SET pending = NULL WHERE id = ?", [card_id])
    waiting = set(network_store.pending_withdrawals(db))
    for answer in results.get("withdrawals", []):
        if str(answer["id"]) in waiting:
            network_store.settle_withdrawal(db, str(answer["id"]))
            if answer.get("status") != APPLIED:
                messages.append(str(answer.get("message") or ""))
    unsent = dict(network_store.unsent_requests(db))
    for answer in results.get("requests", []):
        model_uid = str(answer["model_uid"])
        if unsent.get(model_uid) == answer.get("sent"):
            network_store.mark_request_sent(db, model_uid, utc_now())
            if answer.get("status") != APPLIED:
                messages.append(str(answer.get("message") or ""))
    return [m for m in messages if m]


def _apply_library(db: Database, library: Mapping[str, Any]) -> tuple[int, bool]:
    """Write the cards and tombstones newer than those held; move the checkpoint when
    the reply starts at or before it."""
    since, next_seq = int(library["since"]), int(library["next"])
    held_checkpoint = network_store.checkpoint(db)
    written = 0
    for item in library["items"]:
        seq, card_id = int(item["seq"]), str(item["id"])
        if seq <= held_checkpoint:
            continue  # applied already (an online sync, or this reply twice)
        held = db.execute(
            "SELECT server_seq, pending FROM network_card WHERE id = ?", [card_id]
        ).fetchone()
        if held is not None and int(held[0]) >= seq:
            continue  # this laptop holds a newer copy
        if item.get("deleted"):
            written += network_store.delete_card(db, card_id)
        elif held is None or held[1] is None:  # a reviewer's own change on its way wins
            network_store.upsert_card(
                db, item["card"], server_seq=seq, sharer_unit=item.get("sharer_unit")
            )
            written += 1
    moved = since <= held_checkpoint < next_seq
    if moved:
        network_store.set_checkpoint(db, next_seq)
    return written, moved
