"""A small reader of Inno Setup scripts and message files, enough for the installer tests.

Inno Setup cannot run here, so the tests read ``installer/windows/danvan.iss`` and
``Vietnamese.isl`` as text: sections, ``Name=Value`` directives, the
``Param: value; Param: value`` entries of sections such as [Icons] and [Files], and the
routines of the [Code] section. ``DEFAULT_ISL`` is Inno Setup's own English message
file of the pinned version (tests/fixtures/inno), the reference for message names.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "installer" / "windows"
ISS = WINDOWS / "danvan.iss"
VIETNAMESE_ISL = WINDOWS / "Vietnamese.isl"
DEFAULT_ISL = ROOT / "tests" / "fixtures" / "inno" / "Default.isl"
INNO_VERSION = "6.4.1"  # the Inno Setup DEFAULT_ISL comes from, pinned by build.ps1
BOM = "\ufeff"
PLACEHOLDER = re.compile(r"%[1-9]|%n|\[name/ver\]|\[name\]|\[mb\]|\[gb\]")
ROUTINE = re.compile(r"^(?:procedure|function)\s+(\w+)", re.IGNORECASE)
ENTRY_PARAM = re.compile(r'\s*(\w+)\s*:\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')


def read_text(path: Path) -> str:
    """The file as text; it must be UTF-8 (strict) with a BOM, which every Inno Setup 6 reads."""
    raw = path.read_bytes().decode("utf-8")
    if not raw.startswith(BOM):
        raise ValueError(f"{path.name} has no UTF-8 byte order mark")
    return raw[1:]


def sections(text: str) -> dict[str, list[str]]:
    """{section name (lower case): its meaningful lines}, comments and ISPP lines dropped."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    in_code = False
    for line in text.splitlines():
        stripped = line.strip()
        header = re.fullmatch(r"\[(\w+)\]", stripped)
        if header:
            current = header.group(1).lower()
            in_code = current == "code"
            found.setdefault(current, [])
            continue
        if not stripped or (not in_code and stripped.startswith((";", "#"))):
            continue
        found[current].append(stripped)
    return found


def directives(lines: list[str]) -> dict[str, str]:
    """``Name=Value`` lines as {name (lower case): value}."""
    table = {}
    for line in lines:
        name, sep, value = line.partition("=")
        if sep:
            table[name.strip().lower()] = value.strip()
    return table


def entries(lines: list[str]) -> list[dict[str, str]]:
    """``Name: "x"; Flags: y`` lines as dicts {param (lower case): unquoted value}."""
    parsed = []
    for line in lines:
        params = {}
        for match in ENTRY_PARAM.finditer(line):
            value = match.group(2).strip()
            if value.startswith('"') and value.endswith('"'):
                value = value[1:-1].replace('""', '"')
            params[match.group(1).lower()] = value
        parsed.append(params)
    return parsed


def placeholders(message: str) -> list[str]:
    """The %1, %n, [name] ... of a message, sorted (their order may change in a translation)."""
    return sorted(PLACEHOLDER.findall(message))


def messages(lines: list[str]) -> dict[str, str]:
    """``Name=text`` lines as {name (case kept): text}, in file order."""
    return {name: text for name, _, text in (line.partition("=") for line in lines)}


def routines(code: list[str]) -> dict[str, str]:
    """The [Code] section's procedures and functions: {name: its text up to the next one}."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in code:
        header = ROUTINE.match(line)
        if header:
            current = found.setdefault(header.group(1), [])
        if current is not None:
            current.append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}
