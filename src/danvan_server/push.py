"""Upload: apply a batch of operations in one transaction, each answered on its own.

Every operation is checked (``prepare``: envelope, ids, every field value by
``core.field_rules``) before it joins a write, so a value no laptop could store is
rejected on its own and never reaches the database. The batch then runs under the
sequence lock: one query for the op_ids already applied, one for the records
touched, the merge in Python, then one statement per table (``bulk``). If the
database or its driver still refuses a value (it should not), the batch is re-run
one operation per savepoint, so the culprit is rejected and the others apply.

``apply_group`` applies the batches of several requests (``PushJob``) in one
transaction the same way, in order, as if each had committed on its own: the
app's ``PushWriter`` groups the pushes that arrive while a transaction is running.
When the group's write fails, it is rolled back to its savepoint and each request
is applied again in a savepoint of its own, in the same transaction: a request
that still fails is rolled back alone and answered with an error, and the others
commit. Only a database that is unavailable fails the whole group.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import (
    DatabaseError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync.protocol import (
    APPLIED,
    CONFLICT,
    CONFLICT_ENTITY,
    EXACT_DUPLICATE_SINCE_PROTOCOL,
    REJECTED,
    compact_result,
    expand_push_ops,
)
from danvan_server import bulk, model_life_rules, setup_guard
from danvan_server import records as stored
from danvan_server.answers import (
    answer,
    answer_row,
    as_duplicate,
    as_released_duplicate,
    known_results,
)
from danvan_server.auth import Scope
from danvan_server.checks import is_valid_id, operation_problem, printable
from danvan_server.db import applied_ops, read_sequence, write_sequence, writing
from danvan_server.http import ApiError
from danvan_server.merge import (
    LostValue,
    Outcome,
    Placement,
    merge_delete,
    merge_resolution,
    merge_upsert,
)
from danvan_server.messages import say
from danvan_server.rules import StatusPolicy, authorize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushJob:
    """One push request, checked and ready to apply: ``problems`` holds, for each
    operation, why it is malformed (None when it may be applied)."""

    scope: Scope
    ops: list[dict[str, Any]]
    language: str
    compact: bool = False
    problems: tuple[str | None, ...] = ()
    protocol: int = EXACT_DUPLICATE_SINCE_PROTOCOL - 1  # the client's (X-Danvan-Protocol)

    def checked(self) -> PushJob:
        """This job with every operation checked (itself when it already is)."""
        if len(self.problems) == len(self.ops):
            return self
        problems = tuple(operation_problem(op, self.language) for op in self.ops)
        return PushJob(self.scope, self.ops, self.language, self.compact, problems, self.protocol)

    def answer(self, results: list[dict[str, Any]], high_seq: int) -> dict[str, Any]:
        """The response body: ``{"results": [...], "high_seq": N}``; a client before
        protocol 3 gets its duplicates as it always did, without ``exact``."""
        if self.protocol < EXACT_DUPLICATE_SINCE_PROTOCOL:
            results = [as_released_duplicate(r) for r in results]
        if self.compact:
            return {"results": [compact_result(r) for r in results], "high_seq": high_seq}
        return {"results": results, "high_seq": high_seq}


def prepare(
    body: dict[str, Any],
    scope: Scope,
    max_ops: int,
    language: str,
    protocol: int = EXACT_DUPLICATE_SINCE_PROTOCOL - 1,
) -> PushJob:
    """The request checked, every operation too (``ApiError`` when it cannot be answered
    op by op): what is wrong with an operation is known before it joins a write."""
    ops = _request_ops(body, scope, max_ops, language)
    compact = body.get("compact") is True
    return PushJob(scope, ops, language, compact, protocol=protocol).checked()


def push(
    engine: Engine, scope: Scope, body: dict[str, Any], max_ops: int, language: str
) -> dict[str, Any]:
    """Apply a push request; ``{"results": [...], "high_seq": N}``."""
    return apply_alone(engine, prepare(body, scope, max_ops, language))


def apply_alone(engine: Engine, job: PushJob) -> dict[str, Any]:
    """Apply one request in a transaction of its own; its response body."""
    job = job.checked()
    with writing(engine) as connection:
        results = _apply_isolating_failures(connection, job)
        high_seq = read_sequence(connection)
    return job.answer(results, high_seq)


def apply_group(engine: Engine, jobs: list[PushJob]) -> list[dict[str, Any] | ApiError]:
    """Apply several requests in one transaction; for each, in order, its response body,
    or the error to answer it with when it failed alone (the others still commit).

    Raises only when the database is unavailable (nothing applied).
    """
    jobs = [job.checked() for job in jobs]
    with writing(engine) as connection:
        outcomes = _apply_jobs(connection, jobs)
        high_seq = read_sequence(connection)
    return [
        outcome if isinstance(outcome, ApiError) else job.answer(outcome, high_seq)
        for job, outcome in zip(jobs, outcomes, strict=True)
    ]


def refused_by_database(exc: BaseException) -> bool:
    """A refusal of the data (constraint, trigger, value), not a database that is down."""
    return isinstance(exc, DatabaseError) and not isinstance(exc, OperationalError)


def refused_value(exc: BaseException) -> bool:
    """The data could not be stored: the database refused it, or the driver could not
    encode it (text it cannot write as UTF-8, an integer beyond its range)."""
    return refused_by_database(exc) or isinstance(exc, UnicodeError | OverflowError)


def database_unavailable(exc: BaseException) -> bool:
    """The database (or the connection to it) failed, whatever the data."""
    unavailable = OperationalError | InterfaceError | DisconnectionError | PoolTimeout
    return isinstance(exc, unavailable) or bool(getattr(exc, "connection_invalidated", False))


_JobOutcome = list[dict[str, Any]] | ApiError  # a request's results, or why it failed


def _apply_jobs(connection: Connection, jobs: list[PushJob]) -> list[_JobOutcome]:
    """Every job's results: all in one write when it goes through, else each job in a
    savepoint of its own, so that a job that fails is rolled back alone."""
    savepoint = connection.begin_nested()
    try:
        outcomes: list[_JobOutcome] = list(_apply_batch(connection, [_request(j) for j in jobs]))
    except Exception as exc:
        if database_unavailable(exc):
            raise
        savepoint.rollback()
        if len(jobs) > 1:
            log.warning("a group of %d pushes failed (%r): applying each alone", len(jobs), exc)
        return [_apply_job_alone(connection, job) for job in jobs]
    savepoint.commit()
    return outcomes


def _apply_job_alone(connection: Connection, job: PushJob) -> _JobOutcome:
    savepoint = connection.begin_nested()
    try:
        results = _apply_isolating_failures(connection, job)
    except Exception as exc:
        if database_unavailable(exc):
            raise
        savepoint.rollback()
        log.exception("a push of device %s failed and was rolled back alone", job.scope.device_id)
        return ApiError(
            500,
            say(
                job.language,
                "Máy chủ của thành phố không ghi được lần gửi này do một lỗi nội bộ; các thay đổi "
                "vẫn được giữ trên máy và sẽ tự gửi lại sau. Nếu lỗi lặp lại, hãy báo cán bộ quản "
                "trị máy chủ.",
            ),
        )
    savepoint.commit()
    return results


def _request_ops(
    body: dict[str, Any], scope: Scope, max_ops: int, language: str
) -> list[dict[str, Any]]:
    if body.get("device_id") != scope.device_id:
        raise ApiError(
            403,
            say(
                language,
                "device_id trong yêu cầu khác với máy được cấp mã truy cập: hãy đăng ký lại máy.",
            ),
        )
    ops = expand_push_ops(body)
    if not isinstance(ops, list):
        raise ApiError(422, say(language, "«ops» phải là một danh sách thao tác."))
    if len(ops) > max_ops:
        raise ApiError(
            413,
            say(language, "Một lần gửi tối đa {limit} thao tác: hãy chia nhỏ.", limit=max_ops),
        )
    for position, op in enumerate(ops):
        if not isinstance(op, dict) or not is_valid_id(op.get("op_id")):
            raise ApiError(
                422,
                say(
                    language,
                    "Thao tác thứ {position} không có op_id hợp lệ: không thể trả lời riêng cho "
                    "nó, nên cả lô bị từ chối.",
                    position=position + 1,
                ),
            )
        model_life_rules.read_legacy(op)  # a released laptop's «replicated»: «recognised»
    return ops


def _request(job: PushJob) -> _Request:
    return (job.scope, job.ops, job.language, job.problems)


def _apply_isolating_failures(connection: Connection, job: PushJob) -> list[dict[str, Any]]:
    savepoint = connection.begin_nested()
    try:
        [results] = _apply_batch(connection, [_request(job)])
    except Exception as exc:
        savepoint.rollback()
        if not refused_value(exc):
            raise
    else:
        savepoint.commit()
        return results
    results = []
    for op, problem in zip(job.ops, job.problems, strict=True):
        savepoint = connection.begin_nested()
        try:
            results += _apply_batch(connection, [(job.scope, [op], job.language, (problem,))])[0]
        except Exception as exc:
            savepoint.rollback()
            if not refused_value(exc):
                raise
            results.append(answer(op["op_id"], REJECTED, None, _refusal(exc, job.language)))
        else:
            savepoint.commit()
    return results


def _refusal(exc: BaseException, language: str) -> str:
    """The message for an operation the database or its driver would not store."""
    detail = printable(str(getattr(exc, "orig", None) or exc).splitlines()[0][:200])
    if refused_by_database(exc):
        return say(language, "Cơ sở dữ liệu của máy chủ từ chối thao tác: {detail}", detail=detail)
    return say(
        language,
        "Máy chủ của thành phố không lưu được một giá trị của thao tác này ({detail}): hãy "
        "kiểm tra lại nội dung hồ sơ rồi lưu lại.",
        detail=detail,
    )


@dataclass
class _Group:
    """The records and sequence numbers of one transaction, shared by its requests."""

    seq: int
    state: dict[stored.RecordKey, stored.StoredRecord]
    setup: setup_guard.SetupGuard  # no second setup of a unit (setup_guard.py)
    to_write: dict[stored.RecordKey, stored.StoredRecord] = field(default_factory=dict)
    answered: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Batch:
    """One request's operations while they are merged in order."""

    scope: Scope
    language: str
    group: _Group

    @property
    def state(self) -> dict[stored.RecordKey, stored.StoredRecord]:
        return self.group.state

    def keep(self, record: stored.StoredRecord) -> int:
        self.group.seq += 1
        record.server_version = self.group.seq
        self.group.state[record.key] = record
        self.group.to_write[record.key] = record
        self.group.setup.note(record)
        return record.server_version


