"""Volume listing on this machine, with loop images mounted for the test (needs root)."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.usb.atomic_write import flush_volume
from danvan_desktop.usb.volumes import Volume
from danvan_desktop.usb.volumes_linux import list_volumes

from .conftest import Mounts


def _at(volumes: list[Volume], point: Path) -> Volume:
    (found,) = [v for v in volumes if v.mount_path == point]
    return found


def test_image_mounted_under_a_user_root_is_listed_as_removable(mounts: Mounts) -> None:
    """A loop image mounted under a udisks-style root is a removable, writable volume."""
    point, device = mounts.ext4("media/huong/DANVAN", size_mib=16)
    volume = _at(list_volumes(user_mount_roots=[str(mounts.base / "media")]), point)
    assert (volume.removable, volume.read_only, volume.device_id) == (True, False, device)
    assert (volume.filesystem, volume.display_name) == ("ext4", "DANVAN")
    assert 0 < volume.free_bytes <= volume.total_bytes <= 16 * 1024 * 1024


def test_same_image_elsewhere_is_listed_as_fixed(mounts: Mounts) -> None:
    """Outside the user mount roots a loop device (RM=0, no USB) is not removable."""
    point, _ = mounts.ext4("elsewhere")
    assert _at(list_volumes(), point).removable is False


def test_read_only_mount_is_listed_read_only(mounts: Mounts) -> None:
    """A volume mounted ro is reported read_only."""
    point, _ = mounts.ext4("media/locked", read_only=True)
    assert _at(list_volumes(user_mount_roots=[str(mounts.base / "media")]), point).read_only


def test_flush_volume_of_a_mounted_image_flushes_it_whole(mounts: Mounts) -> None:
    """flush_volume on a real mounted volume reports the whole volume flushed."""
    point, _ = mounts.ext4("media/flush")
    volume = _at(list_volumes(user_mount_roots=[str(mounts.base / "media")]), point)
    (point / "a.txt").write_bytes(b"x")
    assert flush_volume(volume) is True
