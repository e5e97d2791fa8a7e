"""The replication part of the Session facade: «Học tập, nhân rộng» and where a model went.

``replicate_card`` registers a model in the leader's team prefilled from a network card
and writes its replication link in one transaction (store/replication.py); the link
travels with sync to the source team and its reviewers. ``replications_of`` says where
a model has been replicated; «Được nhân rộng» is computed from those links.
Reads take an optional ``db`` (a reader); without it they use the writer.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import NotFoundError, PermissionDeniedError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result

if TYPE_CHECKING:
    from danvan_desktop.core.network import Replication
    from danvan_desktop.store import network as network_store
    from danvan_desktop.store import replication as replication_store
    from danvan_desktop.store.connection import Reads
else:  # loaded when first used (core/lazy.py)
    network_store = lazy_module("danvan_desktop.store.network")
    replication_store = lazy_module("danvan_desktop.store.replication")

ROLE_KEY = "sync_role"  # the role this laptop was enrolled with (sync/engine.py)


class ReplicationMixin(SessionBase):
    """Replication verbs of the Session."""

    def replicate_card(self, card_id: str, *, today: dt.date | None = None) -> Result:
        """Register a model in this team prefilled from the card, linked to its source.

        The Result's record is the new model; its changes are the model, the link (and
        the model field, when the team had none of the card's field)."""
        if self.role != "team" or self.store.meta(ROLE_KEY) == "reviewer":
            raise PermissionDeniedError(
                tr(
                    "replication",
                    "Chỉ tổ dân vận nhân rộng được mô hình: máy của cấp xã hoặc thành phố "
                    "không đăng ký mô hình.",
                )
            )
        card = network_store.get_card(self.store.db, card_id)
        if card is None:
            raise NotFoundError(
                tr(
                    "replication",
                    "Không tìm thấy thẻ mô hình này trên mạng lưới: có thể thẻ đã được thu hồi; "
                    "hãy tải lại trang Mạng lưới.",
                )
            )
        changes = replication_store.register_replica(
            self.records, card, today=today or dt.date.today()
        )
        return Result(changes[0].record_id, tuple(changes))

    def replications_of(self, model_uid: str, db: Reads | None = None) -> list[Replication]:
        """Where the model has been replicated (village, status, date), oldest first."""
        return replication_store.replications_of(db or self.store.db, model_uid)

    def replicated_from(self, model_id: str, db: Reads | None = None) -> Replication | None:
        """The link of a model registered from another unit's model, or None."""
        return replication_store.replicated_from(db or self.store.db, model_id)

    def replication_counts(self, db: Reads | None = None) -> dict[str, int]:
        """How many times each model has been replicated (models never replicated left out)."""
        return replication_store.replication_counts(db or self.store.db)

    def is_replicated(self, model_id: str, db: Reads | None = None) -> bool:
        """True when the model shows «Được nhân rộng» (at least one replication link)."""
        return replication_store.is_replicated(db or self.store.db, model_id)

    def replicated_models(self, model_ids: list[str], db: Reads | None = None) -> set[str]:
        """Those of ``model_ids`` that show «Được nhân rộng» (for a page of the model list)."""
        return replication_store.replicated_among(db or self.store.db, model_ids)
