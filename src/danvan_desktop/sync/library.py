"""The library lane: the network's cards, after the team's own records and photos.

The last step of a sync round (protocol 3; a server that speaks only 2 has no lane).
First what this laptop sends up: a reviewer's shared and withdrawn cards, a team's
requests to withdraw its model's card. Then the lane's pages since the library
checkpoint, each applied with its checkpoint in one local transaction
(store/network.py), so a link that drops every half minute still advances, and the
team's own records never wait behind the library: they went first, and a retried
round pushes and pulls them before it comes back here. Releases share this lane: after
the cards, sync/release_lane.py fetches a new version of the app.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from danvan_desktop.store import network as network_store
from danvan_desktop.store.database import utc_now
from danvan_desktop.sync import protocol
from danvan_desktop.sync.release_lane import sync_release
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import ServerRejected

if TYPE_CHECKING:
    from danvan_desktop.sync.round_context import RoundContext

LIBRARY_SINCE_PROTOCOL = 3
PREFIX = f"{protocol.API_PREFIX}/network"
_log = logging.getLogger(__name__)


def sync_library(engine: RoundContext, report: SyncReport) -> None:
    """Send this laptop's card changes, then pull the library lane until it is done."""
    if engine.transport.protocol_version < LIBRARY_SINCE_PROTOCOL:
        return
    send_changes(engine, report)
    pull_library(engine, report)
    sync_release(engine, report)  # after the cards: a new version of the app (issue 20)


def send_changes(engine: RoundContext, report: SyncReport) -> None:
    """Shares and withdrawals (a reviewer's), withdrawal requests (a team's)."""
    db = engine.records.db
    for wire in network_store.pending_shares(db):
        engine.check_cancel()
        try:
            answer = engine.transport.post_json(
                f"{PREFIX}/cards", {"card": wire}, cancel=engine.cancel
            ).json()
        except ServerRejected as exc:  # refused for good: keep no copy the server lacks
            _log.warning("card %s refused: %s", wire["id"], exc)
            report.messages.append(str(exc))
            network_store.delete_card(db, str(wire["id"]))
            continue
        network_store.upsert_card(
            db,
            answer["card"],
            server_seq=int(answer.get("seq") or 0),
            sharer_unit=engine.records.store.meta("sync_unit_id"),
        )
    for card_id in network_store.pending_withdrawals(db):
        engine.check_cancel()
        try:
            engine.transport.post_json(
                f"{PREFIX}/cards/{card_id}/withdraw", {}, cancel=engine.cancel
            )
        except ServerRejected as exc:
            if exc.status != 404:  # 404: the server never had it; nothing to withdraw
                report.messages.append(str(exc))
        network_store.settle_withdrawal(db, card_id)
    for model_uid, asked_at in network_store.unsent_requests(db):
        engine.check_cancel()
        try:
            engine.transport.post_json(
                f"{PREFIX}/withdrawal-requests",
                {"model_uid": model_uid, "requested_at": asked_at},
                cancel=engine.cancel,
            )
        except ServerRejected as exc:
            report.messages.append(str(exc))
        network_store.mark_request_sent(db, model_uid, utc_now())


def pull_library(engine: RoundContext, report: SyncReport) -> None:
    """Pull and apply the lane's pages since the library checkpoint."""
    db = engine.records.db
    while True:
        engine.check_cancel()
        since = network_store.checkpoint(db)
        budget = int(engine.transport.estimator.batch_budget_bytes() * 4)
        response = engine.transport.get(
            f"{PREFIX}/library?since={since}&max_bytes={budget}", cancel=engine.cancel
        )
        report.bytes_received += response.bytes_received
        page = response.json()
        items = page.get("items", [])
        network_store.apply_library_page(db, items, int(page["next"]))
        report.library_cards += len(items)
        report.library_pages += 1
        engine.progress("library", int(page["next"]), int(page.get("high_seq") or page["next"]))
        if not page.get("more"):
            return
