"""The local store: one SQLite file per data folder, one writer connection.

``Store.open`` refuses a store written by a newer release before touching it,
backs up an older one before migrating it, and notes an unclean shutdown (the
marker file left by a process that did not close the store) so that a full
integrity check can run in the background. A read-only data folder and a full disk
are told as such, not as damage; a store a check found damaged is marked (a file
beside it: store/store_health.py) and opens with writes refused until a check
passes or a backup replaces it.

Opening an up-to-date store needs no sqlite-utils: the schema steps are checked
with plain SQL, and the writer's sqlite-utils ``Database`` (``Store.db``) is made
on first use. What the window reads before its first paint goes through
``Store.plain`` (store/connection.py says why).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.private_files import (
    is_private,
    open_private,
    private_dir,
    private_tree,
    tighten,
)
from danvan_desktop.store import migrations as mig
from danvan_desktop.store import store_health
from danvan_desktop.store.connection import PlainReader, as_database, open_connection

if TYPE_CHECKING:
    from sqlite_utils import Database

STORE_FILE = "danvan.sqlite3"
OPEN_MARKER = "danvan.open"
PRIVATE_SUBFOLDERS = ("attachments", "backups", "logs")


def utc_now() -> str:
    """The current UTC time as ISO text, for display-only timestamps."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries to disk (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_data_folder_private(data_dir: Path) -> None:
    """Make the data folder 0700 (created when missing) and its logs 0600, on POSIX.

    A folder an older release made (0755, its files 0644) is tightened whole once: the
    store's own subfolders and every file in them; later opens see a 0700 folder and
    only touch the logs, which the logging module creates with the umask's mode."""
    was_private = is_private(data_dir)
    existed = data_dir.is_dir()
    private_dir(data_dir)
    if existed and not was_private and is_private(data_dir):
        for name in PRIVATE_SUBFOLDERS:
            private_tree(data_dir / name)
        for name in os.listdir(data_dir):
            if name.startswith(STORE_FILE) or name == OPEN_MARKER:
                tighten(data_dir / name)
    private_tree(data_dir / "logs")


