"""Who may write what: every operation is checked against its token's scope and role.

A village team writes only its own unit's records and never a reviewer's
fields; a commune or city reviewer writes only the review fields of records
below its unit, plus the model status moves a reviewer may make. No device above
the commune touches a record of residents' details (residents.py). Status moves
are checked as paths, not single steps, because the laptop coalesces an
offline afternoon of edits (registered → in progress → reviewed) into one
operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.model_status import INITIAL_STATUS, TRANSITIONS, current_status
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vocab import MODEL_STATUSES, ROLES
from danvan_desktop.sync.protocol import CONFLICT_ENTITY
from danvan_server import model_life_rules, residents
from danvan_server.auth import Scope
from danvan_server.messages import label, say
from danvan_server.records import StoredRecord

STATUS_FIELD = ("model", "status")


def reachable(old: str, new: str, role: str) -> bool:
    """True when ``role`` can move a model from ``old`` to ``new`` in one or more steps."""
    frontier, seen = [old], {old}
    while frontier:
        here = frontier.pop()
        for (frm, to), roles in TRANSITIONS.items():
            if frm != here or role not in roles:
                continue
            if to == new:
                return True
            if to not in seen:
                seen.add(to)
                frontier.append(to)
    return False


@dataclass(frozen=True)
class StatusPolicy:
    """The model status moves one role may make (used by the merge)."""

    role: str
    language: str

    def allows(self, old: str | None, new: str) -> bool:
        """True when the move (or creation, ``old`` None) is allowed to this role (an earlier
        release's «replicated» stands for «recognised»)."""
        old = current_status(old)
        if old == new:
            return True
        if old is None:
            return self.role == "team" and (
                new == INITIAL_STATUS or reachable(INITIAL_STATUS, new, "team")
            )
        return reachable(old, new, self.role)

    def refusal(self, old: str | None, new: str) -> str:
        """The message for a move this role may not make."""
        if old is None:
            return say(
                self.language,
                "Mô hình mới phải bắt đầu ở trạng thái «{initial}».",
                initial=label(self.language, MODEL_STATUSES, INITIAL_STATUS),
            )
        return say(
            self.language,
            "«Trạng thái»: {role} không được chuyển mô hình từ «{old}» sang «{new}».",
            role=label(self.language, ROLES, self.role),
            old=label(self.language, MODEL_STATUSES, old),
            new=label(self.language, MODEL_STATUSES, new),
        )


def _field_label(entity: str, name: str, language: str) -> str:
    return say(language, ENTITIES[entity].field(name).label, context="fields")


def _changes(op: dict[str, Any], current: StoredRecord | None) -> list[str]:
    """The op's fields whose value differs from the server's (all non-null ones when new)."""
    now = current.fields if current is not None else {}
    return [name for name, value in op["fields"].items() if now.get(name) != value]


def authorize(
    op: dict[str, Any],
    scope: Scope,
    current: StoredRecord | None,
    language: str,
    parent: StoredRecord | None = None,
) -> str | None:
    """Why ``scope`` may not make this operation (None when it may); ``parent``: the
    model of an entry of its life (model_life_rules.py), when the server holds it."""
    entity = op["entity"]
    if op["device_id"] != scope.device_id:
        return say(
            language,
            "Thao tác mang mã máy {op_device} nhưng mã truy cập là của máy {device}.",
            op_device=op["device_id"],
            device=scope.device_id,
        )
    if not residents.sees_residents(scope.unit.level) and (
        residents.commune_only(entity, op["fields"])
        or (current is not None and residents.commune_only(entity, current.fields))
    ):
        return say(
            language,
            "Thông tin cá nhân của người dân (người kiến nghị, các bên hòa giải) chỉ lưu ở tổ "
            "dân vận và xã, phường: máy ở cấp trên xã không gửi được thao tác này.",
        )
    if entity == CONFLICT_ENTITY:
        return _authorize_resolution(scope, current, language)
    if entity == "unit":
        return say(
            language,
            "Danh mục đơn vị do máy chủ của thành phố quản lý: máy trạm không sửa được hồ sơ đơn "
            "vị.",
        )
    if entity == "model" and "status" in op["fields"]:
        status = op["fields"]["status"]
        if status not in MODEL_STATUSES:
            return say(
                language,
                "Không có trạng thái «{value}»: hãy chọn một trạng thái trong danh sách.",
                value=str(status)[:40],
            )
    if entity in model_life_rules.ENTITIES:
        refusal = model_life_rules.authorize(op, scope, current, parent, language)
        if refusal or scope.role != "team":
            return refusal
    if scope.role == "team":
        return _authorize_team(op, scope, current, language)
    return _authorize_reviewer(op, scope, current, language)


def _authorize_team(
    op: dict[str, Any], scope: Scope, current: StoredRecord | None, language: str
) -> str | None:
    owner_unit = current.unit_id if current is not None else op["unit_id"]
    if owner_unit != scope.unit.id or op["unit_id"] != scope.unit.id:
        return say(
            language,
            "Hồ sơ này thuộc đơn vị khác, không phải {unit}: máy của tổ chỉ gửi được hồ sơ của "
            "đơn vị mình.",
            unit=scope.unit.name,
        )
    spec = ENTITIES[op["entity"]]
    for name in _changes(op, current):
        if spec.field(name).owner == "reviewer":
            return say(
                language,
                "«{label}» do cấp xã hoặc thành phố ghi: tổ dân vận không sửa được trường này.",
                label=_field_label(op["entity"], name, language),
            )
    return None


def _authorize_reviewer(
    op: dict[str, Any], scope: Scope, current: StoredRecord | None, language: str
) -> str | None:
    if op["kind"] == "delete":
        return say(language, "Cấp xã hoặc thành phố không xóa được hồ sơ của tổ dân vận.")
    if current is None:
        return say(
            language,
            "Không tìm thấy hồ sơ này trên máy chủ của thành phố: cấp xã hoặc thành phố chỉ nhận "
            "xét "
            "được hồ sơ mà tổ đã gửi lên.",
        )
    if not scope.covers(current.scope_path):
        return say(
            language,
            "Hồ sơ này không thuộc địa bàn của {unit}.",
            unit=scope.unit.name,
        )
    spec = ENTITIES[op["entity"]]
    for name in _changes(op, current):
        if spec.field(name).owner != "reviewer" and (op["entity"], name) != STATUS_FIELD:
            return say(
                language,
                "«{label}» là nội dung của tổ dân vận: cấp xã hoặc thành phố chỉ ghi các trường "
                "nhận xét.",
                label=_field_label(op["entity"], name, language),
            )
    return None


def _authorize_resolution(scope: Scope, current: StoredRecord | None, language: str) -> str | None:
    if current is None:
        return say(language, "Không tìm thấy bản ghi xung đột này trên máy chủ của thành phố.")
    if not scope.covers(current.scope_path):
        return say(
            language,
            "Bản ghi xung đột này không thuộc địa bàn của {unit}.",
            unit=scope.unit.name,
        )
    return None
