"""An older server database (schema 1 of release 0.1.0, schema 2) is brought up to date in
place."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, inspect, select, text, update

from danvan_server import admin, audit, schema
from danvan_server.db import blob_holders, blobs, devices, meta, records

DEVICE = {
    "device_id": "laptop-1",
    "device_name": "Máy tổ 5",
    "unit_id": "unit-5",
    "role": "team",
    "token_hash": "0" * 64,
    "enrolled_at": "2026-01-05T08:00:00Z",
}
BLOB = {
    "sha256": "ab" * 32,
    "size": 3,
    "stored_at": "2026-01-05T08:00:00Z",
    "device_id": "laptop-1",
}


def _drop_schema_4_columns(connection: Connection) -> None:
    """What a database made before schema 4 lacks: the records' marks, the bundles' schema."""
    connection.execute(text("ALTER TABLE records DROP COLUMN commune_only"))
    connection.execute(text("ALTER TABLE records DROP COLUMN min_schema"))
    connection.execute(text("ALTER TABLE bundle_imports DROP COLUMN schema_version"))


def test_schema_1_gains_the_bundle_tables_and_keeps_its_data(engine: Engine) -> None:
    """Dropping the schema-2 tables and marking version 1 stands in for an old database."""
    with engine.begin() as connection:
        _drop_schema_4_columns(connection)
        connection.execute(text("DROP TABLE bundle_imports"))
        connection.execute(text("DROP TABLE device_keys"))
        connection.execute(text("DROP TABLE audit_log"))
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="1"))
    epoch_before = admin.status(engine)["epoch"]
    admin.attachments_dir(engine)  # what `run` and every command call first
    tables = set(inspect(engine).get_table_names())
    assert {"bundle_imports", "device_keys", "audit_log"} <= tables
    assert schema.version(engine) == str(schema.CURRENT) == "5"
    assert admin.status(engine)["epoch"] == epoch_before


def test_schema_2_gains_the_audit_log(engine: Engine) -> None:
    """A schema-2 database (no audit log, no device-bound codes, no file holders) is brought
    to schema 3 and can be audited; its stored files stay readable by their uploaders' unit."""
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE audit_log"))
        connection.execute(text("DROP TABLE blob_holders"))
        connection.execute(text("ALTER TABLE enrollment_codes DROP COLUMN for_device"))
        _drop_schema_4_columns(connection)
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="2"))
        connection.execute(insert(devices).values(DEVICE))
        connection.execute(insert(blobs).values(BLOB))
    admin.attachments_dir(engine)
    assert {"audit_log", "blob_holders"} <= set(inspect(engine).get_table_names())
    assert "for_device" in {c["name"] for c in inspect(engine).get_columns("enrollment_codes")}
    assert schema.version(engine) == "5"
    with engine.begin() as connection:
        audit.write(connection, "record.remove", "r1", reason="test")
        holders = connection.execute(select(blob_holders.c.sha256, blob_holders.c.unit_id)).all()
    assert [(e["action"], e["subject"], e["detail"]) for e in audit.entries(engine)] == [
        ("record.remove", "r1", {"reason": "test"})
    ]
    assert [tuple(row) for row in holders] == [("ab" * 32, "unit-5")]


def test_a_newer_schema_is_refused_untouched(engine: Engine) -> None:
    """A database from a later release is not read by this one."""
    with engine.begin() as connection:
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="9"))
    try:
        admin.attachments_dir(engine)
    except admin.AdminError as exc:
        assert "schema 9" in str(exc)
    else:
        raise AssertionError("a schema-9 database was accepted")
    assert schema.version(engine) == "9"


RECORD = {
    "entity": "model",
    "id": "model-1",
    "unit_id": "unit-5",
    "scope_path": "/city/commune/unit-5/",
    "server_version": 7,
    "deleted": False,
    "fields": '{"name":"Đường hoa thôn Đông"}',
    "authors": "{}",
    "updated_at": "2026-01-05T08:00:00Z",
}


def test_schema_3_gains_the_record_marks_and_keeps_its_records(engine: Engine) -> None:
    """A schema-3 database gains each record's marks (kept within the commune: no; laptop
    schema needed: 1) and each imported bundle's schema, with every record kept as it was."""
    with engine.begin() as connection:
        _drop_schema_4_columns(connection)
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="3"))
        connection.execute(insert(records).values(RECORD))
    admin.attachments_dir(engine)
    assert schema.version(engine) == "5"
    assert "schema_version" in {c["name"] for c in inspect(engine).get_columns("bundle_imports")}
    with engine.begin() as connection:
        row = connection.execute(select(records).where(records.c.id == "model-1")).one()
    assert (row.fields, row.server_version, row.commune_only, row.min_schema) == (
        '{"name":"Đường hoa thôn Đông"}',
        7,
        False,
        1,
    )
