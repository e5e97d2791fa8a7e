"""THIRD-PARTY-NOTICES: the licences of everything the application ships, from what is installed.

    .venv/bin/python installer/notices.py                 # resources/THIRD-PARTY-NOTICES.txt
    .venv/bin/python installer/notices.py --bundle DIR    # a built bundle: also its .so files

The list is computed, never written by hand, so a new dependency cannot ship without
its notice:

- every Python distribution the application imports at run time: the closure of the
  ``[project] dependencies`` of pyproject.toml (markers evaluated, extras followed),
  walked through ``importlib.metadata``, each with its version, its licence (the
  SPDX expression, else the ``License`` field or the classifiers) and the licence
  files the distribution carries;
- what those carry or need beyond Python code: Python itself, Qt (inside PySide6),
  ICU, OpenSSL and SQLite;
- for a built bundle, every shared library it holds that no distribution brought:
  Debian's ``dpkg -S`` names the package that installed it, whose
  ``/usr/share/doc/PKG/copyright`` is copied in; PyInstaller's bootloader too.

A licence text not found in the distribution is taken from Debian's
``/usr/share/common-licenses`` for the SPDX ids that have one. An entry still without
text, or a library whose origin is unknown, stops the script (exit 1) with its name:
the notices must be complete before a release ships. The committed
``resources/THIRD-PARTY-NOTICES.txt`` travels in the wheel (package data);
installer/build.py writes the bundle's own (with its libraries) into the bundle.
tests/installer/test_notices.py fails when the committed file misses a distribution
of the runtime closure. Messages here are for developers, so they are English.
Where the texts are read from is notice_texts.py; a bundle's libraries, notices_bundle.py.
"""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
import tomllib
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from notice_texts import DEBIAN_DOC, Notice, common_texts, debian_copyright, first_text, read_text
from notices_bundle import library_notices

ROOT = Path(__file__).resolve().parents[1]
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
PACKAGED_NOTICES = ROOT / "resources" / NOTICES_NAME
ENTRY = re.compile(r"^### (\S+) (\S+)$", re.MULTILINE)
TEXT_MARK = "--- "
SAME_TEXT = "The same text as"  # a text given once, then referred to
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|copyright)", re.IGNORECASE)
# Distributions whose metadata does not say the licence they are used under here.
LICENCE_OVERRIDES = {
    # The wheel's metadata names none; its project's pyproject.toml says GPL-3.0-or-later.
    "vietnam-provinces": "GPL-3.0-or-later",
    # Offered as LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only: used under the LGPL.
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}
SOURCE_OFFER = """\
Written offer of source code

Some parts of this program are licensed under the GNU General Public License (GPL)
or the GNU Lesser General Public License (LGPL): Dân vận khéo itself (GPL-3.0-or-later),
Qt and PySide6 (LGPL-3.0), fpdf2 (LGPL-3.0), vietnam-provinces (GPL-3.0-or-later),
PyInstaller's bootloader (GPL-2.0-or-later with its exception) and the GPL/LGPL
system libraries listed below. For at least three years from the date you received
this copy, the office that gave it to you (the city's IT office) will give anyone who
asks a complete machine-readable copy of the corresponding source code of those parts,
on a medium customarily used for software interchange, for no more than the cost of
making and sending the copy. The same sources are also available from their projects:
each Python distribution at https://pypi.org/project/NAME/VERSION/, Qt and PySide6 at
https://download.qt.io/official_releases/, and each Debian package with
`apt-get source PACKAGE=VERSION` or at https://sources.debian.org/. Under the LGPL you
may replace the Qt, PySide6 and fpdf2 libraries of the bundle with your own builds.
"""


