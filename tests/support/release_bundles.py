"""Small bundles and signed releases for the update tests: real files, throwaway keys.

The maintainers' release key never appears here: each test makes its own Ed25519 key
and hands its public half to the verifier as the trusted set.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from danvan_desktop.core.release import (
    FILES_DIR,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    ReleaseFile,
    ReleaseManifest,
)
from danvan_desktop.updates.plan import Installation

PLATFORM = "linux-x86_64"
KEY_ID = "test-key"
# The installed build N: the programs, Qt's library (big, unchanged) and our code.
BUNDLE_N: dict[str, bytes] = {
    "danvan-desktop": b"\x7fELF program N",
    "BUILD-INFO": b"version=1.0.0\ncommit=aaaaaaa\n",
    "_internal/libQt6Core.so.6": b"Q" * 300_000,
    "_internal/danvan_desktop/app.pyc": b"our code, version N",
}
# Build N+1 differs only in our own code (and BUILD-INFO).
BUNDLE_N1: dict[str, bytes] = {
    **BUNDLE_N,
    "BUILD-INFO": b"version=1.1.0\ncommit=bbbbbbb\n",
    "_internal/danvan_desktop/app.pyc": b"our code, version N+1, longer",
}
LINKS = {"danvan": "danvan-desktop"}
# Where the city copies release 1.1.0 of this platform on a stick.
STICK_RELEASE = f"danvan-releases/1.1.0-{PLATFORM}"


def write_bundle(
    folder: Path, files: dict[str, bytes], links: dict[str, str] | None = None
) -> Path:
    """A bundle folder holding ``files`` (and symbolic ``links``)."""
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for path, to in (links if links is not None else LINKS).items():
        os.symlink(to, folder / path)
    return folder


def manifest_of(
    files: dict[str, bytes],
    *,
    version: str = "1.1.0",
    platform: str = PLATFORM,
    min_from: str = "1.0.0",
    links: dict[str, str] | None = None,
) -> ReleaseManifest:
    """The manifest of a bundle made of ``files``."""
    entries = [
        ReleaseFile(path, hashlib.sha256(data).hexdigest(), len(data), path == "danvan-desktop")
        for path, data in files.items()
    ]
    entries += [
        ReleaseFile(path, hashlib.sha256(b"").hexdigest(), 0, False, to)
        for path, to in (links if links is not None else LINKS).items()
    ]
    return ReleaseManifest(
        version=version,
        platform=platform,
        min_from_version=min_from,
        files=tuple(entries),
        notes_vi="Sửa lỗi lưu biên bản cuộc họp.",
        notes_en="Fixes saving meeting minutes.",
        created_at="2026-12-01T00:00:00Z",
    )


def new_key() -> Ed25519PrivateKey:
    """A throwaway release key."""
    return Ed25519PrivateKey.generate()


def public_text(key: Ed25519PrivateKey) -> str:
    """Base64 of the raw public key (how release_keys.json writes one)."""
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def signature_of(manifest_bytes: bytes, key: Ed25519PrivateKey, key_id: str = KEY_ID) -> bytes:
    """``manifest.sig``: the key's id and its signature over the manifest's bytes."""
    signature = base64.b64encode(key.sign(manifest_bytes)).decode()
    return json.dumps({"key_id": key_id, "signature": signature}).encode()


def write_release_folder(
    folder: Path,
    files: dict[str, bytes],
    manifest: ReleaseManifest,
    key: Ed25519PrivateKey,
) -> Path:
    """A complete release folder (as on a stick or the server's disk)."""
    raw = manifest.canonical()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST_NAME).write_bytes(raw)
    (folder / SIGNATURE_NAME).write_bytes(signature_of(raw, key))
    for path, data in files.items():
        target = folder / FILES_DIR / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def copy_tree(source: Path, target: Path) -> Path:
    """A copy of a folder, links kept as links."""
    shutil.copytree(source, target, symlinks=True)
    return target


def trusting(key: Ed25519PrivateKey) -> dict[str, bytes]:
    """The trusted set holding ``key``'s raw public half under ``KEY_ID``."""
    return {KEY_ID: base64.b64decode(public_text(key))}


def installed_n(folder: Path, key: Ed25519PrivateKey) -> Installation:
    """Build N (1.0.0) installed in ``folder``, trusting ``key``, its commit unknown."""
    return Installation(write_bundle(folder, BUNDLE_N), "1.0.0", PLATFORM, None, trusting(key))


def stick_with_release(root: Path, key: Ed25519PrivateKey) -> Path:
    """A stick ``root`` holding release 1.1.0 (build N+1) signed by ``key``."""
    write_release_folder(root / STICK_RELEASE, BUNDLE_N1, manifest_of(BUNDLE_N1), key)
    return root
