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

from danvan_desktop.sync.bundle_format.archive import read
from danvan_desktop.sync.bundle_format.bundle import Bundle, StoredMembers
from danvan_desktop.sync.bundle_format.keys import (
    canonical,
    gzip_json,
    is_public_key,
    new_private_key,
    public_key_of,
)
from danvan_desktop.sync.bundle_format.limits import (
    FILES_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_DIRECTORY_BYTES,
    MAX_JSON_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_SIGNATURE_BYTES,
    OPS_MEMBER,
    REPLY_MEMBER,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    SIGNATURE,
    SUFFIX,
    TO_DEVICE,
    TO_SERVER,
    BundleError,
    damaged,
    larger_than_declared,
    over_limit,
    unsafe_archive,
)
from danvan_desktop.sync.bundle_format.seal import seal

__all__ = [
    "FILES_PREFIX",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "MAX_BUNDLE_BYTES",
    "MAX_DIRECTORY_BYTES",
    "MAX_JSON_BYTES",
    "MAX_MANIFEST_BYTES",
    "MAX_MEMBERS",
    "MAX_SIGNATURE_BYTES",
    "OPS_MEMBER",
    "REPLY_MEMBER",
    "SCRYPT_N",
    "SCRYPT_P",
    "SCRYPT_R",
    "SIGNATURE",
    "SUFFIX",
    "TO_DEVICE",
    "TO_SERVER",
    "Bundle",
    "BundleError",
    "StoredMembers",
    "canonical",
    "damaged",
    "gzip_json",
    "is_public_key",
    "larger_than_declared",
    "new_private_key",
    "over_limit",
    "public_key_of",
    "read",
    "seal",
    "unsafe_archive",
]
