"""What one field value may be, by its kind: one definition for the laptop and the server.

The laptop checks every value before it saves a record and before it applies a
pulled record or a bundle reply (``core.validation.coerce_fields``); the server
checks every value of a pushed operation before the operation joins a write
(``danvan_server.checks.value_problem``). A value that passes here can be stored
by both: SQLite's 64-bit integers and UTF-8 text, PostgreSQL's text (no NUL),
and JSON that every side can read back.

The rules, by ``FieldSpec.kind`` (null is always allowed; required fields are the
record's business, not the value's):

- ``text``, ``long_text``: a string of Unicode scalar values (no lone surrogate
  U+D800–U+DFFF) without NUL (U+0000), within ``max_length`` characters once in NFC;
- ``int``: an int (not a bool) within signed 64 bits and the field's domain
  (``INT_DOMAINS``: years, counts);
- ``real``: a finite number within the range of a float;
- ``bool``: true or false (or 0 and 1, as SQLite stores them);
- ``date``: a calendar date written ``YYYY-MM-DD`` (years 1 to 9999);
- ``datetime``: such a date, ``T`` or a space, ``HH:MM``, optional seconds and
  fraction and UTC offset, naming a real moment;
- ``ref``: a record id (1–64 letters, digits, ``.``, ``_``, ``:`` or ``-``);
- ``json``: any JSON value whose strings (keys too) are valid text, whose numbers
  are as above (integers 64-bit, reals finite), nested at most ``JSON_MAX_DEPTH``
  containers deep and at most ``JSON_MAX_SIZE`` in size. Between laptop and server a
  ``json`` field travels as its JSON text, read before these rules (``wire_problem``).

Format rules (``TEXT_FORMATS``, by field name: a phone number) are of another
sort: the laptop applies them when a user saves a changed value
(``format_problem``, from ``core.validation``), never to a value it pulls, and the
server does not refuse them. Records kept or pushed by earlier releases, which had
no such rule, then still sync and pull; such a value is shown and can be corrected,
and only a new bad value typed on the laptop is refused. A phone number
(``phone_problem``) is ``PHONE_DIGITS`` (8–15) digits, which may be grouped with
spaces, dots, dashes or brackets, with an optional ``+`` first (``+84 …``): a
mobile number (0905 123 456), a landline with its area code ((0234) 3822 123), a
1800/1900 line (1800 1091) or a number abroad (E.164 allows 15 digits).

A problem is returned as a ``ValueProblem`` (a code and its numbers), never as
text: the laptop words it with ``tr()`` and the server with ``say()``, each in
the language of its reader.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.schema import FieldSpec

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
JSON_MAX_DEPTH = 16  # containers inside containers; what the app writes is 1 or 2 deep
JSON_MAX_SIZE = 65_536  # characters of text plus one per value (keys count as text)

# Domains of integer fields, by field name (the schema gives each of these names one
# meaning in every entity that has it): (smallest, largest).
YEAR = (1, 9999)
COUNT = (0, INT64_MAX)
INT_DOMAINS: dict[str, tuple[int, int]] = {
    "year": YEAR,
    "number_year": YEAR,
    "in_favour": COUNT,
    "against": COUNT,
    "abstain": COUNT,
    "households_total": COUNT,
    "households_represented": COUNT,
    "size": COUNT,
    "meeting_day": (1, 31),  # the day of the month (of the last month of a quarter)
    "backup_keep": (1, 100),  # laptop settings (core/laptop_settings.py)
    "backup_interval_hours": (1, 24 * 30),
    "petition_answer_days": (1, 365),  # days the body a petition went to has to answer
    "birth_year": (1900, 2100),  # a member's (core/schema.py)
}
PHONE_DIGITS = (8, 15)

# Problem codes.
WRONG_TYPE = "wrong_type"  # params: kind
LONE_SURROGATE = "lone_surrogate"
NUL_CHARACTER = "nul_character"
TOO_LONG = "too_long"  # params: length, limit
OUT_OF_RANGE = "out_of_range"  # params: minimum, maximum
NOT_FINITE = "not_finite"
NOT_A_DATE = "not_a_date"
NOT_A_DATETIME = "not_a_datetime"
NOT_AN_ID = "not_an_id"
TOO_DEEP = "too_deep"  # params: limit
TOO_BIG = "too_big"  # params: limit
NOT_A_PHONE = "not_a_phone"  # params: minimum, maximum (digits)

TEXT_KINDS = ("text", "long_text")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
_PHONE = re.compile(r"\+?[0-9 .()-]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?"
)


@dataclass(frozen=True)
class ValueProblem:
    """Why a value cannot be stored: a code (see above) and the numbers its message needs."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def is_valid_id(value: object) -> bool:
    """True for record ids: 1–64 letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def int_domain(spec: FieldSpec) -> tuple[int, int]:
    """The smallest and largest value an ``int`` field may hold."""
    return INT_DOMAINS.get(spec.name, (INT64_MIN, INT64_MAX))


def value_problem(spec: FieldSpec, value: Any) -> ValueProblem | None:
    """Why ``value`` cannot be stored in ``spec`` (None when it can; null always can)."""
    if value is None:
        return None
    kind = spec.kind
    if kind in TEXT_KINDS:
        if not isinstance(value, str):
            return ValueProblem(WRONG_TYPE, {"kind": kind})
        return text_problem(value, spec.max_length)
    if kind == "int":
        if not _is_int(value):
            return ValueProblem(WRONG_TYPE, {"kind": kind})
        return _range_problem(value, *int_domain(spec))
    if kind == "real":
        return _real_problem(value)
    if kind == "bool":
        ok = isinstance(value, bool) or (_is_int(value) and value in (0, 1))
        return None if ok else ValueProblem(WRONG_TYPE, {"kind": kind})
    if kind in ("date", "datetime", "ref"):
        return _formatted_problem(kind, value)
    if kind == "json":
        return json_problem(value)
    return ValueProblem(WRONG_TYPE, {"kind": kind})


def wire_problem(spec: FieldSpec, value: Any) -> ValueProblem | None:
    """Why ``value``, as an operation or a pulled record carries it, cannot be stored.

    A ``json`` field travels as its JSON text (the form the laptop stores and sends): a
    string there is read as JSON first, as the laptop reads it when it applies a pull
    (``core.validation``), then held to the rules; text that is no JSON is refused. So
    the server never applies a value that every laptop would keep aside.
    """
    if spec.kind == "json" and isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return ValueProblem(WRONG_TYPE, {"kind": "json"})
    return value_problem(spec, value)


def text_problem(value: str, max_length: int | None = None) -> ValueProblem | None:
    """Why a string is not storable text (None when it is); its length counted in NFC."""
    if "\x00" in value:
        return ValueProblem(NUL_CHARACTER)
    try:
        value.encode("utf-8")  # fails on a lone surrogate, and is quicker than a search
    except UnicodeEncodeError:
        return ValueProblem(LONE_SURROGATE)
    if max_length is not None:
        length = len(nfc(value))  # NFC may be longer or shorter than what was sent
        if length > max_length:
            return ValueProblem(TOO_LONG, {"length": length, "limit": max_length})
    return None


def json_problem(value: Any) -> ValueProblem | None:
    """Why a JSON value cannot be stored (None when it can)."""
    size = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        size += 1
        if isinstance(item, str):
            size += len(item)
            problem = text_problem(item)
        elif isinstance(item, bool) or item is None:
            problem = None
        elif isinstance(item, int):
            problem = _range_problem(item, INT64_MIN, INT64_MAX)
        elif isinstance(item, float):
            problem = _real_problem(item)
        elif isinstance(item, list | dict):
            problem = _container_problem(item, depth + 1, stack)
        else:
            problem = ValueProblem(WRONG_TYPE, {"kind": "json"})
        if problem is None and size > JSON_MAX_SIZE:
            problem = ValueProblem(TOO_BIG, {"limit": JSON_MAX_SIZE})
        if problem is not None:
            return problem
    return None


def phone_problem(value: str) -> ValueProblem | None:
    """Why ``value`` is not a phone number (None when it is): see the module's notes."""
    text = value.strip()
    digits = sum(1 for char in text if "0" <= char <= "9")
    low, high = PHONE_DIGITS
    if _PHONE.fullmatch(text) is None or not low <= digits <= high:
        return ValueProblem(NOT_A_PHONE, {"minimum": low, "maximum": high})
    return None


