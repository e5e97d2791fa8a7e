"""Helpers for the Linux install tests: a package laid out like the real tar.gz, and runs.

A fake package has the real install.sh, uninstall.sh, desktop entry template and
icons, and two tiny shell programs in place of the PyInstaller ones, so the scripts
can be tested in a second; tests/installer/test_bundle.py does the same with the real
bundle.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
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
