"""The one definition of what a field value may be, by kind (core.field_rules)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from danvan_desktop.core import field_rules
from danvan_desktop.core.field_rules import ValueProblem, normalized, value_problem
from danvan_desktop.core.schema import ENTITIES, FieldSpec

MODEL = ENTITIES["model"]
NAME = MODEL.field("name")  # text, at most 300 characters
CONTENT = MODEL.field("content")  # long_text
YEAR = MODEL.field("year")  # int, a year
START = MODEL.field("start_date")  # date
VOTES_FOR = ENTITIES["vote"].field("in_favour")  # int, a count
POSITION = ENTITIES["member"].field("position_order")  # int, no domain but 64 bits
VALUE = ENTITIES["indicator_reading"].field("value")  # real
PRESENT = ENTITIES["attendance"].field("present")  # bool
STARTS = ENTITIES["meeting"].field("starts_at")  # datetime
TEAM_REF = ENTITIES["member"].field("team_id")  # ref
LINKED = ENTITIES["exemplar"].field("linked_model_ids")  # json


def _nested(depth: int) -> Any:
    value: Any = "mô hình"
    for _ in range(depth):
        value = [value]
    return value


def _code(spec: FieldSpec, value: Any) -> str | None:
    problem = value_problem(spec, value)
    return problem.code if problem else None


def test_null_is_always_allowed() -> None:
    """Null passes for every kind (required fields are the record's business)."""
    assert {_code(spec, None) for e in ENTITIES.values() for spec in e.fields} == {None}


def test_plain_vietnamese_text_passes() -> None:
    """Ordinary text, with diacritics and emoji, is storable."""
    assert _code(NAME, "Đường hoa nông thôn mới 🌸") is None


def test_text_with_a_lone_surrogate_is_refused() -> None:
    """Half of a UTF-16 surrogate pair is no Unicode scalar value."""
    assert value_problem(CONTENT, "Dọn \ud800 đường") == ValueProblem("lone_surrogate")


def test_text_with_a_nul_is_refused() -> None:
    """PostgreSQL text cannot hold U+0000."""
    assert value_problem(NAME, "Dọn\x00đường") == ValueProblem("nul_character")


def test_text_over_its_limit_is_refused_with_length_and_limit() -> None:
    """301 characters in a 300-character field."""
    assert value_problem(NAME, "a" * 301) == ValueProblem("too_long", {"length": 301, "limit": 300})


def test_text_length_is_counted_in_nfc() -> None:
    """300 letters typed decomposed (e + combining acute) are 300 characters, not 600."""
    assert _code(NAME, "e\u0301" * 300) is None


def test_text_of_the_wrong_type_is_refused() -> None:
    """A number is not text."""
    assert value_problem(NAME, 12) == ValueProblem("wrong_type", {"kind": "text"})


@pytest.mark.parametrize("value", [0, -(2**63), 2**63 - 1])
def test_int_within_64_bits_passes(value: int) -> None:
    """The ends of SQLite's integer range are storable."""
    assert _code(POSITION, value) is None


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**40])
def test_int_beyond_64_bits_is_refused(value: int) -> None:
    """No laptop's SQLite can store it."""
    assert value_problem(POSITION, value) == ValueProblem(
        "out_of_range", {"minimum": -(2**63), "maximum": 2**63 - 1}
    )


@pytest.mark.parametrize("value", [True, 1.0, "12"])
def test_int_must_be_a_real_int(value: Any) -> None:
    """A bool, a float or a string is not an int."""
    assert _code(POSITION, value) == "wrong_type"


@pytest.mark.parametrize(("value", "code"), [(2026, None), (1, None), (0, "out_of_range")])
def test_year_is_within_1_and_9999(value: int, code: str | None) -> None:
    """A year is what a date can hold."""
    assert _code(YEAR, value) == code


def test_year_out_of_range_names_the_bounds() -> None:
    """10**40 as a year: the problem carries the domain."""
    assert value_problem(YEAR, 10**40) == ValueProblem(
        "out_of_range", {"minimum": 1, "maximum": 9999}
    )


@pytest.mark.parametrize(("value", "code"), [(0, None), (120, None), (-1, "out_of_range")])
def test_a_count_is_not_negative(value: int, code: str | None) -> None:
    """Votes in favour cannot be fewer than none."""
    assert _code(VOTES_FOR, value) == code


def test_every_non_negative_count_of_validation_has_a_domain() -> None:
    """The laptop's record-level counts and the field rules agree."""
    from danvan_desktop.core.validation import NON_NEGATIVE

    names = {name for names in NON_NEGATIVE.values() for name in names}
    assert {field_rules.INT_DOMAINS[name][0] for name in names} == {0}


