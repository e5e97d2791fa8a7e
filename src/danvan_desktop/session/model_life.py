"""A model's whole life in the Session facade: moves with their reasons, recognitions.

``move_model`` checks the move against the life-cycle table (core/model_status.py) for
this laptop's role, with what the move must say (a reason; for a recognition, the
decision number and date), then writes in one transaction the model's new status, its
status history entry and, for a recognition, the recognition entry. ``add_recognition``
adds a later recognition (the city after the commune). Reads take an optional ``db``
(a reader); without it they use the writer.

The generic update path (``update_model``, ``update_record("model", ...)``, ``danvan
update model ID status=...``) does not skip the history: a status change there is a
``move_model`` (same table, history entry written, with the other fields in the same
transaction). A move that must say why, or needs the recognition decision, cannot say
it there: it is refused on «Trạng thái», naming the status dialog and ``danvan
model-status`` with what to add, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, PermissionDeniedError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.model_status import (
    RECOGNISED,
    check_move,
    check_transition,
    current_status,
    move_problems,
    needs_decision,
    needs_reason,
    status_label,
)
from danvan_desktop.core.vocab import RECOGNITION_LEVELS, label
from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result
from danvan_desktop.store.changes import Change

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads

DateLike = dt.date | str | None
ROLE_KEY = "sync_role"  # the role this laptop was enrolled for (sync/engine.py's meta key)


class ModelLifeMixin(SessionBase):
    """Life-cycle verbs of the Session: move a model, recognise it, read its history."""

    @property
    def life_role(self) -> str:
        """The role moves are made as: a laptop enrolled for a commune or the city is a
        reviewer's, whatever the Session was opened as."""
        if self.role == "reviewer" or self.store.meta(ROLE_KEY) == "reviewer":
            return "reviewer"
        return self.role

    def update_record(self, entity: str, record_id: str, **fields: Any) -> Result:
        """Change some fields of a record; a model's new status is a life-cycle move
        (``move_model``), refused when the move must say what this path cannot."""
        if entity != "model" or not isinstance(fields.get("status"), str):
            return super().update_record(entity, record_id, **fields)
        status = str(fields.pop("status"))
        model = self.records.get("model", record_id)
        if status == model["status"]:
            return (
                super().update_record(entity, record_id, **fields) if fields else Result(record_id)
            )
        old = current_status(model["status"])
        if old != status:
            check_transition(old, status, self.life_role)
            if needs_reason(old, status) or needs_decision(old, status):
                raise ValidationError([_move_elsewhere(record_id, old, status)])
        with self.store.db.atomic():
            changes = super().update_record(entity, record_id, **fields).changes if fields else ()
            moved = self.move_model(record_id, status=status)
        return Result(record_id, changes + moved.changes)

    def move_model(
        self,
        model_id: str,
        *,
        status: str,
        reason: str | None = None,
        decision_number: str | None = None,
        decided_on: DateLike = None,
        level: str | None = None,
        today: dt.date | None = None,
    ) -> Result:
        """Move a model along its life cycle (only the moves the role may make), keeping
        the move and its reason in the history; a recognition also adds its entry."""
        model = self.records.get("model", model_id)
        old = current_status(model["status"])
        reason = (reason or "").strip() or None
        check_move(
            old,
            status,
            self.life_role,
            reason=reason,
            decision_number=decision_number,
            decided_on=decided_on,
        )
        if old == status and model["status"] == status:
            return Result(model_id)
        day = today or dt.date.today()
        changes: list[Change] = []
        with self.store.db.atomic():
            if status == RECOGNISED and old != RECOGNISED:
                changes.append(
                    self._recognition(model_id, level, decision_number, decided_on, None)
                )
            changes.append(
                self.records.save(
                    "model", {"status": status}, record_id=model_id, role=self.life_role
                )
            )
            entry = {
                "model_id": model_id,
                "from_status": model["status"],
                "to_status": status,
                "reason": reason,
                "by_role": self.life_role,
                "by_unit": self._home_unit_name(),
                "changed_on": day,
            }
            changes.append(self.records.save("model_status_change", entry, role=self.life_role))
        return Result(model_id, tuple(changes))

    def add_recognition(
        self,
        model_id: str,
        *,
        decision_number: str,
        decided_on: DateLike,
        level: str | None = None,
        note: str | None = None,
    ) -> Result:
        """Add a later recognition of a recognised model (reviewers only): the commune
        recognises first, the city may later."""
        model = self.records.get("model", model_id)
        if current_status(model["status"]) != RECOGNISED:
            raise ValidationError(
                [
                    FieldProblem(
                        "status",
                        tr(
                            "model_life",
                            "Mô hình chưa ở trạng thái «Được công nhận tiêu biểu»: hãy chuyển "
                            "mô hình sang trạng thái này (kèm quyết định) trước.",
                        ),
                    )
                ]
            )
        problems = move_problems(
            "reviewed", RECOGNISED, reason=None, decision_number=decision_number,
            decided_on=decided_on,
        )  # fmt: skip
        if problems:
            raise ValidationError(problems)
        with self.store.db.atomic():
            change = self._recognition(model_id, level, decision_number, decided_on, note)
        return Result(change.record_id, (change,))

    def model_history(self, model_id: str, *, db: Reads | None = None) -> list[dict[str, Any]]:
        """A model's status moves, oldest first."""
        return _rows(
            db or self.store.db,
            "SELECT id, model_id, from_status, to_status, reason, by_role, by_unit, changed_on "
            "FROM model_status_change WHERE model_id = ? AND deleted = 0 "
            "ORDER BY changed_on, rowid",
            model_id,
        )

    def model_recognitions(self, model_id: str, *, db: Reads | None = None) -> list[dict[str, Any]]:
        """A model's recognitions, the earliest decision first."""
        return _rows(
            db or self.store.db,
            "SELECT id, model_id, level, decision_number, decided_on, reviewer_unit, note "
            "FROM model_recognition WHERE model_id = ? AND deleted = 0 "
            "ORDER BY decided_on, rowid",
            model_id,
        )

    # -- helpers -----------------------------------------------------------------------
    def _recognition(
        self,
        model_id: str,
        level: str | None,
        decision_number: str | None,
        decided_on: DateLike,
        note: str | None,
    ) -> Change:
        if self.life_role != "reviewer":
            raise PermissionDeniedError(
                tr(
                    "model_life",
                    "Chỉ cấp xã hoặc thành phố công nhận mô hình: máy của tổ dân vận không ghi "
                    "được quyết định công nhận.",
                )
            )
        level = level or self._home_level()
        if level not in RECOGNITION_LEVELS:
            choices = ", ".join(f"«{label(RECOGNITION_LEVELS, c)}»" for c in RECOGNITION_LEVELS)
            raise ValidationError(
                [
                    FieldProblem(
                        "level",
                        tr(
                            "model_life",
                            "«Cấp công nhận» phải là {choices}: hãy chọn cấp đã ra quyết định.",
                            choices=choices,
                        ),
                    )
                ]
            )
        fields = {
            "model_id": model_id,
            "level": level,
            "decision_number": (decision_number or "").strip() or None,
            "decided_on": decided_on,
            "reviewer_unit": self._home_unit_name(),
            "note": note,
        }
        return self.records.save("model_recognition", fields, role="reviewer")

    def _home_unit(self) -> dict[str, Any] | None:
        unit_id = self.store.home_unit_id
        return self.records.find("unit", unit_id) if unit_id else None

    def _home_unit_name(self) -> str | None:
        unit = self._home_unit()
        return str(unit["name"]) if unit and unit.get("name") else None

    def _home_level(self) -> str | None:
        unit = self._home_unit()
        return str(unit["level"]) if unit and unit.get("level") else None


