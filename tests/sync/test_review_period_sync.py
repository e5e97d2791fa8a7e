"""A review's covered period and the regulation's cut-off days sync through the real server
like any field (the server keeps a record's fields as they come, core/schema.py names them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from danvan_desktop.session import Session


def test_a_reviews_period_reaches_the_teams_other_laptop(
    laptops: Callable[[str], Session],
) -> None:
    """Laptop B pulls A's January year-end review with the period it covers, 2026."""
    a, b = laptops("a"), laptops("b")
    made = a.create_meeting(kind="year_end", starts_at=dt.datetime(2027, 1, 10, 19, 30))
    meeting_id = str(made.record_id)
    a.update_record("meeting", meeting_id, covers_to="31/12/2026")
    a.sync_now()
    b.sync_now()
    meeting = b.get_record("meeting", meeting_id)
    assert (meeting["title"], meeting["covers_from"], meeting["covers_to"]) == (
        "Tổng kết năm 2026",
        "2025-12-16",
        "2026-12-31",
    )
    assert a.pending_count() == 0


def test_the_regulations_cut_offs_reach_the_teams_other_laptop(
    laptops: Callable[[str], Session],
) -> None:
    """The cut-off days set in laptop A's regulation are in that record on laptop B."""
    a, b = laptops("a"), laptops("b")
    a.save_regulation(half_year_cutoff="06-30", year_cutoff="12-31")
    regulation_id = str(a.regulation()["id"])
    a.sync_now()
    b.sync_now()
    regulation = b.get_record("regulation", regulation_id)
    assert (regulation["half_year_cutoff"], regulation["year_cutoff"]) == ("06-30", "12-31")
