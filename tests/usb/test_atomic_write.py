"""Atomic, verified writes in an ordinary folder: results, progress, cancel, failures."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import threading
from pathlib import Path

import pytest

from danvan_desktop.core.errors import OperationCancelled, ValidationError
from danvan_desktop.usb import atomic_write, durability
from danvan_desktop.usb.atomic_write import WrittenFile, flush_volume, write_file
from danvan_desktop.usb.errors import UsbWriteError
from danvan_desktop.usb.volumes import Volume

MIB = 1024 * 1024
DATA = bytes(range(256)) * (10 * 1024)  # 2.5 MiB, three blocks
DATA_SHA256 = hashlib.sha256(DATA).hexdigest()


class Unsized:
    """A stream whose size cannot be known beforehand (a pipe, a socket)."""

    def __init__(self, data: bytes) -> None:
        self._stream = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)


def test_write_returns_path_size_and_sha256(tmp_path: Path) -> None:
    """The result names the final path, the size and the SHA-256 of what is on disk."""
    written = write_file(tmp_path, "Báo cáo.docx", DATA)
    assert written == WrittenFile(tmp_path / "Báo cáo.docx", len(DATA), DATA_SHA256, False, True)
    assert (tmp_path / "Báo cáo.docx").read_bytes() == DATA


def test_only_the_final_file_remains(tmp_path: Path) -> None:
    """No temporary file is left after a successful write."""
    write_file(tmp_path, "a.bin", DATA)
    assert os.listdir(tmp_path) == ["a.bin"]


def test_progress_reports_each_block(tmp_path: Path) -> None:
    """progress(done, total) is called at the start and after each 1 MiB block."""
    calls: list[tuple[int, int | None]] = []
    write_file(tmp_path, "a.bin", DATA, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, len(DATA)), (MIB, len(DATA)), (2 * MIB, len(DATA)), (len(DATA), len(DATA))]


def test_progress_total_is_none_when_size_unknown(tmp_path: Path) -> None:
    """A stream of unknown size reports total None."""
    calls: list[tuple[int, int | None]] = []
    write_file(tmp_path, "a.bin", Unsized(b"abc"), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, None), (3, None)]


def test_source_as_path(tmp_path: Path) -> None:
    """A path is read and copied."""
    source = tmp_path / "source.bin"
    source.write_bytes(DATA)
    (tmp_path / "out").mkdir()
    assert write_file(tmp_path / "out", "copy.bin", source).sha256 == DATA_SHA256


def test_source_as_open_file_from_its_current_position(tmp_path: Path) -> None:
    """A binary file is copied from where it stands."""
    stream = io.BytesIO(b"headerBODY")
    stream.seek(6)
    written = write_file(tmp_path, "body.txt", stream)
    assert (written.size, (tmp_path / "body.txt").read_bytes()) == (4, b"BODY")


def test_empty_source_makes_an_empty_file(tmp_path: Path) -> None:
    """Zero bytes is a valid file."""
    written = write_file(tmp_path, "empty.txt", b"")
    assert (written.size, written.sha256) == (0, hashlib.sha256(b"").hexdigest())


def test_replacing_an_existing_file_says_so(tmp_path: Path) -> None:
    """Writing over an existing name replaces it and reports replaced=True."""
    (tmp_path / "a.txt").write_bytes(b"old")
    written = write_file(tmp_path, "a.txt", b"new")
    assert (written.replaced, (tmp_path / "a.txt").read_bytes()) == (True, b"new")


def test_no_flush_means_not_yet_safe_to_remove(tmp_path: Path) -> None:
    """flush_device=False leaves safe_to_remove False for the caller to flush later."""
    assert write_file(tmp_path, "a.txt", b"x", flush_device=False).safe_to_remove is False


def test_longest_name_gets_a_temporary_name_that_fits(tmp_path: Path) -> None:
    """A 255-byte name still gets a temporary name within the 255-byte limit."""
    name = "ư" * 127 + "a"  # 255 bytes
    write_file(tmp_path, name, b"x")
    assert os.listdir(tmp_path) == [name]


def test_name_is_written_in_nfc(tmp_path: Path) -> None:
    """A decomposed name is written composed, so Windows shows one file, not two."""
    write_file(tmp_path, "Tho\u0302n.txt", b"x")
    assert os.listdir(tmp_path) == ["Thôn.txt"]


def test_bad_name_writes_nothing(tmp_path: Path) -> None:
    """A forbidden name is a ValidationError on file_name and no file appears."""
    with pytest.raises(ValidationError) as caught:
        write_file(tmp_path, "Quý 1/2025.docx", b"x")
    assert (caught.value.fields, os.listdir(tmp_path)) == (["file_name"], [])


def test_missing_folder_reads_as_removed_stick(tmp_path: Path) -> None:
    """A target folder that is not there is reported as a missing stick."""
    with pytest.raises(UsbWriteError) as caught:
        write_file(tmp_path / "gone", "a.txt", b"x")
    assert caught.value.reason == "removed"


def test_cancel_mid_write_removes_the_temporary_file(tmp_path: Path) -> None:
    """Cancelling after the first block raises OperationCancelled and leaves the old file."""
    (tmp_path / "a.bin").write_bytes(b"old")
    cancel = threading.Event()

    def progress(done: int, total: int | None) -> None:
        if done >= MIB:
            cancel.set()

    with pytest.raises(OperationCancelled) as caught:
        write_file(tmp_path, "a.bin", DATA, progress=progress, cancel=cancel)
    assert isinstance(caught.value, UsbWriteError) and caught.value.reason == "cancelled"
    assert (os.listdir(tmp_path), (tmp_path / "a.bin").read_bytes()) == (["a.bin"], b"old")


def test_cancel_before_start_writes_nothing(tmp_path: Path) -> None:
    """An already cancelled write creates no file at all."""
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(OperationCancelled):
        write_file(tmp_path, "a.bin", DATA, cancel=cancel)
    assert os.listdir(tmp_path) == []


def test_read_back_mismatch_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device that returns other bytes than written fails verification; nothing is replaced."""
    real_read = durability._read_block

    def lying_read(fd: int) -> bytes:
        block = real_read(fd)
        return bytes([block[0] ^ 0xFF]) + block[1:] if block else block

    monkeypatch.setattr(durability, "_read_block", lying_read)
    (tmp_path / "a.bin").write_bytes(b"old")
    with pytest.raises(UsbWriteError) as caught:
        write_file(tmp_path, "a.bin", DATA)
    assert caught.value.reason == "verify_failed"
    assert (os.listdir(tmp_path), (tmp_path / "a.bin").read_bytes()) == (["a.bin"], b"old")


