"""The every-field walk's table for the team's duties towards residents: the petition form
and its petitioners' rows, the mediation form and its parties' rows, each opened from
its page as a user opens it. See field_walk.py for the table's shape.

Fields that go with another (the body a petition went to and the day, the answer and
its day, a case's outcome and its day, the body a case passed on went to) are walked
with their partner filled in, so each is required there: left empty it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.community_schema import MEDIATION, MEDIATION_PARTY, PETITION, PETITIONER
from danvan_desktop.core.vocab import PARTY_SIDES, PETITION_RAISED_BY

from .field_cases import KEPT, Case, replace_text
from .field_walk import SAVE, Field, Form, Opened, Walk

PARTY = {"full_name": "Hồ Văn Bảy", "address": "Kiệt 4", "phone": "0905 222 333", "side": "first"}
RECEIVED = "2026-03-01"  # before the walk's day (15/03/2026), so every later day is after it
PARTNERS = {  # a field walked with its partner filled in: (partner widget, value)
    "passed_to": ("passed_on", "10/03/2026"),
    "passed_on": ("passed_to", "UBND phường Phú Xuân"),
    "answer": ("answered_on", "20/03/2026"),
    "answered_on": ("answer", "Phường đã giao đơn vị vệ sinh nạo vét xong."),
}


@dataclass
class RecordCtx:
    """The page a field is walked from and the record it edits."""

    page: Any
    record_id: str


def _show_page(walk: Walk, page: Any) -> Any:
    walk.show(page, loaded=page.loaded, size=(1300, 700))
    return page


# -- petitions ---------------------------------------------------------------------------
def _petition_prepare(walk: Walk, _field: Field | None) -> RecordCtx:
    from danvan_desktop.ui.petitions.petitions_page import PetitionsPage

    person = {"full_name": "Lê Thị Hoa", "address": "Kiệt 12", "phone": "0905 111 222"}
    record_id = walk.call(
        lambda s: str(
            s.save_petition(
                title="Đèn chiếu sáng kiệt 12 hỏng",
                received_on=RECEIVED,
                field_code="infrastructure",
                petitioners=[person],
            ).record_id
        )
    )
    return RecordCtx(_show_page(walk, PetitionsPage(walk.runner, walk.bus)), record_id)


def _record_dialog(walk: Walk, ctx: RecordCtx) -> Any:
    return walk.dialog_from(ctx.page.dialog_opened, lambda: ctx.page.open_record(ctx.record_id))


def _petition_open(walk: Walk, ctx: RecordCtx) -> Opened:
    dialog = _record_dialog(walk, ctx)
    record_id = ctx.record_id
    return Opened(
        dialog,
        lambda _f: walk.click(_save_button(dialog)),
        lambda session, _f: session.petition(record_id),
        ("petition", "petitioner"),
        lambda: walk.dismiss(dialog),
    )


def _petitioner_open(walk: Walk, ctx: RecordCtx) -> Opened:
    dialog = _record_dialog(walk, ctx)
    record_id = ctx.record_id

    def read(session: Any, _field: Field) -> Any:
        people = session.petition(record_id)["petitioners"]
        return people[0] if people else None

    return Opened(
        dialog.people,
        lambda _f: walk.click(_save_button(dialog)),
        read,
        ("petition", "petitioner"),
        lambda: walk.dismiss(dialog),
    )


def _save_button(dialog: Any) -> Any:
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(SAVE)


def _partner_prefill(opened: Opened, fld: Field) -> None:
    partner = PARTNERS.get(fld.key)
    if partner is not None:
        name, value = partner
        replace_text(getattr(opened.root, name), value)


def _raised_by(data: Any) -> Any:
    """The «(chưa ghi)» item is stored as nothing."""
    return data if data in PETITION_RAISED_BY else None


def _petition_fields() -> tuple[Field, ...]:
    spec = PETITION.field
    together = {"required": True}  # walked with its partner filled in
    return (
        Field("title", "text", lambda d: d.title, spec("title")),
        Field("details", "long_text", lambda d: d.details, spec("details")),
        Field("received_on", "date", lambda d: d.received_on, spec("received_on")),
        Field("field_code", "choice", lambda d: d.field_code),
        Field("raised_by", "choice", lambda d: d.raised_by, picked=_raised_by),
        Field("passed_to", "text", lambda d: d.passed_to, spec("passed_to"), **together),
        Field("passed_on", "date", lambda d: d.passed_on, spec("passed_on"), **together),
        Field("answer", "long_text", lambda d: d.answer, spec("answer"), **together),
        Field("answered_on", "date", lambda d: d.answered_on, spec("answered_on"), **together),
    )


def _side(data: Any) -> Any:
    """The «(chưa ghi)» item is stored as nothing."""
    return data if data in PARTY_SIDES else None


def _person_fields(spec: Any, *, side: bool) -> tuple[Field, ...]:
    def error(rows: Any) -> Any:
        return rows.rows[0].error

    found = (
        Field("full_name", "text", lambda p: p.rows[0].full_name, spec("full_name"), error=error),
        Field("address", "text", lambda p: p.rows[0].address, spec("address"), error=error),
        Field("phone", "phone", lambda p: p.rows[0].phone, spec("phone"), error=error),
    )
    if side:
        side_field = Field("side", "choice", lambda p: p.rows[0].side, error=error, picked=_side)
        found = (side_field, *found)
    return found


# -- mediation ---------------------------------------------------------------------------
def _mediation_prepare(walk: Walk, fld: Field | None) -> RecordCtx:
    from danvan_desktop.ui.mediations.mediations_page import MediationsPage

    # the outcome's walk ends passed on: the body it goes to is written already
    passed_to = "Công an phường Phú Xuân" if fld is not None and fld.key == "outcome" else None
    record_id = walk.call(
        lambda s: str(
            s.save_mediation(
                title="Tranh chấp lối đi chung kiệt 4",
                dispute_kind="land",
                mediated_on=RECEIVED,
                passed_to=passed_to,
                parties=[PARTY],
            ).record_id
        )
    )
    return RecordCtx(_show_page(walk, MediationsPage(walk.runner, walk.bus)), record_id)


def _mediation_open(walk: Walk, ctx: RecordCtx, *, parties: bool = False) -> Opened:
    dialog = _record_dialog(walk, ctx)
    record_id = ctx.record_id

    def read(session: Any, _field: Field) -> Any:
        sheet = session.mediation(record_id)
        if not parties:
            return sheet
        return sheet["parties"][0] if sheet["parties"] else None

    return Opened(
        dialog.people if parties else dialog,
        lambda _f: walk.click(_save_button(dialog)),
        read,
        ("mediation", "mediation_party"),
        lambda: walk.dismiss(dialog),
    )


def _choose(combo: Any, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def _mediation_prefill(opened: Opened, fld: Field) -> None:
    dialog = opened.root
    if fld.key == "outcome":
        replace_text(dialog.outcome_on, "20/03/2026")
    elif fld.key == "outcome_on":
        _choose(dialog.outcome, "settled")
    elif fld.key == "passed_to":
        _choose(dialog.outcome, "passed_on")
        replace_text(dialog.outcome_on, "20/03/2026")


def _mediation_fields() -> tuple[Field, ...]:
    spec = MEDIATION.field
    outcomes = [  # from none: settled, not settled, passed on (each with its day)
        Case("settled", "next", KEPT),
        Case("not settled", "next", KEPT),
        Case("passed on", "next", KEPT),
    ]
    return (
        Field("title", "text", lambda d: d.title, spec("title")),
        Field("dispute_kind", "choice", lambda d: d.dispute_kind),
        Field("summary", "long_text", lambda d: d.summary, spec("summary")),
        Field("mediated_on", "date", lambda d: d.mediated_on, spec("mediated_on")),
        Field("participants", "text", lambda d: d.participants, spec("participants")),
        Field("outcome", "choice", lambda d: d.outcome, cases=lambda _ctx: list(outcomes)),
        Field("outcome_on", "date", lambda d: d.outcome_on, spec("outcome_on"), required=True),
        Field("passed_to", "text", lambda d: d.passed_to, spec("passed_to"), required=True),
        Field("outcome_note", "long_text", lambda d: d.outcome_note, spec("outcome_note")),
    )


def community_forms() -> tuple[Form, ...]:
    """The petition form and its petitioners, the mediation form and its parties."""
    from danvan_desktop.ui.mediations.mediation_dialog import MediationDialog
    from danvan_desktop.ui.petitions.people_rows import PartyRows, PetitionerRows
    from danvan_desktop.ui.petitions.petition_dialog import PetitionDialog

    return (
        Form(
            PetitionDialog, _petition_prepare, _petition_open, _petition_fields(), _partner_prefill
        ),
        Form(
            PetitionerRows,
            _petition_prepare,
            _petitioner_open,
            _person_fields(PETITIONER.field, side=False),
        ),
        Form(
            MediationDialog,
            _mediation_prepare,
            _mediation_open,
            _mediation_fields(),
            _mediation_prefill,
        ),
        Form(
            PartyRows,
            _mediation_prepare,
            lambda walk, ctx: _mediation_open(walk, ctx, parties=True),
            _person_fields(MEDIATION_PARTY.field, side=True),
        ),
    )
