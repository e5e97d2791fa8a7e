"""The facade the UI and the CLI call: verb-named methods, keyword arguments, results.

No SQL above this line. Every mutation returns a ``Result`` naming the records it
changed so that pages refresh only what changed.

``Session`` is composed of one mixin per area, each in a module of its own
(session/models.py, session/model_life.py, session/meetings.py, session/team.py,
session/handbook.py, session/exemplars.py, session/petitions.py, session/mediations.py,
session/reports.py, session/sync.py, session/bundles.py, session/importing.py),
over ``SessionBase`` (session/base.py: the store, generic records, settings).
A new area is one more module and one more line in the bases below. This module
keeps what concerns the data folder as a whole: opening, checking, backups,
search, demo data and the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.bundles import BundleMixin
from danvan_desktop.session.exemplars import ExemplarsMixin
from danvan_desktop.session.handbook import HandbookMixin
from danvan_desktop.session.importing import ImportingMixin
from danvan_desktop.session.mediations import MediationsMixin
from danvan_desktop.session.meetings import MeetingsMixin
from danvan_desktop.session.model_life import ModelLifeMixin
from danvan_desktop.session.models import ModelsMixin
from danvan_desktop.session.network import NetworkMixin
from danvan_desktop.session.petitions import PetitionsMixin
from danvan_desktop.session.quarantine import QuarantineMixin
from danvan_desktop.session.replication import ReplicationMixin
from danvan_desktop.session.reports import ReportsMixin
from danvan_desktop.session.result import Result, result_of
from danvan_desktop.session.setup import SetupMixin, enrolled_role
from danvan_desktop.session.sync import SyncMixin
from danvan_desktop.session.team import TeamMixin
from danvan_desktop.session.updates import UpdatesMixin
from danvan_desktop.store.database import Store

if TYPE_CHECKING:
    from danvan_desktop.store import outbox
    from danvan_desktop.store import team as team_store
    from danvan_desktop.store.integrity import CheckReport
    from danvan_desktop.store.search import SearchHit
else:  # loaded when first used (core/lazy.py)
    outbox = lazy_module("danvan_desktop.store.outbox")
    team_store = lazy_module("danvan_desktop.store.team")

__all__ = ["Session"]


class Session(
    ModelsMixin,
    ModelLifeMixin,
    MeetingsMixin,
    TeamMixin,
    HandbookMixin,
    ExemplarsMixin,
    PetitionsMixin,
    MediationsMixin,
    ReportsMixin,
    SyncMixin,
    BundleMixin,
    ImportingMixin,
    QuarantineMixin,
    NetworkMixin,
    ReplicationMixin,
    SetupMixin,
    UpdatesMixin,
):
    """One open data folder: its store and the operations a team leader performs."""

    # -- lifecycle ---------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False) -> Session:
        """Open the store in ``data_dir`` (``create`` to make a new one)."""
        store = Store.open(Path(data_dir), create=create)
        session = cls(store, role=enrolled_role(store))  # a reviewer's laptop writes as one
        if session.bundled_handbook_is_newer():
            session.load_bundled_handbook()
        return session

    def close(self) -> None:
        """Close the store cleanly."""
        self.store.close()

    @property
    def is_initialised(self) -> bool:
        """True once the team has been set up."""
        return self.store.home_unit_id is not None

    def initialise_team(self, **setup: Any) -> Result:
        """Set up the unit, team, leader, regulation and field list (first run)."""
        changes = team_store.initialise(self.records, team_store.TeamSetup(**setup))
        return result_of(changes, self.store.meta("team_id"))

    def check(self, *, full: bool = False) -> CheckReport:
        """Check the store (quick, or the full integrity check)."""
        from danvan_desktop.store.integrity import check_store

        return check_store(self.store, full=full)

    # -- backups -----------------------------------------------------------------------
    # store/backup.py (zipfile, tempfile, hashlib) is imported when a backup is made or
    # listed, not to open the window.
    def make_backup(self, target_dir: Path | None = None) -> Path:
        """Write a full backup (store and attachments) now; rotate the automatic ones."""
        from danvan_desktop.store import backup

        path = backup.make_backup(self.store.db, self.store.data_dir, target_dir)
        if target_dir is None:
            backup.rotate(self.store.data_dir, int(self.setting("backup_keep")))
        return path

    def auto_backup(self) -> Path | None:
        """Back up when the last automatic backup is older than the interval setting."""
        from danvan_desktop.store import backup

        if backup.backup_due(self.store.data_dir, float(self.setting("backup_interval_hours"))):
            return self.make_backup()
        return None

    def list_backups(self) -> list[Path]:
        """Backups in the data folder, newest first."""
        from danvan_desktop.store import backup

        return backup.list_backups(self.store.data_dir)

    # -- search and demo data ----------------------------------------------------------
    def search(
        self, text: str, *, limit: int = 20, entities: tuple[str, ...] | None = None
    ) -> list[SearchHit]:
        """Hits for what the user typed (diacritics optional), names before bodies."""
        from danvan_desktop.store.search import search as search_store

        return search_store(self.store.db, text, limit=limit, entities=entities)

    def fill_demo(
        self, *, size: str = "small", progress: Callable[[str, int, int], None] | None = None
    ) -> None:
        """Fill the store with realistic Huế demo data (``small`` or ``large``)."""
        from danvan_desktop.store import demo_data

        if size == "small":
            demo_data.fill_small(self)
        else:
            demo_data.fill_large(self.store, progress=progress)

    # -- sync bookkeeping --------------------------------------------------------------
    def pending_operations(self) -> list[outbox.Operation]:
        """The outbox, oldest first."""
        return outbox.operations(self.store.db)

    def pending_count(self) -> int:
        """How many changes wait to be synced."""
        return outbox.pending_count(self.store.db)
