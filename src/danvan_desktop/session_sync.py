"""The sync part of the Session facade: enroll, sync a round, read the sync state.

Kept apart from session.py so the facade stays readable; ``Session`` mixes it in.
"""

from __future__ import annotations

import platform
import threading
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.store.database import Store, utc_now
from danvan_desktop.store.records import Records
from danvan_desktop.store.settings import get_setting, set_setting
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import Progress, SyncEngine, SyncReport
from danvan_desktop.sync.transport import SyncTransport, TransportError


@dataclass(frozen=True)
class SyncState:
    """What the status bar and the Đồng bộ page show."""

    enrolled: bool
    server_url: str | None
    pending: int
    rejected: int
    open_conflicts: int
    last_sync: str | None
    last_result: str | None


class SyncMixin:
    """Sync verbs of the Session (needs ``store`` and ``records``)."""

    store: Store
    records: Records

    def _transport(self, server_url: str | None = None) -> SyncTransport:
        url = server_url or get_setting(self.store.db, "server_url")
        if not url:
            raise ValidationError(
                [
                    FieldProblem(
                        "server_url",
                        tr(
                            "sync",
                            "Chưa có địa chỉ máy chủ: hãy nhập địa chỉ do cán bộ quản trị cung cấp "
                            "trong mục Đồng bộ hoặc Cài đặt.",
                        ),
                    )
                ]
            )
        return SyncTransport(
            str(url),
            protocol_version=str(protocol.PROTOCOL_VERSION),
            schema_version=self.store.db.execute("PRAGMA user_version").fetchone()[0],
            ca_bundle=get_setting(self.store.db, "ca_bundle"),
        )

    def enroll_device(
        self,
        *,
        server_url: str,
        code: str,
        device_name: str | None = None,
        ca_bundle: str | None = None,
    ) -> dict[str, Any]:
        """Enroll this laptop with the code an administrator made; remembers the server."""
        if ca_bundle is not None:
            set_setting(self.store.db, "ca_bundle", ca_bundle)
        with self._transport(server_url) as transport:
            engine = SyncEngine(self.records, transport)
            answer = engine.enroll(code, device_name or platform.node() or "laptop")
        set_setting(self.store.db, "server_url", server_url)
        return answer

    def sync_now(
        self, *, cancel: threading.Event | None = None, progress: Progress | None = None
    ) -> SyncReport:
        """One sync round with the enrolled server; the outcome goes to the sync log."""
        started = utc_now()
        try:
            with self._transport() as transport:
                report = SyncEngine(
                    self.records, transport, cancel=cancel, progress=progress
                ).sync_once()
        except TransportError as exc:
            self._log_sync(started, "error", None, str(exc))
            raise
        self._log_sync(started, "ok", report, None)
        return report

    def sync_state(self) -> SyncState:
        """Enrollment, queue, conflicts and the last round, for display."""
        db = self.store.db
        last = db.execute(
            "SELECT finished_at, result FROM sync_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return SyncState(
            enrolled=bool(self.store.meta("sync_token")),
            server_url=get_setting(db, "server_url"),
            pending=outbox.pending_count(db),
            rejected=len(outbox.operations(db, states=(outbox.REJECTED,))),
            open_conflicts=len(sync_apply.open_conflicts(self.records)),
            last_sync=None if last is None else str(last[0]),
            last_result=None if last is None else str(last[1]),
        )

    def sync_log(self, limit: int = 200) -> list[dict[str, Any]]:
        """The newest sync rounds (when, bytes, result, error), for support."""
        return list(
            self.store.db.query(f"SELECT * FROM sync_log ORDER BY seq DESC LIMIT {int(limit)}")
        )

    def conflicts(self) -> list[dict[str, Any]]:
        """Unresolved conflicts, with both values."""
        return sync_apply.open_conflicts(self.records)

    def _log_sync(
        self, started: str, result: str, report: SyncReport | None, error: str | None
    ) -> None:
        with self.store.db.atomic():
            self.store.db.execute(
                "INSERT INTO sync_log (started_at, finished_at, direction, bytes_sent, "
                "bytes_received, operations, result, error) VALUES (?, ?, 'both', ?, ?, ?, ?, ?)",
                [
                    started,
                    utc_now(),
                    report.bytes_sent if report else 0,
                    report.bytes_received if report else 0,
                    (report.pushed + report.pulled) if report else 0,
                    result,
                    error,
                ],
            )


def clock_note(skew_s: float | None) -> str | None:
    """A note for the user when the laptop clock is off by more than five minutes."""
    if skew_s is None or abs(skew_s) <= protocol.CLOCK_SKEW_WARNING_S:
        return None
    minutes = round(abs(skew_s) / 60)
    return tr(
        "sync",
        "Đồng hồ máy tính lệch {minutes} phút so với máy chủ: hãy chỉnh lại ngày "
        "giờ cho đúng; dữ liệu không bị ảnh hưởng.",
        minutes=minutes,
    )
