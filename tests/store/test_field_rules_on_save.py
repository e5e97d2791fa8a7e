"""The laptop holds every saved value to core.field_rules: refused before anything is
written, with a message naming the field and the fix."""

from __future__ import annotations

import math
from typing import Any

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.i18n import set_language
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.validation import coerce_fields
from danvan_desktop.session import Session


def _nested(depth: int) -> Any:
    value: Any = "m-1"
    for _ in range(depth):
        value = [value]
    return value


def _model_count(session: Session) -> tuple[int, int]:
    db = session.store.db
    return (
        db.execute("SELECT count(*) FROM model").fetchone()[0],
        db.execute("SELECT count(*) FROM outbox").fetchone()[0],
    )


def _refusal(entity: str, fields: dict[str, Any]) -> tuple[list[str], str]:
    with pytest.raises(ValidationError) as info:
        coerce_fields(ENTITIES[entity], fields)
    return info.value.fields, info.value.message


def test_a_year_no_laptop_can_store_is_refused_and_nothing_is_written(session: Session) -> None:
    """year = 10**40: refused by the store, no row, no outbox operation."""
    before = _model_count(session)
    with pytest.raises(ValidationError) as info:
        session.add_model(name="Con đường hoa", field_code="new_rural", year=10**40)
    assert info.value.problems[0].message == (
        "«Năm đăng ký» phải là số từ 1 đến 9999: hãy nhập một số trong khoảng này."
    )
    assert _model_count(session) == before


def test_text_with_a_lone_surrogate_is_refused() -> None:
    """A broken character in a name names the field and says to retype it."""
    assert _refusal("model", {"name": "Đường \ud800 hoa"}) == (
        ["name"],
        "«Tên mô hình» có ký tự hỏng, không phải chữ Unicode hợp lệ (thường do dán từ một "
        "phần mềm khác): hãy xóa đoạn chữ đó rồi gõ lại.",
    )


def test_text_with_a_nul_is_refused() -> None:
    """U+0000 in a title is refused."""
    assert _refusal("task", {"title": "Dọn\x00đường"}) == (
        ["title"],
        "«Nhiệm vụ» có ký tự rỗng (NUL) không lưu được (thường do dán từ một phần mềm khác): "
        "hãy xóa đoạn chữ đó rồi gõ lại.",
    )


@pytest.mark.parametrize("value", [math.nan, "nan", "inf", math.inf])
def test_a_real_that_is_not_finite_is_refused(value: Any) -> None:
    """NaN and infinity, typed or sent, are not a value."""
    assert _refusal("indicator_reading", {"value": value}) == (
        ["value"],
        "«Giá trị» phải là một số cụ thể (không phải vô cực hay NaN): hãy nhập một số, ví dụ 12,5.",
    )


def test_json_nested_17_deep_is_refused() -> None:
    """A list of linked models 17 containers deep is refused with the limit."""
    assert _refusal("exemplar", {"linked_model_ids": _nested(17)}) == (
        ["linked_model_ids"],
        "«Mô hình liên quan» lồng nhau quá 16 tầng, không lưu được: hãy chọn lại từ danh sách.",
    )


def test_a_negative_count_keeps_its_message() -> None:
    """A negative vote count is refused with the words the meeting form uses."""
    assert _refusal("vote", {"in_favour": -1}) == (
        ["in_favour"],
        "«Số tán thành» không được là số âm: hãy nhập 0 hoặc lớn hơn.",
    )


def test_a_ref_that_is_not_an_id_is_refused() -> None:
    """A reference must be a record id."""
    assert _refusal("member", {"team_id": "tổ 5"}) == (
        ["team_id"],
        "«Tổ» không phải mã hồ sơ hợp lệ: hãy chọn lại từ danh sách.",
    )


def test_too_long_text_is_refused_in_coercion() -> None:
    """Length is a field rule too (counted after NFC)."""
    assert _refusal("model", {"name": "a" * 301}) == (
        ["name"],
        "«Tên mô hình» dài 301 ký tự; tối đa 300 ký tự: hãy rút gọn.",
    )


def test_a_long_name_names_its_length_and_limit_in_vietnamese_digits() -> None:
    """2,000 characters in a 120-character name: both numbers written as Vietnamese write them."""
    assert _refusal("member", {"full_name": "a" * 2000}) == (
        ["full_name"],
        "«Họ và tên» dài 2.000 ký tự; tối đa 120 ký tự: hãy rút gọn.",
    )


def test_the_message_is_in_english_when_the_laptop_is() -> None:
    """The English UI words the same problem in English."""
    set_language("en")
    assert _refusal("model", {"year": 10**40})[1] == (
        "«Registration year» must be a number from 1 to 9999: enter a number in this range."
    )


def test_good_values_are_stored_as_before() -> None:
    """Valid values keep their stored forms: NFC text, ints, floats, 0/1, dumped JSON."""
    assert coerce_fields(
        ENTITIES["exemplar"],
        {"name": "Nguye\u0302\u0303n Va\u0306n An", "year": 2026, "linked_model_ids": ["m-1"]},
    ) == {"name": "Nguyễn Văn An", "year": 2026, "linked_model_ids": '["m-1"]'}
