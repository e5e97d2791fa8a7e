"""Cells read as users mean them: dates three ways, whole numbers, phone numbers, choices."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.core.vocab import MEMBER_ROLES
from danvan_desktop.importing.cells import (
    Unreadable,
    choice_lookup,
    choice_value,
    date_value,
    text_value,
    whole_value,
    year_value,
)


@pytest.mark.parametrize(
    "cell",
    [
        dt.datetime(2024, 3, 15),
        dt.date(2024, 3, 15),
        45366,
        45366.75,
        "45366",
        "15/03/2024",
        "15/3/2024",
        "15-03-2024",
        "15.03.2024",
        "15032024",
        "2024-03-15",
    ],
)
def test_a_date_as_a_date_a_serial_number_or_typed(cell: object) -> None:
    """Real dates, Excel serial numbers and typed text all read as 15/03/2024."""
    assert date_value("start_date", "Ngày bắt đầu", cell) == dt.date(2024, 3, 15)


def test_a_day_that_does_not_exist_names_the_field_and_the_month() -> None:
    """«31/02/2025» is refused with the days February 2025 has."""
    with pytest.raises(Unreadable) as refused:
        date_value("term_start", "Bắt đầu nhiệm kỳ", "31/02/2025")
    assert refused.value.problem.message == (
        "«Bắt đầu nhiệm kỳ» «31/02/2025» không phải ngày có thật: tháng 2/2025 chỉ có 28 ngày."
    )


def test_a_date_written_month_first_is_told_to_put_the_day_first() -> None:
    """«03/15/2024» (American order) has no month 15."""
    with pytest.raises(Unreadable) as refused:
        date_value("start_date", "Ngày bắt đầu", "03/15/2024")
    assert "không có tháng 15" in refused.value.problem.message


def test_a_number_far_from_any_date_is_no_serial_date() -> None:
    """A figure like 7 in a date column is refused, saying to format the cell as a date."""
    with pytest.raises(Unreadable) as refused:
        date_value("start_date", "Ngày bắt đầu", 7)
    assert refused.value.problem.message == (
        "«Ngày bắt đầu» «7» không phải là ngày: hãy định dạng ô là ngày hoặc ghi "
        "ngày/tháng/năm, ví dụ 15/03/2026."
    )


@pytest.mark.parametrize(("cell", "year"), [(1962, 1962), ("1962", 1962), (2024.0, 2024),
                                            (dt.datetime(1962, 5, 4), 1962), ("4/5/1962", 1962),
                                            (22770, 1962)])  # fmt: skip
def test_a_birth_year_from_a_year_or_a_date(cell: object, year: int) -> None:
    """«Ngày sinh» may hold a year, a date, typed text or a serial number."""
    assert year_value("birth_year", "Năm sinh", cell) == year


@pytest.mark.parametrize(("cell", "value"), [(2024, 2024), (2024.0, 2024), ("2024", 2024),
                                             ("2.024", 2024), ("1 500", 1500), ("2024,0", 2024),
                                             ("hai", "hai")])  # fmt: skip
def test_whole_numbers(cell: object, value: object) -> None:
    """Excel's reals and typed figures are whole numbers; words are left for core to refuse."""
    assert whole_value(cell) == value


PHONES = [
    (905123456, "0905123456"),
    (2343822123, "02343822123"),
    ("905123456", "0905123456"),
    ("0905 123 456", "0905 123 456"),
    (18001091, "18001091"),
    (1900123456, "1900123456"),
]


@pytest.mark.parametrize(("cell", "text"), PHONES)
def test_a_phone_number_kept_as_a_number_gets_its_zero_back(cell: object, text: str) -> None:
    """Excel drops the leading zero of a number typed as a number (a CSV keeps it dropped): a
    mobile's 9 digits and a landline's 10 get it back; 1800 and 1900 lines have none."""
    assert text_value("phone", cell) == text


def test_text_cells_lose_doubled_spaces_and_numbers_their_point_zero() -> None:
    """«Nguyễn  Văn   An » reads «Nguyễn Văn An»; 12.0 in a text field reads «12»."""
    assert text_value("full_name", "Nguyễn  Văn   An ") == "Nguyễn Văn An"
    assert text_value("position", 12.0) == "12"


@pytest.mark.parametrize("cell", ["Tổ phó", "TỔ PHÓ", "to pho", "deputy", " Tổ  phó "])
def test_a_choice_by_its_label_or_code(cell: str) -> None:
    """A role written as its label, in capitals, without marks, or as its code."""
    lookup = choice_lookup(MEMBER_ROLES, MEMBER_ROLES)
    assert choice_value(lookup, cell) == "deputy"


def test_an_unknown_choice_is_left_as_written() -> None:
    """«Thư ký» is no role: it is passed on as written, for core to refuse by name."""
    assert choice_value(choice_lookup(MEMBER_ROLES, MEMBER_ROLES), "Thư ký") == "Thư ký"
