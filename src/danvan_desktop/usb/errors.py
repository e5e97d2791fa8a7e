"""Errors of writes to removable volumes, with the Vietnamese message a user reads.

Every failure of :func:`danvan_desktop.usb.atomic_write.write_file` is a
:class:`UsbWriteError` whose ``reason`` says what went wrong in a word the
caller can branch on, and whose message says it to the user with the fix.
:func:`error_from_os` turns the ``OSError`` the operating system raised into one
of them; it is the single place that knows which ``errno`` (POSIX) or
``winerror`` (Windows) means "read-only", "full" or "removed".
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Literal

from danvan_desktop.core.errors import (
    DanvanError,
    FieldProblem,
    OperationCancelled,
    ValidationError,
)
from danvan_desktop.core.i18n import current_language, tr

UsbWriteReason = Literal[
    "read_only",
    "full",
    "removed",
    "verify_failed",
    "bad_name",
    "cancelled",
    "too_large",
    "in_use",
    "failed",
]

CONTEXT = "usb"

# Windows error codes (winerror) that Python maps to a vague errno.
_WIN_WRITE_PROTECT = 19
_WIN_NOT_READY = 21
_WIN_GEN_FAILURE = 31
_WIN_SHARING_VIOLATION = 32
_WIN_LOCK_VIOLATION = 33
_WIN_HANDLE_DISK_FULL = 39
_WIN_DEV_NOT_EXIST = 55
_WIN_DISK_FULL = 112
_WIN_NO_SUCH_DEVICE = 433
_WIN_IO_DEVICE = 1117
_WIN_DEVICE_NOT_CONNECTED = 1167
_WIN_FILE_TOO_LARGE = 223

_WIN_REASONS: dict[int, UsbWriteReason] = {
    _WIN_WRITE_PROTECT: "read_only",
    _WIN_HANDLE_DISK_FULL: "full",
    _WIN_DISK_FULL: "full",
    _WIN_NOT_READY: "removed",
    _WIN_GEN_FAILURE: "removed",
    _WIN_DEV_NOT_EXIST: "removed",
    _WIN_NO_SUCH_DEVICE: "removed",
    _WIN_IO_DEVICE: "removed",
    _WIN_DEVICE_NOT_CONNECTED: "removed",
    _WIN_SHARING_VIOLATION: "in_use",
    _WIN_LOCK_VIOLATION: "in_use",
    _WIN_FILE_TOO_LARGE: "too_large",
}

# ENOENT counts as "removed" because write_file checks that the folder exists
# before it starts: a path of ours that vanishes later means the volume went
# away (udisks unmounts a pulled stick lazily, leaving an empty folder behind).
_ERRNO_NAMES: dict[str, UsbWriteReason] = {
    "EROFS": "read_only",
    "EACCES": "read_only",
    "EPERM": "read_only",
    "ENOSPC": "full",
    "EDQUOT": "full",
    "EFBIG": "too_large",
    "EIO": "removed",
    "ENODEV": "removed",
    "ENXIO": "removed",
    "ENOENT": "removed",
    "ENOTCONN": "removed",
    "ESTALE": "removed",
    "ENOMEDIUM": "removed",
}
# Looked up by name because some (ENOMEDIUM) exist only on Linux.
_ERRNO_REASONS: dict[int, UsbWriteReason] = {
    getattr(errno, code_name): reason
    for code_name, reason in _ERRNO_NAMES.items()
    if hasattr(errno, code_name)
}


class UsbWriteError(DanvanError):
    """A file could not be written to a removable volume; nothing half-written was left."""

    def __init__(self, reason: UsbWriteReason, message: str) -> None:
        super().__init__(message)
        self.reason: UsbWriteReason = reason


class BadFileNameError(UsbWriteError, ValidationError):
    """A file name that Windows or a FAT/exFAT stick would refuse (field ``file_name``)."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        ValidationError.__init__(self, problems)
        self.reason = "bad_name"


class UsbWriteCancelled(UsbWriteError, OperationCancelled):
    """The user cancelled a write; its temporary file was removed."""

    def __init__(self, name: str) -> None:
        message = tr(
            CONTEXT,
            "Đã hủy ghi tệp {name}; không có tệp dở dang nào được để lại trên USB.",
            name=name,
        )
        UsbWriteError.__init__(self, "cancelled", message)


def format_size(size: int) -> str:
    """A byte count as people read it: ``1,5 MB`` in Vietnamese, ``1.5 MB`` in English."""
    units = ("byte", "KB", "MB", "GB", "TB")
    value = float(size)
    unit = 0
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{size} byte"
    number = f"{value:.1f}"
    if current_language() == "vi":
        number = number.replace(".", ",")
    return f"{number} {units[unit]}"


def read_only_error(folder: Path) -> UsbWriteError:
    """The volume refuses writes (lock switch, read-only mount, no permission)."""
    message = tr(
        CONTEXT,
        "Không ghi được vào {folder} vì USB đang ở chế độ chỉ đọc. Hãy gạt khóa "
        "chống ghi trên USB (nếu có) sang vị trí mở, cắm lại USB rồi thử lại, "
        "hoặc chọn USB khác.",
        folder=str(folder),
    )
    return UsbWriteError("read_only", message)


