"""THIRD-PARTY-NOTICES of a built bundle: its shared libraries no Python distribution
brought, each named by the Debian package that installed it (``dpkg -S``) with that
package's ``copyright`` file (installer/notices.py ``--bundle``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from notice_texts import DEBIAN_DOC, Notice, first_text

SHARED_LIBRARY = re.compile(r"\.(so(\.\d+)*|dylib|dll|pyd)$")


def shared_libraries(bundle: Path) -> list[Path]:
    """Every shared library (and extension module) inside a built bundle."""
    return sorted(
        path
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink() and SHARED_LIBRARY.search(path.name)
    )


def _by_distribution(closure: dict[str, metadata.Distribution]) -> tuple[set[str], set[str]]:
    paths: set[str] = set()
    names: set[str] = set()
    for dist in closure.values():
        for file in dist.files or ():
            paths.add(file.as_posix())
            names.add(file.name)
    return paths, names


def debian_packages(names: Iterable[str]) -> dict[str, str]:
    """{file name: the Debian package that installed it}, as ``dpkg -S`` says."""
    wanted = sorted(set(names))
    if not wanted or shutil.which("dpkg") is None:
        return {}
    done = subprocess.run(
        ["dpkg", "-S", *(f"*/{name}" for name in wanted)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        packages, sep, path = line.partition(": ")
        name = Path(path.strip()).name
        if sep and name in wanted and "diversion" not in packages:
            choices = [p.strip().split(":")[0] for p in packages.split(",")]
            best = sorted(choices, key=lambda p: (p.endswith("-dev"), p))[0]
            if name not in found or found[name].endswith("-dev"):
                found[name] = best
    return found


def _dpkg_field(package: str, field: str) -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f", f"${{{field}}}", package],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.stdout.strip() or "-"


def library_notices(
    bundle: Path, closure: dict[str, metadata.Distribution]
) -> tuple[list[Notice], list[str]]:
    """Entries for the bundle's libraries no distribution brought; and those of unknown origin."""
    paths, names = _by_distribution(closure)
    leftover: dict[str, list[str]] = {}
    for path in shared_libraries(bundle):
        parts = path.relative_to(bundle).parts
        inner = "/".join(parts[1:]) if len(parts) > 1 else parts[0]
        if inner in paths or path.name in names:
            continue
        if "lib-dynload" in parts or path.name.startswith("libpython"):
            continue  # Python's own: the "python" entry
        leftover.setdefault(path.name, []).append(str(path.relative_to(bundle)))
    owners = debian_packages(leftover)
    by_package: dict[str, list[str]] = {}
    for name, package in owners.items():
        by_package.setdefault(package, []).append(name)
    notices = []
    for package, files in sorted(by_package.items()):
        source = (
            f"{_dpkg_field(package, 'source:Package')} {_dpkg_field(package, 'source:Version')}"
        )
        origin = f"Debian package {package} (source {source}), files: {', '.join(sorted(files))}"
        texts = first_text(DEBIAN_DOC / package / "copyright")
        notices.append(Notice(package, _dpkg_field(package, "Version"), "see its copyright file",
                              origin, texts))  # fmt: skip
    unknown = sorted(f for name, files in leftover.items() if name not in owners for f in files)
    return notices, unknown
