"""The DB-lane job behind the export dialog: one document written in one or more formats.

Each format goes through ``Session.export_report`` (build, render, atomic and
verified write). Several formats make one run with the same outcome for all:

- issued with a number, they all carry the same number, taken once in the same
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
    from danvan_desktop.session.reports import WrittenFile

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
) -> list[WrittenFile]:
    """Write every format of ``request``; all of them, or none (see the module notes)."""
    written: list[WrittenFile] = []
    params = dict(request.params)
    count = len(request.formats)
    try:
        with session.store.db.atomic():
            issue_each = request.issue
            if request.issue and count > 1:
                # One number for the whole run: taken here, inside the run's transaction.
                params["number"] = session.take_report_number(params)
                issue_each = False
            for index, file_format in enumerate(request.formats):
                report = _one_format_progress(progress, index, count, file_format.upper())
                written.append(
                    session.export_report(
                        request.kind,
                        file_format,
                        request.target_dir,
                        file_name=request.stem,
                        progress=report,
                        cancel=cancel,
                        issue=issue_each,
                        **params,
                    )
                )
    except BaseException:
        remove_new_files(written)
        raise
    return written


def remove_new_files(written: list[WrittenFile]) -> None:
    """Remove the files a failed run wrote, except those that replaced an older file."""
    for one in written:
        if not one.replaced:
            with contextlib.suppress(OSError):  # the stick may be gone already
                one.path.unlink()
