"""The review cut-off days on the Quy chế page: typed as day/month, kept as "MM-DD"."""

from __future__ import annotations

import pytest

from danvan_desktop.ui.regulation.cutoff_edit import shown_cutoff, stored_cutoff


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("15/6", "06-15"), ("15/06", "06-15"), (" 1.12 ", "12-01"), ("14-12", "12-14"), ("", None)],
)
def test_a_typed_day_and_month_is_kept_as_month_day(typed: str, stored: str | None) -> None:
    """15/6, 15/06, 1.12 and 14-12 are days of the year; empty means the default."""
    assert stored_cutoff(typed) == stored


@pytest.mark.parametrize("typed", ["31/6", "29/2", "giữa năm", "15"])
def test_what_is_no_day_of_the_year_goes_to_the_store_as_typed(typed: str) -> None:
    """A day no year has, or words, are handed on as typed, so the store names them."""
    assert stored_cutoff(typed) == typed


def test_a_stored_cut_off_is_shown_as_day_and_month() -> None:
    """ "06-15" reads 15/06; nothing stored reads empty."""
    assert (shown_cutoff("06-15"), shown_cutoff(None)) == ("15/06", "")
