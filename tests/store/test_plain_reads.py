"""Opening a store and reading the first screen without sqlite-utils, and the same answers.

sqlite-utils is imported when the writer's Database is first used; before that,
Store.open checks the schema with plain SQL and PlainReader answers the reads the
window needs first (settings, the model list page, its count and filter lists).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store.connection import PlainReader
from danvan_desktop.store.lists import ModelFilter

FIRST_SCREEN = """
import sys
from danvan_desktop.session import Session
from danvan_desktop.store.connection import PlainReader
from danvan_desktop.store.lists import ModelFilter

session = Session.open(sys.argv[1])
facts = (session.setting("language"), session.is_initialised, session.store.unclean_shutdown)
reader = PlainReader(session.open_reader_connection())
page = session.model_page(ModelFilter(), limit=10, db=reader)
count = session.model_count(ModelFilter(), db=reader)
lists = (session.model_fields(db=reader), session.model_years(db=reader))
print("sqlite_utils" in sys.modules, facts, len(page.rows), count, flush=True)
session.store.db  # the writer's Database, made on first use
print("sqlite_utils" in sys.modules, flush=True)
reader.conn.close()
session.close()
"""


def _fill(session: Session) -> None:
    for name in ("Đường hoa", "Ăn sạch", "Camera an ninh", "Bếp ăn tình thương"):
        session.add_model(name=name, field_code="other", year=2026)


def test_first_screen_reads_need_no_sqlite_utils(session: Session, data_dir: Path) -> None:
    """An up-to-date store opens and answers the first screen before sqlite-utils loads."""
    _fill(session)
    session.close()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.splitlines() == ["False ('vi', True, False) 4 4", "True"]


def test_plain_reader_answers_as_the_database_does(session: Session) -> None:
    """Pages, counts, field and year lists are the same through both connections."""
    _fill(session)
    reader = PlainReader(session.open_reader_connection())
    database = session.open_reader()
    try:
        for db in (reader, database):
            assert [r["name"] for r in session.model_page(ModelFilter(), db=db).rows] == [
                "Ăn sạch",
                "Bếp ăn tình thương",
                "Camera an ninh",
                "Đường hoa",
            ]
        flt = ModelFilter(year=2026)
        assert session.model_count(flt, db=reader) == session.model_count(flt, db=database) == 4
        assert session.model_fields(db=reader) == session.model_fields(db=database)
        assert session.model_years(db=reader) == session.model_years(db=database) == [2026]
        assert list(reader.query("SELECT key FROM meta WHERE key = ?", ["device_id"])) == [
            {"key": "device_id"}
        ]
    finally:
        reader.conn.close()
        database.close()


def test_reopening_an_up_to_date_store_writes_nothing(session: Session, data_dir: Path) -> None:
    """A second open finds every step applied: no migration, no user_version write."""
    store_file = session.store.path
    session.close()
    before = store_file.stat().st_mtime_ns
    again = Session.open(data_dir)
    try:
        assert again.store._db is None  # no sqlite-utils Database was needed to open
        assert again.store.conn.execute("PRAGMA user_version").fetchone()[0] > 0
    finally:
        again.close()
    assert store_file.stat().st_mtime_ns == before
