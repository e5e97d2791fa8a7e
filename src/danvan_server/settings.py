"""Server settings: the database URL and the limits that keep one request bounded.

Everything else the server needs (the attachments folder, the epoch) lives in the
database itself, written by ``danvan-server init``, so that several stateless app
processes behind a load balancer need nothing but the database URL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

DATABASE_URL_ENV = "DANVAN_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///danvan-server.sqlite3"


@dataclass(frozen=True)
class Settings:
    """How one server process connects and how big a request may be."""

    database_url: str = DEFAULT_DATABASE_URL
    # Pull pages: the client asks for max_bytes; the server never sends much more.
    default_pull_bytes: int = 512 * 1024
    max_pull_bytes: int = 4 * 1024 * 1024
    # Push: a batch is bounded by bytes on the client; these caps stop abuse.
    max_request_bytes: int = 32 * 1024 * 1024
    max_ops_per_push: int = 5000
    # Attachments: chunks are small so a 2G link finishes one before it drops.
    max_chunk_bytes: int = 8 * 1024 * 1024
    max_attachment_bytes: int = 200 * 1024 * 1024
    # Threads per app process for database reads (the push writer has its own), and
    # the PostgreSQL connections kept for them: every thread finds a pooled
    # connection, so none is opened (a PostgreSQL backend forked) per request.
    worker_threads: int = 16
    pool_size: int = 18
    # A "SELECT 1" before every use of a pooled connection costs a round trip per
    # request (12 % of a 200-laptop burst). Without it, a connection that died with a
    # PostgreSQL restart fails one request (503, Retry-After; the laptop retries) and
    # the pool drops every connection older than that failure.
    pool_pre_ping: bool = False
    # SQLite: how long a writer waits for another writer before giving up.
    sqlite_busy_timeout_s: float = 30.0

    def with_database(self, url: str) -> Settings:
        """The same settings pointed at another database."""
        return replace(self, database_url=url)


def settings_from_env(environ: dict[str, str] | None = None) -> Settings:
    """Settings from ``DANVAN_DATABASE_URL`` (and defaults for the rest)."""
    env = os.environ if environ is None else environ
    return Settings(database_url=env.get(DATABASE_URL_ENV) or DEFAULT_DATABASE_URL)
