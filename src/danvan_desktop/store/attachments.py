"""Photos and documents attached to records, stored once by their SHA-256.

A file is copied to ``attachments/ab/cdef…`` (the first two hex digits name the
folder so that no folder holds tens of thousands of files), written to a
``.partial`` name, fsynced and renamed, so a killed process never leaves half a
file under a real name; files are 0600 in 0700 folders (core/private_files.py).
The same content attached twice is stored once. The ``attachment`` record (synced)
links the file to its owner; ``attachment_blob`` (laptop-only) remembers which files
the laptop holds and whether they were uploaded. No Qt here: thumbnails are the UI's business.

A photo is uploaded down-scaled (``sync/attachments.py``): its record then names
the copy the server holds in ``upload_sha256``. The laptop that took it shows the
original; another laptop shows the copy it downloaded.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_desktop.core.attachments import is_image as is_image  # it lives in core
from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.private_files import open_private, private_dir
from danvan_desktop.store.changes import Change
from danvan_desktop.store.database import Store, fsync_dir, utc_now
from danvan_desktop.store.records import Records

BLOCK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    """A file in the attachment folder: its hash, size and where it lives."""

    sha256: str
    size: int
    path: Path


def blob_path(store: Store, sha256: str) -> Path:
    """Where the file with this SHA-256 lives (whether or not it is there yet)."""
    sha256 = sha256.lower()
    return store.attachments_dir / sha256[:2] / sha256[2:]


def _digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(BLOCK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _unreadable(source: Path, reason: str) -> ValidationError:
    return ValidationError(
        [
            FieldProblem(
                "file_name",
                tr(
                    "attachments",
                    "Không đọc được tệp {path} ({reason}): hãy chọn lại tệp.",
                    path=source,
                    reason=reason,
                ),
            )
        ]
    )


def store_file(store: Store, source: Path) -> StoredFile:
    """Copy ``source`` into the attachment folder by content (kept once), fsynced."""
    source = Path(source)
    if not source.is_file():
        raise _unreadable(source, tr("attachments", "không phải một tệp"))
    try:
        sha256, size = _digest(source)
        target = blob_path(store, sha256)
        if target.is_file() and target.stat().st_size == size:
            return StoredFile(sha256, size, target)
        private_dir(target.parent)
        partial = target.with_name(target.name + ".partial")
        with open(source, "rb") as src, open_private(partial) as dst:
            shutil.copyfileobj(src, dst, BLOCK)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        raise _unreadable(source, exc.strerror or str(exc)) from exc
    os.replace(partial, target)
    fsync_dir(target.parent)
    return StoredFile(sha256, size, target)


def store_bytes(store: Store, data: bytes) -> StoredFile:
    """Keep ``data`` in the attachment folder by content (once), fsynced."""
    sha256 = hashlib.sha256(data).hexdigest()
    target = blob_path(store, sha256)
    if target.is_file() and target.stat().st_size == len(data):
        return StoredFile(sha256, len(data), target)
    private_dir(target.parent)
    partial = target.with_name(target.name + ".partial")
    with open_private(partial) as dst:
        dst.write(data)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(partial, target)
    fsync_dir(target.parent)
    return StoredFile(sha256, len(data), target)


def add_attachment(
    records: Records,
    source: Path,
    *,
    owner_entity: str,
    owner_id: str,
    caption: str | None = None,
) -> Change:
    """Store ``source`` and link it to the owning record (a tracked ``attachment``)."""
    store = records.store
    stored = store_file(store, source)
    mime_type = mimetypes.guess_type(Path(source).name)[0] or "application/octet-stream"
    with records.db.atomic():
        records.db.execute(
            "INSERT INTO attachment_blob(sha256, size, stored_at) VALUES (?, ?, ?) "
            "ON CONFLICT(sha256) DO NOTHING",
            [stored.sha256, stored.size, utc_now()],
        )
        return records.save(
            "attachment",
            {
                "sha256": stored.sha256,
                "owner_entity": owner_entity,
                "owner_id": owner_id,
                "file_name": Path(source).name,
                "mime_type": mime_type,
                "size": stored.size,
                "caption": caption,
            },
        )


def attachments_of(records: Records, owner_entity: str, owner_id: str) -> list[dict[str, Any]]:
    """The live attachments of one record, oldest first, each with its ``path``.

    The path is the original when this laptop has it, else the server's copy (a
    down-scaled photo) once downloaded; ``present`` says whether that file is here.
    """
    rows = records.rows("attachment", "owner_entity = ? AND owner_id = ?", [owner_entity, owner_id])
    out = []
    for row in rows:
        path = local_path(records.store, row)
        out.append({**row, "path": path, "present": path.is_file()})
    return out


def local_path(store: Store, attachment: dict[str, Any]) -> Path:
    """Where this laptop keeps an attachment's file: the original, else the server's copy."""
    original = blob_path(store, str(attachment["sha256"]))
    upload = attachment.get("upload_sha256")
    if original.is_file() or not upload:
        return original
    return blob_path(store, str(upload))
