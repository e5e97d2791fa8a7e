"""A bundle read from a file: checked against its signature, then its members handed out."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

import danvan_desktop.sync.bundle_format.limits as limits
from danvan_desktop.core.i18n import tr
from danvan_desktop.sync.bundle_format.keys import associated, derive
from danvan_desktop.sync.bundle_format.limits import (
    CHUNK,
    MAX_BUNDLE_BYTES,
    NONCE_BYTES,
    BundleError,
    damaged,
    is_size,
    json_of,
    larger_than_declared,
    over_limit,
)


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
                while chunk := stream.read(CHUNK):
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
                self._keys[passphrase] = derive(passphrase, salt, n, r, p)
            key = self._keys[passphrase]
            nonce, body = data[:NONCE_BYTES], data[NONCE_BYTES:]
            bundle_id = str(self.manifest["bundle_id"])
            return AESGCM(key).decrypt(nonce, body, associated(bundle_id, name))
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
            limit, exact = limits.MAX_JSON_BYTES, False  # the first release declared nothing
        elif isinstance(declared, dict) and is_size(declared.get(name), limits.MAX_JSON_BYTES):
            limit, exact = int(declared[name]), True
        else:
            raise damaged()
        text = gunzip(self.member(name, passphrase), limit, name)
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
            if not is_size(size, MAX_BUNDLE_BYTES):
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


def gunzip(data: bytes, limit: int, name: str) -> bytearray:
    """The content of a gzip member, inflated a chunk at a time and refused as soon as it
    would exceed ``limit`` bytes (a gzip bomb costs at most ``limit``)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        for start in range(0, len(data), CHUNK):
            if inflater.eof:
                raise damaged()  # bytes after the end of the gzip stream
            pending = data[start : start + CHUNK]
            while pending:
                out += inflater.decompress(pending, CHUNK)
                if len(out) > limit:
                    raise over_limit(json_of(name), limit)
                pending = inflater.unconsumed_tail
            if inflater.unused_data:
                raise damaged()
    except zlib.error:
        raise damaged() from None
    if not inflater.eof:
        raise damaged()
    return out
