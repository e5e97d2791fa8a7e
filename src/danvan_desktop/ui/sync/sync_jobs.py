"""The network-lane jobs of sync: a round, a health request, an enrollment.

Each takes turns on the DB lane's writer (``WriterTurns``) for its store work and
gives the writer back while its requests are on the wire; the scheduler decides
when they run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.ui.sync.writer_turns import WriterTurns
from danvan_desktop.ui.task_runner import JobContext, TaskRunner

if TYPE_CHECKING:  # the sync stack (requests) loads with the first round, not at start
    from danvan_desktop.session.sync import SyncReport

# What the first round would load on the network lane (requests, the engine, the
# update check's signatures, photos): the main window loads these on the GUI thread
# in idle turns after its first paint (MainWindow.warm_up), before the scheduler's
# first round, so no module is imported on a worker thread (PySide is not safe with
# it) and no round holds the interpreter for ~200 imports while a page is opening.
# Leaves first, so that no one import holds the window more than ~25 ms.
ROUND_MODULES: tuple[str, ...] = tuple(
    [
        "xml.etree.ElementTree",
        "netrc",
        "shlex",
        "cryptography.hazmat.primitives.asymmetric.ed25519",
        "danvan_desktop.updates.stage",
        "PIL.Image",
        "ssl",
        "http.client",
        "email.parser",
        "importlib.metadata",
        "urllib3.exceptions",
        "urllib3.util.ssl_",
        "urllib3.util",
        "urllib3",
        "charset_normalizer",
        "idna",
        "http.cookiejar",
        "requests.utils",
        "requests",
        "danvan_desktop.sync.transport",
        "danvan_desktop.sync.attachments",
        "danvan_desktop.sync.report",
        "danvan_desktop.sync.pull",
        "danvan_desktop.sync.push",
        "danvan_desktop.sync.engine",
        "cryptography.hazmat.primitives.ciphers.aead",
        "cryptography.hazmat.primitives.kdf.scrypt",
        "danvan_desktop.sync.bundle_laptop",
        "danvan_desktop.session.transport",
        "danvan_desktop.store.backup",
    ]
)


@dataclass(frozen=True)
class RoundOutcome:
    """A finished round: its report, and the note for a laptop clock that is off."""

    report: SyncReport
    clock_note: str | None


def run_round(runner: TaskRunner, cancel: threading.Event, ctx: JobContext) -> RoundOutcome:
    """One sync round, taking turns on the DB lane's writer between requests."""

    def progress(stage: str, done: int, total: int) -> None:
        ctx.progress(done, total, stage)

    with WriterTurns(runner, cancel) as turns:
        session = turns.session
        report = session.sync_now(cancel=cancel, progress=progress, on_wire=turns.on_wire)
        return RoundOutcome(report, session.clock_skew_note(report.clock_skew_s))


def run_health(runner: TaskRunner, cancel: threading.Event, ctx: JobContext) -> dict[str, Any]:
    """The server's health answer (reads the address in a short writer turn)."""
    with WriterTurns(runner, cancel) as turns:
        return turns.session.server_health(on_wire=turns.on_wire, cancel=cancel)


def saved_enrollment(ctx: JobContext) -> dict[str, Any] | None:
    """The server address and code saved in the first-run wizard or Cài đặt, if both are."""
    session = ctx.session
    url, code = session.setting("server_url"), session.setting("enrollment_code")
    if not url or not code:
        return None
    return {"server_url": url, "code": code, "ca_bundle": session.setting("ca_bundle") or None}


def run_enroll(
    runner: TaskRunner,
    cancel: threading.Event,
    enrollment: dict[str, Any],
    ctx: JobContext,
) -> dict[str, Any]:
    """Enroll this laptop (server address, code, CA file, device name)."""
    with WriterTurns(runner, cancel) as turns:
        return turns.session.enroll_device(**enrollment, on_wire=turns.on_wire)
