"""The every-field walk's table for models, tasks, members, the regulation and settings.

Each field gets its own record where the form edits one (a model, a member), made
through the Session; forms that add a record (a reading, a field, a task) are read
back by the newest row of their table. See field_walk.py for the table's shape.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from danvan_desktop.core.schema import (
    INDICATOR_READING,
    MEMBER,
    MODEL,
    MODEL_FIELD,
    REGULATION,
    TASK,
)

from .field_cases import (
    EITHER,
    KEPT,
    REFUSED,
    SERVER_CASES,
    Case,
    empty_case,
    phone_cases,
    replace_text,
)
from .field_walk import SAVE, Field, Form, Opened, Walk, json_list, newest, record
from .helpers import WAIT_MS


# -- models ----------------------------------------------------------------------------
def _model_prepare(walk: Walk, _field: Field | None) -> str:
    return str(
        walk.call(
            lambda s: (
                s.add_model(
                    name="Mô hình đường hoa tổ dân phố 5", field_code="new_rural", year=2026
                ).record_id
            )
        )
    )


def _model_dialog(walk: Walk, model_id: str) -> Any:
    from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog

    dialog = ModelFormDialog(walk.runner, walk.bus, model_id)
    walk.show(dialog, loaded=dialog.loaded)
    return dialog


def _model_open(walk: Walk, model_id: str) -> Opened:
    dialog = _model_dialog(walk, model_id)
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.buttons.button(SAVE)),
        record("model", model_id),
        ("model",),
        lambda: walk.dismiss(dialog),
    )


def _model_fields() -> tuple[Field, ...]:
    from danvan_desktop.ui.models.model_form_dialog import LONG_ITEMS

    return (
        Field("name", "text", lambda d: d.name, MODEL.field("name")),
        Field("field_code", "choice", lambda d: d.field),
        Field("year", "int", lambda d: d.year, MODEL.field("year"), typical=2026),
        Field("status", "choice", lambda d: d.status),
        Field("start_date", "date", lambda d: d.start_date, MODEL.field("start_date")),
        Field("end_date", "date", lambda d: d.end_date, MODEL.field("end_date")),
        *(
            Field(name, "long_text", lambda d, n=name: d.texts[n], MODEL.field(name))
            for name in LONG_ITEMS
        ),
        # The team's consent to give a contact to the network (contact_rows.py).
        Field(
            "contact_consent",
            "check",
            lambda d: d.contact.consent,
            value_of=lambda v: bool(v),
        ),
        Field("contact_name", "text", lambda d: d.contact.edits["contact_name"],
              MODEL.field("contact_name"), required=True),  # with the consent ticked
        Field("contact_role", "text", lambda d: d.contact.edits["contact_role"],
              MODEL.field("contact_role")),
        Field("contact_phone", "phone", lambda d: d.contact.edits["contact_phone"],
              MODEL.field("contact_phone"), cases=_consented_phone_cases),
    )  # fmt: skip


def _consented_phone_cases(_ctx: Any) -> list[Case]:
    """A contact's phone: a member's phone cases, but empty is refused (the consent is
    ticked, and a consent needs a phone)."""
    kinds = phone_cases(MODEL.field("contact_phone"))
    return [c for c in kinds if c.typed != ""] + [empty_case(True)]


CONTACT_PREFILL = {"contact_name": "Nguyễn Thị Lan", "contact_phone": "0905 123 456"}


def _model_prefill(opened: Opened, fld: Field) -> None:
    """A contact's input is walked with the consent ticked and a valid contact beside it."""
    if not fld.key.startswith("contact_"):
        return
    rows = opened.root.contact
    if fld.key != "contact_consent":
        rows.consent.setChecked(True)
    for key, value in CONTACT_PREFILL.items():
        if fld.key != key:
            rows.edits[key].setText(value)  # greyed until the consent is ticked


