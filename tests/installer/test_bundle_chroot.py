"""The bundle on a newer system: installed and run inside a Debian testing chroot.

The bundle leaves the C++ runtime, glib, fontconfig, D-Bus, Kerberos, OpenSSL and the
graphics stack to the system (installer/bundle_contents.py, SYSTEM_LIBRARIES). Here it
meets a newer system's copies of them: Debian testing, made with debootstrap (minimal,
plus the libraries a desktop has: linux_package.DEBIAN_PACKAGES) and kept as a tarball
in the machine's temp folder for a week (``DANVAN_CHROOT_CACHE`` moves it). Opt-in like
the other bundle tests, and needs root, debootstrap and Debian's mirror:

    DANVAN_TEST_BUNDLE=1 .venv/bin/python -m pytest tests/installer/test_bundle_chroot.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from linux_package import built_package, debian_testing_tarball

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DANVAN_TEST_BUNDLE") != "1",
        reason="builds the PyInstaller bundle: set DANVAN_TEST_BUNDLE=1 to run",
    ),
    pytest.mark.skipif(os.geteuid() != 0, reason="chroot and mount need root"),
    pytest.mark.skipif(
        shutil.which("debootstrap", path="/usr/sbin:/usr/bin:/sbin:/bin") is None,
        reason="debootstrap is missing: apt-get install debootstrap",
    ),
]
HOME = "/home/team"
PHU_XUAN = "19768"


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Debian testing unpacked from the cached tarball, with /proc and /dev mounted."""
    root = tmp_path_factory.mktemp("debian-testing")
    subprocess.run(["tar", "-C", str(root), "-xf", str(debian_testing_tarball())], check=True)
    (root / HOME.lstrip("/")).mkdir(parents=True, exist_ok=True)
    mounted = []
    try:
        for args, target in ((["-t", "proc", "proc"], "proc"), (["--bind", "/dev"], "dev")):
            subprocess.run(["mount", *args, str(root / target)], check=True)
            mounted.append(root / target)
        yield root
    finally:
        for target in reversed(mounted):
            subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture(scope="module")
def installed(system: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package unpacked in the chroot and installed there with its install.sh."""
    package = built_package(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work"))
    subprocess.run(["tar", "-C", str(system / "opt"), "-xzf", str(package)], check=True)
    (unpacked,) = (system / "opt").glob("danvan-desktop-*")
    result = inside(system, "sh", f"/opt/{unpacked.name}/install.sh")
    assert result.returncode == 0, result.stderr
    return system


def inside(root: Path, *command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in the chroot with a plain user's environment (as root)."""
    base = {"HOME": HOME, "LANG": "C.UTF-8", "PATH": f"{HOME}/.local/bin:/usr/bin:/bin"}
    pairs = [f"{key}={value}" for key, value in {**base, **env}.items()]
    return subprocess.run(
        ["chroot", str(root), "/usr/bin/env", "-i", *pairs, *command],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_the_chroot_has_a_newer_cxx_runtime_than_this_machine(system: Path) -> None:
    """The system inside is newer: its libstdc++ is not the one of the build machine."""
    lib = "usr/lib/x86_64-linux-gnu/libstdc++.so.6"
    inside_target = os.path.realpath(system / lib).rsplit("/", 1)[-1]
    here_target = os.path.realpath(Path("/") / lib).rsplit("/", 1)[-1]
    assert inside_target != here_target


def test_commands_run_on_the_newer_system(installed: Path) -> None:
    """``danvan --help`` of the installed bundle runs with the newer system's libraries."""
    result = inside(installed, "danvan", "--help")
    assert (result.returncode, result.stderr) == (0, "")


def test_window_paints_on_the_newer_system(installed: Path) -> None:
    """The window opens offscreen on a team made by ``danvan init`` and reports its paint."""
    data = f"{HOME}/team data"
    made = inside(
        installed, "danvan", "--data-dir", data, "init", "--commune", PHU_XUAN,
        "--village", "Tổ dân phố 5", "--team", "Tổ dân vận tổ dân phố 5",
        "--leader", "Nguyễn Văn An",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    result = inside(
        installed, "danvan-desktop", "--data-dir", data, "--page", "models",
        "--report-ready", "--quit-when-ready", QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("DANVAN_READY ")


def test_self_test_passes_on_the_newer_system(installed: Path) -> None:
    """``danvan-desktop --self-test`` (store, every document, window, fonts) exits 0."""
    result = inside(installed, "danvan-desktop", "--self-test", QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stdout + result.stderr
