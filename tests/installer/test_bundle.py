"""The real thing: build the bundle with PyInstaller, pack it, install it, run it.

Opt-in (it builds for about a minute and copies 200 MB):

    DANVAN_TEST_BUNDLE=1 .venv/bin/python -m pytest tests/installer/test_bundle.py

Needs PyInstaller (``pip install -e '.[build]'``) and, on Debian, desktop-file-utils,
xvfb (X11 run) and libglib2.0-bin (gio, the menu-entry launch); a missing tool skips
only its test. Installs with HOME set to a temporary folder, as a user would, with
the unpacked tar.gz's install.sh.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from linux_package import APP_ID, built_package, data_home, run_script, tool, user_env

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_contents  # noqa: E402
import shared_libraries  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DANVAN_TEST_BUNDLE") != "1",
        reason="builds the PyInstaller bundle: set DANVAN_TEST_BUNDLE=1 to run",
    ),
]
PHU_XUAN = "19768"
# What in a program's error output means a resource or module did not make it in.
PROBLEM = re.compile(
    r"Traceback|Error|No such file|not found|[Cc]ould not|[Cc]annot|[Mm]issing|[Ff]ailed"
)
GUI_SECONDS = "4000"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tar.gz that installer/build.py makes from a fresh PyInstaller build."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: .venv/bin/pip install -e '.[build]'")
    return built_package(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work"))


@pytest.fixture(scope="module")
def unpacked(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package unpacked with tar, as a team leader would."""
    folder = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["tar", "-xzf", str(package), "-C", str(folder)], check=True)
    (top,) = folder.iterdir()
    return top


def _install(unpacked: Path, home: Path) -> Path:
    result = run_script(unpacked / "install.sh", user_env(home))
    assert result.returncode == 0, result.stderr
    return home


