"""Content-addressed attachment files: resumable chunked upload, verified completion.

Files live under the folder chosen at ``init`` as ``<ab>/<sha256>``, with the
partial upload beside it as ``<sha256>.part``. A chunk is appended only at the
offset the server holds and only when its own checksum matches; the file is
accepted (renamed into place and listed in ``blobs``) only after the whole-file
SHA-256 matches its name. Every write is fsynced before it is acknowledged.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select

from danvan_server.auth import Scope
from danvan_server.db import blobs, reading, records, writing
from danvan_server.http import ApiError
from danvan_server.messages import say
from danvan_server.pull import visible_to
from danvan_server.records import utc_now

_SHA256 = re.compile(r"[0-9a-f]{64}")
_locks_guard = threading.Lock()
_locks: dict[str, threading.Lock] = {}


class AttachmentStore:
    """The attachments folder of one server and the ``blobs`` table that lists it."""

    def __init__(self, engine: Engine, folder: Path, max_bytes: int) -> None:
        self.engine = engine
        self.folder = folder
        self.max_bytes = max_bytes

    def final_path(self, sha: str) -> Path:
        """Where a complete file lives."""
        return self.folder / sha[:2] / sha

    def part_path(self, sha: str) -> Path:
        """Where an upload in progress lives."""
        return self.folder / sha[:2] / f"{sha}.part"

    def stored_size(self, sha: str) -> int | None:
        """The size of a complete file, None when the server lacks it."""
        with reading(self.engine) as connection:
            row = connection.execute(select(blobs.c.size).where(blobs.c.sha256 == sha)).first()
        return None if row is None else int(row[0])

    def missing(self, shas: list[str]) -> list[str]:
        """The hashes among ``shas`` the server has no complete file for, in order."""
        with reading(self.engine) as connection:
            have = {
                row[0]
                for row in connection.execute(
                    select(blobs.c.sha256).where(blobs.c.sha256.in_(shas))
                )
            }
        return [sha for sha in dict.fromkeys(shas) if sha not in have]

    def offset(self, sha: str) -> dict[str, Any]:
        """Where an upload resumes: ``{"offset", "complete"}``."""
        size = self.stored_size(sha)
        if size is not None:
            return {"offset": size, "complete": True}
        part = self.part_path(sha)
        return {"offset": part.stat().st_size if part.exists() else 0, "complete": False}

    def append(self, sha: str, offset: int, data: bytes, chunk_sha: str, language: str) -> int:
        """Append one verified chunk at ``offset``; return the new offset."""
        if hashlib.sha256(data).hexdigest() != chunk_sha.strip().lower():
            raise ApiError(
                422, say(language, "Mã kiểm tra của phần tệp không khớp: hãy gửi lại phần này.")
            )
        size = self.stored_size(sha)
        if size is not None:
            return size
        with _file_lock(sha):
            part = self.part_path(sha)
            held = part.stat().st_size if part.exists() else 0
            if offset != held:
                raise OffsetMismatch(held, language)
            if held + len(data) > self.max_bytes:
                raise ApiError(
                    413,
                    say(
                        language,
                        "Tệp đính kèm quá lớn (tối đa {limit} byte).",
                        limit=self.max_bytes,
                    ),
                )
            part.parent.mkdir(parents=True, exist_ok=True)
            with part.open("ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return held + len(data)

    def complete(self, sha: str, size: int, device_id: str, language: str) -> None:
        """Accept the upload when its size and whole-file hash match (422 otherwise)."""
        if self.stored_size(sha) is not None:
            return
        with _file_lock(sha):
            part = self.part_path(sha)
            held = part.stat().st_size if part.exists() else 0
            if held != size:
                raise OffsetMismatch(held, language, expected=size)
            if _file_sha256(part) != sha:
                part.unlink()
                raise ApiError(
                    422,
                    say(
                        language,
                        "Tệp nhận được không khớp mã SHA-256 của nó nên đã bị bỏ: hãy gửi lại "
                        "từ đầu.",
                    ),
                )
            final = self.final_path(sha)
            os.replace(part, final)
            _fsync_folder(final.parent)
            self._list(sha, size, device_id)

    def store_whole(self, sha: str, data: bytes, device_id: str) -> None:
        """Keep a file that arrived whole (a USB bundle's), already checked against ``sha``:
        written and synced under a temporary name, renamed, then listed."""
        if self.stored_size(sha) is not None:
            return
        with _file_lock(sha):
            final = self.final_path(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=final.parent, prefix=f".{sha[:8]}-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(temporary, final)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            _fsync_folder(final.parent)
            self._list(sha, len(data), device_id)

    def _list(self, sha: str, size: int, device_id: str) -> None:
        """Add a complete file to the ``blobs`` table (once)."""
        with writing(self.engine, sequenced=False) as connection:
            known = connection.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha)).first()
            if known is None:
                connection.execute(
                    insert(blobs).values(
                        sha256=sha, size=size, stored_at=utc_now(), device_id=device_id
                    )
                )

    def readable_path(self, sha: str, scope: Scope) -> Path | None:
        """The file, when this device may read it: named by a record in scope, or its own."""
        with reading(self.engine) as connection:
            row = connection.execute(select(blobs.c.device_id).where(blobs.c.sha256 == sha)).first()
            if row is None:
                return None
            allowed = (
                row.device_id == scope.device_id
                or connection.execute(
                    select(records.c.id)
                    .where(records.c.blob_sha256 == sha, records.c.deleted.is_(False))
                    .where(visible_to(scope))
                    .limit(1)
                ).first()
                is not None
            )
        path = self.final_path(sha)
        return path if allowed and path.exists() else None


class OffsetMismatch(ApiError):
    """A chunk or completion that does not start where the server's copy ends (409)."""

    def __init__(self, held: int, language: str, expected: int | None = None) -> None:
        if expected is None:
            text = say(
                language,
                "Máy chủ đang giữ {held} byte của tệp: hãy gửi tiếp từ vị trí đó.",
                held=held,
            )
        else:
            text = say(
                language,
                "Máy chủ mới nhận {held} trên {size} byte của tệp: hãy gửi tiếp từ vị trí {held}.",
                held=held,
                size=expected,
            )
        super().__init__(409, text)
        self.offset = held


def check_sha256(value: str, language: str) -> str:
    """``value`` when it is a lower-case hex SHA-256 (422 otherwise)."""
    if not _SHA256.fullmatch(value):
        raise ApiError(
            422, say(language, "Mã SHA-256 phải gồm 64 chữ số thập lục phân viết thường.")
        )
    return value


@contextlib.contextmanager
def _file_lock(sha: str) -> Iterator[None]:
    with _locks_guard:
        lock = _locks.setdefault(sha, threading.Lock())
    with lock:
        yield


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder to fsync it
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
