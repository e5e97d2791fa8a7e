"""Installing a staged release at start: switch to it, self-test it, or stay and roll back.

The Linux program lives in ``<app home>/versions/<version>/`` and ``<app home>/current``
is a relative symbolic link to the one in use (installer/linux/install.sh); the menu
entry and ``~/.local/bin/danvan`` go through ``current``. When the leader agreed to
install a staged release (``<data dir>/updates/install-request.json``, updates/stage.py)
the program's entry calls :func:`run_switch` before it opens the store:

1. the staged files (``<data dir>/updates/<version>-<platform>/files``, every one
   checked again against the manifest) are hard-linked (or copied) into
   ``versions/.<version>.partial`` which is renamed ``versions/<version>`` when whole;
2. the store is backed up (SQLite's backup API from a read-only connection: the live
   store is never written here) into ``<data dir>/backups/before-update-…sqlite3``;
3. the NEW version runs ``danvan --self-test-store <copy>``: its own self-test, and its
   migrations and a full check on a copy of the store (``<data dir>/updates/check-<v>``);
4. only then ``current`` is swapped atomically (a link under a temporary name, renamed
   over it) and the entry restarts into it (:func:`relaunch`).

A failed self-test leaves the old version current and the store untouched; the
request is dropped and ``switch-outcome.json`` says why, which the window, the
commands and the Đồng bộ / Cài đặt pages tell the leader. Every step is written to
``switch-journal.json`` first, so a kill at any point is resumed at the next start
(each step can be done again) and ``current`` always names one whole version; after
MAX_ATTEMPTS interrupted runs the switch rolls back instead. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.private_files import private_dir
from danvan_desktop.core.release import (
    FILES_DIR,
    INSTALL_REQUEST_NAME,
    SWITCH_JOURNAL_NAME,
    SWITCH_OUTCOME_NAME,
    UPDATES_DIR,
    release_folder_name,
    symlink_text,
)
from danvan_desktop.updates.switch_checks import (
    check_files,
    request_problem,
    staged_manifest,
    trusted_at_switch,
)
from danvan_desktop.updates.switch_files import CURRENT_LINK as CURRENT_LINK
from danvan_desktop.updates.switch_files import VERSIONS_DIR as VERSIONS_DIR
from danvan_desktop.updates.switch_files import ProgramHome as ProgramHome
from danvan_desktop.updates.switch_files import copy_store as copy_store
from danvan_desktop.updates.switch_files import (
    fsync_dir,
    read_json,
    remove_tree,
    sync_tree,
    write_json,
)
from danvan_desktop.updates.switch_files import locate_home as locate_home
from danvan_desktop.updates.switch_files import relaunch as relaunch

JOURNAL_NAME = SWITCH_JOURNAL_NAME
OUTCOME_NAME = SWITCH_OUTCOME_NAME
STORE_FILE = "danvan.sqlite3"  # store/database.py STORE_FILE (updates may not import store)
SELF_TEST_PROGRAM = "danvan"
SELF_TEST_OPTION = "--self-test-store"
SELF_TEST_TIMEOUT_S = 600.0
MAX_ATTEMPTS = 3  # runs of one switch cut short (killed, power lost) before it rolls back
INSTALLED, FAILED = "installed", "failed"
# The journal's steps, in order; a resumed switch does again the step it was in.
STEPS = ("copying", "copied", "backed_up", "tested", "switched")
ROLLING_BACK = "rolling_back"
# (program folder, store copy folder) -> None when the self-test passed, else why not.
SelfTest = Callable[[Path, Path], "str | None"]


@dataclass(frozen=True)
class SwitchOutcome:
    """What the last switch did, for the leader: installed, or failed and why."""

    status: str  # INSTALLED or FAILED
    version: str
    from_version: str
    reason: str = ""
    backup: str = ""
    at: str = ""
    told: bool = False

    def message(self) -> str:
        """The line the window, the commands and the pages show."""
        if self.status == INSTALLED:
            return tr(
                "UpdateSwitch",
                "Đã cập nhật Dân vận khéo lên bản {version}. Dữ liệu của tổ đã được sao lưu "
                "trước khi cập nhật.",
                version=self.version,
            )
        return tr(
            "UpdateSwitch",
            "Chưa cài được bản {version}: {reason}. Bản {old} vẫn được dùng, dữ liệu của tổ "
            "không thay đổi.",
            version=self.version,
            reason=self.reason,
            old=self.from_version,
        )


def updates_folder(data_dir: Path) -> Path:
    """``<data dir>/updates``."""
    return Path(data_dir) / UPDATES_DIR


def has_request(data_dir: Path) -> bool:
    """Whether a switch waits (a request, or a journal left by an interrupted one): one stat
    each, cheap enough for every start."""
    folder = updates_folder(data_dir)
    return (folder / INSTALL_REQUEST_NAME).is_file() or (folder / JOURNAL_NAME).is_file()


def read_outcome(data_dir: Path) -> SwitchOutcome | None:
    """The last switch's outcome, if any (the pages keep showing it until the next one)."""
    data = read_json(updates_folder(data_dir) / OUTCOME_NAME)
    if data is None:
        return None
    try:
        return SwitchOutcome(
            **{k: data[k] for k in SwitchOutcome.__dataclass_fields__ if k in data}
        )
    except TypeError:
        return None


