"""What a switch checks before it installs a staged release: the request, the signature, the files.

The staged release was verified when it was downloaded or copied from a stick; the
switch runs later, before the store opens, and checks it all again: the request names
a newer version for this platform, the staged ``manifest.json`` still verifies with
``manifest.sig`` under a key this laptop trusts (the built-in keys and those recorded
in ``<data dir>/updates/trusted-keys.json``, updates/keys.py), and every file has its
size and SHA-256 (updates/stage.py). Each problem is a clause the outcome message
(``SwitchOutcome.message``) completes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.release import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    UPDATES_DIR,
    ReleaseManifest,
    release_folder_name,
    version_key,
)

_log = logging.getLogger(__name__)


class SignatureMismatch(ValueError):
    """The staged manifest's signature no longer verifies with a trusted key."""


def trusted_at_switch(data_dir: Path) -> dict[str, bytes]:
    """The keys a switch trusts: the built-in ones and those the laptop recorded."""
    from danvan_desktop.updates import keys

    return keys.trusted_keys(keys.load_recorded_keys(Path(data_dir)))


def staged_manifest(folder: Path, trusted: Mapping[str, bytes]) -> ReleaseManifest:
    """The staged manifest once its signature verifies again with ``trusted``;
    ``SignatureMismatch`` (a ValueError naming the problem) otherwise."""
    from danvan_desktop.updates.manifest import ReleaseRefused, verify_signature

    manifest_bytes = (folder / MANIFEST_NAME).read_bytes()
    try:
        signature_bytes = (folder / SIGNATURE_NAME).read_bytes()
        return verify_signature(manifest_bytes, signature_bytes, trusted)
    except (OSError, ReleaseRefused) as refused:
        _log.warning(
            "staged release in %s refused at switch: %s",
            folder,
            getattr(refused, "log_line", refused),
        )
        raise SignatureMismatch(
            tr(
                "UpdateSwitch",
                "chữ ký của bản đã tải về không còn khớp với khóa phát hành mà máy này tin "
                "cậy (có thể bản này đã bị sửa); hãy tải lại từ máy chủ của thành phố hoặc "
                "từ USB",
            )
        ) from None


def check_files(folder: Path, manifest: ReleaseManifest) -> None:
    """ValueError unless every file of ``manifest`` is staged in ``folder`` (stage.py's check)."""
    from danvan_desktop.updates.stage import StagingRefused, check_staged

    try:
        check_staged(folder, manifest)
    except StagingRefused as refused:
        raise ValueError(refused.message) from None


def request_problem(
    data_dir: Path,
    request: dict[str, Any],
    platform: str,
    running: str,
    trusted: Mapping[str, bytes],
) -> str | None:
    """Why the request cannot be installed here, or ``None``."""
    version = str(request.get("version", ""))
    if request.get("platform") != platform:
        return tr(
            "UpdateSwitch",
            "bản này dành cho máy {other}, không phải máy này",
            other=request.get("platform"),
        )
    try:
        newer = version_key(version) > version_key(running)
    except ValueError:
        return tr("UpdateSwitch", "yêu cầu cài đặt không ghi phiên bản hợp lệ")
    if not newer:
        return tr(
            "UpdateSwitch",
            "bản {version} không mới hơn bản đang chạy {running}",
            version=version,
            running=running,
        )
    folder = Path(data_dir) / UPDATES_DIR / release_folder_name(version, platform)
    try:
        manifest = staged_manifest(folder, trusted)
    except SignatureMismatch as mismatch:
        return str(mismatch)
    except OSError as error:
        return _not_whole(error)
    try:
        check_files(folder, manifest)
    except (OSError, ValueError) as error:
        return _not_whole(error)
    if (manifest.version, manifest.platform) != (version, platform):
        return tr("UpdateSwitch", "bản đã tải về không khớp với yêu cầu cài đặt; hãy tải lại")
    return None


def _not_whole(error: Exception) -> str:
    return tr(
        "UpdateSwitch",
        "bản đã tải về không đủ hoặc không đúng ({error}); hãy tải lại",
        error=error,
    )
