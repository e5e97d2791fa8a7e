"""Mounted volumes, and which of them are removable sticks the user can write to.

The platform modules split every lookup in two: pure functions that decide
from recorded facts (``lsblk`` JSON and ``/proc/self/mountinfo`` on Linux, the
answers of the Win32 drive functions on Windows), tested on recorded inputs
anywhere; and a thin layer of operating-system calls that gathers those facts.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Volume:
    """One mounted file system.

    ``removable`` is True for a stick, card or USB disk (see the platform
    modules for how that is told); ``read_only`` when the device, the lock
    switch or the mount refuses writes; ``device_id`` is ``/dev/sdb1`` on Linux
    and the volume GUID path (``\\\\?\\Volume{...}\\``) on Windows.
    """

    mount_path: Path
    label: str
    filesystem: str
    total_bytes: int
    free_bytes: int
    removable: bool
    read_only: bool
    device_id: str

    @property
    def display_name(self) -> str:
        """What to call the volume in a message: its label, else its folder's name."""
        return self.label or self.mount_path.name or str(self.mount_path)


def list_volumes() -> list[Volume]:
    """Every mounted data volume of this computer, removable or not."""
    if sys.platform == "win32":
        from danvan_desktop.usb import volumes_windows

        return volumes_windows.list_volumes()
    from danvan_desktop.usb import volumes_linux

    return volumes_linux.list_volumes()


def list_removable_volumes() -> list[Volume]:
    """The mounted removable volumes (USB sticks, memory cards, USB disks)."""
    return [volume for volume in list_volumes() if volume.removable]