def _indicator_open(walk: Walk, model_id: str) -> Opened:
    dialog = _model_dialog(walk, model_id)
    dialog.tabs.setCurrentWidget(dialog.indicators)
    panel = dialog.indicators
    return Opened(
        panel,
        lambda _f: walk.click(panel.add_button),
        newest(walk, "indicator_reading"),
        ("indicator_reading",),
        lambda: walk.dismiss(dialog),
    )


def _indicator_prefill(opened: Opened, fld: Field) -> None:
    panel = opened.root
    for key, widget, value in (
        ("indicator", panel.indicator, "Số ngày công đóng góp"),
        ("value", panel.value, "12"),
    ):
        if fld.key != key:
            replace_text(widget, value)


def _model_field_ids(walk: Walk, _field: Field | None) -> set[str]:
    return {str(row["id"]) for row in walk.call(lambda s: s.model_field_rows())}


def _model_fields_open(walk: Walk, first_ids: set[str]) -> Opened:
    from danvan_desktop.ui.models.model_fields_dialog import ModelFieldsDialog

    def remove_added(session: Any) -> None:  # names are unique: each case starts afresh
        for row in session.model_field_rows():
            if str(row["id"]) not in first_ids:
                session.remove_model_field(row["id"])

    walk.call(remove_added)
    dialog = ModelFieldsDialog(walk.runner, walk.bus)
    walk.show(dialog)
    walk.settle()
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.add_button),
        newest(walk, "model_field"),
        ("model_field",),
        lambda: walk.dismiss(dialog),
    )


# -- tasks and members -----------------------------------------------------------------
def _members(walk: Walk, _field: Field | None) -> list[dict[str, Any]]:
    return list(walk.call(lambda s: s.team_members()))


def _task_open(walk: Walk, members: list[dict[str, Any]]) -> Opened:
    from danvan_desktop.ui.tasks.task_dialog import TaskDialog

    dialog = TaskDialog(walk.runner, members)
    walk.show(dialog)
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.findChild(QDialogButtonBox).button(SAVE)),
        newest(walk, "task"),
        ("task",),
        lambda: walk.dismiss(dialog),
    )


def _task_prefill(opened: Opened, fld: Field) -> None:
    if fld.key != "title":
        replace_text(opened.root.title, "Sửa đèn đường kiệt 7")


def _member_prepare(walk: Walk, fld: Field | None) -> str:
    member_id = str(
        walk.call(lambda s: s.save_member(full_name="Phan Văn Lợi", role="member").record_id)
    )
    if fld is not None and fld.key == "role":  # the walk makes them leader: one leader after
        walk.later(lambda: walk.call(lambda s: s.save_member(member_id, role="member")))
    return member_id


def _member_open(walk: Walk, member_id: str) -> Opened:
    from danvan_desktop.ui.team.member_dialog import MemberDialog

    members = list(walk.call(lambda s: s.team_members()))
    member = next(m for m in members if m["id"] == member_id)
    dialog = MemberDialog(walk.runner, members, village_kind="to_dan_pho", member=member)
    walk.show(dialog)
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.findChild(QDialogButtonBox).button(SAVE)),
        record("member", member_id),
        ("member",),
        lambda: walk.dismiss(dialog),
    )


# -- regulation and settings -----------------------------------------------------------
def _regulation_open(walk: Walk, _ctx: Any) -> Opened:
    from danvan_desktop.ui.regulation.regulation_page import RegulationPage

    page = RegulationPage(walk.runner, walk.bus, clock=lambda: dt.date(2026, 12, 6))
    walk.show(page, loaded=page.loaded, size=(1200, 900))
    return Opened(
        page,
        lambda _f: walk.click(page.save_button),
        lambda session, _f: session.regulation_settings(),
        ("regulation",),
        lambda: walk.dismiss(page),
    )


