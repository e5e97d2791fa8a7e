# A frozen copy of src/danvan_desktop/sync/bundle_format.py as released (commit adb94dd,
# format 1), kept so that tests can write and read bundles exactly as laptops and servers
# of that release do. Never edit it: it stands for code already in users' hands.
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
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr

FORMAT: Final = "danvan-bundle"
FORMAT_VERSION: Final = 1
TO_SERVER: Final = "to-server"
TO_DEVICE: Final = "to-device"
SUFFIX: Final = ".dvbundle"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
OPS_MEMBER: Final = "ops.json.gz"
REPLY_MEMBER: Final = "reply.json.gz"
FILES_PREFIX: Final = "files/"
MAX_BUNDLE_BYTES: Final = 2 * 1024**3  # a stick's FAT32 file limit is 4 GiB; stay well below
SCRYPT_N: Final = 2**15  # about 0.1 s and 32 MiB on an old laptop
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
_NONCE_BYTES: Final = 12


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
def seal(
    manifest: dict[str, Any],
    members: dict[str, bytes],
    *,
    private_key: str,
    passphrase: str | None = None,
) -> bytes:
    """The bundle file's bytes: ``members`` (encrypted when a passphrase is given),
    ``manifest`` completed with their hashes and the encryption parameters, signed."""
    manifest = dict(manifest, format=FORMAT, format_version=FORMAT_VERSION)
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
@dataclass(frozen=True)
class Bundle:
    """A bundle read from a file: its manifest and stored members (not yet trusted)."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    stored: dict[str, bytes]

    @property
    def direction(self) -> str:
        """``to-server`` or ``to-device``."""
        return str(self.manifest.get("direction"))

    @property
    def encrypted(self) -> bool:
        """Whether the payload needs a passphrase."""
        return bool(self.manifest.get("encryption"))

    def verify(self, public_key: str) -> None:
        """Refuse the bundle unless ``public_key`` signed it and every member is intact."""
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
        for name, data in self.stored.items():
            if hashlib.sha256(data).hexdigest() != listed[name]:
                raise damaged()

    def member(self, name: str, passphrase: str | None = None) -> bytes:
        """One member's plain bytes (call ``verify`` first)."""
        data = self.stored.get(name)
        if data is None:
            raise damaged()
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
            salt = base64.b64decode(str(encryption["salt"]))
            n, r, p = (int(encryption[k]) for k in ("n", "r", "p"))
            key = _derive(passphrase, salt, n, r, p)
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
        """A gzip JSON member as a dict."""
        import gzip

        try:
            value = json.loads(gzip.decompress(self.member(name, passphrase)))
        except (OSError, EOFError, ValueError):
            raise damaged() from None
        if not isinstance(value, dict):
            raise damaged()
        return value


def read(data: bytes) -> Bundle:
    """Parse a bundle file's bytes (structure and manifest only; nothing is trusted yet)."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise damaged()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_BUNDLE_BYTES:
                raise damaged()
            contents = {info.filename: archive.read(info) for info in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise BundleError(
            tr(
                "bundle",
                "Tệp này không phải là gói đồng bộ (.dvbundle) hoặc đã bị hỏng khi chép: hãy "
                "chép lại gói từ máy đã làm ra nó.",
            )
        ) from None
    manifest_bytes = contents.pop(MANIFEST, None)
    signature = contents.pop(SIGNATURE, None)
    if manifest_bytes is None or signature is None:
        raise damaged()
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
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
    if manifest.get("direction") not in (TO_SERVER, TO_DEVICE):
        raise damaged()
    return Bundle(manifest, manifest_bytes, signature, contents)


def damaged() -> BundleError:
    """The whole-bundle refusal for content that does not match its manifest."""
    return BundleError(
        tr(
            "bundle",
            "Gói đồng bộ bị hỏng hoặc đã bị sửa (nội dung không khớp với bản kê): gói bị từ "
            "chối toàn bộ, không có gì được ghi. Hãy chép lại gói từ máy đã làm ra nó.",
        )
    )


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if n > 2**20 or r > 16 or p > 4:  # a hostile manifest must not exhaust memory
        raise damaged()
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def _associated(bundle_id: str, name: str) -> bytes:
    return f"{bundle_id}/{name}".encode()
