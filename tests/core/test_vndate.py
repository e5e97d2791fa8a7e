"""Dates and document numbers as Vietnamese official documents write them (core.vndate)."""

from __future__ import annotations

from datetime import date

import pytest

from danvan_desktop.core import vndate


def test_place_date_line_pads_day_and_january() -> None:
    """5 January: both the day and the month take a leading zero."""
    assert vndate.place_date_line("Huế", date(2026, 1, 5)) == "Huế, ngày 05 tháng 01 năm 2026"


def test_place_date_line_pads_february() -> None:
    """February is written "02"."""
    assert vndate.place_date_line("Huế", date(2026, 2, 28)) == "Huế, ngày 28 tháng 02 năm 2026"


def test_place_date_line_leaves_march_unpadded() -> None:
    """From March on the month has no leading zero, while a day under 10 still has one."""
    assert vndate.place_date_line("Kim Long", date(2026, 3, 9)) == (
        "Kim Long, ngày 09 tháng 3 năm 2026"
    )


def test_place_date_line_two_digit_day_and_month() -> None:
    """Two-digit days and months are written as they are."""
    assert vndate.place_date_line("Huế", date(2026, 12, 25)) == "Huế, ngày 25 tháng 12 năm 2026"


@pytest.mark.parametrize(
    ("month", "written"),
    [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (11, "11"), (12, "12")],
)
def test_month_text(month: int, written: str) -> None:
    """Only months 1 and 2 take a leading zero."""
    assert vndate.month_text(month) == written


@pytest.mark.parametrize(("day", "written"), [(1, "01"), (9, "09"), (10, "10"), (31, "31")])
def test_day_text(day: int, written: str) -> None:
    """Days under 10 take a leading zero."""
    assert vndate.day_text(day) == written


def test_month_out_of_range_is_refused() -> None:
    """Month 13 is a programming error."""
    with pytest.raises(ValueError):
        vndate.month_text(13)


def test_state_number_pads_under_ten() -> None:
    """A state number under 10 takes a leading zero."""
    assert vndate.state_number(5, "BC", "TDV") == "Số: 05/BC-TDV"


def test_state_number_two_and_three_digits() -> None:
    """Numbers from 10 up are written as they are."""
    assert vndate.state_number(12, "QĐ", "UBND") == "Số: 12/QĐ-UBND"
    assert vndate.state_number(120, "BB", "TDV") == "Số: 120/BB-TDV"


def test_party_number_format() -> None:
    """The Party number has no colon, a dash before the type and a slash before the unit."""
    assert vndate.party_number(12, "BC", "CB") == "Số 12-BC/CB"
    assert vndate.party_number(5, "BC", "CB") == "Số 05-BC/CB"


def test_draft_numbers_leave_a_gap() -> None:
    """A draft (no number yet) leaves room to write the number by hand."""
    assert vndate.state_number(None, "BB", "TDV") == "Số:      /BB-TDV"
    assert vndate.party_number(None, "BC", "CB") == "Số      -BC/CB"


def test_number_zero_is_refused() -> None:
    """Document numbers start at 1."""
    with pytest.raises(ValueError):
        vndate.state_number(0, "BC", "TDV")


def test_short_date() -> None:
    """dd/MM/yyyy with zeros everywhere."""
    assert vndate.short_date(date(2026, 1, 5)) == "05/01/2026"
    assert vndate.short_date(date(2026, 11, 25)) == "25/11/2026"


def test_parse_short_date_accepts_unpadded() -> None:
    """d/M/yyyy reads as well as dd/MM/yyyy."""
    assert vndate.parse_short_date("5/1/2026") == date(2026, 1, 5)
    assert vndate.parse_short_date(" 05/01/2026 ") == date(2026, 1, 5)


@pytest.mark.parametrize("text", ["31/02/2026", "2026-01-05", "05/01/26", ""])
def test_parse_short_date_refuses_bad_dates(text: str) -> None:
    """Impossible dates and other layouts raise ValueError."""
    with pytest.raises(ValueError):
        vndate.parse_short_date(text)
