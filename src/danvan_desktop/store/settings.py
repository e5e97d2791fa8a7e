"""Laptop-only settings (never synced): backups, language, the server address.

Values are JSON in the ``settings`` table; ``DEFAULTS`` says what an unset key means.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.connection import Reads


DEFAULTS: dict[str, Any] = {
    "backup_keep": 10,
    "backup_interval_hours": 24,
    "language": "vi",
    "server_url": None,
    "ca_bundle": None,
    "last_export_dir": None,
}


def get_setting(db: Reads, key: str) -> Any:
    """A setting's value, or its default."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return DEFAULTS.get(key) if row is None else json.loads(row[0])


def set_setting(db: Database, key: str, value: Any) -> None:
    """Store a setting; a typed one (``core.laptop_settings``) only within its rule
    (ValidationError naming the field otherwise)."""
    # Loaded here, not at the top: the first paint reads settings and must not load the
    # schema's rules (tests/ui/test_startup_path.py).
    from danvan_desktop.core.coercion import coerce_fields
    from danvan_desktop.core.errors import FieldProblem, ValidationError
    from danvan_desktop.core.i18n import tr
    from danvan_desktop.core.laptop_settings import LAPTOP_SETTINGS

    if key in LAPTOP_SETTINGS.field_names:
        value = coerce_fields(LAPTOP_SETTINGS, {key: value})[key]
        if value is None:
            label = tr("fields", LAPTOP_SETTINGS.field(key).label)
            message = tr(
                "validation",
                "«{label}» không được để trống: hãy nhập {label_lower}.",
                label=label,
                label_lower=label.lower(),
            )
            raise ValidationError([FieldProblem(key, message)])
    with db.atomic():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
