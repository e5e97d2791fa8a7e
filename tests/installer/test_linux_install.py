"""installer/linux/install.sh and uninstall.sh, run for real on a package with fake programs."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from linux_package import (
    APP_ID,
    ICON_SIZES,
    LINUX,
    data_home,
    is_executable,
    make_fake_package,
    run_script,
    tool,
    user_env,
)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """An unpacked fake package."""
    return make_fake_package(tmp_path / "package")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty home folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def _install(package: Path, home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    result = run_script(package / "install.sh", user_env(home, **extra))
    assert result.returncode == 0, result.stderr
    return result


def test_program_gets_a_folder_of_its_own(package: Path, home: Path) -> None:
    """The program goes to ~/.local/share/danvan-desktop-app; the data folder is not made."""
    _install(package, home)
    app = data_home(home) / "danvan-desktop-app"
    assert is_executable(app / "current" / "danvan-desktop")
    assert is_executable(app / "current" / "danvan")
    assert is_executable(app / "uninstall.sh")
    assert (app / "current" / "BUILD-INFO").read_text(encoding="utf-8") == "version=0.1.0\n"
    assert not (data_home(home) / "danvan-desktop").exists()


def test_program_goes_into_a_folder_of_its_version(package: Path, home: Path) -> None:
    """The bundle lands in versions/<version>/ and `current` is a relative link to it."""
    _install(package, home)
    app = data_home(home) / "danvan-desktop-app"
    assert os.readlink(app / "current") == "versions/0.1.0"
    assert is_executable(app / "versions" / "0.1.0" / "danvan-desktop")
    assert sorted(p.name for p in app.iterdir()) == ["current", "uninstall.sh", "versions"]


def test_a_newer_version_replaces_the_older_one(tmp_path: Path, home: Path) -> None:
    """Installing 0.2.0 over 0.1.0 switches `current` and removes the 0.1.0 folder."""
    _install(make_fake_package(tmp_path / "old"), home)
    _install(make_fake_package(tmp_path / "new", "version=0.2.0\n"), home)
    app = data_home(home) / "danvan-desktop-app"
    assert os.readlink(app / "current") == "versions/0.2.0"
    assert sorted(p.name for p in (app / "versions").iterdir()) == ["0.2.0"]


def _install_folder_layout(package: Path, home: Path) -> Path:
    """What the install.sh before versioned folders left: the bundle straight in the app folder."""
    app = data_home(home) / "danvan-desktop-app"
    shutil.copytree(package / "app", app, symlinks=True)
    shutil.copy(package / "uninstall.sh", app / "uninstall.sh")
    bin_dir = home / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("danvan", "danvan-desktop"):
        (bin_dir / name).symlink_to(app / name)
    (app / "_internal" / "left-over.so").write_text("old", encoding="utf-8")
    return app


def test_upgrade_from_the_folder_layout(tmp_path: Path, home: Path) -> None:
    """An install of the old layout becomes versions/ + current, with no old file left."""
    app = _install_folder_layout(make_fake_package(tmp_path / "old"), home)
    _install(make_fake_package(tmp_path / "new", "version=0.2.0\n"), home)
    assert sorted(p.name for p in app.iterdir()) == ["current", "uninstall.sh", "versions"]
    assert not (app / "current" / "_internal" / "left-over.so").exists()
    assert sorted(p.name for p in data_home(home).iterdir()) == [
        "applications",
        "danvan-desktop-app",
        "icons",
    ]


def test_upgrade_from_the_folder_layout_relinks_the_commands(tmp_path: Path, home: Path) -> None:
    """After the upgrade the command runs the new program through `current`."""
    app = _install_folder_layout(make_fake_package(tmp_path / "old"), home)
    _install(make_fake_package(tmp_path / "new", "version=0.2.0\n"), home)
    link = home / ".local" / "bin" / "danvan"
    assert os.readlink(link) == str(app / "current" / "danvan")
    log = tmp_path / "ran.log"
    subprocess.run([str(link), "sync"], env=user_env(home, DANVAN_FAKE_LOG=str(log)), check=True)
    assert log.read_text(encoding="utf-8") == "danvan sync\n"


def test_install_refuses_a_package_without_a_version(tmp_path: Path, home: Path) -> None:
    """A BUILD-INFO naming no usable version (a folder name) is refused; nothing is written."""
    package = make_fake_package(tmp_path / "package", "version=../x\n")
    result = run_script(package / "install.sh", user_env(home))
    assert result.returncode == 1
    assert "không ghi phiên bản hợp lệ" in result.stderr
    assert not (home / ".local").exists()


def test_xdg_data_home_is_respected(package: Path, home: Path, tmp_path: Path) -> None:
    """With XDG_DATA_HOME set, program, menu entry and icons go there."""
    xdg = tmp_path / "xdg data"
    _install(package, home, XDG_DATA_HOME=str(xdg))
    assert is_executable(xdg / "danvan-desktop-app" / "current" / "danvan-desktop")
    assert (xdg / "applications" / f"{APP_ID}.desktop").is_file()
    assert (xdg / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert not (home / ".local" / "share").exists()


def test_relative_xdg_data_home_is_ignored(package: Path, home: Path) -> None:
    """A relative XDG_DATA_HOME is invalid by the spec: ~/.local/share is used."""
    _install(package, home, XDG_DATA_HOME="relative/path")
    assert is_executable(data_home(home) / "danvan-desktop-app" / "current" / "danvan-desktop")


def test_icons_go_to_the_users_hicolor_theme(package: Path, home: Path) -> None:
    """Every PNG size and the SVG are installed under the desktop entry's icon name."""
    _install(package, home)
    theme = data_home(home) / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert (theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (theme / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_menu_entry_names_the_installed_program(package: Path, home: Path) -> None:
    """The entry's Exec is the quoted absolute path of the program through `current`."""
    _install(package, home)
    entry = (data_home(home) / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    program = data_home(home) / "danvan-desktop-app" / "current" / "danvan-desktop"
    assert f'Exec="{program}"\n' in entry
    assert f"Icon={APP_ID}\n" in entry
    assert "Name=Dân vận khéo\n" in entry


def test_menu_entry_validates(package: Path, home: Path) -> None:
    """desktop-file-validate (Debian: desktop-file-utils) accepts the installed entry."""
    validator = tool("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is missing: apt-get install desktop-file-utils")
    _install(package, home)
    entry = data_home(home) / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_menu_entry_starts_the_program_from_an_awkward_home(tmp_path: Path) -> None:
    """A home with a space, $, quotes and a backslash still launches (GLib's gio launch)."""
    gio = tool("gio")
    if gio is None:
        pytest.skip("gio is missing: apt-get install libglib2.0-bin")
    home = tmp_path / 'Nguyễn "An" $HOME `x` it\'s a\\b'
    home.mkdir()
    package = make_fake_package(tmp_path / "package")
    _install(package, home)
    log = tmp_path / "launched.log"
    entry = data_home(home) / "applications" / f"{APP_ID}.desktop"
    env = user_env(home, DANVAN_FAKE_LOG=str(log))
    subprocess.run([gio, "launch", str(entry)], env=env, check=True, timeout=30)
    deadline = time.monotonic() + 10
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert log.read_text(encoding="utf-8") == "danvan-desktop \n"


def test_percent_in_the_path_is_escaped_and_explained(tmp_path: Path) -> None:
    """A % is written %% as the spec says; GLib cannot launch such a path, so the script warns."""
    home = tmp_path / "100% home"
    home.mkdir()
    result = _install(make_fake_package(tmp_path / "package"), home)
    entry = (data_home(home) / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    program = f"{tmp_path}/100%% home/.local/share/danvan-desktop-app/current/danvan-desktop"
    assert f'Exec="{program}"' in entry
    assert "có dấu %" in result.stdout


def test_commands_are_linked_into_local_bin(package: Path, home: Path, tmp_path: Path) -> None:
    """~/.local/bin/danvan runs the installed program, arguments and all."""
    _install(package, home)
    log = tmp_path / "ran.log"
    link = home / ".local" / "bin" / "danvan"
    assert os.readlink(link) == str(data_home(home) / "danvan-desktop-app" / "current" / "danvan")
    env = user_env(home, DANVAN_FAKE_LOG=str(log))
    subprocess.run([str(link), "check", "--full"], env=env, check=True, timeout=30)
    assert log.read_text(encoding="utf-8") == "danvan check --full\n"
    assert (home / ".local" / "bin" / "danvan-desktop").is_symlink()


def test_a_foreign_file_in_local_bin_is_left_alone(package: Path, home: Path) -> None:
    """An existing ~/.local/bin/danvan that is not our link is kept, with a note."""
    bin_dir = home / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "danvan").write_text("mine\n", encoding="utf-8")
    result = _install(package, home)
    assert (bin_dir / "danvan").read_text(encoding="utf-8") == "mine\n"
    assert f"{bin_dir / 'danvan'} đã có" in result.stdout


def test_missing_path_entry_is_explained(package: Path, home: Path) -> None:
    """When ~/.local/bin is not on PATH, the script says how to reach the command."""
    result = _install(package, home)
    assert "chưa có trong PATH" in result.stdout


def test_reinstall_replaces_the_program_whole(package: Path, home: Path) -> None:
    """A second install leaves no file of the first and no staging folder behind."""
    _install(package, home)
    app = data_home(home) / "danvan-desktop-app"
    (app / "current" / "_internal" / "left-over.so").write_text("old", encoding="utf-8")
    _install(package, home)
    assert not (app / "current" / "_internal" / "left-over.so").exists()
    assert sorted(p.name for p in (app / "versions").iterdir()) == ["0.1.0"]
    assert sorted(p.name for p in data_home(home).iterdir()) == [
        "applications",
        "danvan-desktop-app",
        "icons",
    ]


def test_install_refuses_a_system_older_than_the_build(tmp_path: Path, home: Path) -> None:
    """A bundle needing a newer glibc is refused with a clear message; nothing is written."""
    package = make_fake_package(tmp_path / "package", "version=0.1.0\nglibc=99.0\n")
    result = run_script(package / "install.sh", user_env(home))
    assert result.returncode == 1
    assert "glibc 99.0" in result.stderr
    assert not (home / ".local").exists()


def test_install_accepts_an_older_build_glibc(tmp_path: Path, home: Path) -> None:
    """A bundle built against glibc 2.17 installs on this (newer) system."""
    package = make_fake_package(tmp_path / "package", "version=0.1.0\nglibc=2.17\n")
    _install(package, home)
    assert is_executable(data_home(home) / "danvan-desktop-app" / "current" / "danvan-desktop")


def test_install_refuses_another_architecture(tmp_path: Path, home: Path) -> None:
    """A package built for another processor is refused, naming both architectures."""
    package = make_fake_package(tmp_path / "package", "version=0.1.0\narch=sparc64\n")
    result = run_script(package / "install.sh", user_env(home))
    assert result.returncode == 1
    assert "sparc64" in result.stderr
    assert not (home / ".local").exists()


def test_install_refuses_an_incomplete_package(package: Path, home: Path) -> None:
    """Without app/ beside it (only the script copied out), install.sh stops and says why."""
    (package / "app" / "danvan").unlink()
    result = run_script(package / "install.sh", user_env(home))
    assert result.returncode == 1
    assert "giải nén cả gói" in result.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="sudo leaves SUDO_USER only for root")
def test_install_refuses_sudo(package: Path, home: Path) -> None:
    """Run through sudo, install.sh refuses: files in a home must belong to its user."""
    result = run_script(package / "install.sh", user_env(home, SUDO_USER="an"))
    assert result.returncode == 1
    assert "đừng chạy bằng sudo" in result.stderr


def test_uninstall_keeps_the_teams_data(package: Path, home: Path) -> None:
    """Uninstalling removes program, entry, icons and links, and keeps the data folder."""
    data = data_home(home) / "danvan-desktop"
    data.mkdir(parents=True)
    (data / "danvan.sqlite3").write_bytes(b"the team's work")
    _install(package, home)
    app = data_home(home) / "danvan-desktop-app"
    result = run_script(app / "uninstall.sh", user_env(home))
    assert result.returncode == 0, result.stderr
    assert (data / "danvan.sqlite3").read_bytes() == b"the team's work"
    assert str(data) in result.stdout
    assert not app.exists()
    assert not (data_home(home) / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((data_home(home) / "icons").rglob(f"{APP_ID}.*"))
    assert list((home / ".local" / "bin").iterdir()) == []


def test_uninstall_keeps_links_that_are_not_ours(package: Path, home: Path) -> None:
    """A ~/.local/bin/danvan pointing elsewhere survives the uninstall."""
    _install(package, home)
    link = home / ".local" / "bin" / "danvan"
    link.unlink()
    link.symlink_to("/usr/bin/true")
    run_script(data_home(home) / "danvan-desktop-app" / "uninstall.sh", user_env(home))
    assert os.readlink(link) == "/usr/bin/true"


def test_scripts_pass_shellcheck() -> None:
    """shellcheck (Debian: shellcheck) finds nothing in the POSIX sh scripts."""
    checker = tool("shellcheck")
    if checker is None:
        pytest.skip("shellcheck is missing: apt-get install shellcheck")
    scripts = [str(LINUX / "install.sh"), str(LINUX / "uninstall.sh")]
    result = subprocess.run([checker, "--shell=sh", *scripts], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "")


def test_template_validates() -> None:
    """The template in installer/linux is itself a valid desktop entry."""
    validator = tool("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is missing: apt-get install desktop-file-utils")
    template = LINUX / "danvan-desktop.desktop"
    result = subprocess.run([validator, str(template)], capture_output=True, text=True)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_uninstall_removes_every_version(tmp_path: Path, home: Path) -> None:
    """Versions an update kept and a half-made folder beside the program all go."""
    _install(make_fake_package(tmp_path / "package"), home)
    app = data_home(home) / "danvan-desktop-app"
    (app / "versions" / "0.0.9").mkdir()
    (app.parent / "danvan-desktop-app.new.123").mkdir()
    result = run_script(app / "uninstall.sh", user_env(home))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in data_home(home).iterdir()) == ["applications", "icons"]


def test_uninstall_removes_links_of_the_folder_layout(tmp_path: Path, home: Path) -> None:
    """Links made by the install before versioned folders are ours too, and go."""
    app = _install_folder_layout(make_fake_package(tmp_path / "old"), home)
    run_script(app / "uninstall.sh", user_env(home))
    assert list((home / ".local" / "bin").iterdir()) == []
