"""What goes into the PyInstaller bundle, what must stay out, and how to check both.

``danvan.spec`` asks this module for the data to collect and the modules to exclude;
``build.py`` and the bundle test ask it whether a built folder is complete. Keeping
the lists here (plain Python, no PyInstaller import) lets fast tests check them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

import shared_libraries  # installer/, on the path of whoever imports this module

ROOT = Path(__file__).resolve().parents[1]
BUNDLE_NAME = "danvan-desktop"  # the folder PyInstaller fills (dist/danvan-desktop)
DESKTOP_PROGRAM = "danvan-desktop"  # windowed: no console on Windows
CLI_PROGRAM = "danvan"  # console
# On Linux one program file serves both: danvan is a link to danvan-desktop, and the
# entry script (entry_linux.py) runs the commands when started under that name, so the
# archive of Python modules inside the program file is shipped once. Windows needs two
# files (a console program and a windowed one).
ONE_PROGRAM_FILE = sys.platform.startswith("linux")
CONTENTS_DIR = "_internal"  # PyInstaller 6's default: sys._MEIPASS of both programs
RESOURCE_FOLDERS = ("fonts", "translations", "presets", "handbook", "regulation", "icons")
# Where the top-level resources/ folder goes inside the contents folder: it is the package
# danvan_desktop.resources, which the code finds through importlib.resources (core/paths.py).
BUNDLE_RESOURCES = "danvan_desktop/resources"
# The release public keys the app trusts (updates/keys.py), at the resources' top.
RELEASE_KEYS = "release_keys.json"
QT_MODULES_ALWAYS = ("QtCore", "QtGui", "QtWidgets")
# "from PySide6.QtNetwork import ..." anywhere in our code, lazy imports included.
QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+PySide6\.(Qt\w+)", re.MULTILINE)
# The city's server, the developer tools and Tk are never part of the desktop bundle.
NOT_FOR_THE_DESKTOP = (
    "tkinter",
    "_tkinter",
    "danvan_server",
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "psycopg",
    "psycopg_binary",
    "psycopg2",
    "pydantic",
    "pydantic_core",
    "anyio",
    "httpx",
    "httpcore",
    "h11",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "importlinter",
    "grimp",
    "IPython",
    "pip",
)
# Qt plugins a laptop never needs: embedded-Linux screens and input (eglfs, linuxfb, VNC,
# evdev), and the GTK 3 theme, which would load the system's GTK next to the glib, cairo
# and pango copied into the bundle and can crash when their versions differ. Without it
# Qt draws its own style and still uses the desktop portal for file dialogs.
# TLS backends serve QtNetwork's own HTTP, which we never use (requests does the network).
UNNEEDED_QT_PLUGIN_FOLDERS = ("egldeviceintegrations", "generic", "tls")
# Image formats we never open: attachments are JPEG, PNG, GIF, BMP or WebP (BMP is built in).
UNNEEDED_QT_PLUGINS = (
    "qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl", "qgtk3",
    "qtiff", "qtga", "qwbmp", "qicns",
)  # fmt: skip
# Modules of bundled packages that no code path of ours reaches (checked by grepping the
# sources and by recording the modules an export of every document imports): Pillow's AVIF
# codec (its 5 MB libavif), lxml's objectify, setuptools (PyInstaller follows it through
# packaging metadata; nothing imports it at run time).
UNUSED_MODULES = (
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "lxml.objectify",
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "lxml.html",
    "lxml.isoschematron",
    "readline",  # the interactive prompt's line editing (libreadline, libtinfo)
)
# Our own code lives outside PyInstaller's archive (PYZ, inside the program file), as
# compiled modules in <contents>/danvan_desktop/: an update can replace that folder alone,
# and both programs read the one copy.
OWN_CODE = "danvan_desktop"
OWN_CODE_COLLECTION = {OWN_CODE: "pyc"}
# Shared libraries every Linux desktop the bundle targets has, left to the system. Our
# copies would take precedence over the system's and are known to break its graphics
# drivers (Mesa needs a libstdc++ at least as new as the one it was built with:
# PyInstaller issues #6993 and #5573). The list is the AppImage project's excludelist
# (https://github.com/AppImageCommunity/pkg2appimage/blob/master/excludelist, also in
# linuxdeployqt's excludelist.h) for what PyInstaller does not already leave out
# (PyInstaller.depend.dylib excludes glibc, libGL/EGL/GLX, libdrm, libxcb, Wayland), plus
# D-Bus and Kerberos (PyInstaller issue #5573: the build machine's krb5 and dbus against
# the system's), and OpenSSL 3: every system with the glibc we need (2.35: Ubuntu 22.04,
# Debian 12, Fedora 36 and later) has it, and the system's copy matches its own OpenSSL
# configuration and gets its security updates. The libraries only these needed
# (libsystemd, libgcrypt, ...) then go too.
SYSTEM_LIBRARIES = frozenset({
    # the C/C++ runtime
    "libgcc_s.so.1", "libstdc++.so.6", "libz.so.1", "libexpat.so.1", "libuuid.so.1",
    # glib, fonts and text
    "libglib-2.0.so.0", "libgobject-2.0.so.0", "libgio-2.0.so.0", "libgmodule-2.0.so.0",
    "libgthread-2.0.so.0", "libgdk_pixbuf-2.0.so.0",
    "libfontconfig.so.1", "libfreetype.so.6", "libharfbuzz.so.0", "libfribidi.so.0",
    "libthai.so.0", "libpango-1.0.so.0", "libpangocairo-1.0.so.0", "libpangoft2-1.0.so.0",
    # X11, graphics, sound, devices
    "libX11.so.6", "libxcb.so.1", "libxcb-dri2.so.0", "libxcb-dri3.so.0", "libICE.so.6",
    "libSM.so.6", "libGL.so.1", "libEGL.so.1", "libGLX.so.0", "libGLdispatch.so.0",
    "libglapi.so.0", "libgbm.so.1", "libdrm.so.2", "libasound.so.2", "libjack.so.0",
    "libusb-1.0.so.0",
    # security and system services
    "libcom_err.so.2", "libgpg-error.so.0", "libp11-kit.so.0", "libdbus-1.so.3",
    "libgssapi_krb5.so.2", "libkrb5.so.3", "libk5crypto.so.3", "libkrb5support.so.0",
    "libkeyutils.so.1", "libssl.so.3", "libcrypto.so.3",
})  # fmt: skip
# Files of third-party packages read at run time (relative to the contents folder).
THIRD_PARTY_DATA = (
    "vietnam_provinces/data/nested-divisions.json",
    "vietnam_provinces/data/flat-divisions.json",
    "docx/templates/default.docx",
    "docx/templates/default-header.xml",
    "docx/templates/default-footer.xml",
    "docx/parts/hdrftr.py",  # its folder must exist: templates are found through "parts/.."
    "fpdf/data/color_profiles/sRGB2014.icc",
    "certifi/cacert.pem",
)
# Our compiled modules, outside the archive (see OWN_CODE); a missing one means the spec
# put them back into the programs' archive.
OWN_CODE_FILES = tuple(
    f"{OWN_CODE}/{name}.pyc" for name in ("__init__", "app", "cli", "session/facade")
)
# Files of ours read at run time; a missing one means the spec lost a folder.
OUR_RESOURCES = tuple(
    f"{BUNDLE_RESOURCES}/{name}"
    for name in (
        "__init__.py",  # makes the folder the package importlib.resources looks up
        "fonts/NotoSans-Regular.ttf",
        "fonts/LiberationSerif-Regular.ttf",
        "translations/ui_en.qm",
        "translations/qtbase_vi.qm",
        "translations/core_en.ts",
        "presets/state.json",
        "handbook/index.json",
        "regulation/quy-che-mau.md",
        "icons/danvan-desktop-256.png",
        "icons/danvan-desktop.svg",
        RELEASE_KEYS,
    )
)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, bundle folder) for resources/ and each of its folders, in PyInstaller's form.

    The package's ``__init__.py`` is shipped as a file, not compiled into the archive:
    PyInstaller's analysis cannot see a package mapped from outside ``src/``, and the
    frozen importer imports a package it finds on disk next to the archive's modules.
    """
    pairs = []
    for name in RESOURCE_FOLDERS:
        folder = root / "resources" / name
        if not folder.is_dir():
            raise FileNotFoundError(f"resources/{name} is missing: the bundle would be incomplete")
        pairs.append((str(folder), f"{BUNDLE_RESOURCES}/{name}"))
    init = root / "resources" / "__init__.py"
    if not init.is_file():
        raise FileNotFoundError("resources/__init__.py is missing: the bundle would be incomplete")
    keys = root / "resources" / RELEASE_KEYS
    if not keys.is_file():
        raise FileNotFoundError(f"resources/{RELEASE_KEYS} is missing: updates could not verify")
    return [*pairs, (str(init), BUNDLE_RESOURCES), (str(keys), BUNDLE_RESOURCES)]


