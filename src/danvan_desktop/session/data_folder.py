"""A data folder while no Session has it open: whether it holds data, its backups, a restore.

The recovery dialog lists the backups when the store cannot be opened, and restoring
replaces a store that must be closed, so these are functions of the folder rather
than verbs of an open ``Session`` (which has ``make_backup`` and ``list_backups`` for
the folder it holds). store/backup.py (zipfile, tempfile, hashlib) is imported when
a backup is listed or restored, not to open the window.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from danvan_desktop.store.database import Store

_log = logging.getLogger(__name__)


def holds_store(data_dir: Path) -> bool:
    """True when ``data_dir`` holds a store (the team's data, set up or not)."""
    return Store.exists(Path(data_dir))


def list_backups(data_dir: Path) -> list[Path]:
    """The backups in ``data_dir`` and the copies kept before restores, newest first."""
    from danvan_desktop.store import backup

    return backup.list_backups(Path(data_dir))


def is_before_restore(path: Path) -> bool:
    """True for the copy of the data a restore replaced (listed with the backups)."""
    from danvan_desktop.store import backup

    return backup.is_before_restore(Path(path))


def restore_backup(path: Path, data_dir: Path) -> Path:
    """Replace the (closed) store in ``data_dir`` with the checked backup at ``path``.

    Refuses (StoreError) a damaged backup, or one made by a newer version of the app
    than this one's schema. Returns the safety copy of the store it replaced.
    """
    from danvan_desktop.core.errors import DanvanError
    from danvan_desktop.store.backup import restore_backup as restore
    from danvan_desktop.store.migrations import schema_version

    try:
        return restore(Path(path), Path(data_dir), known_schema=schema_version())
    except (DanvanError, OSError) as exc:
        # The user reads the message; the log keeps it, with the file, for support.
        _log.warning("restoring the backup %s failed: %s", Path(path).name, exc)
        raise


def auto_backup_through(connection: sqlite3.Connection, data_dir: Path) -> Path | None:
    """The automatic backup of ``data_dir``'s store when one is due, read through the
    caller's read-only ``connection`` (a lane of its own: a backup of a city's store
    takes tens of seconds, and neither the window nor the writer waits for it); the
    automatic backups are then rotated. None when no backup is due."""
    from danvan_desktop.store import backup
    from danvan_desktop.store.connection import as_database
    from danvan_desktop.store.settings import get_setting

    db = as_database(connection)
    if not backup.backup_due(Path(data_dir), float(get_setting(db, "backup_interval_hours"))):
        return None
    path = backup.make_backup(db, Path(data_dir))
    backup.rotate(Path(data_dir), int(get_setting(db, "backup_keep")))
    return path
