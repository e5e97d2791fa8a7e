"""The team part of the Session facade: the roster and the team's regulation (Quy chế).

Reads take an optional ``db`` (a reader from ``open_reader``); writes go through
store/team_work.py and store/regulation.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of
from danvan_desktop.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

MEMBER_POSITIONS_SETTING = "member_positions"  # laptop setting: the team's own list, or null
MAX_POSITION_CHARS = 120


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

    def member_positions(self, *, db: Database | None = None) -> list[str]:
        """The positions the member form offers: the team's own list when it keeps one,
        else the usual ones (core/vocab.py), the head of the place by its kind."""
        from danvan_desktop.core.vocab import member_positions
        from danvan_desktop.store import team_work

        db = db or self.store.db
        own = get_setting(db, MEMBER_POSITIONS_SETTING)
        return member_positions(team_work.village_kind(db), own if isinstance(own, list) else None)

    def save_member_positions(self, positions: list[str] | None) -> list[str]:
        """Keep the team's own list of positions (None: back to the usual ones); blanks and
        repeats are dropped. The list read back."""
        from danvan_desktop.core.field_rules import text_problem
        from danvan_desktop.core.vntext import normalize_text

        kept: list[str] | None = None
        if positions is not None:
            kept = []
            for position in positions:
                text = " ".join(normalize_text(str(position)).split())
                if text_problem(text, MAX_POSITION_CHARS) is not None:
                    raise ValidationError(
                        [
                            FieldProblem(
                                "positions",
                                tr(
                                    "team",
                                    "Chức vụ «{text}» dài quá {limit} ký tự hoặc có ký tự hỏng: "
                                    "hãy gõ lại cho ngắn gọn.",
                                    text=text[:40].encode("utf-8", "replace").decode("utf-8"),
                                    limit=MAX_POSITION_CHARS,
                                ),
                            )
                        ]
                    )
                if text and text not in kept:
                    kept.append(text)
        set_setting(self.store.db, MEMBER_POSITIONS_SETTING, kept)
        return self.member_positions()

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
