"""The bundle format's names and safety limits, and the refusals a reader makes."""

from __future__ import annotations

import struct
from typing import Final

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr

FORMAT: Final = "danvan-bundle"
FORMAT_VERSION: Final = 2  # 2: the manifest declares every member's size ("sizes", "unpacked")
TO_SERVER: Final = "to-server"
TO_DEVICE: Final = "to-device"
SUFFIX: Final = ".dvbundle"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
OPS_MEMBER: Final = "ops.json.gz"
REPLY_MEMBER: Final = "reply.json.gz"
FILES_PREFIX: Final = "files/"
MAX_BUNDLE_BYTES: Final = 2 * 1024**3  # a stick's FAT32 file limit is 4 GiB; stay well below
MAX_MEMBERS: Final = 10_000  # archive entries, the manifest and its signature included
MAX_DIRECTORY_BYTES: Final = 2 * 1024**2  # the ZIP central directory: ~120 bytes a member
MAX_MANIFEST_BYTES: Final = 4 * 1024**2
MAX_SIGNATURE_BYTES: Final = 1024
MAX_JSON_BYTES: Final = 256 * 1024**2  # the JSON in a gzip member (format 1: the fixed cap)
SCRYPT_N: Final = 2**15  # about 0.1 s and 32 MiB on an old laptop
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
NONCE_BYTES: Final = 12
CHUNK: Final = 1024**2
EOCD: Final = struct.Struct("<4s4H2LH")  # the ZIP end-of-central-directory record


class BundleError(DanvanError):
    """A bundle that cannot be made or must be refused whole (the message says why);
    ``field`` names what the user should correct (``passphrase``), when anything."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def is_size(value: object, limit: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit


def json_of(name: str) -> str:
    return tr("bundle", "dữ liệu JSON trong {member} (byte)", member=name)


def damaged() -> BundleError:
    """The whole-bundle refusal for content that does not match its manifest."""
    return BundleError(
        tr(
            "bundle",
            "Gói đồng bộ bị hỏng hoặc đã bị sửa (nội dung không khớp với bản kê): gói bị từ "
            "chối toàn bộ, không có gì được ghi. Hãy chép lại gói từ máy đã làm ra nó.",
        )
    )


def unsafe_archive() -> BundleError:
    """The whole-bundle refusal for an archive a bundle writer never makes."""
    return BundleError(
        tr(
            "bundle",
            "Tệp ZIP của gói có cấu trúc không an toàn (thành phần bị nén hoặc mã hóa, tên "
            "trùng nhau, hoặc khai báo nhiều byte hơn chính tệp): gói bị từ chối toàn bộ mà "
            "không giải nén gì. Hãy chép lại gói từ máy đã làm ra nó.",
        )
    )


def over_limit(what: str, limit: int) -> BundleError:
    """The whole-bundle refusal for a bundle beyond one of the safety limits."""
    return BundleError(
        tr(
            "bundle",
            "Gói đồng bộ vượt giới hạn an toàn: {what} vượt quá {limit}. Gói bị từ chối toàn "
            "bộ, không có gì được ghi; hãy xin làm lại gói.",
            what=what,
            limit=limit,
        )
    )


def larger_than_declared(name: str, size: int) -> BundleError:
    """The whole-bundle refusal for a member bigger than its manifest says."""
    return BundleError(
        tr(
            "bundle",
            "Thành phần {member} của gói lớn hơn kích thước mà bản kê khai báo ({size} byte): "
            "gói bị từ chối toàn bộ, không có gì được ghi. Hãy chép lại gói từ máy đã làm ra nó.",
            member=name,
            size=size,
        )
    )
