"""What a failure of the store file means, and the mark a damaged store carries.

A read-only data folder (a locked stick, a read-only mount) and a full disk are told
as such, with what to do: they are not damage, and a restore would not help. A store
that is damaged (SQLite reads a malformed page, or a check finds one) is marked by a
file beside it, ``danvan.damaged``, so that nothing writes into it until a check
passes again or a backup replaces it: the store then opens with writes refused
(``PRAGMA query_only``) and the ``danvan`` commands that write refuse with the advice
to restore. The mark names the store file it is about (device and inode): a restore
puts a new file in place, and a mark about the file it replaced is dropped.

Functions take the store file's path; the marks sit beside it.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
from contextlib import suppress
from pathlib import Path

from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.i18n import tr

DAMAGE_MARKER = "danvan.damaged"
FULL_BELOW_BYTES = 1024 * 1024  # an I/O error with less free space than this: a full disk
# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF)
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 8, 10, 11, 13
SQLITE_CANTOPEN = 14
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def _sqlite_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def folder_is_read_only(store_path: Path) -> bool:
    """True when the folder (or the store file) refuses writes: a read-only mount, a
    locked stick, or no write permission (a read-only mount refuses root too)."""
    folder = store_path.parent
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return True
    return store_path.exists() and not os.access(store_path, os.W_OK)


def folder_is_full(store_path: Path) -> bool:
    """True when the disk of the store's folder has (almost) no free space left."""
    try:
        return shutil.disk_usage(store_path.parent).free < FULL_BELOW_BYTES
    except OSError:
        return False


def read_only_error(store_path: Path) -> StoreError:
    """The message for a data folder that cannot be written."""
    return StoreError(
        tr(
            "store",
            "Thư mục dữ liệu {path} chỉ đọc được (ổ đĩa, USB hoặc quyền của thư mục không cho "
            "ghi), nên ứng dụng không ghi được dữ liệu: hãy bỏ chế độ chỉ đọc hoặc chép thư mục "
            "sang ổ ghi được rồi mở lại. Dữ liệu không bị hỏng.",
            path=store_path.parent,
        )
    )


def disk_full_error(store_path: Path) -> StoreError:
    """The message for a full disk (one line)."""
    return StoreError(
        tr(
            "store",
            "Ổ đĩa chứa thư mục dữ liệu {path} đã đầy, nên ứng dụng không ghi được: hãy xóa bớt "
            "tệp không cần để giải phóng chỗ trống rồi làm lại. Dữ liệu không bị hỏng.",
            path=store_path.parent,
        )
    )


def damage_advice() -> str:
    """What to do about a damaged store (the check says the same)."""
    return tr(
        "store",
        "Dữ liệu có lỗi. Hãy đóng ứng dụng, chép thư mục dữ liệu ra USB để giữ lại, rồi "
        "khôi phục bản sao lưu gần nhất bằng «danvan restore TỆP» (hoặc mục Cài đặt → Sao "
        "lưu). Nếu cần hỗ trợ, gửi kèm thư mục đã chép.",
    )


def damaged_error(store_path: Path, detail: str) -> StoreError:
    """The message for a store found damaged: what was found, then the advice."""
    found = tr(
        "store",
        "Tệp dữ liệu {path} bị hỏng ({error}); ứng dụng không ghi gì vào đó nữa.",
        path=store_path,
        error=detail,
    )
    return StoreError(f"{found} {damage_advice()}")


def _in_folder(filename: object, folder: Path) -> bool:
    if not isinstance(filename, str | bytes | os.PathLike):
        return False
    try:
        return Path(os.fsdecode(filename)).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def storage_failure(store_path: Path, error: BaseException) -> StoreError | None:
    """The user's message for an error the folder explains, or None: a full disk, a
    read-only folder, or damage (which marks the store)."""
    if isinstance(error, OSError):
        if not _in_folder(error.filename, store_path.parent):
            return None  # another folder's trouble (a USB stick being written, ...)
        if error.errno in _DISK_FULL:
            return disk_full_error(store_path)
        if error.errno in _READ_ONLY:
            return read_only_error(store_path)
        return None
    code = _sqlite_code(error)
    if code == SQLITE_FULL:
        return disk_full_error(store_path)
    if code == SQLITE_CORRUPT:  # (not a database at all, SQLITE_NOTADB, is told at open)
        if damage_mark(store_path) is None:
            mark_damaged(store_path, str(error))
        return damaged_error(store_path, str(error))
    if code in (SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN):
        marked = damage_mark(store_path)
        if marked is not None:  # query_only refused a write into a damaged store
            return damaged_error(store_path, marked)
        if folder_is_read_only(store_path):
            return read_only_error(store_path)
        if folder_is_full(store_path):
            return disk_full_error(store_path)
    return None


def open_failure(store_path: Path, error: BaseException) -> StoreError:
    """Why the store did not open: the folder's reason, or a file that is not a store."""
    explained = storage_failure(store_path, error)
    if explained is not None:
        return explained
    return StoreError(
        tr(
            "store",
            "Tệp dữ liệu {path} bị hỏng hoặc không phải dữ liệu của ứng dụng ({error}): "
            "hãy khôi phục từ bản sao lưu gần nhất.",
            path=store_path,
            error=error,
        )
    )


# -- the damage mark -----------------------------------------------------------------------
def _identity(store_path: Path) -> list[int] | None:
    try:
        found = os.stat(store_path)
    except OSError:
        return None
    return [found.st_dev, found.st_ino]


def mark_damaged(store_path: Path, detail: str, *, full: bool = False) -> None:
    """Mark the store damaged with what was found (``full``: by integrity_check). Best
    effort: a folder that refuses the mark refuses the store's writes as well."""
    earlier = _note(store_path)
    note = {
        "detail": detail,
        "full": full or bool(earlier and earlier.get("full")),  # only a full check clears it
        "store": _identity(store_path),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with suppress(OSError):
        store_path.with_name(DAMAGE_MARKER).write_text(json.dumps(note), encoding="ascii")


def _note(store_path: Path) -> dict[str, object] | None:
    """The damage mark, when it is about the store file now in place."""
    try:
        note = json.loads(store_path.with_name(DAMAGE_MARKER).read_text(encoding="ascii"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # an unreadable mark still marks
        note = {"detail": "?", "full": True, "store": _identity(store_path)}
    if not isinstance(note, dict) or note.get("store") != _identity(store_path):
        clear_damage_mark(store_path)  # a restore replaced the file the mark was about
        return None
    return note


def damage_mark(store_path: Path) -> str | None:
    """What the check that marked the store damaged found, or None when it is not marked."""
    note = _note(store_path)
    return None if note is None else str(note.get("detail") or "?")


def clear_damage_mark(store_path: Path, *, full: bool = True) -> None:
    """Remove the mark after a check passed (a quick check leaves what a full one found)."""
    if not full:
        note = _note(store_path)
        if note is not None and note.get("full"):
            return
    with suppress(OSError):
        store_path.with_name(DAMAGE_MARKER).unlink(missing_ok=True)
