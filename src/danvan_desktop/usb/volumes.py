"""Mounted volumes, and which of them are removable sticks the user can write to.

The platform modules split every lookup in two: pure functions that decide
from recorded facts (``lsblk`` JSON and ``/proc/self/mountinfo`` on Linux, the
answers of the Win32 drive functions on Windows), tested on recorded inputs
anywhere; and a thin layer of operating-system calls that gathers those facts.
"""

from __future__ import annotations

import sys

from danvan_desktop.usb.volume import Volume

__all__ = ["Volume", "list_removable_volumes", "list_volumes"]


def list_volumes() -> list[Volume]:
    """Every mounted data volume of this computer, removable or not."""
    if sys.platform == "win32":
        from danvan_desktop.usb.volumes_windows import list_volumes as list_windows_volumes

        return list_windows_volumes()
    from danvan_desktop.usb.volumes_linux import list_volumes as list_linux_volumes

    return list_linux_volumes()


def list_removable_volumes() -> list[Volume]:
    """The mounted removable volumes (USB sticks, memory cards, USB disks)."""
    return [volume for volume in list_volumes() if volume.removable]
