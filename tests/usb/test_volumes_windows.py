"""Windows drive detection, decided from recorded drive tuples."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from danvan_desktop.usb import windows_api
from danvan_desktop.usb.volumes_windows import (
    DriveRecord,
    drive_roots_from_mask,
    is_removable_drive,
    volumes_from_records,
)

RECORDED = Path(__file__).parent / "recorded"


def _laptop() -> list[DriveRecord]:
    data = json.loads((RECORDED / "windows_drives_laptop.json").read_text(encoding="utf-8"))
    return [DriveRecord.from_json(item) for item in data]


def test_laptop_drives_become_volumes_with_flags() -> None:
    """Fixed disks, stick, USB disk and SD card are listed; empty reader, DVD, network are not."""
    found = [
        (str(v.mount_path), v.removable, v.read_only, v.filesystem, v.label)
        for v in volumes_from_records(_laptop())
    ]
    assert found == [
        ("C:\\", False, False, "NTFS", "Windows"),
        ("D:\\", False, False, "NTFS", "DATA"),
        ("E:\\", True, False, "FAT32", "DANVAN"),
        ("F:\\", True, False, "NTFS", "SAO LƯU"),
        ("H:\\", True, True, "exFAT", "THẺ NHỚ"),
    ]


def test_volume_carries_sizes_and_guid() -> None:
    """The stick's sizes and volume GUID path come through."""
    stick = next(v for v in volumes_from_records(_laptop()) if v.label == "DANVAN")
    assert (stick.total_bytes, stick.free_bytes) == (15724707840, 15190949888)
    assert stick.device_id == "\\\\?\\Volume{c2d5f8a0-5b1e-11ef-9a2b-806e6f6e6963}\\"


@pytest.mark.parametrize(
    ("drive_type", "bus_type", "removable"),
    [
        (2, 7, True),  # DRIVE_REMOVABLE stick
        (2, None, True),  # removable even when the bus query failed
        (3, 7, True),  # USB hard disk reporting DRIVE_FIXED
        (3, 12, True),  # SD card on an internal reader
        (3, 11, False),  # SATA disk
        (3, 17, False),  # NVMe disk
        (3, None, False),  # fixed disk whose bus is unknown
    ],
)
def test_removable_decision(drive_type: int, bus_type: int | None, removable: bool) -> None:
    """Drive type and bus type decide together."""
    assert is_removable_drive(drive_type, bus_type) is removable


def test_logical_drive_mask_to_roots() -> None:
    """Bit 2 is C:, bit 4 is E:, bit 25 is Z:."""
    assert drive_roots_from_mask((1 << 2) | (1 << 4) | (1 << 25)) == ["C:\\", "E:\\", "Z:\\"]


def test_record_round_trips_through_json() -> None:
    """A recorded drive read back from JSON equals itself."""
    record = _laptop()[2]
    assert DriveRecord.from_json(json.loads(json.dumps(record.to_json()))) == record


def test_windows_calls_import_here_and_refuse_to_run() -> None:
    """The ctypes module imports on Linux and its calls say they are Windows only."""
    with pytest.raises(OSError) as caught:
        windows_api.read_drive_records()
    assert caught.value.errno == errno.ENOSYS
