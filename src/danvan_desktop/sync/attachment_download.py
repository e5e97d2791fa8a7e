"""Attachment files on demand: a laptop downloads a file when it is opened.

The file named by the record's ``upload_sha256`` (the down-scaled copy the server
holds), or its ``sha256`` when that is null, comes in ``Range`` requests of the same
size as upload chunks (what the link carries in a quarter of its uptime), each
appended and fsynced to a ``.download`` file beside where the file will live, so a
dropped link or a killed process resumes where it stopped. The whole file is
checked against its hash before it is renamed into place; a mismatch discards it.
The file is 0600 in 0700 folders, like every file of the data folder.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.private_files import open_private, private_dir
from danvan_desktop.store.attachments import blob_path, local_path
from danvan_desktop.store.database import fsync_dir
from danvan_desktop.store.records import Records
from danvan_desktop.sync import protocol
from danvan_desktop.sync.attachments import Progress, chunk_bytes, file_sha256, remember_blob
from danvan_desktop.sync.transport import (
    LinkDown,
    ServerRejected,
    SyncTransport,
    TransportResponse,
)

_CTX = "SyncAttachments"


def fetch_attachment(
    records: Records,
    transport: SyncTransport,
    attachment_id: str,
    *,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> Path:
    """The local file of an attachment record, downloaded first when this laptop lacks it."""
    row = records.get("attachment", attachment_id)
    path = local_path(records.store, row)
    if path.is_file():
        return path
    sha = str(row.get("upload_sha256") or row["sha256"])
    return fetch_blob(records, transport, sha, cancel=cancel, progress=progress)


def fetch_blob(
    records: Records,
    transport: SyncTransport,
    sha256: str,
    *,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> Path:
    """Download the file named ``sha256`` in ranges, resuming a partial download."""
    target = blob_path(records.store, sha256)
    if target.is_file():
        return target
    partial = target.with_name(target.name + ".download")
    private_dir(partial.parent)
    offset = partial.stat().st_size if partial.exists() else 0
    total: int | None = None
    while total is None or offset < total:
        end = offset + chunk_bytes(transport) - 1
        try:
            response = transport.request(
                "GET",
                f"{protocol.API_PREFIX}/attachments/{sha256}",
                headers={"Range": f"bytes={offset}-{end}", "Accept-Encoding": "identity"},
                cancel=cancel,
            )
        except ServerRejected as exc:
            if exc.status != 416 or offset == 0:
                raise
            break  # the partial file already holds every byte: verify it below
        before = offset
        offset, total = _append_range(partial, offset, response)
        if offset <= before and offset < total:
            raise LinkDown(f"empty range answer at {before} of {total}")  # try again later
        if progress is not None:
            progress("download", offset, total)
    return _adopt_download(records, partial, target, sha256)


def _append_range(partial: Path, offset: int, response: TransportResponse) -> tuple[int, int]:
    """Write one answer at ``offset``; the new offset and the file's total size."""
    if response.status == 200:  # the whole file: the server ignored the range
        offset, total = 0, len(response.body)
    else:
        total = int(response.headers.get("Content-Range", "*/0").rsplit("/", 1)[-1])
    with open_private(partial, "r+b" if partial.exists() else "wb") as sink:
        sink.seek(offset)
        sink.write(response.body)
        sink.truncate()
        sink.flush()
        os.fsync(sink.fileno())
    return offset + len(response.body), total


def _adopt_download(records: Records, partial: Path, target: Path, sha256: str) -> Path:
    if file_sha256(partial) != sha256:
        partial.unlink()
        raise DanvanError(
            tr(
                _CTX,
                "Tệp tải về từ máy chủ không khớp mã kiểm tra nên đã bị bỏ: hãy mở lại tệp "
                "để tải lại.",
            )
        )
    size = partial.stat().st_size
    os.replace(partial, target)
    fsync_dir(target.parent)
    with records.db.atomic():
        remember_blob(records, sha256, size, uploaded=True)
    return target
