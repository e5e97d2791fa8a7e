"""The local store: one SQLite file per data folder, one writer connection.

``Store.open`` refuses a store written by a newer release before touching it,
backs up an older one before migrating it, and notes an unclean shutdown (the
marker file left by a process that did not close the store) so that a full
integrity check can run in the background.

Opening an up-to-date store needs no sqlite-utils: the schema steps are checked
with plain SQL, and the writer's sqlite-utils ``Database`` (``Store.db``) is made
on first use. What the window reads before its first paint goes through
``Store.plain`` (store/connection.py says why).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.store import migrations as mig
from danvan_desktop.store.connection import PlainReader, as_database, open_connection

if TYPE_CHECKING:
    from sqlite_utils import Database

STORE_FILE = "danvan.sqlite3"
OPEN_MARKER = "danvan.open"


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
        """Open (or with ``create`` make) the store in ``data_dir`` and bring its schema up."""
        data_dir = Path(data_dir)
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
            data_dir.mkdir(parents=True, exist_ok=True)
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
            applied = refuse_newer(conn)
            if existed:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except (sqlite3.DatabaseError, StoreError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(
                tr(
                    "store",
                    "Tệp dữ liệu {path} bị hỏng hoặc không phải dữ liệu của ứng dụng ({error}): "
                    "hãy khôi phục từ bản sao lưu gần nhất.",
                    path=path,
                    error=exc,
                )
            ) from exc
        db = None
        if set(applied) != set(mig.known_step_names()):  # steps to apply
            db = as_database(conn)
            if existed and applied:
                from danvan_desktop.store.backup import backup_before_migration

                backup_before_migration(db, data_dir)
            mig.registry().apply(db)
        if conn.execute("PRAGMA user_version").fetchone()[0] != mig.schema_version():
            conn.execute(f"PRAGMA user_version = {mig.schema_version()}")
        marker.write_text(str(os.getpid()), encoding="ascii")
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
        finally:
            self.conn.close()
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