# scope, operations, language, and each operation's problem (None: it may be applied)
_Request = tuple[Scope, list[dict[str, Any]], str, tuple[str | None, ...]]


def _apply_batch(connection: Connection, requests: list[_Request]) -> list[list[dict[str, Any]]]:
    """Merge every request's operations in order; one write per table for them all."""
    known = known_results([op["op_id"] for _, ops, _, _ in requests for op in ops], connection)
    keys = [
        (op["entity"], op["record_id"])
        for _, ops, _, found in requests
        for op, problem in zip(ops, found, strict=True)
        if not problem
    ]
    keys += [  # the model of each entry of a model's life: a reviewer's lives with it
        parent
        for _, ops, _, found in requests
        for op, problem in zip(ops, found, strict=True)
        if not problem and (parent := model_life_rules.parent_key(op))
    ]
    keys += [  # the team and the meeting a record names (setup_guard)
        named
        for _, ops, _, found in requests
        for op, problem in zip(ops, found, strict=True)
        if not problem
        for named in setup_guard.named_parents(op)
    ]
    state = stored.fetch(connection, keys)
    group = _Group(read_sequence(connection), state, setup_guard.SetupGuard(connection, state))
    answers = []
    for scope, ops, language, found in requests:
        batch = _Batch(scope, language, group)
        results = []
        for op, problem in zip(ops, found, strict=True):
            if op["op_id"] in known:
                results.append(known[op["op_id"]])
            elif problem:
                results.append(answer(op["op_id"], REJECTED, None, problem))
            else:
                result = _apply_one(batch, op)
                results.append(result)
                if result["status"] != REJECTED:
                    known[op["op_id"]] = as_duplicate(result)
                    group.answered.append(answer_row(op, result))
        answers.append(results)
    stored.write(connection, list(group.to_write.values()))
    bulk.insert_rows(connection, applied_ops, group.answered)
    write_sequence(connection, group.seq)
    return answers


