"""The period a half-year or year-end review covers, and the reminders that follow it."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.schedule import (
    Cutoffs,
    HeldReview,
    covered_year,
    parse_cutoff,
    review_period,
    reviews_due,
)
from danvan_desktop.core.schema import MEETING, REGULATION
from danvan_desktop.core.validation import ValidationContext, validate_record

D = dt.date


def test_year_end_review_in_january_covers_the_year_before() -> None:
    """A «Tổng kết năm» held on 10/01/2027 covers 16/12/2025 to 15/12/2026."""
    assert review_period("year_end", D(2027, 1, 10)) == (D(2025, 12, 16), D(2026, 12, 15))


def test_year_end_review_in_december_covers_its_own_year() -> None:
    """A «Tổng kết năm» held on 20/12/2026 covers the same period as one in January 2027."""
    assert review_period("year_end", D(2026, 12, 20)) == (D(2025, 12, 16), D(2026, 12, 15))


def test_half_year_review_covers_up_to_the_half_year_cut_off() -> None:
    """A «Sơ kết 6 tháng» held on 28/06/2026 covers 16/12/2025 to 15/06/2026."""
    assert review_period("half_year", D(2026, 6, 28)) == (D(2025, 12, 16), D(2026, 6, 15))


def test_cut_offs_come_from_the_regulation() -> None:
    """With cut-offs 30/6 and 31/12 a year-end review covers the calendar year before."""
    cutoffs = Cutoffs.of({"half_year_cutoff": "06-30", "year_cutoff": "12-31"})
    assert review_period("year_end", D(2027, 1, 10), cutoffs) == (D(2026, 1, 1), D(2026, 12, 31))
    assert review_period("half_year", D(2026, 7, 5), cutoffs) == (D(2026, 1, 1), D(2026, 6, 30))


def test_unset_cut_offs_are_15_june_and_15_december() -> None:
    """A regulation without cut-offs (or with an unreadable one) takes 15/6 and 15/12."""
    assert Cutoffs.of({"half_year_cutoff": None, "year_cutoff": "31-12"}) == Cutoffs(
        (6, 15), (12, 15)
    )


def test_a_cut_off_is_a_day_of_every_year() -> None:
    """ "06-15" reads as 15 June; 29 February, a 13th month and other spellings do not."""
    assert parse_cutoff("06-15") == (6, 15)
    assert [parse_cutoff(t) for t in ("02-29", "13-01", "06-31", "15/06", "6-15", None)] == [
        None
    ] * 6


def test_the_covered_year_is_the_year_of_the_middle_day() -> None:
    """16/12/2025–15/12/2026 reviews 2026; 16/12/2025–15/06/2026 reviews 2026 too."""
    assert covered_year(D(2025, 12, 16), D(2026, 12, 15)) == 2026
    assert covered_year(D(2025, 12, 16), D(2026, 6, 15)) == 2026


def test_january_year_end_review_settles_last_year() -> None:
    """Held on 10/01/2027 (no period recorded): 2026's review is no longer owed."""
    held = {"year_end": [D(2027, 1, 10)]}
    assert reviews_due(periods=["year"], held=held, today=D(2027, 1, 20)) == []


def test_january_year_end_review_does_not_count_for_the_new_year() -> None:
    """Held on 10/01/2027 for 2026: in December 2027 the 2027 review is still reminded."""
    held = {"year_end": [HeldReview(D(2027, 1, 10), D(2025, 12, 16), D(2026, 12, 15))]}
    due = reviews_due(periods=["year"], held=held, today=D(2027, 12, 10))
    assert [(d.what, d.year, d.due_on, d.overdue) for d in due] == [
        ("year_end", 2027, D(2027, 12, 31), False)
    ]


def test_a_review_counts_for_the_period_it_records() -> None:
    """A review held on 05/12/2026 but recorded as covering 2025 leaves 2026's owed."""
    held = {"year_end": [HeldReview(D(2026, 12, 5), D(2024, 12, 16), D(2025, 12, 15))]}
    due = reviews_due(periods=["year"], held=held, today=D(2026, 12, 20))
    assert [(d.what, d.year) for d in due] == [("year_end", 2026)]


def test_an_unheld_year_end_review_names_its_year_in_january() -> None:
    """Nothing held: on 10/01/2027 the 2026 review is overdue, its period from 16/12/2025."""
    due = reviews_due(periods=["year"], held={}, today=D(2027, 1, 10))
    assert [(d.year, d.period_start, d.due_on, d.overdue) for d in due] == [
        (2026, D(2025, 12, 16), D(2026, 12, 31), True)
    ]


def _validate(entity: object, record: dict[str, object], changed: set[str]) -> list[str]:
    try:
        validate_record(
            entity,  # type: ignore[arg-type]
            record,
            before=None,
            changed=changed,
            context=ValidationContext(),
        )
    except ValidationError as error:
        return [p.field for p in error.problems]
    return []


MEETING_VALUES = {
    "team_id": "t1",
    "kind": "year_end",
    "title": "Tổng kết năm 2026",
    "starts_at": "2027-01-10T19:30",
    "state": "draft",
}


def test_covered_period_ending_before_it_starts_is_refused() -> None:
    """«Cuối kỳ đánh giá» before «Đầu kỳ đánh giá» is named on the end."""
    record = {**MEETING_VALUES, "covers_from": "2026-12-15", "covers_to": "2025-12-16"}
    assert _validate(MEETING, record, {"covers_from", "covers_to"}) == ["covers_to"]


def test_covered_period_of_one_day_is_kept() -> None:
    """A period that starts and ends on the same day is allowed."""
    record = {**MEETING_VALUES, "covers_from": "2026-12-15", "covers_to": "2026-12-15"}
    assert _validate(MEETING, record, {"covers_from", "covers_to"}) == []


REGULATION_VALUES = {"team_id": "t1", "meeting_period": "monthly"}


@pytest.mark.parametrize("typed", ["02-30", "15/06", "6-15"])
def test_a_cut_off_that_is_not_a_day_is_refused(typed: str) -> None:
    """A half-year cut-off that is not "MM-DD" of a real day is named beside its field."""
    record = {**REGULATION_VALUES, "half_year_cutoff": typed}
    assert _validate(REGULATION, record, {"half_year_cutoff"}) == ["half_year_cutoff"]


def test_half_year_cut_off_after_the_year_cut_off_is_refused() -> None:
    """The half-year may not close after the year: 20/12 against 15/12 is refused."""
    record = {**REGULATION_VALUES, "half_year_cutoff": "12-20", "year_cutoff": "12-15"}
    assert _validate(REGULATION, record, {"half_year_cutoff"}) == ["half_year_cutoff"]


def test_cut_offs_left_unchanged_are_not_checked() -> None:
    """A value the laptop did not change (pulled as it is) does not hold up other edits."""
    record = {**REGULATION_VALUES, "half_year_cutoff": "02-30"}
    assert _validate(REGULATION, record, {"meeting_period"}) == []