def _regulation_fields() -> tuple[Field, ...]:
    from danvan_desktop.core.vocab import REPORTING_PERIODS

    lines = "Đảng ủy phường Phú Xuân\nỦy ban Mặt trận Tổ quốc Việt Nam phường Phú Xuân"
    recipients = [
        Case("two places, one a line", lines, KEPT, lines.split("\n")),
        Case("empty", "", KEPT, None),
    ]
    return (
        Field("meeting_period", "choice", lambda p: p.period),
        Field("meeting_day", "int", lambda p: p.day, REGULATION.field("meeting_day"), typical=25),
        *(
            Field(
                "reporting_periods",
                "check",
                lambda p, c=code: p.reporting[c],
                label=f"reporting_periods:{code}",
                value_of=lambda v, c=code: c in (json_list(v) or []),
            )
            for code in REPORTING_PERIODS
        ),
        Field(
            "report_recipients",
            "long_text",
            lambda p: p.recipients,
            REGULATION.field("report_recipients"),
            value_of=json_list,
            cases=lambda _ctx: list(recipients),
        ),
        Field("adopted_on", "date", lambda p: p.adopted, REGULATION.field("adopted_on")),
        Field(
            "petition_answer_days",
            "int",
            lambda p: p.answer_days,
            REGULATION.field("petition_answer_days"),
            typical=30,
        ),
        *(
            Field(
                name,
                "text",
                lambda p, n=name: p.cutoffs[n],
                REGULATION.field(name),
                cases=lambda _ctx, n=name: _cutoff_cases(n),
            )
            for name in ("half_year_cutoff", "year_cutoff")
        ),
        *(
            Field(name, "text", lambda p, n=name: p.letterhead[n], REGULATION.field(name))
            for name in ("issuing_body", "managing_body", "document_place")
        ),
        Field("text", "long_text", lambda p: p.text, REGULATION.field("text")),
    )


def _cutoff_cases(name: str) -> list[Case]:
    """A cut-off day is typed as a day and a month and kept as "MM-DD"; a day no year has,
    or the half-year's after the year's, is refused."""
    day = "14/6" if name == "half_year_cutoff" else "14/12"
    stored = "06-14" if name == "half_year_cutoff" else "12-14"
    return [
        Case("day and month", day, KEPT, stored),
        Case("no such day", "31/6", REFUSED),
        Case("29 February", "29/2" if name == "half_year_cutoff" else "29/02", REFUSED),
        Case("words", "abc", REFUSED),
        Case("empty: the default", "", KEPT, None),
    ]


def _settings_open(walk: Walk, _ctx: Any) -> Opened:
    from danvan_desktop.ui.settings.settings_page import SettingsPage

    page = SettingsPage(walk.runner, walk.bus, request_restore=lambda _path: None)
    walk.show(page, size=(900, 800))
    walk.qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)

    def save(fld: Field) -> None:
        if fld.kind == "int":  # saved when the field is left
            QTest.keyClick(fld.widget(page), Qt.Key.Key_Tab)

    keys = ("language", "backup_keep", "backup_interval_hours")
    return Opened(
        page,
        save,
        lambda session, _f: {key: session.setting(key) for key in keys},
        ("settings",),
        lambda: walk.dismiss(page),
    )


def _sync_page(walk: Walk, _field: Field | None) -> Any:
    from danvan_desktop.ui.sync.sync_page import SyncPage

    page = SyncPage(walk.runner, walk.bus)
    walk.show(page, size=(1200, 700))
    walk.qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)

    def stop() -> None:
        page.scheduler.stop()
        walk.qtbot.waitUntil(lambda: not page.scheduler.running, timeout=WAIT_MS)

    walk.later(stop)
    return page


def _enroll_open(walk: Walk, page: Any) -> Opened:
    page.reload()  # what the store holds now
    walk.settle()
    panel = page.enroll_panel
    return Opened(
        panel,
        lambda _f: walk.click(panel.save_server_button),
        lambda session, _f: {"server_url": session.setting("server_url")},
        ("settings",),
    )


