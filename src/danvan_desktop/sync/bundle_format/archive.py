"""Reading a bundle file's ZIP directory, manifest and signature, and nothing more."""

from __future__ import annotations

import io
import json
import zipfile

from danvan_desktop.core.field_rules import is_valid_id
from danvan_desktop.core.i18n import tr
from danvan_desktop.sync.bundle_format.bundle import Bundle, StoredMembers
from danvan_desktop.sync.bundle_format.limits import (
    EOCD,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_DIRECTORY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_SIGNATURE_BYTES,
    SIGNATURE,
    TO_DEVICE,
    TO_SERVER,
    BundleError,
    damaged,
    over_limit,
    unsafe_archive,
)


def read(data: bytes) -> Bundle:
    """Parse a bundle file's bytes: the archive's directory, the manifest and its
    signature; no other member is read, and nothing is trusted yet."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise over_limit(tr("bundle", "kích thước tệp gói (byte)"), MAX_BUNDLE_BYTES)
    _check_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = StoredMembers(archive, _entries(archive, len(data)))
        manifest_bytes = members.take(
            MANIFEST, MAX_MANIFEST_BYTES, tr("bundle", "kích thước bản kê manifest.json (byte)")
        )
        signature = members.take(
            SIGNATURE, MAX_SIGNATURE_BYTES, tr("bundle", "kích thước chữ ký manifest.sig (byte)")
        )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ):
        raise BundleError(
            tr(
                "bundle",
                "Tệp này không phải là gói đồng bộ (.dvbundle) hoặc đã bị hỏng khi chép: hãy "
                "chép lại gói từ máy đã làm ra nó.",
            )
        ) from None
    if manifest_bytes is None or signature is None:
        raise damaged()
    try:
        manifest = json.loads(manifest_bytes)
    except (ValueError, RecursionError):
        raise damaged() from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged()
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BundleError(
            tr(
                "bundle",
                "Gói được làm bằng phiên bản mới hơn của ứng dụng (định dạng {version}): hãy "
                "cập nhật ứng dụng rồi nhập lại.",
                version=version,
            )
        )
    if version < 1 or manifest.get("direction") not in (TO_SERVER, TO_DEVICE):
        raise damaged()
    if not is_valid_id(manifest.get("bundle_id")):
        raise damaged()
    return Bundle(manifest, manifest_bytes, signature, members)


def _check_directory(data: bytes) -> None:
    """Refuse an archive whose central directory is too big for a bundle before
    ``zipfile`` parses it (a directory of millions of entries is a memory bomb too), and
    ZIP64 archives, which a bundle never needs (and whose real counts lie elsewhere)."""
    at = len(data) - EOCD.size
    if not (at >= 0 and data[at : at + 4] == b"PK\x05\x06" and data[-2:] == b"\0\0"):
        at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65536 - EOCD.size))
    if at < 0 or at + EOCD.size > len(data):
        return  # not a ZIP archive at all: zipfile says so
    entries, directory_bytes = EOCD.unpack_from(data, at)[4:6]
    if entries > MAX_MEMBERS:
        raise over_limit(tr("bundle", "số thành phần của gói"), MAX_MEMBERS)
    if directory_bytes > MAX_DIRECTORY_BYTES:
        raise over_limit(tr("bundle", "kích thước danh mục ZIP (byte)"), MAX_DIRECTORY_BYTES)
    if at >= 20 and data[at - 20 : at - 16] == b"PK\x06\x07":
        raise unsafe_archive()


def _entries(archive: zipfile.ZipFile, file_bytes: int) -> dict[str, zipfile.ZipInfo]:
    """The archive's entries by name, refused unless each is stored (never compressed:
    nothing can inflate), unencrypted, named once, and all together fit in the file."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise over_limit(tr("bundle", "số thành phần của gói"), MAX_MEMBERS)
    entries = {info.filename: info for info in infos}
    unsafe = (
        len(entries) != len(infos)
        or sum(info.file_size for info in infos) > file_bytes
        or any(
            info.compress_type != zipfile.ZIP_STORED
            or info.flag_bits & 0x1
            or info.file_size != info.compress_size
            for info in infos
        )
    )
    if unsafe:
        raise unsafe_archive()
    return entries
