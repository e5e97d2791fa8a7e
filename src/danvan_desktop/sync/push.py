"""The push half of a sync round: the outbox in batches bounded by compressed bytes.

Operations handed to the wire stay ``sending`` until the answer is committed
locally; a dropped link re-sends them and the server answers ``duplicate``.

With a protocol-3 server a batch goes as a named upload in blocks
(``push_upload.py``): a cut costs the block in flight, so a batch may be big
(``push_upload.BATCH_MAX_GZIP_BYTES``) and the upload, kept in the store, resumes
after a cut or a restart. A protocol-2 server gets each batch in one ``POST /push``:
as many operations as fit the bytes the link carries well within its uptime
(``ThroughputEstimator``). Either way the batch's raw JSON bytes come from the
compressed budget by the compression ratio measured on the previous batch.

An answer refusing this laptop's setup because its unit has a team already (protocol 3's
``reason`` and ``team_id``, danvan_server/setup_guard.py) makes the laptop join that team
(store/setup_merge.py): the refused operations go back in the queue, onto that team, and
the push stops there, so the round pulls the team before it sends them again.
"""

from __future__ import annotations

import functools
import gzip
import json
from typing import TYPE_CHECKING, Any

from danvan_desktop.store import outbox, setup_merge, sync_apply
from danvan_desktop.sync import protocol, push_upload
from danvan_desktop.sync.pull import save_held_versions
from danvan_desktop.sync.push_upload import PushUpload
from danvan_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from danvan_desktop.sync.round_context import RoundContext


def push_outbox(engine: RoundContext, report: SyncReport) -> None:
    """Send every pending operation, batch by batch, settling each answer locally."""
    db = engine.records.db
    total = outbox.pending_count(db)
    done = 0
    resumable = push_upload.resumable(engine)
    while True:
        engine.check_cancel()
        ops = outbox.operations(db)
        if not ops:
            return
        checkpoint = sync_apply.checkpoint(engine.records)
        if resumable:
            try:
                batch, answer = _push_resumable(engine, ops, report, done, total)
            except push_upload.UploadsUnsupported:
                resumable = False  # the batch goes again, whole, in one POST /push
                continue
            except push_upload.UploadStale:
                with db.atomic():
                    push_upload.forget_upload(db)  # the operations go in a new upload
                continue
        else:
            batch, answer = _push_one_shot(engine, ops, report, done, total)
        joined = _settle(engine, batch, answer, report, checkpoint)
        engine.pushed_high_seq = int(answer.get("high_seq") or 0)
        done += len(batch)
        engine.progress("push", done, total)
        if joined:  # the team's records come first (a pull), then this laptop's onto it
            return


def _push_one_shot(
    engine: RoundContext, ops: list[outbox.Operation], report: SyncReport, done: int, total: int
) -> tuple[list[outbox.Operation], dict[str, Any]]:
    """One batch in one ``POST /push`` (a protocol-2 server); the batch and its answer."""
    budget = engine.transport.estimator.batch_budget_bytes()
    batch, envelope_bytes = _take_batch(engine, ops, budget, max_ops=None)
    outbox.mark_sending(engine.records.db, [op.op_id for op in batch])
    response = engine.transport.request(
        "POST",
        f"{protocol.API_PREFIX}/push",
        body=_push_body(engine, batch),
        cancel=engine.cancel,
        on_progress=functools.partial(_push_progress, engine, done, total),
    )
    report.bytes_sent += response.bytes_sent
    report.bytes_received += response.bytes_received
    if response.bytes_sent:
        engine.compression_ratio = max(1.5, envelope_bytes / response.bytes_sent)
    return batch, dict(response.json())


