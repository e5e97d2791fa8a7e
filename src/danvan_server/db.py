"""The server's tables (SQLAlchemy Core) and engines for SQLite and PostgreSQL.

One generic ``records`` table holds every synced record as JSON text: the
server merges fields and filters by scope, it never queries inside a model, and
a field added to ``core.schema`` needs no server migration. ``server_version``
is the download sequence; it is assigned only while the writer holds the lock on
the one-row ``seq_counter`` table (``SELECT ... FOR UPDATE`` on PostgreSQL,
``BEGIN IMMEDIATE`` on SQLite), so writers commit in sequence order and a reader
never skips a number that commits later.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    false,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url

from danvan_desktop.core.private_files import private_file, tighten
from danvan_server.settings import Settings

try:
    import fcntl
except ImportError:  # Windows: the processes of one SQLite file meet its busy handler
    fcntl = None  # type: ignore[assignment]

# 2: device keys, USB bundles; 3: audit log, device-bound codes, file holders; 4: records
# kept within the commune, the laptop schema a record needs; 5: this wave's issue 17
# (replication links read by their source's scope, ...) (schema.py)
SERVER_SCHEMA_VERSION = 5
WRITE_OPTION = "danvan_write"
STATEMENTWISE_OPTION = "danvan_statementwise"  # SQLite: no BEGIN, see reading()

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

seq_counter = Table(
    "seq_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

units = Table(
    "units",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("level", String(16), nullable=False),  # city | commune | village
    Column("parent_id", String(64), nullable=True),
    Column("path", Text, nullable=False),  # "/city/commune/village/": scope by prefix
    Column("name", Text, nullable=False),
    Column("province_code", Integer, nullable=False),
    Column("commune_code", Integer, nullable=True),
    Column("created_at", String(40), nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("entity", String(64), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("unit_id", String(64), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("server_version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("fields", Text, nullable=False),  # canonical JSON of every field
    Column("authors", Text, nullable=False),  # JSON {field: device that wrote it last}
    Column("blob_sha256", String(64), nullable=True),  # attachments: the file they name
    Column("updated_by", String(64), nullable=True),
    Column("updated_at", String(40), nullable=False),
    # Schema 4 (residents.py): residents' personal details, sent to no scope above the
    # commune; and the laptop store schema that can store the record (older: left out).
    Column("commune_only", Boolean, nullable=False, server_default=false()),
    Column("min_schema", Integer, nullable=False, server_default=text("1")),
    # Schema 5 (replication_scope.py): a replication link is also read by the scopes that
    # cover its source model.
    Column("source_scope_path", Text, nullable=True),
    Index("ix_records_server_version", "server_version", unique=True),
    Index("ix_records_unit", "unit_id", "server_version"),
    Index("ix_records_blob", "blob_sha256"),
)

applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("entity", String(64), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("server_version", BigInteger, nullable=True),
    Column("message", Text, nullable=True),
    Column("conflicts", Text, nullable=False),  # JSON list, as first answered
    Column("applied_at", String(40), nullable=False),
    # Schema 5 (push.py): the first answer was ``exact``, so a replay's ``duplicate`` says so.
    Column("exact", Boolean, nullable=False, server_default=false()),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("device_name", Text, nullable=False),
    Column("unit_id", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40), nullable=True),
    Column("last_seen_at", String(40), nullable=True),
)

enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("unit_id", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40), nullable=True),
    Column("used_by_device", String(64), nullable=True),
    # Schema 3: a code that re-enrolls this enrolled device id (null: a new device only).
    Column("for_device", String(64), nullable=True),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored_at", String(40), nullable=False),
    Column("device_id", String(64), nullable=True),
)

# Schema 3: which units uploaded a file's bytes. A device may read a file only when it
# can read one of these units (its own, or one below it): knowing a file's SHA-256, or
# naming it in a record, gives nothing; each unit proves it has the bytes by sending them.
blob_holders = Table(
    "blob_holders",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("unit_id", String(64), primary_key=True),
    Column("stored_at", String(40), nullable=False),
)


def make_engine(settings: Settings) -> Engine:
    """An engine for the settings' URL, with SQLite made safe for concurrent writers."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(settings)
    return create_engine(
        url,
        hide_parameters=True,  # an error in the log must not carry a token hash or a record
        pool_size=settings.pool_size,
        max_overflow=settings.pool_size // 2,  # the admin commands' and tests' extra use
        pool_pre_ping=settings.pool_pre_ping,
        # No server-side prepared statements: a push looks up 200 ids with one
        # ``IN (...)``, and a prepared (generic) plan of that compares every row with
        # every parameter, where a fresh plan hashes the list.
        connect_args={"prepare_threshold": None},
    )


