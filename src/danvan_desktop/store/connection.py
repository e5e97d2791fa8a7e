"""Opening SQLite connections: every connection the app opens goes through ``connect``.

WAL so readers never block the writer; ``synchronous=FULL`` because laptops
lose power and a commit must be on disk before we call it saved; foreign keys on;
a busy timeout so a reader and the writer wait for each other briefly instead of
failing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000

# pragma -> value expected afterwards (as PRAGMA returns it)
EXPECTED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def connect(path: Path | str, *, readonly: bool = False) -> Database:
    """A sqlite-utils Database over a new connection with the store's pragmas applied."""
    if readonly:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # No sqlite-utils plugins: the scan of installed packages costs start-up time, and
    # the store needs none.
    return Database(conn, execute_plugins=False)


def pragmas_of(db: Database) -> dict[str, object]:
    """The current values of the pragmas the store depends on."""
    return {name: db.execute(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED_PRAGMAS}
