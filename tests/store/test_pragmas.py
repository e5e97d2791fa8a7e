"""Every connection the app opens runs with WAL, synchronous=FULL and foreign keys."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store.connection import EXPECTED_PRAGMAS, connect, pragmas_of
from danvan_desktop.store.database import STORE_FILE


def test_writer_connection_pragmas(session: Session) -> None:
    """The session's writer has the store's pragmas."""
    assert pragmas_of(session.store.db) == EXPECTED_PRAGMAS


def test_reader_connection_pragmas(session: Session) -> None:
    """A reader opened for another thread has them too."""
    reader = session.store.reader()
    try:
        assert pragmas_of(reader) == EXPECTED_PRAGMAS
    finally:
        reader.close()


def test_wal_persists_in_the_file(session: Session, data_dir: Path) -> None:
    """The file itself is in WAL mode, so even a bare connection sees it."""
    import sqlite3

    conn = sqlite3.connect(data_dir / STORE_FILE)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_connect_applies_pragmas_to_a_fresh_file(tmp_path: Path) -> None:
    """``connect`` is the one door: a brand-new file gets the pragmas too."""
    db = connect(tmp_path / "x.sqlite3")
    try:
        assert pragmas_of(db) == EXPECTED_PRAGMAS
    finally:
        db.close()


def test_every_connect_call_in_the_code_goes_through_connect() -> None:
    """No module but store/connection.py opens SQLite directly."""
    src = Path(__file__).parents[2] / "src" / "danvan_desktop"
    offenders = [
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if "sqlite3.connect(" in p.read_text(encoding="utf-8") and p.name != "connection.py"
    ]
    assert offenders == []
