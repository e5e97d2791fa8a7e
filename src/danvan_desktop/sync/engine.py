"""The sync engine: push the outbox, pull pages, recover from a restored server.

One round (``sync_once``): ask the server's health (clock skew, protocol, restore
detection), push the outbox in batches sized by compressed bytes from the measured
throughput, then pull pages since the checkpoint, each applied with its checkpoint
in one local transaction. Operations handed to the wire stay ``sending`` until the
answer is committed locally; a dropped link re-sends them and the server answers
``duplicate``. Attachments go after the records (``sync/attachments.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records
from danvan_desktop.sync import protocol
from danvan_desktop.sync.transport import SyncTransport

TOKEN_KEY = "sync_token"
ROLE_KEY = "sync_role"
UNIT_KEY = "sync_unit_id"
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class SyncReport:
    """What one round did, for the status bar and the sync log."""

    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pages: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    clock_skew_s: float | None = None
    server_restored: bool = False
    resent_after_restore: int = 0
    messages: list[str] = field(default_factory=list)


class SyncEngine:
    """Syncs one store with one server through one transport (used from one thread)."""

    def __init__(
        self,
        records: Records,
        transport: SyncTransport,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.records = records
        self.transport = transport
        self.cancel = cancel or threading.Event()
        self.progress = progress or (lambda stage, done, total: None)
        self.now = now
        self.compression_ratio = 4.0  # raw JSON bytes per gzip byte, learned per batch
        token = records.store.meta(TOKEN_KEY)
        if token:
            transport.set_auth_token(token)

    # -- enrollment ----------------------------------------------------------------
    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        """Exchange a single-use enrollment code for this device's token."""
        answer = self.transport.post_json(
            f"{protocol.API_PREFIX}/enroll",
            {
                "code": code.strip(),
                "device_id": self.records.store.device_id,
                "device_name": device_name,
            },
        ).json()
        store = self.records.store
        with self.records.db.atomic():
            store.set_meta(TOKEN_KEY, str(answer["token"]))
            store.set_meta(ROLE_KEY, str(answer.get("role") or "team"))
            unit = answer.get("unit") or {}
            if unit.get("id"):
                store.set_meta(UNIT_KEY, str(unit["id"]))
                if str(answer.get("role") or "team") == "team":
                    sync_apply.adopt_server_unit(self.records, unit)
            if answer.get("epoch"):
                store.set_meta(sync_apply.EPOCH_KEY, str(answer["epoch"]))
        self.transport.set_auth_token(str(answer["token"]))
        return dict(answer)

    @property
    def enrolled(self) -> bool:
        """True once this laptop has a token."""
        return bool(self.records.store.meta(TOKEN_KEY))

    # -- a round -------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        """The server's health answer (no token needed)."""
        return dict(self.transport.get(f"{protocol.API_PREFIX}/health").json())

    def sync_once(self) -> SyncReport:
        """One full round: health, recovery if needed, push, pull."""
        report = SyncReport()
        health = self.health()
        report.clock_skew_s = _skew_s(health.get("server_time"), self.now())
        self._check_restore(health, report)
        self._push(report)
        self._pull(report)
        return report

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise OperationCancelled("sync cancelled")

    # -- restore detection ---------------------------------------------------------
    def _check_restore(self, health: dict[str, Any], report: SyncReport) -> None:
        store = self.records.store
        cp = sync_apply.checkpoint(self.records)
        epoch = health.get("epoch")
        known_epoch = store.meta(sync_apply.EPOCH_KEY)
        high = int(health.get("high_seq") or 0)
        new_epoch = known_epoch is not None and epoch is not None and epoch != known_epoch
        if cp <= high and not new_epoch:
            return
        # The server lost what came after `high` (or everything, with a new epoch):
        # re-send our records it can no longer have, then pull from what it has.
        floor = 0 if new_epoch else high
        report.server_restored = True
        report.resent_after_restore = resend_after(self.records, floor)
        with self.records.db.atomic():
            store.set_meta(sync_apply.CHECKPOINT_KEY, str(floor))
            if epoch is not None:
                store.set_meta(sync_apply.EPOCH_KEY, str(epoch))

    # -- push ----------------------------------------------------------------------
    def _push(self, report: SyncReport) -> None:
        db = self.records.db
        total = outbox.pending_count(db)
        done = 0
        while True:
            self._check_cancel()
            ops = outbox.operations(db)
            if not ops:
                return
            batch = self._take_batch(ops)
            outbox.mark_sending(db, [op.op_id for op in batch])
            raw = json.dumps(
                {"device_id": self.records.store.device_id, "ops": [op.envelope() for op in batch]},
                ensure_ascii=False,
                separators=(",", ":"),
            ).encode()
            response = self.transport.request(
                "POST",
                f"{protocol.API_PREFIX}/push",
                body=raw,
                cancel=self.cancel,
                on_progress=functools.partial(self._push_progress, done, total),
            )
            report.bytes_sent += response.bytes_sent
            report.bytes_received += response.bytes_received
            if response.bytes_sent:
                self.compression_ratio = max(1.5, len(raw) / response.bytes_sent)
            self._settle(batch, response.json(), report)
            done += len(batch)
            self.progress("push", done, total)

    def _push_progress(self, done: int, total: int, _sent_bytes: int) -> None:
        self.progress("push", done, total)

    def _take_batch(self, ops: list[outbox.Operation]) -> list[outbox.Operation]:
        """As many operations as fit the compressed-byte budget (at least one)."""
        budget_raw = self.transport.estimator.batch_budget_bytes() * self.compression_ratio
        batch: list[outbox.Operation] = []
        size = 0
        for op in ops:
            op_size = len(json.dumps(op.envelope(), ensure_ascii=False)) + 1
            if batch and size + op_size > budget_raw:
                break
            batch.append(op)
            size += op_size
        return batch

    def _settle(
        self, batch: list[outbox.Operation], answer: dict[str, Any], report: SyncReport
    ) -> None:
        by_id = {op.op_id: op for op in batch}
        with self.records.db.atomic():
            for result in answer.get("results", []):
                op = by_id.get(str(result.get("op_id")))
                if op is None:
                    continue
                status = str(result.get("status"))
                sync_apply.settle_result(
                    self.records,
                    op,
                    status=status,
                    server_version=result.get("server_version"),
                    message=result.get("message"),
                )
                if result.get("record"):
                    sync_apply.apply_changes(self.records, [result["record"]])
                report.pushed += status == protocol.APPLIED
                report.duplicates += status == protocol.DUPLICATE
                report.conflicts += status == protocol.CONFLICT
                report.rejected += status == protocol.REJECTED
                if status == protocol.REJECTED and result.get("message"):
                    report.messages.append(str(result["message"]))

    # -- pull ----------------------------------------------------------------------
    def _pull(self, report: SyncReport) -> None:
        while True:
            self._check_cancel()
            since = sync_apply.checkpoint(self.records)
            budget = self.transport.estimator.batch_budget_bytes() * 4
            response = self.transport.get(
                f"{protocol.API_PREFIX}/pull?since={since}&max_bytes={int(budget)}",
                cancel=self.cancel,
            )
            report.bytes_received += response.bytes_received
            page = response.json()
            changes = page.get("changes", [])
            sync_apply.apply_page(
                self.records, changes, next_seq=int(page["next"]), epoch=page.get("epoch")
            )
            report.pulled += len(changes)
            report.pages += 1
            self.progress("pull", int(page["next"]), int(page.get("high_seq") or page["next"]))
            if not page.get("more"):
                return


