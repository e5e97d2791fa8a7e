"""``danvan add|list|delete petition|mediation``: residents' petitions and mediation cases.

    danvan add petition title=… received_on=2026-01-05 field_code=infrastructure \
        [--person "Lê Thị Hoa" …]
    danvan add mediation title=… dispute_kind=land mediated_on=2026-02-01 --person A --person B
    danvan list petition [--state waiting|overdue|answered]
    danvan list mediation [--state pending|settled|not_settled|passed_on]

A petition and its petitioners (``--person``: the full name of each), or a case and
its parties, are saved together, as the window saves them; ``delete`` removes the
people with the record. The list shows each one's day, its state (a petition's answer
due day too) and its title, or JSON with ``--json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vocab import MEDIATION_STATES, PETITION_STATES, label
from danvan_desktop.session import Result, Session

PENDING = "pending"


def add(session: Session, entity: str, fields: dict[str, Any], people: Sequence[str]) -> Result:
    """Save a new record, with ``people`` as its petitioners or parties when it has them."""
    persons = [{"full_name": name} for name in people]
    if entity == "petition":
        return session.save_petition(petitioners=persons or None, **fields)
    if entity == "mediation":
        return session.save_mediation(parties=persons or None, **fields)
    if people:
        raise ValidationError(
            [
                FieldProblem(
                    "person",
                    tr(
                        "cli",
                        "--person chỉ dùng cho petition (người kiến nghị) và mediation (các bên "
                        "hòa giải): hãy bỏ --person.",
                    ),
                )
            ]
        )
    return session.add_record(entity, **fields)


def delete(session: Session, entity: str, record_id: str) -> Result:
    """Delete a record; a petition or case with its people."""
    if entity == "petition":
        return session.delete_petition(record_id)
    if entity == "mediation":
        return session.delete_mediation(record_id)
    return session.delete_record(entity, record_id)


def list_rows(
    session: Session, entity: str, *, state: str | None, limit: int | None, as_json: bool
) -> None:
    """Print the petitions or cases, newest first (``state`` keeps one kind of them)."""
    states = PETITION_STATES if entity == "petition" else MEDIATION_STATES
    if state is not None and state not in states:
        raise ValidationError(
            [
                FieldProblem(
                    "state",
                    tr(
                        "cli",
                        "Không có tình trạng «{state}»: hãy chọn một trong {choices}.",
                        state=state,
                        choices=", ".join(states),
                    ),
                )
            ]
        )
    if entity == "petition":
        rows = session.petition_rows(state=state, limit=limit or 300)
    else:
        rows = session.mediation_rows(outcome=state, limit=limit or 300)
    if as_json:
        for row in rows:
            row["page_key"] = list(row["page_key"])
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        if entity == "petition":
            shown = label(PETITION_STATES, row["state"])
            print(f"{row['id']}\t{row['received_on']}\t{shown}\t{row['due_on']}\t{row['title']}")
        else:
            shown = label(MEDIATION_STATES, row["outcome"] or PENDING)
            print(f"{row['id']}\t{row['mediated_on']}\t{shown}\t{row['title']}")
