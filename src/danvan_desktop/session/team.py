"""The team part of the Session facade: the roster and the team's regulation (Quy chế).

Reads take an optional ``db`` (a reader from ``open_reader``); writes go through
store/team_work.py and store/regulation.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of

if TYPE_CHECKING:
    from sqlite_utils import Database


class TeamMixin(SessionBase):
    """Roster and regulation verbs of the Session."""

    # -- the roster --------------------------------------------------------------------
    def add_member(self, **fields: Any) -> Result:
        """Add a member to the team."""
        fields.setdefault("team_id", self.team_id)
        fields.setdefault("role", "member")
        return self.add_record("member", **fields)

    def team_members(self, *, db: Database | None = None) -> list[dict[str, Any]]:
        """The roster: the leader, the deputies, then the members."""
        from danvan_desktop.store import team_work

        db = db or self.store.db
        return team_work.member_rows(db, team_work.meta_value(db, "team_id"))

    def save_member(self, member_id: str | None = None, **fields: Any) -> Result:
        """Add a member at the end of the roster (no ``member_id``) or change one."""
        from danvan_desktop.store import team_work

        if member_id is not None:
            return self.update_record("member", member_id, **fields)
        fields.setdefault(
            "position_order", team_work.next_member_order(self.store.db, self.team_id)
        )
        return self.add_member(**fields)

    def unit_kind(self, *, db: Database | None = None) -> str | None:
        """The kind of the team's place (thon, ban, to_dan_pho), for default positions."""
        from danvan_desktop.store import team_work

        return team_work.village_kind(db or self.store.db)

    # -- the regulation ----------------------------------------------------------------
    def regulation_settings(self, *, db: Database | None = None) -> dict[str, Any]:
        """The team's regulation with its lists read (reporting periods, recipients)."""
        from danvan_desktop.store import regulation

        db = db or self.store.db
        return regulation.settings(db, self.store.meta("team_id"))

    def save_regulation(self, **fields: Any) -> Result:
        """Change the regulation's settings or text."""
        from danvan_desktop.store import regulation

        return result_of(regulation.save(self.records, fields, role=self.role))

    def regulation_model_text(self, *, today: dt.date | None = None, **settings: Any) -> str:
        """The city's model regulation filled in for the team, with ``settings`` unsaved."""
        from danvan_desktop.store import regulation

        return regulation.model_text(self.store.db, settings, today=today)
