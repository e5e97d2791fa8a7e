"""The network library by USB bundle: a laptop's card changes in, the cards out in replies.

A laptop's bundle (``ops.json.gz``, signed like everything in it) may carry a
``network`` part: a reviewer's shared cards and withdrawals, a team's requests to
withdraw its model's card. It is checked whole with the bundle, before anything is
written; after the bundle's operations (a share may need the recognition they
carry), each change goes through the same code as its HTTP route, with the
signer's scope, and its answer (``applied`` or ``rejected`` with the message) is
kept with the import for the reply. A bundle imported before, or older than one of
the same laptop imported already, changes no card: bundles are cumulative, and a
stale share must not bring back a card withdrawn since.

A reply carries those answers and, when the laptop told its library checkpoint
(a laptop of this release; a released one did not, and gets no cards), the library
lane's changes in its scope since that checkpoint: cards with their thumbnails and
tombstones of withdrawn ones, within ``LIBRARY_MAX_BYTES`` (``more`` then says the
next reply continues).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

import danvan_desktop.sync.bundle_format as fmt
from danvan_desktop.core.network_wire import CardFormatError, card_from_wire, wire_photos
from danvan_server import auth, network
from danvan_server.attachments import AttachmentStore
from danvan_server.bundle_tables import bundle_imports
from danvan_server.checks import is_valid_id
from danvan_server.db import reading
from danvan_server.http import ApiError

NETWORK_KEY = "network"  # the part of a laptop's ops payload
LIBRARY_MAX_BYTES = 64 * 1024**2  # cards in one reply, beside at most 128 MiB of changes
APPLIED, REJECTED = "applied", "rejected"
MAX_ITEMS = 10_000  # changes of each kind in one bundle's network part


@dataclass(frozen=True)
class NetworkPart:
    """A bundle's card changes, checked: shares (wire cards), withdrawals, requests."""

    shares: list[dict[str, Any]] = field(default_factory=list)
    withdrawals: list[str] = field(default_factory=list)
    requests: list[dict[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.shares or self.withdrawals or self.requests)


def read_part(payload: dict[str, Any]) -> NetworkPart:
    """The network part of a laptop's ops payload (empty when none); a part that is not
    what a laptop writes refuses the bundle whole, like a damaged member."""
    part = payload.get(NETWORK_KEY)
    if part is None:
        return NetworkPart()
    if not isinstance(part, dict):
        raise fmt.damaged()
    shares, withdrawals, requests = (
        part.get("shares") or [],
        part.get("withdrawals") or [],
        part.get("requests") or [],
    )
    if not all(
        isinstance(x, list) and len(x) <= MAX_ITEMS for x in (shares, withdrawals, requests)
    ):
        raise fmt.damaged()
    for wire in shares:
        try:
            card_from_wire(wire)
            wire_photos(wire)
        except (CardFormatError, AttributeError):
            raise fmt.damaged() from None
    if not all(is_valid_id(card_id) for card_id in withdrawals):
        raise fmt.damaged()
    for request in requests:
        if not isinstance(request, dict) or not all(
            isinstance(request.get(key), str) and len(request[key]) <= 64
            for key in ("model_uid", "requested_at")
        ):
            raise fmt.damaged()
    return NetworkPart(
        list(shares),
        [str(x) for x in withdrawals],
        [{"model_uid": r["model_uid"], "requested_at": r["requested_at"]} for r in requests],
    )


def library_checkpoint(manifest: dict[str, Any]) -> int | None:
    """The laptop's library checkpoint as its manifest tells it; None when it holds no
    library (a laptop of an earlier release: its replies carry no cards)."""
    value = manifest.get("library_checkpoint")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        return None
    return value


def superseded(engine: Engine, bundle: fmt.Bundle) -> bool:
    """Whether this bundle, or a later one of the same laptop, was imported already (its
    cards then changed nothing: the later bundle carried them, or withdrew them since).
    Bundle ids are UUIDv7 made by that laptop, in the order it made its bundles."""
    bundle_id = str(bundle.manifest["bundle_id"])
    with reading(engine) as connection:
        row = connection.execute(
            select(bundle_imports.c.bundle_id)
            .where(
                bundle_imports.c.device_id == str(bundle.manifest.get("device_id")),
                bundle_imports.c.bundle_id >= bundle_id,
            )
            .limit(1)
        ).first()
    return row is not None


def apply_part(
    engine: Engine, files: AttachmentStore, part: NetworkPart, scope: auth.Scope, language: str
) -> dict[str, list[dict[str, Any]]]:
    """Apply each card change with the signer's scope; the answers for the reply."""
    answers: dict[str, list[dict[str, Any]]] = {"shares": [], "withdrawals": [], "requests": []}
    for wire in part.shares:
        answer: dict[str, Any] = {"id": str(wire["id"]), "sent": str(wire.get("updated_at") or "")}
        try:
            shared = network.share(engine, files, {"card": wire}, scope, language)
            answer.update(status=APPLIED, seq=int(shared["seq"]))
        except ApiError as exc:
            answer.update(status=REJECTED, message=exc.message)
        answers["shares"].append(answer)
    for card_id in part.withdrawals:
        try:
            network.withdraw(engine, card_id, scope, language)
            answers["withdrawals"].append({"id": card_id, "status": APPLIED})
        except ApiError as exc:  # 404: the server never had it, nothing left to withdraw
            status = APPLIED if exc.status == 404 else REJECTED
            answers["withdrawals"].append({"id": card_id, "status": status, "message": exc.message})
    for request in part.requests:
        answer = {"model_uid": request["model_uid"], "sent": request["requested_at"]}
        try:
            network.request_withdrawal(engine, request, scope, language)
            answer["status"] = APPLIED
        except ApiError as exc:
            answer.update(status=REJECTED, message=exc.message)
        answers["requests"].append(answer)
    return answers


def reply_part(engine: Engine, scope: auth.Scope, answered: list[Any]) -> dict[str, Any]:
    """What a reply adds for the network: the answers to the answered bundles' card
    changes (a change in two bundles: the later import's) and, when every answered
    bundle told its library checkpoint, the library lane since the lowest of them."""
    merged: dict[str, dict[str, dict[str, Any]]] = {"shares": {}, "withdrawals": {}, "requests": {}}
    for imported in answered:
        told = json.loads(imported.network) if imported.network else {}
        for kind, key in (("shares", "id"), ("withdrawals", "id"), ("requests", "model_uid")):
            merged[kind].update((str(a.get(key)), a) for a in told.get(kind, []))
    part: dict[str, Any] = {}
    if any(merged.values()):
        part["network_results"] = {kind: list(found.values()) for kind, found in merged.items()}
    checkpoints = [a.library_checkpoint for a in answered]
    if checkpoints and None not in checkpoints:
        since = int(min(checkpoints))
        page = json.loads(network.library_page(engine, scope, since, LIBRARY_MAX_BYTES))
        part["library"] = {"since": since, **page}
    return part
