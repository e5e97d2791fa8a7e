"""The phone rule (core.field_rules.phone_problem): what a Vietnamese phone number may be."""

from __future__ import annotations

import pytest

from danvan_desktop.core.field_rules import (
    ValueProblem,
    format_problem,
    phone_problem,
    value_problem,
)
from danvan_desktop.core.schema import ENTITIES

PHONE = ENTITIES["member"].field("phone")
NOT_A_PHONE = ValueProblem("not_a_phone", {"minimum": 8, "maximum": 15})


@pytest.mark.parametrize(
    "number",
    [
        "0905123456",
        "0905 123 456",
        "0905.123.456",
        "0905-123-456",
        "+84 905 123 456",
        "(0234) 3822 123",
        "1800 1091",
        "+1 202 555 0143 12",
    ],
)
def test_a_phone_number_as_leaders_write_it_passes(number: str) -> None:
    """Mobile, landline with its area code, a 1800 line, a number abroad: all pass."""
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    "text",
    ["abc xyz", "chưa có", "0905 123 45a", "090 123", "1234567890123456", "84+905123456", "+"],
)
def test_what_is_not_a_phone_number_is_refused(text: str) -> None:
    """Letters, fewer than 8 or more than 15 digits, a + not first: not a phone number."""
    assert phone_problem(text) == NOT_A_PHONE


def test_the_phone_field_has_the_phone_rule() -> None:
    """«abc xyz» in a member's phone breaks the field's format rule."""
    assert format_problem(PHONE, "abc xyz") == NOT_A_PHONE


def test_a_bad_phone_is_still_a_storable_value() -> None:
    """The value rules (pulls, pushes) keep taking it: records of earlier releases still sync."""
    assert value_problem(PHONE, "abc xyz") is None


def test_other_text_fields_have_no_format_rule() -> None:
    """A name may hold any text."""
    assert format_problem(ENTITIES["member"].field("full_name"), "abc xyz") is None