class Store:
    """An open store: the writer ``db``, the data folder, the device id, readers on demand."""

    def __init__(
        self,
        data_dir: Path,
        conn: sqlite3.Connection,
        *,
        unclean_shutdown: bool,
        db: Database | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.conn = conn
        self.plain = PlainReader(conn)  # reads on the writer without sqlite-utils
        self._db = db
        self.unclean_shutdown = unclean_shutdown
        self.damaged = store_health.damage_mark(data_dir / STORE_FILE)  # a failed check's find
        self.closed = False
        self.device_id = self._ensure_device_id()

    @property
    def db(self) -> Database:
        """The writer connection as a sqlite-utils Database (made on first use)."""
        if self._db is None:
            self._db = as_database(self.conn)
        return self._db

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return self.data_dir / STORE_FILE

    @property
    def attachments_dir(self) -> Path:
        """Where attachment files live, by SHA-256."""
        return self.data_dir / "attachments"

    @property
    def backups_dir(self) -> Path:
        """Where automatic and manual backups live."""
        return self.data_dir / "backups"

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        """True when ``data_dir`` holds a store."""
        return (data_dir / STORE_FILE).exists()

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False) -> Store:
        """Open (or with ``create`` make) the store in ``data_dir`` and bring its schema up.

        StoreError says what is wrong: no data, a newer release's data, a read-only
        folder, a full disk, or damage (with the advice to restore a backup)."""
        try:
            return cls._open(Path(data_dir), create=create)
        except (sqlite3.Error, OSError) as exc:
            raise store_health.open_failure(Path(data_dir) / STORE_FILE, exc) from exc

    @classmethod
    def _open(cls, data_dir: Path, *, create: bool) -> Store:
        path = data_dir / STORE_FILE
        if not path.exists() and not create:
            raise StoreError(
                tr(
                    "store",
                    "Không có dữ liệu trong thư mục {path}: hãy khởi tạo bằng lệnh «danvan init» "
                    "hoặc chọn đúng thư mục dữ liệu.",
                    path=data_dir,
                )
            )
        try:
            make_data_folder_private(data_dir)
        except OSError as exc:
            raise StoreError(
                tr(
                    "store",
                    "Không tạo được thư mục dữ liệu {path}: {error}.",
                    path=data_dir,
                    error=exc.strerror,
                )
            ) from exc
        existed = path.exists()
        marker = data_dir / OPEN_MARKER
        unclean = existed and marker.exists()
        conn: sqlite3.Connection | None = None
        try:
            conn = open_connection(path)
            if store_health.damage_mark(path) is not None:
                conn.execute("PRAGMA query_only = ON")  # a damaged store is read, never written
            applied = refuse_newer(conn)
            if existed:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except (sqlite3.DatabaseError, StoreError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, StoreError):
                raise
            raise store_health.open_failure(path, exc) from exc
        db = None
        if set(applied) != set(mig.known_step_names()):  # steps to apply
            db = as_database(conn)
            if existed and applied:
                from danvan_desktop.store.backup import backup_before_migration

                backup_before_migration(db, data_dir)
            mig.registry().apply(db)
        if conn.execute("PRAGMA user_version").fetchone()[0] != mig.schema_version():
            conn.execute(f"PRAGMA user_version = {mig.schema_version()}")
        with open_private(marker) as out:
            out.write(str(os.getpid()).encode("ascii"))
        fsync_dir(data_dir)
        return cls(data_dir, conn, unclean_shutdown=unclean, db=db)

    def reader_connection(self) -> sqlite3.Connection:
        """A new plain read-only connection (for another thread); the caller closes it."""
        return open_connection(self.path, readonly=True)

    def reader(self) -> Database:
        """A new read-only connection (for another thread); the caller closes it."""
        return as_database(self.reader_connection())

    def close(self) -> None:
        """Checkpoint, close the writer, and clear the unclean-shutdown marker (idempotent)."""
        if self.closed:
            return
        self.closed = True
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # a full disk, a read-only folder: the WAL stays, and is read at next open
        finally:
            self.conn.close()
        with suppress(OSError):  # a read-only folder keeps it: the next open checks it all
            (self.data_dir / OPEN_MARKER).unlink(missing_ok=True)

    def meta(self, key: str) -> str | None:
        """A value from the store's meta table."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Set a meta value (in the caller's transaction when there is one)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def damage_refusal(self) -> StoreError | None:
        """The refusal of a write into a store a check marked damaged (None when not)."""
        if self.damaged is None:
            return None
        return store_health.damaged_error(self.path, self.damaged)

    def explain_failure(self, error: BaseException) -> StoreError | None:
        """What the user should read about an error met while using the store: a full
        disk, a read-only folder, or damage (then the store is marked); None for others."""
        return store_health.storage_failure(self.path, error)

    @property
    def home_unit_id(self) -> str | None:
        """The unit this laptop's team belongs to (set by init)."""
        return self.meta("home_unit_id")

    def _ensure_device_id(self) -> str:
        device_id = self.meta("device_id")
        if device_id is None:
            device_id = uuid7()
            self.set_meta("device_id", device_id)
        return device_id


def refuse_newer(conn: sqlite3.Connection) -> list[str]:
    """The schema steps applied to the store; StoreError when it has steps this release
    does not know (a newer release wrote it)."""
    known = set(mig.known_step_names())
    table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [mig.MIGRATIONS_TABLE]
    ).fetchone()
    applied: list[str] = []
    if table is not None:
        rows = conn.execute(
            f"SELECT name FROM [{mig.MIGRATIONS_TABLE}] WHERE migration_set = ?",
            [mig.MIGRATION_SET],
        ).fetchall()
        applied = [str(r[0]) for r in rows]
    unknown = [name for name in applied if name not in known]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if unknown or user_version > mig.schema_version():
        raise StoreError(
            tr(
                "store",
                "Dữ liệu này do phiên bản mới hơn của ứng dụng ghi (lược đồ {found}, phiên bản "
                "này hiểu đến {known}): hãy cài phiên bản mới nhất rồi mở lại; dữ liệu chưa bị "
                "thay đổi.",
                found=max(user_version, mig.schema_version() + len(unknown)),
                known=mig.schema_version(),
            )
        )
    return applied
