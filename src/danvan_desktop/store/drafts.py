"""Drafts being typed: autosaved locally, applied to the record (and outbox) on save.

The form saves its fields here every few seconds of change; a committed draft
becomes one tracked save of the record and disappears, in one transaction. A draft
left by a killed process is found again when the form reopens.
"""

from __future__ import annotations

import json
from typing import Any

from danvan_desktop.store.changes import Change
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records


def save_draft(records: Records, entity: str, record_id: str, fields: dict[str, Any]) -> None:
    """Keep the fields being typed (committed with synchronous=FULL: they survive a kill)."""
    with records.db.atomic():
        records.db.execute(
            "INSERT INTO drafts(entity, record_id, fields, saved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(entity, record_id) DO UPDATE SET fields = excluded.fields, "
            "saved_at = excluded.saved_at",
            [entity, record_id, json.dumps(fields, ensure_ascii=False), utc_now()],
        )


def load_draft(records: Records, entity: str, record_id: str) -> dict[str, Any] | None:
    """The unsaved fields of a record, if a draft exists."""
    row = records.db.execute(
        "SELECT fields FROM drafts WHERE entity = ? AND record_id = ?", [entity, record_id]
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def discard_draft(records: Records, entity: str, record_id: str) -> None:
    """Forget a draft (the user chose not to keep the changes)."""
    with records.db.atomic():
        records.db.execute(
            "DELETE FROM drafts WHERE entity = ? AND record_id = ?", [entity, record_id]
        )


def commit_draft(records: Records, entity: str, record_id: str, *, role: str = "team") -> Change:
    """Apply a draft to its record through the tracked save, then drop it; atomic."""
    with records.db.atomic():
        fields = load_draft(records, entity, record_id)
        if fields is None:
            return Change(entity, record_id, "unchanged")
        change = records.save(entity, fields, record_id=record_id, role=role)
        records.db.execute(
            "DELETE FROM drafts WHERE entity = ? AND record_id = ?", [entity, record_id]
        )
    return change
