"""Backups of the store through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlite_utils import Database

from danvan_desktop.store.connection import connect


def backup_to(db: Database, target: Path) -> Path:
    """Copy the open store ``db`` into ``target`` consistently, fsync it, and return it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = connect(partial)
    try:
        db.conn.backup(dest.conn)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)
    return target


def backup_before_migration(db: Database, data_dir: Path) -> Path:
    """Keep a copy of the store as it was before its schema is changed."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return backup_to(db, data_dir / "backups" / f"before-migration-v{version}-{stamp}.sqlite3")
