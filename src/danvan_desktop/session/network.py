"""The network library part of the Session: read the cards offline, share and withdraw them.

Every laptop reads the cards it holds (``network_cards``, ``network_card``,
``network_facets``) with no network; the reads take ``db`` so the window runs them on a
reader connection. A reviewer's laptop shares a recognised model of its scope as a card
(``share_model``) and withdraws cards (``withdraw_card``); both are kept here and go up
with the next sync (sync/library.py). A team asks for its model's card to be withdrawn
(``request_card_withdrawal``). A card's full photo comes on request
(``fetch_card_photo``). No Qt here.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.base import PlainReader, SessionBase
from danvan_desktop.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.core.network import CardFacets, CardQuery, NetworkCard
    from danvan_desktop.session.transport import OnWire
    from danvan_desktop.store import network as network_store
    from danvan_desktop.store import network_share
    from danvan_desktop.sync.round_context import Progress
    from danvan_desktop.sync.transport import SyncTransport
else:  # loaded when first used (core/lazy.py)
    network_store = lazy_module("danvan_desktop.store.network")
    network_share = lazy_module("danvan_desktop.store.network_share")
# Not at import: the window's first paint loads no dataclasses (tests/ui/test_startup_path.py).
network_wire = lazy_module("danvan_desktop.core.network_wire")

ROLE_KEY, UNIT_KEY, TOKEN_KEY = "sync_role", "sync_unit_id", "sync_token"  # sync/engine.py's


class NetworkMixin(SessionBase):
    """The network library verbs of the Session."""

    if TYPE_CHECKING:  # SyncMixin's (session/sync.py)

        def _transport(
            self,
            server_url: str | None = None,
            on_wire: OnWire | None = None,
            cancel: threading.Event | None = None,
        ) -> SyncTransport: ...

    # -- reading (any laptop, offline) -------------------------------------------------
    def network_cards(
        self, query: CardQuery, db: Database | PlainReader | None = None
    ) -> list[NetworkCard]:
        """One page of the cards ``query`` asks for, in Vietnamese order of their names."""
        return network_store.query_cards(db or self.store.db, query)

    def network_card_count(self, query: CardQuery, db: Database | PlainReader | None = None) -> int:
        """How many cards ``query`` finds."""
        return network_store.count_cards(db or self.store.db, query)

    def network_card(
        self, card_id: str, db: Database | PlainReader | None = None
    ) -> NetworkCard | None:
        """One card held on this laptop, or None (withdrawn, or never received)."""
        return network_store.get_card(db or self.store.db, card_id)

    def network_facets(self, db: Database | PlainReader | None = None) -> CardFacets:
        """The values the page's filters offer."""
        return network_store.facets(db or self.store.db)

    # -- a reviewer's laptop -----------------------------------------------------------
    @property
    def is_reviewer(self) -> bool:
        """Whether this laptop is enrolled for a commune or the city (a reviewer)."""
        return self.role == "reviewer" or self.store.meta(ROLE_KEY) == "reviewer"

    def _reviewer_unit(self, field: str) -> str:
        unit = self.store.meta(UNIT_KEY)
        if not self.is_reviewer or not unit:
            problem = tr(
                "network",
                "Chỉ máy của cán bộ xã, phường hoặc thành phố mới chia sẻ hay gỡ được thẻ "
                "trên mạng lưới; tổ dân vận có thể đề nghị gỡ thẻ của mô hình mình.",
            )
            raise ValidationError([FieldProblem(field, problem)])
        return unit

    def share_model(self, model_id: str, *, photo_ids: Sequence[str] = ()) -> NetworkCard:
        """Share a recognised model of this reviewer's scope (or update its card); the
        card goes to the server with the next sync. Its contact is the one the model's
        team agreed to give, or none (``core.model_contact``): never one typed here."""
        unit = self._reviewer_unit("model_id")
        db = self.store.db
        held = db.execute("SELECT id FROM network_card WHERE model_uid = ?", [model_id]).fetchone()
        card, photos = network_share.build_card(
            self.records,
            model_id,
            reviewer_unit=unit,
            card_id=None if held is None else str(held[0]),
            photo_ids=tuple(photo_ids),
            today=dt.date.today(),
        )
        wire = network_wire.card_to_wire(card, photos)
        wire["updated_at"] = utc_now()
        with db.atomic():
            db.execute("DELETE FROM network_card_withdrawal WHERE card_id = ?", [card.id])
            stored = network_store.upsert_card(
                db, wire, pending=network_store.SHARE, sharer_unit=unit
            )
        found = network_store.get_card(db, stored.id)
        assert found is not None
        return found

    def team_contact(self, model_id: str, db: Database | PlainReader | None = None) -> str | None:
        """The contact a card of this model carries: the one its team agreed to give on
        the model form, or None (the team did not agree)."""
        return network_share.team_contact(db or self.store.db, model_id)

    def withdraw_card(self, card_id: str) -> None:
        """Withdraw a card from the network (gone from every laptop after their sync)."""
        self._reviewer_unit("card_id")
        db = self.store.db
        if db.execute("SELECT 1 FROM network_card WHERE id = ?", [card_id]).fetchone() is None:
            raise NotFoundError(
                tr("network", "Không tìm thấy thẻ này trên máy: có thể thẻ đã được gỡ.")
            )
        network_store.mark_withdrawn(db, card_id, utc_now())

    # -- a team's laptop ---------------------------------------------------------------
    def request_card_withdrawal(self, model_id: str) -> None:
        """Ask the reviewers to withdraw the card of this team's model (sent with sync)."""
        model = self.records.get("model", model_id)
        home = self.store.home_unit_id
        if home is not None and model.get("unit_id") != home:
            problem = tr("network", "Chỉ đề nghị gỡ được thẻ của mô hình do tổ mình thực hiện.")
            raise ValidationError([FieldProblem("model_id", problem)])
        network_store.request_withdrawal(self.store.db, model_id, utc_now())

    # -- photos on request -------------------------------------------------------------
    def card_thumbnail(
        self, card_id: str, attachment_id: str, db: Database | PlainReader | None = None
    ) -> bytes | None:
        """The small image of a card's photo held on this laptop (JPEG bytes), or None."""
        return network_store.photo_file(db or self.store.db, card_id, attachment_id)[1]

    def fetch_card_photo(
        self,
        card_id: str,
        attachment_id: str,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        on_wire: OnWire | None = None,
    ) -> Path:
        """The full photo of a card, downloaded first when this laptop lacks it."""
        from danvan_desktop.store.attachments import blob_path
        from danvan_desktop.sync.attachment_download import fetch_blob

        sha, _thumb = network_store.photo_file(self.store.db, card_id, attachment_id)
        if not sha:
            raise NotFoundError(
                tr("network", "Thẻ này không có ảnh đó: hãy đồng bộ rồi mở lại thẻ.")
            )
        path = blob_path(self.store, sha)
        if path.is_file():
            return path
        with self._transport(on_wire=on_wire) as transport:
            transport.set_auth_token(self.store.meta(TOKEN_KEY))
            return fetch_blob(self.records, transport, sha, cancel=cancel, progress=progress)
