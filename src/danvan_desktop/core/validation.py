"""Record validation, with messages that name the field and the fix.

The store calls ``validate_record`` before it writes anything: a record that fails
raises ``ValidationError`` carrying every problem, and nothing is written. Values
are first turned into their stored forms and held to ``core.field_rules`` by
``core.coercion.coerce_fields`` (re-exported here); format rules (a phone number)
and a meeting's counts (``core.meeting_rules``) are checked here, on the laptop,
when a user saves a changed value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core import field_rules
from danvan_desktop.core.coercion import (
    coerce_fields,
    field_label,
    length_message,
    parse_date,
    parse_datetime,
    problem_message,
)
from danvan_desktop.core.community_rules import community_problems
from danvan_desktop.core.errors import FieldProblem, PermissionDeniedError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.meeting_rules import (
    HOUSEHOLD_FIELDS,
    NON_NEGATIVE,
    VOTE_COUNTS,
    count_problems,
    vote_ceiling,
    vote_problems,
)
from danvan_desktop.core.model_contact import contact_problems
from danvan_desktop.core.model_status import check_transition
from danvan_desktop.core.review_rules import cutoff_problems
from danvan_desktop.core.schema import EntitySpec, FieldSpec
from danvan_desktop.core.vocab import FIELD_CHOICES, ROLES, label

__all__ = [
    "HOUSEHOLD_FIELDS",
    "NON_NEGATIVE",
    "ORDERED_PAIRS",
    "ValidationContext",
    "coerce_fields",
    "count_problems",
    "parse_date",
    "parse_datetime",
    "validate_record",
]

# (entity, start field, end field): the end may not come before the start.
ORDERED_PAIRS = (
    ("model", "start_date", "end_date"),
    ("meeting", "starts_at", "ends_at"),
    ("member", "term_start", "term_end"),
    ("meeting", "covers_from", "covers_to"),  # the period a review covers
)
PEOPLE_PRESENT = "people_present"  # ValidationContext.extra: present at a vote's meeting


@dataclass
class ValidationContext:
    """What validation needs from outside core: lookups passed in by the store."""

    role: str = "team"
    commune_exists: Callable[[int, int], bool] | None = None
    parent: Mapping[str, Any] | None = None  # the owning record, when the entity has one
    extra: dict[str, Any] = field(default_factory=dict)


def _label(spec: FieldSpec) -> str:
    return field_label(spec)


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
                FieldProblem(spec.name, length_message(spec, len(value), spec.max_length))
            )
        elif spec.name in changed and (format_broken := field_rules.format_problem(spec, value)):
            problems.append(FieldProblem(spec.name, problem_message(spec, format_broken, value)))
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
    problems += community_problems(entity.name, record)
    problems += cutoff_problems(entity.name, record, changed)
    problems += contact_problems(entity.name, record, changed)
    problems += count_problems(entity, record)
    return problems + _vote_problems(entity, record, context, changed)


def _vote_problems(
    entity: EntitySpec, record: Mapping[str, Any], context: ValidationContext, changed: set[str]
) -> list[FieldProblem]:
    """A vote whose counts are changed beyond the people (or households) present; a vote
    whose counts are left as they were (its subject corrected) is not held up here."""
    present = context.extra.get(PEOPLE_PRESENT)
    if entity.name != "vote" or context.parent is None or present is None:
        return []
    if not changed.intersection(VOTE_COUNTS):
        return []
    return vote_problems(record, vote_ceiling(context.parent, int(present)))
