"""Backups a leader can trust: the store and its attachments in one verified zip.

A backup is ``danvan-backup-<UTC stamp>.zip`` holding ``danvan.sqlite3`` (a
consistent copy made with SQLite's online backup API), the attachment files and a
``manifest.json`` with the SHA-256 of every member. Restore checks the manifest and
every checksum and runs ``integrity_check`` on the copy before it touches the live
store, and keeps the store it replaces as a backup of its own.

That copy, ``before-restore-<UTC stamp>.zip``, is listed with the backups and restores
like one, so a wrong restore can be undone from the app. It holds the store only:
attachments are stored by content and a restore never removes one, so the files its
records name are still in the folder (copying every photo again before each restore
would make it slow and double the space). Rotation and "is a backup due" count only
the ``danvan-backup-`` files: a copy before a restore holds the data that was replaced,
not the data in use. The released version kept that copy as a plain
``before-restore-<stamp>.sqlite3``; those are listed and restored too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.private_files import open_private, private_dir, private_tree
from danvan_desktop.store.connection import connect

if TYPE_CHECKING:
    from sqlite_utils import Database

APP_TAG = "danvan-desktop"
MANIFEST = "manifest.json"
STORE_MEMBER = "danvan.sqlite3"
DEFAULT_KEEP = 10
DEFAULT_INTERVAL_HOURS = 24
PREFIX = "danvan-backup-"
BEFORE_RESTORE_PREFIX = "before-restore-"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what its manifest says."""

    path: Path
    created_at: str
    schema_version: int
    files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def backup_to(db: Database, target: Path) -> Path:
    """Copy the open store ``db`` into the SQLite file ``target`` consistently, fsynced.

    The copy holds the sync token and the bundle key: it is made 0600 (``connect``),
    in a folder of the app's own (the data folder's backups, or a temporary folder)."""
    private_dir(target.parent)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = connect(partial)
    try:
        db.conn.backup(dest.conn)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    _fsync_file(partial)
    os.replace(partial, target)
    return target


def backup_before_migration(db: Database, data_dir: Path) -> Path:
    """Keep a copy of the store as it was before its schema is changed."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return backup_to(db, data_dir / "backups" / f"before-migration-v{version}-{stamp}.sqlite3")


def make_backup(db: Database, data_dir: Path, target_dir: Path | None = None) -> Path:
    """Write a full backup zip (store + attachments + manifest) and return its path."""
    if target_dir is None:
        target_dir = private_dir(data_dir / "backups")
    else:
        target_dir.mkdir(parents=True, exist_ok=True)  # the user's folder keeps its mode
    return _write_zip(db, target_dir, PREFIX, data_dir / "attachments")


def _write_zip(db: Database, target_dir: Path, prefix: str, attachments: Path | None) -> Path:
    """A verified backup zip of ``db`` (and the files under ``attachments``) in ``target_dir``."""
    now = dt.datetime.now(dt.UTC)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"{prefix}{stamp}.zip"
    with tempfile.TemporaryDirectory(dir=target_dir) as tmp:
        snapshot = backup_to(db, Path(tmp) / STORE_MEMBER)
        members = {STORE_MEMBER: snapshot}
        if attachments is not None and attachments.exists():
            for path in sorted(attachments.rglob("*")):
                if path.is_file() and not path.name.endswith(".partial"):
                    members[f"attachments/{path.relative_to(attachments).as_posix()}"] = path
        manifest = {
            "app": APP_TAG,
            "created_at": now.isoformat(timespec="seconds"),
            "schema_version": db.execute("PRAGMA user_version").fetchone()[0],
            "files": {name: _sha256(path) for name, path in members.items()},
        }
        partial = target.with_name(target.name + ".partial")
        with (
            open_private(partial, "w+b") as out,
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf,
        ):
            zf.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
            for name, path in members.items():
                zf.write(path, name)
        _fsync_file(partial)
        os.replace(partial, target)
    return target


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup a leader may restore, newest first: the full backups and the copies
    kept before restores (``is_before_restore`` tells them apart)."""
    folder = data_dir / "backups"
    if not folder.exists():
        return []
    found = [
        *folder.glob(f"{PREFIX}*.zip"),
        *folder.glob(f"{BEFORE_RESTORE_PREFIX}*.zip"),
        *folder.glob(f"{BEFORE_RESTORE_PREFIX}*.sqlite3"),
    ]
    return sorted(found, key=_stamp, reverse=True)


def is_before_restore(path: Path) -> bool:
    """True for the copy of the data a restore replaced (made just before it)."""
    return path.name.startswith(BEFORE_RESTORE_PREFIX)


def _stamp(path: Path) -> str:
    """The UTC stamp in a backup's name (names sort by it whatever their prefix)."""
    name = path.name
    for prefix in (PREFIX, BEFORE_RESTORE_PREFIX):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _full_backups(data_dir: Path) -> list[Path]:
    """The automatic and manual backups (not the copies made before restores), newest first."""
    return [path for path in list_backups(data_dir) if path.name.startswith(PREFIX)]


