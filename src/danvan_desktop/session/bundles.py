"""The USB bundle part of the Session facade: write a bundle to a stick, apply a reply.

Where no link ever comes, a team leader carries a signed bundle of the laptop's
changes to the commune office; the province imports it and gives back a reply
bundle, which brings the results and the others' changes (``sync/bundle_laptop``).
Both are logged in the sync log like an online round (direction ``usb-out`` /
``usb-in``).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.store.database import Store, utc_now

if TYPE_CHECKING:  # the bundle and sync stacks load on first use, not at start-up
    from danvan_desktop.store.records import Records
    from danvan_desktop.sync.bundle_laptop import AppliedReply
    from danvan_desktop.sync.transport import SyncTransport

_log = logging.getLogger(__name__)
WriteProgress = Callable[[int, int | None], None]  # (bytes written, total)


class WrittenBundle(NamedTuple):
    """A bundle written to a stick (or a folder)."""

    path: Path
    operations: int
    files: int
    size: int
    safe_to_remove: bool  # the volume was flushed: the stick may be pulled out


class BundleMixin:
    """USB bundle verbs of the Session (needs ``store`` and ``records``)."""

    store: Store

    if TYPE_CHECKING:  # SessionBase's, made when first used

        @property
        def records(self) -> Records: ...

    def write_sync_bundle(
        self,
        target_dir: str | os.PathLike[str],
        *,
        passphrase: str | None = None,
        cancel: threading.Event | None = None,
        progress: WriteProgress | None = None,
    ) -> WrittenBundle:
        """Make a bundle of every change the server has not acknowledged and write it into
        ``target_dir`` atomically (read back and checked before it counts as written)."""
        from danvan_desktop.sync import bundle_laptop
        from danvan_desktop.usb import write_file

        started = utc_now()
        try:
            made = bundle_laptop.make_bundle(self.records, passphrase=passphrase or None)
            written = write_file(
                target_dir, made.file_name, made.data, progress=progress, cancel=cancel
            )
        except DanvanError as exc:
            self._log_bundle(started, "usb-out", "error", 0, 0, str(exc))
            _log_failure("writing a USB bundle", exc)
            raise
        self._log_bundle(started, "usb-out", "ok", written.size, made.operations, None)
        return WrittenBundle(
            written.path, made.operations, made.files, written.size, written.safe_to_remove
        )

    def import_sync_reply(
        self, path: str | os.PathLike[str], *, passphrase: str | None = None
    ) -> AppliedReply:
        """Check and apply a reply bundle the province made for this laptop."""
        from danvan_desktop.sync import bundle_laptop
        from danvan_desktop.sync.bundle_format import MAX_BUNDLE_BYTES, BundleError

        started = utc_now()
        file = Path(path)
        try:
            if not file.is_file():
                raise BundleError(
                    tr(
                        "bundle",
                        "Không thấy tệp {name}: hãy chọn lại tệp gói trả lời.",
                        name=file.name,
                    )
                )
            if file.stat().st_size > MAX_BUNDLE_BYTES:
                raise BundleError(tr("bundle", "Tệp quá lớn để là một gói trả lời."))
            data = file.read_bytes()
            applied = bundle_laptop.apply_reply(self.records, data, passphrase=passphrase or None)
        except OSError as exc:
            message = tr(
                "bundle",
                "Không đọc được tệp {name}: {reason}. Hãy cắm lại USB rồi thử lại.",
                name=file.name,
                reason=exc.strerror or exc,
            )
            self._log_bundle(started, "usb-in", "error", 0, 0, message)
            _log_failure("importing a reply bundle", exc)
            raise BundleError(message) from exc
        except DanvanError as exc:
            self._log_bundle(started, "usb-in", "error", 0, 0, str(exc))
            _log_failure("importing a reply bundle", exc)
            raise
        self._log_bundle(
            started, "usb-in", "ok", len(data), applied.settled + applied.changes, None
        )
        return applied

    def _register_bundle_key(self, transport: SyncTransport) -> None:
        """Give the server this laptop's bundle key once; a server that does not know
        bundles yet (or a link that drops now) only delays it to a later round."""
        from danvan_desktop.sync import bundle_laptop
        from danvan_desktop.sync.bundle_format import BundleError
        from danvan_desktop.sync.transport import TransportError

        try:
            bundle_laptop.register_key(self.records, transport)
        except (TransportError, BundleError) as exc:
            _log.info("bundle key not registered this time: %s", exc)

    def _log_bundle(
        self,
        started: str,
        direction: str,
        result: str,
        size: int,
        operations: int,
        error: str | None,
    ) -> None:
        sent, received = (size, 0) if direction == "usb-out" else (0, size)
        with self.store.db.atomic():
            self.store.db.execute(
                "INSERT INTO sync_log (started_at, finished_at, direction, bytes_sent, "
                "bytes_received, operations, result, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [started, utc_now(), direction, sent, received, operations, result, error],
            )


def _log_failure(what: str, error: BaseException) -> None:
    """The user reads the failure in the dialog; support reads it in the log (gui.log)."""
    from danvan_desktop.sync.scheduler_state import log_failure

    log_failure(_log, what, error)
