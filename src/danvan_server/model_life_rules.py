"""Who may write a model's life: its status history entries and its recognitions.

A recognition (``model_recognition``) is written by reviewers only: a team's token
pushing one is refused, whatever its fields. A commune reviewer records the commune's
decision, a city reviewer the city's. A status history entry (``model_status_change``)
is written by the role that made the move: the entry must name that role, the move
must be one the role may make (core/model_status.py), with a reason where the table
asks for one; once written it is never changed or deleted.

A reviewer's entry lives with its model: it is placed in the model's unit (not the
reviewer's), so the team that owns the model pulls it (push.py reads the model with
the operation's records).

An earlier release's «replicated» is no longer a status (it stands for «recognised»):
a released laptop's operation saying it is read as «recognised» before it is checked
(``read_legacy``), and the schema-5 step ``recognise_replicated`` rewrites the models
the server already holds with it, each as a new version, so no laptop pulls a status
it no longer knows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, select

from danvan_desktop.core.model_status import (
    LEGACY_MODEL_STATUSES,
    TRANSITIONS,
    current_status,
    needs_reason,
)
from danvan_desktop.core.vocab import MODEL_STATUSES, RECOGNITION_LEVELS, ROLES
from danvan_server import records as stored
from danvan_server.auth import Scope
from danvan_server.db import lock_sequence, records, write_sequence
from danvan_server.messages import label, say
from danvan_server.records import RecordKey, StoredRecord

RECOGNITION = "model_recognition"
STATUS_CHANGE = "model_status_change"
ENTITIES = frozenset({RECOGNITION, STATUS_CHANGE})


def parent_key(op: dict[str, Any]) -> RecordKey | None:
    """The model an entry of a model's life belongs to (None for other operations)."""
    model_id = op.get("fields", {}).get("model_id") if op.get("entity") in ENTITIES else None
    return ("model", model_id) if isinstance(model_id, str) else None


def read_legacy(op: dict[str, Any]) -> None:
    """Read an earlier release's status codes in a model operation (its fields and its
    base) as the statuses they stand for: «replicated» is «recognised»."""
    if op.get("entity") != "model":
        return
    for part in ("fields", "base"):
        values = op.get(part)
        if not isinstance(values, dict):
            continue
        status = values.get("status")
        if isinstance(status, str) and status in LEGACY_MODEL_STATUSES:
            values["status"] = LEGACY_MODEL_STATUSES[status]


def recognise_replicated(connection: Connection) -> None:
    """Schema 5: each model stored with an earlier release's «replicated» becomes
    «recognised», as a new version (every laptop that holds it pulls it again)."""
    found = connection.execute(
        select(records.c.id).where(
            records.c.entity == "model",
            records.c.fields.contains("replicated", autoescape=True),
        )
    ).all()
    if not found:
        return
    models = stored.fetch(connection, [("model", row.id) for row in found])
    seq = lock_sequence(connection)
    changed: list[StoredRecord] = []
    for record in sorted(models.values(), key=lambda r: r.server_version):
        status = record.fields.get("status")
        if status not in LEGACY_MODEL_STATUSES:
            continue
        seq += 1
        fields = {**record.fields, "status": LEGACY_MODEL_STATUSES[status]}
        changed.append(replace(record, fields=fields, server_version=seq))
    if changed:
        stored.write(connection, changed)
        write_sequence(connection, seq)


def authorize(
    op: dict[str, Any],
    scope: Scope,
    current: StoredRecord | None,
    parent: StoredRecord | None,
    language: str,
) -> str | None:
    """Why ``scope`` may not write this entry (None when the entity's own rules allow it;
    the team's unit rule is checked after, by rules.py)."""
    entity = op["entity"]
    if entity == RECOGNITION and scope.role != "reviewer":
        return say(
            language,
            "Chỉ cấp xã hoặc thành phố ghi quyết định công nhận mô hình: máy của tổ dân vận "
            "không gửi được bản ghi công nhận.",
        )
    if op["kind"] == "delete":
        return say(
            language,
            "Lịch sử trạng thái và quyết định công nhận của mô hình được giữ lại, không xóa được.",
        )
    if scope.role == "reviewer":
        refusal = _reviewer_reach(scope, current, parent, language)
        if refusal:
            return refusal
    if entity == RECOGNITION:
        return _recognition_problem(op, scope, current, language)
    return _status_change_problem(op, scope, current, language)


def _reviewer_reach(
    scope: Scope, current: StoredRecord | None, parent: StoredRecord | None, language: str
) -> str | None:
    where = current if current is not None else parent
    if where is None:
        return say(
            language,
            "Không tìm thấy mô hình này trên máy chủ của thành phố: cấp xã hoặc thành phố chỉ "
            "ghi được cho mô hình mà tổ đã gửi lên.",
        )
    if not scope.covers(where.scope_path):
        return say(language, "Mô hình này không thuộc địa bàn của {unit}.", unit=scope.unit.name)
    return None


def _recognition_problem(
    op: dict[str, Any], scope: Scope, current: StoredRecord | None, language: str
) -> str | None:
    fields = {**(current.fields if current is not None else {}), **op["fields"]}
    level = fields.get("level")
    if level not in RECOGNITION_LEVELS or level != scope.unit.level:
        return say(
            language,
            "«Cấp công nhận» phải là cấp của đơn vị ra quyết định ({level}): hãy ghi đúng cấp.",
            level=label(language, RECOGNITION_LEVELS, scope.unit.level),
        )
    if not fields.get("decision_number") or not fields.get("decided_on"):
        return say(
            language,
            "Quyết định công nhận cần «Số quyết định» và «Ngày quyết định»: hãy nhập đủ rồi "
            "gửi lại.",
        )
    return None


def _status_change_problem(
    op: dict[str, Any], scope: Scope, current: StoredRecord | None, language: str
) -> str | None:
    if current is not None:
        if any(current.fields.get(k) != v for k, v in op["fields"].items()):
            return say(
                language,
                "Lịch sử trạng thái của mô hình không sửa được: mỗi lần chuyển trạng thái là một "
                "bản ghi mới.",
            )
        return None
    fields = op["fields"]
    old, new = current_status(fields.get("from_status")), fields.get("to_status")
    role_name = label(language, ROLES, scope.role)
    if fields.get("by_role") != scope.role or scope.role not in TRANSITIONS.get(
        (str(old), str(new)), frozenset()
    ):
        return say(
            language,
            "«Trạng thái»: {role} không được chuyển mô hình từ «{old}» sang «{new}».",
            role=role_name,
            old=label(language, MODEL_STATUSES, str(old)),
            new=label(language, MODEL_STATUSES, str(new)),
        )
    if needs_reason(old, str(new)) and not str(fields.get("reason") or "").strip():
        return say(
            language,
            "«Lý do» không được để trống khi chuyển mô hình sang «{new}»: hãy ghi vì sao.",
            new=label(language, MODEL_STATUSES, str(new)),
        )
    return None
