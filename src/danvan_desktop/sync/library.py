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

import json
import logging
from typing import TYPE_CHECKING, Any

from danvan_desktop.store import network as network_store
from danvan_desktop.store.database import utc_now
from danvan_desktop.sync import protocol
from danvan_desktop.sync.release_lane import sync_release
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import LinkDown, ServerRejected, TransportError

if TYPE_CHECKING:
    from danvan_desktop.sync.round_context import RoundContext

LIBRARY_SINCE_PROTOCOL = 3
PREFIX = f"{protocol.API_PREFIX}/network"
PAGE_BATCHES = 16  # a page of 16 batches: about four uptimes of the link (throughput.py)
APPLY_EVERY = 50  # items applied (with the checkpoint) while a page still streams in
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
    """Pull and apply the lane's pages since the library checkpoint, as lines: a page
    cut by the link keeps its complete items (``_LinePage``), so a cut costs the item
    in flight and the round trips to ask again, not the page."""
    db = engine.records.db
    while True:
        engine.check_cancel()
        since = network_store.checkpoint(db)
        budget = page_budget_bytes(engine.transport.estimator)
        page = _LinePage(engine, report)
        try:
            engine.transport.get(
                f"{PREFIX}/library?since={since}&max_bytes={budget}&format=lines",
                cancel=engine.cancel,
                on_body=page.feed,
            )
        except TransportError:
            page.keep_complete()  # what arrived before the cut stays, checkpoint included
            raise
        more = page.finish()
        if not more:
            return


def page_budget_bytes(estimator: ThroughputEstimator) -> int:
    """A page's bytes (as JSON, before gzip): several uptimes of the link. A page is
    streamed and a cut keeps what arrived, so a big page costs little when the link
    drops and saves the round trip of every page it replaces."""
    return int(estimator.batch_budget_bytes() * PAGE_BATCHES)


class _LinePage:
    """One page as it arrives: ``{"high_seq"}``, item lines, then ``{"next", "more"}``.

    Complete items are applied with the checkpoint at the last one's ``seq`` every
    ``APPLY_EVERY`` items, at the end, and before a cut is raised: all or nothing each
    time (store/network.py), so a SIGKILL loses at most what was not applied yet.
    """

    def __init__(self, engine: RoundContext, report: SyncReport) -> None:
        self.engine, self.report = engine, report
        self.buffer = b""
        self.items: list[dict[str, Any]] = []
        self.high = 0
        self.tail: dict[str, Any] | None = None
        self.legacy: dict[str, Any] | None = None

    def feed(self, chunk: bytes) -> None:
        """Take the body's next piece; complete lines are parsed at once."""
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            self._line(line)
        if len(self.items) >= APPLY_EVERY:
            self.keep_complete()

    def _line(self, line: bytes) -> None:
        if not line.strip():
            return
        value = json.loads(line)
        if "id" in value:
            self.items.append(value)
        elif "next" in value:
            self.tail = value
        elif "high_seq" in value:
            self.high = int(value["high_seq"])

    def keep_complete(self) -> None:
        """Apply the complete items received so far; the checkpoint moves to the last."""
        if not self.items:
            return
        items, self.items = self.items, []
        last = int(items[-1]["seq"])
        network_store.apply_library_page(self.engine.records.db, items, last)
        self._count(items, last)

    def finish(self) -> bool:
        """The page arrived whole: apply the rest, move the checkpoint; whether more."""
        if self.buffer.strip():
            whole = json.loads(self.buffer)  # a server that sent the page as one JSON
            if "items" in whole:
                self.items += whole["items"]
                self.high = int(whole.get("high_seq") or 0)
                self.tail = whole
            else:
                self._line(self.buffer)
            self.buffer = b""
        if self.tail is None:  # no end line: the body is not whole (never applied as such)
            self.keep_complete()
            raise LinkDown("library page without its end line")
        next_seq = int(self.tail["next"])
        items, self.items = self.items, []
        network_store.apply_library_page(self.engine.records.db, items, next_seq)
        self._count(items, next_seq)
        self.report.library_pages += 1
        return bool(self.tail.get("more"))

    def _count(self, items: list[dict[str, Any]], seq: int) -> None:
        self.report.library_cards += len(items)
        self.engine.progress("library", seq, max(self.high, seq))
