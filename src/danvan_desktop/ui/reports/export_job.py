"""The DB-lane job behind the export dialog: one document written in one or more formats.

A draft goes through ``Session.export_report`` (build, render, atomic and verified
write) for each format. An issued document is issued once (``Session.issue_report``:
its number taken and the document stored as built), then every format renders that
stored copy (``Session.export_issued``), as does exporting a document issued before.
Several formats make one run with the same outcome for all:

- issued, they all carry the same number and date, taken once in the same
  transaction as the writes, so a failed or cancelled run gives the number back;
- when any format fails or is cancelled, the files this run had already written
  are removed again (a file that replaced one of the same name stays: removing it
  would lose both), so the user never finds half a run on the stick.

No Qt here: progress and cancellation come in as plain callables and an event.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from danvan_desktop.session import Session
    from danvan_desktop.session.reports import ExportedFile

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportRequest:
    """What to write where: the kind, its parameters, the formats, the folder and name."""

    kind: str
    formats: tuple[str, ...]
    target_dir: Path
    # The file name without extension; None lets the session name it (number first).
    stem: str | None
    issue: bool
    params: dict[str, Any] = field(default_factory=dict)
    # Whether target_dir is a removable drive (None: the session looks it up).
    removable: bool | None = None
    # An issued document written again: its register id (kind and params then unused).
    issued_id: int | None = None


def _one_format_progress(progress: Progress, index: int, count: int, label: str) -> Progress:
    """Spread a format's 0–100 over its share of the whole run."""

    def report(done: int, total: int, text: str) -> None:
        overall = (index * 100 + done * 100 // max(total, 1)) // count
        progress(overall, 100, f"{label}: {text}" if count > 1 else text)

    return report


def run_export(
    session: Session,
    request: ExportRequest,
    *,
    progress: Progress,
    cancel: threading.Event,
) -> list[ExportedFile]:
    """Write every format of ``request``; all of them, or none (see the module notes)."""
    written: list[ExportedFile] = []
    count = len(request.formats)
    try:
        with session.store.db.atomic():
            issued_id = request.issued_id
            if issued_id is None and request.issue:
                # One number and one stored copy for the whole run, inside its transaction.
                issued_id = session.issue_report(request.kind, **request.params)[0].id
            for index, file_format in enumerate(request.formats):
                report = _one_format_progress(progress, index, count, file_format.upper())
                if issued_id is not None:
                    one = session.export_issued(
                        issued_id, file_format, request.target_dir, request.stem, report,
                        cancel, removable=request.removable,
                    )  # fmt: skip
                else:
                    one = session.export_report(
                        request.kind, file_format, request.target_dir, request.stem, report,
                        cancel, removable=request.removable, **request.params,
                    )  # fmt: skip
                written.append(one)
    except BaseException:
        remove_new_files(written)
        raise
    return written


def remove_new_files(written: list[ExportedFile]) -> None:
    """Remove the files a failed run wrote, except those that replaced an older file."""
    for one in written:
        if not one.replaced:
            with contextlib.suppress(OSError):  # the stick may be gone already
                one.path.unlink()
