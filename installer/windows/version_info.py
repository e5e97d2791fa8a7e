"""The Windows version resource of the two programs, as PyInstaller's version file.

Explorer (Properties, Details), the Task Manager, Settings and antivirus programs read a
program's version resource: the product "Dân vận khéo", the release's version, what the
file is. PyInstaller embeds it from a text file holding a ``VSVersionInfo(...)``
expression (``EXE(version=...)`` in installer/danvan.spec, on Windows only). This module
writes that text from pyproject.toml's version, with the same four-number version that
installer/build.py gives Inno Setup, so the programs, the setup and the release agree.

    python installer/windows/version_info.py OUT_DIR    # OUT_DIR/<program>-version.txt

``tests/installer/test_windows_build.py`` parses the written file with PyInstaller's own
``PyInstaller.utils.win32.versioninfo`` and checks the version it carries.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

INSTALLER = Path(__file__).resolve().parents[1]
PRODUCT = "Dân vận khéo"
COMPANY = "Dân vận khéo Desktop"  # AppPublisher in danvan.iss
COPYRIGHT = "Phần mềm tự do theo giấy phép GPL-3.0-or-later"
# What each program is, as Explorer's "File description" shows it.
DESCRIPTIONS = {
    "danvan-desktop": "Dân vận khéo",
    "danvan": "Dân vận khéo - dòng lệnh",
}
LANGUAGE_ID = 0x042A  # Vietnamese (Vietnam)
CODE_PAGE = 1200  # Unicode: the strings are stored as UTF-16, Vietnamese letters included
VOS_NT_WINDOWS32 = 0x40004
VFT_APP = 0x1


def _installer_module(name: str) -> ModuleType:
    """installer/<name>.py, loaded by its path ("build" alone could be PyPA's build)."""
    qualified = f"danvan_installer_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, INSTALLER / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load installer/{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    sys.path.insert(0, str(INSTALLER))  # build.py imports bundle_contents beside it
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(INSTALLER))
    return module


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows stores, as build.py computes them for Inno Setup."""
    numeric: str = _installer_module("build").numeric_version(version)
    first, second, third, fourth = (int(part) for part in numeric.split("."))
    return first, second, third, fourth


def project_version() -> str:
    """The release's version (pyproject.toml)."""
    return str(_installer_module("build").project_version())


def version_info_text(program: str, version: str) -> str:
    """The ``VSVersionInfo(...)`` text of one program (danvan-desktop or danvan)."""
    numbers = version_numbers(version)
    table = f"{LANGUAGE_ID:04X}{CODE_PAGE:04X}"
    strings = [
        ("CompanyName", COMPANY),
        ("FileDescription", DESCRIPTIONS[program]),
        ("FileVersion", version),
        ("InternalName", program),
        ("LegalCopyright", COPYRIGHT),
        ("OriginalFilename", f"{program}.exe"),
        ("ProductName", PRODUCT),
        ("ProductVersion", version),
    ]
    string_lines = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings
    )
    return (
        "# UTF-8\n"
        f"# Written by installer/windows/version_info.py for {program}.exe {version}.\n"
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers!r},\n"
        f"    prodvers={numbers!r},\n"
        "    mask=0x3f,\n"
        "    flags=0x0,\n"
        f"    OS={VOS_NT_WINDOWS32:#x},\n"
        f"    fileType={VFT_APP:#x},\n"
        "    subtype=0x0,\n"
        "    date=(0, 0),\n"
        "  ),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        f"      StringTable({table!r}, [\n"
        f"{string_lines},\n"
        "      ]),\n"
        "    ]),\n"
        f"    VarFileInfo([VarStruct('Translation', [{LANGUAGE_ID:#06x}, {CODE_PAGE}])]),\n"
        "  ],\n"
        ")\n"
    )


def write_version_file(program: str, out_dir: Path, version: str | None = None) -> str:
    """Write ``out_dir/<program>-version.txt`` (UTF-8); returns its path for EXE(version=)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{program}-version.txt"
    text = version_info_text(program, version or project_version())
    path.write_text(text, encoding="utf-8", newline="\n")
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Write both programs' version files into the folder given."""
    parser = argparse.ArgumentParser(description="Write the Windows version resources.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--version", help="default: pyproject.toml's version")
    args = parser.parse_args(argv)
    for program in DESCRIPTIONS:
        print(write_version_file(program, args.out_dir, args.version))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
