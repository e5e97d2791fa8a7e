"""Saving and reading synced records, with change tracking.

Every save validates the whole record first (nothing is written when it fails),
then writes the row, marks it dirty and records its outbox operation in the same
transaction. Deletes are tombstones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.meeting_rules import people_present
from danvan_desktop.core.schema import ENTITIES, SYSTEM_COLUMNS, EntitySpec
from danvan_desktop.core.validation import (
    PEOPLE_PRESENT,
    ValidationContext,
    coerce_fields,
    validate_record,
)
from danvan_desktop.store import base_copies, outbox, search_index
from danvan_desktop.store.changes import Change
from danvan_desktop.store.database import Store, utc_now
from danvan_desktop.store.places import commune_exists

if TYPE_CHECKING:
    from sqlite_utils import Database


def spec_of(entity: str) -> EntitySpec:
    """The entity spec, or a ValidationError naming the unknown entity."""
    try:
        return ENTITIES[entity]
    except KeyError:
        raise ValidationError(
            [
                FieldProblem(
                    "entity",
                    tr(
                        "store",
                        "Không có loại hồ sơ «{entity}»: hãy chọn một trong {known}.",
                        entity=entity,
                        known=", ".join(ENTITIES),
                    ),
                )
            ]
        ) from None


def columns_of(spec: EntitySpec) -> str:
    """The SQL column list of a record as the app sees it (no derived sort keys)."""
    return ", ".join(f"[{c}]" for c in (*SYSTEM_COLUMNS, *spec.field_names))


class Records:
    """Generic reads and tracked writes of synced records in one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def db(self) -> Database:
        """The store's writer (its sqlite-utils Database is made on first use)."""
        return self.store.db

    def get(self, entity: str, record_id: str, *, include_deleted: bool = False) -> dict[str, Any]:
        """One record as a dict; NotFoundError when absent (or deleted)."""
        spec = spec_of(entity)
        rows = list(
            self.db.query(
                f"SELECT {columns_of(spec)} FROM [{spec.table}] WHERE id = ?", [record_id]
            )
        )
        if not rows or (rows[0]["deleted"] and not include_deleted):
            raise NotFoundError(
                tr(
                    "store",
                    "Không tìm thấy {entity} có mã {id}: có thể hồ sơ đã bị xóa; hãy tải lại "
                    "danh sách.",
                    entity=tr("entities", spec.label).lower(),
                    id=record_id,
                )
            )
        return rows[0]

    def find_any(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """One record, live or tombstoned, or None."""
        try:
            return self.get(entity, record_id, include_deleted=True)
        except NotFoundError:
            return None

    def find(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """One live record, or None."""
        try:
            return self.get(entity, record_id)
        except NotFoundError:
            return None

    def rows(
        self,
        entity: str,
        where: str = "",
        params: list[Any] | None = None,
        *,
        order_by: str = "rowid",
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Live records matching ``where`` (an SQL condition on the entity's table)."""
        spec = spec_of(entity)
        sql = f"SELECT {columns_of(spec)} FROM [{spec.table}] WHERE deleted = 0"
        if where:
            sql += f" AND ({where})"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        yield from self.db.query(sql, params or [])

    def save(
        self,
        entity: str,
        fields: Mapping[str, Any],
        *,
        record_id: str | None = None,
        role: str = "team",
        unit_id: str | None = None,
    ) -> Change:
        """Create (no ``record_id``) or update a record; validated, tracked, atomic."""
        spec = spec_of(entity)
        values = coerce_fields(spec, fields)
        with self.db.atomic():
            before = self.get(entity, record_id) if record_id else None
            record_id = record_id or uuid7()
            record = {name: (before or {}).get(name) for name in spec.field_names}
            record.update(values)
            if before is None:
                changed = {k for k, v in values.items() if v is not None}
            else:
                changed = {k for k, v in values.items() if before.get(k) != v}
                if not changed:
                    return Change(entity, record_id, "unchanged")
            parent = self._parent_of(spec, record)
            context = ValidationContext(role=role, commune_exists=commune_exists, parent=parent)
            context.extra["before_state"] = (before or {}).get("state")
            if entity == "model":
                context.extra["model_field_codes"] = self._model_field_codes()
            if entity == "vote" and parent is not None:
                context.extra[PEOPLE_PRESENT] = self._people_present(parent)
            validate_record(spec, record, before=before, changed=changed, context=context)
            if before is None:
                unit_id = unit_id or (parent or {}).get("unit_id") or self.store.home_unit_id
                if entity == "unit" and unit_id is None:
                    unit_id = record_id
            else:
                unit_id = before["unit_id"]
            if before is not None:
                base_copies.keep_before_edit(self.db, spec, record_id, before)
            self._write_row(spec, record_id, record, unit_id, created=before is None)
            search_index.index_record(self.db, spec, record_id, record)
            outbox.record_change(
                self.db,
                device_id=self.store.device_id,
                entity=entity,
                record_id=record_id,
                unit_id=unit_id,
                kind="upsert",
                fields={k: record[k] for k in sorted(changed)},
                base={k: (before or {}).get(k) for k in sorted(changed)},
                base_version=before["server_version"] if before else None,
                created_at=utc_now(),
                op_id=record_id if before is None else None,
            )
            if entity == "model" and before is not None and "status" in changed:
                self._follow_replication_links(record_id, record["status"])
        return Change(
            entity, record_id, "created" if before is None else "updated", tuple(sorted(changed))
        )

    def delete(self, entity: str, record_id: str) -> Change:
        """Tombstone a record and queue its delete operation."""
        spec = spec_of(entity)
        with self.db.atomic():
            before = self.get(entity, record_id)
            base_copies.keep_before_edit(self.db, spec, record_id, before)
            self.db.execute(
                f"UPDATE [{spec.table}] SET deleted = 1, dirty = 1, updated_at = ?, "
                "updated_by = ? WHERE id = ?",
                [utc_now(), self.store.device_id, record_id],
            )
            search_index.unindex_record(self.db, entity, record_id)
            outbox.record_change(
                self.db,
                device_id=self.store.device_id,
                entity=entity,
                record_id=record_id,
                unit_id=before["unit_id"],
                kind="delete",
                fields={},
                base={},
                base_version=before["server_version"],
                created_at=utc_now(),
            )
        return Change(entity, record_id, "deleted")

    def _follow_replication_links(self, model_id: str, status: Any) -> None:
        """Copy a replicated model's new status onto its replication link: the source team,
        which never holds this model, reads how far it went there (store/replication.py)."""
        for link in self.rows("replication_link", "model_id = ?", [model_id]):
            if link["model_status"] != status:
                self.save("replication_link", {"model_status": status}, record_id=str(link["id"]))

    def _people_present(self, meeting: Mapping[str, Any]) -> int:
        """How many are present at the meeting (a vote's ceiling): its team's roster
        counted as «có mặt» is, and the guests ticked (core.meeting_rules)."""
        attendance = self.rows("attendance", "meeting_id = ?", [str(meeting["id"])])
        members = self.rows("member", "team_id = ?", [meeting.get("team_id")])
        return people_present(attendance, meeting, members)

    def _model_field_codes(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT code FROM model_field WHERE deleted = 0")}

    def _parent_of(self, spec: EntitySpec, record: Mapping[str, Any]) -> dict[str, Any] | None:
        if not spec.parent or not record.get(spec.parent):
            return None
        parent_spec = spec.field(spec.parent)
        parent_entity = parent_spec.ref or str(record.get("owner_entity") or "")
        if parent_entity not in ENTITIES:
            return None
        parent = self.find(parent_entity, str(record[spec.parent]))
        if parent is None:
            raise ValidationError(
                [
                    FieldProblem(
                        spec.parent,
                        tr(
                            "store",
                            "«{label}» trỏ tới hồ sơ không còn tồn tại: hãy chọn lại.",
                            label=tr("fields", parent_spec.label),
                        ),
                    )
                ]
            )
        return parent

    def _write_row(
        self,
        spec: EntitySpec,
        record_id: str,
        record: dict[str, Any],
        unit_id: str | None,
        *,
        created: bool,
    ) -> None:
        row = dict(record)
        row.update(search_index.sort_columns(spec, record))
        row.update(
            id=record_id,
            unit_id=unit_id,
            dirty=1,
            updated_at=utc_now(),
            updated_by=self.store.device_id,
        )
        columns = list(row)
        if created:
            marks = ", ".join("?" for _ in columns)
            names = ", ".join(f"[{c}]" for c in columns)
            self.db.execute(
                f"INSERT INTO [{spec.table}] ({names}) VALUES ({marks})",
                [row[c] for c in columns],
            )
        else:
            sets = ", ".join(f"[{c}] = ?" for c in columns if c != "id")
            self.db.execute(
                f"UPDATE [{spec.table}] SET {sets} WHERE id = ?",
                [row[c] for c in columns if c != "id"] + [record_id],
            )
