"""The sync engine: one round is health, push, pull, then the attachment files.

One round (``sync_once``): ask the server's health (clock skew, protocol, restore
detection: ``restore.py``), push the outbox in batches sized by compressed bytes
from the measured throughput (``push.py``), then pull pages since the checkpoint,
each applied with its checkpoint in one local transaction (``pull.py``). A laptop whose
own new team lost the race to the unit's team (the server refused its setup naming that
team) joins it in the push, pulls it, then pushes its records again onto it
(store/setup_merge.py).
Attachments go after the records (``sync/attachments.py``): photos are
down-scaled before the push, so the records name the copy the server gets, and
the files are uploaded once the records have gone both ways.

With protocol 2 the push body is compact and the pull leaves out the versions this
laptop wrote itself and holds exactly (``held_versions``), so a thousand new records
cross the link once, not twice.
"""

from __future__ import annotations

import datetime as dt
import gzip
import threading
import time
from collections.abc import Callable
from typing import Any

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.store import setup_merge, sync_apply
from danvan_desktop.store.records import Records
from danvan_desktop.store.settings import get_setting, set_setting
from danvan_desktop.sync import attachments, protocol, push_memory
from danvan_desktop.sync.library import sync_library
from danvan_desktop.sync.pull import load_held_versions, pull_pages, save_held_versions
from danvan_desktop.sync.push import push_outbox
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.restore import check_restore, resend_after
from danvan_desktop.sync.round_context import Progress
from danvan_desktop.sync.transport import SyncTransport

__all__ = [
    "HEALTH_REUSE_S",
    "PULL_REUSE_S",
    "ROLE_KEY",
    "TOKEN_KEY",
    "UNIT_KEY",
    "Progress",
    "SyncEngine",
    "SyncReport",
    "gzip_size",
    "resend_after",
]

TOKEN_KEY = "sync_token"
# Laptop setting: what the engine learnt of the link (throughput.py ``snapshot``).
LINK_ESTIMATES_KEY = "sync_link_estimates"
ROLE_KEY = "sync_role"
UNIT_KEY = "sync_unit_id"
# Rounds retried within this many seconds reuse the last health answer: on a link that
# drops every minute a round trip is dear, and neither the server's epoch nor the
# clock changes in a minute.
HEALTH_REUSE_S = 60.0
PULL_REUSE_S = 60.0  # likewise for a pull, when the round has pushed nothing new


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
        # Kept in the store too (pull.HELD_KEY): a lost answer or a restart keeps them.
        self.held_versions: set[int] = load_held_versions(records)
        # The current (or last) round's figures, kept when a round fails half-way:
        # the retry loop counts what it did and whether it moved anything.
        self.round_report = SyncReport()
        self.pushed_high_seq = 0  # the server's high_seq after this round's last push
        self._health_at: float | None = None  # monotonic time of the last health answer
        self._probed: dict[str, Any] | None = None  # a probe's health answer, for the round
        self._pulled_at: float | None = None  # monotonic time of the last complete pull
        self.upload_memory = attachments.UploadMemory()
        self.push_memory = push_memory.UploadMemory()  # offsets, block size (push_upload.py)
        self._skew: float | None = None
        token = records.store.meta(TOKEN_KEY)
        if token:
            transport.set_auth_token(token)
        saved = get_setting(records.db, LINK_ESTIMATES_KEY)
        if isinstance(saved, dict):
            transport.estimator.restore(saved)  # the first batch fits the uptime learnt

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
            cancel=self.cancel,
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
    def health(self, timeout_s: float | None = None) -> dict[str, Any]:
        """The server's health answer (no token needed); stops when ``cancel`` is set.
        ``timeout_s`` replaces the transport's stall timeout (a probe's own)."""
        self.check_cancel()
        response = self.transport.get(
            f"{protocol.API_PREFIX}/health", cancel=self.cancel, timeout_s=timeout_s
        )
        return dict(response.json())

    def probe(self) -> None:
        """One small /health request after a drop: returns when the link carries it again,
        raises ``LinkDown`` while it does not (``ServerError`` when the server is in
        trouble). The next round starts from this answer instead of asking again. It waits
        a few round trips (``probe_timeout_s``), not the stall timeout: on a silent black
        hole the next probe, on a new connection, comes seconds later."""
        self._probed = self.health(self.transport.probe_timeout_s())

    def sync_once(self) -> SyncReport:
        """One full round: health, recovery if needed, push, pull, then the files; what it
        learnt of the link is kept in the store, whether it finished or not. The round's
        bytes are what crossed the wire, failed and cut requests included."""
        sent_before, received_before = self.transport.wire_totals()
        try:
            return self._round()
        finally:
            sent, received = self.transport.wire_totals()
            self.round_report.bytes_sent = sent - sent_before
            self.round_report.bytes_received = received - received_before
            self.keep_link_estimates()

    def keep_link_estimates(self) -> None:
        """Save the link's estimates (speed, uptimes, round trip) for later runs."""
        set_setting(self.records.db, LINK_ESTIMATES_KEY, self.transport.estimator.snapshot())

    def _round(self) -> SyncReport:
        report = self.round_report = SyncReport()
        self.pushed_high_seq = 0
        fresh = self._health_at is not None and time.monotonic() - self._health_at <= HEALTH_REUSE_S
        if self._probed is not None or not fresh:
            health, self._probed = self._probed or self.health(), None
            report.reached_server = True
            self._skew = _skew_s(health.get("server_time"), self.now())
            check_restore(self.records, health, report)
            if report.server_restored and self.held_versions:
                # The restored server numbers new writes again from its high_seq.
                self.held_versions = set()
                save_held_versions(self.records, ())
            self._health_at = time.monotonic()
        report.clock_skew_s = self._skew
        attachments.prepare_uploads(self.records)
        push_outbox(self, report)
        if report.joined_team:  # the unit's team first, then this laptop's records onto it
            self._pull(report)
            push_outbox(self, report)
        if report.pushed + report.conflicts or not self._pulled_recently():
            self._pull(report)
        attachments.upload_pending(
            self.records,
            self.transport,
            report,
            memory=self.upload_memory,
            cancel=self.cancel,
            progress=self.progress,
        )
        sync_library(self, report)  # the low-priority library lane, after records and photos
        return report

    def _pull(self, report: SyncReport) -> None:
        """Pull every page, then point what names a leader the setup merge dropped at the
        team's (store/setup_merge.py)."""
        pull_pages(self, report)
        self._pulled_at = time.monotonic()
        setup_merge.take_server_leader(self.records)

    @property
    def compact(self) -> bool:
        """Whether the server speaks protocol 2 with us (compact bodies, ``skip``)."""
        return self.transport.protocol_version >= protocol.COMPACT_SINCE_PROTOCOL

    def check_cancel(self) -> None:
        """Raise ``OperationCancelled`` when the caller has asked the round to stop."""
        if self.cancel.is_set():
            raise OperationCancelled("sync cancelled")

    def _pulled_recently(self) -> bool:
        """A round retried soon after a complete pull leaves the next one to a later round:
        others' changes can wait a minute, the link's uptime cannot."""
        return self._pulled_at is not None and time.monotonic() - self._pulled_at < PULL_REUSE_S


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
