"""A release from a USB stick: found, verified and staged with no network at all.

The province copies a release folder onto a stick as
``<stick>/danvan-releases/<version>-<platform>/`` (manifest.json, manifest.sig and
``files/<path>`` for every file of the bundle). The app lists what it finds on the
mounted sticks (the window's USB list gives the roots: usb/volumes.py), and imports one
when the leader asks: the signature is checked with the keys this laptop trusts, every
file the stick must provide (those that differ from the installed bundle) is checked
for presence and size *before* anything is written, so a half-copied release is
refused whole; then the files are staged like a download (updates/stage.py), each
verified against the signed manifest, the unchanged ones copied from the installed
bundle. A refusal leaves no half-staged folder behind. Standard library only.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.release import (
    FILES_DIR,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    STICK_RELEASES_DIR,
    ReleaseManifest,
    version_key,
)
from danvan_desktop.updates.manifest import verify
from danvan_desktop.updates.plan import Installation, plan_release
from danvan_desktop.updates.stage import (
    StagingRefused,
    VerifiedRecord,
    begin_staging,
    check_staged,
    copy_into,
    missing_files,
    stage_local_files,
    staging_folder,
    updates_dir,
)


@dataclass(frozen=True)
class StickRelease:
    """A release folder on a stick, as its (not yet verified) manifest describes it."""

    folder: Path
    version: str
    platform: str
    size: int


def find_stick_releases(roots: Iterable[Path]) -> list[StickRelease]:
    """The release folders under ``<root>/danvan-releases/`` of each stick root, newest
    first; a folder without a readable manifest is left out."""
    found = []
    for root in roots:
        base = Path(root) / STICK_RELEASES_DIR
        try:
            folders = sorted(p for p in base.iterdir() if p.is_dir())
        except OSError:
            continue
        for folder in folders:
            try:
                manifest = ReleaseManifest.from_bytes((folder / MANIFEST_NAME).read_bytes())
            except (OSError, ValueError):
                continue
            found.append(
                StickRelease(folder, manifest.version, manifest.platform, manifest.total_size)
            )
    return sorted(found, key=lambda r: version_key(r.version), reverse=True)


def import_from_stick(
    release_dir: Path,
    data_dir: Path,
    installation: Installation,
    *,
    cancel: threading.Event | None = None,
) -> Path:
    """Verify the release in ``release_dir`` and stage it in ``data_dir``; its staging
    folder. ``ReleaseRefused`` (signature, platform, version) or ``StagingRefused``
    (a missing, short or tampered file) say why it was refused."""
    release_dir = Path(release_dir)
    manifest_bytes, signature_bytes = _read_release(release_dir)
    manifest = verify(
        manifest_bytes,
        signature_bytes,
        installation.trusted_keys,
        installed_version=installation.version,
        platform=installation.platform,
    )
    plan = plan_release(
        manifest, installation.bundle, cache_dir=updates_dir(data_dir), commit=installation.commit
    )
    for item in plan.fetch:
        _check_on_stick(release_dir, item.path, item.size)
    folder = begin_staging(data_dir, manifest, manifest_bytes, signature_bytes)
    record = VerifiedRecord(folder)
    try:
        stage_local_files(folder, plan, installation.bundle, record, cancel)
        for item in missing_files(folder, plan.fetch, record):
            copy_into(folder, item, release_dir / FILES_DIR / item.path, record)
        record.save()
        check_staged(folder, manifest)
    except StagingRefused:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return staging_folder(data_dir, manifest.version, manifest.platform)


def _read_release(release_dir: Path) -> tuple[bytes, bytes]:
    try:
        return (
            (release_dir / MANIFEST_NAME).read_bytes(),
            (release_dir / SIGNATURE_NAME).read_bytes(),
        )
    except OSError:
        raise StagingRefused(
            "missing",
            MANIFEST_NAME,
            tr(
                "ReleaseStaging",
                "Thư mục {folder} trên USB không phải một bản cập nhật đầy đủ (thiếu bản kê "
                "hoặc chữ ký): hãy chép lại cả thư mục bản cập nhật vào USB.",
                folder=release_dir.name,
            ),
        ) from None


def _check_on_stick(release_dir: Path, path: str, size: int) -> None:
    """A file the stick must provide is there, whole: else the copy was cut short."""
    source = release_dir / FILES_DIR / path
    try:
        found = source.stat().st_size if source.is_file() else None
    except OSError:
        found = None
    if found == size:
        return
    raise StagingRefused(
        "missing" if found is None else "truncated",
        path,
        tr(
            "ReleaseStaging",
            "Bản cập nhật {folder} trên USB chưa được chép đủ: tệp {path} bị thiếu hoặc chưa "
            "chép xong. Chưa có gì được cài; hãy chép lại cả thư mục bản cập nhật vào USB.",
            folder=release_dir.name,
            path=path,
        ),
    )
