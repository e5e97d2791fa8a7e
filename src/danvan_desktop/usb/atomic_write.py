"""Atomic, verified writes of one file onto a removable volume.

:func:`write_file` never leaves a half-written file under the final name and
never replaces a good file with a broken one:

1. check the name (Windows and FAT/exFAT rules) and that the folder exists;
2. when the size is known, check the free space first;
3. write in blocks to ``.<name>.partial-<random>`` in the same folder, hashing
   as it goes, calling ``progress`` and honouring ``cancel`` between blocks;
4. ``fsync`` the temporary file, drop it from the page cache and read it back
   from the device; a SHA-256 that differs from what was written fails;
5. rename it onto the final name (atomic on the same file system), then
   ``fsync`` the folder so the rename itself survives;
6. flush the file system (``syncfs`` on Linux, ``FlushFileBuffers`` on the
   volume on Windows) and only then report ``safe_to_remove``.

Verification happens *before* the rename (step 4), unlike "write, rename,
check": a copy that reads back wrong is discarded while the previous file of
that name is still intact.

Any failure removes the temporary file and raises :class:`UsbWriteError`
with a ``reason``. (A pulled stick cannot be cleaned: it keeps the dot-named
temporary file until the next write of the same name removes it.) A
cancelled write raises :class:`UsbWriteCancelled`, which is also
``core.errors.OperationCancelled``. Errors reading the *source* are not the
stick's fault: they propagate unchanged, after the same clean-up.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import danvan_desktop.usb.durability as durability
from danvan_desktop.usb.errors import (
    UsbWriteCancelled,
    UsbWriteError,
    error_from_os,
    full_error,
    removed_error,
    verify_failed_error,
    volume_flush_error,
)
from danvan_desktop.usb.names import MAX_NAME_BYTES, check_file_name, truncate_utf8
from danvan_desktop.usb.volume import Volume

WRITE_BLOCK_BYTES = 1024 * 1024
PARTIAL_MARKER = ".partial-"


class Readable(Protocol):
    """A binary stream: an open file, ``io.BytesIO``, a pipe."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes; b"" at the end."""
        ...


Source = bytes | bytearray | memoryview | Readable | str | os.PathLike[str]
ProgressCallback = Callable[[int, int | None], None]
Reader = Callable[[int], bytes]

# The one place bytes leave for the device; tests inject EIO here (a pulled
# stick), since the kernel cannot be made to fail a write on demand.
_os_write = os.write


@dataclass(frozen=True)
class WrittenFile:
    """A file that is complete under its final name and read back intact.

    ``safe_to_remove`` is True once the file system was flushed after the
    write (on Windows without administrator rights: once this file was
    flushed and renamed write-through), so the stick can be pulled out;
    ejecting it first is still what the desktop recommends. It is False when
    ``flush_device=False`` was asked.
    """

    path: Path
    size: int
    sha256: str
    replaced: bool
    safe_to_remove: bool


