"""One version for the three programs: metadata, else pyproject; BUILD-INFO in a bundle; git."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from danvan_desktop import app
from danvan_desktop import cli as desktop_cli
from danvan_desktop.core import build_info
from danvan_desktop.core.build_info import BuildInfo
from danvan_server import cli as server_cli

ROOT = Path(__file__).resolve().parents[1]
with (ROOT / "pyproject.toml").open("rb") as _fh:
    VERSION = tomllib.load(_fh)["project"]["version"]


def _git_head() -> tuple[str, str]:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cs"],
        capture_output=True,
        text=True,
        check=True,
    )
    commit, date = done.stdout.split()
    return commit, date


def test_installed_version_is_pyprojects() -> None:
    """The installed distribution's metadata gives the version pyproject.toml declares."""
    assert build_info.installed_version() == VERSION


def test_uninstalled_checkout_falls_back_to_pyproject() -> None:
    """Without installed metadata the version comes from the checkout's pyproject.toml."""
    info = build_info.resolve(bundle=None, distribution="no-such-distribution-here")
    assert info.version == VERSION


def test_unknown_when_neither_is_there(tmp_path: Path) -> None:
    """No metadata, no pyproject, no git: «0+unknown», and no error."""
    info = build_info.resolve(bundle=None, distribution="no-such-distribution-here", root=tmp_path)
    assert info == BuildInfo("0+unknown")


def test_checkout_shows_its_git_commit() -> None:
    """From the source checkout the build is the current commit and its date."""
    commit, date = _git_head()
    assert build_info.resolve(bundle=None) == BuildInfo(VERSION, commit, date)


def test_no_git_program_means_no_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where git is not installed the version still shows, without a commit."""
    monkeypatch.setenv("PATH", "")
    assert build_info.git_commit(ROOT) is None
    assert build_info.resolve(bundle=None) == BuildInfo(VERSION)


def test_bundle_reads_build_info(tmp_path: Path) -> None:
    """A frozen program takes version, commit and date from the BUILD-INFO beside it."""
    text = "version=1.2.3\narch=x86_64\nglibc=2.36\ncommit=abc1234\ndate=2026-12-06\n"
    (tmp_path / "BUILD-INFO").write_text(text, encoding="utf-8")
    assert build_info.resolve(bundle=tmp_path) == BuildInfo("1.2.3", "abc1234", "2026-12-06")


def test_bundle_without_build_info_is_unknown(tmp_path: Path) -> None:
    """A bundle missing its BUILD-INFO says «0+unknown» rather than failing."""
    assert build_info.resolve(bundle=tmp_path) == BuildInfo("0+unknown")


def test_version_line_formats() -> None:
    """The line is the program, the version, then commit and date when known."""
    info = BuildInfo("0.1.0", "1c0e093", "2026-12-06")
    assert build_info.version_line("danvan", info) == "danvan 0.1.0 (1c0e093, 2026-12-06)"
    assert build_info.version_line("danvan", BuildInfo("0.1.0")) == "danvan 0.1.0"


@pytest.mark.parametrize(
    "parser,program",
    [
        (desktop_cli.build_parser, "danvan"),
        (app.build_parser, "danvan-desktop"),
        (server_cli._parser, "danvan-server"),
    ],
)
def test_each_program_prints_its_version(
    parser: object, program: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--version`` prints «PROGRAM VERSION (COMMIT, DATE)» and exits 0, without a command."""
    commit, date = _git_head()
    with pytest.raises(SystemExit) as leaving:
        parser().parse_args(["--version"])  # type: ignore[operator]
    assert leaving.value.code == 0
    assert capsys.readouterr().out == f"{program} {VERSION} ({commit}, {date})\n"


def test_danvan_version_from_the_command_line() -> None:
    """The installed ``danvan`` command answers --version in a child process."""
    done = subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"danvan {VERSION}")


def test_bundle_build_info_round_trip(tmp_path: Path) -> None:
    """What installer/build.py records in BUILD-INFO is what a frozen program shows."""
    sys.path.insert(0, str(ROOT / "installer"))
    import build

    build.write_build_info(tmp_path, "0.2.0", "x86_64", "2.36", commit="abc1234", date="2026-12-07")
    assert build_info.resolve(bundle=tmp_path) == BuildInfo("0.2.0", "abc1234", "2026-12-07")
