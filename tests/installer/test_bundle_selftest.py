"""The installed Linux bundle checks itself: both programs run their ``--self-test``.

Opt-in like tests/installer/test_bundle.py (CI sets DANVAN_TEST_BUNDLE=1 in
scripts/test.sh). The package is the one test_bundle.py built in this pytest run
when there is one (it runs first), else ``DANVAN_BUNDLE_PACKAGE`` (a built
``danvan-desktop-*-linux-*.tar.gz``), else a fresh build with installer/build.py.
It is unpacked and installed with install.sh into a temporary home, and both
installed programs run their self-test with a plain user's environment and no
display: every document written and read back with what the bundle carries, the
fonts and translations loaded, the window painted offscreen.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from linux_package import run_script, user_env

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_GLOB = "danvan-desktop-*-linux-*.tar.gz"
TIMEOUT_S = 300

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DANVAN_TEST_BUNDLE") != "1",
        reason="needs the PyInstaller bundle: set DANVAN_TEST_BUNDLE=1 to run",
    ),
]


def _built_in_this_run(factory: pytest.TempPathFactory) -> Path | None:
    """The package test_bundle.py built into this run's temporary folders, if it did."""
    found = sorted(factory.getbasetemp().glob(f"dist*/{PACKAGE_GLOB}"))
    return found[-1] if found else None


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built Linux package: this run's, the one named by DANVAN_BUNDLE_PACKAGE, or a new one."""
    given = os.environ.get("DANVAN_BUNDLE_PACKAGE")
    if given:
        return Path(given)
    built = _built_in_this_run(tmp_path_factory)
    if built is not None:
        return built
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: .venv/bin/pip install -e '.[build]'")
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")
    command = [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(dist)]
    subprocess.run([*command, "--work", str(work)], check=True, timeout=1800)
    (tarball,) = dist.glob(PACKAGE_GLOB)
    return tarball


@pytest.fixture(scope="module")
def home(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home folder the package was unpacked and installed into with install.sh."""
    folder = tmp_path_factory.mktemp("selftest-unpacked")
    subprocess.run(["tar", "-xzf", str(package), "-C", str(folder)], check=True)
    (top,) = folder.iterdir()
    home = tmp_path_factory.mktemp("selftest-home")
    result = run_script(top / "install.sh", user_env(home))
    assert result.returncode == 0, result.stderr
    return home


def _self_test(home: Path, program: str) -> subprocess.CompletedProcess[str]:
    """Run ``~/.local/bin/<program> --self-test`` as a user without a display would."""
    runtime = home / ".runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    user_data = home / "user data"
    env = user_env(home, XDG_RUNTIME_DIR=str(runtime), DANVAN_DATA_DIR=str(user_data))
    return subprocess.run(
        [str(home / ".local" / "bin" / program), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def _errors(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("LỖI ")]


def test_installed_window_program_passes_its_self_test(home: Path) -> None:
    """``danvan-desktop --self-test``: documents, fonts, translations and the painted window."""
    done = _self_test(home, "danvan-desktop")
    lines = done.stdout.splitlines()
    assert (done.returncode, _errors(done.stdout)) == (0, []), done.stdout + done.stderr
    assert "OK cửa sổ chính: đã mở và vẽ xong danh sách mô hình (offscreen)" in lines
    assert lines[-1] == f"Tự kiểm tra: {len(lines) - 1} mục đều tốt."
    assert not (home / "user data").exists()


def test_installed_commands_pass_their_self_test(home: Path) -> None:
    """``danvan --self-test``: every document written and read back; the window painted
    offscreen, or skipped where the commands' program carries no Qt (Windows)."""
    done = _self_test(home, "danvan")
    lines = done.stdout.splitlines()
    assert (done.returncode, _errors(done.stdout)) == (0, []), done.stdout + done.stderr
    window = ("OK cửa sổ chính: ", "BỎ QUA cửa sổ: ")
    assert any(line.startswith(window) for line in lines), done.stdout
    assert lines[-1] == f"Tự kiểm tra: {len(lines) - 1} mục đều tốt."
