"""Filling ``<data dir>/updates/<version>-<platform>/`` with a verified release.

The folder has core/release.py's layout: ``manifest.json`` and ``manifest.sig`` as
they were verified, and ``files/<path>`` for every file of the bundle. A file comes
in as ``files/<path>.part`` (downloaded in ranges, copied from the installed bundle,
or copied from a USB stick) and is renamed into place only after its SHA-256 matches
the signed manifest; a mismatch discards it. The release is complete when every file
is present and verified (``check_staged``): the switcher (updates/switch.py) installs
nothing less.

Checking ~155 MB must take under two seconds, so ``verified.json`` records the size
and modification time each file had when it was verified here; a later check
re-hashes only files whose size or time changed. Standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.release import (
    FILES_DIR,
    INSTALL_AT_NEXT_START,
    INSTALL_NOW,
    INSTALL_REQUEST_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    UPDATES_DIR,
    VERIFIED_NAME,
    ReleaseFile,
    ReleaseManifest,
    release_folder_name,
    symlink_text,
    version_key,
)
from danvan_desktop.updates.manifest import ReleaseRefused, verify
from danvan_desktop.updates.plan import BLOCK_BYTES, Installation, ReleasePlan, sha256_of

PART_SUFFIX = ".part"
SAVE_EVERY = 64  # files verified between two saves of the record


class StagingRefused(DanvanError):
    """A staged file (or a whole release folder) that cannot be installed, with why:
    ``reason`` is "missing", "truncated", "size" or "tampered"."""

    def __init__(self, reason: str, path: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class StagedRelease:
    """A release staged complete and verified, ready to install."""

    version: str
    platform: str
    notes: str  # the manifest's notes in the language asked for
    size: int  # bytes of the whole bundle
    folder: Path


def updates_dir(data_dir: Path) -> Path:
    """``<data dir>/updates``: staged releases and the install request."""
    return Path(data_dir) / UPDATES_DIR


def staging_folder(data_dir: Path, version: str, platform: str) -> Path:
    """``<data dir>/updates/<version>-<platform>``."""
    return updates_dir(data_dir) / release_folder_name(version, platform)


def begin_staging(
    data_dir: Path, manifest: ReleaseManifest, manifest_bytes: bytes, signature_bytes: bytes
) -> Path:
    """The release's staging folder with its verified manifest and signature written; a
    folder left by another manifest of the same version (re-signed) is emptied first."""
    folder = staging_folder(data_dir, manifest.version, manifest.platform)
    manifest_file = folder / MANIFEST_NAME
    if manifest_file.is_file() and manifest_file.read_bytes() != manifest_bytes:
        shutil.rmtree(folder)
    (folder / FILES_DIR).mkdir(parents=True, exist_ok=True)
    _write_atomic(manifest_file, manifest_bytes)
    _write_atomic(folder / SIGNATURE_NAME, signature_bytes)
    return folder


def discard_other_releases(data_dir: Path, keep: Path | None = None) -> list[str]:
    """Remove every staged release folder but ``keep``; the names removed."""
    removed = []
    root = updates_dir(data_dir)
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.is_dir() and folder != keep and (folder / MANIFEST_NAME).exists():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def file_target(folder: Path, item: ReleaseFile) -> Path:
    """Where a file of the release lives in the staging folder."""
    return folder / FILES_DIR / item.path


def part_path(folder: Path, item: ReleaseFile) -> Path:
    """The ``.part`` a file is written to before it is verified."""
    target = file_target(folder, item)
    return target.with_name(target.name + PART_SUFFIX)


class VerifiedRecord:
    """``verified.json``: path -> [size, mtime_ns] of each file when it was verified here."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / VERIFIED_NAME
        self._unsaved = 0
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.entries: dict[str, list[int]] = data if isinstance(data, dict) else {}

    def holds(self, path: str, target: Path) -> bool:
        """Whether ``target`` is as it was when verified (same size and time)."""
        stat = target.stat()
        return self.entries.get(path) == [stat.st_size, stat.st_mtime_ns]

    def add(self, path: str, target: Path) -> None:
        """Record a file just verified (saved every few files and by ``save``)."""
        stat = target.stat()
        self.entries[path] = [stat.st_size, stat.st_mtime_ns]
        self._unsaved += 1
        if self._unsaved >= SAVE_EVERY:
            self.save()

    def forget(self, path: str) -> None:
        """Drop a file that failed its check."""
        if self.entries.pop(path, None) is not None:
            self._unsaved += 1

    def save(self) -> None:
        """Write the record (atomically)."""
        _write_atomic(self.file, json.dumps(self.entries, sort_keys=True).encode())
        self._unsaved = 0


