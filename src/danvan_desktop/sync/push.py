"""The push half of a sync round: the outbox in batches bounded by compressed bytes.

Operations handed to the wire stay ``sending`` until the answer is committed
locally; a dropped link re-sends them and the server answers ``duplicate``. A
batch holds as many operations as fit the bytes the link carries well within
its uptime (``ThroughputEstimator``), converted to raw JSON bytes by the
compression ratio measured on the previous batch.
"""

from __future__ import annotations

import functools
import gzip
import json
from typing import TYPE_CHECKING, Any

from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.sync import protocol
from danvan_desktop.sync.pull import save_held_versions
from danvan_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from danvan_desktop.sync.round_context import RoundContext


def push_outbox(engine: RoundContext, report: SyncReport) -> None:
    """Send every pending operation, batch by batch, settling each answer locally."""
    db = engine.records.db
    total = outbox.pending_count(db)
    done = 0
    while True:
        engine.check_cancel()
        ops = outbox.operations(db)
        if not ops:
            return
        batch, envelope_bytes = _take_batch(engine, ops)
        outbox.mark_sending(db, [op.op_id for op in batch])
        raw = _push_body(engine, batch)
        checkpoint = sync_apply.checkpoint(engine.records)
        response = engine.transport.request(
            "POST",
            f"{protocol.API_PREFIX}/push",
            body=raw,
            cancel=engine.cancel,
            on_progress=functools.partial(_push_progress, engine, done, total),
        )
        report.bytes_sent += response.bytes_sent
        report.bytes_received += response.bytes_received
        if response.bytes_sent:
            engine.compression_ratio = max(1.5, envelope_bytes / response.bytes_sent)
        answer = response.json()
        _settle(engine, batch, answer, report, checkpoint)
        engine.pushed_high_seq = int(answer.get("high_seq") or 0)
        done += len(batch)
        engine.progress("push", done, total)


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
    engine: RoundContext, ops: list[outbox.Operation]
) -> tuple[list[outbox.Operation], int]:
    """As many operations as fit the compressed-byte budget (at least one), and
    their envelopes' raw size (what the compression ratio is measured against)."""
    if engine.compression_ratio is None:
        engine.compression_ratio = _sample_ratio(ops)
    budget_raw = engine.transport.estimator.batch_budget_bytes() * engine.compression_ratio
    batch: list[outbox.Operation] = []
    size = 0
    for op in ops:
        op_size = len(json.dumps(op.envelope(), ensure_ascii=False).encode()) + 1
        if batch and size + op_size > budget_raw:
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
) -> None:
    records = engine.records
    held: set[int] = set()
    with records.db.atomic():
        for op, result in _matched(batch, answer.get("results", [])):
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
    engine.held_versions |= held  # only once the answers are committed here


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
