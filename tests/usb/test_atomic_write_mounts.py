"""Atomic, verified writes on real file systems made for the test (needs root to mount)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
from pathlib import Path

import pytest

from danvan_desktop.usb import durability
from danvan_desktop.usb.atomic_write import write_file
from danvan_desktop.usb.errors import UsbWriteError
from danvan_desktop.usb.names import FORBIDDEN_CHARACTERS, name_problems

from .conftest import Mounts

KIB = 1024
MIB = 1024 * KIB


class Unsized:
    """A stream of unknown size, so only the write itself can find the stick full."""

    def __init__(self, data: bytes) -> None:
        self._stream = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)


def _sectors_read(device: str) -> int:
    """Sectors the kernel read from a block device so far (/sys/block/<dev>/stat field 3)."""
    stat = Path("/sys/block") / Path(device).name / "stat"
    return int(stat.read_text().split()[2])


def test_read_only_stick_refuses_and_keeps_its_file(mounts: Mounts) -> None:
    """On a read-only mount the write fails with reason read_only and the old file stays."""
    stick = mounts.tmpfs("1m")
    (stick / "bao-cao.txt").write_bytes(b"old")
    mounts.remount_read_only(stick)
    with pytest.raises(UsbWriteError, match="chỉ đọc") as caught:
        write_file(stick, "bao-cao.txt", b"new")
    assert caught.value.reason == "read_only"
    assert (os.listdir(stick), (stick / "bao-cao.txt").read_bytes()) == (["bao-cao.txt"], b"old")


def test_known_size_larger_than_free_space_is_refused_before_writing(mounts: Mounts) -> None:
    """A source whose size is known is checked against the free space first."""
    stick = mounts.tmpfs("256k")
    with pytest.raises(UsbWriteError, match="cần 1,0 MB") as caught:
        write_file(stick, "lon.bin", b"x" * MIB)
    assert (caught.value.reason, os.listdir(stick)) == ("full", [])


def test_stick_filling_up_mid_write_leaves_old_file_intact(mounts: Mounts) -> None:
    """ENOSPC during the write: reason full, no partial file, the old file unchanged."""
    stick = mounts.tmpfs("512k")
    old = b"old report " * 10_000
    (stick / "bao-cao.docx").write_bytes(old)
    with pytest.raises(UsbWriteError, match="đã đầy") as caught:
        write_file(stick, "bao-cao.docx", Unsized(b"n" * MIB))
    assert caught.value.reason == "full"
    assert os.listdir(stick) == ["bao-cao.docx"]
    assert (stick / "bao-cao.docx").read_bytes() == old


def test_stick_unmounted_mid_write_is_reported_removed(mounts: Mounts) -> None:
    """A lazy unmount during the write (what udisks does to a pulled stick) gives reason removed."""
    stick = mounts.tmpfs("16m")

    def pull_out(done: int, total: int | None) -> None:
        if done > 0 and stick.is_mount():
            subprocess.run(["umount", "-l", str(stick)], check=True)

    with pytest.raises(UsbWriteError, match="Mất kết nối") as caught:
        write_file(stick, "so-lieu.csv", b"x" * (4 * MIB), progress=pull_out)
    assert caught.value.reason == "removed"
    assert (stick.is_mount(), os.listdir(stick)) == (False, [])


def test_stick_whose_driver_dies_mid_write_keeps_the_old_file(mounts: Mounts) -> None:
    """Killing the exFAT driver mid-write (the device is gone) fails as removed; on re-plug
    the old file is intact and only a hidden temporary file may be left."""
    device = mounts.exfat_image(32)
    stick, driver = mounts.exfat(device, "stick")
    (stick / "so-lieu.csv").write_bytes(b"old")
    os.sync()

    def pull_out(done: int, total: int | None) -> None:
        if done > 0 and driver.poll() is None:
            driver.kill()
            driver.wait()

    with pytest.raises(UsbWriteError) as caught:
        write_file(stick, "so-lieu.csv", b"n" * (8 * MIB), progress=pull_out)
    assert caught.value.reason == "removed"
    mounts.unmount(stick)
    replugged, _ = mounts.exfat(device, "replugged")
    assert (replugged / "so-lieu.csv").read_bytes() == b"old"
    leftovers = [n for n in os.listdir(replugged) if n != "so-lieu.csv"]
    assert all(n.startswith(".so-lieu.csv.partial-") for n in leftovers), leftovers


def test_success_on_exfat_keeps_vietnamese_name_and_hash(mounts: Mounts) -> None:
    """A Vietnamese name on an exFAT stick is written, read back and hashed."""
    stick, _ = mounts.exfat(mounts.exfat_image(16))
    data = os.urandom(3 * MIB + 17)
    written = write_file(stick, "Báo cáo tháng 5 – Thôn Đông.docx", data)
    assert written.sha256 == hashlib.sha256(data).hexdigest()
    assert written.safe_to_remove is True
    assert os.listdir(stick) == ["Báo cáo tháng 5 – Thôn Đông.docx"]
    assert written.path.read_bytes() == data


def _refused_by(folder: Path, name: str) -> bool:
    try:
        fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError:
        return True
    os.close(fd)
    return False


# "/" cannot be tried on a file system: it is the path separator everywhere.
TRYABLE = [c for c in FORBIDDEN_CHARACTERS if c != "/"]


def test_exfat_refuses_what_the_name_check_refuses(mounts: Mounts) -> None:
    """Every character exFAT itself refuses is one check_file_name refuses too."""
    stick, _ = mounts.exfat(mounts.exfat_image(16))
    refused = [c for c in TRYABLE if _refused_by(stick, f"a{c}b")]
    assert refused == TRYABLE
    assert all(name_problems(f"a{c}b") for c in refused)


def test_fat_refuses_what_the_name_check_refuses(mounts: Mounts) -> None:
    """On a FAT image the same characters are refused by the file system and by us."""
    stick = mounts.vfat()
    refused = [c for c in TRYABLE if _refused_by(stick, f"a{c}b")]
    assert refused == TRYABLE
    assert all(name_problems(f"a{c}b") for c in TRYABLE)


def test_read_back_comes_from_the_device_not_the_cache(mounts: Mounts) -> None:
    """Verifying a 2 MiB file reads at least 2 MiB from the block device itself."""
    stick, device = mounts.ext4("ext4-stick")
    os.sync()
    before = _sectors_read(device)
    write_file(stick, "a.bin", os.urandom(2 * MIB))
    assert _sectors_read(device) - before >= (2 * MIB) // 512


def test_without_eviction_the_read_back_would_hit_the_cache(
    mounts: Mounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Control for the test above: with eviction disabled almost nothing is read."""
    monkeypatch.setattr(durability, "evict_from_cache", lambda fd: None)
    stick, device = mounts.ext4("ext4-stick")
    os.sync()
    before = _sectors_read(device)
    write_file(stick, "a.bin", os.urandom(2 * MIB))
    assert _sectors_read(device) - before < (2 * MIB) // 512
