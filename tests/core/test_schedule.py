"""Meeting and review reminders by the regulation, with the clock passed in."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.core.schedule import (
    held_before,
    held_days,
    is_held,
    next_meeting_due,
    period_of,
    reviews_due,
)

D = dt.date


def test_period_of_month_and_quarter() -> None:
    """Monthly periods are months; quarterly periods are calendar quarters."""
    assert period_of(D(2026, 11, 28), "monthly") == (D(2026, 11, 1), D(2026, 11, 30))
    assert period_of(D(2026, 11, 28), "quarterly") == (D(2026, 10, 1), D(2026, 12, 31))


def test_monthly_meeting_due_on_the_regulation_day() -> None:
    """Not held this month: due on the 25th, overdue after it."""
    due = next_meeting_due(
        period="monthly", meeting_day=25, held=[D(2026, 10, 25)], today=D(2026, 11, 20)
    )
    assert (due.due_on, due.overdue) == (D(2026, 11, 25), False)
    late = next_meeting_due(period="monthly", meeting_day=25, held=[], today=D(2026, 11, 28))
    assert (late.due_on, late.overdue) == (D(2026, 11, 25), True)


def test_held_this_month_moves_to_next() -> None:
    """Once held, the next due meeting is next month's (day clamped to month length)."""
    due = next_meeting_due(
        period="monthly", meeting_day=31, held=[D(2027, 1, 30)], today=D(2027, 1, 31)
    )
    assert due.due_on == D(2027, 2, 28)


def test_quarterly_meeting_due_in_the_last_month() -> None:
    """A quarterly team meets by the day in the quarter's last month."""
    due = next_meeting_due(period="quarterly", meeting_day=15, held=[], today=D(2026, 10, 3))
    assert due.due_on == D(2026, 12, 15)


def test_half_year_review_reminder_window() -> None:
    """Reminded from a month before 30 June; not once the review is held."""
    assert reviews_due(periods=["half_year", "year"], held={}, today=D(2026, 5, 1)) == []
    due = reviews_due(periods=["half_year", "year"], held={}, today=D(2026, 6, 10))
    assert [(d.what, d.due_on) for d in due] == [("half_year", D(2026, 6, 30))]
    held = {"half_year": [D(2026, 6, 20)]}
    assert reviews_due(periods=["half_year"], held=held, today=D(2026, 6, 25)) == []


def test_year_end_review_owed_in_january() -> None:
    """Last year's year-end review not held: still reminded (overdue) in January."""
    due = reviews_due(periods=["year"], held={}, today=D(2027, 1, 10))
    assert [(d.what, d.due_on, d.overdue) for d in due] == [("year_end", D(2026, 12, 31), True)]


def test_a_meeting_is_held_once_its_day_has_come() -> None:
    """Dated today or before: held; dated tomorrow: only planned."""
    today = D(2026, 5, 10)
    assert (is_held(D(2026, 5, 9), today), is_held(today, today)) == (True, True)
    assert is_held(D(2026, 5, 11), today) is False
    assert held_days([D(2026, 5, 25), D(2026, 5, 5)], today) == [D(2026, 5, 5)]


def test_the_query_bound_agrees_with_is_held() -> None:
    """``starts_at < held_before(today)`` keeps today's evening meeting, not tomorrow's."""
    bound = held_before(D(2026, 5, 10))
    starts = ["2026-05-10T19:00", "2026-05-10", "2026-05-11", "2026-05-11T07:00"]
    assert [starts_at < bound for starts_at in starts] == [True, True, False, False]


def test_a_meeting_planned_later_this_month_does_not_make_it_done() -> None:
    """A draft dated the 25th does not move the reminder on from this month on the 10th."""
    due = next_meeting_due(
        period="monthly", meeting_day=20, held=[D(2026, 5, 25)], today=D(2026, 5, 10)
    )
    assert due.due_on == D(2026, 5, 20)


def test_a_review_planned_later_is_still_owed() -> None:
    """A half-year review dated after today does not silence its reminder."""
    due = reviews_due(
        periods=["half_year"], held={"half_year": [D(2026, 6, 28)]}, today=D(2026, 6, 20)
    )
    assert [(d.what, d.due_on) for d in due] == [("half_year", D(2026, 6, 30))]
