"""A release of the application as the maintainers sign it and every laptop checks it.

The maintainers sign a manifest with a release key kept offline (installer/
make_release.py); the city's server only stores and hands out releases and cannot
forge one. A laptop learns of a release when it syncs (or finds one on a USB stick),
downloads only the files that differ from the version it runs, checks every file's
SHA-256 against the signed manifest, and installs it only when the leader agrees.

This module is the contract between those parts: the manifest and its canonical
bytes (what is signed), the file names of a release folder, and the layout of the
folder a laptop stages a download in. Signature checks (cryptography) live in
``danvan_desktop.updates``; core stays standard library only.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

MANIFEST_FORMAT = 1
# A release folder (on the server's disk, on a USB stick, staged on a laptop):
#   manifest.json   the manifest's canonical bytes (``ReleaseManifest.canonical``)
#   manifest.sig    JSON {"key_id": ..., "signature": base64 Ed25519 over manifest.json}
#   files/<path>    each file of the bundle at its path (only those that were fetched)
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
FILES_DIR = "files"
# A USB stick holds release folders under this folder: <stick>/danvan-releases/<version>-<platform>/
STICK_RELEASES_DIR = "danvan-releases"
# On a laptop: <data dir>/updates/<version>-<platform>/ (a release folder being filled).
UPDATES_DIR = "updates"
PLATFORMS = ("linux-x86_64", "windows-x86_64")
_VERSION = re.compile(r"^(0|[1-9][0-9]{0,5})(\.(0|[1-9][0-9]{0,5})){1,3}$")
_PATH_PART = re.compile(r"^[^/\\:*?\"<>|\x00-\x1f]+$")


def parse_version(text: object) -> tuple[int, ...]:
    """ "1.4.2" as (1, 4, 2); ValueError for anything else (no letters, no leading zeros)."""
    if not isinstance(text, str) or not _VERSION.match(text):
        raise ValueError(f"not a release version: {text!r}")
    return tuple(int(part) for part in text.split("."))


def version_key(text: str) -> tuple[int, ...]:
    """A sort key in which 1.4 == 1.4.0 < 1.4.1 < 1.10."""
    parts = list(parse_version(text))
    while len(parts) < 4:
        parts.append(0)
    return tuple(parts)


def check_release_path(path: object) -> str:
    """A file's path inside the bundle: relative, forward slashes, no "..", no empty
    part, no drive or device names; ValueError otherwise."""
    if not isinstance(path, str) or not path or path.startswith("/") or "\\" in path:
        raise ValueError(f"not a relative bundle path: {path!r}")
    for part in path.split("/"):
        if part in ("", ".", "..") or not _PATH_PART.match(part):
            raise ValueError(f"not a safe bundle path: {path!r}")
    return path


@dataclass(frozen=True)
class ReleaseFile:
    """One file of the bundle: where it goes, its SHA-256 and size, and whether it runs."""

    path: str  # relative to the bundle's root, forward slashes
    sha256: str  # lowercase hex
    size: int
    executable: bool = False
    # A symbolic link inside the bundle (danvan -> danvan-desktop): its target, and no
    # content of its own (sha256 of b"" and size 0).
    link_to: str | None = None


@dataclass(frozen=True)
class SigningKey:
    """A public release key a manifest introduces (key rotation): signed by an old key."""

    key_id: str
    public_key: str  # base64 of the raw 32-byte Ed25519 public key


@dataclass(frozen=True)
class ReleaseManifest:
    """What the maintainers sign: the version, for which platform, from which versions it
    updates, every file of the bundle, and the notes the leader reads."""

    version: str
    platform: str  # one of PLATFORMS
    min_from_version: str  # the oldest installed version this release may replace
    files: tuple[ReleaseFile, ...]
    notes_vi: str
    notes_en: str
    created_at: str  # ISO 8601 UTC
    introduces_keys: tuple[SigningKey, ...] = field(default_factory=tuple)
    format: int = MANIFEST_FORMAT

    @property
    def total_size(self) -> int:
        """The bytes of every file of the bundle."""
        return sum(f.size for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        """The manifest as plain JSON values, files sorted by path."""
        return {
            "format": self.format,
            "version": self.version,
            "platform": self.platform,
            "min_from_version": self.min_from_version,
            "created_at": self.created_at,
            "notes_vi": self.notes_vi,
            "notes_en": self.notes_en,
            "introduces_keys": [
                {"key_id": k.key_id, "public_key": k.public_key} for k in self.introduces_keys
            ],
            "files": [
                {
                    "path": f.path,
                    "sha256": f.sha256,
                    "size": f.size,
                    "executable": f.executable,
                    "link_to": f.link_to,
                }
                for f in sorted(self.files, key=lambda f: f.path)
            ],
        }

    def canonical(self) -> bytes:
        """The bytes that are signed: sorted keys, no spaces, UTF-8."""
        return json.dumps(
            self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")

    @classmethod
    def from_dict(cls, data: Any) -> ReleaseManifest:
        """Read a manifest; ValueError naming what is wrong (nothing is trusted yet: the
        signature is checked over the bytes, then the values here)."""
        if not isinstance(data, dict):
            raise ValueError("a manifest is a JSON object")
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"unknown manifest format: {data.get('format')!r}")
        parse_version(data.get("version"))
        parse_version(data.get("min_from_version"))
        if data.get("platform") not in PLATFORMS:
            raise ValueError(f"unknown platform: {data.get('platform')!r}")
        files = []
        seen: set[str] = set()
        for item in data.get("files") or []:
            path = check_release_path(item.get("path"))
            sha, size = item.get("sha256"), item.get("size")
            if path in seen:
                raise ValueError(f"file listed twice: {path}")
            seen.add(path)
            if not (isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha)):
                raise ValueError(f"bad sha256 for {path}")
            if not (isinstance(size, int) and not isinstance(size, bool) and size >= 0):
                raise ValueError(f"bad size for {path}")
            link_to = item.get("link_to")
            if link_to is not None:
                check_release_path(link_to)
            files.append(ReleaseFile(path, sha, size, bool(item.get("executable", False)), link_to))
        if not files:
            raise ValueError("a manifest lists the bundle's files")
        keys = tuple(
            SigningKey(str(k["key_id"]), str(k["public_key"]))
            for k in data.get("introduces_keys") or []
        )
        return cls(
            version=data["version"],
            platform=data["platform"],
            min_from_version=data["min_from_version"],
            files=tuple(files),
            notes_vi=str(data.get("notes_vi") or ""),
            notes_en=str(data.get("notes_en") or ""),
            created_at=str(data.get("created_at") or ""),
            introduces_keys=keys,
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> ReleaseManifest:
        """Parse ``manifest.json``; ValueError when it is not a manifest."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"manifest is not JSON: {exc}") from None
        return cls.from_dict(data)