def qt_binding_modules(pyside_dir: Path) -> list[str]:
    """The Qt modules this PySide6 installation has compiled (``QtCore``, ``QtGui``, ...)."""
    names = set()
    for path in pyside_dir.iterdir():
        # QtCore.abi3.so (Linux), QtCore.pyd (Windows); the .pyi stubs list absent modules too.
        if path.name.startswith("Qt") and path.suffix in (".so", ".pyd"):
            names.add(path.name.split(".")[0])
    return sorted(names)


def qt_modules_used(root: Path = ROOT) -> list[str]:
    """The Qt modules our code imports (QtCore, QtGui and QtWidgets at least)."""
    used = set(QT_MODULES_ALWAYS)
    for path in (root / "src" / "danvan_desktop").rglob("*.py"):
        used.update(QT_IMPORT.findall(path.read_text(encoding="utf-8")))
    return sorted(used)


def excluded_modules(pyside_dir: Path, root: Path = ROOT) -> list[str]:
    """Every module PyInstaller must leave out of the desktop bundle."""
    used = qt_modules_used(root)
    unused_qt = [f"PySide6.{name}" for name in qt_binding_modules(pyside_dir) if name not in used]
    return [*NOT_FOR_THE_DESKTOP, *UNUSED_MODULES, *unused_qt]


