"""The meetings and tasks part of the Session facade.

Minutes from templates, drafts autosaved while typing, numbering and corrections,
reminders by the regulation, and the tasks meetings give out. Reads take an
optional ``db`` (a reader from ``open_reader``); without it they use the writer.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.core.lists import RowsPage
from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of
from danvan_desktop.store.settings import get_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.core import schedule
    from danvan_desktop.core.schedule import Cutoffs, Due
    from danvan_desktop.store import drafts, meeting_templates, meetings, tasks
    from danvan_desktop.store import search as store_search
else:  # loaded when first used (core/lazy.py)
    schedule = lazy_module("danvan_desktop.core.schedule")
    drafts = lazy_module("danvan_desktop.store.drafts")
    meeting_templates = lazy_module("danvan_desktop.store.meeting_templates")
    meetings = lazy_module("danvan_desktop.store.meetings")
    store_search = lazy_module("danvan_desktop.store.search")
    tasks = lazy_module("danvan_desktop.store.tasks")

TASK_SEARCH_HITS = 500  # tasks and meetings a search of the task list looks at


class MeetingsMixin(SessionBase):
    """Meeting and task verbs of the Session."""

    # -- meetings and their minutes ----------------------------------------------------
    def add_meeting(self, **fields: Any) -> Result:
        """Create a meeting's minutes as a draft."""
        fields.setdefault("team_id", self.team_id)
        fields.setdefault("state", "draft")
        fields.setdefault("version", 1)
        return self.add_record("meeting", **fields)

    def finalise_meeting(self, meeting_id: str, *, today: dt.date | None = None) -> Result:
        """Give the minutes their number and lock them (refused for a meeting dated after
        ``today``, default the computer's date, and for minutes without a conclusion)."""
        return result_of(meetings.finalise(self.records, meeting_id, today=today))

    def correct_meeting(self, meeting_id: str) -> Result:
        """Start a new version of final minutes; the old one is kept."""
        changes = meetings.correct(self.records, meeting_id)
        return result_of(changes, changes.items[0].record_id if changes.items else None)

    def create_meeting(
        self,
        *,
        kind: str,
        starts_at: dt.datetime,
        place: str | None = None,
        covers_from: dt.date | None = None,
        covers_to: dt.date | None = None,
    ) -> Result:
        """A draft meeting from its template: title, agenda, chair, attendance filled; a
        review covers ``covers_from``–``covers_to`` (defaulted by the regulation)."""
        changes = meeting_templates.create_from_template(
            self.records,
            kind=kind,
            starts_at=starts_at,
            place=place,
            covers_from=covers_from,
            covers_to=covers_to,
        )
        return result_of(changes, changes.items[0].record_id)

    def meetings_due(self, *, today: dt.date | None = None) -> list[Due]:
        """The next regular meeting and any half-year or year-end review the regulation asks
        for now (reminders)."""
        today = today or dt.date.today()
        reg = self.regulation()
        held: dict[str, list[dt.date]] = {}
        reviews: dict[str, list[schedule.HeldReview]] = {}
        # Nothing the schedule looks at is older than last year's year-end review (owed
        # until January): reading only since then keeps this quick with years of minutes.
        since = dt.date(today.year - 1, 1, 1).isoformat()
        for kind, starts_at, covers_from, covers_to in self.store.db.execute(
            "SELECT kind, starts_at, covers_from, covers_to FROM meeting "
            "WHERE deleted = 0 AND supersedes_id IS NULL AND starts_at >= ?",
            [since],
        ):
            day = dt.date.fromisoformat(str(starts_at)[:10])
            held.setdefault(kind, []).append(day)
            first, last = (
                dt.date.fromisoformat(d) if d else None for d in (covers_from, covers_to)
            )
            reviews.setdefault(kind, []).append(schedule.HeldReview(day, first, last))
        due = [
            schedule.next_meeting_due(
                period=str(reg.get("meeting_period") or "monthly"),
                meeting_day=reg.get("meeting_day"),
                held=held.get("regular", []),
                today=today,
            )
        ]
        periods = json.loads(str(reg.get("reporting_periods") or "[]"))
        return due + schedule.reviews_due(
            periods=periods, held=reviews, today=today, cutoffs=schedule.Cutoffs.of(reg)
        )

    # -- drafts being typed ------------------------------------------------------------
    def save_draft(self, entity: str, record_id: str, fields: dict[str, Any]) -> None:
        """Autosave what is being typed (not yet a change to sync)."""
        drafts.save_draft(self.records, entity, record_id, fields)

    def load_draft(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """Unsaved fields left from an earlier session, if any."""
        return drafts.load_draft(self.records, entity, record_id)

    def commit_draft(self, entity: str, record_id: str) -> Result:
        """Save the draft into the record (validated, tracked) and drop it."""
        return result_of(drafts.commit_draft(self.records, entity, record_id, role=self.role))

    def discard_draft(self, entity: str, record_id: str) -> None:
        """Throw a draft away."""
        drafts.discard_draft(self.records, entity, record_id)

    # -- the meetings page -------------------------------------------------------------
    def meeting_list(
        self, *, search: str = "", limit: int = 300, db: Database | None = None
    ) -> list[dict[str, Any]]:
        """The team's meetings newest first, with the number line of final minutes.

        ``search`` (diacritics optional) matches the title, place and proceedings and
        the agenda items, opinions and conclusions of a meeting.
        """
        from danvan_desktop.store import team_work

        db = db or self.store.db
        ids: list[str] | None = None
        if search.strip():
            hits = store_search.search(
                db,
                search,
                limit=limit,
                entities=("meeting", "agenda_item", "opinion", "conclusion"),
            )
            ids = list(dict.fromkeys(h.target_id for h in hits if h.target_entity == "meeting"))
        team = team_work.meta_value(db, "team_id")
        rows = team_work.meeting_rows(db, team_id=team, ids=ids, limit=limit)
        abbreviation = self._minutes_abbreviation(db)
        village = self._village_abbreviation(db)
        for row in rows:
            row["number_text"] = self._minutes_number(row, abbreviation, village)
        return rows

    def meeting_page(
        self,
        *,
        after: tuple[Any, ...] | None = None,
        limit: int = 100,
        count: bool = False,
        db: Database | None = None,
    ) -> RowsPage:
        """One page of the team's meetings newest first, with the number line of final
        minutes; ``after`` is the cursor of the page before, ``count`` adds the total."""
        from danvan_desktop.store import team_work

        db = db or self.store.db
        team = team_work.meta_value(db, "team_id")
        rows = team_work.meeting_rows(db, team_id=team, limit=limit, after=after)
        abbreviation = self._minutes_abbreviation(db)
        village = self._village_abbreviation(db)
        for row in rows:
            row["number_text"] = self._minutes_number(row, abbreviation, village)
        cursor = rows[-1]["page_key"] if len(rows) == limit else None
        total = team_work.meeting_count(db, team_id=team) if count else None
        return RowsPage(rows, cursor, total)

    def meeting_sheet(self, meeting_id: str, *, db: Database | None = None) -> dict[str, Any]:
        """A meeting with its child rows, the roster, drafts left unsaved, its correction,
        and the regulation's review cut-offs (``cutoffs``: a review's default period)."""
        from danvan_desktop.store import team_work

        db = db or self.store.db
        sheet = team_work.meeting_sheet(db, meeting_id)
        sheet["number_text"] = self._minutes_number(
            sheet["meeting"], self._minutes_abbreviation(db), self._village_abbreviation(db)
        )
        sheet["cutoffs"] = self.review_cutoffs(db=db)
        return sheet

    def review_cutoffs(self, *, db: Database | None = None) -> Cutoffs:
        """The regulation's cut-off days, which give a review its default period."""
        from danvan_desktop.store import regulation, team_work

        db = db or self.store.db
        return schedule.Cutoffs.of(regulation.settings(db, team_work.meta_value(db, "team_id")))

    def meeting_children(self, meeting_id: str, entity: str) -> list[dict[str, Any]]:
        """One kind of child row of a meeting (attendance, opinion, …), in order."""
        from danvan_desktop.store import team_work

        return team_work.children(self.store.db, meeting_id, entity)

    def _minutes_abbreviation(self, db: Database) -> str:
        """The issuer's abbreviation as the printed minutes write it ("TDV")."""
        from danvan_desktop.core.errors import DanvanError
        from danvan_desktop.reports.builders.letterhead import abbreviation_of, resolve_letterhead

        try:
            overrides = get_setting(db, "report_letterhead") or {}
            return resolve_letterhead(db, preset="state", overrides=overrides).abbreviation
        except DanvanError:  # no place or issuer yet: the team's name still gives initials
            from danvan_desktop.store import team_work

            name = team_work.team_name(db)
            return abbreviation_of(name) if name else ""

    def _village_abbreviation(self, db: Database) -> str:
        """The village's abbreviation, as its community minutes write it ("TDP")."""
        from danvan_desktop.reports.builders.letterhead import abbreviation_of, store_defaults

        village = store_defaults(db).get("unit_name")
        return abbreviation_of(str(village)) if village else ""

    @staticmethod
    def _minutes_number(meeting: dict[str, Any], abbreviation: str, village: str = "") -> str:
        """ "Số: 05/BB-TDV" for numbered minutes ("…/BB-TDP" for the village's community
        minutes, numbered apart); empty for a draft."""
        from danvan_desktop.core.vndate import state_number
        from danvan_desktop.store.meetings import MINUTES_TYPE_CODE

        number = meeting.get("number")
        if not number:
            return ""
        if meeting.get("kind") == "community" and village:
            abbreviation = village
        return state_number(int(number), MINUTES_TYPE_CODE, abbreviation)

    # -- tasks -------------------------------------------------------------------------
    def add_task(self, **fields: Any) -> Result:
        """Add a task (from a meeting or on its own)."""
        fields.setdefault("status", "open")
        return self.add_record("task", **fields)

    def mark_task_done(self, task_id: str, *, on: dt.date | None = None) -> Result:
        """Mark a task done today (or ``on``)."""
        return self.update_record(
            "task", task_id, status="done", done_on=(on or dt.date.today()).isoformat()
        )

    def reopen_task(self, task_id: str) -> Result:
        """Mark a task done by mistake as open again."""
        return self.update_record("task", task_id, status="open", done_on=None)

    def list_tasks(
        self, *, today: dt.date | None = None, status: str | None = None, overdue_only: bool = False
    ) -> list[dict[str, Any]]:
        """Tasks from every meeting, nearest deadline first, overdue ones marked."""
        return tasks.task_rows(
            self.store.db, today=today or dt.date.today(), status=status, overdue_only=overdue_only
        )

    def task_page(
        self,
        *,
        today: dt.date | None = None,
        status: str | None = None,
        overdue_only: bool = False,
        search: str = "",
        after: tuple[Any, ...] | None = None,
        limit: int = 100,
        count: bool = False,
        db: Database | None = None,
    ) -> RowsPage:
        """One page of the task list (open first, nearest deadline first); ``after`` is the
        cursor of the page before; ``count`` adds the total and, in ``extra``, «overdue».

        ``search`` (diacritics optional) keeps the tasks whose title, owner or note match
        and the tasks of the meetings whose title matches.
        """
        db = db or self.store.db
        today = today or dt.date.today()
        ids: list[str] | None = None
        meeting_ids: list[str] | None = None
        if search.strip():
            hits = store_search.search(
                db, search, limit=TASK_SEARCH_HITS, entities=("task", "meeting")
            )
            ids = [h.target_id for h in hits if h.target_entity == "task"]
            meeting_ids = [h.target_id for h in hits if h.target_entity == "meeting" and h.in_name]
        rows = tasks.task_rows(
            db,
            today=today,
            status=status,
            overdue_only=overdue_only,
            ids=ids,
            meeting_ids=meeting_ids,
            limit=limit,
            after=after,
        )
        page = RowsPage(rows, rows[-1]["page_key"] if len(rows) == limit else None)
        if count:
            page.total, page.extra["overdue"] = tasks.task_counts(
                db,
                today=today,
                status=status,
                overdue_only=overdue_only,
                ids=ids,
                meeting_ids=meeting_ids,
            )
        return page

    def task_list(
        self,
        *,
        today: dt.date | None = None,
        status: str | None = None,
        overdue_only: bool = False,
        db: Database | None = None,
    ) -> list[dict[str, Any]]:
        """``list_tasks`` for a page: on a reader connection when ``db`` is given."""
        return tasks.task_rows(
            db or self.store.db,
            today=today or dt.date.today(),
            status=status,
            overdue_only=overdue_only,
        )
