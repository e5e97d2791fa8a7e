"""Files and folders only their owner may read: 0600 files in 0700 folders on POSIX.

The laptop's store holds the sync token and the key that signs USB bundles; the
server's SQLite file holds its bundle-signing key; attachments are a team's
photos. None of them may be readable by another user of the machine, whatever the
process's umask. Modes are given when a file or folder is made (a umask can only
take bits away, so 0600 stays 0600 or less) and set again on what already existed
(an older release made it 0644).

Never through ``os.umask`` in product code: it is one setting for the whole process,
and another thread (the DB lane, the server's thread pool) may be creating a file
at that moment. ``umask_set`` exists for tests. Log files are made through
``PrivateFileHandler``, since the logging module opens its files itself.

On Windows the modes mean nothing (``os.chmod`` only sets the read-only flag): the
data folder under ``%LOCALAPPDATA%`` is private to the user by its access list, and
these helpers make the files and folders without touching modes.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from io import TextIOWrapper
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def _set_mode(path: Path, mode: int) -> None:
    """Best effort: a file system without modes (a FAT stick) or a folder owned by
    someone else refuses, and the folder is then as private as it can be."""
    with suppress(OSError):
        os.chmod(path, mode)


def private_dir(path: Path | str) -> Path:
    """Make ``path`` (and each missing parent) a folder only its owner may open: 0700."""
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        with suppress(FileExistsError):  # made meanwhile by another thread or process
            folder.mkdir(mode=DIR_MODE)
        if POSIX:
            _set_mode(folder, DIR_MODE)  # mkdir's mode passes through the umask
    if POSIX and path not in missing:
        _set_mode(path, DIR_MODE)  # an older release made it 0755
    return path


def private_file(path: Path | str) -> Path:
    """Make ``path`` a file only its owner may read: created empty and 0600 when missing,
    made 0600 when it exists.

    SQLite gives a database's -wal, -shm and -journal files the mode of the database
    file, so a database made here keeps those private too."""
    path = Path(path)
    try:
        descriptor = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE
        )
    except FileExistsError:
        tighten(path)
        return path
    os.close(descriptor)  # made 0600 (the umask can only take bits away)
    return path


def tighten(path: Path | str) -> None:
    """Make an existing file 0600 (nothing when it does not exist or is a link)."""
    path = Path(path)
    if POSIX and path.is_file() and not path.is_symlink():
        _set_mode(path, FILE_MODE)


def is_private(path: Path | str) -> bool:
    """True when ``path`` is a folder only its owner may open (always True off POSIX)."""
    if not POSIX:
        return True
    try:
        return stat.S_IMODE(os.stat(path).st_mode) == DIR_MODE
    except OSError:
        return False


def private_tree(path: Path | str) -> None:
    """Make an existing folder and everything in it private (links are left alone):
    for folders an older release made with the umask's modes."""
    path = Path(path)
    if not POSIX or not path.is_dir() or path.is_symlink():
        return
    private_dir(path)
    for root, folders, files in os.walk(path):
        for name in folders:
            if not os.path.islink(os.path.join(root, name)):
                _set_mode(Path(root, name), DIR_MODE)
        for name in files:
            tighten(Path(root, name))


def open_private(path: Path | str, mode: str = "wb") -> IO[Any]:
    """``open(path, mode)`` for writing a binary file that is created 0600 (or made 0600)."""
    if mode not in ("wb", "ab", "r+b", "w+b"):
        raise ValueError(f"open_private writes binary files, not mode {mode!r}")
    flags = {
        "wb": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
        "w+b": os.O_RDWR | os.O_CREAT | os.O_TRUNC,
        "ab": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
        "r+b": os.O_RDWR,
    }[mode]
    descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        if POSIX:
            with suppress(OSError):  # a file system without modes refuses: nothing to do
                os.fchmod(descriptor, FILE_MODE)  # a file left by an older release was 0644
        return os.fdopen(descriptor, mode)
    except BaseException:
        os.close(descriptor)
        raise


class PrivateFileHandler(logging.FileHandler):
    """A ``logging.FileHandler`` whose file is 0600 in a 0700 folder, whatever the umask
    (the logging module makes its file with the umask's mode): a log may quote what a
    team wrote. A file left readable by an older release is made 0600 when opened."""

    def __init__(
        self,
        filename: Path | str,
        mode: str = "a",
        encoding: str | None = "utf-8",
        delay: bool = False,
    ) -> None:
        private_dir(Path(filename).absolute().parent)
        super().__init__(filename, mode, encoding, delay)

    def _open(self) -> TextIOWrapper:
        private_file(self.baseFilename)  # made 0600 before the handler opens it
        return super()._open()


@contextmanager
def umask_set(mask: int) -> Iterator[None]:
    """Run the block with the process umask ``mask`` (tests only: it is process-wide)."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)
