"""The exemplars and commendation part of the Session facade (Điển hình & khen thưởng).

Reads take an optional ``db`` (a reader from ``open_reader``); the store side is
store/commendation.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.commendation import Criterion, YearSummary


class ExemplarsMixin(SessionBase):
    """Exemplar and commendation verbs of the Session."""

    # -- the checklist -----------------------------------------------------------------
    def commendation_criteria(self) -> list[Criterion]:
        """The checklist proposals are scored against (code, text, points)."""
        from danvan_desktop.store import commendation

        return commendation.criteria(self.store.db)

    def change_commendation_criteria(self, items: list[dict[str, Any]]) -> list[Criterion]:
        """Replace the checklist with the commune's (``text`` and ``points`` each)."""
        from danvan_desktop.store import commendation

        return commendation.set_criteria(self.store.db, items)

    # -- exemplars and commendations ---------------------------------------------------
    def commendation_years(
        self, *, today: dt.date | None = None, db: Database | None = None
    ) -> list[int]:
        """Years with exemplars or commendations (and this year), newest first."""
        from danvan_desktop.store import commendation

        return commendation.years(db or self.store.db, today=today)

    def exemplar_rows(self, year: int, *, db: Database | None = None) -> list[dict[str, Any]]:
        """A year's exemplars with their latest commendation, in Vietnamese order."""
        from danvan_desktop.store import commendation

        return commendation.exemplar_rows(db or self.store.db, year)

    def commendation_summary(self, year: int, *, db: Database | None = None) -> YearSummary:
        """How many individuals and collectives were commended in ``year``, how many wait."""
        from danvan_desktop.store import commendation

        return commendation.year_summary(db or self.store.db, year)

    def evidence_choices(self, *, db: Database | None = None) -> dict[str, list[dict[str, Any]]]:
        """The models and meetings an exemplar may cite as evidence."""
        from danvan_desktop.store import commendation

        return commendation.evidence_choices(db or self.store.db)

    def save_exemplar(self, exemplar_id: str | None = None, **fields: Any) -> Result:
        """Add an exemplar (no id) or change one; linked models and meetings must exist."""
        from danvan_desktop.store import commendation

        change = commendation.save_exemplar(
            self.records, fields, record_id=exemplar_id, role=self.role
        )
        return result_of(change)

    def propose_commendation(
        self,
        exemplar_id: str,
        *,
        form: str,
        level: str,
        ticked: list[str],
        achievement: str | None = None,
        commendation_id: str | None = None,
    ) -> Result:
        """Propose (or re-score) a commendation on the ticked criteria of the checklist."""
        from danvan_desktop.store import commendation

        change = commendation.propose(
            self.records,
            exemplar_id=exemplar_id,
            form=form,
            level=level,
            ticked=ticked,
            achievement=achievement,
            commendation_id=commendation_id,
            role=self.role,
        )
        return result_of(change)

    def decide_commendation(
        self,
        commendation_id: str,
        *,
        decision_number: str | None,
        decision_date: str | dt.date | None,
        decided_by: str | None,
        form: str | None = None,
        level: str | None = None,
    ) -> Result:
        """Record the decision: number, date and deciding body; the state becomes decided."""
        from danvan_desktop.store import commendation

        change = commendation.decide(
            self.records,
            commendation_id,
            decision_number=decision_number,
            decision_date=decision_date,
            decided_by=decided_by,
            form=form,
            level=level,
            role=self.role,
        )
        return result_of(change)
