"""The models part of the Session facade: register, move, list and search models; fields.

Reads take an optional ``db`` (a reader from ``open_reader``, or a ``PlainReader``
for those the window needs before its first paint); without it they use the writer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.core.lists import ModelFilter
from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of
from danvan_desktop.store import lists
from danvan_desktop.store.lists import Page

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store import model_fields, overview
    from danvan_desktop.store import search as store_search
    from danvan_desktop.store.changes import Change
    from danvan_desktop.store.connection import Reads
    from danvan_desktop.store.search import SearchHit
else:  # loaded when first used (core/lazy.py)
    model_fields = lazy_module("danvan_desktop.store.model_fields")
    overview = lazy_module("danvan_desktop.store.overview")
    store_search = lazy_module("danvan_desktop.store.search")


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

    # Moving a model along its life cycle: session/model_life.py (``move_model``).

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
        return store_search.search(db or self.store.db, text, limit=limit, entities=entities)

    def overview_figures(
        self, *, today: dt.date | None = None, db: Reads | None = None
    ) -> overview.Overview:
        """Counts, models by field and status, meetings per month, overdue tasks, next meeting."""
        return overview.overview(db or self.store.db, today=today or dt.date.today())

    def model_fields(self, *, db: Reads | None = None) -> list[tuple[str, str]]:
        """The team's model fields as (code, name), in order."""
        return lists.model_fields(db or self.store.db)

    def model_field_labels(self, *, db: Reads | None = None) -> dict[str, str]:
        """Each field code → the name a list shows (a removed field: its last name)."""
        return model_fields.field_labels(db or self.store.db)

    def model_years(self, *, db: Reads | None = None) -> list[int]:
        """Years that have models, newest first."""
        return lists.model_years(db or self.store.db)

    # -- the editable list of model fields (lĩnh vực): store/model_fields.py ----------
    def model_field_rows(self) -> list[dict[str, Any]]:
        """The model fields in order, each with how many live models use it."""
        return model_fields.field_rows_with_use(self.store.db)

    def add_model_field(self, *, name: str) -> Result:
        """Add a field at the end of the list; its code is made from the name."""
        db = self.store.db
        rows = model_fields.field_rows(db)
        name = model_fields.checked_name(rows, name)
        last = max((int(r["position_order"] or 0) for r in rows), default=0)
        code = model_fields.new_code(db, name)
        return self.add_record("model_field", code=code, name=name, position_order=last + 1)

    def rename_model_field(self, field_id: str, *, name: str) -> Result:
        """Give a field another name (its code, which models refer to, stays)."""
        rows = model_fields.field_rows(self.store.db)
        model_fields.refuse_city_field(self.store.db, field_id)  # renamed on the server
        name = model_fields.checked_name(rows, name, field_id)
        return self.update_record("model_field", field_id, name=name)

    def move_model_field(self, field_id: str, *, offset: int) -> Result:
        """Move a team's field up (offset -1) or down (+1) among the team's own fields
        (the city's come first, in the city's order); positions become 1..n."""
        rows = model_fields.own_rows(self.store.db)
        ids = [str(r["id"]) for r in rows]
        model_fields.refuse_city_field(self.store.db, field_id)
        if field_id not in ids:
            raise NotFoundError(tr("model_fields", "Không tìm thấy lĩnh vực này."))
        at = ids.index(field_id)
        to = min(max(at + offset, 0), len(ids) - 1)
        ids.insert(to, ids.pop(at))
        positions = {str(r["id"]): r["position_order"] for r in rows}
        changes: list[Change] = []
        with self.store.db.atomic():
            for position, row_id in enumerate(ids, start=1):
                if positions[row_id] != position:
                    changed = self.update_record("model_field", row_id, position_order=position)
                    changes += changed.changes
        return Result(field_id, tuple(changes))

    def remove_model_field(self, field_id: str) -> Result:
        """Remove a field no model uses; one in use is refused, saying how many use it."""
        db = self.store.db
        row = next((r for r in model_fields.field_rows(db) if r["id"] == field_id), None)
        if row is None:
            raise NotFoundError(tr("model_fields", "Không tìm thấy lĩnh vực này."))
        model_fields.refuse_city_field(db, field_id)
        count = model_fields.models_using(db, str(row["code"]))
        if count:
            message = tr(
                "model_fields",
                "Không xóa được lĩnh vực «{name}»: {count} mô hình đang thuộc lĩnh vực này. "
                "Hãy chuyển các mô hình đó sang lĩnh vực khác trước.",
                name=row["name"],
                count=count,
            )
            raise ValidationError([FieldProblem("name", message)])
        return self.delete_record("model_field", field_id)

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