class _SourceFailed(Exception):
    """Reading the source raised: re-raised as the source's own error after clean-up."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _seekable_size(stream: Readable) -> int | None:
    """Bytes left in ``stream`` when it is a seekable file or BytesIO, else None."""
    if not isinstance(stream, io.IOBase):
        return None
    try:
        if not stream.seekable():
            return None
        here = stream.tell()
        end = stream.seek(0, os.SEEK_END)
        stream.seek(here)
    except (OSError, ValueError):
        return None
    return end - here


@contextlib.contextmanager
def _opened_source(source: Source) -> Iterator[tuple[Reader, int | None]]:
    """A block reader over ``source`` and its size when it can be known in advance."""
    if isinstance(source, bytes | bytearray | memoryview):
        view = memoryview(source).cast("B")
        position = 0

        def read_view(size: int) -> bytes:
            nonlocal position
            block = bytes(view[position : position + size])
            position += len(block)
            return block

        yield read_view, len(view)
    elif isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            yield stream.read, os.fstat(stream.fileno()).st_size
    else:
        yield source.read, _seekable_size(source)


_RANDOM_HEX_DIGITS = 8


def _temporary_prefix(name: str) -> str:
    # The marker and its random part must survive the cut of a very long name.
    room = MAX_NAME_BYTES - len(PARTIAL_MARKER) - _RANDOM_HEX_DIGITS
    return truncate_utf8("." + name, room) + PARTIAL_MARKER


def _temporary_name(name: str) -> str:
    return _temporary_prefix(name) + secrets.token_hex(_RANDOM_HEX_DIGITS // 2)


def _remove_stale_partials(folder: Path, name: str) -> None:
    """Delete temporary files that an earlier write of ``name`` left when its stick was pulled."""
    prefix = _temporary_prefix(name)
    with contextlib.suppress(OSError):
        for entry in os.listdir(folder):
            if entry.startswith(prefix) and len(entry) == len(prefix) + _RANDOM_HEX_DIGITS:
                _discard(folder / entry)


def _check_free_space(folder: Path, name: str, size: int) -> None:
    # The old file of the same name stays until the rename, so the whole new
    # size must fit beside it.
    free = shutil.disk_usage(folder).free
    if size > free:
        raise full_error(name, needed=size, free=free)


def _raise_if_cancelled(cancel: threading.Event | None, name: str) -> None:
    if cancel is not None and cancel.is_set():
        raise UsbWriteCancelled(name)


def _write_all(fd: int, block: bytes) -> None:
    view = memoryview(block)
    while view:
        written = _os_write(fd, view)
        view = view[written:]


def _copy_into(
    fd: int,
    read: Reader,
    total: int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    name: str,
) -> tuple[str, int]:
    """Copy the source into ``fd`` block by block; its SHA-256 and size."""
    digest = hashlib.sha256()
    done = 0
    if progress is not None:
        progress(0, total)
    while True:
        _raise_if_cancelled(cancel, name)
        try:
            block = read(WRITE_BLOCK_BYTES)
        except OSError as exc:
            raise _SourceFailed(exc) from exc
        if not block:
            return digest.hexdigest(), done
        _write_all(fd, block)
        digest.update(block)
        done += len(block)
        if progress is not None:
            progress(done, total)


def _write_temporary(
    temporary: Path,
    read: Reader,
    total: int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    name: str,
) -> tuple[str, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, 0o644)
    try:
        result = _copy_into(fd, read, total, progress, cancel, name)
        os.fsync(fd)
        durability.evict_from_cache(fd)
    finally:
        os.close(fd)
    return result


def _discard(temporary: Path) -> None:
    # A pulled stick cannot be cleaned; the final name was never touched.
    with contextlib.suppress(OSError):
        temporary.unlink()


def write_file(
    target_dir: str | os.PathLike[str],
    name: str,
    source: Source,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    flush_device: bool = True,
) -> WrittenFile:
    """Write ``source`` as ``target_dir/name`` atomically, read it back, and flush the volume.

    ``source`` is bytes, a readable binary file or a path. ``progress(done,
    total)`` is called from this thread after every block (``total`` is None
    when the size is unknown). Set ``cancel`` to stop between blocks. Pass
    ``flush_device=False`` when writing many files and call
    :func:`flush_volume` once at the end.
    """
    name = check_file_name(name)
    folder = Path(target_dir)
    if not folder.is_dir():
        raise removed_error(name, folder)
    with _opened_source(source) as (read, total):
        try:
            if total is not None:
                _check_free_space(folder, name, total)
            return _write_verified(folder, name, read, total, progress, cancel, flush_device)
        except _SourceFailed as failed:
            raise failed.error from None
        except OSError as exc:
            raise error_from_os(exc, name=name, folder=folder, size=total) from exc


def _write_verified(
    folder: Path,
    name: str,
    read: Reader,
    total: int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    flush_device: bool,
) -> WrittenFile:
    target = folder / name
    _remove_stale_partials(folder, name)
    temporary = folder / _temporary_name(name)
    replaced = target.exists()
    try:
        _raise_if_cancelled(cancel, name)
        sha256, size = _write_temporary(temporary, read, total, progress, cancel, name)
        if durability.sha256_from_device(temporary) != sha256:
            raise verify_failed_error(name)
        # The last moment a cancel can still leave the old file in place.
        _raise_if_cancelled(cancel, name)
        durability.replace_durably(temporary, target)
        durability.fsync_folder(folder)
    except BaseException:
        _discard(temporary)
        raise
    safe = False
    if flush_device:
        whole_volume = durability.sync_filesystem(folder)
        # On Windows without administrator rights only files can be flushed;
        # this one was (FlushFileBuffers, then a write-through rename).
        safe = whole_volume or sys.platform == "win32"
    return WrittenFile(target, size, sha256, replaced, safe)


def flush_volume(volume: Volume) -> bool:
    """Flush everything pending on ``volume``; True when the whole volume was flushed.

    Raises :class:`UsbWriteError` (``removed`` when the stick is gone).
    """
    try:
        return durability.sync_filesystem(volume.mount_path)
    except OSError as exc:
        raise volume_flush_error(exc, volume.display_name) from exc


__all__ = ["UsbWriteError", "WrittenFile", "flush_volume", "write_file"]
