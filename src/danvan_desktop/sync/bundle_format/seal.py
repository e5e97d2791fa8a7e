"""Writing a bundle: members encrypted when asked, the manifest completed and signed."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import zipfile
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from danvan_desktop.core.i18n import tr
from danvan_desktop.sync.bundle_format.keys import associated, canonical, derive
from danvan_desktop.sync.bundle_format.limits import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_JSON_BYTES,
    MAX_MEMBERS,
    NONCE_BYTES,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    SIGNATURE,
    json_of,
    over_limit,
)


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
            raise over_limit(json_of(name), MAX_JSON_BYTES)
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
        cipher = AESGCM(derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
        for name, data in members.items():
            nonce = os.urandom(NONCE_BYTES)
            stored[name] = nonce + cipher.encrypt(nonce, data, associated(bundle_id, name))
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
