"""Dates and times as leaders type them (core.vndate.parse_typed_date and its date-time pair)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from danvan_desktop.core.vndate import (
    TypedProblem,
    parse_typed_date,
    parse_typed_date_time,
    parse_typed_time,
    short_date_time,
)

MARCH_15 = date(2026, 3, 15)


@pytest.mark.parametrize(
    "typed",
    [
        "15/03/2026",
        "15/3/2026",
        "15032026",
        "15-03-2026",
        "15.03.2026",
        "15/3/26",
        "150326",
        "15 3 2026",
        " 15 / 03 / 2026 ",
        "2026-03-15",
    ],
)
def test_spellings_of_the_same_day(typed: str) -> None:
    """Every way a leader writes 15 March 2026 reads as that day."""
    assert parse_typed_date(typed) == MARCH_15


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1/3/26", date(2026, 3, 1)),
        ("1/3/00", date(2000, 3, 1)),
        ("1/3/68", date(2068, 3, 1)),
        ("1/3/69", date(1969, 3, 1)),
        ("1/3/99", date(1999, 3, 1)),
    ],
)
def test_two_digit_years_follow_the_posix_rule(typed: str, read: date) -> None:
    """A two-digit year is 2000-2068 up to 68, 1969-1999 from 69 (Python's %y)."""
    assert parse_typed_date(typed) == read


def test_a_leap_day_is_a_day() -> None:
    """29/02 exists in a leap year."""
    assert parse_typed_date("29/02/2028") == date(2028, 2, 29)


@pytest.mark.parametrize("typed", ["", "   "])
def test_nothing_typed_is_no_date(typed: str) -> None:
    """An empty field is no date, not a problem."""
    assert parse_typed_date(typed) is None


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("31/02/2026", TypedProblem("no_such_day", "31/02/2026", 31, 2, 2026, last_day=28)),
        ("32/01/2026", TypedProblem("no_such_day", "32/01/2026", 32, 1, 2026, last_day=31)),
        ("00/03/2026", TypedProblem("no_such_day", "00/03/2026", 0, 3, 2026, last_day=31)),
        ("29/02/2026", TypedProblem("no_such_day", "29/02/2026", 29, 2, 2026, last_day=28)),
        ("15/13/2026", TypedProblem("no_such_month", "15/13/2026", 15, 13, 2026)),
        ("15/3/0026", TypedProblem("year_range", "15/3/0026", 15, 3, 26)),
        ("15/3/202", TypedProblem("year_digits", "15/3/202", 15, 3)),
        ("15/3", TypedProblem("no_year", "15/3")),
        ("1503", TypedProblem("no_year", "1503", 15, 3)),
        ("abc", TypedProblem("not_a_date", "abc")),
        ("1532026", TypedProblem("not_a_date", "1532026")),
    ],
)
def test_what_is_not_a_date_is_named(typed: str, problem: TypedProblem) -> None:
    """An impossible or unreadable date comes back as the problem, with what was read."""
    assert parse_typed_date(typed) == problem


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("08:30", time(8, 30)),
        ("8:30", time(8, 30)),
        ("8h30", time(8, 30)),
        ("8H30", time(8, 30)),
        ("8h", time(8, 0)),
        ("8 giờ 30", time(8, 30)),
        ("0830", time(8, 30)),
        ("830", time(8, 30)),
        ("23.59", time(23, 59)),
    ],
)
def test_spellings_of_a_time(typed: str, read: time) -> None:
    """A time reads with a colon, an h, "giờ", a dot, or as three or four digits."""
    assert parse_typed_time(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "15/03/2026 08:30",
        "15/3/2026 8:30",
        "15032026 0830",
        "15/03/2026 8h30",
        "15 3 2026 830",
        "15.03.2026 08.30",
        "15/3/26 8:30",
        "2026-03-15T08:30",
        "2026-03-15 08:30",
    ],
)
def test_spellings_of_a_date_and_time(typed: str) -> None:
    """Every way of writing 15/03/2026 08:30 reads as that moment."""
    assert parse_typed_date_time(typed) == datetime(2026, 3, 15, 8, 30)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("15/03/2026 25:00", TypedProblem("no_such_time", "25:00", hour=25)),
        ("15/03/2026 08:75", TypedProblem("no_such_time", "08:75", hour=8, minute=75)),
        ("15/03/2026 abc", TypedProblem("not_a_time", "abc")),
        ("15/03/2026", TypedProblem("no_time", "15/03/2026")),
        ("31/02/2026 08:30", TypedProblem("no_such_day", "31/02/2026", 31, 2, 2026, last_day=28)),
        ("31/02/2026", TypedProblem("no_such_day", "31/02/2026", 31, 2, 2026, last_day=28)),
        ("15/3 08:30", TypedProblem("no_year", "15/3")),
        ("abc", TypedProblem("not_a_date_time", "abc")),
    ],
)
def test_what_is_not_a_date_and_time_is_named(typed: str, problem: TypedProblem) -> None:
    """An impossible time, a date without a time or an impossible date is named."""
    assert parse_typed_date_time(typed) == problem


def test_nothing_typed_is_no_date_and_time() -> None:
    """An empty date-time field is no moment, not a problem."""
    assert parse_typed_date_time("  ") is None


def test_a_moment_is_written_day_first() -> None:
    """The one way a moment is shown: dd/MM/yyyy HH:mm."""
    assert short_date_time(datetime(2026, 3, 5, 8, 5)) == "05/03/2026 08:05"