def full_error(name: str, needed: int | None = None, free: int | None = None) -> UsbWriteError:
    """The volume has no room; with sizes when they were known before writing."""
    if needed is not None and free is not None:
        message = tr(
            CONTEXT,
            "USB không đủ chỗ trống để ghi tệp {name}: cần {needed}, chỉ còn trống "
            "{free}. Hãy xóa bớt tệp trên USB hoặc chọn USB khác.",
            name=name,
            needed=format_size(needed),
            free=format_size(free),
        )
    else:
        message = tr(
            CONTEXT,
            "USB đã đầy khi đang ghi tệp {name}; phần đã ghi dở được xóa. Hãy xóa "
            "bớt tệp trên USB hoặc chọn USB khác.",
            name=name,
        )
    return UsbWriteError("full", message)


def removed_error(name: str, folder: Path) -> UsbWriteError:
    """The volume went away (pulled out, or the folder vanished)."""
    message = tr(
        CONTEXT,
        "Mất kết nối với USB khi đang ghi tệp {name} vào {folder}, nên tệp chưa được "
        "ghi; tệp cũ cùng tên (nếu có) vẫn còn nguyên. Hãy cắm lại USB rồi ghi lại.",
        name=name,
        folder=str(folder),
    )
    return UsbWriteError("removed", message)


def verify_failed_error(name: str) -> UsbWriteError:
    """What was read back from the volume differs from what was written."""
    message = tr(
        CONTEXT,
        "Kiểm tra lại tệp {name} sau khi ghi thấy nội dung trên USB không khớp với "
        "bản gốc, nên tệp không được lưu. USB có thể bị hỏng: hãy thử lại hoặc "
        "dùng USB khác.",
        name=name,
    )
    return UsbWriteError("verify_failed", message)


def too_large_error(name: str, size: int | None) -> UsbWriteError:
    """The file is larger than the file system allows (4 GB on FAT32)."""
    message = tr(
        CONTEXT,
        "Tệp {name} ({size}) quá lớn so với định dạng của USB: USB định dạng FAT32 "
        "chỉ chứa được tệp nhỏ hơn 4 GB. Hãy dùng USB định dạng exFAT hoặc NTFS.",
        name=name,
        size=format_size(size) if size is not None else "?",
    )
    return UsbWriteError("too_large", message)


def in_use_error(name: str) -> UsbWriteError:
    """Another program holds the file that would be replaced (Windows)."""
    message = tr(
        CONTEXT,
        "Tệp {name} trên USB đang được mở bằng chương trình khác. Hãy đóng tệp đó "
        "(ví dụ trong Word hoặc Excel) rồi thử lại.",
        name=name,
    )
    return UsbWriteError("in_use", message)


def failed_error(name: str, folder: Path, detail: str) -> UsbWriteError:
    """Any other operating-system error, with its own text as the detail."""
    message = tr(
        CONTEXT,
        "Không ghi được tệp {name} vào {folder} ({detail}). Hãy kiểm tra USB rồi thử lại.",
        name=name,
        folder=str(folder),
        detail=detail,
    )
    return UsbWriteError("failed", message)


def volume_flush_error(exc: OSError, volume_name: str) -> UsbWriteError:
    """Flushing a whole volume failed: the files just written may not all be on it."""
    if reason_of_os_error(exc) == "removed":
        message = tr(
            CONTEXT,
            "Mất kết nối với USB {volume} trước khi dữ liệu được ghi hết xuống USB. "
            "Hãy cắm lại USB rồi ghi lại các tệp vừa ghi.",
            volume=volume_name,
        )
        return UsbWriteError("removed", message)
    message = tr(
        CONTEXT,
        "Không ghi hết được dữ liệu xuống USB {volume} ({detail}). Hãy cắm lại USB "
        "rồi ghi lại các tệp vừa ghi.",
        volume=volume_name,
        detail=exc.strerror or str(exc),
    )
    return UsbWriteError("failed", message)


def reason_of_os_error(exc: OSError) -> UsbWriteReason:
    """Which reason an operating-system error stands for (``failed`` when unknown)."""
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _WIN_REASONS:
        return _WIN_REASONS[winerror]
    if exc.errno is not None and exc.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[exc.errno]
    return "failed"


def error_from_os(
    exc: OSError, *, name: str, folder: Path, size: int | None = None
) -> UsbWriteError:
    """The user-facing error for an ``OSError`` raised while writing ``name`` into ``folder``."""
    reason = reason_of_os_error(exc)
    if reason == "read_only":
        return read_only_error(folder)
    if reason == "full":
        return full_error(name)
    if reason == "removed":
        return removed_error(name, folder)
    if reason == "too_large":
        return too_large_error(name, size)
    if reason == "in_use":
        return in_use_error(name)
    return failed_error(name, folder, exc.strerror or str(exc))
