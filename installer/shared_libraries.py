"""The shared libraries of a Linux bundle: what each one needs, and which are needed at all.

PyInstaller collects every library a collected binary links to, before the spec drops
plugins it does not want (the GTK 3 theme, EGLFS): the libraries only those plugins
needed stay behind. ``reachable_toc`` keeps a library only when a kept binary needs it,
following the ELF ``DT_NEEDED`` entries read here (no binutils needed), and never
follows a library the target system provides (``bundle_contents.SYSTEM_LIBRARIES``).
"""

from __future__ import annotations

import mmap
import posixpath
import re
import struct
from collections.abc import Callable, Collection, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

ELF_MAGIC = b"\x7fELF"
SHT_SYMTAB = 2  # the full symbol table, which strip removes
SHT_DYNAMIC = 6
DT_NEEDED = 1
# A shared library, as opposed to a Python extension module or a Qt plugin.
LIBRARY_NAME = re.compile(r"^lib.+\.so(\.[\d.]+)?$")
# The bootloader opens libpython itself: nothing links to it, it is always kept.
ALWAYS_KEPT = re.compile(r"^libpython\d")


def needed_libraries(path: Path) -> list[str]:
    """The sonames an ELF file links to (its ``DT_NEEDED`` entries); [] for other files."""
    with path.open("rb") as fh:
        if fh.read(4) != ELF_MAGIC:
            return []
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _needed(data)


def is_stripped(path: Path) -> bool:
    """An ELF file without its full symbol table (what ``strip`` removes)."""
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return all(section[1] != SHT_SYMTAB for section in _sections(data)[0])


def _sections(data: mmap.mmap) -> tuple[list[tuple[int, ...]], str]:
    wide, order = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        shoff, shentsize, shnum = struct.unpack_from(order + "Q10xHH", data, 0x28)
        section, dyn_entry = order + "IIQQQQIIQQ", order + "qQ"
    else:
        shoff, shentsize, shnum = struct.unpack_from(order + "I10xHH", data, 0x20)
        section, dyn_entry = order + "IIIIIIIIII", order + "iI"
    found = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
    return found, dyn_entry


def _needed(data: mmap.mmap) -> list[str]:
    sections, dyn_entry = _sections(data)
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, *_rest in sections:
        if kind != SHT_DYNAMIC:
            continue
        strings = sections[link][4]
        for start in range(offset, offset + size, struct.calcsize(dyn_entry)):
            tag, value = struct.unpack_from(dyn_entry, data, start)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                end = data.find(b"\x00", strings + value)
                names.append(data[strings + value : end].decode("ascii", "replace"))
    return names


def is_library(dest_name: str) -> bool:
    """A shared library (not an extension module, a plugin or libpython) by its bundle path."""
    parts = PurePosixPath(dest_name.replace("\\", "/")).parts
    name = parts[-1]
    if "plugins" in parts or ALWAYS_KEPT.match(name) or ".cpython-" in name or ".abi3." in name:
        return False
    return bool(LIBRARY_NAME.match(name))


def reachable_toc(
    entries: Iterable[Any],
    system: Collection[str],
    needed: Callable[[str], Iterable[str]] = lambda src: needed_libraries(Path(src)),
) -> list[Any]:
    """The TOC without the system's libraries and without libraries no kept binary needs.

    ``entries`` is a PyInstaller TOC of (name in the bundle, source, typecode); the
    roots are every binary that is not a plain library (extension modules, plugins,
    libpython); a library is kept when a root, or a kept library, needs it by name.
    A symbolic link is kept when its target is.
    """
    toc = list(entries)
    binaries = [e for e in toc if e[2] in ("BINARY", "EXTENSION")]
    by_name = {
        PurePosixPath(str(e[0])).name: e
        for e in binaries
        if is_library(str(e[0])) and PurePosixPath(str(e[0])).name not in system
    }
    kept = [e for e in binaries if not is_library(str(e[0]))]
    seen = {str(e[0]) for e in kept}
    queue = list(kept)
    while queue:
        for name in needed(str(queue.pop()[1])):
            library = by_name.get(name)
            if library is not None and str(library[0]) not in seen:
                seen.add(str(library[0]))
                queue.append(library)
    dropped = {posixpath.normpath(str(e[0])) for e in binaries if str(e[0]) not in seen}
    return [entry for entry in toc if not _dropped(entry, dropped)]


def _dropped(entry: Any, dropped: set[str]) -> bool:
    name = str(entry[0])
    if entry[2] == "SYMLINK":
        return posixpath.normpath(posixpath.join(posixpath.dirname(name), str(entry[1]))) in dropped
    return posixpath.normpath(name) in dropped


def unneeded_libraries(contents: Path, system: Collection[str]) -> list[str]:
    """Libraries in a built bundle's contents folder that no other binary of it needs."""
    files = [p for p in sorted(contents.rglob("*")) if p.is_file() and not p.is_symlink()]
    wanted: set[str] = set()
    for path in files:
        wanted.update(needed_libraries(path))
    return [
        str(path.relative_to(contents))
        for path in files
        if is_library(str(path.relative_to(contents))) and path.name not in wanted
        and path.name not in system
    ]  # fmt: skip


def lean_tocs(
    binaries: Iterable[Any], datas: Iterable[Any], system: Collection[str]
) -> tuple[list[Any], list[Any]]:
    """An analysis' binaries and datas through ``reachable_toc`` together.

    PyInstaller files its symbolic links to libraries (``libQt6Gui.so.6`` at the top,
    pointing into ``PySide6/Qt/lib``) among the datas: they go with their target.
    """
    kept = reachable_toc([*binaries, *datas], system)
    return (
        [e for e in kept if e[2] in ("BINARY", "EXTENSION")],
        [e for e in kept if e[2] not in ("BINARY", "EXTENSION")],
    )
