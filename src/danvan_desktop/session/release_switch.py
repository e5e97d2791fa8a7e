"""At start, before the store opens: install the release the leader agreed to, or tell how
the last attempt went.

The two entries (``danvan-desktop``'s app.py and ``danvan``'s cli.py) call
:func:`switch_waiting` (one stat) and, when it is true, :func:`install_waiting_release`,
which runs updates/switch.py (Linux) or updates/switch_windows.py (Windows) and, once
the new version is current, replaces this process by it. A program run from source
leaves the request for an installed program. :func:`untold_switch_message` is the line
a start shows once; the Đồng bộ and Cài đặt pages read :func:`last_switch_message`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# core/release.py's names, repeated here so that a start imports nothing more (core/
# release.py loads dataclasses, which the first paint must not wait for);
# tests/updates/test_switch_entry.py checks that they agree.
UPDATES_DIR = "updates"
INSTALL_REQUEST_NAME = "install-request.json"
SWITCH_JOURNAL_NAME = "switch-journal.json"
SWITCH_OUTCOME_NAME = "switch-outcome.json"

_log = logging.getLogger(__name__)


def switch_waiting(data_dir: Path) -> bool:
    """Whether an install request (or an interrupted switch) waits in ``data_dir``: two
    stats, and nothing of updates/ imported (this runs at every start)."""
    folder = Path(data_dir) / UPDATES_DIR
    return (folder / INSTALL_REQUEST_NAME).is_file() or (folder / SWITCH_JOURNAL_NAME).is_file()


def install_waiting_release(data_dir: Path, argv: Sequence[str]) -> None:
    """Install the waiting release and restart into it; on failure, return to start this
    version (the outcome is written for the leader). Never raises."""
    from danvan_desktop.core.build_info import resolve
    from danvan_desktop.updates import switch
    from danvan_desktop.updates.plan import this_platform

    platform = this_platform()
    if not getattr(sys, "frozen", False) or platform is None:
        return  # from source: nothing installed to replace
    try:
        if platform.startswith("windows"):
            from danvan_desktop.updates import switch_windows

            switch_windows.run_installer_switch(Path(data_dir), platform)
            return
        home = switch.locate_home()
        if home is None:
            running = resolve(bundle=Path(sys.executable).resolve().parent).version
            switch.refuse_request(Path(data_dir), switch.not_versioned_reason(), running)
            return
        outcome = switch.run_switch(Path(data_dir), home, platform)
    except Exception:  # the old version must still start: the journal resumes next time
        _log.exception("installing the staged release failed")
        return
    if outcome is not None and outcome.status == switch.INSTALLED:
        switch.relaunch(home, argv)


def restart_program(argv: Sequence[str]) -> None:
    """Replace this process by the program started again (after «Cài ngay», once the
    window closed and the store is closed): an installed program through ``current``
    (its start runs the switch), one run from source by the same interpreter and
    arguments. Returns only by raising OSError."""
    if getattr(sys, "frozen", False):
        from danvan_desktop.updates.switch_files import locate_home, relaunch

        home = locate_home()
        if home is not None:
            relaunch(home, argv)
            return
        os.execv(sys.executable, [sys.executable, *argv[1:]])
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


def untold_switch_message(data_dir: Path) -> str | None:
    """The last switch's outcome for the leader, once (marked told)."""
    if not (Path(data_dir) / UPDATES_DIR / SWITCH_OUTCOME_NAME).is_file():
        return None  # the usual start: nothing of updates/ imported
    from danvan_desktop.updates.switch import take_untold_outcome

    outcome = take_untold_outcome(Path(data_dir))
    return outcome.message() if outcome is not None else None


def last_switch_message(data_dir: Path) -> str | None:
    """The last switch's outcome (kept until the next switch), for the pages."""
    from danvan_desktop.updates.switch import read_outcome

    outcome = read_outcome(Path(data_dir))
    return outcome.message() if outcome is not None else None
