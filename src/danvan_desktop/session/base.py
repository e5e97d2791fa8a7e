"""What every part of the Session facade stands on: the store, generic records, settings.

The verbs of each area live in a mixin of their own (session/models.py,
session/meetings.py, ...), each a subclass of ``SessionBase``; session/facade.py composes
them into ``Session``.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.result import Result, result_of
from danvan_desktop.store.connection import PlainReader as PlainReader  # for the window's lanes
from danvan_desktop.store.connection import as_database
from danvan_desktop.store.database import Store
from danvan_desktop.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store import team as team_store
    from danvan_desktop.store.records import Records
else:  # loaded when first used (core/lazy.py)
    team_store = lazy_module("danvan_desktop.store.team")


class SessionBase:
    """One open store, with the verbs every area uses."""

    def __init__(self, store: Store, *, role: str = "team") -> None:
        self.store = store
        self.role = role
        self._records: Records | None = None

    @property
    def records(self) -> Records:
        """The writer of synced records, made when first used: opening the store and
        reading the first list need neither it nor the validation it loads."""
        if self._records is None:
            from danvan_desktop.store.records import Records

            self._records = Records(self.store)
        return self._records

    # -- generic records ---------------------------------------------------------------
    def add_record(self, entity: str, **fields: Any) -> Result:
        """Create a record of any entity."""
        return result_of(self.records.save(entity, fields, role=self.role))

    def update_record(self, entity: str, record_id: str, **fields: Any) -> Result:
        """Change some fields of a record."""
        return result_of(self.records.save(entity, fields, record_id=record_id, role=self.role))

    def delete_record(self, entity: str, record_id: str) -> Result:
        """Delete a record (a tombstone that sync carries)."""
        return result_of(self.records.delete(entity, record_id))

    def get_record(self, entity: str, record_id: str) -> dict[str, Any]:
        """One live record."""
        return self.records.get(entity, record_id)

    def list_records(
        self,
        entity: str,
        *,
        where: str = "",
        params: list[Any] | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Live records of an entity, oldest first."""
        return list(self.records.rows(entity, where, params, limit=limit))

    # -- the team and its regulation ---------------------------------------------------
    @property
    def team_id(self) -> str:
        """This store's team."""
        return team_store.team_id(self.records)

    def regulation(self) -> dict[str, Any]:
        """The team's regulation settings."""
        return dict(team_store.regulation(self.records))

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str) -> Any:
        """A laptop setting (see store/settings.py for the keys)."""
        return get_setting(self.store.plain, key)

    def change_setting(self, key: str, value: Any) -> None:
        """Change a laptop setting."""
        set_setting(self.store.db, key, value)

    # -- readers -----------------------------------------------------------------------
    # List views run their reads on a reader connection in the background while the
    # writer is busy; reads that take ``db`` use the writer without it.
    def open_reader(self) -> Database:
        """A new read-only connection for a background reader; the caller closes it."""
        return self.store.reader()

    def open_reader_connection(self) -> sqlite3.Connection:
        """``open_reader`` as a plain connection (read through it with ``plain_reader``
        or ``reader_database``); the caller closes it."""
        return self.store.reader_connection()

    @staticmethod
    def plain_reader(connection: sqlite3.Connection) -> PlainReader:
        """A reader connection for plain SELECTs (``execute``, ``query``) without
        sqlite-utils, whose import would hold up the window's first paint."""
        return PlainReader(connection)

    @staticmethod
    def reader_database(connection: sqlite3.Connection) -> Database:
        """A reader connection as a sqlite-utils Database (sqlite-utils is imported now)."""
        return as_database(connection)
