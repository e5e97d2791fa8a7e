"""Which operating-system errors mean which USB problem, and what the user reads."""

from __future__ import annotations

import ast
import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

import danvan_desktop.usb as usb_package
from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.core.i18n import load_ts_file, set_language
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.usb.errors import (
    UsbWriteCancelled,
    UsbWriteError,
    error_from_os,
    format_size,
    reason_of_os_error,
)

FOLDER = Path("/media/huong/DANVAN")


@pytest.fixture
def english() -> Iterator[None]:
    """Switch the messages to English for one test."""
    set_language("en")
    try:
        yield
    finally:
        set_language("vi")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "read_only"),
        (errno.EACCES, "read_only"),
        (errno.ENOSPC, "full"),
        (errno.EDQUOT, "full"),
        (errno.EIO, "removed"),
        (errno.ENODEV, "removed"),
        (errno.ENOENT, "removed"),
        (errno.ENOTCONN, "removed"),
        (errno.EFBIG, "too_large"),
        (errno.EINVAL, "failed"),
    ],
)
def test_posix_errno_reasons(code: int, reason: str) -> None:
    """Each errno a stick can raise maps to its reason."""
    assert reason_of_os_error(OSError(code, "x")) == reason


@pytest.mark.parametrize(
    ("winerror", "reason"),
    [(19, "read_only"), (112, "full"), (21, "removed"), (1167, "removed"), (32, "in_use")],
)
def test_windows_error_codes_win_over_errno(winerror: int, reason: str) -> None:
    """A Windows error code decides even when its errno (EACCES here) says otherwise."""
    error = OSError(errno.EACCES, "x")
    error.winerror = winerror  # type: ignore[attr-defined]
    assert reason_of_os_error(error) == reason


def test_read_only_message_names_the_folder_and_the_switch() -> None:
    """The read-only message says where and what to do."""
    error = error_from_os(OSError(errno.EROFS, "x"), name="a.docx", folder=FOLDER)
    assert error.reason == "read_only"
    assert str(error) == (
        "Không ghi được vào /media/huong/DANVAN vì USB đang ở chế độ chỉ đọc. Hãy gạt khóa "
        "chống ghi trên USB (nếu có) sang vị trí mở, cắm lại USB rồi thử lại, hoặc chọn USB khác."
    )


def test_unknown_error_keeps_the_system_detail() -> None:
    """An unexpected error still names the file, the folder and the OS text."""
    error = error_from_os(OSError(errno.EINVAL, "Invalid argument"), name="a.docx", folder=FOLDER)
    assert error.reason == "failed"
    assert "a.docx" in error.message and "Invalid argument" in error.message


def test_usb_write_error_is_a_danvan_error() -> None:
    """Callers that catch DanvanError also catch USB write errors."""
    assert issubclass(UsbWriteError, DanvanError)


def test_cancelled_is_both_usb_error_and_operation_cancelled() -> None:
    """A cancelled write is an OperationCancelled with reason cancelled."""
    error = UsbWriteCancelled("a.docx")
    assert isinstance(error, OperationCancelled)
    assert error.reason == "cancelled"


@pytest.mark.parametrize(
    ("size", "text"),
    [(512, "512 byte"), (1536, "1,5 KB"), (5 * 1024**3, "5,0 GB")],
)
def test_sizes_read_the_vietnamese_way(size: int, text: str) -> None:
    """Sizes use a decimal comma in Vietnamese."""
    assert format_size(size) == text


def test_messages_come_in_english_when_asked(english: None) -> None:
    """The English UI gets the English text, with the sizes filled in."""
    error = error_from_os(OSError(errno.ENOSPC, "x"), name="a.docx", folder=FOLDER)
    assert str(error) == (
        "The USB stick became full while writing a.docx; the partly written copy was removed. "
        "Delete some files from the stick or choose another stick."
    )


def _usb_messages() -> list[str]:
    package = Path(usb_package.__file__).parent
    found: list[str] = []
    for module in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
                text = node.args[1]
                assert isinstance(text, ast.Constant), f"{module}: tr needs a literal"
                assert isinstance(text.value, str)
                found.append(text.value)
    return found


def test_every_usb_message_has_an_english_translation_with_the_same_fields() -> None:
    """usb_en.ts translates every message of the box and keeps its {placeholders}."""
    table = load_ts_file(resources_dir() / "translations" / "usb_en.ts")
    messages = _usb_messages()
    assert len(messages) >= 17
    for source in messages:
        translation = table.get(("usb", source))
        assert translation, f"no English for: {source}"
        fields = sorted(part.split("}")[0] for part in source.split("{")[1:])
        assert sorted(part.split("}")[0] for part in translation.split("{")[1:]) == fields
