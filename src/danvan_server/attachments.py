"""Content-addressed attachment files: resumable chunked upload, verified completion.

Files live under the folder chosen at ``init`` as ``<ab>/<sha256>``, with a unit's
partial upload beside it as ``<sha256>.<unit key>.part``. A chunk is appended only at
the offset the server holds and only when its own checksum matches; the file is
accepted (renamed into place and listed in ``blobs``) only after the whole-file
SHA-256 matches its name. Every write is fsynced before it is acknowledged. Files
are 0600 in 0700 folders: they are the teams' photos.

A unit gets a file only by sending its bytes. ``blob_holders`` lists the units that
uploaded each file; a device may read a file when it can read one of them (its own
unit, or a unit below it), and ``/missing`` and the upload offset answer for the
device's unit: knowing a file's SHA-256, or naming it in a record, is not enough. A
second unit that has the same bytes sends them again (and is then listed too).
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

from sqlalchemy import ColumnElement, Connection, Engine, insert, select

from danvan_desktop.core.private_files import (
    is_private,
    open_private,
    private_dir,
    private_tree,
)
from danvan_server.auth import Scope
from danvan_server.db import blob_holders, blobs, devices, reading, records, units, writing
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
        if folder.is_dir() and not is_private(folder):
            private_tree(folder)  # made by an older release with the umask's modes: once

    def final_path(self, sha: str) -> Path:
        """Where a complete file lives."""
        return self.folder / sha[:2] / sha

    def part_path(self, sha: str, unit_id: str) -> Path:
        """Where a unit's upload in progress lives (each unit sends its own bytes)."""
        unit_key = hashlib.sha256(unit_id.encode()).hexdigest()[:16]
        return self.folder / sha[:2] / f"{sha}.{unit_key}.part"

    def stored_size(self, sha: str) -> int | None:
        """The size of a complete file, None when the server lacks it."""
        with reading(self.engine) as connection:
            row = connection.execute(select(blobs.c.size).where(blobs.c.sha256 == sha)).first()
        return None if row is None else int(row[0])

    def readable_size(self, sha: str, scope: Scope) -> int | None:
        """The size of a complete file this device may read, None otherwise."""
        with reading(self.engine) as connection:
            return _readable_size(connection, sha, scope)

    def missing(self, shas: list[str], scope: Scope) -> list[str]:
        """The hashes among ``shas`` this device's unit has no readable file for, in order."""
        with reading(self.engine) as connection:
            have = {
                row[0]
                for row in connection.execute(
                    select(blob_holders.c.sha256)
                    .join_from(blob_holders, units, units.c.id == blob_holders.c.unit_id)
                    .where(blob_holders.c.sha256.in_(shas), _held_within(scope))
                )
            }
        return [sha for sha in dict.fromkeys(shas) if sha not in have]

    def offset(self, sha: str, scope: Scope) -> dict[str, Any]:
        """Where this unit's upload resumes: ``{"offset", "complete"}``."""
        size = self.readable_size(sha, scope)
        if size is not None:
            return {"offset": size, "complete": True}
        part = self.part_path(sha, scope.unit.id)
        return {"offset": part.stat().st_size if part.exists() else 0, "complete": False}

    def append(
        self, sha: str, offset: int, data: bytes, chunk_sha: str, scope: Scope, language: str
    ) -> int:
        """Append one verified chunk at ``offset`` to this unit's upload; the new offset."""
        if hashlib.sha256(data).hexdigest() != chunk_sha.strip().lower():
            raise ApiError(
                422, say(language, "Mã kiểm tra của phần tệp không khớp: hãy gửi lại phần này.")
            )
        size = self.readable_size(sha, scope)
        if size is not None:
            return size
        with _file_lock(sha):
            part = self.part_path(sha, scope.unit.id)
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
            private_dir(part.parent)
            with open_private(part, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return held + len(data)

    def complete(self, sha: str, size: int, scope: Scope, language: str) -> None:
        """Accept this unit's upload when its size and whole-file hash match (422 otherwise)."""
        if self.readable_size(sha, scope) is not None:
            return
        with _file_lock(sha):
            part = self.part_path(sha, scope.unit.id)
            held = part.stat().st_size if part.exists() else 0
            if held != size:
                raise OffsetMismatch(held, language, expected=size)
            if not part.exists():  # size 0 and no chunk sent: the upload of an empty file
                private_dir(part.parent)
                open_private(part, "ab").close()
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
            if final.exists():  # another unit sent the same bytes before: this one has them too
                part.unlink()
            else:
                os.replace(part, final)
                _fsync_folder(final.parent)
            self._list(sha, size, scope.device_id, scope.unit.id)

    def store_whole(self, sha: str, data: bytes, device_id: str) -> None:
        """Keep a file that arrived whole (a USB bundle's), already checked against ``sha``:
        written and synced under a temporary name (0600), renamed, then listed as held by
        the device's unit."""
        if self.stored_size(sha) is not None and self.final_path(sha).exists():
            self._list(sha, len(data), device_id)  # the device's unit has the bytes too
            return
        with _file_lock(sha):
            final = self.final_path(sha)
            private_dir(final.parent)
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

    def _list(self, sha: str, size: int, device_id: str, unit_id: str | None = None) -> None:
        """Add a complete file to the ``blobs`` table (once), held by the uploader's unit."""
        with writing(self.engine, sequenced=False) as connection:
            known = connection.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha)).first()
            if known is None:
                connection.execute(
                    insert(blobs).values(
                        sha256=sha, size=size, stored_at=utc_now(), device_id=device_id
                    )
                )
            if unit_id is None:
                unit_id = connection.execute(
                    select(devices.c.unit_id).where(devices.c.device_id == device_id)
                ).scalar_one_or_none()
            if unit_id is None:
                return  # no such device: the file is kept, readable by no one yet
            held = connection.execute(
                select(blob_holders.c.sha256).where(
                    blob_holders.c.sha256 == sha, blob_holders.c.unit_id == unit_id
                )
            ).first()
            if held is None:
                connection.execute(
                    insert(blob_holders).values(sha256=sha, unit_id=unit_id, stored_at=utc_now())
                )

    def readable_path(self, sha: str, scope: Scope) -> Path | None:
        """The file, when this device may read it: its unit, or one below, uploaded it."""
        if self.readable_size(sha, scope) is None:
            return None
        path = self.final_path(sha)
        return path if path.exists() else None

    def named_in_scope(self, sha: str, scope: Scope) -> bool:
        """True when a live record this device may read names the file."""
        with reading(self.engine) as connection:
            row = connection.execute(
                select(records.c.id)
                .where(records.c.blob_sha256 == sha, records.c.deleted.is_(False))
                .where(visible_to(scope))
                .limit(1)
            ).first()
        return row is not None


