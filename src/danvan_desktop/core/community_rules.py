"""The rules that tie the fields of a petition or a mediation case together.

Checked by ``core.validation`` before the store saves either record (on the laptop,
like the other record rules): dates follow the course of the matter (a petition is
passed on no earlier than it was received and answered no earlier than it was passed
on, or received when it was not passed on; a case ends no earlier than it was
mediated), and what goes together is filled in together (the body and the day a
petition was passed on, the answer and its day, the outcome and its day; a case passed
on names the body that took it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from danvan_desktop.core.community_schema import MEDIATION, PETITION
from danvan_desktop.core.entity_spec import EntitySpec
from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr

# Dates in the order the matter goes; each one may not come before the nearest one
# filled in before it.
DATE_CHAINS: dict[str, tuple[str, ...]] = {
    "petition": ("received_on", "passed_on", "answered_on"),
    "mediation": ("mediated_on", "outcome_on"),
}
# Fields filled in together: (what, its day).
TOGETHER: dict[str, tuple[tuple[str, str], ...]] = {
    "petition": (("passed_to", "passed_on"), ("answer", "answered_on")),
    "mediation": (("outcome", "outcome_on"),),
}
_SPECS: dict[str, EntitySpec] = {"petition": PETITION, "mediation": MEDIATION}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _label(entity: EntitySpec, name: str) -> str:
    return tr("fields", entity.field(name).label)


def community_problems(entity_name: str, record: Mapping[str, Any]) -> list[FieldProblem]:
    """What breaks the rules above in a petition or mediation record (none for others)."""
    entity = _SPECS.get(entity_name)
    if entity is None:
        return []
    problems = _order_problems(entity, record, DATE_CHAINS[entity.name])
    for what, day in TOGETHER[entity.name]:
        if _empty(record.get(what)) != _empty(record.get(day)):
            missing, present = (what, day) if _empty(record.get(what)) else (day, what)
            problems.append(_missing(entity, missing, present))
    if record.get("outcome") == "passed_on" and _empty(record.get("passed_to")):
        problems.append(
            FieldProblem(
                "passed_to",
                tr(
                    "validation",
                    "«Nơi chuyển đến» còn trống: vụ việc đã chuyển cơ quan có thẩm quyền, hãy ghi "
                    "tên cơ quan, đơn vị đã nhận vụ việc.",
                ),
            )
        )
    return problems


def _order_problems(
    entity: EntitySpec, record: Mapping[str, Any], chain: tuple[str, ...]
) -> list[FieldProblem]:
    problems = []
    earlier: str | None = None
    for name in chain:
        value = record.get(name)
        if _empty(value):
            continue
        if earlier is not None and str(value) < str(record[earlier]):
            end, start = _label(entity, name), _label(entity, earlier)
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "validation",
                        "«{end}» ở trước «{start}»: hãy chọn {end_lower} từ {start_lower} "
                        "trở về sau.",
                        end=end,
                        start=start,
                        end_lower=end.lower(),
                        start_lower=start.lower(),
                    ),
                )
            )
        earlier = name
    return problems


def _missing(entity: EntitySpec, missing: str, present: str) -> FieldProblem:
    label = _label(entity, missing)
    return FieldProblem(
        missing,
        tr(
            "validation",
            "«{missing}» còn trống trong khi đã có «{present}»: hãy nhập {missing_lower}.",
            missing=label,
            present=_label(entity, present),
            missing_lower=label.lower(),
        ),
    )
