"""THIRD-PARTY-NOTICES: every runtime dependency has an entry with its licence text.

The runtime closure is computed here on its own (pyproject's dependencies, walked
through the installed distributions' metadata), not with installer/notices.py, and
compared with the committed resources/THIRD-PARTY-NOTICES.txt: a dependency added
without running ``installer/notices.py`` fails the first test.
"""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import notices  # noqa: E402

NOTICES = ROOT / "resources" / "THIRD-PARTY-NOTICES.txt"
SECTION = re.compile(r"^### (\S+) (\S+)$", re.MULTILINE)


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def closure_of(requirements: list[str]) -> set[str]:
    """Names of the installed distributions the requirements pull in, transitively."""
    names: set[str] = set()
    pending = [(Requirement(text), "") for text in requirements]
    while pending:
        requirement, extra = pending.pop()
        marker = requirement.marker
        if marker is not None and not marker.evaluate({"extra": extra}):
            continue
        dist = metadata.distribution(requirement.name)
        if _name(requirement.name) in names and not requirement.extras:
            continue
        names.add(_name(requirement.name))
        for extra_name in ("", *requirement.extras):
            pending += [(Requirement(child), extra_name) for child in dist.requires or []]
    return names


def _runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    with pyproject.open("rb") as fh:
        return list(tomllib.load(fh)["project"]["dependencies"])


def _sections(text: str) -> dict[str, str]:
    """{name: the section's body} of a notices file."""
    found = list(SECTION.finditer(text))
    ends = [match.start() for match in found[1:]] + [len(text)]
    return {match[1]: text[match.end() : end] for match, end in zip(found, ends, strict=True)}


def test_every_runtime_dependency_has_an_entry() -> None:
    """Each distribution of the runtime closure is in the committed notices."""
    listed = set(_sections(NOTICES.read_text(encoding="utf-8")))
    missing = sorted(closure_of(_runtime_requirements()) - listed)
    assert not missing, f"run installer/notices.py: no notice for {missing}"


def test_a_new_dependency_would_be_caught() -> None:
    """A requirement added to the project (pytest here) shows up as missing from the file."""
    listed = set(_sections(NOTICES.read_text(encoding="utf-8")))
    closure = closure_of([*_runtime_requirements(), "pytest"])
    assert {"pytest", "iniconfig"} <= closure - listed


def test_every_entry_has_licence_text() -> None:
    """Each entry carries at least one licence text, or names the entry above that has it."""
    sections = _sections(NOTICES.read_text(encoding="utf-8"))
    assert {"python", "qt", "icu", "openssl", "fpdf2", "certifi", "pyside6-essentials"} <= set(
        sections
    )
    for name, body in sections.items():
        texts = body.split("\n--- ")[1:]
        assert texts, f"{name} has no licence text"
        assert all(len(text.split("\n", 1)[-1].strip()) > 20 for text in texts), name


def test_licences_named_for_the_known_parts() -> None:
    """Qt and fpdf2 are LGPL-3.0, certifi MPL-2.0, the application's own offer of source given."""
    text = NOTICES.read_text(encoding="utf-8")
    sections = _sections(text)
    assert "Licence: LGPL-3.0-only\n" in sections["qt"]
    assert "Licence: LGPL-3.0-only\n" in sections["fpdf2"]
    assert "Licence: MPL-2.0\n" in sections["certifi"]
    assert "Written offer of source code" in text


def test_generated_text_matches_the_committed_file() -> None:
    """installer/notices.py, run now, lists the same entries as the committed file."""
    found, problems = notices.collect()
    assert problems == []
    generated = notices.parse_entries(notices.render("0", found))
    assert set(generated) == set(_sections(NOTICES.read_text(encoding="utf-8")))


def _system_library(name: str) -> Path | None:
    for folder in ("/lib", "/usr/lib"):
        found = sorted(Path(folder).glob(f"*/{name}"))
        if found:
            return found[0]
    return None


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs Debian's dpkg")
def test_bundle_libraries_are_mapped_to_their_debian_package(tmp_path: Path) -> None:
    """A library copied from the system gets its Debian package's copyright; one shipped by
    a distribution is left to that distribution's entry; an unknown one is reported."""
    libssl = _system_library("libssl.so.3")
    assert libssl is not None
    internal = tmp_path / "danvan-desktop" / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    shutil.copy(libssl, internal / "libssl.so.3")
    (internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"\x7fELF")
    (internal / "mystery.so.1").write_bytes(b"\x7fELF")
    closure = notices.runtime_closure(notices.project_requirements())
    found, unknown = notices.library_notices(tmp_path / "danvan-desktop", closure)
    assert [notice.name for notice in found] == ["libssl3"]
    assert "libssl.so.3" in found[0].origin
    assert found[0].texts[0][0] == "libssl3/copyright"
    assert unknown == ["_internal/mystery.so.1"]


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs Debian's dpkg")
def test_build_writes_the_notices_and_licence_into_the_bundle(tmp_path: Path) -> None:
    """build.py puts LICENSE.txt and the notices beside the programs and in the resources."""
    import build

    bundle = tmp_path / "danvan-desktop"
    resources = bundle / "_internal" / "danvan_desktop" / "resources"
    resources.mkdir(parents=True)
    libssl = _system_library("libssl.so.3")
    assert libssl is not None
    shutil.copy(libssl, bundle / "_internal" / "libssl.so.3")
    build.write_notices(bundle)
    beside = (bundle / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "\n### libssl3 " in beside
    assert "\n### pyinstaller-bootloader " in beside
    assert (resources / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8") == beside
    licence = (bundle / "LICENSE.txt").read_text(encoding="utf-8")
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs Debian's dpkg")
def test_build_stops_on_a_library_of_unknown_origin(tmp_path: Path) -> None:
    """A shared library nobody can account for stops the Linux build, naming it."""
    import build

    bundle = tmp_path / "danvan-desktop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "mystery.so.1").write_bytes(b"\x7fELF")
    with pytest.raises(SystemExit, match=r"mystery\.so\.1"):
        build.write_notices(bundle)
    assert not (bundle / "THIRD-PARTY-NOTICES.txt").exists()