def rotate(data_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns the deleted ones.

    The copies kept before restores are never rotated away: each is the only way back
    from a restore, and restores are rare."""
    doomed = _full_backups(data_dir)[max(keep, 1) :]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def backup_due(data_dir: Path, interval_hours: float, now: dt.datetime | None = None) -> bool:
    """True when the newest backup is older than the interval (or there is none)."""
    backups = _full_backups(data_dir)
    if not backups:
        return True
    now = now or dt.datetime.now(dt.UTC)
    newest = dt.datetime.fromtimestamp(backups[0].stat().st_mtime, dt.UTC)
    return now - newest >= dt.timedelta(hours=interval_hours)


def _refuse(reason: str) -> StoreError:
    return StoreError(
        tr(
            "backup",
            "Không khôi phục được: {reason} Dữ liệu hiện tại chưa bị thay đổi.",
            reason=reason,
        )
    )


def read_backup(path: Path) -> BackupInfo:
    """Check a backup zip whole (manifest, every checksum); StoreError with the reason."""
    if not path.is_file():
        raise _refuse(tr("backup", "không tìm thấy tệp {path}.", path=path))
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                manifest = json.loads(zf.read(MANIFEST))
            except KeyError:
                raise _refuse(
                    tr(
                        "backup",
                        "tệp {name} không phải bản sao lưu của ứng dụng này.",
                        name=path.name,
                    )
                ) from None
            if manifest.get("app") != APP_TAG or STORE_MEMBER not in manifest.get("files", {}):
                raise _refuse(
                    tr(
                        "backup",
                        "tệp {name} không phải bản sao lưu của ứng dụng này.",
                        name=path.name,
                    )
                )
            for name, expected in manifest["files"].items():
                digest = hashlib.sha256()
                with zf.open(name) as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(block)
                if digest.hexdigest() != expected:
                    raise _refuse(
                        tr(
                            "backup",
                            "tệp {name} trong bản sao lưu bị hỏng (sai mã "
                            "kiểm tra); hãy chọn một bản sao lưu khác.",
                            name=name,
                        )
                    )
    except (zipfile.BadZipFile, zlib_error(), OSError, ValueError) as exc:
        if isinstance(exc, StoreError):
            raise
        raise _refuse(
            tr(
                "backup",
                "tệp {name} bị hỏng hoặc không phải tệp nén hợp lệ; hãy chọn một bản sao lưu khác.",
                name=path.name,
            )
        ) from exc
    return BackupInfo(
        path, str(manifest["created_at"]), int(manifest["schema_version"]), len(manifest["files"])
    )


def zlib_error() -> type[Exception]:
    """The error zlib raises on corrupt deflate data."""
    import zlib

    return zlib.error


def restore_backup(path: Path, data_dir: Path, *, known_schema: int) -> Path:
    """Replace the store in ``data_dir`` (which must be closed) with a checked backup.

    ``path`` is a backup zip, or a plain copy kept before a restore by the released
    version (``before-restore-*.sqlite3``). Returns the path of the copy of the
    replaced store (listed with the backups, restorable like them)."""
    plain = path.suffix == ".sqlite3"
    if not plain and read_backup(path).schema_version > known_schema:
        raise _newer()
    private_dir(data_dir)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        if plain:
            _stage_plain_copy(path, staging)
        else:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(staging)
        private_tree(staging)  # extracted with the umask's modes; they move into place
        _check_staged(staging / STORE_MEMBER, known_schema)
        safety = _keep_current(data_dir)
        live = data_dir / STORE_MEMBER
        for suffix in ("-wal", "-shm"):
            Path(str(live) + suffix).unlink(missing_ok=True)
        os.replace(staging / STORE_MEMBER, live)
        if (staging / "attachments").exists():
            target = private_dir(data_dir / "attachments")
            for file in (staging / "attachments").rglob("*"):
                if file.is_file():
                    dest = target / file.relative_to(staging / "attachments")
                    private_dir(dest.parent)
                    os.replace(file, dest)
        return safety
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _newer() -> StoreError:
    return _refuse(
        tr(
            "backup",
            "bản sao lưu do phiên bản mới hơn của ứng dụng tạo; hãy cài phiên bản mới nhất.",
        )
    )


def _stage_plain_copy(path: Path, staging: Path) -> None:
    """Copy a plain SQLite copy (no manifest) into ``staging`` as the store to restore."""
    if not path.is_file():
        raise _refuse(tr("backup", "không tìm thấy tệp {path}.", path=path))
    try:
        shutil.copyfile(path, staging / STORE_MEMBER)
    except OSError as exc:
        raise _refuse(
            tr(
                "backup",
                "tệp {name} bị hỏng hoặc không phải tệp nén hợp lệ; hãy chọn một bản sao lưu khác.",
                name=path.name,
            )
        ) from exc


def _check_staged(store: Path, known_schema: int) -> None:
    """The staged store passes ``integrity_check`` and is not from a newer version."""
    try:
        check = connect(store)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
            version = int(check.execute("PRAGMA user_version").fetchone()[0])
        finally:
            check.close()
    except sqlite3.DatabaseError as exc:
        result, version = str(exc), 0
    if result != "ok":
        raise _refuse(
            tr("backup", "dữ liệu trong bản sao lưu không toàn vẹn ({result}).", result=result)
        )
    if version > known_schema:
        raise _newer()


def _keep_current(data_dir: Path) -> Path:
    """Keep the store about to be replaced as a backup zip (store only: see the module's
    docstring); it is closed, so a plain online copy is consistent."""
    live = data_dir / STORE_MEMBER
    folder = private_dir(data_dir / "backups")
    if not live.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return folder / f"{BEFORE_RESTORE_PREFIX}{stamp}.zip"  # nothing to keep
    db = connect(live)
    try:
        return _write_zip(db, folder, BEFORE_RESTORE_PREFIX, None)
    finally:
        db.close()
