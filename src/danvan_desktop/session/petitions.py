"""The petitions part of the Session facade: residents' petitions (kiến nghị, phản ánh).

A petition and who raised it are saved together (``save_petition`` with
``petitioners``), all or nothing; an opinion recorded in a meeting becomes a petition
with one call, linked to it. Reads take an optional ``db`` (a reader from
``open_reader``); the store side is store/petitions.py and store/community_work.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads


class PetitionsMixin(SessionBase):
    """Petition verbs of the Session."""

    # -- writes --------------------------------------------------------------------------
    def save_petition(
        self,
        petition_id: str | None = None,
        *,
        petitioners: Sequence[Mapping[str, Any]] | None = None,
        **fields: Any,
    ) -> Result:
        """Add a petition (no id) or change one; with ``petitioners`` (dicts of petitioner
        fields, ``id`` for those already saved) its people become that list. A problem in
        a petitioner's field is named ``petitioners.<position>.<field>``."""
        from danvan_desktop.store import community_work

        record_id, changes = community_work.save_with_children(
            self.records,
            "petition",
            fields,
            record_id=petition_id,
            children=petitioners,
            role=self.role,
        )
        return result_of(changes, record_id)

    def delete_petition(self, petition_id: str) -> Result:
        """Delete a petition and its petitioners."""
        from danvan_desktop.store import community_work

        changes = community_work.delete_with_children(self.records, "petition", petition_id)
        return result_of(changes, petition_id)

    def petition_from_opinion(self, opinion_id: str) -> Result:
        """Make a petition of a meeting opinion, linked to it (the same one when the opinion
        is a petition already: ``Result.changes`` is then empty)."""
        from danvan_desktop.store import petitions

        return result_of(petitions.from_opinion(self.records, opinion_id, role=self.role))

    # -- reads ---------------------------------------------------------------------------
    def petition(self, petition_id: str, *, db: Reads | None = None) -> dict[str, Any]:
        """One petition with its ``petitioners`` and the ``opinion`` it came from."""
        from danvan_desktop.store import petitions

        return petitions.petition_sheet(db or self.store.db, petition_id)

    def petition_rows(
        self,
        *,
        today: dt.date | None = None,
        state: str | None = None,
        unit_id: str | None = None,
        year: int | None = None,
        limit: int = 300,
        after: tuple[Any, ...] | None = None,
        db: Reads | None = None,
    ) -> list[dict[str, Any]]:
        """Petitions newest first, with ``state`` (waiting, overdue, answered) and
        ``due_on``; ``state`` filters, ``after`` is the last row's ``page_key``."""
        from danvan_desktop.store import petitions

        return petitions.petition_rows(
            db or self.store.db,
            today=today or dt.date.today(),
            state=state,
            unit_id=unit_id,
            year=year,
            limit=limit,
            after=after,
        )

    def petition_count(
        self,
        *,
        today: dt.date | None = None,
        state: str | None = None,
        unit_id: str | None = None,
        year: int | None = None,
        db: Reads | None = None,
    ) -> int:
        """How many petitions ``petition_rows`` lists with these filters."""
        from danvan_desktop.store import petitions

        return petitions.petition_count(
            db or self.store.db,
            today=today or dt.date.today(),
            state=state,
            unit_id=unit_id,
            year=year,
        )

    def waiting_petitions(
        self, *, today: dt.date | None = None, limit: int = 10, db: Reads | None = None
    ) -> list[dict[str, Any]]:
        """Petitions still waiting for an answer, the one due first first (for «Việc cần
        làm»), each with ``due_on`` and ``state`` (waiting or overdue)."""
        from danvan_desktop.store import petitions

        return petitions.waiting_petitions(
            db or self.store.db, today=today or dt.date.today(), limit=limit
        )

    def petitions_of_opinions(
        self, opinion_ids: Sequence[str], *, db: Reads | None = None
    ) -> dict[str, str]:
        """Which of these meeting opinions became a petition: opinion id -> petition id."""
        from danvan_desktop.store import petitions

        return petitions.petitions_of_opinions(db or self.store.db, opinion_ids)

    def petition_answer_days(self, *, db: Reads | None = None) -> int:
        """Days a body has to answer a petition (the regulation's setting, 30 by default)."""
        from danvan_desktop.store import community_work

        return community_work.answer_days(db or self.store.db)

    def petition_figures(
        self,
        *,
        start: dt.date,
        end: dt.date,
        today: dt.date | None = None,
        unit_ids: Sequence[str] | None = None,
        db: Reads | None = None,
    ) -> dict[str, Any]:
        """The counts a report gives of the petitions received in a period (no names)."""
        from danvan_desktop.store import petitions

        return petitions.petition_figures(
            db or self.store.db,
            start=start,
            end=end,
            today=today or dt.date.today(),
            unit_ids=unit_ids,
        )
