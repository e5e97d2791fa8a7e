"""Real file systems made for a test: tmpfs, ext4 and exFAT/FAT loop images.

Every mount made through the ``mounts`` fixture is unmounted (lazily if it is
busy), every FUSE daemon it started is stopped by its own process id, and
every loop device it attached is detached, whatever the test did.

Mounting needs root (CI runs as root). Elsewhere the tests that need a mount
are skipped with a reason that starts with "NOT TESTED", which ``-ra`` prints.
Debian packages: util-linux (mount, losetup, lsblk), e2fsprogs (mkfs.ext4),
exfatprogs + exfat-fuse (exFAT), dosfstools + fusefat (FAT).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

MOUNT_WAIT_SECONDS = 10.0


def _is_mounted(point: Path) -> bool:
    wanted = str(point)
    with open("/proc/self/mountinfo", encoding="latin-1") as table:
        return any(line.split(" ")[4] == wanted for line in table)


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def _need(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"NOT TESTED: {tool} is missing; install the Debian package {package}")


@dataclass
class Mounts:
    """Makes mounts for one test and undoes all of them afterwards."""

    base: Path
    points: list[Path] = field(default_factory=list)
    loops: list[str] = field(default_factory=list)
    daemons: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _mount_point(self, name: str) -> Path:
        point = self.base / name
        point.mkdir(parents=True)
        return point

    def _mount(self, point: Path, *command: str) -> None:
        if os.geteuid() != 0:
            pytest.skip(
                f"NOT TESTED: mounting a test file system needs root (uid {os.geteuid()}); "
                "run these USB tests as root, as CI does"
            )
        done = _run(*command)
        if done.returncode != 0:
            pytest.skip(f"NOT TESTED: cannot mount here ({done.stderr.strip()})")
        self.points.append(point)

    def tmpfs(self, size: str = "1m", name: str = "stick") -> Path:
        """A small tmpfs, full once ``size`` is used."""
        point = self._mount_point(name)
        self._mount(point, "mount", "-t", "tmpfs", "-o", f"size={size}", "danvan-test", str(point))
        return point

    def remount_read_only(self, point: Path) -> None:
        """Make a mounted file system refuse writes, as a locked stick does."""
        done = _run("mount", "-o", "remount,ro", str(point))
        assert done.returncode == 0, done.stderr

    def _image(self, size_mib: int, tool: str, package: str, *mkfs: str) -> Path:
        _need(tool, package)
        image = self.base / f"image-{len(self.loops) + len(self.points)}.img"
        with open(image, "wb") as handle:
            handle.truncate(size_mib * 1024 * 1024)
        done = _run(tool, *mkfs, str(image))
        assert done.returncode == 0, done.stderr
        return image

    def attach_loop(self, image: Path, read_only: bool = False) -> str:
        """A loop device over ``image``; detached at the end of the test."""
        _need("losetup", "util-linux")
        if os.geteuid() != 0:
            pytest.skip("NOT TESTED: loop devices need root; run these USB tests as root")
        extra = ("-r",) if read_only else ()
        done = _run("losetup", *extra, "-f", "--show", str(image))
        if done.returncode != 0:
            pytest.skip(f"NOT TESTED: no loop device here ({done.stderr.strip()})")
        device = done.stdout.strip()
        self.loops.append(device)
        return device

    def ext4(self, name: str, size_mib: int = 16, read_only: bool = False) -> tuple[Path, str]:
        """An ext4 loop image mounted at ``base/name``; its mount point and loop device."""
        image = self._image(size_mib, "mkfs.ext4", "e2fsprogs", "-q", "-F")
        device = self.attach_loop(image)
        point = self._mount_point(name)
        options = "ro" if read_only else "rw"
        self._mount(point, "mount", "-t", "ext4", "-o", options, device, str(point))
        return point, device

    def exfat_image(self, size_mib: int = 16, label: str = "DANVAN") -> str:
        """A freshly formatted exFAT image on a loop device (not mounted)."""
        image = self._image(size_mib, "mkfs.exfat", "exfatprogs", "-L", label)
        return self.attach_loop(image)

    def fuse(self, point: Path, *command: str) -> subprocess.Popen[bytes]:
        """Run a FUSE driver in the foreground (so its process id is ours) until mounted."""
        if os.geteuid() != 0:
            pytest.skip("NOT TESTED: FUSE mounts of test images need root here")
        daemon = subprocess.Popen(
            [*command, str(point)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.daemons.append(daemon)
        self.points.append(point)
        deadline = time.monotonic() + MOUNT_WAIT_SECONDS
        while not _is_mounted(point):
            if daemon.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"NOT TESTED: {command[0]} could not mount (FUSE unavailable?)")
            time.sleep(0.05)
        return daemon

    def exfat(self, device: str, name: str = "stick") -> tuple[Path, subprocess.Popen[bytes]]:
        """Mount an exFAT loop device with exfat-fuse; the point and the driver's process."""
        _need("mount.exfat-fuse", "exfat-fuse")
        point = self.base / name
        point.mkdir(parents=True, exist_ok=True)
        return point, self.fuse(point, "mount.exfat-fuse", "-d", device)

    def vfat(self, name: str = "fat-stick") -> Path:
        """A FAT image mounted read-write with fusefat (the kernel here has no vfat)."""
        _need("fusefat", "fusefat")
        image = self._image(8, "mkfs.vfat", "dosfstools", "-n", "DANVAN")
        point = self._mount_point(name)
        self.fuse(point, "fusefat", "-f", "-o", "rw+", str(image))
        return point

    def unmount(self, point: Path) -> None:
        """Unmount ``point`` now (lazily when busy or when its driver is dead)."""
        if _is_mounted(point) and _run("umount", str(point)).returncode != 0:
            _run("umount", "-l", str(point))

    def close(self) -> None:
        """Undo everything: unmount, stop our FUSE drivers, detach our loop devices."""
        for point in reversed(self.points):
            self.unmount(point)
        for daemon in self.daemons:
            if daemon.poll() is None:
                daemon.kill()
            daemon.wait(timeout=MOUNT_WAIT_SECONDS)
        for device in self.loops:
            _run("losetup", "-d", device)


@pytest.fixture
def mounts(tmp_path: Path) -> Iterator[Mounts]:
    """Mount real test file systems; all are unmounted and detached afterwards."""
    made = Mounts(tmp_path / "mnt")
    made.base.mkdir()
    try:
        yield made
    finally:
        made.close()
