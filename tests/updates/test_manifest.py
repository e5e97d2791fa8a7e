"""updates/manifest.py and updates/keys.py: which releases a laptop accepts, and why not."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from danvan_desktop.core.i18n import set_language
from danvan_desktop.core.release import ReleaseFile, ReleaseManifest, SigningKey
from danvan_desktop.updates import keys, manifest
from danvan_desktop.updates.manifest import ReleaseRefused, sign_manifest, verify

LINUX = "linux-x86_64"
SHA = "ab" * 32


def _public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _release(version: str = "1.2.0", **changes: object) -> ReleaseManifest:
    made = ReleaseManifest(
        version=version,
        platform=LINUX,
        min_from_version="1.0.0",
        files=(ReleaseFile("danvan-desktop", SHA, 10, executable=True),),
        notes_vi="Sửa lỗi đồng bộ.",
        notes_en="Sync fixes.",
        created_at="2026-12-06T10:00:00Z",
    )
    return replace(made, **changes)  # type: ignore[arg-type]


@pytest.fixture
def old_key() -> Ed25519PrivateKey:
    """The maintainers' current release key (a throwaway one)."""
    return Ed25519PrivateKey.generate()


def _check(release: ReleaseManifest, key: Ed25519PrivateKey, trusted: dict[str, bytes],
           key_id: str = "old", installed: str = "1.1.0") -> ReleaseManifest:  # fmt: skip
    raw = release.canonical()
    return verify(
        raw, sign_manifest(raw, key, key_id), trusted, installed_version=installed, platform=LINUX
    )


def test_a_signed_newer_release_is_accepted(old_key: Ed25519PrivateKey) -> None:
    """A release signed by a trusted key, newer, same platform: its manifest comes back."""
    assert _check(_release(), old_key, {"old": _public(old_key)}).version == "1.2.0"


def test_a_tampered_manifest_is_refused(old_key: Ed25519PrivateKey) -> None:
    """One changed byte after signing (another file hash) breaks the signature."""
    raw = _release().canonical()
    signature = sign_manifest(raw, old_key, "old")
    tampered = raw.replace(SHA.encode(), b"cd" * 32)
    with pytest.raises(ReleaseRefused) as caught:
        verify(tampered, signature, {"old": _public(old_key)},
               installed_version="1.1.0", platform=LINUX)  # fmt: skip
    assert caught.value.reason == "bad_signature"


def test_a_wrong_key_is_refused(old_key: Ed25519PrivateKey) -> None:
    """Signed by another key under a trusted key's id: the signature does not verify."""
    stranger = Ed25519PrivateKey.generate()
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release(), stranger, {"old": _public(old_key)})
    assert caught.value.reason == "bad_signature"


def test_an_unknown_key_is_refused_and_named(old_key: Ed25519PrivateKey) -> None:
    """A key id the laptop does not trust is refused, and the log line names it."""
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release(), old_key, {"old": _public(old_key)}, key_id="someone")
    assert caught.value.reason == "unknown_key"
    assert "'someone'" in caught.value.log_line


def test_another_platform_is_refused(old_key: Ed25519PrivateKey) -> None:
    """A Windows release on a Linux laptop is refused."""
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release(platform="windows-x86_64"), old_key, {"old": _public(old_key)})
    assert caught.value.reason == "other_platform"


def test_a_downgrade_is_refused(old_key: Ed25519PrivateKey) -> None:
    """1.0.5 offered to a laptop running 1.1.0 is refused."""
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release("1.0.5"), old_key, {"old": _public(old_key)})
    assert caught.value.reason == "not_newer"


def test_the_same_version_is_refused(old_key: Ed25519PrivateKey) -> None:
    """1.1 offered to a laptop running 1.1.0 is the same version: refused."""
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release("1.1"), old_key, {"old": _public(old_key)})
    assert caught.value.reason == "not_newer"


def test_an_installed_version_below_min_from_is_refused(old_key: Ed25519PrivateKey) -> None:
    """A release that updates from 1.0.0 on is refused by a laptop running 0.9.3."""
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release(), old_key, {"old": _public(old_key)}, installed="0.9.3")
    assert caught.value.reason == "installed_too_old"
    assert "1.0.0" in caught.value.message and "0.9.3" in caught.value.message