def adopt_part(folder: Path, item: ReleaseFile, record: VerifiedRecord) -> Path:
    """Rename a complete ``.part`` into place once its SHA-256 matches; a part of the
    wrong size or hash is discarded and ``StagingRefused`` says why."""
    partial = part_path(folder, item)
    size = partial.stat().st_size
    if size != item.size:
        partial.unlink()
        raise _size_refusal(item, size)
    if sha256_of(partial) != item.sha256:
        partial.unlink()
        raise _tampered(item)
    with open(partial, "rb+") as sink:
        os.fsync(sink.fileno())
    os.chmod(partial, 0o755 if item.executable else 0o644)
    target = file_target(folder, item)
    os.replace(partial, target)
    record.add(item.path, target)
    return target


def copy_into(folder: Path, item: ReleaseFile, source: Path, record: VerifiedRecord) -> Path:
    """Copy ``source`` (a file of the installed bundle or of a stick) into the staging
    folder, then verify it like a download."""
    partial = part_path(folder, item)
    partial.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as reader, open(partial, "wb") as sink:
        shutil.copyfileobj(reader, sink, BLOCK_BYTES)
    return adopt_part(folder, item, record)


def make_link(folder: Path, item: ReleaseFile) -> None:
    """A symbolic link of the bundle (``danvan -> danvan-desktop``), written as the switch
    writes it: relative to the link's own folder (core.release.symlink_text)."""
    text = symlink_text(item)
    target = file_target(folder, item)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() and os.readlink(target) == text:
        return
    if target.is_symlink() or target.exists():
        target.unlink()
    os.symlink(text, target)


def stage_local_files(
    folder: Path,
    plan: ReleasePlan,
    bundle: Path | None,
    record: VerifiedRecord,
    cancel: threading.Event | None = None,
) -> None:
    """Copy the files the installed ``bundle`` already holds, and make the links."""
    for item in missing_files(folder, plan.local, record):
        if cancel is not None and cancel.is_set():
            raise OperationCancelled("staging cancelled")
        assert bundle is not None  # a plan has local files only with a bundle
        copy_into(folder, item, bundle / item.path, record)
    for item in plan.links:
        make_link(folder, item)


def find_staged(
    data_dir: Path, installation: Installation, language: str = "vi"
) -> StagedRelease | None:
    """The newest release staged complete in ``data_dir`` that this installation may
    install (its signature checked again, every file checked by ``check_staged``)."""
    found: list[tuple[ReleaseManifest, Path]] = []
    root = updates_dir(data_dir)
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        try:
            manifest = verify(
                (folder / MANIFEST_NAME).read_bytes(),
                (folder / SIGNATURE_NAME).read_bytes(),
                installation.trusted_keys,
                installed_version=installation.version,
                platform=installation.platform,
            )
        except (OSError, ReleaseRefused):
            continue
        if is_complete(folder, manifest):
            found.append((manifest, folder))
    if not found:
        return None
    manifest, folder = max(found, key=lambda pair: version_key(pair[0].version))
    notes = manifest.notes_en if language == "en" and manifest.notes_en else manifest.notes_vi
    return StagedRelease(manifest.version, manifest.platform, notes, manifest.total_size, folder)


