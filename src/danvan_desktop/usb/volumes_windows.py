"""Mounted volumes on Windows, decided from the answers of the Win32 drive functions.

For each drive letter in ``GetLogicalDrives``, :mod:`windows_api` records
``GetDriveTypeW``, the storage bus from ``IOCTL_STORAGE_QUERY_PROPERTY``,
``GetVolumeInformationW`` and ``GetDiskFreeSpaceExW`` in a
:class:`DriveRecord`. The decision below needs nothing else, so it is tested
on recorded drive tuples on any system.

How a removable volume is told from a fixed one:

- ``DRIVE_REMOVABLE``: sticks and memory cards that say so;
- ``DRIVE_FIXED`` on bus ``USB``, ``SD``, ``MMC`` or ``1394``: USB hard disks
  and many large USB sticks report themselves as fixed disks, and only the bus
  type tells them from the internal SATA or NVMe disk;
- network, CD/DVD and RAM drives are not offered at all; a card reader with
  no card (``GetVolumeInformationW`` fails: not ready) is skipped.

``read_only`` is ``FILE_READ_ONLY_VOLUME`` in the file system flags, which
Windows sets for a write-protected stick or a card with its lock switch on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from danvan_desktop.usb.drive_record import DriveRecord as DriveRecord
from danvan_desktop.usb.drive_record import drive_roots_from_mask as drive_roots_from_mask
from danvan_desktop.usb.volume import Volume

DRIVE_UNKNOWN = 0
DRIVE_NO_ROOT_DIR = 1
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
DRIVE_REMOTE = 4
DRIVE_CDROM = 5
DRIVE_RAMDISK = 6

# STORAGE_BUS_TYPE values (winioctl.h).
BUS_TYPE_1394 = 0x04
BUS_TYPE_USB = 0x07
BUS_TYPE_SD = 0x0C
BUS_TYPE_MMC = 0x0D
REMOVABLE_BUS_TYPES = frozenset([BUS_TYPE_1394, BUS_TYPE_USB, BUS_TYPE_SD, BUS_TYPE_MMC])

FILE_READ_ONLY_VOLUME = 0x00080000


def is_removable_drive(drive_type: int, bus_type: int | None) -> bool:
    """A stick, a card or a USB disk (see the module docstring)."""
    if drive_type == DRIVE_REMOVABLE:
        return True
    return drive_type == DRIVE_FIXED and bus_type in REMOVABLE_BUS_TYPES


def volume_from_record(record: DriveRecord) -> Volume | None:
    """The volume behind one drive letter, or None for drives we never write to."""
    if record.drive_type not in (DRIVE_REMOVABLE, DRIVE_FIXED):
        return None
    if record.filesystem is None:
        return None  # no medium, or not ready
    return Volume(
        mount_path=Path(record.root),
        label=record.label or "",
        filesystem=record.filesystem,
        total_bytes=record.total_bytes or 0,
        free_bytes=record.free_bytes or 0,
        removable=is_removable_drive(record.drive_type, record.bus_type),
        read_only=bool(record.filesystem_flags & FILE_READ_ONLY_VOLUME),
        device_id=record.volume_guid_path or record.root,
    )


def volumes_from_records(records: Iterable[DriveRecord]) -> list[Volume]:
    """Volumes of the recorded drives, in drive-letter order."""
    volumes = [volume_from_record(record) for record in records]
    return sorted((v for v in volumes if v is not None), key=lambda v: str(v.mount_path))


def list_volumes() -> list[Volume]:
    """Every data volume with a drive letter on this Windows computer."""
    from danvan_desktop.usb.windows_api import read_drive_records

    return volumes_from_records(read_drive_records())


if __name__ == "__main__":
    # Records this machine's drives for tests/usb/recorded/ (see the checklist).
    import json

    from danvan_desktop.usb.windows_api import read_drive_records

    records = [record.to_json() for record in read_drive_records()]
    json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