@pytest.mark.parametrize("value", [12.5, 0, -3, 10**40])
def test_finite_real_passes(value: float) -> None:
    """Floats and ints a float can hold are storable as reals."""
    assert _code(VALUE, value) is None


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 10**400])
def test_real_that_is_not_finite_is_refused(value: float) -> None:
    """NaN, infinities, and ints beyond a float's range have no stored form."""
    assert value_problem(VALUE, value) == ValueProblem("not_finite")


@pytest.mark.parametrize(("value", "code"), [(True, None), (0, None), (1, None), (2, "wrong_type")])
def test_bool_is_true_or_false(value: Any, code: str | None) -> None:
    """True/false, or 0/1 as SQLite stores them."""
    assert _code(PRESENT, value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2026-01-05", None),
        ("2024-02-29", None),
        ("2026-02-30", "not_a_date"),
        ("20260105", "not_a_date"),
        ("2026-W01-1", "not_a_date"),
        ("0000-01-01", "not_a_date"),
        ("05/01/2026", "not_a_date"),
        (20260105, "wrong_type"),
    ],
)
def test_date_is_a_real_calendar_date(value: Any, code: str | None) -> None:
    """Only YYYY-MM-DD naming a day that exists."""
    assert _code(START, value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2026-01-05T08:00", None),
        ("2026-01-05 08:00:30", None),
        ("2026-01-05T08:00:00.123Z", None),
        ("2026-01-05T08:00:00+07:00", None),
        ("2026-01-05T25:00", "not_a_datetime"),
        ("2026-01-05", "not_a_datetime"),
        ("hôm nay", "not_a_datetime"),
    ],
)
def test_datetime_is_a_real_moment(value: Any, code: str | None) -> None:
    """A date, a time of day that exists, optional seconds, fraction and offset."""
    assert _code(STARTS, value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", None),
        ("city:46", None),
        ("tổ 5", "not_an_id"),
        ("x" * 65, "not_an_id"),
        ("", "not_an_id"),
    ],
)
def test_ref_is_a_record_id(value: str, code: str | None) -> None:
    """1-64 letters, digits, '.', '_', ':' or '-'."""
    assert _code(TEAM_REF, value) == code


@pytest.mark.parametrize(
    "value", [["m-1", "m-2"], {"a": [1, 2.5, None, True]}, _nested(16), "chuỗi", 3]
)
def test_plain_json_passes(value: Any) -> None:
    """Lists, objects and scalars, up to 16 containers deep."""
    assert _code(LINKED, value) is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (["m-1", "\udfff"], "lone_surrogate"),
        ({"\ud800": 1}, "lone_surrogate"),
        ({"ghi chú": "a\x00b"}, "nul_character"),
        ([1, 10**40], "out_of_range"),
        ({"x": [math.nan]}, "not_finite"),
        ([math.inf], "not_finite"),
        (_nested(17), "too_deep"),
        (["x" * 70_000], "too_big"),
        (list(range(70_000)), "too_big"),
    ],
)
def test_json_is_held_to_the_text_and_number_rules(value: Any, code: str) -> None:
    """Strings and keys inside JSON are text, numbers are 64-bit or finite, size is capped."""
    assert _code(LINKED, value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('["m-1", "m-2"]', None),
        ('"chuỗi"', None),
        ("Quý I", "wrong_type"),
        ("NaN", "not_finite"),
        ('["\\ud800"]', "lone_surrogate"),
        ("[" * 17 + "]" * 17, "too_deep"),
        ("[" * 100_000, "wrong_type"),
    ],
)
def test_json_sent_as_text_is_read_then_held_to_the_rules(value: str, code: str | None) -> None:
    """On the wire a json field is its JSON text, read as the laptop reads it."""
    problem = field_rules.wire_problem(LINKED, value)
    assert (problem.code if problem else None) == code


def test_wire_rules_of_other_kinds_are_the_value_rules() -> None:
    """A string in a text field is text, not JSON text."""
    assert field_rules.wire_problem(NAME, "Quý I") is None


def test_nesting_limit_is_named() -> None:
    """A 17-deep list: the problem carries the limit."""
    assert value_problem(LINKED, _nested(17)) == ValueProblem("too_deep", {"limit": 16})


def test_normalized_puts_text_in_nfc() -> None:
    """Decomposed Vietnamese text is stored composed."""
    assert normalized(NAME, "Đu\u031bo\u031b\u0300ng") == "Đường"


def test_normalized_puts_json_text_in_nfc() -> None:
    """Strings and keys inside JSON are composed too; numbers are untouched."""
    assert normalized(LINKED, {"u\u031b": ["a\u0300", 1]}) == {"ư": ["à", 1]}