def test_an_unreadable_signature_file_is_refused(old_key: Ed25519PrivateKey) -> None:
    """A truncated manifest.sig is refused with its own reason."""
    raw = _release().canonical()
    half = sign_manifest(raw, old_key, "old")[:30]
    with pytest.raises(ReleaseRefused) as caught:
        verify(raw, half, {"old": _public(old_key)}, installed_version="1.1.0", platform=LINUX)
    assert caught.value.reason == "bad_signature_file"


def test_the_refusal_reads_in_english() -> None:
    """The leader's message is translated; the log line stays English."""
    set_language("en")
    try:
        with pytest.raises(ReleaseRefused) as caught:
            _check(_release(platform="windows-x86_64"), (k := Ed25519PrivateKey.generate()),
                   {"old": _public(k)})  # fmt: skip
    finally:
        set_language("vi")
    assert caught.value.message == (
        "Update 1.2.0 refused: it is for windows-x86_64, not for this computer (linux-x86_64)."
    )


def _introduce(new: Ed25519PrivateKey, key_id: str = "new") -> tuple[SigningKey, ...]:
    return (SigningKey(key_id, base64.b64encode(_public(new)).decode()),)


def test_a_rotated_key_is_trusted_after_a_release_signed_with_the_old_one(
    old_key: Ed25519PrivateKey,
) -> None:
    """1.2.0, signed with the old key, introduces the new key; 1.3.0 signed with the new one
    is accepted once the laptop has recorded what 1.2.0 introduced."""
    new_key = Ed25519PrivateKey.generate()
    built_in = {"old": _public(old_key)}
    rotation = _check(_release(introduces_keys=_introduce(new_key)), old_key, built_in)
    recorded = keys.introduced_keys(rotation)
    trusted = keys.trusted_keys(recorded, built_in)
    later = _check(_release("1.3.0"), new_key, trusted, key_id="new", installed="1.2.0")
    assert later.version == "1.3.0"


def test_a_new_key_without_the_rotation_release_is_refused(old_key: Ed25519PrivateKey) -> None:
    """Before any verified release introduced it, the new key is unknown."""
    new_key = Ed25519PrivateKey.generate()
    trusted = keys.trusted_keys([], {"old": _public(old_key)})
    with pytest.raises(ReleaseRefused) as caught:
        _check(_release("1.3.0"), new_key, trusted, key_id="new")
    assert caught.value.reason == "unknown_key"


def test_a_key_introduced_by_an_untrusted_release_is_never_recorded(
    old_key: Ed25519PrivateKey,
) -> None:
    """A release signed with a key the laptop does not trust cannot introduce its own key."""
    forger = Ed25519PrivateKey.generate()
    forged = _release(introduces_keys=_introduce(forger, "forger"))
    with pytest.raises(ReleaseRefused):
        _check(forged, forger, {"old": _public(old_key)}, key_id="forger")


def test_an_introduced_key_never_replaces_a_built_in_one(old_key: Ed25519PrivateKey) -> None:
    """A recorded key with a built-in key's id is ignored: the built-in key stays."""
    other = Ed25519PrivateKey.generate()
    recorded = list(_introduce(other, "old"))
    assert keys.trusted_keys(recorded, {"old": _public(old_key)}) == {"old": _public(old_key)}


def test_recorded_keys_survive_the_settings_text() -> None:
    """Keys written to the settings as JSON read back the same."""
    recorded = list(_introduce(Ed25519PrivateKey.generate()))
    assert keys.keys_from_json(keys.keys_to_json(recorded)) == recorded


def test_the_app_carries_the_city_release_key() -> None:
    """resources/release_keys.json holds the public key hue-2026-1 (32 bytes)."""
    built_in = keys.built_in_keys()
    assert list(built_in) == ["hue-2026-1"]
    assert len(built_in["hue-2026-1"]) == 32


def test_a_key_list_with_a_short_key_is_refused() -> None:
    """A public key of 31 bytes is not an Ed25519 key."""
    short = base64.b64encode(b"x" * 31).decode()
    with pytest.raises(ValueError, match="32 bytes, not 31"):
        keys.parse_keys(json.loads(json.dumps({"keys": [{"key_id": "a", "public_key": short}]})))


def test_a_release_version_is_numbers_only() -> None:
    """0.2.0rc1 cannot be a release version; 0.2.0 can."""
    assert (manifest.is_release_version("0.2.0"), manifest.is_release_version("0.2.0rc1")) == (
        True,
        False,
    )
