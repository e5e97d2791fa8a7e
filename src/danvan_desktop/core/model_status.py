"""The life cycle of a model and who may move it (DOMAIN.md's table)."""

from __future__ import annotations

from danvan_desktop.core.errors import FieldProblem, PermissionDeniedError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vocab import MODEL_STATUSES, ROLES, label

INITIAL_STATUS = "registered"

# (from, to) -> roles allowed to make the move
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("registered", "in_progress"): frozenset({"team"}),
    ("in_progress", "reviewed"): frozenset({"team"}),
    ("reviewed", "recognised"): frozenset({"reviewer"}),
    ("recognised", "replicated"): frozenset({"reviewer"}),
    ("in_progress", "paused"): frozenset({"team", "reviewer"}),
    ("reviewed", "paused"): frozenset({"team", "reviewer"}),
    ("paused", "in_progress"): frozenset({"team"}),
}


def allowed_next(status: str, role: str) -> list[str]:
    """The statuses ``role`` may move a model to from ``status``, in life-cycle order."""
    order = list(MODEL_STATUSES)
    nexts = [to for (frm, to), roles in TRANSITIONS.items() if frm == status and role in roles]
    return sorted(nexts, key=order.index)


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