def release_folder_name(version: str, platform: str) -> str:
    """``1.4.2-linux-x86_64``: the folder of one release on a stick or a laptop."""
    return f"{version}-{platform}"


# The server's release API (protocol 3, unreleased in this wave; under API_PREFIX):
#   GET  /releases/latest?platform=P&from=V   -> {"manifest": <manifest.json text>,
#        "signature": <manifest.sig text>} or 204 when nothing newer is published
#   GET  /releases/{version}/{platform}/files/{sha256}  (Range: bytes=N- resumes)
RELEASES_PATH = "/releases"

# The leader's request to install a staged release, which the switcher acts on:
# <data dir>/updates/install-request.json {"version", "platform", "when"}, "when" being
# INSTALL_AT_NEXT_START or INSTALL_NOW (written by the Session, updates/stage.py).
INSTALL_REQUEST_NAME = "install-request.json"
# The switcher's own files there (updates/switch.py): its journal, kept while a switch is
# under way (a start finding it resumes or rolls back), and the last switch's outcome
# {"status": "installed"|"failed", "version", "from_version", "reason", "told", ...}.
SWITCH_JOURNAL_NAME = "switch-journal.json"
SWITCH_OUTCOME_NAME = "switch-outcome.json"
INSTALL_AT_NEXT_START = "next_start"
INSTALL_NOW = "now"
# In a staged release folder: {path: [size, mtime_ns]} of each file when it was verified
# there, so a later check re-hashes only what changed (updates/stage.py).
VERIFIED_NAME = "verified.json"


def symlink_text(link: ReleaseFile) -> str:
    """What ``os.symlink`` writes for a link of the bundle. ``link_to`` is the target's
    path from the bundle's root (installer/make_release.py records it so); a link is
    made relative to its own folder, so the bundle still works wherever it is moved."""
    if link.link_to is None:
        raise ValueError(f"not a link: {link.path}")
    folder = link.path.rsplit("/", 1)[0] if "/" in link.path else ""
    return posixpath.relpath(link.link_to, folder or ".")
