"""Shape checks on what laptops send: operations, ids and field values by kind.

What a field value may be is defined once, in ``core.field_rules``, for the laptop
and the server alike; here its problems are worded for the laptop that sent the
value, in the language it asked for. Everything is checked in Python before the
operation joins a write, so a group write fails only for reasons outside the data
(and then each push's savepoint isolates the culprit). Required fields are not
enforced here: the laptop validates a record as a whole, and a laptop re-sending
to a restored server may send only the fields it changed.

Format rules (``field_rules.TEXT_FORMATS``: a phone number) are not refused here
either, on purpose. Earlier releases had no such rule, and an operation carries every
field a record was created with: refusing one for its phone would keep the whole
member (name, role, team) off the city's server, with no way for that laptop to send
it again, and the phone corrected later would then arrive alone as a record without a
name. Such a value is kept and pulled like any other, shown on the laptops and
corrected there; a laptop of this release refuses a new bad phone before saving it.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from danvan_desktop.core import field_rules
from danvan_desktop.core.field_rules import ValueProblem
from danvan_desktop.core.schema import ENTITIES, FieldSpec
from danvan_desktop.sync.protocol import (
    CONFLICT_ENTITY,
    EnvelopeError,
    check_envelope,
    check_resolution_envelope,
)
from danvan_server.messages import say

_EXPECTED = {
    "text": "văn bản",
    "long_text": "văn bản",
    "ref": "mã hồ sơ",
    "date": "ngày dạng YYYY-MM-DD",
    "datetime": "thời điểm dạng ISO 8601",
    "int": "số nguyên",
    "real": "số",
    "bool": "đúng hoặc sai",
    "json": "giá trị JSON",
}
_EXPECTED_BY_CODE = {
    field_rules.NOT_A_DATE: "date",
    field_rules.NOT_A_DATETIME: "datetime",
    field_rules.NOT_AN_ID: "ref",
}


def is_valid_id(value: object) -> TypeGuard[str]:
    """True for ids the server stores: 1–64 letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    return field_rules.is_valid_id(value)


def printable(text: str) -> str:
    """``text`` with anything UTF-8 cannot carry (a lone surrogate) escaped, so that a
    message quoting what a laptop sent can always be answered."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def operation_problem(op: dict[str, Any], language: str) -> str | None:
    """Why an operation is malformed (None when it is well formed): its envelope, its
    ids, every field value. The text of a well-formed one is put in NFC, as stored."""
    try:
        if op.get("entity") == CONFLICT_ENTITY:
            check_resolution_envelope(op)
        else:
            check_envelope(op)
    except EnvelopeError as exc:
        return say(language, "Thao tác không hợp lệ: {detail}", detail=printable(str(exc)))
    if not is_valid_id(op["record_id"]):
        return say(language, "Thao tác không hợp lệ: record_id phải là mã hồ sơ.")
    if not is_valid_id(op["device_id"]):
        return say(language, "Thao tác không hợp lệ: device_id phải là mã máy.")
    if op["entity"] == CONFLICT_ENTITY:
        return None
    spec = ENTITIES[op["entity"]]
    stored_forms: dict[str, Any] = {}
    for name, value in op["fields"].items():
        field_spec = spec.field(name)
        problem = value_problem(field_spec, value, language)
        if problem:
            return problem
        stored_forms[name] = field_rules.normalized(field_spec, value)
    op["fields"] = stored_forms
    return None


def value_problem(
    spec: FieldSpec, value: Any, language: str, *, as_sent: bool = True
) -> str | None:
    """Why ``value`` cannot be stored in ``spec`` (None when it can; null always can).

    ``as_sent``: the value as an operation carries it, a json field as its JSON text
    (``field_rules.wire_problem``); False for values that are not sent as text (a
    conflict record's)."""
    if as_sent:
        problem = field_rules.wire_problem(spec, value)
    else:
        problem = field_rules.value_problem(spec, value)
    if problem is None:
        return None
    return problem_message(spec, problem, language)


def problem_message(spec: FieldSpec, problem: ValueProblem, language: str) -> str:
    """``problem`` of a value of ``spec`` in words, naming the field and the fix."""
    label = say(language, spec.label, context="fields")
    params: dict[str, Any] = {"label": label, "field": spec.name, **problem.params}
    code = problem.code
    if code == field_rules.TOO_LONG:
        return say(
            language,
            "«{label}» ({field}) dài {length} ký tự, quá giới hạn {limit}: hãy rút gọn.",
            **params,
        )
    if code == field_rules.LONE_SURROGATE:
        return say(
            language,
            "«{label}» ({field}) chứa ký tự hỏng (nửa cặp thay thế UTF-16, không phải chữ "
            "Unicode hợp lệ): hãy gõ lại nội dung này trên máy rồi gửi lại.",
            **params,
        )
    if code == field_rules.NUL_CHARACTER:
        return say(
            language,
            "«{label}» ({field}) chứa ký tự NUL (mã 0), không lưu được: hãy xóa ký tự này rồi "
            "gửi lại.",
            **params,
        )
    if code == field_rules.OUT_OF_RANGE:
        return say(
            language,
            "«{label}» ({field}) phải nằm trong khoảng từ {minimum} đến {maximum}: hãy sửa lại "
            "số này.",
            **params,
        )
    if code == field_rules.NOT_FINITE:
        return say(
            language,
            "«{label}» ({field}) phải là một số hữu hạn, không phải vô cực hay NaN: hãy nhập lại "
            "số này.",
            **params,
        )
    if code == field_rules.TOO_DEEP:
        return say(
            language,
            "«{label}» ({field}) lồng nhau quá {limit} tầng: hãy gửi dữ liệu đơn giản hơn.",
            **params,
        )
    if code == field_rules.TOO_BIG:
        return say(
            language,
            "«{label}» ({field}) quá lớn (quá {limit} ký tự và giá trị): hãy bớt nội dung.",
            **params,
        )
    kind = _EXPECTED_BY_CODE.get(code) or str(problem.params.get("kind", spec.kind))
    expected = say(language, _EXPECTED.get(kind, kind))
    return say(
        language,
        "«{label}» ({field}) phải là {expected}.",
        label=label,
        field=spec.name,
        expected=expected,
    )
