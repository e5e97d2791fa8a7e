"""An older server database (schema 1 of release 0.1.0, schema 2) is brought up to date in
place."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text, update

from danvan_server import admin, audit, schema
from danvan_server.db import meta


def test_schema_1_gains_the_bundle_tables_and_keeps_its_data(engine: Engine) -> None:
    """Dropping the schema-2 tables and marking version 1 stands in for an old database."""
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE bundle_imports"))
        connection.execute(text("DROP TABLE device_keys"))
        connection.execute(text("DROP TABLE audit_log"))
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="1"))
    epoch_before = admin.status(engine)["epoch"]
    admin.attachments_dir(engine)  # what `run` and every command call first
    tables = set(inspect(engine).get_table_names())
    assert {"bundle_imports", "device_keys", "audit_log"} <= tables
    assert schema.version(engine) == str(schema.CURRENT) == "3"
    assert admin.status(engine)["epoch"] == epoch_before


def test_schema_2_gains_the_audit_log(engine: Engine) -> None:
    """A schema-2 database (no audit log) is brought to schema 3 and can be audited."""
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE audit_log"))
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="2"))
    admin.attachments_dir(engine)
    assert "audit_log" in set(inspect(engine).get_table_names())
    assert schema.version(engine) == "3"
    with engine.begin() as connection:
        audit.write(connection, "record.remove", "r1", reason="test")
    assert [(e["action"], e["subject"], e["detail"]) for e in audit.entries(engine)] == [
        ("record.remove", "r1", {"reason": "test"})
    ]


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
