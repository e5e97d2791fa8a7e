"""File names that every stick and every Windows laptop accepts.

A team leader writes a report on Linux or Windows and opens it on a commune
office's Windows PC, usually from a FAT32 or exFAT stick. So a name must pass
the strictest of those rules:

- none of ``< > : " / \\ | ? *`` and no control character (code points below
  32, and DEL): Windows refuses them on every file system, FAT and exFAT
  refuse them on every operating system;
- no trailing dot or space: Windows silently strips them, so the file would
  not be found again under the name we wrote;
- no device name ``CON PRN AUX NUL COM0-9 LPT0-9`` (also with ``¹ ² ³``), with
  or without an extension (``con.txt`` is the console too);
- at most 255 bytes in UTF-8: FAT and exFAT allow 255 UTF-16 units, Linux
  (``NAME_MAX``) 255 bytes; Vietnamese letters take 2–3 bytes, so the byte
  limit is the one that binds when a stick is written from Linux;
- not empty.

Vietnamese letters are kept: FAT32 long names, exFAT and NTFS store Unicode.
Names are compared and written in NFC, because input methods and text pasted
from Word mix composed and decomposed forms of the same letter.
"""

from __future__ import annotations

import re
import unicodedata

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.usb.errors import CONTEXT, BadFileNameError

FIELD = "file_name"
MAX_NAME_BYTES = 255
FORBIDDEN_CHARACTERS = '<>:"/\\|?*'
DEFAULT_NAME = "Tài liệu"

_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)


def _is_control(char: str) -> bool:
    return ord(char) < 32 or ord(char) == 127


def _device_stem(name: str) -> str | None:
    """The reserved device name that ``name`` stands for, if any."""
    # Windows looks only at the part before the first dot, ignoring spaces
    # before that dot: "NUL .txt" and "nul.tar.gz" are both the null device.
    stem = name.split(".", 1)[0].rstrip(" ")
    return stem if stem.upper() in _DEVICE_NAMES else None


def _forbidden_in(name: str) -> str:
    seen = [c for c in FORBIDDEN_CHARACTERS if c in name]
    return " ".join(seen)


def name_problems(name: str) -> list[FieldProblem]:
    """Every reason Windows or a FAT/exFAT stick would refuse ``name`` (empty when fine)."""
    if not name.strip():
        message = tr(
            CONTEXT, 'Tên tệp đang để trống. Hãy nhập tên tệp, ví dụ "Báo cáo tháng 5.docx".'
        )
        return [FieldProblem(FIELD, message)]
    problems: list[FieldProblem] = []
    forbidden = _forbidden_in(name)
    if forbidden:
        message = tr(
            CONTEXT,
            "Tên tệp không được chứa ký tự {chars}. Hãy bỏ các ký tự này hoặc thay "
            "bằng dấu gạch ngang (-).",
            chars=forbidden,
        )
        problems.append(FieldProblem(FIELD, message))
    if any(_is_control(c) for c in name):
        message = tr(
            CONTEXT,
            "Tên tệp có ký tự điều khiển không nhìn thấy được (thường do dán từ nơi "
            "khác). Hãy xóa tên và gõ lại.",
        )
        problems.append(FieldProblem(FIELD, message))
    if name.endswith((".", " ")):
        message = tr(
            CONTEXT,
            "Tên tệp không được kết thúc bằng dấu chấm hoặc dấu cách. Hãy xóa dấu "
            "chấm hoặc dấu cách ở cuối tên.",
        )
        problems.append(FieldProblem(FIELD, message))
    device = _device_stem(name)
    if device is not None:
        message = tr(
            CONTEXT,
            'Windows dành riêng tên "{stem}" cho thiết bị nên không dùng được làm '
            'tên tệp. Hãy đổi tên, ví dụ "{stem}_1".',
            stem=device,
        )
        problems.append(FieldProblem(FIELD, message))
    size = len(unicodedata.normalize("NFC", name).encode("utf-8"))
    if size > MAX_NAME_BYTES:
        message = tr(
            CONTEXT,
            "Tên tệp quá dài: {size} byte, tối đa {limit} byte (mỗi chữ có dấu chiếm "
            "2–3 byte). Hãy rút ngắn tên tệp.",
            size=size,
            limit=MAX_NAME_BYTES,
        )
        problems.append(FieldProblem(FIELD, message))
    return problems


def check_file_name(name: str) -> str:
    """Return ``name`` in NFC, or raise BadFileNameError (a ValidationError on ``file_name``)."""
    problems = name_problems(name)
    if problems:
        raise BadFileNameError(problems)
    return unicodedata.normalize("NFC", name)


# What each forbidden character becomes, chosen so the title still reads well:
# "Báo cáo: quý 1/2025" -> "Báo cáo - quý 1-2025".
_REPLACEMENTS = {
    ":": " - ",
    "/": "-",
    "\\": "-",
    "|": "-",
    '"': "'",
    "<": "(",
    ">": ")",
    "?": "",
    "*": "",
}


def truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits in ``limit`` bytes."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    # errors="ignore" drops a letter cut in the middle of its UTF-8 bytes.
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_file_name(title: str, extension: str = "") -> str:
    """A name built from a (Vietnamese) title that ``check_file_name`` accepts.

    ``extension`` (``".docx"``) is appended after the title is cleaned and cut,
    so a long title never loses its extension. The extension itself must be a
    safe name part (it is the program's, not the user's).
    """
    text = unicodedata.normalize("NFC", title)
    text = "".join(" " if _is_control(c) else _REPLACEMENTS.get(c, c) for c in text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?: ?- ?){2,}", " - ", text)
    text = text.strip(" .")
    extension = unicodedata.normalize("NFC", extension)
    head, dot, tail = text.partition(".")
    if _device_stem(head + extension) is not None:
        # "Con" is an everyday Vietnamese word, but "Con.docx" is the console.
        text = head.rstrip(" ") + "_" + dot + tail
    text = truncate_utf8(text, MAX_NAME_BYTES - len(extension.encode("utf-8")))
    text = text.rstrip(" .")
    return (text or DEFAULT_NAME) + extension
