"""Which build this is: the version, and the commit and date it was built from.

One source of truth for the version: the installed distribution's metadata
(``importlib.metadata``), else ``pyproject.toml`` when the code runs from a source
checkout that was never installed. A PyInstaller bundle carries no distribution
metadata; installer/build.py writes ``BUILD-INFO`` (``key=value`` lines: version,
commit, date, arch, glibc) next to the programs, and a frozen program reads it there.
From a source checkout the commit and its date come from git when git is there; a
machine without git (or a wheel installed in site-packages) simply has no commit.

``--version`` of the three programs (``danvan``, ``danvan-desktop``, ``danvan-server``)
prints :func:`version_line`. It is computed only when asked: finding the version
imports ``importlib.metadata`` and may run git, which no start of the window should
pay for. Standard library only (the server shares it).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.paths import resources_dir

DISTRIBUTION = "danvan-desktop"
BUILD_INFO_NAME = "BUILD-INFO"
# installer/notices.py writes it into the resources (the wheel) and into a bundle's.
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
UNKNOWN_VERSION = "0+unknown"
GIT_TIMEOUT_S = 5.0
# src/danvan_desktop/core/build_info.py -> the checkout holding pyproject.toml
SOURCE_ROOT = Path(__file__).resolve().parents[3]


class BuildInfo(NamedTuple):
    """The version, and the commit and date of the build (``None`` when unknown)."""

    version: str
    commit: str | None = None
    date: str | None = None


def parse_build_info(text: str) -> dict[str, str]:
    """The ``key=value`` lines of a BUILD-INFO file (other lines are ignored)."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip():
            values[key.strip()] = value.strip()
    return values


def read_build_file(folder: Path) -> dict[str, str] | None:
    """BUILD-INFO of a bundle folder, or ``None`` when there is none (or it is unreadable)."""
    try:
        text = (folder / BUILD_INFO_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_build_info(text)


def bundle_folder() -> Path | None:
    """The folder of a frozen (PyInstaller) program, where BUILD-INFO lives; else ``None``."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def installed_version(distribution: str = DISTRIBUTION) -> str | None:
    """The version of the installed distribution, or ``None`` when it is not installed."""
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def pyproject_version(root: Path = SOURCE_ROOT) -> str | None:
    """``[project] version`` of the checkout's pyproject.toml, when this is our checkout."""
    import tomllib

    try:
        with (root / "pyproject.toml").open("rb") as fh:
            project = tomllib.load(fh).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != DISTRIBUTION or not project.get("version"):
        return None
    return str(project["version"])


def git_commit(root: Path = SOURCE_ROOT) -> tuple[str, str] | None:
    """(short commit, its date YYYY-MM-DD) of the checkout at ``root``; ``None`` without git.

    A source checkout only: ``root`` must hold ``.git`` itself, so an installed copy
    inside some other repository never reports that repository's commit.
    """
    import subprocess

    if not (root / ".git").exists():
        return None
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h %cs"],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    parts = done.stdout.split()
    if done.returncode != 0 or len(parts) != 2:
        return None
    return parts[0], parts[1]


def resolve(
    *,
    bundle: Path | None,
    distribution: str = DISTRIBUTION,
    root: Path = SOURCE_ROOT,
) -> BuildInfo:
    """The build of a program frozen in ``bundle`` (or running unfrozen when ``None``)."""
    if bundle is not None:
        recorded = read_build_file(bundle) or {}
        return BuildInfo(
            recorded.get("version") or UNKNOWN_VERSION,
            recorded.get("commit") or None,
            recorded.get("date") or None,
        )
    version = installed_version(distribution) or pyproject_version(root) or UNKNOWN_VERSION
    found = git_commit(root)
    if found is None:
        return BuildInfo(version)
    return BuildInfo(version, *found)


@functools.cache
def current() -> BuildInfo:
    """This program's build (computed once)."""
    return resolve(bundle=bundle_folder())


def notices_path() -> Path:
    """The third-party notices the application ships (installer/notices.py makes them)."""
    return resources_dir() / NOTICES_NAME


def read_notices() -> str | None:
    """The third-party notices' text, or ``None`` when this copy carries none."""
    try:
        return notices_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def describe(info: BuildInfo) -> str:
    """``0.1.0 (1c0e093, 2026-12-06)``: the version, then the commit and date when known."""
    extra = ", ".join(part for part in (info.commit, info.date) if part)
    return f"{info.version} ({extra})" if extra else info.version


def version_line(program: str, info: BuildInfo | None = None) -> str:
    """What ``PROGRAM --version`` prints: ``danvan 0.1.0 (1c0e093, 2026-12-06)``."""
    return f"{program} {describe(info or current())}"


class VersionAction(argparse.Action):
    """``--version``: print :func:`version_line` for the parser's program, then exit 0.

    Unlike argparse's own ``version`` action the line is found only when asked.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", tr("build_info", "in phiên bản của chương trình rồi thoát"))
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        """Print the version line and leave."""
        print(version_line(parser.prog), flush=True)
        parser.exit(0)


def add_version_argument(parser: argparse.ArgumentParser, *, help: str | None = None) -> None:
    """Give ``parser`` a ``--version`` option (help in the user's language unless given)."""
    if help is None:
        parser.add_argument("--version", action=VersionAction)
    else:
        parser.add_argument("--version", action=VersionAction, help=help)
