"""Shape checks on what laptops send: ids and field values by kind.

Everything is checked in Python before the database sees it, so a batch write
fails only for reasons outside the data (and then a per-operation retry isolates
the culprit). Required fields are not enforced here: the laptop validates a
record as a whole, and a laptop re-sending to a restored server may send only
the fields it changed.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any, TypeGuard

from danvan_desktop.core.schema import FieldSpec
from danvan_server.messages import say

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
_TEXT_KINDS = ("text", "long_text", "date", "datetime", "ref")


def is_valid_id(value: object) -> TypeGuard[str]:
    """True for ids the server stores: 1–64 letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _kind_ok(spec: FieldSpec, value: Any) -> bool:
    if spec.kind in _TEXT_KINDS:
        return isinstance(value, str)
    if spec.kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if spec.kind == "real":
        return (
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        )
    if spec.kind == "bool":
        return isinstance(value, bool) or value in (0, 1)
    return True  # json: any JSON value


def _format_ok(spec: FieldSpec, value: str) -> bool:
    try:
        if spec.kind == "date":
            date.fromisoformat(value)
        elif spec.kind == "datetime":
            datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


_EXPECTED = {
    "text": "văn bản",
    "long_text": "văn bản",
    "ref": "mã hồ sơ",
    "date": "ngày dạng YYYY-MM-DD",
    "datetime": "thời điểm dạng ISO 8601",
    "int": "số nguyên",
    "real": "số",
    "bool": "đúng hoặc sai",
}


def value_problem(spec: FieldSpec, value: Any, language: str) -> str | None:
    """Why ``value`` cannot be stored in ``spec`` (None when it can; null always can)."""
    if value is None:
        return None
    label = say(language, spec.label, context="fields")
    if not _kind_ok(spec, value) or (isinstance(value, str) and not _format_ok(spec, value)):
        expected = say(language, _EXPECTED.get(spec.kind, spec.kind))
        return say(
            language,
            "«{label}» ({field}) phải là {expected}.",
            label=label,
            field=spec.name,
            expected=expected,
        )
    if spec.max_length is not None and isinstance(value, str) and len(value) > spec.max_length:
        return say(
            language,
            "«{label}» ({field}) dài {length} ký tự, quá giới hạn {limit}: hãy rút gọn.",
            label=label,
            field=spec.name,
            length=len(value),
            limit=spec.max_length,
        )
    return None