def _is_qt_translation(dest_name: str) -> bool:
    parts = PurePosixPath(dest_name.replace("\\", "/")).parts
    return bool(parts) and parts[0] == "PySide6" and "translations" in parts


def without_qt_translations(entries: Iterable[Any]) -> list[Any]:
    """Drop Qt's own catalogues (~5 MB): we ship qtbase_vi.qm, and English needs none.

    ``entries`` is a PyInstaller TOC: tuples whose first item is the name in the bundle.
    """
    return [entry for entry in entries if not _is_qt_translation(str(entry[0]))]


def _is_unneeded_qt_plugin(dest_name: str) -> bool:
    parts = PurePosixPath(dest_name.replace("\\", "/")).parts
    if "plugins" not in parts or parts[0] != "PySide6":
        return False
    folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
    stem = parts[-1].split(".")[0].removeprefix("lib")
    return folder in UNNEEDED_QT_PLUGIN_FOLDERS or stem in UNNEEDED_QT_PLUGINS


def without_unneeded_qt_plugins(entries: Iterable[Any]) -> list[Any]:
    """Drop the Qt plugins listed in UNNEEDED_QT_PLUGINS(_FOLDERS) from a PyInstaller TOC."""
    return [entry for entry in entries if not _is_unneeded_qt_plugin(str(entry[0]))]


def program_file(name: str, platform: str = sys.platform) -> str:
    """The file name of one of the two programs on ``platform``."""
    return f"{name}.exe" if platform.startswith("win") else name