def _sqlite_engine(settings: Settings) -> Engine:
    _make_file_private(make_url(settings.database_url).database)
    engine = create_engine(
        settings.database_url,
        hide_parameters=True,  # an error in the log must not carry a token hash or a record
        # As many pooled connections as threads use them (as for PostgreSQL): with the
        # default five, a burst opened and closed a connection (and ran the pragmas
        # below) for most requests, a tenth of the server's time.
        pool_size=settings.pool_size,
        max_overflow=settings.pool_size // 2,
        connect_args={"check_same_thread": False, "timeout": settings.sqlite_busy_timeout_s},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so that writers can BEGIN IMMEDIATE:
        # a deferred BEGIN that later upgrades to a write lock deadlocks two writers.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(settings.sqlite_busy_timeout_s * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        if options.get(STATEMENTWISE_OPTION, False):
            return  # pysqlite, with isolation_level None, runs each statement on its own
        connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE_OPTION) else "BEGIN")

    return engine


def _make_file_private(database: str | None) -> None:
    """The SQLite file holds the server's bundle-signing key: made 0600 before SQLite opens
    it (its -wal and -shm files take the same mode), and made 0600 when an older release
    left it readable by every user."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        private_file(database)
    except OSError:
        return  # a missing or unwritable folder: SQLite's own error will say so
    for suffix in ("-wal", "-shm", "-journal"):
        tighten(database + suffix)


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


@contextmanager
def writing(engine: Engine, *, sequenced: bool = True) -> Iterator[Connection]:
    """A write transaction; ``sequenced`` ones hold the sequence lock from the start.

    Every transaction that writes ``records`` must be sequenced; the others (devices,
    codes, blobs) need not wait for a push.

    On SQLite the writers of this process queue on a lock before BEGIN IMMEDIATE:
    SQLite's own busy handler makes a waiting writer sleep 25–100 ms at a time, so
    forty pushes arriving together took seconds; in a queue each waits only for the
    commits before it. The queue spans processes (``--workers``) through an ``flock``
    on a file beside the database, where the platform has one.
    """
    with _writer_queue(engine), engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if sequenced:
                lock_sequence(connection)
            yield connection


class _WriterQueue:
    """The writers of one SQLite file: a lock for this process's threads, then an
    exclusive ``flock`` on ``<database>-writers.lock`` for the other processes (a
    blocked ``flock`` wakes when the lock is released; the busy handler polls)."""

    def __init__(self, database: str | None) -> None:
        self._threads = threading.Lock()
        in_memory = not database or database == ":memory:" or database.startswith("file:")
        self._path = None if in_memory or fcntl is None else f"{database}-writers.lock"
        self._fd: int | None = None

    def __enter__(self) -> None:
        self._threads.acquire()
        try:
            if self._path is not None:
                if self._fd is None:
                    self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self._threads.release()
            raise

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()


_writer_queues: dict[str, _WriterQueue] = {}
_writer_queues_guard = threading.Lock()


def _writer_queue(engine: Engine) -> AbstractContextManager[object]:
    if not is_sqlite(engine):
        return nullcontext()  # PostgreSQL queues writers on the sequence row lock itself
    with _writer_queues_guard:
        key = str(engine.url)
        if key not in _writer_queues:
            _writer_queues[key] = _WriterQueue(engine.url.database)
        return _writer_queues[key]


@contextmanager
def reading(engine: Engine, *, snapshot: bool = True) -> Iterator[Connection]:
    """A read-only transaction (never blocks writers on SQLite in WAL mode).

    ``snapshot=False`` runs each statement on its own instead (autocommit), for the
    reads every sync request makes that need no common snapshot (the token, a pull
    page: its rows are read up to the committed sequence read first, which does not
    depend on one). On PostgreSQL that saves the BEGIN and COMMIT round trips, on
    SQLite two statements; with two hundred laptops in a burst, a third of the
    server's time went to authenticating.
    """
    with engine.connect() as connection:
        if snapshot:
            with connection.begin():
                yield connection
        elif is_sqlite(engine):
            yield connection.execution_options(**{STATEMENTWISE_OPTION: True})
        else:
            yield connection.execution_options(isolation_level="AUTOCOMMIT")


def lock_sequence(connection: Connection) -> int:
    """Lock the sequence counter until commit (serialises writers); return its value."""
    row = connection.execute(
        select(seq_counter.c.value).where(seq_counter.c.id == 1).with_for_update()
    ).first()
    if row is None:
        raise RuntimeError("the database is not initialised: run `danvan-server init`")
    return int(row[0])


def read_sequence(connection: Connection) -> int:
    """The highest committed sequence number (0 before any change)."""
    row = connection.execute(select(seq_counter.c.value).where(seq_counter.c.id == 1)).first()
    return int(row[0]) if row is not None else 0


def write_sequence(connection: Connection, value: int) -> None:
    """Store the highest sequence number used by the current transaction."""
    connection.execute(update(seq_counter).where(seq_counter.c.id == 1).values(value=value))


def get_meta(connection: Connection, key: str) -> str | None:
    """One value of the ``meta`` table."""
    row = connection.execute(select(meta.c.value).where(meta.c.key == key)).first()
    return None if row is None else str(row[0])
