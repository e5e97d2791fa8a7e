"""What the model form loads and saves, on the DB lane, and the names of its items.

Apart from the dialog (model_form_dialog.py), which builds and fills the widgets.
"""

from __future__ import annotations

from typing import Any

from danvan_desktop.core.i18n import tr as core_tr
from danvan_desktop.core.schema import MODEL
from danvan_desktop.ui.task_runner import JobContext

LONG_ITEMS = (
    "situation",
    "goals",
    "content",
    "scope",
    "actors",
    "resources",
    "timeline",
    "outputs",
    "sustainability",
)
REVIEWER_ITEMS = ("review_comment", "recognition_level", "recognised_on")


def load_form(ctx: JobContext, model_id: str | None) -> dict[str, Any]:
    """The record (or None for a new one) and the field list (DB lane)."""
    session = ctx.session
    record = session.get_record("model", model_id) if model_id else None
    return {"record": record, "fields": session.model_fields(), "role": session.role}


def save_form(ctx: JobContext, model_id: str | None, values: dict[str, Any]) -> dict[str, Any]:
    """Create or update the model; returns the result and the record as saved (DB lane)."""
    session = ctx.session
    if model_id is None:
        result = session.add_model(**values)
    else:
        result = session.update_model(model_id, **values)
    record_id = result.record_id or model_id
    assert record_id is not None
    return {"result": result, "record": session.get_record("model", record_id)}


def field_label(name: str) -> str:
    """The model field's label, translated."""
    return core_tr("fields", MODEL.field(name).label)