# Format rules of text fields, by field name: checked on the laptop when a changed value
# is saved, never on a pull or a push (see the module's notes).
TEXT_FORMATS: dict[str, Callable[[str], ValueProblem | None]] = {
    "phone": phone_problem,
    "contact_phone": phone_problem,  # a model's contact on its network card (schema 15)
}


def format_problem(spec: FieldSpec, value: Any) -> ValueProblem | None:
    """Why a text value breaks its field's format rule (None when it keeps it, or has none)."""
    check = TEXT_FORMATS.get(spec.name)
    if check is None or spec.kind not in TEXT_KINDS or not isinstance(value, str):
        return None
    return check(value)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (the same string when it already is)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalized(spec: FieldSpec, value: Any) -> Any:
    """A storable value in its canonical form: text (and the text inside JSON) in NFC."""
    if isinstance(value, str) and spec.kind in TEXT_KINDS:
        return nfc(value)
    if spec.kind == "json" and value is not None:
        return _nfc_json(value)
    return value


def _nfc_json(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_json(item) for item in value]
    if isinstance(value, dict):
        return {nfc(key): _nfc_json(item) for key, item in value.items()}
    return value


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _range_problem(value: int, minimum: int, maximum: int) -> ValueProblem | None:
    if minimum <= value <= maximum:
        return None
    return ValueProblem(OUT_OF_RANGE, {"minimum": minimum, "maximum": maximum})


