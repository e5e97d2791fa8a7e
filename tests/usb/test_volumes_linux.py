"""Linux volume detection, decided from recorded lsblk and mountinfo output."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.usb.volumes_linux import (
    MountEntry,
    SysfsFacts,
    devices_from_sysfs,
    mounted_devices,
    parse_lsblk_json,
    parse_mountinfo,
)

RECORDED = Path(__file__).parent / "recorded"


def _decide(sample: str) -> dict[str, tuple[bool, bool, str, str]]:
    """{mount path: (removable, read_only, filesystem, label)} for one recorded machine."""
    devices = parse_lsblk_json((RECORDED / f"lsblk_{sample}.json").read_text(encoding="utf-8"))
    mounts = parse_mountinfo((RECORDED / f"mountinfo_{sample}.txt").read_bytes())
    return {
        d.mount_path: (d.removable, d.read_only, d.filesystem, d.label)
        for d in mounted_devices(devices, mounts)
    }


def test_laptop_volumes_and_their_flags() -> None:
    """Stick, USB disk, card and data partition are found; system mounts are not offered."""
    assert _decide("laptop_stick_card_usbdisk") == {
        "/media/huong/DANVAN": (True, False, "vfat", "DANVAN"),
        "/mnt/sao-luu": (True, False, "ntfs", "SAO LUU"),
        "/media/huong/KINGSTON": (True, False, "exfat", "KINGSTON"),
        "/media/huong/THẺ NHỚ": (True, True, "exfat", "THẺ NHỚ"),
        "/home/huong/Du lieu": (False, False, "ext4", "DULIEU"),
    }


def test_usb_disk_reporting_rm0_is_removable_through_its_transport() -> None:
    """A partition of a disk with RM=0 and TRAN=usb inherits 'removable' from its disk."""
    devices = parse_lsblk_json(
        (RECORDED / "lsblk_laptop_stick_card_usbdisk.json").read_text(encoding="utf-8")
    )
    partition = next(d for d in devices if d.name == "sdb1")
    assert partition.removable is True


def test_old_lsblk_string_values_and_single_mountpoint() -> None:
    """util-linux 2.34 output (strings, 'mountpoint') gives the same decisions."""
    assert _decide("ubuntu2004_old_format") == {
        "/media/thanh/TO DAN VAN": (True, False, "vfat", "TO DAN VAN"),
    }


def test_captured_loop_image_under_media_counts_as_removable() -> None:
    """On the captured machine a loop image mounted under /media is offered, '/' is not."""
    assert _decide("debian12_loop_media") == {
        "/media/huong/USB DANVAN": (True, False, "ext4", ""),
    }


def test_same_loop_image_outside_user_roots_is_fixed() -> None:
    """With no udisks mount roots the loop device (RM=0, no transport) is not removable."""
    devices = parse_lsblk_json((RECORDED / "lsblk_debian12_loop_media.json").read_text())
    mounts = parse_mountinfo((RECORDED / "mountinfo_debian12_loop_media.txt").read_bytes())
    found = mounted_devices(devices, mounts, user_mount_roots=())
    assert [(d.mount_path, d.removable) for d in found] == [("/media/huong/USB DANVAN", False)]


def test_mountinfo_unescapes_spaces_and_keeps_vietnamese() -> None:
    """Octal escapes and raw UTF-8 bytes in mount points are decoded."""
    line = (
        "560 29 179:1 / /media/h/TH\xe1\xba\xba\\040NH\xe1\xbb\x9a ro,relatime"
        " - exfat /dev/mmcblk0p1 ro"
    )
    (entry,) = parse_mountinfo(line.encode("latin-1"))
    assert entry == MountEntry("/media/h/THẺ NHỚ", "exfat", "/dev/mmcblk0p1", True)


def test_mountinfo_with_optional_fields_finds_the_separator() -> None:
    """Optional fields (shared:N master:M) before '-' do not shift the file system type."""
    line = b"40 29 7:3 / /mnt/x rw,relatime shared:20 master:1 - squashfs /dev/loop3 ro"
    assert parse_mountinfo(line) == [MountEntry("/mnt/x", "squashfs", "/dev/loop3", True)]


def test_mounted_device_read_only_from_mount_options() -> None:
    """A device that is writable but mounted ro is read-only."""
    devices = parse_lsblk_json(
        '{"blockdevices": [{"name": "sdb1", "path": "/dev/sdb1", "rm": true, "ro": false,'
        ' "mountpoints": ["/media/u/A"], "fstype": "vfat", "label": "A"}]}'
    )
    mounts = [MountEntry("/media/u/A", "vfat", "/dev/sdb1", True)]
    (found,) = mounted_devices(devices, mounts)
    assert found.read_only is True


def test_device_mounted_twice_is_listed_once_at_its_media_path() -> None:
    """A bind-mounted stick is offered once, at the udisks mount point."""
    devices = parse_lsblk_json(
        '{"blockdevices": [{"name": "sdc", "path": "/dev/sdc", "rm": true,'
        ' "mountpoints": ["/srv/x", "/media/u/B"]}]}'
    )
    assert [d.mount_path for d in mounted_devices(devices, [])] == ["/media/u/B"]


def test_sysfs_fallback_marks_usb_path_as_removable() -> None:
    """Without lsblk, a device below a USB node in sysfs counts as removable."""
    mounts = [
        MountEntry("/", "ext4", "/dev/nvme0n1p2", False),
        MountEntry("/mnt/usb", "exfat", "/dev/sdb1", False),
    ]
    facts = {
        "nvme0n1p2": SysfsFacts(
            "nvme0n1p2",
            "/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2",
            False,
            False,
        ),
        "sdb1": SysfsFacts(
            "sdb1",
            "/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host3/block/sdb/sdb1",
            False,
            False,
        ),
    }
    found = mounted_devices(devices_from_sysfs(mounts, facts), mounts)
    assert [(d.mount_path, d.removable) for d in found] == [("/mnt/usb", True)]
