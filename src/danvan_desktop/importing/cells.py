"""A cell's value as the value of a field: what a spreadsheet holds, read the way a user means it.

- dates: a real date (Excel's date cells), an Excel serial number (a date cell whose
  format was lost: 45366 is 15/03/2024), or typed text read by
  ``core.vndate.parse_typed_date`` («15/3/2024», «15-03-2024», «15032024»);
- whole numbers: 2024 or 2024.0 (Excel keeps every number as a real) or «2024»;
- text: a number in a text field is written without «.0»; a phone number kept as a
  number has lost its leading zero (905123456), which is put back (``_lost_zero``);
- choices: a code, or its label folded («tổ phó», «TỔ PHÓ», «To pho» are «deputy»).

What cannot be read comes back as a ``FieldProblem`` naming the field and how to write
it; what can be read but breaks a rule is left to core's validation (``plan``), so its
words are those of every other path into the store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vndate import (
    FIRST_YEAR,
    LAST_YEAR,
    TypedProblem,
    parse_typed_date,
    short_date,
)
from danvan_desktop.core.vntext import fold_vietnamese

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel counts a 29/02/1900)
FIRST_SERIAL = 61  # 1900-03-01: before it Excel's count is off by its fictitious leap day
LAST_SERIAL = (dt.date(LAST_YEAR, 12, 31) - EXCEL_EPOCH).days
_SERIAL_TEXT = re.compile(r"\d{2,5}(?:[.,]0+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[.\s]\d{3})+")  # 1.000, 1 000
_PLAIN = re.compile(r"([+-]?\d+)(?:[.,]0+)?")  # 2024, 2024.0, 2024,0
PHONE_FIELDS = frozenset({"phone"})


class Unreadable(ValueError):
    """A cell that cannot be read as its field's value; ``problem`` says why."""

    def __init__(self, problem: FieldProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def number_text(value: float | int) -> str:
    """A number as text: «2024», not «2024.0»."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def text_value(name: str, value: Any) -> str | None:
    """A text field's value from a cell."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return short_date(value.date()) if value.time() == dt.time() else str(value)
    if isinstance(value, dt.date):
        return short_date(value)
    if _is_number(value):
        text = number_text(value)
    else:
        text = " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()
    if name in PHONE_FIELDS and _lost_zero(text):
        return "0" + text  # Excel dropped the leading zero of 0905 123 456
    return text or None


def _lost_zero(text: str) -> bool:
    """A phone number kept as a number: a mobile's 9 digits (905123456) or a landline's 10
    with its area code (2343822123); 1800 and 1900 lines have no leading zero."""
    if not text.isdigit() or text.startswith("0"):
        return False
    return len(text) == 9 or (len(text) == 10 and text.startswith("2"))


def date_from_serial(serial: float) -> dt.date | None:
    """The date of an Excel serial number (None outside 1/3/1900–31/12/2099)."""
    whole = int(serial)
    if not FIRST_SERIAL <= whole <= LAST_SERIAL:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=whole)


def _date_problem(label: str, problem: TypedProblem) -> str:
    p = problem
    if p.code == "no_year":
        return tr(
            "importing",
            "«{label}» «{text}» thiếu năm: hãy ghi đủ ngày/tháng/năm, ví dụ 15/03/2026.",
            label=label,
            text=p.text,
        )
    if p.code == "year_range":
        return tr(
            "importing",
            "«{label}» «{text}»: năm {year} không hợp lý; hãy ghi năm từ {first} đến {last}.",
            label=label,
            text=p.text,
            year=p.year,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    if p.code == "no_such_month":
        return tr(
            "importing",
            "«{label}» «{text}»: không có tháng {month}; tháng chỉ từ 1 đến 12 (ghi ngày trước, "
            "tháng sau).",
            label=label,
            text=p.text,
            month=p.month,
        )
    if p.code == "no_such_day":
        return tr(
            "importing",
            "«{label}» «{text}» không phải ngày có thật: tháng {month}/{year} chỉ có {last} ngày.",
            label=label,
            text=p.text,
            month=p.month,
            year=p.year,
            last=p.last_day,
        )
    return tr(
        "importing",
        "«{label}» «{text}» không phải là ngày: hãy ghi ngày/tháng/năm, ví dụ 15/03/2026.",
        label=label,
        text=p.text,
    )


def date_value(name: str, label: str, value: Any) -> dt.date | None:
    """A date field's value from a cell (``Unreadable`` when it is no date)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if _is_number(value):
        found = date_from_serial(float(value))
        if found is None:
            raise Unreadable(FieldProblem(name, _serial_problem(label, value)))
        return found
    text = str(value).strip()
    typed = parse_typed_date(text)
    if isinstance(typed, TypedProblem):
        if typed.code == "not_a_date" and _SERIAL_TEXT.fullmatch(text):
            found = date_from_serial(float(text.replace(",", ".")))
            if found is not None:
                return found
        raise Unreadable(FieldProblem(name, _date_problem(label, typed)))
    return typed


def _serial_problem(label: str, value: Any) -> str:
    return tr(
        "importing",
        "«{label}» «{value}» không phải là ngày: hãy định dạng ô là ngày hoặc ghi "
        "ngày/tháng/năm, ví dụ 15/03/2026.",
        label=label,
        value=number_text(value),
    )


def whole_value(value: Any) -> Any:
    """A whole number's value from a cell; text that is none is left for core to refuse."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.year
    if _is_number(value):
        return int(value) if float(value).is_integer() else value
    text = str(value).strip()
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[.\s]", "", text))
    plain = _PLAIN.fullmatch(text)
    return int(plain.group(1)) if plain else text


def year_value(name: str, label: str, value: Any) -> int | None:
    """A year from a cell: a year, a date, or a typed date (``Unreadable`` otherwise)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.year
    whole = whole_value(value)
    if isinstance(whole, int) and FIRST_YEAR <= whole <= LAST_YEAR:
        return whole
    found = date_value(name, label, value)
    return None if found is None else found.year


def choice_lookup(vocabulary: Mapping[str, str], translated: Mapping[str, str]) -> dict[str, str]:
    """Folded code, label and translated label -> code, for reading a choice."""
    table: dict[str, str] = {}
    for code, text in vocabulary.items():
        for written in (code, text, translated.get(code, text)):
            table.setdefault(fold_vietnamese(written), code)
    return table


def choice_value(lookup: Mapping[str, str], value: Any) -> Any:
    """A choice's code from a cell; an unknown one is left for core to refuse by name."""
    text = text_value("", value)
    if text is None:
        return None
    return lookup.get(fold_vietnamese(text), text)
