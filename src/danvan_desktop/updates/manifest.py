"""Check a release: its signature by a trusted key, then whether this laptop may take it.

``verify_signature`` is what the city's server checks before it stores a release (it
cannot forge one: it keeps only what a maintainers' key signed). ``verify`` adds what
a laptop checks: the platform, a version newer than the one installed (never a
downgrade or the same), and an installed version the release may replace
(``min_from_version``). Each refusal is a ``ReleaseRefused`` with a reason code, a
message the leader reads (translatable) and an English line for the log.

``manifest.sig`` is JSON ``{"key_id", "signature"}``: base64 of the Ed25519 signature
over the exact bytes of ``manifest.json`` (``ReleaseManifest.canonical``).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.release import ReleaseManifest, parse_version, version_key

SIGNATURE_BYTES = 64
MAX_SIGNATURE_FILE = 4096

# The reasons a release is refused (``ReleaseRefused.reason``).
BAD_SIGNATURE_FILE = "bad_signature_file"
UNKNOWN_KEY = "unknown_key"
BAD_SIGNATURE = "bad_signature"
BAD_MANIFEST = "bad_manifest"
OTHER_PLATFORM = "other_platform"
NOT_NEWER = "not_newer"
TOO_OLD = "installed_too_old"


class ReleaseRefused(DanvanError):
    """A release this laptop must not install: ``message`` for the leader, ``log_line``
    (English, with the details) for the log, ``reason`` for code and tests."""

    def __init__(self, reason: str, message: str, log_line: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.log_line = log_line


def sign_manifest(manifest_bytes: bytes, private_key: Ed25519PrivateKey, key_id: str) -> bytes:
    """The bytes of ``manifest.sig``: ``key_id`` and the signature over ``manifest_bytes``."""
    signature = base64.b64encode(private_key.sign(manifest_bytes)).decode("ascii")
    return (json.dumps({"key_id": key_id, "signature": signature}, sort_keys=True) + "\n").encode()


def read_signature(signature_bytes: bytes) -> tuple[str, bytes]:
    """(key id, raw signature) of ``manifest.sig``; ReleaseRefused when unreadable."""
    try:
        if len(signature_bytes) > MAX_SIGNATURE_FILE:
            raise ValueError("too long")
        data = json.loads(signature_bytes.decode("utf-8"))
        key_id, text = data["key_id"], data["signature"]
        if not isinstance(key_id, str) or not isinstance(text, str):
            raise ValueError("key_id and signature are text")
        raw = base64.b64decode(text, validate=True)
        if len(raw) != SIGNATURE_BYTES:
            raise ValueError(f"{len(raw)} bytes")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise ReleaseRefused(
            BAD_SIGNATURE_FILE,
            tr("updates", "Bản cập nhật bị từ chối: tệp chữ ký không đọc được."),
            f"release refused: unreadable {type(exc).__name__}: {exc} in manifest.sig",
        ) from None
    return key_id, raw


def verify_signature(
    manifest_bytes: bytes, signature_bytes: bytes, trusted_keys: Mapping[str, bytes]
) -> ReleaseManifest:
    """The manifest, once its signature verifies with one of ``trusted_keys`` (key id ->
    raw Ed25519 public key); ReleaseRefused otherwise. Nothing of the manifest is read
    before its signature is checked."""
    key_id, signature = read_signature(signature_bytes)
    public = trusted_keys.get(key_id)
    if public is None:
        raise ReleaseRefused(
            UNKNOWN_KEY,
            tr(
                "updates",
                "Bản cập nhật bị từ chối: nó được ký bằng khóa «{key}» mà phần mềm này không "
                "tin cậy. Chỉ cài bản do nhóm phát triển phát hành.",
                key=key_id,
            ),
            f"release refused: signed with unknown key {key_id!r} "
            f"(trusted: {', '.join(sorted(trusted_keys)) or 'none'})",
        )
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise ReleaseRefused(
            BAD_SIGNATURE,
            tr(
                "updates",
                "Bản cập nhật bị từ chối: chữ ký không khớp với nội dung, có thể bản này đã "
                "bị sửa hoặc chép hỏng. Hãy lấy lại bản cập nhật.",
            ),
            f"release refused: the signature by key {key_id!r} does not match manifest.json",
        ) from None
    try:
        return ReleaseManifest.from_bytes(manifest_bytes)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReleaseRefused(
            BAD_MANIFEST,
            tr("updates", "Bản cập nhật bị từ chối: bản kê các tệp không hợp lệ."),
            f"release refused: signed manifest is not valid: {exc}",
        ) from None


def check_installable(manifest: ReleaseManifest, *, installed_version: str, platform: str) -> None:
    """ReleaseRefused unless this laptop (``platform``, running ``installed_version``) may
    install the release: same platform, newer, and from a version it replaces."""
    if manifest.platform != platform:
        raise ReleaseRefused(
            OTHER_PLATFORM,
            tr(
                "updates",
                "Bản cập nhật {version} bị từ chối: bản này dành cho {other}, không phải cho "
                "máy này ({platform}).",
                version=manifest.version,
                other=manifest.platform,
                platform=platform,
            ),
            f"release refused: {manifest.version} is for {manifest.platform}, "
            f"this laptop is {platform}",
        )
    try:
        installed = version_key(installed_version)
    except ValueError:
        raise ReleaseRefused(
            TOO_OLD,
            tr(
                "updates",
                "Bản cập nhật {version} bị từ chối: không rõ phiên bản đang cài ({installed}). "
                "Hãy cài lại phần mềm từ bộ cài đặt.",
                version=manifest.version,
                installed=installed_version,
            ),
            f"release refused: the installed version {installed_version!r} is not a release",
        ) from None
    if version_key(manifest.version) <= installed:
        raise ReleaseRefused(
            NOT_NEWER,
            tr(
                "updates",
                "Bản cập nhật {version} bị từ chối: máy đang chạy phiên bản {installed}, "
                "không cài lại bản cũ hơn hay cùng phiên bản.",
                version=manifest.version,
                installed=installed_version,
            ),
            f"release refused: {manifest.version} is not newer than the installed "
            f"{installed_version}",
        )
    if installed < version_key(manifest.min_from_version):
        raise ReleaseRefused(
            TOO_OLD,
            tr(
                "updates",
                "Bản cập nhật {version} chỉ cài được lên phiên bản {minimum} trở lên; máy đang "
                "chạy {installed}. Hãy cài bản {minimum} trước, hoặc dùng bộ cài đặt đầy đủ.",
                version=manifest.version,
                minimum=manifest.min_from_version,
                installed=installed_version,
            ),
            f"release refused: {manifest.version} updates from {manifest.min_from_version} "
            f"or later, the installed version is {installed_version}",
        )


def verify(
    manifest_bytes: bytes,
    signature_bytes: bytes,
    trusted_keys: Mapping[str, bytes],
    *,
    installed_version: str,
    platform: str,
) -> ReleaseManifest:
    """The manifest of a release this laptop may install; ReleaseRefused with the reason
    otherwise (unknown key, bad signature, another platform, not newer, too old)."""
    manifest = verify_signature(manifest_bytes, signature_bytes, trusted_keys)
    check_installable(manifest, installed_version=installed_version, platform=platform)
    return manifest


def is_release_version(text: str) -> bool:
    """True when ``text`` is a version a release may carry (``1.4.2``)."""
    try:
        parse_version(text)
    except ValueError:
        return False
    return True
