"""The models part of the Session facade: register, move, list and search models; fields.

Reads take an optional ``db`` (a reader from ``open_reader``, or a ``PlainReader``
for those the window needs before its first paint); without it they use the writer.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vntext import fold_vietnamese, normalize_text
from danvan_desktop.session_base import SessionBase
from danvan_desktop.session_result import Result, result_of
from danvan_desktop.store import lists, overview
from danvan_desktop.store.lists import ModelFilter, Page
from danvan_desktop.store.search import SearchHit
from danvan_desktop.store.search import search as search_store

CODE_MAX = 40  # model_field.code's length in the schema

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.connection import Reads
    from danvan_desktop.store.records import Change


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

    # -- the editable list of model fields (lĩnh vực) ---------------------------------
    # Models refer to a field by its code: a code never changes once made, and a
    # field still used by a model cannot be removed.
    def model_field_rows(self) -> list[dict[str, Any]]:
        """The model fields in order, each with how many live models use it."""
        rows = self.store.db.execute(
            "SELECT f.id, f.code, f.name, f.position_order, "
            "(SELECT count(*) FROM model m WHERE m.deleted = 0 AND m.field_code = f.code) "
            "FROM model_field f WHERE f.deleted = 0 ORDER BY f.position_order, f.name_sort"
        ).fetchall()
        keys = ("id", "code", "name", "position_order", "models")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def add_model_field(self, *, name: str) -> Result:
        """Add a field at the end of the list; its code is made from the name."""
        name = self._checked_field_name(name)
        taken = {str(r[0]) for r in self.store.db.execute("SELECT code FROM model_field")}
        rows = self.model_field_rows()
        last = max((int(r["position_order"] or 0) for r in rows), default=0)
        return self.add_record(
            "model_field", code=_new_code(name, taken), name=name, position_order=last + 1
        )

    def rename_model_field(self, field_id: str, *, name: str) -> Result:
        """Give a field another name (its code, which models refer to, stays)."""
        return self.update_record(
            "model_field", field_id, name=self._checked_field_name(name, field_id)
        )

    def move_model_field(self, field_id: str, *, offset: int) -> Result:
        """Move a field up (offset -1) or down (+1) the list; positions become 1..n."""
        rows = self.model_field_rows()
        ids = [str(r["id"]) for r in rows]
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
        row = next((r for r in self.model_field_rows() if r["id"] == field_id), None)
        if row is None:
            raise NotFoundError(tr("model_fields", "Không tìm thấy lĩnh vực này."))
        if row["models"]:
            message = tr(
                "model_fields",
                "Không xóa được lĩnh vực «{name}»: {count} mô hình đang thuộc lĩnh vực này. "
                "Hãy chuyển các mô hình đó sang lĩnh vực khác trước.",
                name=row["name"],
                count=row["models"],
            )
            raise ValidationError([FieldProblem("name", message)])
        return self.delete_record("model_field", field_id)

    def _checked_field_name(self, name: str, field_id: str | None = None) -> str:
        name = normalize_text(name).strip()
        if not name:
            problem = tr("model_fields", "Hãy nhập tên lĩnh vực.")
            raise ValidationError([FieldProblem("name", problem)])
        folded = fold_vietnamese(name)
        for row in self.model_field_rows():
            if row["id"] != field_id and fold_vietnamese(str(row["name"])) == folded:
                problem = tr("model_fields", "Đã có lĩnh vực «{name}».", name=row["name"])
                raise ValidationError([FieldProblem("name", problem)])
        return name

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


def _new_code(name: str, taken: set[str]) -> str:
    """A stable ASCII code from the name, unique among the codes ever used."""
    base = re.sub(r"[^a-z0-9]+", "_", fold_vietnamese(name)).strip("_")[: CODE_MAX - 4] or "field"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code