def _apply_one(batch: _Batch, op: dict[str, Any]) -> dict[str, Any]:
    key = (op["entity"], op["record_id"])
    current = batch.state.get(key)
    parent_key = model_life_rules.parent_key(op)
    parent = batch.state.get(parent_key) if parent_key else None
    refusal = authorize(op, batch.scope, current, batch.language, parent)
    if refusal:
        return answer(op["op_id"], REJECTED, None, refusal)
    second_setup = batch.group.setup.refusal(op, batch.scope, current, batch.language)
    if second_setup is not None:  # with its reason and the unit's team (protocol 3)
        refused = answer(op["op_id"], REJECTED, None, second_setup.message)
        return {**refused, **second_setup.wire()}
    outcome = _merge(batch, op, current, parent)
    if outcome.status == REJECTED:
        return answer(op["op_id"], REJECTED, None, outcome.message)
    version: int | None = current.server_version if current is not None else None
    if outcome.record is not None:
        version = batch.keep(outcome.record)
    record = outcome.record or current
    conflicts = [_keep_conflict(batch, op, record, lost) for lost in outcome.lost if record]
    status = CONFLICT if outcome.status == CONFLICT else APPLIED
    result = answer(op["op_id"], status, version, outcome.message, conflicts)
    if status == APPLIED and outcome.record is not None and _builds_on_base(op, current):
        result["exact"] = True  # the new version is the laptop's base plus its fields
    return result


