"""The every-field walk's table for meetings: the new-meeting dialog and the minutes
editor's header, attendance and agenda (its outcomes and tasks: field_walk_outcomes.py).

Each field gets its own meeting (from the template, 15/03/2026 07:00, so a deadline or
an end on that day is not before it) and one editor; every case opens the meeting
again from the store. Rows already written (an opinion, a conclusion, a vote, a task)
are made through the Session so their cells can be edited in the tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from danvan_desktop.core.schema import (
    AGENDA_ITEM,
    ATTENDANCE,
    MEETING,
    OPINION,
)

from .field_cases import replace_text
from .field_walk import Field, Form, Opened, Walk, newest, record
from .helpers import WAIT_MS

STARTS = dt.datetime(2026, 3, 15, 7, 0)
NEW_MEMBERS = ("Hồ Thị Lan", "Đặng Văn Minh", "Võ Thị Ngọc")


@dataclass
class MeetingCtx:
    """A meeting made for one field, its rows, and the editor it is walked in."""

    meeting_id: str
    item_id: str
    opinion_id: str
    conclusion_id: str
    vote_id: str
    task_id: str
    present: int
    editor: Any = None


def _make_meeting(
    session: Any, community: bool, new_members: bool, review: bool = False
) -> MeetingCtx:
    kind = "community" if community else "year_end" if review else "regular"
    meeting_id = str(
        session.create_meeting(
            kind=kind,
            starts_at=STARTS,
            place="Nhà văn hóa tổ dân phố 5",
        ).record_id
    )
    item_id = str(session.meeting_children(meeting_id, "agenda_item")[0]["id"])
    add = session.add_record
    opinion = add(
        "opinion",
        meeting_id=meeting_id,
        agenda_item_id=item_id,
        speaker="Trần Thị Bích",
        content="Đề nghị sửa đèn đường gần trường học",
        position_order=1,
    )
    conclusion = add(
        "conclusion", meeting_id=meeting_id, content="Giao tổ phó theo dõi", position_order=1
    )
    vote = add(  # no votes yet: any one count may be as high as those present
        "vote", meeting_id=meeting_id, subject="Mở rộng kiệt 7", in_favour=0, against=0, abstain=0
    )
    task = session.add_task(meeting_id=meeting_id, title="Sửa đèn đường kiệt 7")
    if new_members:  # joined after the meeting's day: not on its roster, offered to add
        joined = (STARTS.date() + dt.timedelta(days=1)).isoformat()
        for name in NEW_MEMBERS:
            session.save_member(full_name=name, role="member", term_start=joined)
    rows = session.meeting_children(meeting_id, "attendance")
    present = sum(1 for r in rows if r.get("present") and not r.get("is_guest"))
    return MeetingCtx(
        meeting_id,
        item_id,
        str(opinion.record_id),
        str(conclusion.record_id),
        str(vote.record_id),
        str(task.record_id),
        present,
    )


def prepare_meeting(walk: Walk, fld: Field | None) -> MeetingCtx:
    from danvan_desktop.ui.meetings.meeting_editor import MeetingEditor

    options = fld.options if fld is not None else ("new members",)
    ctx: MeetingCtx = walk.call(
        lambda s: _make_meeting(
            s, "community" in options, "new members" in options, "review" in options
        )
    )
    ctx.editor = MeetingEditor(walk.runner, walk.bus, autosave_ms=600_000, commit_ms=3_600_000)
    walk.show(ctx.editor, size=(1180, 760))
    return ctx


def reopen(walk: Walk, ctx: MeetingCtx, tab: int) -> Any:
    editor = ctx.editor
    with walk.qtbot.waitSignal(editor.loaded, timeout=WAIT_MS):
        editor.open_meeting(ctx.meeting_id)
    walk.settle()
    editor.tabs.setCurrentIndex(tab)
    return editor


def _header_open(walk: Walk, ctx: MeetingCtx) -> Opened:
    from danvan_desktop.ui.meetings.meeting_editor import TAB_FIELDS

    editor = reopen(walk, ctx, TAB_FIELDS)
    return Opened(
        editor.header,
        lambda _f: walk.click(editor.save_button),
        record("meeting", ctx.meeting_id),
        ("meeting",),
    )


def _attendance_open(walk: Walk, ctx: MeetingCtx) -> Opened:
    from danvan_desktop.ui.meetings.meeting_editor import TAB_ATTENDANCE

    editor = reopen(walk, ctx, TAB_ATTENDANCE)
    panel = editor.attendance
    first_row = panel.model.record_id(0)
    made = newest(walk, "attendance")

    def save(fld: Field) -> None:
        if fld.via == "member":
            walk.click(panel.add_member_button)
        elif fld.via == "guest":
            walk.click(panel.add_guest_button)

    def read(session: Any, fld: Field) -> Any:
        if fld.cell is not None:
            return session.get_record("attendance", first_row)
        return made(session, fld)

    return Opened(panel, save, read, ("attendance",))


def _agenda_open(walk: Walk, ctx: MeetingCtx) -> Opened:
    from danvan_desktop.ui.meetings.meeting_editor import TAB_AGENDA

    editor = reopen(walk, ctx, TAB_AGENDA)
    agenda = editor.agenda
    made = {"new item": newest(walk, "agenda_item"), "opinion": newest(walk, "opinion")}
    saves = {
        "item": editor.save_button,
        "new item": agenda.add_item_button,
        "opinion": agenda.add_opinion_button,
    }

    def read(session: Any, fld: Field) -> Any:
        if fld.via == "item":
            return session.get_record("agenda_item", ctx.item_id)
        if fld.via == "opinion table":
            return session.get_record("opinion", ctx.opinion_id)
        return made[fld.via](session, fld)

    return Opened(
        agenda,
        lambda fld: walk.click(saves[fld.via]) if fld.via in saves else None,
        read,
        ("agenda_item", "opinion"),
    )


def _agenda_prefill(opened: Opened, fld: Field) -> None:
    agenda = opened.root
    if fld.via != "opinion":
        return
    if fld.key != "speaker":
        replace_text(agenda.speaker, "Trần Thị Bích")
    if fld.key != "content":
        replace_text(agenda.opinion, "Đề nghị sửa đèn đường")


def _new_meeting_open(walk: Walk, options: Any) -> Opened:
    from danvan_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog

    dialog = NewMeetingDialog(walk.runner)
    walk.show(dialog, loaded=dialog.cutoffs_loaded)
    if options and "review" in options:  # the covered period shows for a review only
        dialog.kind.setCurrentIndex(dialog.kind.findData("year_end"))
    return Opened(
        dialog,
        lambda _f: walk.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)),
        newest(walk, "meeting"),
        ("meeting",),
        lambda: walk.dismiss(dialog),
    )


def _covers_prefill(opened: Opened, fld: Field) -> None:
    """The other end of a review's period set around 15/03/2026, the day the walk types."""
    if fld.key == "covers_from":
        opened.root.covers_to.set_value(dt.date(2026, 12, 31))
    elif fld.key == "covers_to":
        opened.root.covers_from.set_value(dt.date(2026, 1, 1))


