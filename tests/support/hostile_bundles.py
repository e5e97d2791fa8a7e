"""Hostile bundle files for the limit tests: ZIP archives written byte by byte (so that
they can lie), deflate or gzip streams of zeros that expand a thousandfold, manifests
changed and signed again, and a measure of what a refusal cost.

    stream, crc = deflate_zeros(1100 * MiB)        # ~1.1 MB that inflates to 1.1 GiB
    data = zip_archive([Entry("manifest.json", b"{...}"),
                        Entry("ops.json.gz", stream, method=DEFLATED, size=1100 * MiB, crc=crc)])

The streams are built by repeating one compressed block of a mebibyte of zeros
(a full flush makes every block alike), so making a gigabyte bomb takes milliseconds.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from danvan_desktop.sync import bundle_format as fmt

MiB = 1024**2
STORED = 0
DEFLATED = 8
_ZEROS = bytes(MiB)


def deflate_zeros(size_mib: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``size_mib`` MiB of zeros, and the CRC-32 of those zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(_ZEROS) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()
    crc = 0
    for _ in range(size_mib):
        crc = zlib.crc32(_ZEROS, crc)
    return block * size_mib + end, crc


def gzip_zeros(size_mib: int) -> bytes:
    """A gzip file of ``size_mib`` MiB of zeros."""
    stream, crc = deflate_zeros(size_mib)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + stream + struct.pack("<II", crc, (size_mib * MiB) & 0xFFFFFFFF)


@dataclass(frozen=True)
class Entry:
    """One archive member as it is written: ``size`` and ``crc`` may lie."""

    name: str
    data: bytes
    method: int = STORED
    size: int | None = None  # the declared uncompressed size (default: the data's length)
    crc: int | None = None  # the declared CRC-32 (default: the data's)


def zip_archive(entries: list[Entry]) -> bytes:
    """A ZIP archive of ``entries``, each declared exactly as given."""
    body = bytearray()
    directory = bytearray()
    for entry in entries:
        name = entry.name.encode()
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        sizes = struct.pack("<III", crc, len(entry.data), size)
        offset = len(body)
        body += struct.pack("<4s5H", b"PK\x03\x04", 20, 0, entry.method, 0, 0x21)
        body += sizes + struct.pack("<HH", len(name), 0) + name + entry.data
        directory += struct.pack("<4s6H", b"PK\x01\x02", 20, 20, 0, entry.method, 0, 0x21)
        directory += sizes + struct.pack("<5HII", len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), len(body), 0
    )
    return bytes(body + directory + end)


def resign(data: bytes, private_key: str, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The bundle ``data`` with its manifest changed by ``change``, signed again with
    ``private_key``: what its rightful signer could make, members untouched."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(members[fmt.MANIFEST])
    change(manifest)
    members[fmt.MANIFEST] = fmt.canonical(manifest)
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    members[fmt.SIGNATURE] = base64.b64encode(key.sign(members[fmt.MANIFEST]))
    return zip_archive([Entry(name, content) for name, content in members.items()])


@dataclass(frozen=True)
class Cost:
    """What refusing a bundle cost: the peak of memory allocated, and the time."""

    peak_mib: float
    seconds: float


def refusal_cost(action: Callable[[], object], match: str) -> Cost:
    """Run ``action``, which must refuse with a message matching ``match``, under
    tracemalloc; what it cost."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(fmt.BundleError, match=match):
            action()
        return Cost(tracemalloc.get_traced_memory()[1] / MiB, time.monotonic() - started)
    finally:
        tracemalloc.stop()
