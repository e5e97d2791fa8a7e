"""Installing a staged release on Windows: the same flow as switch.py, through Inno Setup.

WRITTEN AND REVIEWED HERE, NOT RUN: there is no Windows machine in this project's
tests; docs/install-windows-checklist.md lists what to try on one.

Windows keeps the program's files open while it runs, so the folder cannot be
swapped under it as on Linux. The Windows release therefore carries, beside the
bundle's files, the per-user Inno Setup program (``SETUP_FILE``, made by
installer/windows/danvan.iss); the flow at start, before the store opens, is:

1. the staged release is checked again (every file against the signed manifest);
2. the store is backed up (``switch_files.copy_store``: read-only, the live store untouched);
3. the NEW version's ``danvan.exe --self-test-store <copy>`` runs straight from the
   staged ``files/`` (a bundle runs from any folder), on a copy of the store;
4. only if it passed, the journal says ``handed_to_setup`` and the setup is started
   detached, silently, for this user, into the folder this program runs from:
   ``/VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER /CLOSEAPPLICATIONS
   /DIR=<install folder> /LOG=<data>\\updates\\setup.log``; this program exits so the
   setup can replace its files (Inno Setup rolls its own changes back when it fails);
5. at the next start the journal is read: the running version is the new one ->
   installed; it is not -> failed, the reason pointing at setup.log.

A failed self-test never starts the setup: the old version stays, the request is
dropped and the leader is told (switch-outcome.json), as on Linux.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.release import (
    FILES_DIR,
    INSTALL_REQUEST_NAME,
    release_folder_name,
)
from danvan_desktop.updates import switch, switch_files
from danvan_desktop.updates.switch_checks import (
    SignatureMismatch,
    check_files,
    staged_manifest,
    trusted_at_switch,
)

SETUP_FILE = "DanVanKheo-Setup.exe"  # at the root of the Windows release's files
SELF_TEST_EXE = "danvan.exe"
HANDED_TO_SETUP = "handed_to_setup"
SETUP_LOG = "setup.log"
# Start the setup outside this process's console and job, so it outlives our exit.
_DETACHED = 0x00000008 | 0x00000200  # DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP


def setup_command(setup: Path, install_dir: Path, log: Path) -> list[str]:
    """The silent per-user command line of the Inno setup."""
    return [
        str(setup),
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/NORESTART",
        "/CURRENTUSER",
        "/CLOSEAPPLICATIONS",
        f"/DIR={install_dir}",
        f"/LOG={log}",
    ]


def run_installer_switch(data_dir: Path, platform: str, running: str | None = None) -> None:
    """Carry on the Windows switch: check, back up, self-test, hand over to the setup
    (this process then exits), or finish what the setup did since the last start."""
    from danvan_desktop.core.build_info import resolve

    install_dir = Path(sys.executable).resolve().parent
    running = running or resolve(bundle=install_dir).version
    updates = switch.updates_folder(data_dir)
    journal = switch_files.read_json(updates / switch.JOURNAL_NAME)
    if journal is not None and journal.get("step") == HANDED_TO_SETUP:
        _after_setup(data_dir, journal, running)
        return
    request = switch_files.read_json(updates / INSTALL_REQUEST_NAME)
    if request is None:
        return
    version = str(request.get("version", ""))
    staged = updates / release_folder_name(version, platform)
    problem = _check(staged, version, platform)
    journal = {"version": version, "from": running, "platform": platform, "attempts": 1}
    if problem is None:
        check_dir = updates / f"check-{version}"
        check_dir.mkdir(parents=True, exist_ok=True)
        live = Path(data_dir) / switch.STORE_FILE
        if live.is_file():
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            backup = (
                Path(data_dir) / "backups" / f"before-update-{running}-to-{version}-{stamp}.sqlite3"
            )
            backup.parent.mkdir(parents=True, exist_ok=True)
            switch_files.copy_store(live, backup)
            switch_files.copy_store(backup, check_dir / switch.STORE_FILE)
            journal["backup"] = str(backup)
        problem = _self_test(staged / FILES_DIR, check_dir)
    if problem is not None:
        switch.refuse_request(data_dir, problem, running)
        return
    journal["step"] = HANDED_TO_SETUP
    switch_files.write_json(updates / switch.JOURNAL_NAME, journal)
    command = setup_command(staged / FILES_DIR / SETUP_FILE, install_dir, updates / SETUP_LOG)
    subprocess.Popen(command, creationflags=_DETACHED, close_fds=True)
    os._exit(0)  # the setup replaces our files: leave at once, nothing more to write


def _check(staged: Path, version: str, platform: str) -> str | None:
    """Why the staged release cannot be installed, or ``None``."""
    try:
        manifest = staged_manifest(staged, trusted_at_switch(staged.parent.parent))
        check_files(staged, manifest)
    except SignatureMismatch as mismatch:
        return str(mismatch)
    except (OSError, ValueError) as error:
        return tr(
            "UpdateSwitch",
            "bản đã tải về không đủ hoặc không đúng ({error}); hãy tải lại",
            error=error,
        )
    if (manifest.version, manifest.platform) != (version, platform):
        return tr("UpdateSwitch", "bản đã tải về không khớp với yêu cầu cài đặt; hãy tải lại")
    if not any(item.path == SETUP_FILE for item in manifest.files):
        return tr(
            "UpdateSwitch", "bản cho Windows này thiếu chương trình cài đặt {name}", name=SETUP_FILE
        )
    return None


def _self_test(files: Path, check_dir: Path) -> str | None:
    """The staged version's self-test on the copy of the store (switch.run_self_test's rule)."""
    command = [str(files / SELF_TEST_EXE), switch.SELF_TEST_OPTION, str(check_dir)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=switch.SELF_TEST_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return tr("UpdateSwitch", "không chạy được bản mới ({error})", error=error)
    if done.returncode == 0:
        return None
    errors = [
        line.strip() for line in done.stdout.splitlines() if line.startswith(("LỖI", "ERROR"))
    ]
    detail = "; ".join(errors[:3]) or done.stdout.strip()[-300:]
    return tr("UpdateSwitch", "bản mới không qua bước tự kiểm tra ({detail})", detail=detail)


def _after_setup(data_dir: Path, journal: dict[str, object], running: str) -> None:
    """The start after the setup ran: installed if this is the new version, else failed."""
    updates = switch.updates_folder(data_dir)
    version = str(journal.get("version", ""))
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    backup = str(journal.get("backup", ""))
    if running == version:
        outcome = switch.SwitchOutcome(
            switch.INSTALLED, version, str(journal["from"]), "", backup, at
        )
    else:
        reason = tr(
            "UpdateSwitch", "chương trình cài đặt không xong (xem {log})", log=updates / SETUP_LOG
        )
        outcome = switch.SwitchOutcome(switch.FAILED, version, running, reason, backup, at)
    switch_files.write_json(updates / switch.OUTCOME_NAME, outcome.__dict__)
    (updates / INSTALL_REQUEST_NAME).unlink(missing_ok=True)
    switch_files.remove_tree(updates / f"check-{version}")
    (updates / switch.JOURNAL_NAME).unlink(missing_ok=True)