def _review_field(key: str, widget: Any, *, required: bool | None = None) -> Field:
    """A review's covered period: shown (and walked) on a year-end review."""
    return Field(key, "date", widget, MEETING.field(key), required=required, options=("review",))


def cell_field(
    key: str, kind: str, table: str, via: str, spec: Any, *, required: bool | None = None
) -> Field:
    return Field(
        key,
        kind,
        lambda p: getattr(p, table),
        spec,
        label=f"{via}:{key}",
        via=via,
        cell=key,
        error=lambda p: p.message,
        required=required,
    )


def meeting_forms() -> tuple[Form, ...]:
    """The new-meeting dialog, and the minutes' header, attendance and agenda."""
    from danvan_desktop.ui.meetings import (
        agenda_panel,
        attendance_panel,
        meeting_header,
        new_meeting_dialog,
    )

    meeting, item, opinion = MEETING.field, AGENDA_ITEM.field, OPINION.field
    attendance = ATTENDANCE.field
    return (
        Form(
            new_meeting_dialog.NewMeetingDialog,
            lambda _w, fld: fld.options if fld is not None else (),
            _new_meeting_open,
            (
                Field("kind", "choice", lambda d: d.kind),
                Field("starts_at", "datetime", lambda d: d.starts_at, meeting("starts_at")),
                Field("place", "text", lambda d: d.place, meeting("place")),
                # The dialog asks for both ends of a review's period (offered filled in).
                _review_field("covers_from", lambda d: d.covers_from, required=True),
                _review_field("covers_to", lambda d: d.covers_to, required=True),
            ),
            _covers_prefill,
        ),
        Form(
            meeting_header.MeetingHeader,
            prepare_meeting,
            _header_open,
            (
                Field("title", "text", lambda h: h.title, meeting("title")),
                Field("kind", "choice", lambda h: h.kind),
                Field("starts_at", "datetime", lambda h: h.starts_at, meeting("starts_at")),
                Field("ends_at", "datetime", lambda h: h.ends_at, meeting("ends_at")),
                Field("place", "text", lambda h: h.place, meeting("place")),
                Field("chair", "text", lambda h: h.chair, meeting("chair")),
                Field("secretary", "text", lambda h: h.secretary, meeting("secretary")),
                *(
                    Field(
                        name,
                        "int",
                        lambda h, n=name: getattr(h, n),
                        meeting(name),
                        typical=1,
                        options=("community",),
                    )
                    for name in ("households_total", "households_represented")
                ),
                Field("content", "long_text", lambda h: h.content, meeting("content")),
                _review_field("covers_from", lambda h: h.covers_from),
                _review_field("covers_to", lambda h: h.covers_to),
            ),
            _covers_prefill,
        ),
        Form(
            attendance_panel.AttendancePanel,
            prepare_meeting,
            _attendance_open,
            (
                Field(
                    "member_id",
                    "choice",
                    lambda p: p.member_choice,
                    label="member_choice",
                    via="member",
                    error=lambda p: p.message,
                    picked=lambda member: member["id"],
                    options=("new members",),
                ),
                Field(
                    "name",
                    "text",
                    lambda p: p.guest_name,
                    attendance("name"),
                    label="guest_name",
                    via="guest",
                ),
                Field(
                    "organisation",
                    "text",
                    lambda p: p.guest_organisation,
                    attendance("organisation"),
                    label="guest_organisation",
                    via="guest",
                ),
                cell_field("name", "text", "table", "table", attendance("name")),
                cell_field("organisation", "text", "table", "table", attendance("organisation")),
                cell_field(
                    "absence_reason", "text", "table", "table", attendance("absence_reason")
                ),
                cell_field("present", "check", "table", "table", attendance("present")),
            ),
            lambda opened, fld: (
                replace_text(opened.root.guest_name, "Ông Hồ Văn Tâm")
                if fld.via == "guest" and fld.key != "name"
                else None
            ),
        ),
        Form(
            agenda_panel.AgendaPanel,
            prepare_meeting,
            _agenda_open,
            (
                Field(
                    "title",
                    "text",
                    lambda a: a.new_item,
                    item("title"),
                    label="new_item",
                    via="new item",
                    error=lambda a: a.new_item_error,
                ),
                Field(
                    "title",
                    "text",
                    lambda a: a.item_title,
                    item("title"),
                    label="item_title",
                    via="item",
                ),
                Field("notes", "long_text", lambda a: a.notes, item("notes"), via="item"),
                Field("speaker", "text", lambda a: a.speaker, opinion("speaker"), via="opinion"),
                Field(
                    "content",
                    "long_text",
                    lambda a: a.opinion,
                    opinion("content"),
                    label="opinion",
                    via="opinion",
                ),
                cell_field("speaker", "text", "opinion_table", "opinion table", opinion("speaker")),
                # typed in a cell, long text is one line (the cell's editor is a line edit)
                cell_field("content", "text", "opinion_table", "opinion table", opinion("content")),
            ),
            _agenda_prefill,
        ),
    )
