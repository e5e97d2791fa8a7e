"""Releases in the library lane: learn of a new version, fetch what changed, stage it.

The last step of a round (protocol 3), after the team's records, its photos and the
network's cards (sync/library.py): a release never delays the team's own data. The
laptop asks ``/releases/latest`` with its installed version and platform, checks the
signature with the keys it trusts (updates/manifest.py: the server cannot forge a
release), plans which files differ from the installed bundle (updates/plan.py), and
downloads only those, each in ``Range`` requests appended and fsynced to its ``.part``
(the pattern of sync/attachment_download.py), so a dropped link or a closed laptop
resumes at the next round where it stopped. Each file is renamed into place once its
SHA-256 matches; the rest are copied from the installed bundle (updates/stage.py).

A refusal (signature, hash, downgrade, platform, withdrawn) is a line in the log and
in the round's report (``release_refused`` and ``messages``), which the Đồng bộ page
shows; a staged release is ``release_ready``. A program run from source has no bundle
to update and skips the step.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.private_files import open_private
from danvan_desktop.core.release import (
    INSTALL_REQUEST_NAME,
    RELEASES_PATH,
    ReleaseFile,
    ReleaseManifest,
    version_key,
)
from danvan_desktop.store.settings import get_setting, set_setting
from danvan_desktop.sync import protocol
from danvan_desktop.sync.attachments import chunk_bytes
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import LinkDown, ServerRejected, TransportResponse
from danvan_desktop.updates import keys
from danvan_desktop.updates.manifest import ReleaseRefused, verify
from danvan_desktop.updates.plan import Installation, current_installation, plan_release
from danvan_desktop.updates.stage import (
    StagingRefused,
    VerifiedRecord,
    adopt_part,
    begin_staging,
    check_staged,
    discard_other_releases,
    is_complete,
    missing_files,
    part_path,
    stage_local_files,
    staging_folder,
    updates_dir,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.sync.round_context import RoundContext

RELEASES_SINCE_PROTOCOL = 3
PREFIX = f"{protocol.API_PREFIX}{RELEASES_PATH}"
# Laptop setting: the release keys verified releases introduced (updates/keys.py JSON).
RECORDED_KEYS_SETTING = "release_keys_recorded"
_log = logging.getLogger(__name__)


def sync_release(
    engine: RoundContext, report: SyncReport, installation: Installation | None = None
) -> None:
    """Ask for the latest release and stage it, resuming what an earlier round fetched.

    ``installation`` is this program's (``current_installation``) unless given (tests)."""
    if engine.transport.protocol_version < RELEASES_SINCE_PROTOCOL:
        return
    if installation is None:
        recorded = keys.keys_from_json(get_setting(engine.records.db, RECORDED_KEYS_SETTING))
        installation = current_installation(recorded)
        if installation is None:
            return  # run from source: there is no bundle to update
    data_dir = Path(engine.records.store.data_dir)
    offer = _ask_latest(engine, installation, report)
    if offer is None:
        return
    if not offer:
        _forget_withdrawn(data_dir, installation, report)
        return
    manifest_bytes, signature_bytes = offer
    try:
        manifest = verify(
            manifest_bytes,
            signature_bytes,
            installation.trusted_keys,
            installed_version=installation.version,
            platform=installation.platform,
        )
    except ReleaseRefused as exc:
        _refuse(report, exc.message, exc.log_line)
        return
    record_introduced_keys(engine.records.db, manifest)
    folder = staging_folder(data_dir, manifest.version, manifest.platform)
    discard_other_releases(data_dir, keep=folder)
    if not (folder.is_dir() and is_complete(folder, manifest)):
        try:
            _stage(engine, report, installation, manifest, manifest_bytes, signature_bytes)
        except StagingRefused as exc:
            _refuse(
                report, exc.message, f"release {manifest.version} refused: {exc.reason} {exc.path}"
            )
            return
    report.release_ready = manifest.version


def record_introduced_keys(db: Database, manifest: ReleaseManifest) -> None:
    """Keep the release keys a verified release introduces (key rotation, updates/keys.py)."""
    introduced = keys.introduced_keys(manifest)
    if not introduced:
        return
    recorded = keys.keys_from_json(get_setting(db, RECORDED_KEYS_SETTING))
    known = {k.key_id for k in recorded}
    merged = recorded + [k for k in introduced if k.key_id not in known]
    if len(merged) > len(recorded):
        set_setting(db, RECORDED_KEYS_SETTING, keys.keys_to_json(merged))


