"""A laptop ready for a switch: version N installed in versions/, N+1 staged, a store, a request.

The programs are small shell scripts standing in for the PyInstaller ones: the
``--self-test-store FOLDER`` of each checks that the copy of the store is there,
takes ``DANVAN_FAKE_SELF_TEST_S`` seconds, and passes or fails as the bundle was made
to. Nothing here is built with PyInstaller.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from danvan_desktop.core.release import INSTALL_REQUEST_NAME, ReleaseManifest, SigningKey
from danvan_desktop.updates.keys import save_recorded_keys
from danvan_desktop.updates.switch import ProgramHome
from support.release_bundles import (
    KEY_ID,
    PLATFORM,
    manifest_of,
    new_key,
    public_text,
    write_bundle,
    write_release_folder,
)

OLD, NEW = "1.0.0", "1.1.0"
_PROGRAM = """#!/bin/sh
# Dân vận khéo {version} (a stand-in)
if [ "$1" = "--self-test-store" ]; then
    [ -f "$2/danvan.sqlite3" ] || {{ echo "LỖI no copy of the store"; exit 1; }}
    sleep "${{DANVAN_FAKE_SELF_TEST_S:-0}}"
    {verdict}
fi
echo "{version}"
"""
PASS = 'echo "OK bản sao dữ liệu của tổ"; exit 0'
FAIL = 'echo "LỖI bản sao dữ liệu của tổ: bảng meeting hỏng"; exit 1'


def bundle_files(version: str, verdict: str = PASS) -> dict[str, bytes]:
    """The files of a small bundle of ``version`` whose self-test ends with ``verdict``."""
    program = _PROGRAM.format(version=version, verdict=verdict).encode()
    return {
        "danvan-desktop": program,
        "BUILD-INFO": f"version={version}\n".encode(),
        "_internal/libQt6Core.so.6": b"Q" * 200_000,
        "_internal/danvan_desktop/app.pyc": f"our code, {version}".encode(),
    }


def make_store(data_dir: Path) -> Path:
    """A real SQLite store (WAL, as the app keeps it) with a few rows."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "danvan.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE model (id INTEGER PRIMARY KEY, name TEXT)")
    db.executemany("INSERT INTO model (name) VALUES (?)", [("Đường hoa",), ("Vườn mẫu",)])
    db.commit()
    db.close()
    return path


def install_version(home: ProgramHome, files: dict[str, bytes], version: str) -> Path:
    """``versions/<version>`` holding ``files``, and ``current`` naming it."""
    folder = write_bundle(home.folder(version), files)
    (folder / "danvan-desktop").chmod(0o755)
    home.current.unlink(missing_ok=True)
    os.symlink(f"versions/{version}", home.current)
    return folder


def stage_release(data_dir: Path, files: dict[str, bytes], version: str = NEW) -> ReleaseManifest:
    """The release staged complete in ``<data>/updates/<version>-<platform>``."""
    manifest = manifest_of(files, version=version)
    folder = data_dir / "updates" / f"{version}-{PLATFORM}"
    key = new_key()
    write_release_folder(folder, files, manifest, key)
    os.symlink("danvan-desktop", folder / "files" / "danvan")
    save_recorded_keys(data_dir, [SigningKey(KEY_ID, public_text(key))])  # the laptop trusts it
    return manifest


def request_install(data_dir: Path, version: str = NEW, platform: str = PLATFORM) -> None:
    """``install-request.json`` as updates/stage.py writes it when the leader agrees."""
    payload = {"version": version, "platform": platform, "when": "next_start"}
    (data_dir / "updates" / INSTALL_REQUEST_NAME).write_text(json.dumps(payload))


def laptop(tmp: Path, new_verdict: str = PASS) -> tuple[Path, ProgramHome]:
    """A data folder with a store and N+1 staged and requested; N installed and current."""
    data_dir, home = tmp / "data", ProgramHome(tmp / "app")
    make_store(data_dir)
    install_version(home, bundle_files(OLD), OLD)
    stage_release(data_dir, bundle_files(NEW, new_verdict))
    request_install(data_dir)
    return data_dir, home


def file_digest(path: Path) -> str:
    """SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def whole_version(home: ProgramHome) -> str | None:
    """The version ``current`` names when its folder holds every file of that bundle whole
    and its program runs; ``None`` otherwise."""
    version = home.current_version()
    if version not in (OLD, NEW):
        return None
    folder = home.current
    for path, data in bundle_files(version).items():
        target = folder / path
        expected = data if path != "danvan-desktop" else None
        if not target.is_file() or (expected is not None and target.read_bytes() != expected):
            return None
    if os.readlink(folder / "danvan") != "danvan-desktop":
        return None
    if not os.access(folder / "danvan-desktop", os.X_OK):
        return None
    return version
