"""The bundle file format: round trips, signatures, encryption, damaged files."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan_desktop.sync import bundle_format as fmt

KEY = fmt.new_private_key()
PUBLIC = fmt.public_key_of(KEY)
NAMES = st.sampled_from([fmt.OPS_MEMBER, fmt.REPLY_MEMBER, fmt.FILES_PREFIX + "a" * 64])


def _manifest() -> dict[str, object]:
    return {"bundle_id": "0193-test", "direction": fmt.TO_SERVER, "device_id": "d-1"}


@settings(max_examples=60, deadline=None)
@given(members=st.dictionaries(NAMES, st.binary(max_size=2000), max_size=3))
def test_plain_bundles_round_trip(members: dict[str, bytes]) -> None:
    """Every member comes back byte for byte and the signature verifies."""
    bundle = fmt.read(fmt.seal(_manifest(), members, private_key=KEY))
    bundle.verify(PUBLIC)
    assert {name: bundle.member(name) for name in members} == members
    assert bundle.manifest["device_id"] == "d-1" and not bundle.encrypted


@settings(max_examples=8, deadline=None)  # scrypt makes each example take ~0.1 s
@given(
    members=st.dictionaries(NAMES, st.binary(max_size=500), min_size=1, max_size=2),
    passphrase=st.text(min_size=1, max_size=20),
)
def test_encrypted_bundles_round_trip(members: dict[str, bytes], passphrase: str) -> None:
    """With the passphrase every member comes back; the stored bytes differ."""
    bundle = fmt.read(fmt.seal(_manifest(), members, private_key=KEY, passphrase=passphrase))
    bundle.verify(PUBLIC)
    assert bundle.encrypted
    assert {name: bundle.member(name, passphrase) for name in members} == members


def test_a_member_cannot_move_to_another_bundle() -> None:
    """Encrypted members are bound to their bundle id: a transplant does not decrypt."""
    one = fmt.read(fmt.seal(_manifest(), {fmt.OPS_MEMBER: b"one"}, private_key=KEY,
                            passphrase="p"))  # fmt: skip
    other_manifest = {**_manifest(), "bundle_id": "0193-other"}
    other = fmt.read(fmt.seal(other_manifest, {fmt.OPS_MEMBER: b"two"}, private_key=KEY,
                              passphrase="p"))  # fmt: skip
    moved = fmt.Bundle(other.manifest, other.manifest_bytes, other.signature, one.stored)
    with pytest.raises(fmt.BundleError):
        moved.verify(PUBLIC)
    forged = fmt.Bundle(one.manifest, one.manifest_bytes, one.signature, one.stored)
    forged.verify(PUBLIC)
    assert forged.member(fmt.OPS_MEMBER, "p") == b"one"


def test_an_extra_member_is_refused() -> None:
    """A file slipped into the archive after signing is not listed: refused."""
    data = fmt.seal(_manifest(), {fmt.OPS_MEMBER: b"x"}, private_key=KEY)
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(fmt.FILES_PREFIX + "b" * 64, b"extra")
    with pytest.raises(fmt.BundleError, match="bị hỏng"):
        fmt.read(buffer.getvalue()).verify(PUBLIC)


@pytest.mark.parametrize(
    "data",
    [b"", b"not a zip at all", b"PK\x03\x04" + b"\0" * 40],
    ids=["empty", "text", "truncated zip"],
)
def test_what_is_not_a_bundle_is_named_so(data: bytes) -> None:
    """The message says the file is not a sync bundle or was damaged when copied."""
    with pytest.raises(fmt.BundleError, match="không phải là gói đồng bộ"):
        fmt.read(data)


def test_a_newer_format_asks_for_an_update() -> None:
    """A bundle from a newer release names the update as the fix."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        manifest = b'{"format":"danvan-bundle","format_version":99,"direction":"to-server"}'
        archive.writestr(fmt.MANIFEST, manifest)
        archive.writestr(fmt.SIGNATURE, b"")
    with pytest.raises(fmt.BundleError, match="cập nhật"):
        fmt.read(buffer.getvalue())


def test_a_hostile_scrypt_cost_is_refused_before_it_runs() -> None:
    """A manifest asking for gigabytes of scrypt memory is treated as damage."""
    bundle = fmt.read(fmt.seal(_manifest(), {fmt.OPS_MEMBER: b"x"}, private_key=KEY,
                               passphrase="p"))  # fmt: skip
    manifest = {**bundle.manifest, "encryption": {**bundle.manifest["encryption"], "n": 2**24}}
    hostile = fmt.Bundle(manifest, bundle.manifest_bytes, bundle.signature, bundle.stored)
    hostile.verify(PUBLIC)  # the signature covers the bytes, not this altered dict
    with pytest.raises(fmt.BundleError, match="bị hỏng"):
        hostile.member(fmt.OPS_MEMBER, "p")
