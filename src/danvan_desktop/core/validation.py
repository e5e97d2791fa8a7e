"""Field coercion and record validation, with messages that name the field and the fix.

The store calls ``prepare()`` before it writes anything: a record that fails
raises ``ValidationError`` carrying every problem, and nothing is written.
``coerce_fields`` turns what a form or the server sends into stored values and
holds each one to ``core.field_rules`` (the rules the server applies too), so a
value the store or the server could not keep is refused before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core import field_rules
from danvan_desktop.core.errors import FieldProblem, PermissionDeniedError, ValidationError
from danvan_desktop.core.field_rules import ValueProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.model_status import check_transition
from danvan_desktop.core.schema import EntitySpec, FieldSpec
from danvan_desktop.core.vntext import normalize_text
from danvan_desktop.core.vocab import FIELD_CHOICES, ROLES, label

# (entity, start field, end field): the end may not come before the start.
ORDERED_PAIRS = (
    ("model", "start_date", "end_date"),
    ("meeting", "starts_at", "ends_at"),
    ("member", "term_start", "term_end"),
)

# Counts that cannot be negative, by entity.
NON_NEGATIVE = {
    "vote": ("in_favour", "against", "abstain"),
    "meeting": ("households_total", "households_represented"),
}
HOUSEHOLD_FIELDS = NON_NEGATIVE["meeting"]


@dataclass
class ValidationContext:
    """What validation needs from outside core: lookups passed in by the store."""

    role: str = "team"
    commune_exists: Callable[[int, int], bool] | None = None
    parent: Mapping[str, Any] | None = None  # the owning record, when the entity has one
    extra: dict[str, Any] = field(default_factory=dict)


def _label(spec: FieldSpec) -> str:
    return tr("fields", spec.label)


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
            problems.append(FieldProblem(name, _rule_message(spec, broken)))
        except (ValueError, TypeError, OverflowError, RecursionError):
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "validation",
                        "«{label}» không hợp lệ ({value}): {hint}.",
                        label=_label(spec),
                        value=value,
                        hint=_kind_hint(spec),
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    return out


def _rule_message(spec: FieldSpec, broken: _RuleBroken) -> str:
    """What is wrong with a value and how to fix it, naming the field."""
    code, params, label = broken.problem.code, broken.problem.params, _label(spec)
    if code == field_rules.TOO_LONG:
        return tr(
            "validation",
            "«{label}» dài {length} ký tự, quá giới hạn {limit}: hãy rút gọn.",
            label=label,
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
        if params["minimum"] == 0 and isinstance(broken.value, int) and broken.value < 0:
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
    return tr(
        "validation",
        "«{label}» không hợp lệ ({value}): {hint}.",
        label=label,
        value=broken.value,
        hint=_kind_hint(spec),
    )


def validate_record(
    entity: EntitySpec,
    record: Mapping[str, Any],
    *,
    before: Mapping[str, Any] | None,
    changed: set[str],
    context: ValidationContext,
) -> None:
    """Check the whole record as it would be saved; raise with every problem found."""
    _check_ownership(entity, changed, context.role)
    problems: list[FieldProblem] = []
    for spec in entity.fields:
        value = record.get(spec.name)
        if spec.required and (value is None or value == ""):
            problems.append(
                FieldProblem(
                    spec.name,
                    tr(
                        "validation",
                        "«{label}» không được để trống: hãy nhập {label_lower}.",
                        label=_label(spec),
                        label_lower=_label(spec).lower(),
                    ),
                )
            )
        elif spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
            problems.append(
                FieldProblem(
                    spec.name,
                    tr(
                        "validation",
                        "«{label}» dài {length} ký tự, quá giới hạn {limit}: hãy rút gọn.",
                        label=_label(spec),
                        length=len(value),
                        limit=spec.max_length,
                    ),
                )
            )
        choices = FIELD_CHOICES.get((entity.name, spec.name))
        if choices and value is not None and value not in choices:
            problems.append(
                FieldProblem(
                    spec.name,
                    tr(
                        "validation",
                        "«{label}» không hợp lệ ({value}): hãy chọn một trong {choices}.",
                        label=_label(spec),
                        value=value,
                        choices=", ".join(f"«{label(choices, c)}»" for c in choices),
                    ),
                )
            )
    problems += _ordered_pairs(entity, record)
    problems += _entity_rules(entity, record, context, changed)
    if problems:
        raise ValidationError(problems)
    if entity.name == "model" and "status" in changed:
        check_transition(before.get("status") if before else None, record["status"], context.role)


def _locked_minutes(
    entity: EntitySpec, record: Mapping[str, Any], context: ValidationContext
) -> list[FieldProblem]:
    """Final minutes are locked: a correction makes a new version. Tasks stay open to
    follow-up (marking them done is the point of having them)."""
    locked = False
    if entity.name == "meeting":
        locked = context.extra.get("before_state") == "final"
    elif entity.parent == "meeting_id" and entity.name != "task" and context.parent:
        locked = context.parent.get("state") == "final"
    if not locked:
        return []
    return [
        FieldProblem(
            "state",
            tr(
                "validation",
                "Biên bản đã hoàn tất và bị khóa: hãy tạo bản đính chính để sửa nội dung.",
            ),
        )
    ]


def _check_ownership(entity: EntitySpec, changed: set[str], role: str) -> None:
    """A team never edits a reviewer's fields, and a reviewer never edits the team's."""
    for name in sorted(changed):
        try:
            spec = entity.field(name)
        except KeyError:
            continue
        if spec.owner == "system" or spec.name == "status":
            continue
        if spec.owner != role:
            raise PermissionDeniedError(
                tr(
                    "validation",
                    "«{label}» do {owner} ghi, {role} không được sửa: hãy để nguyên mục này.",
                    label=_label(spec),
                    owner=label(ROLES, spec.owner),
                    role=label(ROLES, role),
                )
            )


def _ordered_pairs(entity: EntitySpec, record: Mapping[str, Any]) -> list[FieldProblem]:
    problems = []
    for name, start, end in ORDERED_PAIRS:
        if name != entity.name:
            continue
        a, b = record.get(start), record.get(end)
        if a and b and str(b) < str(a):
            problems.append(
                FieldProblem(
                    end,
                    tr(
                        "validation",
                        "«{end}» ở trước «{start}»: hãy chọn {end_lower} từ {start_lower} "
                        "trở về sau.",
                        end=_label(entity.field(end)),
                        start=_label(entity.field(start)),
                        end_lower=_label(entity.field(end)).lower(),
                        start_lower=_label(entity.field(start)).lower(),
                    ),
                )
            )
    return problems


def _entity_rules(
    entity: EntitySpec, record: Mapping[str, Any], context: ValidationContext, changed: set[str]
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if entity.name == "task" and context.parent and record.get("deadline"):
        meeting_day = str(context.parent.get("starts_at") or "")[:10]
        if meeting_day and str(record["deadline"]) < meeting_day:
            problems.append(
                FieldProblem(
                    "deadline",
                    tr(
                        "validation",
                        "«Thời hạn» ở trước ngày họp {day}: hãy chọn thời hạn từ ngày họp trở "
                        "về sau.",
                        day=dt.date.fromisoformat(meeting_day).strftime("%d/%m/%Y"),
                    ),
                )
            )
    if entity.name == "unit" and record.get("commune_code") is not None:
        exists = context.commune_exists
        if exists and not exists(int(record["province_code"]), int(record["commune_code"])):
            problems.append(
                FieldProblem(
                    "commune_code",
                    tr(
                        "validation",
                        "«Mã xã, phường» {code} không có trong danh mục đơn vị hành chính của "
                        "tỉnh, thành phố đã chọn: hãy chọn xã, phường từ danh sách.",
                        code=record["commune_code"],
                    ),
                )
            )
    if entity.name == "model" and "field_code" in changed:
        codes = context.extra.get("model_field_codes")
        if codes is not None and record["field_code"] not in codes:
            problems.append(
                FieldProblem(
                    "field_code",
                    tr(
                        "validation",
                        "«Lĩnh vực» «{value}» không có trong danh mục lĩnh vực: hãy chọn một "
                        "lĩnh vực trong danh sách.",
                        value=record["field_code"],
                    ),
                )
            )
    problems += _locked_minutes(entity, record, context)
    return problems + count_problems(entity, record)


def count_problems(entity: EntitySpec, record: Mapping[str, Any]) -> list[FieldProblem]:
    """Negative counts, and more households represented at a meeting than the village has
    (the meeting form checks this as the counts are typed, with the same messages)."""
    problems = []
    for name in NON_NEGATIVE.get(entity.name, ()):
        if (record.get(name) or 0) < 0:
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "validation",
                        "«{label}» không được là số âm: hãy nhập 0 hoặc lớn hơn.",
                        label=_label(entity.field(name)),
                    ),
                )
            )
    if entity.name != "meeting" or problems:
        return problems
    total, represented = record.get("households_total"), record.get("households_represented")
    if total is None or represented is None or represented <= total:
        return []
    return [
        FieldProblem(
            "households_represented",
            tr(
                "validation",
                "«{represented_label}» ({represented}) lớn hơn «{total_label}» ({total}): hãy "
                "sửa để số hộ dự họp không vượt quá tổng số hộ.",
                represented_label=_label(entity.field("households_represented")),
                represented=represented,
                total_label=_label(entity.field("households_total")),
                total=total,
            ),
        )
    ]