def take_untold_outcome(data_dir: Path) -> SwitchOutcome | None:
    """The outcome not yet told at a start, marked told (so the notice shows once)."""
    outcome = read_outcome(data_dir)
    if outcome is None or outcome.told:
        return None
    write_json(updates_folder(data_dir) / OUTCOME_NAME, {**outcome.__dict__, "told": True})
    return outcome


def not_versioned_reason() -> str:
    """Why a program outside ``versions/`` is not switched."""
    return tr(
        "UpdateSwitch",
        "chương trình này không được cài bằng install.sh nên không tự cập nhật được; hãy cài "
        "bản mới bằng gói cài đặt",
    )


def refuse_request(data_dir: Path, reason: str, running: str = "") -> SwitchOutcome | None:
    """Drop the waiting request as failed with ``reason`` (the leader is told)."""
    request = read_json(updates_folder(data_dir) / INSTALL_REQUEST_NAME)
    if request is None:
        return None
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    outcome = SwitchOutcome(FAILED, str(request.get("version", "")), running, reason, "", at)
    write_json(updates_folder(data_dir) / OUTCOME_NAME, outcome.__dict__)
    (updates_folder(data_dir) / INSTALL_REQUEST_NAME).unlink(missing_ok=True)
    return outcome


def run_self_test(program: Path, store_copy: Path) -> str | None:
    """Run ``<program>/danvan --self-test-store <copy>``; ``None`` when it passed, else why."""
    command = [str(program / SELF_TEST_PROGRAM), SELF_TEST_OPTION, str(store_copy)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=SELF_TEST_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return tr("UpdateSwitch", "bước tự kiểm tra không xong sau {minutes} phút", minutes=10)
    except OSError as error:
        return tr("UpdateSwitch", "không chạy được bản mới ({error})", error=error)
    if done.returncode == 0:
        return None
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("LỖI", "ERROR"))]
    detail = "; ".join(errors[:3]) or (lines[-1] if lines else done.stderr.strip()[-300:])
    return tr("UpdateSwitch", "bản mới không qua bước tự kiểm tra ({detail})", detail=detail)


def run_switch(
    data_dir: Path,
    home: ProgramHome,
    platform: str,
    self_test: SelfTest = run_self_test,
    trusted: Mapping[str, bytes] | None = None,
) -> SwitchOutcome | None:
    """Carry on the switch asked for in ``data_dir``, or resume an interrupted one.

    ``trusted`` are the release keys the staged manifest's signature is verified with
    again (by default the built-in keys and those recorded in ``<data dir>/updates``).
    Returns the outcome (``status == INSTALLED`` when ``current`` now names the new
    version: the caller restarts into it), or ``None`` when nothing was asked."""
    data_dir = Path(data_dir)
    if trusted is None:
        trusted = trusted_at_switch(data_dir)
    journal = read_json(updates_folder(data_dir) / JOURNAL_NAME)
    if journal is None:
        journal = _begin(data_dir, home, platform, trusted)
        if journal is None:
            return None
    else:
        journal["attempts"] = int(journal.get("attempts", 1)) + 1
    return _Switch(data_dir, home, journal, self_test, trusted).carry_on()


def _begin(
    data_dir: Path, home: ProgramHome, platform: str, trusted: Mapping[str, bytes]
) -> dict[str, Any] | None:
    """A journal for the request in ``data_dir``, or the request refused (outcome written)."""
    request = read_json(updates_folder(data_dir) / INSTALL_REQUEST_NAME)
    if request is None:
        return None
    version = str(request.get("version", ""))
    running = home.current_version() or ""
    journal = {"version": version, "from": running, "platform": platform, "attempts": 1}
    problem = request_problem(data_dir, request, platform, running, trusted)
    if problem is not None:
        journal.update(step=ROLLING_BACK, reason=problem)
    else:
        journal["step"] = STEPS[0]
    return journal


