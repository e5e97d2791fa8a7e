"""installer/shared_libraries.py and the lean-bundle lists: the parts that need no build."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_contents as contents  # noqa: E402
import shared_libraries  # noqa: E402

LIBZ = Path("/usr/lib/x86_64-linux-gnu/libz.so.1")
NEEDS = {
    "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
    "/src/libQt6Gui.so.6": ["libstdc++.so.6"],
    "/src/libqgtk3.so": ["libatk-1.0.so.0"],
}


def _needed(src: str) -> list[str]:
    return NEEDS.get(src, [])


def test_needed_libraries_reads_dt_needed_of_a_real_library() -> None:
    """The system's libz links to the C library only."""
    assert shared_libraries.needed_libraries(LIBZ.resolve()) == ["libc.so.6"]


def test_needed_libraries_of_a_text_file_is_empty(tmp_path: Path) -> None:
    """A file that is not ELF needs nothing."""
    (tmp_path / "libx.so").write_text("not a library", encoding="utf-8")
    assert shared_libraries.needed_libraries(tmp_path / "libx.so") == []


def test_a_library_only_a_removed_plugin_needed_goes_with_its_link() -> None:
    """libatk stayed behind the GTK theme plugin: it and its link at the top are dropped."""
    toc = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("gtk/libatk-1.0.so.0", "/src/libatk-1.0.so.0", "BINARY"),
        ("libatk-1.0.so.0", "gtk/libatk-1.0.so.0", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    kept = shared_libraries.reachable_toc(toc, frozenset(), _needed)
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6",
    ]  # fmt: skip


def test_system_libraries_are_dropped_and_libpython_kept() -> None:
    """libstdc++ is the system's even when Qt needs it; libpython needs no one to need it."""
    toc = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libstdc++.so.6", "/src/libstdc++.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = shared_libraries.reachable_toc(toc, contents.SYSTEM_LIBRARIES, _needed)
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "libpython3.11.so.1.0",
    ]  # fmt: skip


def test_system_libraries_include_the_runtimes_that_break_mesa() -> None:
    """libstdc++, glib, fontconfig, D-Bus and Kerberos are left to the system."""
    wanted = {"libstdc++.so.6", "libglib-2.0.so.0", "libfontconfig.so.1", "libdbus-1.so.3",
              "libgssapi_krb5.so.2"}  # fmt: skip
    assert wanted <= contents.SYSTEM_LIBRARIES


def test_modules_nobody_imports_are_excluded(tmp_path: Path) -> None:
    """Pillow's AVIF codec and lxml.objectify are in the spec's excludes."""
    excluded = contents.excluded_modules(tmp_path)
    assert {"PIL._avif", "PIL.AvifImagePlugin", "lxml.objectify"} <= set(excluded)


def test_unused_module_files_finds_an_extension_module(tmp_path: Path) -> None:
    """A bundled lxml/objectify extension is reported; lxml/etree is not."""
    (tmp_path / "lxml").mkdir()
    (tmp_path / "lxml" / "objectify.cpython-311-x86_64-linux-gnu.so").write_bytes(b"x")
    (tmp_path / "lxml" / "etree.cpython-311-x86_64-linux-gnu.so").write_bytes(b"x")
    assert contents.unused_module_files(tmp_path) == [
        "lxml/objectify.cpython-311-x86_64-linux-gnu.so"
    ]


def test_broken_links_are_reported(tmp_path: Path) -> None:
    """A link to a library that was left out is a problem of the bundle."""
    (tmp_path / "libQt6EglFsKmsSupport.so.6").symlink_to(
        "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6"
    )
    assert contents.broken_links(tmp_path) == ["libQt6EglFsKmsSupport.so.6"]