def record_forms() -> tuple[Form, ...]:
    """The model form and its readings, the model fields, a task, a member, the regulation,
    the settings and the server's address."""
    from danvan_desktop.ui.models import indicator_panel, model_fields_dialog, model_form_dialog
    from danvan_desktop.ui.regulation.regulation_page import RegulationPage
    from danvan_desktop.ui.settings.settings_page import SettingsPage
    from danvan_desktop.ui.sync.enroll_panel import EnrollPanel
    from danvan_desktop.ui.tasks.task_dialog import TaskDialog
    from danvan_desktop.ui.team.member_dialog import MemberDialog

    return (
        Form(
            model_form_dialog.ModelFormDialog,
            _model_prepare,
            _model_open,
            _model_fields(),
            prefill=_model_prefill,
        ),
        Form(
            indicator_panel.IndicatorPanel,
            _model_prepare,
            _indicator_open,
            (
                Field(
                    "indicator", "text", lambda p: p.indicator, INDICATOR_READING.field("indicator")
                ),
                Field(
                    "unit_label", "text", lambda p: p.unit, INDICATOR_READING.field("unit_label")
                ),
                Field("value", "real", lambda p: p.value, INDICATOR_READING.field("value")),
                Field("read_on", "date", lambda p: p.read_on, INDICATOR_READING.field("read_on")),
                Field("note", "text", lambda p: p.note, INDICATOR_READING.field("note")),
            ),
            _indicator_prefill,
        ),
        Form(
            model_fields_dialog.ModelFieldsDialog,
            _model_field_ids,
            _model_fields_open,
            (Field("name", "text", lambda d: d.name, MODEL_FIELD.field("name")),),
        ),
        Form(
            TaskDialog,
            _members,
            _task_open,
            (
                Field("title", "text", lambda d: d.title, TASK.field("title")),
                Field("owner_name", "text", lambda d: d.owner, TASK.field("owner_name")),
                Field("deadline", "date", lambda d: d.deadline, TASK.field("deadline")),
            ),
            _task_prefill,
        ),
        Form(
            MemberDialog,
            _member_prepare,
            _member_open,
            (
                Field("full_name", "text", lambda d: d.full_name, MEMBER.field("full_name")),
                Field(
                    "birth_year",
                    "int",
                    lambda d: d.birth_year,
                    MEMBER.field("birth_year"),
                    typical=1962,
                ),
                Field("role", "choice", lambda d: d.role),
                Field("position", "text", lambda d: d.position, MEMBER.field("position")),
                Field(
                    "organisation", "text", lambda d: d.organisation, MEMBER.field("organisation")
                ),
                Field("phone", "phone", lambda d: d.phone, MEMBER.field("phone")),
                Field("term_start", "date", lambda d: d.term_start, MEMBER.field("term_start")),
                Field("term_end", "date", lambda d: d.term_end, MEMBER.field("term_end")),
            ),
        ),
        Form(
            RegulationPage,
            lambda _w, _f: None,
            _regulation_open,
            _regulation_fields(),
            skip=lambda page: {"the export's template (state or Party), never stored": page.preset},
        ),
        Form(
            SettingsPage,
            lambda _w, _f: None,
            _settings_open,
            (
                Field("language", "choice", lambda p: p.language),
                Field(
                    "backup_keep",
                    "int",
                    lambda p: p.keep,
                    domain=(1, 100),
                    typical=10,
                    required=True,
                ),
                Field(
                    "backup_interval_hours",
                    "int",
                    lambda p: p.interval,
                    domain=(1, 24 * 30),
                    typical=24,
                    required=True,
                ),
            ),
        ),
        Form(
            EnrollPanel,
            _sync_page,
            _enroll_open,
            (
                Field(
                    "server_url",
                    "text",
                    lambda p: p.server,
                    cases=lambda _ctx: [*SERVER_CASES[:2], Case("empty", "", EITHER, None)],
                ),
            ),
            skip=lambda p: {
                "the enrollment code goes to the city's server to enroll (a network round, "
                "tests/ui/test_sync_enroll_saved.py)": p.code
            },
        ),
    )
