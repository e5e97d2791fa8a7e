"""The mediation part of the Session facade: cases of hòa giải ở cơ sở and their parties.

A case and its parties are saved together (``save_mediation`` with ``parties``), all
or nothing. Reads take an optional ``db`` (a reader from ``open_reader``); the store
side is store/mediations.py and store/community_work.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads


class MediationsMixin(SessionBase):
    """Mediation verbs of the Session."""

    def save_mediation(
        self,
        mediation_id: str | None = None,
        *,
        parties: Sequence[Mapping[str, Any]] | None = None,
        **fields: Any,
    ) -> Result:
        """Add a case (no id) or change one; with ``parties`` (dicts of party fields, ``id``
        for those already saved) its parties become that list. A problem in a party's
        field is named ``parties.<position>.<field>``."""
        from danvan_desktop.store import community_work

        record_id, changes = community_work.save_with_children(
            self.records,
            "mediation",
            fields,
            record_id=mediation_id,
            children=parties,
            role=self.role,
        )
        return result_of(changes, record_id)

    def delete_mediation(self, mediation_id: str) -> Result:
        """Delete a case and its parties."""
        from danvan_desktop.store import community_work

        changes = community_work.delete_with_children(self.records, "mediation", mediation_id)
        return result_of(changes, mediation_id)

    def mediation(self, mediation_id: str, *, db: Reads | None = None) -> dict[str, Any]:
        """One case with its ``parties``."""
        from danvan_desktop.store import mediations

        return mediations.mediation_sheet(db or self.store.db, mediation_id)

    def mediation_rows(
        self,
        *,
        outcome: str | None = None,
        unit_id: str | None = None,
        year: int | None = None,
        limit: int = 300,
        after: tuple[Any, ...] | None = None,
        db: Reads | None = None,
    ) -> list[dict[str, Any]]:
        """Cases newest first; ``outcome`` filters (``pending``: none yet), ``after`` is the
        last row's ``page_key``."""
        from danvan_desktop.store import mediations

        return mediations.mediation_rows(
            db or self.store.db,
            outcome=outcome,
            unit_id=unit_id,
            year=year,
            limit=limit,
            after=after,
        )

    def mediation_count(
        self,
        *,
        outcome: str | None = None,
        unit_id: str | None = None,
        year: int | None = None,
        db: Reads | None = None,
    ) -> int:
        """How many cases ``mediation_rows`` lists with these filters."""
        from danvan_desktop.store import mediations

        return mediations.mediation_count(
            db or self.store.db, outcome=outcome, unit_id=unit_id, year=year
        )

    def mediation_figures(
        self,
        *,
        start: dt.date,
        end: dt.date,
        unit_ids: Sequence[str] | None = None,
        db: Reads | None = None,
    ) -> dict[str, Any]:
        """The counts a report gives of the cases mediated in a period (no names)."""
        from danvan_desktop.store import mediations

        return mediations.mediation_figures(
            db or self.store.db, start=start, end=end, unit_ids=unit_ids
        )
