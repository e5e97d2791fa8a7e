"""The sync engine: push the outbox, pull pages, recover from a restored server.

One round (``sync_once``): ask the server's health (clock skew, protocol, restore
detection), push the outbox in batches sized by compressed bytes from the measured
throughput, then pull pages since the checkpoint, each applied with its checkpoint
in one local transaction. Operations handed to the wire stay ``sending`` until the
answer is committed locally; a dropped link re-sends them and the server answers
``duplicate``. Attachments go after the records (``sync/attachments.py``): photos
are down-scaled before the push, so the records name the copy the server gets, and
the files are uploaded once the records have gone both ways.

With protocol 2 the push body is compact and the pull leaves out the versions this
laptop wrote itself and holds exactly (``held_versions``), so a thousand new records
cross the link once, not twice.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records
from danvan_desktop.sync import attachments, protocol
from danvan_desktop.sync.transport import SyncTransport

TOKEN_KEY = "sync_token"
ROLE_KEY = "sync_role"
UNIT_KEY = "sync_unit_id"
Progress = Callable[[str, int, int], None]  # (stage, done, total)
# Rounds retried within this many seconds reuse the last health answer: on a link that
# drops every minute a round trip is dear, and neither the server's epoch nor the
# clock changes in a minute.
HEALTH_REUSE_S = 60.0
PULL_REUSE_S = 60.0  # likewise for a pull, when the round has pushed nothing new
_COUNTS = (
    "pushed",
    "duplicates",
    "conflicts",
    "rejected",
    "pulled",
    "pages",
    "bytes_sent",
    "bytes_received",
    "resent_after_restore",
    "files_uploaded",
    "file_bytes_sent",
)


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
    files_uploaded: int = 0
    file_bytes_sent: int = 0  # attachment bytes (also counted in bytes_sent)
    reached_server: bool = False  # the server answered this round (the link was up)
    messages: list[str] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        """Whether the round got anything acknowledged (a batch, a page, a file chunk)."""
        settled = self.pushed + self.duplicates + self.conflicts + self.rejected
        return bool(settled or self.pages or self.file_bytes_sent or self.files_uploaded)

    def add(self, other: SyncReport) -> None:
        """Add another round's figures to these (the retry loop's total)."""
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.reached_server = self.reached_server or other.reached_server
        if other.clock_skew_s is not None:
            self.clock_skew_s = other.clock_skew_s
        self.server_restored = self.server_restored or other.server_restored
        self.messages += other.messages


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
        self.compression_ratio: float | None = None  # raw JSON per gzip byte, measured
        # Versions this laptop wrote and holds exactly: the pull need not send them back.
        self.held_versions: set[int] = set()
        # The current (or last) round's figures, kept when a round fails half-way:
        # the retry loop counts what it did and whether it moved anything.
        self.round_report = SyncReport()
        self._health_at: float | None = None  # monotonic time of the last health answer
        self._pushed_high_seq = 0
        self._pulled_at: float | None = None  # monotonic time of the last complete pull
        self.upload_memory = attachments.UploadMemory()
        self._skew: float | None = None
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
        """One full round: health, recovery if needed, push, pull, then the files."""
        report = self.round_report = SyncReport()
        self._pushed_high_seq = 0  # the server's high_seq after this round's last push
        if self._health_at is None or time.monotonic() - self._health_at > HEALTH_REUSE_S:
            health = self.health()
            report.reached_server = True
            self._skew = _skew_s(health.get("server_time"), self.now())
            self._check_restore(health, report)
            self._health_at = time.monotonic()
        report.clock_skew_s = self._skew
        attachments.prepare_uploads(self.records)
        self._push(report)
        if report.pushed + report.conflicts or not self._pulled_recently():
            self._pull(report)
            self._pulled_at = time.monotonic()
        attachments.upload_pending(
            self.records,
            self.transport,
            report,
            memory=self.upload_memory,
            cancel=self.cancel,
            progress=self.progress,
        )
        return report

    @property
    def compact(self) -> bool:
        """Whether the server speaks protocol 2 with us (compact bodies, ``skip``)."""
        return self.transport.protocol_version >= protocol.COMPACT_SINCE_PROTOCOL

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
            batch, envelope_bytes = self._take_batch(ops)
            outbox.mark_sending(db, [op.op_id for op in batch])
            raw = self._push_body(batch)
            checkpoint = sync_apply.checkpoint(self.records)
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
                self.compression_ratio = max(1.5, envelope_bytes / response.bytes_sent)
            answer = response.json()
            self._settle(batch, answer, report, checkpoint)
            self._pushed_high_seq = int(answer.get("high_seq") or 0)
            done += len(batch)
            self.progress("push", done, total)

    def _pulled_recently(self) -> bool:
        """A round retried soon after a complete pull leaves the next one to a later round:
        others' changes can wait a minute, the link's uptime cannot."""
        return self._pulled_at is not None and time.monotonic() - self._pulled_at < PULL_REUSE_S

    def _only_own_changes_since_checkpoint(self) -> bool:
        since = sync_apply.checkpoint(self.records)
        high = self._pushed_high_seq
        if not self.compact or high <= since or high - since > len(self.held_versions):
            return False
        return all(version in self.held_versions for version in range(since + 1, high + 1))

    def _push_progress(self, done: int, total: int, _sent_bytes: int) -> None:
        self.progress("push", done, total)

    def _push_body(self, batch: list[outbox.Operation]) -> bytes:
        envelopes = [op.envelope() for op in batch]
        device_id = self.records.store.device_id
        body: dict[str, Any] = {"device_id": device_id, "ops": envelopes}
        if self.compact:
            body = protocol.compact_push_body(device_id, envelopes)
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()

    def _take_batch(self, ops: list[outbox.Operation]) -> tuple[list[outbox.Operation], int]:
        """As many operations as fit the compressed-byte budget (at least one), and
        their envelopes' raw size (what the compression ratio is measured against)."""
        if self.compression_ratio is None:
            self.compression_ratio = _sample_ratio(ops)
        budget_raw = self.transport.estimator.batch_budget_bytes() * self.compression_ratio
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
        self,
        batch: list[outbox.Operation],
        answer: dict[str, Any],
        report: SyncReport,
        checkpoint: int,
    ) -> None:
        held: set[int] = set()
        with self.records.db.atomic():
            for op, result in _matched(batch, answer.get("results", [])):
                status = str(result.get("status"))
                if _held_exactly(op, result, checkpoint):
                    held.add(int(result["server_version"]))
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
        self.held_versions |= held  # only once the answers are committed here

    # -- pull ----------------------------------------------------------------------
    def _pull(self, report: SyncReport) -> None:
        if self._only_own_changes_since_checkpoint():
            # Every version the server made since our checkpoint is one we wrote and
            # hold: a pull would bring nothing. Move the checkpoint, save a round trip.
            sync_apply.apply_page(self.records, [], next_seq=self._pushed_high_seq)
            return
        while True:
            self._check_cancel()
            since = sync_apply.checkpoint(self.records)
            budget = self.transport.estimator.batch_budget_bytes() * 4
            query = f"since={since}&max_bytes={int(budget)}"
            self.held_versions = {v for v in self.held_versions if v > since}
            if self.compact and self.held_versions:
                query += f"&skip={protocol.format_ranges(self.held_versions)}"
            response = self.transport.get(f"{protocol.API_PREFIX}/pull?{query}", cancel=self.cancel)
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
    fields; the laptop's base is the server's own only if it had pulled that far.
    """
    if result.get("status") != protocol.APPLIED or not result.get("exact"):
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
