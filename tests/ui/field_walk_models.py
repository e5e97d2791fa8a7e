"""The every-field walk's table for a model's life: the status dialog (the new status,
its reason, the recognition's level, decision number and date) and the reviewer's «Thêm
quyết định công nhận» on the «Quá trình, công nhận» tab.

Both are a reviewer's forms: each field's walk runs them on a commune reviewer's laptop
of its own (reviewer_store.py: a store as enrolment and a pull leave it, on a runner of
its own). Each status dialog gets a village's model of its own, sent up for review (a
move saved moves it on); each recognition is added to a model recognised once already.
See field_walk.py for the table's shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from danvan_desktop.core.schema import MODEL_RECOGNITION, MODEL_STATUS_CHANGE
from danvan_desktop.ui.task_runner import TaskRunner

from .field_cases import replace_text
from .field_walk import SAVE, Field, Form, Opened, Walk, newest
from .helpers import WAIT_MS
from .reviewer_store import make_commune_reviewer_dir, pull_model

DECISION = "45/QĐ-UBND"
DECIDED = "02/03/2026"
REASON = "Chưa đủ minh chứng về kết quả"


@dataclass
class ReviewerCtx:
    """The commune reviewer's runner of one field's walk (and the model it recognised)."""

    runner: TaskRunner
    model_id: str = ""


def _reviewer(walk: Walk) -> ReviewerCtx:
    """A commune reviewer's store, open on a runner of its own until the field's walk ends."""
    runner = TaskRunner()
    walk.later(runner.shutdown)
    opened: list[Any] = []
    runner.open_session(make_commune_reviewer_dir(walk.tmp / "reviewer"), on_done=opened.append)
    walk.qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    return ReviewerCtx(runner)


# -- the status dialog ---------------------------------------------------------------------
def _status_prepare(walk: Walk, _field: Field | None) -> ReviewerCtx:
    return _reviewer(walk)


def _status_open(walk: Walk, ctx: ReviewerCtx) -> Opened:
    from danvan_desktop.ui.models.status_dialog import StatusDialog

    runner = ctx.runner
    model_id = str(walk.call(pull_model, runner))
    dialog = StatusDialog(runner, model_id=model_id, current="reviewed", role="reviewer")
    walk.show(dialog)
    moves = newest(walk, "model_status_change", runner)
    recognitions = newest(walk, "model_recognition", runner)

    def read(session: Any, fld: Field) -> Any:
        if fld.via == "move":
            return moves(session, fld)
        if fld.via == "recognition":
            return recognitions(session, fld)
        return session.get_record("model", model_id)

    return Opened(
        dialog,
        lambda _f: walk.click(dialog.findChild(QDialogButtonBox).button(SAVE)),
        read,
        ("model", "model_status_change", "model_recognition"),
        lambda: walk.dismiss(dialog),
        runner,
    )


def _choose(dialog: Any, code: str) -> None:
    dialog.status.setCurrentIndex(dialog.status.findData(code))


def _status_prefill(opened: Opened, fld: Field) -> None:
    """The move the field belongs to, with what else it must say typed validly."""
    dialog = opened.root
    if fld.key == "reason":
        _choose(dialog, "not_recognised")
        return
    if fld.key != "status":
        _choose(dialog, "recognised")
    if fld.key != "decision_number":
        replace_text(dialog.decision_number, DECISION)
    if fld.key != "decided_on":
        replace_text(dialog.decided_on, DECIDED)
    replace_text(dialog.reason, REASON)


def _status_fields() -> tuple[Field, ...]:
    return (
        Field("status", "choice", lambda d: d.status),
        Field("level", "choice", lambda d: d.level, via="recognition"),
        Field(
            "reason",
            "long_text",
            lambda d: d.reason,
            MODEL_STATUS_CHANGE.field("reason"),
            via="move",
            required=True,  # «Chưa được công nhận» must say why (core/model_status.py)
        ),
        Field(
            "decision_number",
            "text",
            lambda d: d.decision_number,
            MODEL_RECOGNITION.field("decision_number"),
            via="recognition",
        ),
        Field(
            "decided_on",
            "date",
            lambda d: d.decided_on,
            MODEL_RECOGNITION.field("decided_on"),
            via="recognition",
        ),
    )


# -- the recognitions of a model's life ----------------------------------------------------
def _recognised_prepare(walk: Walk, _field: Field | None) -> ReviewerCtx:
    ctx = _reviewer(walk)

    def recognised(session: Any) -> str:
        model_id = pull_model(session)
        session.move_model(
            model_id,
            status="recognised",
            decision_number="12/QĐ-UBND",
            decided_on="2026-01-05",
            level="commune",
        )
        return model_id

    ctx.model_id = str(walk.call(recognised, ctx.runner))
    return ctx


def _life_open(walk: Walk, ctx: ReviewerCtx) -> Opened:
    from danvan_desktop.ui.models.life_panel import LifePanel

    panel = LifePanel(ctx.runner, walk.bus)
    panel.set_model(ctx.model_id)  # its answer comes while the panel is shown
    walk.show(panel, loaded=panel.loaded, size=(900, 700))
    return Opened(
        panel,
        lambda _f: walk.click(panel.add_button),
        newest(walk, "model_recognition", ctx.runner),
        ("model_recognition",),
        lambda: walk.dismiss(panel),
        ctx.runner,
    )


def _life_prefill(opened: Opened, fld: Field) -> None:
    panel = opened.root
    if fld.key != "decision_number":
        replace_text(panel.decision_number, DECISION)
    if fld.key != "decided_on":
        replace_text(panel.decided_on, DECIDED)


def model_life_forms() -> tuple[Form, ...]:
    """The status dialog and the reviewer's «Thêm quyết định công nhận»."""
    from danvan_desktop.ui.models.life_panel import LifePanel
    from danvan_desktop.ui.models.status_dialog import StatusDialog

    return (
        Form(StatusDialog, _status_prepare, _status_open, _status_fields(), _status_prefill),
        Form(
            LifePanel,
            _recognised_prepare,
            _life_open,
            (
                Field("level", "choice", lambda p: p.level),
                Field(
                    "decision_number",
                    "text",
                    lambda p: p.decision_number,
                    MODEL_RECOGNITION.field("decision_number"),
                ),
                Field(
                    "decided_on",
                    "date",
                    lambda p: p.decided_on,
                    MODEL_RECOGNITION.field("decided_on"),
                ),
            ),
            _life_prefill,
        ),
    )
