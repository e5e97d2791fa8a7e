"""The release public keys a laptop trusts: built into the app, and introduced by releases.

The app carries its keys in ``resources/release_keys.json`` (``{"keys": [{"key_id",
"public_key"}]}``, the public key as base64 of its raw 32 bytes). A key is rotated by a
release signed with a trusted key that lists the new key in ``introduces_keys``: once
that release has verified, the laptop records the keys it introduces (in its settings)
and passes them back to :func:`trusted_keys`. A key only a release introduced never
replaces a built-in key of the same id.

The recorded keys are kept in the laptop's settings and also in
``<data dir>/updates/trusted-keys.json`` (:func:`save_recorded_keys`), so the switch,
which runs before the store opens, can verify a staged release's signature again.

``DANVAN_RELEASE_KEYS_FILE``, when set, names a key-list file read instead of the
built-in one: it exists for tests and offline test labs that sign releases with a
throwaway key, and is never set on a leader's laptop.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.release import UPDATES_DIR, ReleaseManifest, SigningKey

BUILT_IN_KEYS_NAME = "release_keys.json"
KEYS_FILE_ENV = "DANVAN_RELEASE_KEYS_FILE"  # tests and offline test labs only
RECORDED_KEYS_NAME = "trusted-keys.json"  # in <data dir>/updates/
PUBLIC_KEY_BYTES = 32
MAX_KEY_ID = 64


def public_key_bytes(text: object) -> bytes:
    """The raw 32-byte Ed25519 public key of its base64 text; ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("a public key is base64 text")
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("a public key is base64 text") from None
    if len(raw) != PUBLIC_KEY_BYTES:
        raise ValueError(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(raw)}")
    return raw


def check_key_id(key_id: object) -> str:
    """A key id: short printable text without spaces; ValueError otherwise."""
    if (
        not isinstance(key_id, str)
        or not 0 < len(key_id) <= MAX_KEY_ID
        or not key_id.isprintable()
        or any(c.isspace() for c in key_id)
    ):
        raise ValueError(f"not a release key id: {key_id!r}")
    return key_id


def parse_keys(data: Any) -> dict[str, bytes]:
    """``{"keys": [{"key_id", "public_key"}]}`` as {key id: raw public key}."""
    if not isinstance(data, dict) or not isinstance(data.get("keys"), list):
        raise ValueError('a key list is a JSON object with a "keys" list')
    found: dict[str, bytes] = {}
    for item in data["keys"]:
        if not isinstance(item, dict):
            raise ValueError("each key is an object with key_id and public_key")
        key_id = check_key_id(item.get("key_id"))
        if key_id in found:
            raise ValueError(f"key listed twice: {key_id}")
        found[key_id] = public_key_bytes(item.get("public_key"))
    return found


def load_keys(path: Path) -> dict[str, bytes]:
    """The keys of a key-list file; ValueError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read the release keys in {path}: {exc}") from None
    return parse_keys(data)


def built_in_keys() -> dict[str, bytes]:
    """The release public keys this copy of the app was built with (or those of the file
    ``DANVAN_RELEASE_KEYS_FILE`` names, when it is set: tests and test labs)."""
    override = os.environ.get(KEYS_FILE_ENV)
    if override:
        return load_keys(Path(override))
    return load_keys(resources_dir() / BUILT_IN_KEYS_NAME)


def introduced_keys(manifest: ReleaseManifest) -> list[SigningKey]:
    """The well-formed keys a verified release introduces: the laptop records these."""
    kept = []
    for key in manifest.introduces_keys:
        try:
            check_key_id(key.key_id)
            public_key_bytes(key.public_key)
        except ValueError:
            continue
        kept.append(key)
    return kept


def trusted_keys(
    recorded: Iterable[SigningKey], built_in: Mapping[str, bytes] | None = None
) -> dict[str, bytes]:
    """The keys to trust: the built-in ones, then those verified releases introduced
    (``recorded``, as the laptop kept them); a built-in id is never replaced, and a
    malformed recorded key is skipped."""
    keys = dict(built_in_keys() if built_in is None else built_in)
    for key in recorded:
        if key.key_id in keys:
            continue
        try:
            keys[check_key_id(key.key_id)] = public_key_bytes(key.public_key)
        except ValueError:
            continue
    return keys


def keys_to_json(keys: Iterable[SigningKey]) -> str:
    """Recorded keys as the JSON text a laptop keeps in its settings."""
    return json.dumps(
        {"keys": [{"key_id": k.key_id, "public_key": k.public_key} for k in keys]},
        sort_keys=True,
    )


def keys_from_json(text: str | None) -> list[SigningKey]:
    """The recorded keys of :func:`keys_to_json` (none for empty or unreadable text)."""
    if not text:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return []
    items = data.get("keys") if isinstance(data, dict) else None
    return [
        SigningKey(str(item["key_id"]), str(item["public_key"]))
        for item in items or []
        if isinstance(item, dict) and "key_id" in item and "public_key" in item
    ]


def recorded_keys_file(data_dir: Path) -> Path:
    """``<data dir>/updates/trusted-keys.json``: the recorded keys, for the switch."""
    return Path(data_dir) / UPDATES_DIR / RECORDED_KEYS_NAME


def save_recorded_keys(data_dir: Path, recorded: Iterable[SigningKey]) -> Path:
    """Write the recorded keys (:func:`keys_to_json`) whole or not at all."""
    from danvan_desktop.updates.switch_files import write_json

    path = recorded_keys_file(data_dir)
    write_json(path, json.loads(keys_to_json(recorded)))
    return path


def load_recorded_keys(data_dir: Path) -> list[SigningKey]:
    """The recorded keys of :func:`save_recorded_keys` (none when the file is absent)."""
    try:
        text = recorded_keys_file(data_dir).read_text(encoding="utf-8")
    except OSError:
        return []
    return keys_from_json(text)
