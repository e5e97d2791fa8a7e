"""Bundle limits (DESIGN.md sync invariant 8): nothing is read before the signature,
nothing is unpacked beyond what the manifest declares, and bundles of the released
format still read."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.sync import bundle_format as fmt
from danvan_desktop.sync import bundle_laptop
from support import released_bundle_format as released
from support.hostile_bundles import (
    DEFLATED,
    Entry,
    MiB,
    deflate_zeros,
    gzip_zeros,
    refusal_cost,
    resign,
    zip_archive,
)
from sync.conftest import new_laptop

KEY = fmt.new_private_key()
PUBLIC = fmt.public_key_of(KEY)
MANIFEST = {"bundle_id": "0193-bomb", "direction": fmt.TO_SERVER}


def _manifest_bytes(direction: str = fmt.TO_SERVER, **extra: object) -> bytes:
    """A manifest of format 1, the one that declares no sizes (what a bomb would claim)."""
    manifest = {**MANIFEST, "format": fmt.FORMAT, "format_version": 1, "direction": direction}
    return fmt.canonical({**manifest, **extra})


def _zip_bomb(direction: str = fmt.TO_SERVER) -> bytes:
    """A 1.1 MB bundle whose ops member inflates to 1.1 GiB of zeros (unsigned)."""
    stream, crc = deflate_zeros(1100)
    bomb = Entry(fmt.OPS_MEMBER, stream, method=DEFLATED, size=1100 * MiB, crc=crc)
    head = [Entry(fmt.MANIFEST, _manifest_bytes(direction)), Entry(fmt.SIGNATURE, b"AAAA")]
    return zip_archive([*head, bomb])


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Session]:
    session = new_laptop(tmp_path / "laptop")
    yield session
    session.close()


def test_a_zip_bomb_is_refused_quickly_with_bounded_memory() -> None:
    """A compressed member declaring 1.1 GiB is refused before anything is inflated."""
    data = _zip_bomb()
    assert len(data) < 2 * MiB
    cost = refusal_cost(lambda: fmt.read(data), "không an toàn")
    assert cost.peak_mib < 50 and cost.seconds < 10


def test_a_zip_bomb_reply_is_refused_on_the_laptop(laptop: Session, tmp_path: Path) -> None:
    """The laptop's import path refuses the same bomb without inflating it."""
    path = tmp_path / "traloi-bomb.dvbundle"
    path.write_bytes(_zip_bomb(fmt.TO_DEVICE))
    cost = refusal_cost(lambda: laptop.import_sync_reply(path), "không an toàn")
    assert cost.peak_mib < 50 and cost.seconds < 10
    assert laptop.sync_log()[0]["result"] == "error"


def test_a_member_declaring_more_than_the_file_holds_is_refused() -> None:
    """A stored member whose directory entry claims 1.1 GiB in a small file: refused."""
    data = zip_archive(
        [
            Entry(fmt.MANIFEST, _manifest_bytes()),
            Entry(fmt.SIGNATURE, b"AAAA"),
            Entry(fmt.OPS_MEMBER, b"x" * 1000, size=1100 * MiB),
        ]
    )
    with pytest.raises(fmt.BundleError, match="không an toàn"):
        fmt.read(data)


def test_a_name_used_twice_is_refused() -> None:
    """Two members of one name (zipfile would read only one) make the archive unsafe."""
    entries = [Entry(fmt.MANIFEST, _manifest_bytes()), Entry(fmt.SIGNATURE, b"AAAA")]
    data = zip_archive([*entries, Entry(fmt.OPS_MEMBER, b"a"), Entry(fmt.OPS_MEMBER, b"b")])
    with pytest.raises(fmt.BundleError, match="không an toàn"):
        fmt.read(data)


def test_too_many_members_are_refused() -> None:
    """More entries than MAX_MEMBERS are refused, naming the limit."""
    files = [Entry(f"{fmt.FILES_PREFIX}{n:064x}", b"") for n in range(fmt.MAX_MEMBERS)]
    data = zip_archive([Entry(fmt.MANIFEST, _manifest_bytes()), *files])
    with pytest.raises(fmt.BundleError, match="số thành phần của gói vượt quá 10000"):
        fmt.read(data)


def test_an_oversized_manifest_is_refused() -> None:
    """A manifest beyond MAX_MANIFEST_BYTES is not even parsed."""
    manifest = _manifest_bytes(padding="x" * fmt.MAX_MANIFEST_BYTES)
    data = zip_archive([Entry(fmt.MANIFEST, manifest), Entry(fmt.SIGNATURE, b"AAAA")])
    with pytest.raises(fmt.BundleError, match=r"manifest\.json"):
        fmt.read(data)


def test_a_bad_signature_is_refused_before_any_member_is_read() -> None:
    """A member that would fail if read (wrong CRC) does not matter: the signature does."""
    sealed = fmt.read(fmt.seal(dict(MANIFEST), {}, private_key=KEY))
    entries = [Entry(fmt.MANIFEST, sealed.manifest_bytes), Entry(fmt.SIGNATURE, sealed.signature)]
    broken = Entry(fmt.OPS_MEMBER, b"payload", crc=12345)  # reading it raises Bad CRC-32
    bundle = fmt.read(zip_archive([*entries, broken]))
    with pytest.raises(fmt.BundleError, match="Chữ ký"):
        bundle.verify(fmt.public_key_of(fmt.new_private_key()))