def _builds_on_base(op: dict[str, Any], current: stored.StoredRecord | None) -> bool:
    """Whether the record was, before this upsert, exactly the version the laptop started
    from (or absent, for a new record): then the laptop holds the new version already."""
    if op["kind"] != "upsert" or op["entity"] == CONFLICT_ENTITY:
        return False
    if current is None:
        return op["base_version"] is None
    return not current.deleted and current.server_version == op["base_version"]


def _merge(
    batch: _Batch,
    op: dict[str, Any],
    current: stored.StoredRecord | None,
    parent: stored.StoredRecord | None = None,
) -> Outcome:
    if op["entity"] == CONFLICT_ENTITY:
        if current is None:  # authorize refuses this first; kept for the type checker
            return Outcome(REJECTED, message="no such conflict")
        return merge_resolution(current, op)
    placement = Placement(batch.scope.unit.id, batch.scope.unit.path)
    if parent is not None and batch.scope.role == "reviewer":
        placement = Placement(parent.unit_id, parent.scope_path)  # beside its model
    if op["kind"] == "delete":
        return merge_delete(current, op, placement, batch.language)
    return merge_upsert(current, op, placement, StatusPolicy(batch.scope.role, batch.language))


def _keep_conflict(
    batch: _Batch, op: dict[str, Any], record: stored.StoredRecord, lost: LostValue
) -> dict[str, Any]:
    conflict = stored.StoredRecord(
        entity=CONFLICT_ENTITY,
        id=uuid7(),
        unit_id=record.unit_id,
        scope_path=record.scope_path,
        server_version=0,
        deleted=False,
        fields={
            "entity": record.entity,
            "record_id": record.id,
            "field": lost.field,
            "kept_value": lost.kept_value,
            "lost_value": lost.lost_value,
            "kept_from_device": lost.kept_from_device,
            "lost_from_device": lost.lost_from_device,
            "record_version": record.server_version,
            "needs_review": lost.needs_review,
            "resolved": False,
            "resolved_by": None,
            "created_at": stored.utc_now(),
        },
        updated_by=op["device_id"],
    )
    batch.keep(conflict)
    return {"id": conflict.id, "server_version": conflict.server_version, **conflict.fields}