def migration_files(root: Path = ROOT) -> list[str]:
    """The store's SQL migrations, as paths inside the contents folder."""
    folder = root / "src" / "danvan_desktop" / "store" / "migrations"
    return [f"danvan_desktop/store/migrations/{p.name}" for p in sorted(folder.glob("*.sql"))]


def qt_module_files(root: Path = ROOT, platform: str = sys.platform) -> list[str]:
    """The compiled Qt modules our code imports, as paths inside the contents folder."""
    suffix = ".pyd" if platform.startswith("win") else ".abi3.so"
    return [f"PySide6/{name}{suffix}" for name in qt_modules_used(root)]


def required_files(root: Path = ROOT, platform: str = sys.platform) -> list[str]:
    """Every file a complete bundle holds, relative to the bundle folder."""
    programs = [program_file(name, platform) for name in (DESKTOP_PROGRAM, CLI_PROGRAM)]
    inside = [
        *OWN_CODE_FILES,
        *OUR_RESOURCES,
        *THIRD_PARTY_DATA,
        *migration_files(root),
        *qt_module_files(root, platform),
    ]
    return [*programs, *(f"{CONTENTS_DIR}/{name}" for name in inside)]


def missing_files(bundle: Path, root: Path = ROOT, platform: str = sys.platform) -> list[str]:
    """The required files absent from ``bundle``."""
    return [name for name in required_files(root, platform) if not (bundle / name).is_file()]


def unwanted_files(bundle: Path, root: Path = ROOT) -> list[str]:
    """Packages and Qt modules found in ``bundle`` that must have been excluded."""
    contents = bundle / CONTENTS_DIR
    used = qt_modules_used(root)
    found = [name for name in NOT_FOR_THE_DESKTOP if (contents / name).exists()]
    qt_folder = contents / "PySide6"
    if qt_folder.is_dir():
        present = qt_binding_modules(qt_folder)
        found += [f"PySide6.{name}" for name in present if name not in used]
        if (qt_folder / "Qt" / "translations").is_dir() or (qt_folder / "translations").is_dir():
            found.append("PySide6 translations")
        found += [
            str(path.relative_to(contents))
            for path in sorted(qt_folder.rglob("*"))
            if path.is_file() and _is_unneeded_qt_plugin(str(path.relative_to(contents)))
        ]
    found += unused_module_files(contents)
    found += [f"broken link: {name}" for name in broken_links(contents)]
    found += [f"system library {name}" for name in system_libraries_in(contents)]
    if sys.platform.startswith("linux"):
        unneeded = shared_libraries.unneeded_libraries(contents, SYSTEM_LIBRARIES)
        found += [f"library nothing needs: {name}" for name in unneeded]
    return found


def unused_module_files(contents: Path) -> list[str]:
    """Files of UNUSED_MODULES found in a bundle's contents folder."""
    found = []
    for module in UNUSED_MODULES:
        folder, _, stem = module.replace(".", "/").rpartition("/")
        for path in sorted((contents / folder).glob(f"{stem}*")):
            if path.name == stem or path.name.startswith(f"{stem}."):
                found.append(str(path.relative_to(contents)))
    return found


def broken_links(contents: Path) -> list[str]:
    """Symbolic links in a bundle's contents folder whose target is not in the bundle."""
    return [
        str(path.relative_to(contents))
        for path in sorted(contents.rglob("*"))
        if path.is_symlink() and not path.exists()
    ]


def system_libraries_in(contents: Path) -> list[str]:
    """The SYSTEM_LIBRARIES a bundle's contents folder carries (by name, links included)."""
    return sorted({p.name for p in contents.rglob("*") if p.name in SYSTEM_LIBRARIES})


def describe_problems(bundle: Path, root: Path = ROOT, platform: str = sys.platform) -> list[str]:
    """One line per problem of a built bundle; empty when it is complete and lean."""
    problems = [f"missing: {name}" for name in missing_files(bundle, root, platform)]
    problems += [f"should not be bundled: {name}" for name in unwanted_files(bundle, root)]
    return problems
