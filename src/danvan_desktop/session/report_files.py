"""Where an exported document went, and how to tell the user: a USB stick or a folder.

The usb box writes every file the same careful way (atomic, read back, flushed), and
words its failures for a stick: «USB đang ở chế độ chỉ đọc», «An toàn để rút USB».
Those words are right only when the target is on a removable drive. For a folder on
the computer (the Documents folder, a network share) the same failure is told in
folder words here, and the file is never «safe to remove». Whether a target is on a
removable drive is asked of the usb box's list of removable volumes, unless the
caller knows (the export dialog knows which place the user picked).
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.core.i18n import tr

if TYPE_CHECKING:
    from danvan_desktop.store.issued_documents import IssuedEntry
    from danvan_desktop.usb.atomic_write import WrittenFile
    from danvan_desktop.usb.errors import UsbWriteError


@dataclass(frozen=True)
class ExportedFile:
    """A file an export wrote: the usb box's ``WrittenFile``, whether it went onto a
    removable drive, and the register's line when the document is an issued one."""

    written: WrittenFile
    on_removable: bool
    issued: IssuedEntry | None = None

    @property
    def path(self) -> Path:
        """The file's full path."""
        return self.written.path

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return self.written.size

    @property
    def sha256(self) -> str:
        """The SHA-256 of what was written and read back."""
        return self.written.sha256

    @property
    def replaced(self) -> bool:
        """True when a file of the same name was there before."""
        return self.written.replaced

    @property
    def safe_to_remove(self) -> bool:
        """True when the file is on a removable drive that was flushed: the stick may be
        pulled out. Never True for a folder on the computer (there is nothing to pull)."""
        return self.on_removable and self.written.safe_to_remove


def on_removable_drive(target_dir: Path) -> bool:
    """True when ``target_dir`` lies on a mounted removable volume (a stick, a card)."""
    from danvan_desktop.usb import list_removable_volumes

    try:
        volumes = list_removable_volumes()
    except (OSError, DanvanError):
        return False
    target = _resolved(target_dir)
    return any(target.is_relative_to(_resolved(volume.mount_path)) for volume in volumes)


def _resolved(path: Path) -> Path:
    with contextlib.suppress(OSError, RuntimeError):
        return Path(path).resolve()
    return Path(path).absolute()


def missing_folder_error(target_dir: Path) -> str:
    """The message for a target folder that does not exist (a stick pulled, a typo)."""
    return tr(
        "ReportExport",
        "Không có thư mục {path}: hãy kiểm tra lại đường dẫn (nếu là USB, hãy cắm lại USB) "
        "hoặc chọn thư mục khác.",
        path=str(target_dir),
    )


def folder_error(error: UsbWriteError, folder: Path, name: str, size: int) -> DanvanError:
    """The usb box's failure ``error``, told for a folder on the computer (same reason)."""
    from danvan_desktop.usb.errors import UsbWriteError, format_size

    reason = error.reason
    cause = error.__cause__
    detail = cause.strerror or str(cause) if isinstance(cause, OSError) else error.message
    where = {"folder": str(folder), "name": name}
    if reason == "cancelled":
        return OperationCancelled(
            tr("ReportExport", "Đã hủy xuất báo cáo; không có tệp dở dang nào được để lại.")
        )
    if reason == "read_only":
        message = tr(
            "ReportExport",
            "Không ghi được vào thư mục {folder}: thư mục chỉ cho đọc hoặc máy không cho ghi "
            "vào đó. Hãy chọn thư mục khác.",
            folder=str(folder),
        )
    elif reason == "full" and not isinstance(cause, OSError):
        free = shutil.disk_usage(folder).free if folder.is_dir() else 0
        message = tr(
            "ReportExport",
            "Ổ đĩa chứa thư mục {folder} không đủ chỗ trống để ghi tệp {name}: cần {needed}, "
            "chỉ còn trống {free}. Hãy xóa bớt tệp hoặc chọn nơi lưu khác.",
            needed=format_size(size),
            free=format_size(free),
            **where,
        )
    elif reason == "full":
        message = tr(
            "ReportExport",
            "Ổ đĩa chứa thư mục {folder} đã đầy khi đang ghi tệp {name}; phần đã ghi dở được "
            "xóa. Hãy xóa bớt tệp hoặc chọn nơi lưu khác.",
            **where,
        )
    elif reason == "removed":
        message = tr(
            "ReportExport",
            "Thư mục {folder} không còn truy cập được khi đang ghi tệp {name}, nên tệp chưa "
            "được ghi; tệp cũ cùng tên (nếu có) vẫn còn nguyên. Hãy kiểm tra thư mục rồi ghi "
            "lại.",
            **where,
        )
    elif reason == "verify_failed":
        message = tr(
            "ReportExport",
            "Kiểm tra lại tệp {name} sau khi ghi thấy nội dung trong thư mục {folder} không "
            "khớp với bản gốc, nên tệp không được lưu. Hãy thử lại hoặc chọn nơi lưu khác.",
            **where,
        )
    elif reason == "too_large":
        message = tr(
            "ReportExport",
            "Tệp {name} quá lớn so với định dạng của ổ đĩa chứa thư mục {folder}. Hãy chọn "
            "nơi lưu khác.",
            **where,
        )
    elif reason == "in_use":
        message = tr(
            "ReportExport",
            "Tệp {name} trong thư mục {folder} đang được mở bằng chương trình khác. Hãy đóng "
            "tệp đó (ví dụ trong Word hoặc Excel) rồi thử lại.",
            **where,
        )
    else:
        message = tr(
            "ReportExport",
            "Không ghi được tệp {name} vào thư mục {folder} ({detail}). Hãy kiểm tra thư mục "
            "rồi thử lại.",
            detail=detail,
            **where,
        )
    return UsbWriteError(reason, message)


def target_folder(target_dir: Path, removable: bool | None) -> tuple[Path, bool]:
    """The target folder (it must exist) and whether it is on a removable drive."""
    from danvan_desktop.core.errors import FieldProblem, ValidationError

    target = Path(target_dir)
    if not target.is_dir():
        raise ValidationError([FieldProblem("target_dir", missing_folder_error(target))])
    return target, on_removable_drive(target) if removable is None else removable


def stepper(
    progress: Callable[[int, int, str], None] | None, cancel: threading.Event | None
) -> Callable[[int, str], None]:
    """Report a step, or stop with OperationCancelled when ``cancel`` is set."""

    def step(done: int, text: str) -> None:
        if cancel is not None and cancel.is_set():
            raise OperationCancelled(tr("ReportExport", "Đã hủy xuất báo cáo."))
        if progress is not None:
            progress(done, 100, text)

    return step
