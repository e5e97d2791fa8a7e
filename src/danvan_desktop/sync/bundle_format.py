"""The USB bundle file: a signed, optionally encrypted envelope for sync operations.

A bundle carries the same operations and changes as the HTTP protocol when no link
exists (DESIGN.md invariant 8). It is a ZIP archive with stored (uncompressed)
members, readable by any tool:

- ``manifest.json``: canonical JSON naming the bundle (``bundle_id``, direction,
  device, unit, epoch, checkpoint, counts) and the SHA-256 of every other member;
- ``manifest.sig``: the Ed25519 signature of ``manifest.json`` by its author (the
  laptop's device key for a bundle to the server, the server's key for a reply),
  base64;
- the payload members (``ops.json.gz``, ``reply.json.gz``, ``files/<sha256>``),
  each encrypted with AES-256-GCM when a passphrase was given (key from scrypt;
  a random nonce prefixes each member; the bundle id and the member name are the
  associated data, so members cannot be swapped between bundles).

The signature covers the manifest, the manifest covers every member's hash: one
changed byte anywhere refuses the bundle whole, before anything is applied.

Nothing in an archive is trusted before its signature (DESIGN.md invariant 8), and
nothing is unpacked beyond what the manifest declares. ``read`` checks the ZIP
directory (stored members only, no more bytes than the file holds, at most
``MAX_MEMBERS``) and reads only the manifest and its signature; ``verify`` checks
the signature, then each member in chunks against the size and hash the manifest
declares; only then are members handed out, and a gzip member is inflated no
further than the size declared for its JSON. Format 1 (the first release) declares
no sizes: its members are bounded by the archive's directory and its JSON by
``MAX_JSON_BYTES``.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import io
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.field_rules import is_valid_id
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
_NONCE_BYTES: Final = 12
_CHUNK: Final = 1024**2
_EOCD: Final = struct.Struct("<4s4H2LH")  # the ZIP end-of-central-directory record


class BundleError(DanvanError):
    """A bundle that cannot be made or must be refused whole (the message says why);
    ``field`` names what the user should correct (``passphrase``), when anything."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# -- keys ------------------------------------------------------------------------------
def new_private_key() -> str:
    """A new Ed25519 private key, base64 of its 32 raw bytes."""
    raw = Ed25519PrivateKey.generate().private_bytes_raw()
    return base64.b64encode(raw).decode()


def public_key_of(private_key: str) -> str:
    """The base64 public key of a base64 private key."""
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    return base64.b64encode(key.public_key().public_bytes_raw()).decode()


