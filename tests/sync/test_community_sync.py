"""Community meeting household counts sync through the real server like any other field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from danvan_desktop.session import Session


def test_household_counts_reach_the_other_laptop_and_merge(
    laptops: Callable[[str], Session],
) -> None:
    """A records the counts, B pulls them; A's total and B's represented both survive."""
    a, b = laptops("a"), laptops("b")
    meeting_id = (
        a.create_meeting(kind="community", starts_at=dt.datetime(2026, 12, 6, 8, 0)).record_id or ""
    )
    a.update_record("meeting", meeting_id, households_total=120, households_represented=80)
    report = a.sync_now()
    assert report.rejected == 0, report.messages
    b.sync_now()
    pulled = b.get_record("meeting", meeting_id)
    assert (pulled["kind"], pulled["households_total"], pulled["households_represented"]) == (
        "community",
        120,
        80,
    )
    a.update_record("meeting", meeting_id, households_total=125)
    b.update_record("meeting", meeting_id, households_represented=86)
    a.sync_now()
    assert b.sync_now().rejected == 0
    a.sync_now()
    for laptop in (a, b):
        row = laptop.get_record("meeting", meeting_id)
        assert (row["households_total"], row["households_represented"]) == (125, 86)
