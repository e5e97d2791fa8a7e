"""The every-field walk's table for the Báo cáo page: what the leader writes into the
periodic report (ui/reports/report_texts.py), kept per report period in a laptop setting
and read back through the Session. See field_walk.py for the table's shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.core.report_texts import REPORT_TEXTS, TEXT_NAMES

from .field_walk import Field, Form, Opened, Walk

TODAY = dt.date(2026, 7, 6)
PERIOD = {"period": "half_year", "year": 2026, "month": 1}  # a review: every box is shown


def _prepare(_walk: Walk, _field: Field | None) -> None:
    return None


def _open(walk: Walk, _ctx: Any) -> Opened:
    from danvan_desktop.ui.reports.report_texts import ReportTexts

    texts = ReportTexts(walk.runner, TODAY, save_ms=600_000)
    texts.set_period(PERIOD)
    walk.show(texts, loaded=texts.loaded, size=(420, 900))

    def read(session: Any, _field: Field) -> Any:
        return session.report_texts("periodic_report", issued_on=TODAY, **PERIOD)["saved"]

    # Kept a moment after typing stops; the walk does not wait for the moment.
    return Opened(texts, lambda _f: texts.save_now(), read, ("settings",))


def report_forms() -> tuple[Form, ...]:
    """The leader's texts of the periodic report."""
    from danvan_desktop.ui.reports.report_texts import ReportTexts

    fields = tuple(
        Field(name, "long_text", lambda t, n=name: t.edits[n], REPORT_TEXTS.field(name))
        for name in TEXT_NAMES
    )
    return (Form(ReportTexts, _prepare, _open, fields),)
