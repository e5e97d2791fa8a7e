"""Which files of a release this laptop must fetch, and which it already has.

A release lists every file of the bundle with its SHA-256 (core/release.py). The
installed bundle is the folder of the frozen program (``sys.executable``'s folder:
the programs, BUILD-INFO and ``_internal/``, installer/danvan.spec); a file whose
SHA-256 at the same path already matches is copied locally when the release is
staged, and only the others cross the link. An update that changes only our own
code (``_internal/danvan_desktop/``) thus moves a small part of the bundle.

Hashing the installed bundle (~155 MB) takes a second or two, so the hashes are kept
in ``<data dir>/updates/installed-hashes.json``, keyed by BUILD-INFO's commit: the
next check of the same build reads them instead. Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform as platform_module
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.core import build_info
from danvan_desktop.core.release import ReleaseFile, ReleaseManifest, SigningKey
from danvan_desktop.updates import keys

BLOCK_BYTES = 1024 * 1024  # hashlib reads 1 MB at a time
HASH_CACHE_NAME = "installed-hashes.json"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True)
class ReleasePlan:
    """What staging a release takes: files to download, files to copy from the bundle,
    and symbolic links to make (they have no content)."""

    manifest: ReleaseManifest
    fetch: tuple[ReleaseFile, ...]
    local: tuple[ReleaseFile, ...]
    links: tuple[ReleaseFile, ...]

    @property
    def fetch_bytes(self) -> int:
        """The bytes that must cross the link (or come from a stick)."""
        return sum(f.size for f in self.fetch)


@dataclass(frozen=True)
class Installation:
    """What a release is checked against: the installed bundle (``None`` from source),
    its version and commit, this computer's platform and the keys it trusts."""

    bundle: Path | None
    version: str
    platform: str
    commit: str | None
    trusted_keys: Mapping[str, bytes]


def current_installation(recorded_keys: Iterable[SigningKey] = ()) -> Installation | None:
    """This frozen program's installation; ``None`` when it runs from source (nothing to
    update) or on a platform no release is made for."""
    bundle, platform = installed_bundle(), this_platform()
    if bundle is None or platform is None:
        return None
    info = build_info.resolve(bundle=bundle)
    trusted = keys.trusted_keys(recorded_keys)
    return Installation(bundle, info.version, platform, info.commit, trusted)


def sha256_of(path: Path) -> str:
    """The SHA-256 (lowercase hex) of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(BLOCK_BYTES):
            digest.update(block)
    return digest.hexdigest()


def installed_bundle() -> Path | None:
    """The folder of the frozen program (where BUILD-INFO lives); ``None`` from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def this_platform() -> str | None:
    """This computer's release platform (core/release.py PLATFORMS), or ``None``."""
    machine = platform_module.machine().lower()
    if machine not in ("x86_64", "amd64"):
        return None
    if sys.platform.startswith("linux"):
        return "linux-x86_64"
    if sys.platform == "win32":
        return "windows-x86_64"
    return None


def installed_hashes(
    bundle: Path, paths: list[str], *, cache_dir: Path | None, commit: str | None
) -> dict[str, str]:
    """SHA-256 of each of ``paths`` in the installed bundle (absent files are left out).

    With a ``commit`` the hashes are read from and added to the cache in ``cache_dir``:
    a build never changes its own files, so the commit is the key. Without one
    (a build that does not know its commit) every check hashes again."""
    cache_file = cache_dir / HASH_CACHE_NAME if cache_dir is not None and commit else None
    known = _read_cache(cache_file, commit, bundle) if cache_file else {}
    found: dict[str, str] = {}
    added = False
    for path in paths:
        if path in known:
            found[path] = known[path]
            continue
        target = bundle / path
        if target.is_symlink() or not target.is_file():
            continue
        found[path] = known[path] = sha256_of(target)
        added = True
    if cache_file is not None and added:
        _write_cache(cache_file, commit, bundle, known)
    return found


def plan_release(
    manifest: ReleaseManifest,
    bundle: Path | None,
    *,
    cache_dir: Path | None = None,
    commit: str | None = None,
) -> ReleasePlan:
    """Split a verified manifest's files into those to fetch and those the installed
    ``bundle`` already holds (``None``: no bundle, every file is fetched)."""
    contents = [f for f in manifest.files if f.link_to is None]
    hashes = (
        installed_hashes(bundle, [f.path for f in contents], cache_dir=cache_dir, commit=commit)
        if bundle is not None
        else {}
    )
    local = tuple(f for f in contents if hashes.get(f.path) == f.sha256)
    fetch = tuple(f for f in contents if hashes.get(f.path) != f.sha256)
    links = tuple(f for f in manifest.files if f.link_to is not None)
    return ReleasePlan(manifest, fetch, local, links)


def _read_cache(cache_file: Path, commit: str | None, bundle: Path) -> dict[str, str]:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("commit") != commit:
        return {}
    if data.get("bundle") != str(bundle) or not isinstance(data.get("hashes"), dict):
        return {}
    return {str(k): str(v) for k, v in data["hashes"].items()}


def _write_cache(
    cache_file: Path, commit: str | None, bundle: Path, hashes: dict[str, str]
) -> None:
    """Best effort: a cache that cannot be written only costs the next check time."""
    payload = {"commit": commit, "bundle": str(bundle), "hashes": hashes}
    temporary = cache_file.with_name(cache_file.name + ".tmp")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(payload, sort_keys=True), encoding="utf-8")
        os.replace(temporary, cache_file)
    except OSError:
        return
