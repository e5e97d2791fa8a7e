"""The models part of the Session facade: register and move models, list and search them.

Reads take an optional ``db`` (a reader from ``open_reader``, or a ``PlainReader``
for those the window needs before its first paint); without it they use the writer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.session_base import SessionBase
from danvan_desktop.session_result import Result, result_of
from danvan_desktop.store import lists, overview
from danvan_desktop.store.lists import ModelFilter, Page
from danvan_desktop.store.search import SearchHit
from danvan_desktop.store.search import search as search_store

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.connection import Reads


class ModelsMixin(SessionBase):
    """Model verbs of the Session."""

    # -- models ------------------------------------------------------------------------
    def add_model(self, **fields: Any) -> Result:
        """Register a model (status «registered», this year unless given)."""
        fields.setdefault("status", "registered")
        fields.setdefault("year", dt.date.today().year)
        return self.add_record("model", **fields)

    def update_model(self, model_id: str, **fields: Any) -> Result:
        """Change a model's fields."""
        return self.update_record("model", model_id, **fields)

    def move_model(self, model_id: str, *, status: str) -> Result:
        """Move a model along its life cycle (only the moves the role may make)."""
        return self.update_record("model", model_id, status=status)

    # -- the model list and the overview -----------------------------------------------
    def model_page(
        self,
        flt: ModelFilter,
        *,
        order: str = "name",
        descending: bool = False,
        limit: int = 50,
        after: tuple[Any, str] | None = None,
        db: Reads | None = None,
    ) -> Page:
        """One keyset page of the model list in Vietnamese order."""
        return lists.model_page(
            db or self.store.db, flt, order=order, descending=descending, limit=limit, after=after
        )

    def model_count(self, flt: ModelFilter, *, db: Reads | None = None) -> int:
        """How many models the list's filter shows."""
        return lists.model_count(db or self.store.db, flt)

    def quick_search(
        self,
        text: str,
        *,
        entities: tuple[str, ...] | None = None,
        limit: int = 50,
        db: Database | None = None,
    ) -> list[SearchHit]:
        """Search as you type (like ``search``), optionally on a reader connection."""
        return search_store(db or self.store.db, text, limit=limit, entities=entities)

    def overview_figures(
        self, *, today: dt.date | None = None, db: Database | None = None
    ) -> overview.Overview:
        """Counts, models by field and status, meetings per month, overdue tasks, next meeting."""
        return overview.overview(db or self.store.db, today=today or dt.date.today())

    def model_fields(self, *, db: Reads | None = None) -> list[tuple[str, str]]:
        """The team's model fields as (code, name), in order."""
        return overview.model_fields(db or self.store.db)

    def model_years(self, *, db: Reads | None = None) -> list[int]:
        """Years that have models, newest first."""
        return overview.model_years(db or self.store.db)

    # -- indicators and attachments ----------------------------------------------------
    def indicator_readings(self, model_id: str) -> list[dict[str, Any]]:
        """A model's indicator readings, oldest reading first."""
        return list(
            self.records.rows(
                "indicator_reading", "model_id = ?", [model_id], order_by="read_on, rowid"
            )
        )

    def add_attachment(
        self, source: Path, *, owner_entity: str, owner_id: str, caption: str | None = None
    ) -> Result:
        """Keep a copy of a photo or document (by SHA-256) and link it to a record."""
        from danvan_desktop.store import attachments

        change = attachments.add_attachment(
            self.records,
            Path(source),
            owner_entity=owner_entity,
            owner_id=owner_id,
            caption=caption,
        )
        return result_of(change)

    def attachments_of(self, owner_entity: str, owner_id: str) -> list[dict[str, Any]]:
        """A record's attachments, each with the ``path`` of its file."""
        from danvan_desktop.store import attachments

        return attachments.attachments_of(self.records, owner_entity, owner_id)
