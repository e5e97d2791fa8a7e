"""One mounted file system: the value the platform modules make and the writers take.

A module of its own, below ``volumes.py`` (which picks the platform module) and the
platform modules (which make volumes), so that neither imports the other's.
"""

from __future__ import annotations

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