def _ask_latest(
    engine: RoundContext, installation: Installation, report: SyncReport
) -> tuple[bytes, bytes] | tuple[()] | None:
    """(manifest, signature) of the newest release; ``()`` when none is newer; ``None``
    when the server has no releases to offer (it predates them)."""
    engine.check_cancel()
    path = f"{PREFIX}/latest?platform={installation.platform}&from={installation.version}"
    try:
        response = engine.transport.get(path, cancel=engine.cancel)
    except ServerRejected as exc:
        if exc.status in (404, 405):
            return None
        raise
    report.bytes_received += response.bytes_received
    if response.status == 204 or not response.body:
        return ()
    answer = response.json()
    return str(answer["manifest"]).encode("utf-8"), str(answer["signature"]).encode("utf-8")


def _stage(
    engine: RoundContext,
    report: SyncReport,
    installation: Installation,
    manifest: ReleaseManifest,
    manifest_bytes: bytes,
    signature_bytes: bytes,
) -> None:
    data_dir = Path(engine.records.store.data_dir)
    folder = begin_staging(data_dir, manifest, manifest_bytes, signature_bytes)
    plan = plan_release(
        manifest, installation.bundle, cache_dir=updates_dir(data_dir), commit=installation.commit
    )
    record = VerifiedRecord(folder)
    try:
        stage_local_files(folder, plan, installation.bundle, record, engine.cancel)
        waiting = missing_files(folder, plan.fetch, record)
        total = sum(item.size for item in waiting)
        done = 0
        for item in waiting:
            engine.check_cancel()
            _download(engine, report, manifest, folder, item, done, total)
            adopt_part(folder, item, record)
            done += item.size
    finally:
        record.save()
    check_staged(folder, manifest)


def _download(
    engine: RoundContext,
    report: SyncReport,
    manifest: ReleaseManifest,
    folder: Path,
    item: ReleaseFile,
    done: int,
    total: int,
) -> None:
    """Fetch one file into its ``.part`` in ranges, from the bytes it already holds."""
    partial = part_path(folder, item)
    partial.parent.mkdir(parents=True, exist_ok=True)
    offset = partial.stat().st_size if partial.exists() else 0
    if offset > item.size:  # not this file's bytes: start again
        partial.unlink()
        offset = 0
    url = f"{PREFIX}/{manifest.version}/{manifest.platform}/files/{item.sha256}"
    while offset < item.size:
        engine.check_cancel()
        end = min(item.size, offset + chunk_bytes(engine.transport)) - 1
        try:
            response = engine.transport.request(
                "GET",
                url,
                headers={"Range": f"bytes={offset}-{end}", "Accept-Encoding": "identity"},
                cancel=engine.cancel,
            )
        except ServerRejected as exc:
            if exc.status != 416 or offset == 0:
                raise
            break  # the .part already holds every byte: adopt_part verifies it
        report.bytes_received += response.bytes_received
        report.release_bytes += len(response.body)
        before = offset
        offset = _append_range(partial, offset, response)
        if offset <= before:
            raise LinkDown(f"empty range answer at {before} of {item.size}")  # try again later
        engine.progress("release", done + offset, total)


def _append_range(partial: Path, offset: int, response: TransportResponse) -> int:
    """Write one answer at ``offset`` (a 200 is the whole file); the new offset."""
    if response.status == 200:
        offset = 0
    with open_private(partial, "r+b" if partial.exists() else "wb") as sink:
        sink.seek(offset)
        sink.write(response.body)
        sink.truncate()
        sink.flush()
        os.fsync(sink.fileno())
    return offset + len(response.body)


def _forget_withdrawn(data_dir: Path, installation: Installation, report: SyncReport) -> None:
    """Nothing newer is published: a release staged here was withdrawn; drop it."""
    for name in discard_other_releases(data_dir):
        version = name.split("-", 1)[0]
        request = updates_dir(data_dir) / INSTALL_REQUEST_NAME
        if request.exists() and f'"{version}"' in request.read_text(encoding="utf-8"):
            request.unlink()
        try:
            newer = version_key(version) > version_key(installation.version)
        except ValueError:
            newer = False
        if newer:
            _refuse(
                report,
                tr(
                    "ReleaseLane",
                    "Bản cập nhật {version} đã bị rút lại nên sẽ không được cài; bản đã tải về "
                    "được xóa khỏi máy.",
                    version=version,
                ),
                f"release {version} withdrawn by the server: staged copy removed",
            )


def _refuse(report: SyncReport, message: str, log_line: str) -> None:
    _log.warning("%s", log_line)
    report.release_refused = message
    report.messages.append(message)
