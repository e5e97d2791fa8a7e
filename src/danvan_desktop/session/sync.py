"""The sync part of the Session facade: enroll, sync a round, read the sync state.

Kept apart from session/facade.py so the facade stays readable; ``Session`` mixes it in.
The sync engine and its transport (requests, urllib3, Pillow for photos) are
imported by the verbs that go on the wire, not with this module: the window
starts without them.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeGuard

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.conflicts import ConflictsMixin
from danvan_desktop.store.database import Store, utc_now
from danvan_desktop.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from danvan_desktop.session.transport import OnWire
    from danvan_desktop.store import outbox, sync_apply
    from danvan_desktop.store.records import Records
    from danvan_desktop.sync import protocol, scheduler_state
    from danvan_desktop.sync import report as sync_report
    from danvan_desktop.sync.backoff import Backoff as Backoff
    from danvan_desktop.sync.engine import Progress
    from danvan_desktop.sync.report import SyncReport as SyncReport
    from danvan_desktop.sync.scheduler_state import SchedulerState as SchedulerState
    from danvan_desktop.sync.scheduler_state import Step as Step
    from danvan_desktop.sync.scheduler_state import SyncFailure as SyncFailure
    from danvan_desktop.sync.transport import SyncTransport, TransportError
else:  # loaded when first used (core/lazy.py)
    outbox = lazy_module("danvan_desktop.store.outbox")
    sync_apply = lazy_module("danvan_desktop.store.sync_apply")
    protocol = lazy_module("danvan_desktop.sync.protocol")
    sync_report = lazy_module("danvan_desktop.sync.report")
    scheduler_state = lazy_module("danvan_desktop.sync.scheduler_state")

_log = logging.getLogger(__name__)

# The last sync: the newest round the server acknowledged or reply bundle imported, never
# a failed attempt or a bundle only written. Read from the result and direction every
# version has logged, so rows an older version counted wrongly stop counting at once.
LAST_SYNC_SQL = """SELECT finished_at, direction FROM sync_log WHERE result = 'ok'
    AND direction IN ('both', 'usb-in') ORDER BY seq DESC LIMIT 1"""


class SyncState(NamedTuple):
    """What the status bar and the Đồng bộ page show."""

    enrolled: bool
    server_url: str | None
    pending: int
    rejected: int
    open_conflicts: int
    last_sync: str | None  # when the last sync happened (see LAST_SYNC_SQL)
    last_result: str | None  # how the newest logged attempt ended ("ok", "error")
    last_sync_usb: bool = False  # the last sync was a reply bundle carried on a stick


class SyncMixin(ConflictsMixin):
    """Sync verbs of the Session (needs ``store`` and ``records``); the conflicts a round
    leaves are settled through ``ConflictsMixin`` (session/conflicts.py)."""

    store: Store
    role: str

    if TYPE_CHECKING:  # SessionBase's, made when first used

        @property
        def records(self) -> Records: ...

    # What this client speaks (None: sync/protocol.py's version) and how it reads the
    # time; tests set an older protocol (the server answers 426) or a wrong clock.
    protocol_version: int | None = None
    sync_clock: Callable[[], dt.datetime] | None = None
    _register_bundle_key: Callable[[SyncTransport], None]  # from BundleMixin (session/bundles.py)

    def _transport(
        self,
        server_url: str | None = None,
        on_wire: OnWire | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncTransport:
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
        from danvan_desktop.session.transport import LendingTransport

        return LendingTransport(
            str(url),
            protocol_version=str(
                protocol.PROTOCOL_VERSION
                if self.protocol_version is None
                else self.protocol_version
            ),
            schema_version=self.store.db.execute("PRAGMA user_version").fetchone()[0],
            ca_bundle=get_setting(self.store.db, "ca_bundle"),
            on_wire=on_wire,
            cancel=cancel,
        )

    def enroll_device(
        self,
        *,
        server_url: str,
        code: str,
        device_name: str | None = None,
        ca_bundle: str | None = None,
        on_wire: OnWire | None = None,
    ) -> dict[str, Any]:
        """Enroll this laptop with the code an administrator made; remembers the server."""
        if ca_bundle is not None:
            set_setting(self.store.db, "ca_bundle", ca_bundle)
        import platform

        from danvan_desktop.store.setup_merge import after_enrolment
        from danvan_desktop.sync.engine import SyncEngine

        try:
            with self._transport(server_url, on_wire) as transport:
                engine = SyncEngine(self.records, transport)
                answer = engine.enroll(code, device_name or platform.node() or "laptop")
                after_enrolment(self.records, answer)  # no second team, no refused setup
                self._register_bundle_key(transport)
        except Exception as exc:
            self._log_failure("enrollment", exc, code)
            raise
        set_setting(self.store.db, "server_url", server_url)
        # The code is single-use and now spent: keep no copy of it on the laptop.
        set_setting(self.store.db, "enrollment_code", None)
        return answer

    def sync_now(
        self,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        on_wire: OnWire | None = None,
    ) -> SyncReport:
        """One sync round with the enrolled server; the outcome goes to the sync log."""
        from danvan_desktop.sync.engine import SyncEngine
        from danvan_desktop.sync.transport import TransportError

        started = utc_now()
        try:
            with self._transport(on_wire=on_wire, cancel=cancel) as transport:
                engine = SyncEngine(self.records, transport, cancel=cancel, progress=progress)
                if self.sync_clock is not None:
                    engine.now = self.sync_clock
                report = engine.sync_once()
                self._register_bundle_key(transport)
        except Exception as exc:
            if isinstance(exc, TransportError):
                self._log_sync(started, "error", None, str(exc))
            self._log_failure("sync round", exc)
            raise
        self._log_sync(started, "ok", report, None)
        return report

    def sync_state(self) -> SyncState:
        """Enrollment, queue, conflicts and the last round, for display."""
        db = self.store.db
        newest = db.execute("SELECT result FROM sync_log ORDER BY seq DESC LIMIT 1").fetchone()
        last = db.execute(LAST_SYNC_SQL).fetchone()
        return SyncState(
            enrolled=bool(self.store.meta("sync_token")),
            server_url=get_setting(db, "server_url"),
            pending=outbox.pending_count(db),
            rejected=len(outbox.operations(db, states=(outbox.REJECTED,))),
            open_conflicts=len(sync_apply.open_conflicts(self.records)),
            last_sync=None if last is None else str(last[0]),
            last_result=None if newest is None else str(newest[0]),
            last_sync_usb=last is not None and last[1] == "usb-in",
        )

    def sync_log(self, limit: int = 200) -> list[dict[str, Any]]:
        """The newest sync rounds (when, bytes, result, error), for support."""
        return list(
            self.store.db.query(f"SELECT * FROM sync_log ORDER BY seq DESC LIMIT {int(limit)}")
        )

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

    def _log_failure(self, what: str, error: BaseException, *secrets: str | None) -> None:
        try:
            token = self.store.meta("sync_token")
        except Exception:  # a store that fails may be what is being logged
            token = None
        scheduler_state.log_failure(_log, what, error, secrets=(*secrets, token))

    # -- for the Đồng bộ page ------------------------------------------------------------
    def server_health(
        self, *, on_wire: OnWire | None = None, cancel: threading.Event | None = None
    ) -> dict[str, Any]:
        """The server's health answer (time, protocol versions); a cheap reachability test."""
        from danvan_desktop.sync.engine import SyncEngine

        with self._transport(on_wire=on_wire, cancel=cancel) as transport:
            return SyncEngine(self.records, transport).health()

    def clock_skew_note(self, skew_s: float | None) -> str | None:
        """``clock_note`` for callers that reach sync through a Session (the GUI)."""
        return clock_note(skew_s)

    # -- rounds until done, attachments -----------------------------------------------
    def sync_until_done(
        self,
        *,
        deadline_s: float,
        cancel: threading.Event | None = None,
        wake: threading.Event | None = None,
        backoff: Backoff | None = None,
        progress: Progress | None = None,
        on_wire: OnWire | None = None,
    ) -> SyncReport:
        """Sync rounds, retried with back-off when the link drops, until everything is
        sent or ``deadline_s`` passes; each round goes to the sync log."""
        from danvan_desktop.sync.engine import SyncEngine
        from danvan_desktop.sync.retry import sync_until_done

        started = [utc_now()]

        def log_round(report: SyncReport, error: TransportError | None) -> None:
            result, text = ("ok", None) if error is None else ("error", str(error))
            self._log_sync(started[0], result, report, text)
            if error is not None:
                self._log_failure("sync round", error)
            started[0] = utc_now()

        with self._transport(on_wire=on_wire) as transport:
            engine = SyncEngine(self.records, transport, cancel=cancel, progress=progress)
            if self.sync_clock is not None:
                engine.now = self.sync_clock
            return sync_until_done(
                engine, deadline_s=deadline_s, backoff=backoff, wake=wake, on_round=log_round
            )

    def fetch_attachment(
        self,
        attachment_id: str,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        on_wire: OnWire | None = None,
    ) -> Path:
        """The file of an attachment, downloaded from the server first if this laptop
        lacks it (a photo another laptop took); a dropped download resumes."""
        from danvan_desktop.store.attachments import local_path
        from danvan_desktop.sync.attachment_download import fetch_attachment
        from danvan_desktop.sync.engine import TOKEN_KEY

        path = local_path(self.store, self.records.get("attachment", attachment_id))
        if path.is_file():
            return path
        with self._transport(on_wire=on_wire) as transport:
            transport.set_auth_token(self.store.meta(TOKEN_KEY))
            return fetch_attachment(
                self.records, transport, attachment_id, cancel=cancel, progress=progress
            )

    def pending_uploads(self) -> int:
        """Attachment files the server may still lack."""
        from danvan_desktop.sync.attachments import uploads_wanted

        return len(uploads_wanted(self.records))


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


# -- for the GUI's sync scheduler (ui/ reaches sync/ only through the session) -----------
# ``SyncReport``, ``SchedulerState``, ``Step``, ``SyncFailure`` and ``Backoff`` above are
# named for its type hints; these load their modules when first called, after the window is up.


def new_scheduler_state(
    *, base_s: float, cap_s: float, backoff: Backoff | None = None
) -> SchedulerState:
    """The state machine of background sync (sync/scheduler_state.py), with ``backoff``
    or else a back-off from ``base_s`` up to ``cap_s`` seconds."""
    return scheduler_state.SchedulerState(backoff, base_s=base_s, cap_s=cap_s)


def sync_failure(error: BaseException) -> SyncFailure:
    """What the error a round, a health request or an enrollment ended with means for
    the schedule (offline, retry later, never again, ...)."""
    return scheduler_state.failure_of(error)


def is_sync_report(outcome: object) -> TypeGuard[SyncReport]:
    """Whether a round's outcome is its report (not the error it ended with)."""
    return isinstance(outcome, sync_report.SyncReport)