def is_public_key(text: object) -> bool:
    """Whether ``text`` is a base64 Ed25519 public key (32 bytes)."""
    if not isinstance(text, str):
        return False
    try:
        return len(base64.b64decode(text, validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


# -- writing ---------------------------------------------------------------------------
def gzip_json(value: Any) -> tuple[bytes, int]:
    """A JSON member: gzip of ``value``'s compact JSON, and that JSON's size in bytes
    (give it to ``seal`` as ``unpacked``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return gzip.compress(text, 9), len(text)


def seal(
    manifest: dict[str, Any],
    members: dict[str, bytes],
    *,
    private_key: str,
    passphrase: str | None = None,
    unpacked: Mapping[str, int] | None = None,
    format_version: int = FORMAT_VERSION,
) -> bytes:
    """The bundle file's bytes: ``members`` (encrypted when a passphrase is given),
    ``manifest`` completed with their hashes, sizes and the encryption parameters,
    signed. ``unpacked`` is the size of the JSON inside each gzip member (``gzip_json``);
    a reader inflates no further. ``format_version`` 1 is readable by the first release,
    which ignores the declared sizes (readers of format 2 still enforce them)."""
    unpacked = dict(unpacked or {})
    if len(members) + 2 > MAX_MEMBERS:
        raise over_limit(tr("bundle", "số thành phần của gói"), MAX_MEMBERS)
    for name, size in unpacked.items():
        if size > MAX_JSON_BYTES:
            raise over_limit(_json_of(name), MAX_JSON_BYTES)
    manifest = dict(manifest, format=FORMAT, format_version=format_version)
    bundle_id = str(manifest["bundle_id"])
    stored: dict[str, bytes] = {}
    if passphrase:
        salt = os.urandom(16)
        manifest["encryption"] = {
            "scheme": "scrypt-aes256gcm",
            "salt": base64.b64encode(salt).decode(),
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
        }
        cipher = AESGCM(_derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
        for name, data in members.items():
            nonce = os.urandom(_NONCE_BYTES)
            stored[name] = nonce + cipher.encrypt(nonce, data, _associated(bundle_id, name))
    else:
        manifest["encryption"] = None
        stored = dict(members)
    manifest["members"] = {name: hashlib.sha256(data).hexdigest() for name, data in stored.items()}
    manifest["sizes"] = {name: len(data) for name, data in stored.items()}
    manifest["unpacked"] = unpacked
    manifest_bytes = canonical(manifest)
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    signature = base64.b64encode(key.sign(manifest_bytes))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, signature)
        for name, data in stored.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def canonical(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes that are signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


# -- reading ---------------------------------------------------------------------------
class StoredMembers:
    """The payload members of a bundle's archive, by name: nothing is read until asked,
    and then only in chunks, never past a limit."""

    def __init__(self, archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> None:
        self._archive = archive
        self._entries = entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def size(self, name: str) -> int:
        """The member's size as the archive's directory gives it."""
        return self._entries[name].file_size

    def chunks(self, name: str, limit: int) -> Iterator[bytes]:
        """The member's bytes, a chunk at a time; refused when it holds more than ``limit``."""
        entry = self._entries[name]
        if entry.file_size > limit:
            raise larger_than_declared(name, limit)
        total = 0
        try:
            with self._archive.open(entry) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise larger_than_declared(name, limit)
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise damaged() from None  # NotImplementedError: flags or versions zipfile lacks

    def take(self, name: str, limit: int, what: str) -> bytes | None:
        """Remove a member that is not payload (manifest, signature) and return its bytes."""
        if name not in self._entries:
            return None
        if self.size(name) > limit:
            raise over_limit(what, limit)
        data = b"".join(self.chunks(name, limit))
        del self._entries[name]
        return data


@dataclass
class Bundle:
    """A bundle read from a file: its manifest and stored members (not yet trusted).

    Members are handed out only after ``verify`` has checked the signature."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    stored: StoredMembers
    verified: bool = field(default=False, compare=False)
    _keys: dict[str, bytes] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def direction(self) -> str:
        """``to-server`` or ``to-device``."""
        return str(self.manifest.get("direction"))

    @property
    def encrypted(self) -> bool:
        """Whether the payload needs a passphrase."""
        return bool(self.manifest.get("encryption"))

    def verify(self, public_key: str) -> None:
        """Refuse the bundle unless ``public_key`` signed its manifest and every member has
        the size and hash the manifest declares (read in chunks, never past that size)."""
        try:
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
            key.verify(base64.b64decode(self.signature, validate=True), self.manifest_bytes)
        except (InvalidSignature, binascii.Error, ValueError):
            raise BundleError(
                tr(
                    "bundle",
                    "Chữ ký của gói không khớp với khóa của nơi gửi: gói đã bị sửa hoặc không "
                    "do máy này làm ra. Gói bị từ chối toàn bộ; hãy xin làm lại gói.",
                )
            ) from None
        listed = self.manifest.get("members")
        if not isinstance(listed, dict) or set(listed) != set(self.stored):
            raise damaged()
        sizes = self._declared_sizes()
        for name in self.stored:
            self._digest_matches(name, listed[name], sizes[name], keep=False)
        self.verified = True

    def member(self, name: str, passphrase: str | None = None) -> bytes:
        """One member's plain bytes (after ``verify``; read again and checked again)."""
        if not self.verified:
            raise RuntimeError("a bundle's members are read only after verify()")
        if name not in self.stored:
            raise damaged()
        data = self._digest_matches(
            name, self.manifest["members"][name], self._declared_sizes()[name], keep=True
        )
        encryption = self.manifest.get("encryption")
        if not encryption:
            return data
        if not passphrase:
            raise BundleError(
                tr(
                    "bundle",
                    "Gói này được mã hóa: hãy nhập mật khẩu của gói (người làm gói đã đặt).",
                ),
                field="passphrase",
            )
        try:
            if passphrase not in self._keys:  # scrypt once per bundle, not once per member
                salt = base64.b64decode(str(encryption["salt"]))
                n, r, p = (int(encryption[k]) for k in ("n", "r", "p"))
                self._keys[passphrase] = _derive(passphrase, salt, n, r, p)
            key = self._keys[passphrase]
            nonce, body = data[:_NONCE_BYTES], data[_NONCE_BYTES:]
            bundle_id = str(self.manifest["bundle_id"])
            return AESGCM(key).decrypt(nonce, body, _associated(bundle_id, name))
        except InvalidTag:
            raise BundleError(
                tr("bundle", "Mật khẩu của gói không đúng: hãy nhập lại đúng mật khẩu đã đặt."),
                field="passphrase",
            ) from None
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise damaged() from None

    def json_member(self, name: str, passphrase: str | None = None) -> dict[str, Any]:
        """A gzip JSON member as a dict, inflated no further than its declared size."""
        declared = self.manifest.get("unpacked")
        if declared is None and self.manifest["format_version"] < 2:
            limit, exact = MAX_JSON_BYTES, False  # the first release declared nothing
        elif isinstance(declared, dict) and _is_size(declared.get(name), MAX_JSON_BYTES):
            limit, exact = int(declared[name]), True
        else:
            raise damaged()
        text = _gunzip(self.member(name, passphrase), limit, name)
        if exact and len(text) != limit:
            raise damaged()
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            raise damaged() from None
        if not isinstance(value, dict):
            raise damaged()
        return value

    def _declared_sizes(self) -> dict[str, int]:
        """Each member's size as the manifest declares it; the first release declared none
        (its members are bounded by the archive's directory, checked against the file)."""
        sizes = self.manifest.get("sizes")
        if sizes is None and self.manifest["format_version"] < 2:
            return {name: self.stored.size(name) for name in self.stored}
        if not isinstance(sizes, dict) or set(sizes) != set(self.stored):
            raise damaged()
        for name, size in sizes.items():
            if not _is_size(size, MAX_BUNDLE_BYTES):
                raise damaged()
            if self.stored.size(name) > size:
                raise larger_than_declared(name, size)
            if self.stored.size(name) < size:
                raise damaged()
        return sizes

    def _digest_matches(self, name: str, digest: object, size: int, *, keep: bool) -> bytes:
        """Read a member in chunks (kept when ``keep``) and refuse it unless it hashes to
        ``digest``."""
        hasher = hashlib.sha256()
        kept = bytearray()
        for chunk in self.stored.chunks(name, size):
            hasher.update(chunk)
            if keep:
                kept += chunk
        if hasher.hexdigest() != digest:
            raise damaged()
        return bytes(kept)


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
    at = len(data) - _EOCD.size
    if not (at >= 0 and data[at : at + 4] == b"PK\x05\x06" and data[-2:] == b"\0\0"):
        at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65536 - _EOCD.size))
    if at < 0 or at + _EOCD.size > len(data):
        return  # not a ZIP archive at all: zipfile says so
    entries, directory_bytes = _EOCD.unpack_from(data, at)[4:6]
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


def _gunzip(data: bytes, limit: int, name: str) -> bytearray:
    """The content of a gzip member, inflated a chunk at a time and refused as soon as it
    would exceed ``limit`` bytes (a gzip bomb costs at most ``limit``)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        for start in range(0, len(data), _CHUNK):
            if inflater.eof:
                raise damaged()  # bytes after the end of the gzip stream
            pending = data[start : start + _CHUNK]
            while pending:
                out += inflater.decompress(pending, _CHUNK)
                if len(out) > limit:
                    raise over_limit(_json_of(name), limit)
                pending = inflater.unconsumed_tail
            if inflater.unused_data:
                raise damaged()
    except zlib.error:
        raise damaged() from None
    if not inflater.eof:
        raise damaged()
    return out


def _is_size(value: object, limit: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit


def _json_of(name: str) -> str:
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


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if n > 2**20 or r > 16 or p > 4:  # a hostile manifest must not exhaust memory
        raise damaged()
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def _associated(bundle_id: str, name: str) -> bytes:
    return f"{bundle_id}/{name}".encode()