def test_members_are_handed_out_only_after_verify() -> None:
    """Reading a member of an unverified bundle is a programming error."""
    bundle = fmt.read(fmt.seal(dict(MANIFEST), {fmt.OPS_MEMBER: b"x"}, private_key=KEY))
    with pytest.raises(RuntimeError, match="verify"):
        bundle.member(fmt.OPS_MEMBER)


def test_a_gzip_member_beyond_its_declared_size_is_refused() -> None:
    """A signed bundle whose ops inflate past the declared 1,000 bytes: refused at 1,000."""
    data = fmt.seal(
        dict(MANIFEST),
        {fmt.OPS_MEMBER: gzip_zeros(1100)},
        private_key=KEY,
        unpacked={fmt.OPS_MEMBER: 1000},
    )
    bundle = fmt.read(data)
    bundle.verify(PUBLIC)
    cost = refusal_cost(lambda: bundle.json_member(fmt.OPS_MEMBER), "JSON trong ops.json.gz")
    assert cost.peak_mib < 50 and cost.seconds < 10


def test_a_member_larger_than_its_declared_size_is_refused() -> None:
    """The manifest says 10 bytes, the archive holds 11: refused before hashing."""
    data = fmt.seal(dict(MANIFEST), {fmt.OPS_MEMBER: b"x" * 11}, private_key=KEY)
    lying = resign(data, KEY, lambda m: m["sizes"].update({fmt.OPS_MEMBER: 10}))
    with pytest.raises(fmt.BundleError, match="lớn hơn kích thước"):
        fmt.read(lying).verify(PUBLIC)


def test_format_2_without_declared_sizes_is_refused() -> None:
    """Format 2 must declare its members' sizes; dropping them is damage."""
    data = fmt.seal(dict(MANIFEST), {fmt.OPS_MEMBER: b"x"}, private_key=KEY)
    bare = resign(data, KEY, lambda m: m.pop("sizes"))
    with pytest.raises(fmt.BundleError, match="bị hỏng"):
        fmt.read(bare).verify(PUBLIC)


def test_a_bundle_of_the_released_format_still_reads() -> None:
    """A format-1 bundle (no declared sizes) verifies and its JSON comes back."""
    ops = json.dumps({"ops": [{"op_id": uuid7()}]}).encode()
    data = released.seal(
        dict(MANIFEST),
        {fmt.OPS_MEMBER: gzip.compress(ops)},
        private_key=KEY,
    )
    bundle = fmt.read(data)
    bundle.verify(PUBLIC)
    assert bundle.manifest["format_version"] == 1 and "sizes" not in bundle.manifest
    assert bundle.json_member(fmt.OPS_MEMBER) == json.loads(ops)


def test_the_released_formats_json_has_a_fixed_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Format 1 declares no JSON size: MAX_JSON_BYTES caps it (here lowered to 1 MiB)."""
    assert 256 * MiB == fmt.MAX_JSON_BYTES
    monkeypatch.setattr(fmt.limits, "MAX_JSON_BYTES", MiB)  # read where Bundle uses it
    data = released.seal(dict(MANIFEST), {fmt.OPS_MEMBER: gzip_zeros(2)}, private_key=KEY)
    bundle = fmt.read(data)
    bundle.verify(PUBLIC)
    with pytest.raises(fmt.BundleError, match="vượt quá 1048576"):
        bundle.json_member(fmt.OPS_MEMBER)


def test_a_format_1_reply_is_readable_by_the_released_reader() -> None:
    """The server writes replies in format 1 (with sizes): the released laptop reads them."""
    member, size = fmt.gzip_json({"results": [], "changes": []})
    data = fmt.seal(
        dict(MANIFEST, direction=fmt.TO_DEVICE),
        {fmt.REPLY_MEMBER: member},
        private_key=KEY,
        unpacked={fmt.REPLY_MEMBER: size},
        format_version=1,
    )
    old = released.read(data)
    old.verify(PUBLIC)
    assert old.json_member(fmt.REPLY_MEMBER) == {"results": [], "changes": []}
    assert fmt.read(data).manifest["sizes"] == {fmt.REPLY_MEMBER: len(member)}


def test_a_reply_without_epoch_is_refused(laptop: Session) -> None:
    """A reply signed by the pinned server key but naming no server epoch: refused."""
    laptop.store.set_meta(bundle_laptop.SERVER_KEY, PUBLIC)
    member, size = fmt.gzip_json({"results": [], "changes": [], "since": 0, "next": 0})
    device = laptop.store.device_id
    manifest = {"bundle_id": uuid7(), "direction": fmt.TO_DEVICE, "device_id": device}
    data = fmt.seal(
        manifest, {fmt.REPLY_MEMBER: member}, private_key=KEY, unpacked={fmt.REPLY_MEMBER: size}
    )
    with pytest.raises(fmt.BundleError, match="epoch"):
        bundle_laptop.apply_reply(laptop.records, data)
