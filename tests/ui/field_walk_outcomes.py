"""The every-field walk's table for what a meeting decided: the minutes editor's outcomes
(conclusions, votes and their counts) and the tasks it gave, typed below their tables and
corrected in the tables' cells. Vote counts are held to the people present as well as to
core's domain. The meeting itself is made as in field_walk_meetings.py.
"""

from __future__ import annotations

from typing import Any

from danvan_desktop.core.schema import CONCLUSION, TASK, VOTE

from .field_cases import KEPT, REFUSED, Case, replace_text
from .field_walk import Field, Form, Opened, Walk, newest
from .field_walk_meetings import MeetingCtx, cell_field, prepare_meeting, reopen


def _outcomes_open(walk: Walk, ctx: MeetingCtx) -> Opened:
    from danvan_desktop.ui.meetings.meeting_editor import TAB_OUTCOMES

    editor = reopen(walk, ctx, TAB_OUTCOMES)
    panel = editor.outcomes
    made = {"conclusion": newest(walk, "conclusion"), "vote": newest(walk, "vote")}
    saves = {"conclusion": panel.add_conclusion_button, "vote": panel.add_vote_button}

    def read(session: Any, fld: Field) -> Any:
        if fld.via == "conclusion table":
            return session.get_record("conclusion", ctx.conclusion_id)
        if fld.via == "vote table":
            return session.get_record("vote", ctx.vote_id)
        return made[fld.via](session, fld)

    return Opened(
        panel,
        lambda fld: walk.click(saves[fld.via]) if fld.via in saves else None,
        read,
        ("conclusion", "vote"),
    )


def _outcomes_prefill(opened: Opened, fld: Field) -> None:
    panel = opened.root
    if fld.via != "vote":
        return
    if fld.key != "subject":
        replace_text(panel.subject, "Mở rộng kiệt 7")
    if fld.kind == "int":  # the other counts at 0, so only this one can exceed those present
        for name in ("in_favour", "against", "abstain"):
            if name != fld.key:
                replace_text(getattr(panel, name), "0")


def _tasks_open(walk: Walk, ctx: MeetingCtx) -> Opened:
    from danvan_desktop.ui.meetings.meeting_editor import TAB_TASKS

    editor = reopen(walk, ctx, TAB_TASKS)
    panel = editor.tasks
    made = newest(walk, "task")

    def read(session: Any, fld: Field) -> Any:
        if fld.cell is not None:
            return session.get_record("task", ctx.task_id)
        return made(session, fld)

    return Opened(
        panel,
        lambda fld: None if fld.cell is not None else walk.click(panel.add_button),
        read,
        ("task",),
    )


def _votes(ctx: MeetingCtx) -> list[Case]:
    """A count of everyone present is kept; one more than those present is refused."""
    present = ctx.present
    return [
        Case(f"{present} (everyone present)", str(present), KEPT, present),
        Case(f"{present + 1} (more than the {present} present)", str(present + 1), REFUSED),
    ]


def _count(key: str, via: str, cell: bool = False) -> Field:
    if cell:
        return Field(
            key,
            "int",
            lambda p: p.vote_table,
            VOTE.field(key),
            label=f"vote table:{key}",
            via=via,
            cell=key,
            error=lambda p: p.message,
            typical=1,
            extra=_votes,
        )
    return Field(
        key, "int", lambda p: getattr(p, key), VOTE.field(key), via=via, typical=1, extra=_votes
    )


def outcome_forms() -> tuple[Form, ...]:
    """The outcomes panel and the meeting's tasks panel."""
    from danvan_desktop.ui.meetings import meeting_tasks_panel, outcomes_panel

    conclusion = CONCLUSION.field
    return (
        Form(
            outcomes_panel.OutcomesPanel,
            prepare_meeting,
            _outcomes_open,
            (
                Field(
                    "content",
                    "long_text",
                    lambda p: p.conclusion,
                    CONCLUSION.field("content"),
                    label="conclusion",
                    via="conclusion",
                ),
                Field("subject", "text", lambda p: p.subject, VOTE.field("subject"), via="vote"),
                *(_count(key, "vote") for key in ("in_favour", "against", "abstain")),
                cell_field(
                    "content", "text", "conclusion_table", "conclusion table", conclusion("content")
                ),
                cell_field("subject", "text", "vote_table", "vote table", VOTE.field("subject")),
                *(
                    _count(key, "vote table", cell=True)
                    for key in ("in_favour", "against", "abstain")
                ),
            ),
            _outcomes_prefill,
        ),
        Form(
            meeting_tasks_panel.MeetingTasksPanel,
            prepare_meeting,
            _tasks_open,
            (
                Field("title", "text", lambda p: p.title, TASK.field("title"), via="task"),
                Field(
                    "owner_name", "text", lambda p: p.owner, TASK.field("owner_name"), via="task"
                ),
                Field("deadline", "date", lambda p: p.deadline, TASK.field("deadline"), via="task"),
                cell_field("title", "text", "table", "task table", TASK.field("title")),
                cell_field("deadline", "date", "table", "task table", TASK.field("deadline")),
            ),
            lambda opened, fld: (
                replace_text(opened.root.title, "Sửa đèn đường kiệt 7")
                if fld.via == "task" and fld.key != "title"
                else None
            ),
        ),
    )
