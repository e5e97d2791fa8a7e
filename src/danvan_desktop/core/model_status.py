"""The life cycle of a model, who may move it, and what a move must say (issue 17).

| from → to | team | reviewer | required |
| --- | --- | --- | --- |
| (new) → registered | ✓ | | |
| registered → in progress | ✓ | | |
| in progress → reviewed (self-assessment sent up) | ✓ | | |
| reviewed → recognised | | ✓ | decision number and date |
| reviewed → not recognised | | ✓ | reason |
| not recognised → in progress (improve and resubmit) | ✓ | | |
| in progress, reviewed or recognised → paused | ✓ | ✓ | reason |
| paused → in progress | ✓ | | |
| any but closed → closed (dừng thực hiện) | ✓ | ✓ | reason |

Each move is kept as a ``model_status_change`` record (core/schema.py) with its
reason; a recognition is a ``model_recognition`` record. «Được nhân rộng» is no longer
a status: an earlier release's ``replicated`` reads as ``recognised``
(``LEGACY_MODEL_STATUSES``), and migration m011 rewrites it in the store.
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.core.errors import FieldProblem, PermissionDeniedError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vocab import MODEL_STATUSES, ROLES, label

INITIAL_STATUS = "registered"
# Codes of an earlier release that are no longer statuses -> the status they stand for.
LEGACY_MODEL_STATUSES = {"replicated": "recognised"}
CLOSED = "closed"
RECOGNISED = "recognised"
BOTH = frozenset({"team", "reviewer"})
TEAM = frozenset({"team"})
REVIEWER = frozenset({"reviewer"})


def _table() -> dict[tuple[str, str], frozenset[str]]:
    moves = {
        ("registered", "in_progress"): TEAM,
        ("in_progress", "reviewed"): TEAM,
        ("reviewed", RECOGNISED): REVIEWER,
        ("reviewed", "not_recognised"): REVIEWER,
        ("not_recognised", "in_progress"): TEAM,
        ("in_progress", "paused"): BOTH,
        ("reviewed", "paused"): BOTH,
        (RECOGNISED, "paused"): BOTH,
        ("paused", "in_progress"): TEAM,
    }
    for status in MODEL_STATUSES:
        if status != CLOSED:
            moves[(status, CLOSED)] = BOTH
    return moves


# (from, to) -> roles allowed to make the move
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = _table()
# Moves whose record must say why (the reason is kept in the status history).
REASON_REQUIRED: frozenset[tuple[str, str]] = frozenset(
    {("reviewed", "not_recognised")}
    | {(frm, to) for frm, to in TRANSITIONS if to in ("paused", CLOSED)}
)
# Moves that need the recognition decision: its number and its date.
DECISION_REQUIRED: frozenset[tuple[str, str]] = frozenset({("reviewed", RECOGNISED)})


def current_status(stored: str | None) -> str | None:
    """The status a stored value stands for (an earlier release's «replicated» is
    «recognised»)."""
    if not isinstance(stored, str):  # None, or a value the checks refuse later
        return stored
    return LEGACY_MODEL_STATUSES.get(stored, stored)


def status_label(code: str | None) -> str:
    """The translated label of a status, also for an earlier release's codes."""
    if code == "replicated":
        return tr("vocab", "Được nhân rộng")
    return label(MODEL_STATUSES, code or "")


def needs_reason(old: str | None, new: str) -> bool:
    """True when the move from ``old`` to ``new`` must give a reason."""
    return (current_status(old), new) in REASON_REQUIRED


def needs_decision(old: str | None, new: str) -> bool:
    """True when the move from ``old`` to ``new`` needs a decision number and date."""
    return (current_status(old), new) in DECISION_REQUIRED


def allowed_next(status: str, role: str) -> list[str]:
    """The statuses ``role`` may move a model to from ``status``, in life-cycle order."""
    order = list(MODEL_STATUSES)
    here = current_status(status)
    nexts = [to for (frm, to), roles in TRANSITIONS.items() if frm == here and role in roles]
    return sorted(nexts, key=order.index)


def move_problems(
    old: str | None,
    new: str,
    *,
    reason: str | None,
    decision_number: str | None = None,
    decided_on: dt.date | str | None = None,
) -> list[FieldProblem]:
    """What the move must say and does not: the reason, the decision number and date."""
    problems: list[FieldProblem] = []
    if needs_reason(old, new) and not (reason or "").strip():
        problems.append(
            FieldProblem(
                "reason",
                tr(
                    "validation",
                    "«Lý do» không được để trống khi chuyển mô hình sang «{new}»: hãy ghi vì sao.",
                    new=status_label(new),
                ),
            )
        )
    if needs_decision(old, new):
        if not (decision_number or "").strip():
            problems.append(
                FieldProblem(
                    "decision_number",
                    tr(
                        "validation",
                        "«Số quyết định» không được để trống khi công nhận mô hình: hãy nhập "
                        "số quyết định công nhận.",
                    ),
                )
            )
        if not decided_on:
            problems.append(
                FieldProblem(
                    "decided_on",
                    tr(
                        "validation",
                        "«Ngày quyết định» không được để trống khi công nhận mô hình: hãy chọn "
                        "ngày ký quyết định.",
                    ),
                )
            )
    return problems


def check_move(
    old: str | None,
    new: str,
    role: str,
    *,
    reason: str | None,
    decision_number: str | None = None,
    decided_on: dt.date | str | None = None,
) -> None:
    """Raise when ``role`` may not make the move, or the move lacks what it must say."""
    check_transition(old, new, role)
    problems = move_problems(
        old, new, reason=reason, decision_number=decision_number, decided_on=decided_on
    )
    if problems:
        raise ValidationError(problems)


def check_transition(old: str | None, new: str, role: str) -> None:
    """Raise when ``role`` may not move a model from ``old`` to ``new``."""
    if new not in MODEL_STATUSES:
        raise ValidationError(
            [
                FieldProblem(
                    "status",
                    tr(
                        "validation",
                        "Không có trạng thái «{value}»: hãy chọn một trạng thái trong danh sách.",
                        value=new,
                    ),
                )
            ]
        )
    old = current_status(old)
    if old == new:
        return
    if old is None:
        if new == INITIAL_STATUS and role == "team":
            return
        raise PermissionDeniedError(
            tr(
                "validation",
                "Mô hình mới phải ở trạng thái «{initial}»: hãy đăng ký trước, rồi mới chuyển "
                "trạng thái.",
                initial=label(MODEL_STATUSES, INITIAL_STATUS),
            )
        )
    if role in TRANSITIONS.get((old, new), frozenset()):
        return
    allowed = ", ".join(f"«{label(MODEL_STATUSES, s)}»" for s in allowed_next(old, role))
    hint = (
        tr("validation", "hãy chọn {allowed}.", allowed=allowed)
        if allowed
        else tr(
            "validation",
            "từ trạng thái hiện tại, vai trò này không được chuyển mô hình sang trạng thái khác.",
        )
    )
    raise PermissionDeniedError(
        tr(
            "validation",
            "«Trạng thái»: {role} không được chuyển mô hình từ «{old}» sang «{new}»; {hint}",
            role=label(ROLES, role),
            old=label(MODEL_STATUSES, old),
            new=label(MODEL_STATUSES, new),
            hint=hint,
        )
    )