def test_eio_from_the_device_mid_write_is_a_removed_stick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EIO on the second block (a stick pulled out) cleans up and keeps the old file."""
    real_write = os.write
    calls = 0

    def failing_write(fd: int, data: bytes | memoryview) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_write(fd, data)

    monkeypatch.setattr(atomic_write, "_os_write", failing_write)
    (tmp_path / "a.bin").write_bytes(b"old")
    with pytest.raises(UsbWriteError) as caught:
        write_file(tmp_path, "a.bin", DATA)
    assert caught.value.reason == "removed"
    assert (os.listdir(tmp_path), (tmp_path / "a.bin").read_bytes()) == (["a.bin"], b"old")


def test_source_read_error_is_not_blamed_on_the_stick(tmp_path: Path) -> None:
    """A failing source raises its own OSError, and the temporary file is removed."""

    class BrokenSource:
        def read(self, size: int = -1) -> bytes:
            raise OSError(errno.EIO, "source disk failed")

    with pytest.raises(OSError) as caught:
        write_file(tmp_path, "a.bin", BrokenSource())
    assert not isinstance(caught.value, UsbWriteError) and os.listdir(tmp_path) == []


def test_missing_source_path_raises_file_not_found(tmp_path: Path) -> None:
    """A source path that does not exist is the caller's error, not the stick's."""
    with pytest.raises(FileNotFoundError):
        write_file(tmp_path, "a.bin", tmp_path / "nope.bin")


def test_next_write_of_the_same_name_removes_a_pulled_writes_leftover(tmp_path: Path) -> None:
    """A temporary file left by a pulled stick goes away when the same name is written again."""
    (tmp_path / ".so-lieu.csv.partial-0a1b2c3d").write_bytes(b"half")
    (tmp_path / ".khac.csv.partial-0a1b2c3d").write_bytes(b"other file's")
    write_file(tmp_path, "so-lieu.csv", b"new")
    assert sorted(os.listdir(tmp_path)) == [".khac.csv.partial-0a1b2c3d", "so-lieu.csv"]


def test_flush_of_a_vanished_volume_is_reported_removed(tmp_path: Path) -> None:
    """Flushing a volume whose folder is gone names the stick and says it was removed."""
    gone = Volume(tmp_path / "gone", "DANVAN", "vfat", 0, 0, True, False, "/dev/sdb1")
    with pytest.raises(UsbWriteError, match="USB DANVAN") as caught:
        flush_volume(gone)
    assert caught.value.reason == "removed"
