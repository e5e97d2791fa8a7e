"""The lane jobs of the start (``ui/app_controller.py``): what it reads of the store, the
full check after a crash, the automatic backup and a restore. None runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from danvan_desktop.ui.task_runner import JobContext


def startup_facts(ctx: JobContext) -> dict[str, Any]:
    """Language, whether the team is set up, and whether the last run ended badly (DB lane)."""
    session = ctx.session
    return {
        "language": session.setting("language") or "vi",
        "initialised": session.is_initialised,
        "unclean": session.store.unclean_shutdown,
        "damaged": session.store.damaged,  # what an earlier check found, or None
    }


def full_check(ctx: JobContext) -> Any:
    """The full integrity check (DB lane)."""
    ctx.progress(0, 0, "")
    return ctx.session.check(full=True)


def auto_backup(ctx: JobContext) -> Path | None:
    """The automatic backup when due (backup lane), through a read-only connection of
    its own: neither the window nor the DB lane the pages use waits for it."""
    from danvan_desktop.session.data_folder import auto_backup_through

    session = ctx.session
    connection = session.open_reader_connection()
    try:
        return auto_backup_through(connection, session.store.data_dir)
    finally:
        connection.close()


def restore_job(path: Path, data_dir: Path) -> Callable[[JobContext], Path]:
    """A DB-lane job replacing the (closed) store with a backup."""

    def restore(ctx: JobContext) -> Path:
        from danvan_desktop.session.data_folder import restore_backup

        return restore_backup(path, data_dir)

    return restore
