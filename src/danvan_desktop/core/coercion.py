"""Turning typed or sent values into stored ones, and wording what keeps a value out.

``coerce_fields`` turns what a form or the server sends into stored values and holds
each one to ``core.field_rules`` (the rules the server applies too), so a value the
store or the server could not keep is refused before anything is saved. The words
of each refusal (``problem_message``) are shared with the window, which shows the
same message beside a field while it is typed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from danvan_desktop.core import field_rules
from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.field_rules import ValueProblem
from danvan_desktop.core.i18n import current_language, tr
from danvan_desktop.core.schema import EntitySpec, FieldSpec
from danvan_desktop.core.vntext import normalize_text


def field_label(spec: FieldSpec) -> str:
    """The field's label in the reader's language."""
    return tr("fields", spec.label)


def count_text(count: int) -> str:
    """A count as the reader writes it: "2.000" in Vietnamese, "2,000" in English."""
    text = f"{count:,}"
    return text if current_language() == "en" else text.replace(",", ".")


def parse_date(text: str) -> dt.date:
    """A date from ``yyyy-mm-dd`` or ``dd/mm/yyyy`` (ValueError otherwise)."""
    text = text.strip()
    if "/" in text:
        day, month, year = text.split("/")
        return dt.date(int(year), int(month), int(day))
    return dt.date.fromisoformat(text)


def parse_datetime(text: str) -> dt.datetime:
    """A local wall-clock time from ISO or ``dd/mm/yyyy HH:MM`` (ValueError otherwise)."""
    text = text.strip()
    if "/" in text:
        date_part, _, time_part = text.partition(" ")
        day = parse_date(date_part)
        hh, mm = (time_part or "00:00").split(":")[:2]
        return dt.datetime(day.year, day.month, day.day, int(hh), int(mm))
    return dt.datetime.fromisoformat(text)


class _RuleBroken(ValueError):
    """A value whose stored form breaks a rule of ``core.field_rules``."""

    def __init__(self, problem: ValueProblem, value: Any) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.value = value


def _held_to_rules(spec: FieldSpec, stored: Any) -> Any:
    """``stored`` when it keeps the field rules (``_RuleBroken`` otherwise)."""
    problem = field_rules.value_problem(spec, stored)
    if problem is not None:
        raise _RuleBroken(problem, stored)
    return stored


def _coerce_one(spec: FieldSpec, value: Any) -> Any:
    """The stored form of ``value`` for ``spec``, held to ``core.field_rules``
    (``_RuleBroken``, or ValueError/TypeError when it has no stored form)."""
    if value is None:
        return None
    if isinstance(value, str) and spec.kind not in ("json",):
        value = normalize_text(value)
        if value == "":
            return None
    if spec.kind == "json":
        parsed = json.loads(value) if isinstance(value, str) else value
        parsed = _nfc_json(_held_to_rules(spec, parsed))  # checked first: it bounds the depth
        return json.dumps(parsed, ensure_ascii=False, sort_keys=True)
    return _held_to_rules(spec, _stored_form(spec, value))


def _stored_form(spec: FieldSpec, value: Any) -> Any:
    kind = spec.kind
    if kind in ("text", "long_text", "ref"):
        return str(value)
    if kind == "int":
        if isinstance(value, bool):
            raise TypeError
        if isinstance(value, float) and not value.is_integer():
            raise ValueError
        return int(value)
    if kind == "real":
        if isinstance(value, bool):
            raise TypeError
        return float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    if kind == "bool":
        if isinstance(value, str):
            if value.lower() in ("1", "true", "yes", "có", "co"):
                return 1
            if value.lower() in ("0", "false", "no", "không", "khong"):
                return 0
            raise ValueError
        return 1 if value else 0
    if kind == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        return value.isoformat() if isinstance(value, dt.date) else parse_date(value).isoformat()
    if kind == "datetime":
        if isinstance(value, dt.datetime):
            return value.replace(microsecond=0).isoformat(timespec="minutes")
        return parse_datetime(value).isoformat(timespec="minutes")
    raise ValueError(kind)


def _nfc_json(value: Any) -> Any:
    if isinstance(value, str):
        return normalize_text(value)
    if isinstance(value, list):
        return [_nfc_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _nfc_json(v) for k, v in value.items()}
    return value


def _kind_hint(spec: FieldSpec) -> str:
    hints = {
        "int": tr("validation", "hãy nhập một số nguyên, ví dụ 12"),
        "real": tr("validation", "hãy nhập một số, ví dụ 12,5"),
        "date": tr("validation", "hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/01/2026"),
        "datetime": tr(
            "validation", "hãy nhập theo dạng ngày/tháng/năm giờ:phút, ví dụ 05/01/2026 08:00"
        ),
        "bool": tr("validation", "hãy chọn có hoặc không"),
        "json": tr("validation", "hãy chọn lại từ danh sách"),
    }
    return hints.get(spec.kind, tr("validation", "hãy nhập lại"))


def coerce_fields(entity: EntitySpec, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Stored forms of ``fields``; raises ValidationError naming every bad or unknown field."""
    out: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name, value in fields.items():
        try:
            spec = entity.field(name)
        except KeyError:
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "validation",
                        "Mục «{name}» không thuộc {entity}: hãy bỏ mục này.",
                        name=name,
                        entity=tr("entities", entity.label),
                    ),
                )
            )
            continue
        try:
            out[name] = _coerce_one(spec, value)
        except _RuleBroken as broken:
            problems.append(FieldProblem(name, problem_message(spec, broken.problem, broken.value)))
        except (ValueError, TypeError, OverflowError, RecursionError):
            problems.append(FieldProblem(name, _unreadable(spec, value)))
    if problems:
        raise ValidationError(problems)
    return out