class _Switch:
    """One switch, step by step, each step written to the journal before it is done."""

    def __init__(
        self,
        data_dir: Path,
        home: ProgramHome,
        journal: dict[str, Any],
        self_test: SelfTest,
        trusted: Mapping[str, bytes],
    ) -> None:
        self.data_dir, self.home, self.journal, self.self_test = data_dir, home, journal, self_test
        self.trusted = trusted
        self.updates = updates_folder(data_dir)
        self.version: str = journal["version"]
        self.staged = self.updates / release_folder_name(self.version, journal["platform"])
        self.check_dir = self.updates / f"check-{self.version}"

    def carry_on(self) -> SwitchOutcome:
        """Do the steps from where the journal stands; the outcome written."""
        step = self.journal["step"]
        if step in ("tested", "switched") and self.home.current_version() == self.version:
            return self._finish()  # swapped before the interruption: only the tidying left
        if step != ROLLING_BACK and self.journal["attempts"] > MAX_ATTEMPTS:
            reason = tr("UpdateSwitch", "việc cài đặt bị ngắt {count} lần", count=MAX_ATTEMPTS)
            self._save(step=ROLLING_BACK, reason=reason)
        if self.journal["step"] == ROLLING_BACK:
            return self._roll_back()
        self._save()
        try:
            return self._steps()
        except (OSError, ValueError, sqlite3.Error) as error:
            self._save(
                step=ROLLING_BACK,
                reason=tr("UpdateSwitch", "lỗi khi cài đặt ({error})", error=error),
            )
            return self._roll_back()

    def _steps(self) -> SwitchOutcome:
        """Copy, back up, self-test, swap: from the step the journal stands at."""
        if self.journal["step"] == "copying":
            self._copy_version()
            self._save(step="copied")
        if self.journal["step"] == "copied":
            self._save(step="backed_up", backup=str(self._back_up()))
        if self.journal["step"] == "backed_up":
            problem = self.self_test(self.home.folder(self.version), self.check_dir)
            if problem is not None:
                self._save(step=ROLLING_BACK, reason=problem)
                return self._roll_back()
            self._save(step="tested")
        self._swap_current()
        return self._finish()

    # -- the steps -----------------------------------------------------------------
    def _copy_version(self) -> None:
        """``versions/<version>`` made whole from the staged files (hard links where it can)."""
        manifest = staged_manifest(self.staged, self.trusted)
        check_files(self.staged, manifest)
        target = self.home.folder(self.version)
        partial = self.home.versions / f".{self.version}.partial"
        for leftover in (partial, target):
            remove_tree(leftover)
        for item in manifest.files:
            path = partial / item.path
            path.parent.mkdir(parents=True, exist_ok=True)
            if item.link_to is not None:
                os.symlink(symlink_text(item), path)
                continue
            source = self.staged / FILES_DIR / item.path
            try:
                os.link(source, path)
            except OSError:  # another file system, or links not allowed: a copy
                shutil.copyfile(source, path)
            os.chmod(path, 0o755 if item.executable else 0o644)
        sync_tree(partial)
        os.replace(partial, target)

    def _back_up(self) -> Path:
        """The store copied (read-only) into the backups, and into the self-test's folder."""
        remove_tree(self.check_dir)
        private_dir(self.check_dir)
        live = self.data_dir / STORE_FILE
        if not live.is_file():
            return self.check_dir  # no store yet (a team never set up): nothing to keep
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        name = f"before-update-{self.journal['from']}-to-{self.version}-{stamp}.sqlite3"
        backup = private_dir(self.data_dir / "backups") / name
        copy_store(live, backup)
        shutil.copyfile(backup, self.check_dir / STORE_FILE)
        return backup

    def _swap_current(self) -> None:
        """``current`` renamed over by a link to the new version: atomic."""
        temporary = self.home.home / f".{CURRENT_LINK}.new"
        temporary.unlink(missing_ok=True)
        os.symlink(f"{VERSIONS_DIR}/{self.version}", temporary)
        os.replace(temporary, self.home.current)
        fsync_dir(self.home.home)
        self._save(step="switched")

    def _finish(self) -> SwitchOutcome:
        """The new version is current: tell it, keep the previous version, tidy the rest."""
        outcome = self._outcome(INSTALLED, "")
        keep = {self.version, self.journal.get("from")}
        for folder in self.home.versions.iterdir():
            if folder.name not in keep:
                remove_tree(folder)
        for leftover in (self.check_dir, self.staged):
            remove_tree(leftover)
        return self._close(outcome)

    def _roll_back(self) -> SwitchOutcome:
        """The old version stays current: the new one's folder and the copy go."""
        outcome = self._outcome(FAILED, str(self.journal.get("reason", "")))
        if self.home.current_version() != self.version:
            remove_tree(self.home.folder(self.version))
            remove_tree(self.home.versions / f".{self.version}.partial")
        remove_tree(self.check_dir)
        return self._close(outcome)

    # -- the journal and the outcome -----------------------------------------------
    def _outcome(self, status: str, reason: str) -> SwitchOutcome:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        backup = str(self.journal.get("backup", ""))
        return SwitchOutcome(status, self.version, str(self.journal["from"]), reason, backup, at)

    def _close(self, outcome: SwitchOutcome) -> SwitchOutcome:
        """The outcome written, then the request and the journal removed (the journal last)."""
        write_json(self.updates / OUTCOME_NAME, outcome.__dict__)
        (self.updates / INSTALL_REQUEST_NAME).unlink(missing_ok=True)
        (self.updates / JOURNAL_NAME).unlink(missing_ok=True)
        return outcome

    def _save(self, **changes: Any) -> None:
        self.journal.update(changes)
        write_json(self.updates / JOURNAL_NAME, self.journal)