def write_install_request(data_dir: Path, version: str, platform: str, when: str) -> Path:
    """``<data dir>/updates/install-request.json``: what the switcher installs, and when."""
    if when not in (INSTALL_AT_NEXT_START, INSTALL_NOW):
        raise ValueError(f"not an install time: {when!r}")
    path = updates_dir(data_dir) / INSTALL_REQUEST_NAME
    payload = {"version": version, "platform": platform, "when": when}
    _write_atomic(path, json.dumps(payload, sort_keys=True).encode())
    return path


def missing_files(
    folder: Path, files: Iterable[ReleaseFile], record: VerifiedRecord
) -> list[ReleaseFile]:
    """The files (links aside) not yet in place as verified: what staging still needs.
    Only the record is read, no file is hashed."""
    waiting = []
    for item in files:
        if item.link_to is not None:
            continue
        target = file_target(folder, item)
        if not (target.is_file() and record.holds(item.path, target)):
            waiting.append(item)
    return waiting


def check_staged(folder: Path, manifest: ReleaseManifest) -> None:
    """Raise ``StagingRefused`` unless every file of ``manifest`` is in ``folder``, of its
    size and SHA-256; files unchanged since they were verified here are not re-hashed."""
    record = VerifiedRecord(folder)
    try:
        for item in manifest.files:
            _check_one(folder, item, record)
    finally:
        record.save()


def is_complete(folder: Path, manifest: ReleaseManifest) -> bool:
    """Whether ``check_staged`` passes."""
    try:
        check_staged(folder, manifest)
    except (StagingRefused, OSError):
        return False
    return True


def _check_one(folder: Path, item: ReleaseFile, record: VerifiedRecord) -> None:
    target = file_target(folder, item)
    if item.link_to is not None:
        if not (target.is_symlink() and os.readlink(target) == symlink_text(item)):
            raise _missing(item)
        return
    if not target.is_file():
        raise _missing(item)
    size = target.stat().st_size
    if size != item.size:
        record.forget(item.path)
        raise _size_refusal(item, size)
    if record.holds(item.path, target):
        return
    if sha256_of(target) != item.sha256:
        record.forget(item.path)
        raise _tampered(item)
    record.add(item.path, target)


def _missing(item: ReleaseFile) -> StagingRefused:
    return StagingRefused(
        "missing",
        item.path,
        tr(
            "ReleaseStaging",
            "Bản cập nhật chưa đủ tệp: thiếu {path}. Bản cập nhật chưa được cài; hãy chờ tải "
            "xong hoặc chép lại cả thư mục bản cập nhật.",
            path=item.path,
        ),
    )


def _size_refusal(item: ReleaseFile, size: int) -> StagingRefused:
    if size < item.size:
        return StagingRefused(
            "truncated",
            item.path,
            tr(
                "ReleaseStaging",
                "Tệp {path} của bản cập nhật bị cắt cụt ({size} trên {expected} byte) nên đã "
                "bị bỏ; bản cập nhật chưa được cài. Hãy tải lại hoặc chép lại tệp này.",
                path=item.path,
                size=size,
                expected=item.size,
            ),
        )
    return StagingRefused(
        "size",
        item.path,
        tr(
            "ReleaseStaging",
            "Tệp {path} của bản cập nhật có kích thước sai ({size} thay vì {expected} byte) nên "
            "đã bị bỏ; bản cập nhật chưa được cài.",
            path=item.path,
            size=size,
            expected=item.size,
        ),
    )


def _tampered(item: ReleaseFile) -> StagingRefused:
    return StagingRefused(
        "tampered",
        item.path,
        tr(
            "ReleaseStaging",
            "Tệp {path} của bản cập nhật không khớp mã kiểm tra trong bản kê đã ký (có thể đã "
            "bị sửa hoặc hỏng) nên đã bị bỏ; bản cập nhật chưa được cài.",
            path=item.path,
        ),
    )


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(temporary, "wb") as sink:
        sink.write(data)
        sink.flush()
        os.fsync(sink.fileno())
    os.replace(temporary, path)
