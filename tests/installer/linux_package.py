"""Helpers for the Linux install tests: a package laid out like the real tar.gz, and runs.

A fake package has the real install.sh, uninstall.sh, desktop entry template and
icons, and two tiny shell programs in place of the PyInstaller ones, so the scripts
can be tested in a second; tests/installer/test_bundle.py does the same with the real
bundle. Also here: the real package built once per test session (``built_package``),
and a Debian testing system made with debootstrap (``debian_testing``) that the chroot
test runs the bundle in.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "vn.hue.danvan-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The fake programs append their name and arguments to $DANVAN_FAKE_LOG.
FAKE_PROGRAM = '#!/bin/sh\nprintf "%s %s\\n" "$(basename "$0")" "$*" >> "$DANVAN_FAKE_LOG"\n'


def make_fake_package(folder: Path, build_info: str = "version=0.1.0\n") -> Path:
    """An unpacked package in ``folder``: app/ with fake programs, and the real scripts."""
    app = folder / "app"
    icons = app / "_internal" / "danvan_desktop" / "resources" / "icons"
    icons.mkdir(parents=True)
    for name in ("danvan-desktop", "danvan"):
        program = app / name
        program.write_text(FAKE_PROGRAM, encoding="utf-8")
        program.chmod(0o755)
    for size in ICON_SIZES:
        shutil.copy(ICONS / f"danvan-desktop-{size}.png", icons)
    shutil.copy(ICONS / "danvan-desktop.svg", icons)
    (app / "BUILD-INFO").write_text(build_info, encoding="utf-8")
    for name in ("install.sh", "uninstall.sh", "danvan-desktop.desktop"):
        shutil.copy(LINUX / name, folder / name)
    return folder


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A plain user's environment: HOME, a UTF-8 locale, the system PATH, nothing else."""
    env = {"HOME": str(home), "LANG": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin"}
    env.update(extra)
    return env


def run_script(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run an install or uninstall script with ``sh`` as a user would."""
    return subprocess.run(
        ["sh", str(script)], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def data_home(home: Path) -> Path:
    """Where XDG data goes for ``home`` when XDG_DATA_HOME is not set."""
    return home / ".local" / "share"


def is_executable(path: Path) -> bool:
    """The file exists and its owner may run it."""
    return path.is_file() and bool(path.stat().st_mode & stat.S_IXUSR)


def tool(name: str) -> str | None:
    """The path of a command-line tool, if this machine has it."""
    return shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/bin:/bin")


# -- the real package, built once per test session -------------------------------------
_BUILT: dict[str, Path] = {}


def built_package(dist: Path, work: Path) -> Path:
    """The tar.gz installer/build.py makes; built at the first call of the session only.

    ``DANVAN_BUNDLE_PACKAGE`` names a tar.gz built before, taken as it is.
    """
    given = os.environ.get("DANVAN_BUNDLE_PACKAGE")
    if given:
        return Path(given)
    if "package" not in _BUILT:
        command = [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(dist)]
        subprocess.run([*command, "--work", str(work)], check=True, timeout=1800)
        (_BUILT["package"],) = dist.glob("danvan-desktop-*-linux-*.tar.gz")
    return _BUILT["package"]


# -- a newer system: Debian testing, made with debootstrap and cached -------------------
DEBIAN_SUITE = "testing"
DEBIAN_MIRROR = os.environ.get("DANVAN_DEBIAN_MIRROR", "http://deb.debian.org/debian")
# What a desktop system has and the bundle leaves to it (bundle_contents.SYSTEM_LIBRARIES):
# the C++ runtime, glib, fontconfig, freetype, D-Bus, Kerberos, OpenSSL, X11/xcb, Wayland,
# the OpenGL/EGL dispatchers and xkbcommon. Nothing else: a library the bundle forgot to
# carry makes the run inside fail.
DEBIAN_PACKAGES = (
    "libstdc++6", "libglib2.0-0t64", "libfontconfig1", "libfreetype6", "libharfbuzz0b",
    "libdbus-1-3", "libgssapi-krb5-2", "libx11-6", "libx11-xcb1", "libxcb1", "libsm6",
    "libice6", "libxkbcommon0", "libxkbcommon-x11-0", "libwayland-client0",
    "libwayland-cursor0", "libwayland-egl1", "libegl1", "libgl1", "libopengl0",
    "libexpat1", "zlib1g", "libuuid1", "libssl3t64",
)  # fmt: skip
CHROOT_MAX_AGE_S = 7 * 24 * 3600  # testing moves: make a fresh one every week


def chroot_cache() -> Path:
    """Where the chroot tarball is kept between runs (the machine's temp folder)."""
    base = os.environ.get("DANVAN_CHROOT_CACHE") or tempfile.gettempdir()
    return Path(base) / "danvan-chroot-cache"


def chroot_tarball(cache: Path) -> Path:
    """The tarball's path: its name changes with the suite and the package list."""
    digest = hashlib.sha256(" ".join((DEBIAN_SUITE, *DEBIAN_PACKAGES)).encode()).hexdigest()
    return cache / f"debian-{DEBIAN_SUITE}-{digest[:12]}.tar"


def debian_testing_tarball(cache: Path | None = None) -> Path:
    """A tarball of a minimal Debian testing with DEBIAN_PACKAGES; made when missing or old."""
    cache = chroot_cache() if cache is None else cache
    tarball = chroot_tarball(cache)
    if tarball.is_file() and time.time() - tarball.stat().st_mtime < CHROOT_MAX_AGE_S:
        return tarball
    cache.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="debootstrap-", dir=cache))
    try:
        subprocess.run(
            ["debootstrap", "--variant=minbase", f"--include={','.join(DEBIAN_PACKAGES)}",
             DEBIAN_SUITE, str(root), DEBIAN_MIRROR],
            check=True, capture_output=True, timeout=1800,
        )  # fmt: skip
        shutil.rmtree(root / "var" / "cache" / "apt" / "archives", ignore_errors=True)
        partial = tarball.with_name(tarball.name + ".part")
        subprocess.run(["tar", "-C", str(root), "-cf", str(partial), "."], check=True)
        os.replace(partial, tarball)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return tarball