def _held_within(scope: Scope) -> ColumnElement[bool]:
    """Holders (joined with ``units``) this scope may read: its unit and those below."""
    return units.c.path.startswith(scope.unit.path, autoescape=True)


def _readable_size(connection: Connection, sha: str, scope: Scope) -> int | None:
    row = connection.execute(
        select(blobs.c.size)
        .join_from(blobs, blob_holders, blob_holders.c.sha256 == blobs.c.sha256)
        .join(units, units.c.id == blob_holders.c.unit_id)
        .where(blobs.c.sha256 == sha, _held_within(scope))
        .limit(1)
    ).first()
    return None if row is None else int(row[0])


def fill_blob_holders(connection: Connection) -> None:
    """Schema step 3: each file already stored stays readable by the unit of the device
    that uploaded it (and by the units above it)."""
    uploaded = (
        select(blobs.c.sha256, devices.c.unit_id, blobs.c.stored_at)
        .join_from(blobs, devices, devices.c.device_id == blobs.c.device_id)
        .where(
            ~select(blob_holders.c.sha256)
            .where(
                blob_holders.c.sha256 == blobs.c.sha256,
                blob_holders.c.unit_id == devices.c.unit_id,
            )
            .exists()
        )
    )
    connection.execute(
        insert(blob_holders).from_select(["sha256", "unit_id", "stored_at"], uploaded)
    )


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
