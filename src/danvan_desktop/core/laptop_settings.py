"""The laptop's own settings a user types (never synced), described like a record's fields.

Backups are the one place a leader types numbers into settings. Describing them as
fields lets the same rules (core/field_rules ``INT_DOMAINS``) and the same messages
serve the Settings page and the store: what is typed is kept, or a message beside the
field says why, and nothing out of range is stored. ``LAPTOP_SETTINGS`` is no synced
entity: it is not in ``core.schema.ENTITIES`` and has no table.
"""

from __future__ import annotations

from danvan_desktop.core.entity_spec import EntitySpec, FieldSpec

LAPTOP_SETTINGS = EntitySpec(
    "laptop_settings",
    "Cài đặt của máy",
    (
        FieldSpec("backup_keep", "int", "Số bản sao lưu tự động giữ lại"),
        FieldSpec("backup_interval_hours", "int", "Số giờ giữa hai lần tự động sao lưu"),
    ),
)
