"""Attachment files over sync: down-scaled photos, resumable uploads, lazy downloads.

Files travel apart from records, and after them: a round pushes and pulls the
records first, then uploads what the server lacks (``POST /attachments/missing``).
Each upload resumes at the server's offset (``GET …/offset``) in chunks sized
from the measured throughput, so one chunk fits well inside the time the link
stays up; every chunk carries its SHA-256, and the server checks the whole file
before it accepts it (``POST …/complete``). A file is marked uploaded here only
after that.

Photos are down-scaled before the push (longest side 1600 px, JPEG quality 80,
no EXIF: a 12-megapixel photo of 4 MB becomes ~300 KB, and its GPS position stays
home). The copy is a content-addressed file of its own: the attachment record
keeps the original's ``sha256`` (the laptop that took the photo shows the
original) and names the copy in ``upload_sha256``, which is what the server
receives, verifies and serves. Because the copy is made once and kept, its bytes
do not change between rounds and an upload can resume.

Another laptop downloads a file only when it is needed
(``sync/attachment_download.py``).
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.core.i18n import tr
from danvan_desktop.store.attachments import blob_path, is_image, store_bytes
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records
from danvan_desktop.sync import protocol
from danvan_desktop.sync.transport import ServerRejected, SyncTransport, TransportResponse

if TYPE_CHECKING:
    from danvan_desktop.sync.report import SyncReport

SCALED_LONGEST_SIDE_PX = 1600
SCALED_JPEG_QUALITY = 80
MIN_CHUNK_BYTES = 8 * 1024
MAX_CHUNK_BYTES = 4 * 1024 * 1024  # the server takes up to 8 MB
MISSING_PER_REQUEST = 1000
_RETRIES_PER_FILE = 4  # offset mismatches or bad chunks before a file waits for the next round
_BLOCK = 1 << 20
_CTX = "SyncAttachments"
_log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Upload:
    """A local file the server should hold."""

    sha256: str
    size: int
    path: Path


# -- down-scaling --------------------------------------------------------------------
def downscaled_jpeg(path: Path, longest_side: int = SCALED_LONGEST_SIDE_PX) -> bytes | None:
    """The photo as a JPEG whose longest side is ``longest_side``; None when it is not
    a picture Pillow reads, or is small enough already."""
    try:
        with Image.open(path) as image:
            if max(image.size) <= longest_side:
                return None
            image.draft("RGB", (longest_side, longest_side))  # JPEG: decode at 1/2, 1/4 …
            upright = ImageOps.exif_transpose(image)
        upright.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        _as_rgb(upright).save(out, "JPEG", quality=SCALED_JPEG_QUALITY, optimize=True)
        return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        _log.info("not down-scaled: %s (%s)", path, exc)
        return None


def _as_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")


def prepare_uploads(records: Records) -> int:
    """Give each new photo of this laptop its down-scaled copy, named in the record
    (``upload_sha256``) before the record is pushed; returns how many were prepared."""
    rows = list(
        records.db.query(
            "SELECT a.id, a.sha256, a.mime_type, b.size FROM attachment a "
            "JOIN attachment_blob b ON b.sha256 = a.sha256 "
            "WHERE a.deleted = 0 AND a.upload_sha256 IS NULL AND b.uploaded = 0"
        )
    )
    prepared = 0
    for row in rows:
        original = blob_path(records.store, row["sha256"])
        if not is_image(row["mime_type"]) or not original.is_file():
            continue
        scaled = downscaled_jpeg(original)
        upload_sha = row["sha256"]  # no smaller copy: the original travels
        with records.db.atomic():
            if scaled is not None and len(scaled) < int(row["size"]):
                stored = store_bytes(records.store, scaled)
                remember_blob(records, stored.sha256, stored.size, uploaded=False)
                upload_sha = stored.sha256
            try:
                records.save("attachment", {"upload_sha256": upload_sha}, record_id=row["id"])
            except DanvanError as exc:  # e.g. its owner was deleted: send the original
                _log.info("attachment %s keeps its original for upload: %s", row["id"], exc)
                continue
        prepared += 1
    return prepared


def remember_blob(records: Records, sha256: str, size: int, *, uploaded: bool) -> None:
    """Note a file this laptop holds, and whether the server has it."""
    records.db.execute(
        "INSERT INTO attachment_blob(sha256, size, stored_at, uploaded) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(sha256) DO UPDATE SET uploaded = max(uploaded, excluded.uploaded)",
        [sha256, size, utc_now(), int(uploaded)],
    )


# -- upload --------------------------------------------------------------------------
def uploads_wanted(records: Records) -> list[Upload]:
    """Files named by pushed attachment records that the server may still lack."""
    rows = records.db.query(
        "SELECT DISTINCT b.sha256, b.size FROM attachment a "
        "JOIN attachment_blob b ON b.sha256 = coalesce(a.upload_sha256, a.sha256) "
        "WHERE a.deleted = 0 AND a.server_version IS NOT NULL AND b.uploaded = 0 "
        "ORDER BY b.stored_at, b.sha256"
    )
    wanted = []
    for row in rows:
        path = blob_path(records.store, row["sha256"])
        if path.is_file():
            wanted.append(Upload(row["sha256"], int(row["size"]), path))
    return wanted


@dataclass
class UploadMemory:
    """What one engine learnt of the server's copies, so a round retried after a drop
    does not ask again: which files it lacks, and where each upload stands."""

    missing: set[str] = field(default_factory=set)
    offsets: dict[str, int] = field(default_factory=dict)


def upload_pending(
    records: Records,
    transport: SyncTransport,
    report: SyncReport,
    *,
    memory: UploadMemory | None = None,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> None:
    """Upload every file the server lacks, each resumed where the server's copy ends."""
    memory = memory or UploadMemory()
    wanted = uploads_wanted(records)
    unknown = [item.sha256 for item in wanted if item.sha256 not in memory.missing]
    for start in range(0, len(unknown), MISSING_PER_REQUEST):
        part = unknown[start : start + MISSING_PER_REQUEST]
        response = transport.post_json(
            f"{protocol.API_PREFIX}/attachments/missing", {"sha256": part}, cancel=cancel
        )
        _count(report, response)
        lacking = set(response.json().get("missing", []))
        memory.missing |= lacking
        with records.db.atomic():
            for item in wanted:
                if item.sha256 in part and item.sha256 not in lacking:
                    remember_blob(records, item.sha256, item.size, uploaded=True)
    todo = [item for item in wanted if item.sha256 in memory.missing]
    uploader = _Uploader(transport, report, memory, cancel, progress)
    uploader.total_bytes = sum(i.size - memory.offsets.get(i.sha256, 0) for i in todo)
    for item in todo:
        if uploader.upload(item):
            with records.db.atomic():
                remember_blob(records, item.sha256, item.size, uploaded=True)
            memory.missing.discard(item.sha256)
            report.files_uploaded += 1