def _move_elsewhere(model_id: str, old: str | None, new: str) -> FieldProblem:
    """Why a move that must say why (or needs a decision) is not made by a plain update,
    and where to make it."""
    if needs_decision(old, new):
        command = f'danvan model-status {model_id} {new} --decision "…" --decided-on YYYY-MM-DD'
        text = tr(
            "model_life",
            "«Trạng thái»: công nhận mô hình phải kèm số và ngày quyết định, nên không đổi "
            "trạng thái ở đây được. Hãy dùng nút «Chuyển trạng thái, ghi lý do…» trên trang "
            "mô hình, hoặc lệnh {command}",
            command=command,
        )
    else:
        command = f'danvan model-status {model_id} {new} --reason "…"'
        text = tr(
            "model_life",
            "«Trạng thái»: chuyển mô hình sang «{new}» phải ghi lý do, nên không đổi trạng "
            "thái ở đây được. Hãy dùng nút «Chuyển trạng thái, ghi lý do…» trên trang mô hình, "
            "hoặc lệnh {command}",
            new=status_label(new),
            command=command,
        )
    return FieldProblem("status", text)


def _rows(db: Reads, sql: str, model_id: str) -> list[dict[str, Any]]:
    return [dict(row) for row in db.query(sql, [model_id])]