def canonical(name: str) -> str:
    """A distribution's name as PEP 503 compares them (``Fonttools`` == ``fonttools``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def project_requirements(root: Path = ROOT, extras: Iterable[str] = ()) -> list[str]:
    """The runtime requirements of pyproject.toml (and of the given extras)."""
    with (root / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    wanted = list(project.get("dependencies", []))
    for extra in extras:
        wanted += project.get("optional-dependencies", {}).get(extra, [])
    return wanted


def runtime_closure(requirements: Iterable[str]) -> dict[str, metadata.Distribution]:
    """{canonical name: installed distribution} of the requirements, transitively."""
    from packaging.requirements import Requirement

    found: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, frozenset[str]]] = set()
    pending: list[tuple[str, frozenset[str]]] = [(text, frozenset()) for text in requirements]
    while pending:
        text, extras = pending.pop()
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is not None and not any(marker.evaluate({"extra": e}) for e in {"", *extras}):
            continue
        key = (canonical(requirement.name), frozenset(requirement.extras))
        if key in done:
            continue
        done.add(key)
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{requirement.name} is required but not installed") from None
        found[key[0]] = dist
        pending += [(child, key[1]) for child in dist.requires or []]
    return dict(sorted(found.items()))


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution is used under: override, SPDX expression, field, classifiers."""
    name = canonical(dist.metadata["Name"])
    if name in LICENCE_OVERRIDES:
        return LICENCE_OVERRIDES[name]
    expression = (dist.metadata.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (dist.metadata.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [
        c.split(" :: ")[-1]
        for c in dist.metadata.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return " / ".join(classifiers) or "UNKNOWN"


def licence_files(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    """(file name, text) of every licence, copying or notice file the distribution carries
    (a text it carries twice, as pip does for its vendored packages, once)."""
    texts: dict[str, str] = {}
    for file in sorted(dist.files or (), key=str):
        name = file.name
        in_licences = "licenses" in file.parts[:-1] and ".dist-info" in str(file)
        if (in_licences or LICENCE_FILE.match(name)) and not re.search(r"\.(py|pyc|pyi|so)$", name):
            text = read_text(Path(str(dist.locate_file(file))))
            if text and text not in texts:
                texts[text] = str(file)
    return tuple((title, text) for text, title in texts.items())


def distribution_notice(dist: metadata.Distribution) -> Notice:
    """The entry of one Python distribution."""
    licence = licence_of(dist)
    texts = licence_files(dist) or common_texts(licence)
    name, version = canonical(dist.metadata["Name"]), dist.version
    origin = f"Python distribution, https://pypi.org/project/{name}/{version}/"
    return Notice(name, version, licence, origin, texts)


def component_notices(closure: dict[str, metadata.Distribution]) -> list[Notice]:
    """Python itself, and the native parts the distributions carry or use: Qt, ICU,
    OpenSSL, SQLite."""
    import sqlite3
    import ssl

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    python = "{}.{}.{}".format(*sys.version_info[:3])
    short = "{}.{}".format(*sys.version_info[:2])
    notices = [
        Notice(
            "python", python, "PSF-2.0", "the Python interpreter and its standard library",
            first_text(stdlib / "LICENSE.txt", DEBIAN_DOC / f"python{short}" / "copyright"),
        ),
    ]  # fmt: skip
    pyside = closure.get("pyside6-essentials")
    if pyside is not None:
        qt_texts = common_texts("LGPL-3.0-only")
        qt_origin = (
            "the Qt 6 libraries inside PySide6 (Qt includes third-party code listed at "
            "https://doc.qt.io/qt-6/licenses-used-in-qt.html)"
        )
        notices.append(Notice("qt", pyside.version, "LGPL-3.0-only", qt_origin, qt_texts))
        icu = [f for f in pyside.files or () if f.name.startswith("libicuuc.so.")]
        icu_version = icu[0].name.rsplit(".", 1)[-1] if icu else "-"
        icu_texts = first_text(*debian_copyright("libicu[0-9]*"))
        # ICU 74 moved to the Unicode License v3; before it, the Unicode/ICU licence.
        old = icu_version.isdecimal() and int(icu_version) < 74
        icu_licence = "Unicode-DFS-2016 AND ICU" if old else "Unicode-3.0"
        notices.append(Notice("icu", icu_version, icu_licence, "inside PySide6", icu_texts))
    openssl = ssl.OPENSSL_VERSION.split()[1] if ssl.OPENSSL_VERSION.startswith("OpenSSL") else "-"
    openssl_licence = "OpenSSL" if openssl.startswith("1.") else "Apache-2.0"
    notices.append(
        Notice(
            "openssl", openssl, openssl_licence, "used by Python's ssl module (HTTPS)",
            first_text(*debian_copyright("libssl[0-9]*")) or common_texts(openssl_licence),
        )
    )  # fmt: skip
    notices.append(
        Notice(
            "sqlite", sqlite3.sqlite_version, "blessing", "used by Python's sqlite3 module",
            first_text(*debian_copyright("libsqlite3-0"))
            or (("SQLite", "The author disclaims copyright to this source code."),),
        )
    )  # fmt: skip
    return notices


def bootloader_notice() -> list[Notice]:
    """PyInstaller's bootloader, which starts both programs of a bundle."""
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return []
    texts = licence_files(dist)
    licence = "GPL-2.0-or-later WITH Bootloader-exception"
    return [Notice("pyinstaller-bootloader", dist.version, licence, "starts the programs", texts)]


def render(project_version: str, notices: Sequence[Notice]) -> str:
    """The notices file: header, offer of source, then one section per entry."""
    lines = [
        f"Dân vận khéo {project_version}: third-party notices",
        "",
        "Dân vận khéo is free software under the GNU General Public License, version 3 or",
        "(at your option) any later version (GPL-3.0-or-later): see the file LICENSE.",
        "It ships the components below, each under its own licence. This file is made",
        "by installer/notices.py from what is installed and bundled; do not edit it.",
        "",
        SOURCE_OFFER,
        f"Components ({len(notices)})",
        "",
        *(f"  {n.name} {n.version}: {n.licence}" for n in notices),
        "",
    ]
    written: dict[str, str] = {}  # a text already given -> where
    for notice in notices:
        lines += ["", f"### {notice.name} {notice.version}", f"Licence: {notice.licence}"]
        lines += [f"Origin: {notice.origin}", ""]
        for title, text in notice.texts:
            if text in written:
                text = f"{SAME_TEXT} {written[text]} above."
            else:
                written[text] = f"«{title}» of {notice.name}"
            lines += [f"{TEXT_MARK}{title}", text, ""]
    return "\n".join(lines).rstrip() + "\n"


def collect(bundle: Path | None = None, root: Path = ROOT) -> tuple[list[Notice], list[str]]:
    """Every entry (of the wheel, or of a built bundle), and the problems found."""
    closure = runtime_closure(project_requirements(root))
    closure.pop("danvan-desktop", None)
    notices = [distribution_notice(dist) for dist in closure.values()]
    notices += component_notices(closure)
    problems: list[str] = []
    if bundle is not None:
        libraries, unknown = library_notices(bundle, closure)
        notices += bootloader_notice() + libraries
        problems += [f"no package is known to have installed {path}" for path in unknown]
    problems += [f"no licence text found for {n.name} {n.version}" for n in notices if not n.texts]
    return notices, problems


def parse_entries(text: str) -> dict[str, str]:
    """{name: version} of the entries of a notices file."""
    return {match[1]: match[2] for match in ENTRY.finditer(text)}


def main(argv: Sequence[str] | None = None) -> int:
    """Write the notices; exit 1 (after writing) when an entry has no text or no origin."""
    parser = argparse.ArgumentParser(description="Write THIRD-PARTY-NOTICES.")
    parser.add_argument("--bundle", type=Path, help="a built bundle: add its shared libraries")
    parser.add_argument("--out", type=Path, action="append", help="where to write (repeatable)")
    args = parser.parse_args(argv)
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = str(tomllib.load(fh)["project"]["version"])
    notices, problems = collect(args.bundle)
    text = render(version, notices)
    for out in args.out or [PACKAGED_NOTICES]:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"notices: {out} ({len(notices)} entries)")
    for problem in problems:
        print(f"notices: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
