"""Build N+1 from a built bundle N: one module of our own code changed, the version raised.

Building the PyInstaller bundle twice would take minutes of two shared cores; two real
builds of consecutive versions differ in BUILD-INFO and the ``.pyc`` of the modules that
changed, and nowhere else. ``next_build`` makes that second build from the first: a copy
(links kept), ``_internal/danvan_desktop/<CHANGED_MODULE>.pyc`` changed (the bundle's own
compiled module with its docstring amended, written back with ``marshal`` by this
interpreter, the one the bundle was built with: so N+1's code does not depend on what
the source tree holds now), and BUILD-INFO's version (patch number + 1) and commit
replaced. Used by the end-to-end update test and
bench/update.py.
"""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

CHANGED_MODULE = "core/release"  # under _internal/danvan_desktop/ and src/danvan_desktop/
NEXT_COMMIT = "e2e0001"
PYC_HEADER_BYTES = 16  # magic, flags, and the source's date and size (PEP 552)


def changed_code_path() -> str:
    """The bundle path of the module N+1 changes."""
    return f"_internal/danvan_desktop/{CHANGED_MODULE}.pyc"


def build_version(bundle: Path) -> str:
    """The ``version=`` of a bundle's BUILD-INFO."""
    for line in (bundle / "BUILD-INFO").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    raise ValueError(f"no version in {bundle / 'BUILD-INFO'}")


def next_version(version: str) -> str:
    """The version with its last number raised: ``0.1.0`` -> ``0.1.1``."""
    parts = version.split(".")
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


def change_code(pyc: Path) -> None:
    """Amend the docstring of a compiled module in place (header kept)."""
    data = pyc.read_bytes()
    header, code = data[:PYC_HEADER_BYTES], marshal.loads(data[PYC_HEADER_BYTES:])
    doc = code.co_consts[0]
    if not isinstance(doc, str):
        raise ValueError(f"{pyc} has no module docstring to change")
    consts = (doc + "\n\n(The next build.)\n", *code.co_consts[1:])
    pyc.write_bytes(header + marshal.dumps(code.replace(co_consts=consts)))


def next_build(first: Path, second: Path, commit: str = NEXT_COMMIT) -> str:
    """Copy the bundle ``first`` to ``second`` as the next build; its version."""
    shutil.copytree(first, second, symlinks=True)
    change_code(second / changed_code_path())
    newer = next_version(build_version(first))
    info = second / "BUILD-INFO"
    lines = []
    for line in info.read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            line = f"version={newer}"
        elif line.startswith("commit="):
            line = f"commit={commit}"
        lines.append(line)
    info.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return newer