def resend_after(records: Records, floor: int) -> int:
    """Queue full upserts of every local record the server may have lost (version above
    ``floor``); returns how many. Their ``base`` is empty: there is nothing to merge with."""
    count = 0
    with records.db.atomic():
        for spec in ENTITIES.values():
            rows = list(
                records.db.query(f"SELECT * FROM [{spec.table}] WHERE server_version > ?", [floor])
            )
            for row in rows:
                if outbox.operation_for(records.db, spec.name, row["id"]) is not None:
                    continue
                fields = {k: row[k] for k in spec.field_names if row.get(k) is not None}
                outbox.record_change(
                    records.db,
                    device_id=records.store.device_id,
                    entity=spec.name,
                    record_id=row["id"],
                    unit_id=row["unit_id"],
                    kind="delete" if row["deleted"] else "upsert",
                    fields=fields,
                    base={},
                    base_version=None,
                    created_at=utc_now(),
                )
                count += 1
    return count


def _skew_s(server_time: Any, now: dt.datetime) -> float | None:
    if not server_time:
        return None
    try:
        server = dt.datetime.fromisoformat(str(server_time).replace("Z", "+00:00"))
    except ValueError:
        return None
    if server.tzinfo is None:
        server = server.replace(tzinfo=dt.UTC)
    return (now - server).total_seconds()


def gzip_size(payload: Any) -> int:
    """Bytes of ``payload``'s canonical JSON after gzip (the wire-size reference)."""
    return len(gzip.compress(protocol.canonical_json(payload)))
