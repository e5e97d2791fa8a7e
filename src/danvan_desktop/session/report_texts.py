"""The reports part of the Session that keeps what the leader writes into a periodic report.

A half-year or year-end review carries four sections the leader writes (the residents'
situation and opinions, shortcomings and causes, lessons, the next period's tasks) and
every periodic report its proposals (core/report_texts.py). The Báo cáo page shows them
with drafts drawn from the period's records (``report_texts``) and keeps them per report
period in a laptop setting as they are typed (``save_report_texts``); a report built
without them takes the kept ones (``kept_report_texts``), so the command line prints
what the page shows. An issued document keeps its texts in its stored copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.session.base import SessionBase

if TYPE_CHECKING:
    from sqlite_utils import Database

# core.report_texts.TEXT_NAMES, written out: core/report_texts.py makes dataclasses, which
# the first paint does not load (tests/ui/test_startup_path.py); a test keeps them equal.
TEXT_NAMES = ("situation", "shortcomings", "lessons", "next_tasks", "proposals")


def when(value: Any) -> dt.date:
    """An issue date given as a date or ISO text; today when none is given."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value if isinstance(value, dt.date) else dt.date.today()


class ReportTextsMixin(SessionBase):
    """The leader's texts of the periodic report, kept per period."""

    def kept_report_texts(
        self, kind: str, params: Mapping[str, Any], *, db: Database | None = None
    ) -> dict[str, Any]:
        """The texts kept for the period a document of ``kind`` with ``params`` covers (none
        for a kind that takes no texts); ``db`` may be a reader."""
        from danvan_desktop.reports.builders import period_of, report_kind
        from danvan_desktop.reports.builders.leader_texts import saved_texts

        found = report_kind(kind)
        if not set(TEXT_NAMES) & set(found.params):
            return {}
        period = period_of(found.name, params, when(params.get("issued_on")))
        kept = saved_texts(db or self.store.db, found.name, period)
        return {name: kept[name] for name in TEXT_NAMES if kept.get(name) is not None}

    def report_texts(
        self, kind: str, *, db: Database | None = None, **params: Any
    ) -> dict[str, Any]:
        """The leader's texts for the report of the period in ``params``: ``names`` (those
        its period carries), ``saved`` (kept for that period; None when never saved) and
        ``suggested`` (drafts from the period's records); ``db`` may be a reader."""
        from danvan_desktop.core.report_texts import texts_of_period
        from danvan_desktop.reports.builders import period_of, report_kind
        from danvan_desktop.reports.builders.leader_texts import saved_texts, texts_key
        from danvan_desktop.reports.builders.text_suggestions import suggested_texts
        from danvan_desktop.store.settings import get_setting

        found = report_kind(kind)
        reads = db or self.store.db
        issued_on = when(params.get("issued_on"))
        period = period_of(found.name, params, issued_on)
        kept = get_setting(reads, texts_key(found.name, period)) is not None
        return {
            "names": texts_of_period(period.kind),
            "saved": saved_texts(reads, found.name, period) if kept else None,
            "suggested": suggested_texts(reads, period, as_of=issued_on),
        }

    def save_report_texts(
        self, kind: str, texts: Mapping[str, Any], **params: Any
    ) -> dict[str, Any]:
        """Keep ``texts`` for the period in ``params`` (texts not given stay as kept); the
        kept texts. ValidationError names each text core refuses (too long, a broken
        character), and then nothing is kept."""
        from danvan_desktop.core.coercion import coerce_fields
        from danvan_desktop.core.report_texts import REPORT_TEXTS
        from danvan_desktop.reports.builders import period_of, report_kind
        from danvan_desktop.reports.builders.leader_texts import saved_texts, texts_key

        found = report_kind(kind)
        stored = coerce_fields(REPORT_TEXTS, texts)
        period = period_of(found.name, params, when(params.get("issued_on")))
        with self.store.db.atomic():
            kept = {**saved_texts(self.store.db, found.name, period), **stored}
            self.change_setting(texts_key(found.name, period), kept)
        return kept
