"""The facade the UI and the CLI call: verb-named methods, keyword arguments, results.

No SQL above this line. Every mutation returns a ``Result`` naming the records it
changed so that pages refresh only what changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from danvan_desktop.core import schedule
from danvan_desktop.core.schedule import Due
from danvan_desktop.store import (
    backup,
    demo_data,
    drafts,
    meeting_templates,
    meetings,
    outbox,
    tasks,
)
from danvan_desktop.store import team as team_store
from danvan_desktop.store.database import Store
from danvan_desktop.store.integrity import CheckReport, check_store
from danvan_desktop.store.records import Change, Changes, Records
from danvan_desktop.store.search import SearchHit
from danvan_desktop.store.search import search as search_store
from danvan_desktop.store.settings import get_setting, set_setting


@dataclass(frozen=True)
class Result:
    """What a mutation did."""

    record_id: str | None
    changes: tuple[Change, ...] = field(default=())

    @property
    def entities(self) -> set[str]:
        """The entities whose records changed."""
        return {c.entity for c in self.changes}


def _result(change: Change | Changes, record_id: str | None = None) -> Result:
    if isinstance(change, Change):
        items = () if change.kind == "unchanged" else (change,)
        return Result(record_id or change.record_id, items)
    return Result(record_id, tuple(change.items))


class Session:
    """One open data folder: its store and the operations a team leader performs."""

    def __init__(self, store: Store, *, role: str = "team") -> None:
        self.store = store
        self.records = Records(store)
        self.role = role

    # -- lifecycle -------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False) -> Session:
        """Open the store in ``data_dir`` (``create`` to make a new one)."""
        return cls(Store.open(Path(data_dir), create=create))

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
        return _result(changes, self.store.meta("team_id"))

    def check(self, *, full: bool = False) -> CheckReport:
        """Check the store (quick, or the full integrity check)."""
        return check_store(self.store, full=full)

    # -- generic records -------------------------------------------------------------
    def add_record(self, entity: str, **fields: Any) -> Result:
        """Create a record of any entity."""
        return _result(self.records.save(entity, fields, role=self.role))

    def update_record(self, entity: str, record_id: str, **fields: Any) -> Result:
        """Change some fields of a record."""
        return _result(self.records.save(entity, fields, record_id=record_id, role=self.role))

    def delete_record(self, entity: str, record_id: str) -> Result:
        """Delete a record (a tombstone that sync carries)."""
        return _result(self.records.delete(entity, record_id))

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

    # -- models ----------------------------------------------------------------------
    def add_model(self, **fields: Any) -> Result:
        """Register a model (status «registered», this year unless given)."""
        fields.setdefault("status", "registered")
        fields.setdefault("year", dt.date.today().year)
        return self.add_record("model", **fields)

    def update_model(self, model_id: str, **fields: Any) -> Result:
        """Change a model's fields."""
        return self.update_record("model", model_id, **fields)

    def move_model(self, model_id: str, *, status: str) -> Result:
        """Move a model along its life cycle (only the moves the role may make)."""
        return self.update_record("model", model_id, status=status)

    # -- team ------------------------------------------------------------------------
    @property
    def team_id(self) -> str:
        """This store's team."""
        return team_store.team_id(self.records)

    def add_member(self, **fields: Any) -> Result:
        """Add a member to the team."""
        fields.setdefault("team_id", self.team_id)
        fields.setdefault("role", "member")
        return self.add_record("member", **fields)

    def regulation(self) -> dict[str, Any]:
        """The team's regulation settings."""
        return dict(team_store.regulation(self.records))

    # -- meetings and tasks ----------------------------------------------------------
    def add_meeting(self, **fields: Any) -> Result:
        """Create a meeting's minutes as a draft."""
        fields.setdefault("team_id", self.team_id)
        fields.setdefault("state", "draft")
        fields.setdefault("version", 1)
        return self.add_record("meeting", **fields)

    def finalise_meeting(self, meeting_id: str) -> Result:
        """Give the minutes their number and lock them."""
        return _result(meetings.finalise(self.records, meeting_id))

    def correct_meeting(self, meeting_id: str) -> Result:
        """Start a new version of final minutes; the old one is kept."""
        changes = meetings.correct(self.records, meeting_id)
        return _result(changes, changes.items[0].record_id if changes.items else None)

    def create_meeting(
        self, *, kind: str, starts_at: dt.datetime, place: str | None = None
    ) -> Result:
        """A draft meeting from its template: title, agenda, chair, attendance filled."""
        changes = meeting_templates.create_from_template(
            self.records, kind=kind, starts_at=starts_at, place=place
        )
        return _result(changes, changes.items[0].record_id)

    def save_draft(self, entity: str, record_id: str, fields: dict[str, Any]) -> None:
        """Autosave what is being typed (not yet a change to sync)."""
        drafts.save_draft(self.records, entity, record_id, fields)

    def load_draft(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """Unsaved fields left from an earlier session, if any."""
        return drafts.load_draft(self.records, entity, record_id)

    def commit_draft(self, entity: str, record_id: str) -> Result:
        """Save the draft into the record (validated, tracked) and drop it."""
        return _result(drafts.commit_draft(self.records, entity, record_id, role=self.role))

    def discard_draft(self, entity: str, record_id: str) -> None:
        """Throw a draft away."""
        drafts.discard_draft(self.records, entity, record_id)

    def list_tasks(
        self, *, today: dt.date | None = None, status: str | None = None, overdue_only: bool = False
    ) -> list[dict[str, Any]]:
        """Tasks from every meeting, nearest deadline first, overdue ones marked."""
        return tasks.task_rows(
            self.store.db, today=today or dt.date.today(), status=status, overdue_only=overdue_only
        )

    def meetings_due(self, *, today: dt.date | None = None) -> list[Due]:
        """The next regular meeting and any half-year or year-end review the regulation asks
        for now (reminders)."""
        today = today or dt.date.today()
        reg = self.regulation()
        held: dict[str, list[dt.date]] = {}
        for row in self.store.db.execute(
            "SELECT kind, starts_at FROM meeting WHERE deleted = 0 AND supersedes_id IS NULL"
        ):
            held.setdefault(row[0], []).append(dt.date.fromisoformat(str(row[1])[:10]))
        due = [
            schedule.next_meeting_due(
                period=str(reg.get("meeting_period") or "monthly"),
                meeting_day=reg.get("meeting_day"),
                held=held.get("regular", []),
                today=today,
            )
        ]
        periods = json.loads(str(reg.get("reporting_periods") or "[]"))
        return due + schedule.reviews_due(periods=periods, held=held, today=today)

    def add_task(self, **fields: Any) -> Result:
        """Add a task (from a meeting or on its own)."""
        fields.setdefault("status", "open")
        return self.add_record("task", **fields)

    def mark_task_done(self, task_id: str, *, on: dt.date | None = None) -> Result:
        """Mark a task done today (or ``on``)."""
        return self.update_record(
            "task", task_id, status="done", done_on=(on or dt.date.today()).isoformat()
        )

    # -- backups and settings --------------------------------------------------------
    def setting(self, key: str) -> Any:
        """A laptop setting (see store/settings.py for the keys)."""
        return get_setting(self.store.db, key)

    def change_setting(self, key: str, value: Any) -> None:
        """Change a laptop setting."""
        set_setting(self.store.db, key, value)

    def make_backup(self, target_dir: Path | None = None) -> Path:
        """Write a full backup (store and attachments) now; rotate the automatic ones."""
        path = backup.make_backup(self.store.db, self.store.data_dir, target_dir)
        if target_dir is None:
            backup.rotate(self.store.data_dir, int(self.setting("backup_keep")))
        return path

    def auto_backup(self) -> Path | None:
        """Back up when the last automatic backup is older than the interval setting."""
        if backup.backup_due(self.store.data_dir, float(self.setting("backup_interval_hours"))):
            return self.make_backup()
        return None

    def list_backups(self) -> list[Path]:
        """Backups in the data folder, newest first."""
        return backup.list_backups(self.store.data_dir)

    # -- search and demo data --------------------------------------------------------
    def search(
        self, text: str, *, limit: int = 20, entities: tuple[str, ...] | None = None
    ) -> list[SearchHit]:
        """Hits for what the user typed (diacritics optional), names before bodies."""
        return search_store(self.store.db, text, limit=limit, entities=entities)

    def fill_demo(
        self, *, size: str = "small", progress: Callable[[str, int, int], None] | None = None
    ) -> None:
        """Fill the store with realistic Huế demo data (``small`` or ``large``)."""
        if size == "small":
            demo_data.fill_small(self)
        else:
            demo_data.fill_large(self.store, progress=progress)

    # -- sync bookkeeping ------------------------------------------------------------
    def pending_operations(self) -> list[outbox.Operation]:
        """The outbox, oldest first."""
        return outbox.operations(self.store.db)

    def pending_count(self) -> int:
        """How many changes wait to be synced."""
        return outbox.pending_count(self.store.db)
