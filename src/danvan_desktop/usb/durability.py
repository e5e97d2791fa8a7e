"""The operating-system steps that put a written file on the device and prove it.

- :func:`evict_from_cache` drops a file's (clean, already fsync'ed) pages from
  the page cache, so that reading it again goes to the device;
- :func:`sha256_from_device` reads a file back past the cache and hashes it;
- :func:`replace_durably` renames the temporary file onto its final name;
- :func:`fsync_folder` makes a rename or a new name durable (POSIX);
- :func:`sync_filesystem` flushes everything pending on the file system.

On Linux the read-back relies on ``posix_fadvise(POSIX_FADV_DONTNEED)`` after
``fsync``: the pages are clean then, so the kernel drops them. On Windows the
read-back opens the file with ``FILE_FLAG_NO_BUFFERING``, and the rename uses
``MOVEFILE_WRITE_THROUGH`` because ``os.replace`` may leave the new directory
entry in the cache (Windows cannot fsync a folder).
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import sys
from pathlib import Path

READ_BLOCK_BYTES = 1024 * 1024


def evict_from_cache(fd: int) -> None:
    """Ask the kernel to forget the cached pages of an fsync'ed file (POSIX; no-op elsewhere)."""
    if sys.platform == "win32":
        return  # Windows reads back unbuffered instead
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def _read_block(fd: int) -> bytes:
    """One block of the read-back: the edge where a device could hand back wrong bytes."""
    return os.read(fd, READ_BLOCK_BYTES)


def sha256_from_device(path: Path) -> str:
    """SHA-256 of ``path`` as the device holds it, not as the page cache remembers it."""
    if sys.platform == "win32":
        from danvan_desktop.usb.windows_api import sha256_unbuffered

        return sha256_unbuffered(path)
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY)
    try:
        evict_from_cache(fd)
        while block := _read_block(fd):
            digest.update(block)
        # Leave nothing behind: a backup of gigabytes should not fill the cache.
        evict_from_cache(fd)
    finally:
        os.close(fd)
    return digest.hexdigest()


def replace_durably(source: Path, target: Path) -> None:
    """Rename ``source`` onto ``target`` atomically (write-through on Windows)."""
    if sys.platform == "win32":
        from danvan_desktop.usb.windows_api import replace_write_through

        replace_write_through(source, target)
    else:
        os.replace(source, target)


def fsync_folder(folder: Path) -> None:
    """Make the folder's entries (a rename, a new file) durable; Windows has no such call."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some FUSE file systems do not implement fsync on folders; their
        # writes are made durable by the file system flush that follows.
        if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise
    finally:
        os.close(fd)


def _syncfs(fd: int) -> None:
    if sys.platform == "win32":
        raise OSError(errno.ENOSYS, "syncfs is POSIX only")
    libc = ctypes.CDLL(None, use_errno=True)
    syncfs = getattr(libc, "syncfs", None)
    if syncfs is None:
        os.sync()  # no syncfs in this C library: flush every file system instead
        return
    if syncfs(fd) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def sync_filesystem(folder: Path) -> bool:
    """Flush everything pending on the file system holding ``folder``.

    True when the whole volume was flushed. False when that was not possible
    without administrator rights (Windows) or for a network path: the files
    written by this module were flushed one by one all the same.
    """
    if sys.platform == "win32":
        from danvan_desktop.usb.windows_api import flush_volume

        anchor = folder.resolve().anchor
        if len(anchor) != 3 or anchor[1:] != ":\\":
            return False
        return flush_volume(anchor)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        _syncfs(fd)
    finally:
        os.close(fd)
    return True
