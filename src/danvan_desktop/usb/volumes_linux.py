"""Mounted volumes on Linux, from ``lsblk`` (util-linux) and ``/proc/self/mountinfo``.

How a removable volume is told from a fixed one, for each block device and
every device above it (a partition inherits from its disk):

- ``RM=1``: the kernel's ``removable`` attribute (``/sys/block/sdX/removable``),
  set for media that come out of their drive: most USB sticks, SD cards;
- ``HOTPLUG=1``: lsblk's "can be plugged in and out while running", true for
  USB, FireWire and card-reader devices even when RM is 0;
- ``TRAN=usb``: the transport; USB hard disks and many fast sticks report
  RM=0 but still arrive over USB;
- or the volume is mounted under ``/media`` or ``/run/media``: that is where
  udisks (the desktop's file manager) mounts what the user plugged in or
  clicked, so it is offered like a stick even when the kernel calls it fixed.

``read_only`` is the device's ``RO`` flag (the SD card lock switch, a
write-protected stick) or a mount made with ``ro``. Sizes come from
``statvfs`` of the mount point (what the file system can still hold, not the
device's raw size).

``lsblk`` before util-linux 2.37 (Ubuntu 20.04) has no ``MOUNTPOINTS`` column
and prints every value as a string; both shapes are parsed. Where ``lsblk`` is
missing, the facts are read from ``/proc/self/mountinfo`` and ``/sys/class/block``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_desktop.usb.volume import Volume

LSBLK_COLUMNS = "NAME,PATH,RM,HOTPLUG,TRAN,MOUNTPOINTS,FSTYPE,LABEL,SIZE,RO"
# util-linux < 2.37 knows only MOUNTPOINT (one mount point per device).
LSBLK_COLUMNS_OLD = LSBLK_COLUMNS.replace("MOUNTPOINTS", "MOUNTPOINT")
USER_MOUNT_ROOTS = ("/media", "/run/media")
# Mount points that hold the running system: never offered as a target even
# when the system itself runs from a USB stick.
SYSTEM_MOUNT_POINTS = frozenset(["/", "/boot", "/boot/efi", "/efi", "/usr", "/var", "[SWAP]"])
_LSBLK_TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class BlockDevice:
    """One block device as lsblk (or sysfs) describes it, flags inherited from its parents."""

    name: str
    path: str
    removable: bool
    read_only: bool
    fstype: str
    label: str
    mountpoints: tuple[str, ...]


@dataclass(frozen=True)
class MountEntry:
    """One line of ``/proc/self/mountinfo``."""

    mount_point: str
    fstype: str
    source: str
    read_only: bool


def _flag(value: Any) -> bool:
    """lsblk ≥ 2.37 prints true/false, older releases "1"/"0"."""
    if isinstance(value, str):
        return value.strip() == "1"
    return bool(value)


def _mountpoints(node: Mapping[str, Any]) -> tuple[str, ...]:
    points = node.get("mountpoints")
    if points is None:
        points = [node.get("mountpoint")]
    return tuple(str(p) for p in points if p)


def _walk(nodes: Iterable[Mapping[str, Any]], parent: BlockDevice | None) -> Iterator[BlockDevice]:
    for node in nodes:
        transport = str(node.get("tran") or "").lower()
        own_removable = _flag(node.get("rm")) or _flag(node.get("hotplug")) or transport == "usb"
        name = str(node.get("name") or "")
        device = BlockDevice(
            name=name,
            path=str(node.get("path") or f"/dev/{name}"),
            removable=own_removable or (parent is not None and parent.removable),
            read_only=_flag(node.get("ro")) or (parent is not None and parent.read_only),
            fstype=str(node.get("fstype") or ""),
            label=str(node.get("label") or ""),
            mountpoints=_mountpoints(node),
        )
        yield device
        yield from _walk(node.get("children") or [], device)


def parse_lsblk_json(text: str) -> list[BlockDevice]:
    """The devices of ``lsblk --json`` output (any util-linux release), parents first."""
    data = json.loads(text)
    return list(_walk(data.get("blockdevices") or [], None))


def _unescape_mountinfo(field: str) -> str:
    r"""mountinfo writes space, tab, newline and backslash as octal escapes (``\040``)."""
    out: list[str] = []
    i = 0
    while i < len(field):
        chunk = field[i : i + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    # The kernel escapes bytes, so a Vietnamese folder name arrives as UTF-8 bytes.
    return "".join(out).encode("latin-1", errors="ignore").decode("utf-8", errors="replace")


def parse_mountinfo(data: bytes) -> list[MountEntry]:
    """The entries of ``/proc/self/mountinfo`` (see proc(5)), given as the raw bytes."""
    entries: list[MountEntry] = []
    # Paths are bytes to the kernel; latin-1 keeps each byte for _unescape_mountinfo.
    for line in data.decode("latin-1").splitlines():
        fields = line.split(" ")
        if "-" not in fields:
            continue
        dash = fields.index("-")
        if dash < 6 or len(fields) < dash + 4:
            continue
        mount_options = fields[5].split(",")
        super_options = fields[dash + 3].split(",")
        entries.append(
            MountEntry(
                mount_point=_unescape_mountinfo(fields[4]),
                fstype=fields[dash + 1],
                source=_unescape_mountinfo(fields[dash + 2]),
                read_only="ro" in mount_options or "ro" in super_options,
            )
        )
    return entries


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _preferred_mount_point(points: tuple[str, ...], roots: Iterable[str]) -> str | None:
    """One mount point per device: where udisks put it if there, else the first."""
    usable = [p for p in points if p not in SYSTEM_MOUNT_POINTS and not p.startswith("/snap/")]
    if not usable:
        return None
    for point in usable:
        if _under(point, roots):
            return point
    return usable[0]


@dataclass(frozen=True)
class MountedDevice:
    """A block device at its chosen mount point, before its free space is known."""

    mount_path: str
    label: str
    filesystem: str
    removable: bool
    read_only: bool
    device_id: str


def mounted_devices(
    devices: Iterable[BlockDevice],
    mounts: Iterable[MountEntry],
    user_mount_roots: Iterable[str] = USER_MOUNT_ROOTS,
) -> list[MountedDevice]:
    """Decide, from recorded facts only, which devices are mounted volumes and which removable."""
    roots = tuple(user_mount_roots)
    by_point = {entry.mount_point: entry for entry in mounts}
    found: list[MountedDevice] = []
    seen: set[str] = set()
    for device in devices:
        point = _preferred_mount_point(device.mountpoints, roots)
        # A device under several parents (RAID, multipath) appears more than once.
        if point is None or point in seen:
            continue
        seen.add(point)
        mount = by_point.get(point)
        found.append(
            MountedDevice(
                mount_path=point,
                label=device.label,
                filesystem=device.fstype or (mount.fstype if mount else ""),
                removable=device.removable or _under(point, roots),
                read_only=device.read_only or (mount is not None and mount.read_only),
                device_id=device.path,
            )
        )
    return found


@dataclass(frozen=True)
class SysfsFacts:
    """What ``/sys/class/block/<name>`` says of one device (fallback without lsblk)."""

    name: str
    sys_path: str
    removable: bool
    read_only: bool


def devices_from_sysfs(
    mounts: Iterable[MountEntry], facts: Mapping[str, SysfsFacts]
) -> list[BlockDevice]:
    """Block devices built from mountinfo and sysfs when lsblk is not installed."""
    points: dict[str, list[str]] = {}
    for entry in mounts:
        if entry.source.startswith("/dev/"):
            points.setdefault(entry.source, []).append(entry.mount_point)
    devices: list[BlockDevice] = []
    for source, mount_points in points.items():
        fact = facts.get(Path(source).name)
        if fact is None:
            continue
        devices.append(
            BlockDevice(
                name=fact.name,
                path=source,
                # USB devices sit below a ".../usbN/..." node in the sysfs tree.
                removable=fact.removable or "/usb" in fact.sys_path,
                read_only=fact.read_only,
                fstype="",
                label="",
                mountpoints=tuple(mount_points),
            )
        )
    return devices


# ---- operating-system calls -------------------------------------------------


def _run_lsblk(columns: str) -> str | None:
    try:
        done = subprocess.run(
            ["lsblk", "--json", "--bytes", "-o", columns],
            capture_output=True,
            text=True,
            timeout=_LSBLK_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def read_lsblk() -> str | None:
    """Raw ``lsblk --json`` output, None when lsblk is missing or fails."""
    return _run_lsblk(LSBLK_COLUMNS) or _run_lsblk(LSBLK_COLUMNS_OLD)


def read_mountinfo() -> bytes:
    """Raw ``/proc/self/mountinfo`` (empty where there is none)."""
    try:
        return Path("/proc/self/mountinfo").read_bytes()
    except OSError:
        return b""


def _read_flag(path: Path) -> bool:
    try:
        return path.read_text().strip() == "1"
    except OSError:
        return False


def read_sysfs_facts(sources: Iterable[str]) -> dict[str, SysfsFacts]:
    """sysfs facts of mounted device nodes, keyed by node name; partitions ask their disk too."""
    facts: dict[str, SysfsFacts] = {}
    for source in sources:
        # /dev/mapper/x and /dev/disk/by-uuid/y are symlinks to the kernel's name.
        name = Path(os.path.realpath(source)).name
        node = Path("/sys/class/block") / name
        if not node.exists():
            continue
        real = node.resolve()
        removable = _read_flag(real / "removable") or _read_flag(real.parent / "removable")
        facts[Path(source).name] = SysfsFacts(name, str(real), removable, _read_flag(real / "ro"))
    return facts


def _with_space(device: MountedDevice) -> Volume | None:
    if sys.platform == "win32":
        return None  # this module describes Linux only
    try:
        stats = os.statvfs(device.mount_path)
    except OSError:
        return None  # unmounted or dead since lsblk ran
    return Volume(
        mount_path=Path(device.mount_path),
        label=device.label,
        filesystem=device.filesystem,
        total_bytes=stats.f_blocks * stats.f_frsize,
        free_bytes=stats.f_bavail * stats.f_frsize,
        removable=device.removable,
        read_only=device.read_only,
        device_id=device.device_id,
    )


def list_volumes(user_mount_roots: Iterable[str] = USER_MOUNT_ROOTS) -> list[Volume]:
    """Every mounted block-device volume, each marked removable or not."""
    mounts = parse_mountinfo(read_mountinfo())
    lsblk_text = read_lsblk()
    if lsblk_text is not None:
        devices = parse_lsblk_json(lsblk_text)
    else:
        sources = [m.source for m in mounts if m.source.startswith("/dev/")]
        devices = devices_from_sysfs(mounts, read_sysfs_facts(sources))
    found = mounted_devices(devices, mounts, user_mount_roots)
    volumes = [_with_space(device) for device in found]
    return [volume for volume in volumes if volume is not None]
