"""The every-field walk's table for exemplars and commendations: the exemplar form, the
proposal, the decision and the checklist, each opened from the exemplars page as a user
opens it (select the row, press the button). See field_walk.py for the table's shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.schema import COMMENDATION, EXEMPLAR

from .field_cases import REFUSED, Case, replace_text, text_cases
from .field_walk import SAVE, Field, Form, Opened, Walk, json_list, record
from .helpers import WAIT_MS


# -- exemplars and commendations (opened from their page, as a user does) ---------------
@dataclass
class ExemplarCtx:
    """The exemplars page and the exemplar a field is walked on."""

    page: Any
    exemplar_id: str = ""


def _new_exemplar(session: Any) -> str:
    return str(
        session.save_exemplar(
            kind="individual", name="Lê Thị Hoa", position="Tổ viên", year=2026
        ).record_id
    )


def _exemplars_page(walk: Walk, fld: Field | None) -> ExemplarCtx:
    from danvan_desktop.ui.exemplars.exemplars_page import ExemplarsPage

    exemplar_id = str(walk.call(_new_exemplar))
    page = ExemplarsPage(walk.runner, walk.bus, clock=lambda: dt.date(2026, 12, 1))
    walk.show(page, loaded=page.loaded, size=(1300, 700))
    return ExemplarCtx(page, exemplar_id)


def _select_exemplar(walk: Walk, page: Any, exemplar_id: str) -> None:
    year = walk.call(lambda s: s.get_record("exemplar", exemplar_id)["year"])
    with walk.qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show_year(int(year))
    rows = [i for i, r in enumerate(page.table_model.rows) if r["id"] == exemplar_id]
    assert rows, f"the exemplar is not listed under {year}: it cannot be opened again"
    page.table.selectRow(rows[0])


def _exemplar_open(walk: Walk, ctx: ExemplarCtx) -> Opened:
    _select_exemplar(walk, ctx.page, ctx.exemplar_id)
    dialog = walk.dialog_from(ctx.page.dialog_opened, ctx.page.edit_button.click)
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.buttons.button(SAVE)),
        record("exemplar", ctx.exemplar_id),
        ("exemplar",),
        lambda: walk.dismiss(dialog),
    )


def _proposal_open(walk: Walk, ctx: ExemplarCtx) -> Opened:
    _select_exemplar(walk, ctx.page, ctx.exemplar_id)
    dialog = walk.dialog_from(ctx.page.dialog_opened, ctx.page.propose_button.click)
    exemplar_id = ctx.exemplar_id

    def read(session: Any, _field: Field) -> Mapping[str, Any] | None:
        rows = session.list_records("commendation", where="exemplar_id = ?", params=[exemplar_id])
        return rows[-1] if rows else None

    return Opened(
        dialog,
        lambda _f: walk.click(dialog.buttons.button(SAVE)),
        read,
        ("commendation",),
        lambda: walk.dismiss(dialog),
    )


def _decision_open(walk: Walk, ctx: ExemplarCtx) -> Opened:
    def proposed(session: Any) -> tuple[str, str]:
        exemplar_id = _new_exemplar(session)
        result = session.propose_commendation(
            exemplar_id, form="Giấy khen", level="phường", ticked=[]
        )
        return exemplar_id, str(result.record_id)

    exemplar_id, commendation_id = walk.call(proposed)
    _select_exemplar(walk, ctx.page, exemplar_id)
    dialog = walk.dialog_from(ctx.page.dialog_opened, ctx.page.decide_button.click)
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.buttons.button(SAVE)),
        record("commendation", commendation_id),
        ("commendation",),
        lambda: walk.dismiss(dialog),
    )


def _decision_prefill(opened: Opened, fld: Field) -> None:
    dialog = opened.root
    for key, widget, value in (
        ("decision_number", dialog.number, "125-QĐ/ĐU"),
        ("decided_by", dialog.decided_by, "Đảng ủy phường Phú Xuân"),
    ):
        if fld.key != key:
            replace_text(widget, value)


def _criteria_open(walk: Walk, ctx: ExemplarCtx) -> Opened:
    dialog = walk.dialog_from(ctx.page.dialog_opened, ctx.page.criteria_button.click)

    def read(session: Any, _field: Field) -> Mapping[str, Any]:
        first = session.commendation_criteria()[0]
        return {"text": first.text, "points": first.points}

    return Opened(
        dialog,
        lambda _f: walk.click(dialog.buttons.button(SAVE)),
        read,
        ("settings",),
        lambda: walk.dismiss(dialog),
    )


def _criterion_codes(value: Any) -> Any:
    return [c["code"] for c in json_list(value) or []]


def exemplar_forms() -> tuple[Form, ...]:
    """The exemplar, proposal, decision and checklist dialogs."""
    from danvan_desktop.ui.exemplars import commendation_dialogs, exemplar_dialog

    exemplar = EXEMPLAR.field
    commendation = COMMENDATION.field
    needed = {"required": True}  # the decision needs all three (store/commendation.py)
    return (
        Form(
            exemplar_dialog.ExemplarDialog,
            _exemplars_page,
            _exemplar_open,
            (
                Field("kind", "choice", lambda d: d.kind),
                Field("name", "text", lambda d: d.name, exemplar("name")),
                Field("position", "text", lambda d: d.position, exemplar("position")),
                Field("year", "int", lambda d: d.year, exemplar("year"), typical=2026),
                Field("achievement", "long_text", lambda d: d.achievement, exemplar("achievement")),
                Field("linked_model_ids", "ticks", lambda d: d.models, value_of=json_list),
                Field("linked_meeting_ids", "ticks", lambda d: d.meetings, value_of=json_list),
            ),
        ),
        Form(
            commendation_dialogs.ProposalDialog,
            _exemplars_page,
            _proposal_open,
            (
                Field("form", "text", lambda d: d.form, commendation("form")),
                Field("level", "text", lambda d: d.level, commendation("level")),
                Field(
                    "achievement", "long_text", lambda d: d.achievement, commendation("achievement")
                ),
                Field("criteria", "ticks", lambda d: d.criteria, value_of=_criterion_codes),
            ),
        ),
        Form(
            commendation_dialogs.DecisionDialog,
            _exemplars_page,
            _decision_open,
            (
                Field(
                    "decision_number",
                    "text",
                    lambda d: d.number,
                    commendation("decision_number"),
                    **needed,
                ),
                Field(
                    "decision_date",
                    "date",
                    lambda d: d.date,
                    commendation("decision_date"),
                    **needed,
                ),
                Field(
                    "decided_by",
                    "text",
                    lambda d: d.decided_by,
                    commendation("decided_by"),
                    **needed,
                ),
                Field("form", "text", lambda d: d.form, commendation("form")),
                Field("level", "text", lambda d: d.level, commendation("level")),
            ),
            _decision_prefill,
        ),
        Form(
            commendation_dialogs.CriteriaDialog,
            _exemplars_page,
            _criteria_open,
            (
                # An emptied row is a criterion removed (store/commendation.py), not a value.
                Field(
                    "text",
                    "text",
                    lambda d: d.table,
                    cell=0,
                    error=lambda d: d.message,
                    cases=lambda _ctx: text_cases(None, True)[:-1],
                ),
                Field(
                    "points",
                    "real",
                    lambda d: d.table,
                    cell=1,
                    required=True,
                    error=lambda d: d.message,
                    extra=lambda _ctx: [Case("-1 (below zero)", "-1", REFUSED)],
                ),
            ),
        ),
    )