class _Uploader:
    """Uploads files one chunk at a time, counting bytes and progress for one round."""

    def __init__(
        self,
        transport: SyncTransport,
        report: SyncReport,
        memory: UploadMemory,
        cancel: threading.Event | None,
        progress: Progress | None,
    ) -> None:
        self.transport = transport
        self.report = report
        self.memory = memory
        self.cancel = cancel
        self.progress = progress or (lambda stage, done, total: None)
        self.total_bytes = 0
        self.done_bytes = 0

    def upload(self, item: Upload) -> bool:
        """Send ``item`` from the server's offset and complete it; False: try next round.

        The offset is asked of the server, unless this engine's last chunk of the file
        was answered and nothing was on the wire for it since (the link dropped between
        requests): then the offset that answer gave is still the server's.
        """
        url = f"{protocol.API_PREFIX}/attachments/{item.sha256}"
        for _attempt in range(_RETRIES_PER_FILE):
            offset = self.memory.offsets.get(item.sha256)
            if offset is None:
                offset = self._server_offset(url)
                if offset is None:
                    return True  # complete already (another laptop, or before a kill)
            try:
                self._send_from(item, url, offset)
                response = self.transport.post_json(
                    f"{url}/complete", {"size": item.size}, cancel=self.cancel
                )
                _count(self.report, response)
                self.memory.offsets.pop(item.sha256, None)
                return True
            except ServerRejected as exc:
                self.memory.offsets.pop(item.sha256, None)  # ask the server next time
                if exc.status not in (409, 422):
                    self.report.messages.append(_refused_note(item, exc))
                    return False
                if exc.status == 422 and file_sha256(item.path) != item.sha256:
                    raise DanvanError(_damaged_note(item)) from exc
                _log.info("upload of %s restarts from the server's offset: %s", item.sha256, exc)
        return False

    def _server_offset(self, url: str) -> int | None:
        response = self.transport.get(f"{url}/offset", cancel=self.cancel)
        _count(self.report, response)
        answer = response.json()
        return None if answer.get("complete") else int(answer.get("offset") or 0)

    def _send_from(self, item: Upload, url: str, offset: int) -> None:
        with open(item.path, "rb") as source:
            while offset < item.size:
                if self.cancel is not None and self.cancel.is_set():
                    raise OperationCancelled(tr(_CTX, "Đã dừng gửi tệp đính kèm theo yêu cầu."))
                source.seek(offset)
                data = source.read(chunk_bytes(self.transport))
                # Unknown while the chunk is on the wire: a drop may come before or
                # after the server appended it.
                self.memory.offsets.pop(item.sha256, None)
                response = self.transport.request(
                    "PUT",
                    f"{url}?offset={offset}",
                    body=data,
                    content_type="application/octet-stream",
                    headers={protocol.HEADER_CHUNK_SHA256: hashlib.sha256(data).hexdigest()},
                    compress=False,  # photos do not shrink; the chunk hash is of these bytes
                    cancel=self.cancel,
                )
                _count(self.report, response)
                self.report.file_bytes_sent += len(data)
                offset = int(response.json()["offset"])
                self.memory.offsets[item.sha256] = offset
                self.done_bytes += len(data)
                self.progress("upload", self.done_bytes, self.total_bytes)


def chunk_bytes(transport: SyncTransport) -> int:
    """One chunk: what the link carries in a quarter of its typical uptime."""
    budget = transport.estimator.batch_budget_bytes()
    return max(MIN_CHUNK_BYTES, min(MAX_CHUNK_BYTES, budget))


# -- helpers -------------------------------------------------------------------------
def _count(report: SyncReport, response: TransportResponse) -> None:
    report.bytes_sent += response.bytes_sent
    report.bytes_received += response.bytes_received


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _refused_note(item: Upload, exc: ServerRejected) -> str:
    return tr(
        _CTX,
        "Máy chủ của thành phố chưa nhận tệp đính kèm {name}: {reason}",
        name=item.sha256[:12],
        reason=exc.message,
    )


def _damaged_note(item: Upload) -> str:
    return tr(
        _CTX,
        "Tệp đính kèm {name} trên máy đã bị hỏng (mã kiểm tra không khớp): hãy đính kèm lại "
        "tệp gốc.",
        name=item.sha256[:12],
    )
