"""The files a switch works on: the program's install home, atomic JSON, a store copy.

``<app home>/versions/<version>/`` holds each installed version and ``<app home>/current``
is a relative symbolic link naming the one in use (installer/linux/install.sh makes
them; updates/switch.py swaps the link). Also here: JSON written whole or not at all,
a consistent copy of the store through a read-only connection (the live store is never
written), and fsync of a tree, so a power cut keeps a whole version. Standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_desktop.core.private_files import private_dir

VERSIONS_DIR = "versions"
CURRENT_LINK = "current"


@dataclass(frozen=True)
class ProgramHome:
    """Where the program is installed: ``versions/<version>/`` and the ``current`` link."""

    home: Path

    @property
    def versions(self) -> Path:
        """The folder of every installed version."""
        return self.home / VERSIONS_DIR

    @property
    def current(self) -> Path:
        """The link naming the version in use."""
        return self.home / CURRENT_LINK

    def current_version(self) -> str | None:
        """The version ``current`` names, or ``None`` without a versioned install."""
        try:
            target = os.readlink(self.current)
        except OSError:
            return None
        return Path(target).name

    def folder(self, version: str) -> Path:
        """``versions/<version>``."""
        return self.versions / version


def locate_home(executable: Path | None = None) -> ProgramHome | None:
    """The install this frozen program runs from (``…/versions/<v>/danvan-desktop``);
    ``None`` from source or outside the versioned layout."""
    if executable is None:
        if not getattr(sys, "frozen", False):
            return None
        executable = Path(sys.executable)
    folder = executable.resolve().parent
    if folder.parent.name != VERSIONS_DIR:
        return None
    home = ProgramHome(folder.parent.parent)
    return home if home.current.is_symlink() else None


def relaunch(home: ProgramHome, argv: Sequence[str]) -> None:
    """Replace this process by the same program of the version ``current`` names."""
    name = Path(argv[0]).name if argv else ""
    if name not in ("danvan", "danvan-desktop"):
        name = Path(sys.executable).name
    program = home.current / name
    os.execv(program, [str(program), *argv[1:]])


def copy_store(live: Path, target: Path) -> None:
    """A consistent copy of the store through a read-only connection (the store's own
    pragmas, store/backup.py's fsynced 0600 copy): the live store is never written."""
    from danvan_desktop.store.backup import backup_to
    from danvan_desktop.store.connection import connect

    source = connect(live, readonly=True)
    try:
        backup_to(source, target)
    finally:
        source.close()


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder under ``folder`` (a power cut keeps a whole version)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        elif path.is_dir() and not path.is_symlink():
            fsync_dir(path)
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Written whole or not at all: a temporary file, fsynced, renamed over ``path``."""
    private_dir(path.parent)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as sink:
        json.dump(data, sink, ensure_ascii=False, sort_keys=True)
        sink.flush()
        os.fsync(sink.fileno())
    os.replace(temporary, path)