@pytest.fixture(scope="module")
def home(unpacked: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home folder the package was installed into with install.sh."""
    return _install(unpacked, tmp_path_factory.mktemp("home"))


def _env(home: Path, **extra: str) -> dict[str, str]:
    runtime = home / ".runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return user_env(home, XDG_RUNTIME_DIR=str(runtime), **extra)


def run_installed(
    home: Path, program: str, *args: str, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ~/.local/bin/<program> (the installed link) with a user's environment."""
    return subprocess.run(
        [str(home / ".local" / "bin" / program), *args],
        env=_env(home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _init_team(home: Path, data_dir: Path) -> None:
    result = run_installed(
        home, "danvan", "--data-dir", str(data_dir), "init", "--commune", PHU_XUAN,
        "--village", "Tổ dân phố 5", "--team", "Tổ dân vận tổ dân phố 5",
        "--leader", "Nguyễn Văn An",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def team_dir(home: Path) -> Path:
    """A data folder initialised by the installed ``danvan init``."""
    data_dir = home / "team data"
    _init_team(home, data_dir)
    return data_dir


def _assert_clean_run(result: subprocess.CompletedProcess[str], data_dir: Path) -> None:
    """Exit 0, nothing alarming on stderr, no warning or error in the GUI log."""
    assert result.returncode == 0, result.stderr
    assert not PROBLEM.search(result.stderr), result.stderr
    log = data_dir / "logs" / "gui.log"
    logged = log.read_text(encoding="utf-8") if log.exists() else ""
    assert " WARNING " not in logged and " ERROR " not in logged, logged


def test_installed_bundle_is_complete_and_lean(home: Path) -> None:
    """Every resource, migration and data file is in; server, Tk and unused Qt are out."""
    app = data_home(home) / "danvan-desktop-app" / "current"
    assert bundle_contents.describe_problems(app) == []


def _contents(home: Path) -> Path:
    return data_home(home) / "danvan-desktop-app" / "current" / bundle_contents.CONTENTS_DIR


def test_system_libraries_are_left_to_the_system(home: Path) -> None:
    """No libstdc++, glib, fontconfig, D-Bus, Kerberos or OpenSSL of the build machine."""
    assert bundle_contents.system_libraries_in(_contents(home)) == []


def test_no_library_is_left_that_nothing_needs(home: Path) -> None:
    """The GTK theme's and EGLFS' libraries went with their plugins; no link points nowhere."""
    contents = _contents(home)
    assert shared_libraries.unneeded_libraries(contents, bundle_contents.SYSTEM_LIBRARIES) == []
    assert bundle_contents.broken_links(contents) == []
    assert not (contents / "libQt6EglFSDeviceIntegration.so.6").exists()


def test_modules_nobody_imports_are_left_out(home: Path) -> None:
    """Pillow's AVIF, lxml.objectify, setuptools and readline are not in the bundle."""
    assert bundle_contents.unused_module_files(_contents(home)) == []
    assert not list(_contents(home).glob("pillow.libs/libavif*"))


def test_bundled_libraries_are_stripped(home: Path) -> None:
    """libpython, Qt and the extension modules carry no symbol table (strip ran)."""
    contents = _contents(home)
    for name in ("libpython3.11.so.1.0", "PySide6/QtCore.abi3.so", "lxml/etree"):
        (path,) = [p for p in contents.glob(name + "*") if not p.is_symlink()]
        assert shared_libraries.is_stripped(path), name


def test_our_code_is_a_folder_of_its_own_outside_the_archive(home: Path) -> None:
    """danvan_desktop is compiled into its own folder; the program's archive holds none of it."""
    from PyInstaller.archive.readers import CArchiveReader

    app = data_home(home) / "danvan-desktop-app" / "current"
    assert (_contents(home) / "danvan_desktop" / "session" / "facade.pyc").is_file()
    archive = CArchiveReader(str(app / bundle_contents.DESKTOP_PROGRAM))
    modules = archive.open_embedded_archive("PYZ.pyz").toc
    assert [name for name in modules if name.startswith("danvan_desktop")] == []
    assert "sqlite_utils" in modules


def test_commands_and_window_share_one_program_file(home: Path) -> None:
    """danvan is a link to danvan-desktop: the Python archive is shipped once."""
    app = data_home(home) / "danvan-desktop-app" / "current"
    assert os.readlink(app / bundle_contents.CLI_PROGRAM) == bundle_contents.DESKTOP_PROGRAM


def test_programs_run_python_in_utf8_mode(home: Path) -> None:
    """Both programs carry the "X utf8" interpreter option (Vietnamese in redirected output)."""
    app = data_home(home) / "danvan-desktop-app" / "current"
    for name in (bundle_contents.DESKTOP_PROGRAM, bundle_contents.CLI_PROGRAM):
        assert b"X utf8\x00" in (app / name).read_bytes(), name


def test_installed_menu_entry_validates(home: Path) -> None:
    """desktop-file-validate accepts the entry install.sh wrote."""
    validator = tool("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is missing: apt-get install desktop-file-utils")
    entry = data_home(home) / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_cli_checks_an_initialised_store(home: Path, team_dir: Path) -> None:
    """``danvan check`` on the store ``danvan init`` made: sound, in both languages."""
    result = run_installed(home, "danvan", "--data-dir", str(team_dir), "check")
    assert (result.returncode, result.stdout) == (0, "Dữ liệu tốt (quick_check).\n")
    english = run_installed(home, "danvan", "--data-dir", str(team_dir), "--lang", "en", "check")
    assert english.stdout == "Data is sound (quick_check).\n"


def test_cli_lists_the_communes_of_hue(home: Path) -> None:
    """The vietnam-provinces tables made it into the bundle."""
    result = run_installed(home, "danvan", "communes")
    assert result.returncode == 0, result.stderr
    assert f"{PHU_XUAN}\tPhường Phú Xuân\n" in result.stdout


def test_cli_searches_the_bundled_handbook(home: Path, team_dir: Path) -> None:
    """The handbook resources were loaded at init and are searchable without diacritics."""
    result = run_installed(home, "danvan", "--data-dir", str(team_dir), "search", "quy che")
    assert result.returncode == 0, result.stderr
    assert "handbook_doc" in result.stdout


@pytest.mark.parametrize("kind,fmt", [
    ("regulation", "docx"), ("regulation", "pdf"),
    ("periodic-report", "docx"), ("periodic-report", "pdf"), ("periodic-report", "xlsx"),
])  # fmt: skip
def test_cli_exports_each_format(
    home: Path, team_dir: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    """Reports render with the bundled fonts, templates and presets (python-docx, fpdf2)."""
    period = ["--period", "year", "--year", "2026"] if kind == "periodic-report" else []
    result = run_installed(
        home, "danvan", "--data-dir", str(team_dir), "export", kind, *period,
        "--format", fmt, "--to", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (written,) = tmp_path.glob(f"*.{fmt}")
    if fmt == "pdf":
        assert written.read_bytes().startswith(b"%PDF-")
    else:
        assert zipfile.is_zipfile(written)


def test_gui_opens_the_main_window_and_reports_ready(home: Path, team_dir: Path) -> None:
    """Offscreen, the installed window paints the model list, says so, and quits cleanly."""
    result = run_installed(
        home, "danvan-desktop", "--data-dir", str(team_dir), "--page", "models",
        "--report-ready", "--quit-when-ready", QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    _assert_clean_run(result, team_dir)
    assert result.stdout.startswith("DANVAN_READY ")


def test_gui_runs_a_few_seconds_on_a_team(home: Path, team_dir: Path) -> None:
    """Main window up for a few seconds (offscreen), then DANVAN_EXIT_AFTER_MS ends it: exit 0."""
    result = run_installed(
        home, "danvan-desktop", "--data-dir", str(team_dir),
        QT_QPA_PLATFORM="offscreen", DANVAN_EXIT_AFTER_MS=GUI_SECONDS,
    )  # fmt: skip
    _assert_clean_run(result, team_dir)


def test_gui_first_run_wizard_on_an_empty_folder(home: Path) -> None:
    """The first-run wizard (province and commune pickers) opens and closes cleanly."""
    data_dir = home / "new team"
    result = run_installed(
        home, "danvan-desktop", "--data-dir", str(data_dir),
        QT_QPA_PLATFORM="offscreen", DANVAN_EXIT_AFTER_MS=GUI_SECONDS,
    )  # fmt: skip
    _assert_clean_run(result, data_dir)


def test_gui_runs_on_x11(home: Path, team_dir: Path) -> None:
    """Under a real X server (Xvfb), the bundled xcb plugin and its libraries load."""
    xvfb_run = tool("xvfb-run")
    if xvfb_run is None or tool("xauth") is None:  # xvfb-run needs xauth (only recommended)
        pytest.skip("xvfb-run or xauth is missing: apt-get install xvfb xauth")
    program = home / ".local" / "bin" / "danvan-desktop"
    result = subprocess.run(
        [xvfb_run, "-a", str(program), "--data-dir", str(team_dir)],
        env=_env(home, DANVAN_EXIT_AFTER_MS=GUI_SECONDS),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    _assert_clean_run(result, team_dir)


def test_menu_entry_launches_the_installed_program(home: Path) -> None:
    """GLib's launcher starts the program named in the installed entry (it makes a store)."""
    gio = tool("gio")
    if gio is None:
        pytest.skip("gio is missing: apt-get install libglib2.0-bin")
    data_dir = home / "from the menu"
    entry = data_home(home) / "applications" / f"{APP_ID}.desktop"
    env = _env(home, QT_QPA_PLATFORM="offscreen", DANVAN_EXIT_AFTER_MS="1500",
               DANVAN_DATA_DIR=str(data_dir))  # fmt: skip
    subprocess.run([gio, "launch", str(entry)], env=env, check=True, timeout=30)
    deadline = time.monotonic() + 30
    while not (data_dir / "danvan.sqlite3").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (data_dir / "danvan.sqlite3").exists()


def test_uninstall_keeps_the_data(unpacked: Path, tmp_path: Path) -> None:
    """After uninstall.sh the program is gone and the team's store is still there."""
    home = _install(unpacked, tmp_path / "home")
    data_dir = data_home(home) / "danvan-desktop"  # the default data folder
    _init_team(home, data_dir)
    app = data_home(home) / "danvan-desktop-app"
    result = run_script(app / "uninstall.sh", user_env(home))
    assert result.returncode == 0, result.stderr
    assert not app.exists()
    assert (data_dir / "danvan.sqlite3").stat().st_size > 0