def _real_problem(value: Any) -> ValueProblem | None:
    if isinstance(value, float):
        return None if math.isfinite(value) else ValueProblem(NOT_FINITE)
    if _is_int(value):
        # Stored as a float on the laptop: it must have one.
        return None if abs(value) <= sys.float_info.max else ValueProblem(NOT_FINITE)
    return ValueProblem(WRONG_TYPE, {"kind": "real"})


def _formatted_problem(kind: str, value: Any) -> ValueProblem | None:
    if not isinstance(value, str):
        return ValueProblem(WRONG_TYPE, {"kind": kind})
    if kind == "ref":
        return None if is_valid_id(value) else ValueProblem(NOT_AN_ID)
    if kind == "date":
        ok = _DATE.fullmatch(value) is not None and _parses(dt.date, value)
        return None if ok else ValueProblem(NOT_A_DATE)
    ok = _DATETIME.fullmatch(value) is not None and _parses(dt.datetime, value)
    return None if ok else ValueProblem(NOT_A_DATETIME)


def _parses(kind: type[dt.date], value: str) -> bool:
    try:
        kind.fromisoformat(value)
    except ValueError:
        return False
    return True


def _container_problem(
    item: list[Any] | dict[Any, Any], depth: int, stack: list[tuple[Any, int]]
) -> ValueProblem | None:
    if depth > JSON_MAX_DEPTH:
        return ValueProblem(TOO_DEEP, {"limit": JSON_MAX_DEPTH})
    if isinstance(item, list):
        stack.extend((child, depth) for child in item)
        return None
    for key, child in item.items():
        if not isinstance(key, str):
            return ValueProblem(WRONG_TYPE, {"kind": "json"})
        stack.append((key, depth))
        stack.append((child, depth))
    return None
