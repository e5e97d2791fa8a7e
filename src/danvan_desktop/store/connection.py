"""Opening SQLite connections: every connection the app opens goes through this module.

WAL so readers never block the writer; ``synchronous=FULL`` because laptops
lose power and a commit must be on disk before we call it saved; foreign keys on;
a busy timeout so a reader and the writer wait for each other briefly instead of
failing.

``open_connection`` gives the plain ``sqlite3`` connection and ``connect`` wraps it
in a sqlite-utils ``Database``. sqlite-utils is imported only then: its import
(click, dateutil, pluggy) costs about as much as starting a bare Qt window, so what
runs before the window's first paint reads through ``PlainReader`` instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from danvan_desktop.core.private_files import private_file, tighten

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("-wal", "-shm", "-journal")  # what SQLite keeps beside a database file

# pragma -> value expected afterwards (as PRAGMA returns it)
EXPECTED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}

Params = Sequence[Any] | dict[str, Any] | None


class Reads(Protocol):
    """What read-only store functions need of a connection: ``execute`` and ``query``.

    sqlite-utils' ``Database`` has both; so has ``PlainReader``.
    """

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement."""
        ...

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dicts."""
        ...


class PlainReader:
    """``execute`` and ``query`` for SELECTs over a plain connection, as sqlite-utils has them.

    For reads only: writes go through ``Database``, which commits and guards them.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dicts."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        return (dict(zip(keys, row, strict=True)) for row in cursor)


def open_connection(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A new plain connection with the store's pragmas applied."""
    if readonly:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        _make_private(path)
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # sqlite-utils turns this on when it wraps a connection; set it from the start, so
    # triggers behave the same before and after the wrapping.
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn


def _make_private(path: Path | str) -> None:
    """The store holds the sync token and the bundle key: its file is made 0600 before
    SQLite opens it (SQLite gives its -wal, -shm and -journal files the same mode), and
    the files an older release left 0644 are made 0600."""
    name = str(path)
    if name in ("", ":memory:") or name.startswith("file:"):
        return
    try:
        private_file(name)
    except OSError:
        return  # an unwritable folder: SQLite's own error says so, in the caller's words
    for suffix in SIDE_FILES:
        tighten(name + suffix)


def as_database(conn: sqlite3.Connection) -> Database:
    """A sqlite-utils Database over an open connection (sqlite-utils is imported now)."""
    from sqlite_utils import Database

    # No sqlite-utils plugins: the scan of installed packages costs start-up time, and
    # the store needs none.
    return Database(conn, execute_plugins=False)


def connect(path: Path | str, *, readonly: bool = False) -> Database:
    """A sqlite-utils Database over a new connection with the store's pragmas applied."""
    return as_database(open_connection(path, readonly=readonly))


def pragmas_of(db: Reads) -> dict[str, object]:
    """The current values of the pragmas the store depends on."""
    return {name: db.execute(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED_PRAGMAS}
