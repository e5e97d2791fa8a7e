"""Signing keys, passphrase keys and the canonical JSON a bundle's signature covers."""

from __future__ import annotations

import base64
import binascii
import gzip
import json
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from danvan_desktop.sync.bundle_format.limits import damaged


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


def gzip_json(value: Any) -> tuple[bytes, int]:
    """A JSON member: gzip of ``value``'s compact JSON, and that JSON's size in bytes
    (give it to ``seal`` as ``unpacked``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return gzip.compress(text, 9), len(text)


def canonical(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes that are signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if n > 2**20 or r > 16 or p > 4:  # a hostile manifest must not exhaust memory
        raise damaged()
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def associated(bundle_id: str, name: str) -> bytes:
    return f"{bundle_id}/{name}".encode()