def _unreadable(spec: FieldSpec, value: Any) -> str:
    return tr(
        "validation",
        "«{label}» không hợp lệ ({value}): {hint}.",
        label=field_label(spec),
        value=value,
        hint=_kind_hint(spec),
    )


def length_message(spec: FieldSpec, length: int, limit: int) -> str:
    """«Họ và tên» dài 2.000 ký tự; tối đa 120 ký tự: hãy rút gọn."""
    return tr(
        "validation",
        "«{label}» dài {length} ký tự; tối đa {limit} ký tự: hãy rút gọn.",
        label=field_label(spec),
        length=count_text(length),
        limit=count_text(limit),
    )


def problem_message(spec: FieldSpec, problem: ValueProblem, value: Any) -> str:
    """What is wrong with ``value`` of ``spec`` and how to fix it, naming the field."""
    code, params, label = problem.code, problem.params, field_label(spec)
    if code == field_rules.TOO_LONG:
        return length_message(spec, int(params["length"]), int(params["limit"]))
    if code == field_rules.NOT_A_PHONE:
        return tr(
            "validation",
            "«{label}» «{value}» không phải số điện thoại: hãy nhập từ {minimum} đến {maximum} "
            "chữ số (có thể cách nhau bằng dấu cách, dấu chấm, gạch ngang hoặc ngoặc đơn, có "
            "thể có dấu + ở đầu), ví dụ 0905 123 456 hoặc +84 905 123 456.",
            label=label,
            value=value,
            **params,
        )
    if code == field_rules.LONE_SURROGATE:
        return tr(
            "validation",
            "«{label}» có ký tự hỏng, không phải chữ Unicode hợp lệ (thường do dán từ một phần "
            "mềm khác): hãy xóa đoạn chữ đó rồi gõ lại.",
            label=label,
        )
    if code == field_rules.NUL_CHARACTER:
        return tr(
            "validation",
            "«{label}» có ký tự rỗng (NUL) không lưu được (thường do dán từ một phần mềm khác): "
            "hãy xóa đoạn chữ đó rồi gõ lại.",
            label=label,
        )
    if code == field_rules.OUT_OF_RANGE:
        if params["minimum"] == 0 and isinstance(value, int) and value < 0:
            return tr(
                "validation",
                "«{label}» không được là số âm: hãy nhập 0 hoặc lớn hơn.",
                label=label,
            )
        return tr(
            "validation",
            "«{label}» phải là số từ {minimum} đến {maximum}: hãy nhập một số trong khoảng này.",
            label=label,
            **params,
        )
    if code == field_rules.NOT_FINITE:
        return tr(
            "validation",
            "«{label}» phải là một số cụ thể (không phải vô cực hay NaN): hãy nhập một số, ví "
            "dụ 12,5.",
            label=label,
        )
    if code == field_rules.TOO_DEEP:
        return tr(
            "validation",
            "«{label}» lồng nhau quá {limit} tầng, không lưu được: hãy chọn lại từ danh sách.",
            label=label,
            **params,
        )
    if code == field_rules.TOO_BIG:
        return tr(
            "validation",
            "«{label}» quá lớn (quá {limit} ký tự và giá trị): hãy bỏ bớt mục trong danh sách.",
            label=label,
            **params,
        )
    if code == field_rules.NOT_AN_ID:
        return tr(
            "validation",
            "«{label}» không phải mã hồ sơ hợp lệ: hãy chọn lại từ danh sách.",
            label=label,
        )
    return _unreadable(spec, value)
