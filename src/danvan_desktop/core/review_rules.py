"""The rules of the regulation's cut-off days for half-year and year-end reviews.

Checked by ``core.validation`` before the store saves a regulation (on the laptop, when
a user changes one of them): each cut-off is a day of the year written "MM-DD" (15/6 is
"06-15"; 29/2 is refused, every year must have the day), and the half-year's comes
before the year's, so that the half-year review covers part of the year review's period.
The order of a meeting's covered period (``covers_from`` no later than ``covers_to``) is
one of ``core.validation.ORDERED_PAIRS``. What the days mean is in ``core/schedule.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schedule import Cutoffs, parse_cutoff
from danvan_desktop.core.schema import REGULATION

CUTOFF_FIELDS = ("half_year_cutoff", "year_cutoff")


def _label(name: str) -> str:
    return tr("fields", REGULATION.field(name).label)


def cutoff_problems(
    entity_name: str, record: Mapping[str, Any], changed: set[str]
) -> list[FieldProblem]:
    """What breaks the rules above in a regulation whose cut-offs were changed (none for
    other records, or when neither cut-off was changed: a pulled value is left as it is)."""
    if entity_name != "regulation" or not changed.intersection(CUTOFF_FIELDS):
        return []
    problems = []
    for name in CUTOFF_FIELDS:
        value = record.get(name)
        if value not in (None, "") and parse_cutoff(value) is None:
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "validation",
                        "«{label}» «{value}» không phải là một ngày trong năm: hãy nhập ngày "
                        "và tháng, ví dụ 15/6.",
                        label=_label(name),
                        value=value,
                    ),
                )
            )
    cutoffs = Cutoffs.of(record)  # an unset one is its default
    if not problems and cutoffs.half_year >= cutoffs.year:
        problems.append(
            FieldProblem(
                "half_year_cutoff",
                tr(
                    "validation",
                    "«{half}» phải trước «{year}» trong năm: hãy chọn lại ngày chốt số liệu "
                    "sơ kết 6 tháng.",
                    half=_label("half_year_cutoff"),
                    year=_label("year_cutoff"),
                ),
            )
        )
    return problems