def _push_resumable(
    engine: RoundContext, ops: list[outbox.Operation], report: SyncReport, done: int, total: int
) -> tuple[list[outbox.Operation], dict[str, Any]]:
    """One batch as a named upload, the kept one first; the batch and its answer."""
    db = engine.records.db
    upload, batch, body = _kept_upload(engine, ops)
    if upload is None:
        batch, envelope_bytes = _take_batch(
            engine, ops, push_upload.BATCH_MAX_GZIP_BYTES, max_ops=push_upload.BATCH_MAX_OPS
        )
        body = _gzip(_push_body(engine, batch))
        engine.compression_ratio = max(1.5, envelope_bytes / len(body))
        upload = PushUpload.of([op.op_id for op in batch], body)
        with db.atomic():  # frozen and named together: a restart resumes this upload
            outbox.mark_sending(db, list(upload.op_ids))
            push_upload.save_upload(db, upload)
        engine.push_memory.offsets[upload.upload_id] = 0  # a new id: the server holds none
        engine.push_memory.body = (upload.upload_id, body)

    def progress(held: int, size: int) -> None:
        engine.progress("push", done + len(batch) * held // max(1, size), total)

    return batch, push_upload.send(engine, upload, body, report, progress)


def _kept_upload(
    engine: RoundContext, ops: list[outbox.Operation]
) -> tuple[PushUpload | None, list[outbox.Operation], bytes]:
    """The upload a cut or a restart left, with its operations and its body rebuilt;
    (None, [], b"") when there is none, or its body is no longer the one kept."""
    upload = push_upload.saved_upload(engine.records.db)
    if upload is None:
        return None, [], b""
    by_id = {op.op_id: op for op in ops}
    batch = [by_id[op_id] for op_id in upload.op_ids if op_id in by_id]
    if len(batch) == len(upload.op_ids):
        remembered = engine.push_memory.body
        if remembered is not None and remembered[0] == upload.upload_id:
            return upload, batch, remembered[1]  # built by this engine: the frozen operations'
        body = _gzip(_push_body(engine, batch))
        if upload.matches(body):
            engine.push_memory.body = (upload.upload_id, body)
            return upload, batch, body
    with engine.records.db.atomic():
        push_upload.forget_upload(engine.records.db)
    return None, [], b""


def _gzip(raw: bytes) -> bytes:
    """The push body as the upload carries it: the same bytes for the same body."""
    return gzip.compress(raw, compresslevel=9, mtime=0)


def _push_progress(engine: RoundContext, done: int, total: int, _sent_bytes: int) -> None:
    engine.progress("push", done, total)


def _push_body(engine: RoundContext, batch: list[outbox.Operation]) -> bytes:
    envelopes = [op.envelope() for op in batch]
    device_id = engine.records.store.device_id
    body: dict[str, Any] = {"device_id": device_id, "ops": envelopes}
    if engine.compact:
        body = protocol.compact_push_body(device_id, envelopes)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _take_batch(
    engine: RoundContext, ops: list[outbox.Operation], budget_bytes: int, *, max_ops: int | None
) -> tuple[list[outbox.Operation], int]:
    """As many operations as fit the compressed-byte budget (at least one, at most
    ``max_ops``), and their envelopes' raw size (what the compression ratio is
    measured against)."""
    if engine.compression_ratio is None:
        engine.compression_ratio = _sample_ratio(ops)
    budget_raw = budget_bytes * engine.compression_ratio
    batch: list[outbox.Operation] = []
    size = 0
    for op in ops:
        op_size = len(json.dumps(op.envelope(), ensure_ascii=False).encode()) + 1
        if batch and (size + op_size > budget_raw or len(batch) == max_ops):
            break
        batch.append(op)
        size += op_size
    return batch, size


def _settle(
    engine: RoundContext,
    batch: list[outbox.Operation],
    answer: dict[str, Any],
    report: SyncReport,
    checkpoint: int,
) -> bool:
    """Settle one batch's answer locally; True when this laptop joined the unit's team."""
    records = engine.records
    held: set[int] = set()
    pairs = _matched(batch, answer.get("results", []))
    with records.db.atomic():
        push_upload.forget_upload(records.db)  # answered: no upload left to resume
        # This laptop's own team lost the race to the unit's team: it joins that team
        # and sends its refused records again, onto it (store/setup_merge.py).
        joining = setup_merge.joinable_team(
            records, (protocol.setup_race_team(result) for _op, result in pairs)
        )
        again = {op.op_id for op, r in pairs if joining and protocol.setup_race_team(r)}
        for op, result in pairs:
            if op.op_id in again:
                continue
            status = str(result.get("status"))
            if _held_exactly(op, result, checkpoint):
                held.add(int(result["server_version"]))
            sync_apply.settle_result(
                records,
                op,
                status=status,
                server_version=result.get("server_version"),
                message=result.get("message"),
            )
            if result.get("record"):
                sync_apply.apply_changes(records, [result["record"]])
            report.pushed += status == protocol.APPLIED
            report.duplicates += status == protocol.DUPLICATE
            report.conflicts += status == protocol.CONFLICT
            report.rejected += status == protocol.REJECTED
            if status == protocol.REJECTED and result.get("message"):
                report.messages.append(str(result["message"]))
        if held:
            save_held_versions(records, engine.held_versions | held)
        if joining:
            setup_merge.join_server_team(records, joining, again)
            report.joined_team = joining
    engine.held_versions |= held  # only once the answers are committed here
    return joining is not None


def _matched(
    batch: list[outbox.Operation], results: list[dict[str, Any]]
) -> list[tuple[outbox.Operation, dict[str, Any]]]:
    """Pair each result with its operation: by op_id, or by position (compact answers)."""
    if len(results) == len(batch) and all("op_id" not in r for r in results):
        return list(zip(batch, results, strict=True))
    by_id = {op.op_id: op for op in batch}
    pairs = [(by_id.get(str(r.get("op_id"))), r) for r in results]
    return [(op, r) for op, r in pairs if op is not None]


def _held_exactly(op: outbox.Operation, result: dict[str, Any], checkpoint: int) -> bool:
    """Whether the laptop now holds the record's new server version exactly.

    The server says ``exact`` when the new version is the laptop's base plus its
    fields (and, since protocol 3, again on a replay's ``duplicate``: the answer to the
    first send was lost); the laptop's base is the server's own only if it had pulled
    that far.
    """
    if result.get("status") not in (protocol.APPLIED, protocol.DUPLICATE):
        return False
    if not result.get("exact"):
        return False
    if not isinstance(result.get("server_version"), int):
        return False
    return op.base_version is None or op.base_version <= checkpoint


def _sample_ratio(ops: list[outbox.Operation]) -> float:
    """Raw-to-gzip ratio of the first operations (up to 256 KB): sizes the first batch."""
    sample = bytearray()
    for op in ops:
        sample += json.dumps(op.envelope(), ensure_ascii=False).encode()
        if len(sample) > 256 * 1024:
            break
    return max(1.5, len(sample) / max(1, len(gzip.compress(bytes(sample), 9))))
