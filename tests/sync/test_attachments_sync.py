"""Attachments over sync against the real server: down-scaled photos, resumable uploads
and downloads, originals kept on the laptop that took them."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from danvan_desktop.core.errors import DanvanError, OperationCancelled
from danvan_desktop.session import Session
from danvan_desktop.store.attachments import blob_path
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import ServerRejected, SyncTransport
from support.photos import photo
from support.server_process import ServerApi
from support.slowlink import SlowLink
from support.sync_engines import transport_at
from sync.conftest import Province


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _model_with_file(laptop: Session, tmp_path: Path, name: str, data: bytes) -> tuple[str, str]:
    """A new model with one attached file; returns (model id, attachment id)."""
    model_id = laptop.add_model(name="Đường hoa", field_code="new_rural", year=2026).record_id
    source = tmp_path / name
    source.write_bytes(data)
    attachment_id = laptop.add_attachment(source, owner_entity="model", owner_id=model_id)
    assert model_id and attachment_id.record_id
    return model_id, attachment_id.record_id


def _small_chunk_transport(laptop: Session, url: str) -> SyncTransport:
    """A transport whose estimator never measures: chunks stay at 15 KB on loopback."""
    estimator = ThroughputEstimator(initial_bytes_per_s=1_000.0, min_sample_bytes=10**12)
    return transport_at(url, estimator=estimator)


def _server_api(province: Province, laptop: Session) -> ServerApi:
    return ServerApi(
        province.server.url,
        token=laptop.store.meta("sync_token"),
        device_id=laptop.store.device_id,
    )


def test_photo_travels_down_scaled_and_the_original_stays(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """A's 2400 px photo reaches B as a 1600 px JPEG; A still shows its original."""
    a, b = laptops("a"), laptops("b")
    original = photo(1)
    model_id, attachment_id = _model_with_file(a, tmp_path, "anh.jpg", original)
    report = a.sync_now()
    assert report.files_uploaded == 1
    b.sync_now()
    path = b.fetch_attachment(attachment_id)
    record = b.get_record("attachment", attachment_id)
    assert record["sha256"] == _sha(original)
    assert _sha(path.read_bytes()) == record["upload_sha256"] != record["sha256"]
    with Image.open(path) as image:
        assert (image.format, max(image.size)) == ("JPEG", 1600)
    [mine] = a.attachments_of("model", model_id)
    assert mine["path"].read_bytes() == original


def test_down_scaled_copy_carries_no_exif(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """A photo's EXIF (GPS, camera) is not in the copy the server receives."""
    a = laptops("a")
    source = tmp_path / "gps.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh của tổ"  # Make
    Image.new("RGB", (2000, 1500), (120, 160, 90)).save(source, "JPEG", exif=exif.tobytes())
    with Image.open(source) as taken:
        assert dict(taken.getexif()) != {}
    model_id = a.add_model(name="Ảnh có GPS", field_code="new_rural", year=2026).record_id
    attachment_id = a.add_attachment(source, owner_entity="model", owner_id=model_id).record_id
    a.sync_now()
    record = a.get_record("attachment", attachment_id)
    with Image.open(blob_path(a.store, record["upload_sha256"])) as copy:
        assert dict(copy.getexif()) == {}


def test_small_picture_travels_unchanged(
    laptops: Callable[[str], Session], tmp_path: Path, province: Province
) -> None:
    """A picture already within 1600 px is uploaded as it is, under its own hash."""
    a = laptops("a")
    small = photo(2, size=(800, 600))
    _model_id, attachment_id = _model_with_file(a, tmp_path, "nho.jpg", small)
    a.sync_now()
    assert a.get_record("attachment", attachment_id)["upload_sha256"] == _sha(small)
    missing = _server_api(province, a).post_json("/attachments/missing", {"sha256": [_sha(small)]})
    assert missing.json() == {"missing": []}


def test_document_travels_unchanged_and_downloads(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """A PDF is not touched: no upload copy, and B downloads the same bytes."""
    a, b = laptops("a"), laptops("b")
    document = b"%PDF-1.4\n" + bytes(range(256)) * 400
    _model_id, attachment_id = _model_with_file(a, tmp_path, "bien-ban.pdf", document)
    a.sync_now()
    b.sync_now()
    assert b.get_record("attachment", attachment_id)["upload_sha256"] is None
    assert b.fetch_attachment(attachment_id).read_bytes() == document


def test_records_arrive_before_the_photo(
    laptops: Callable[[str], Session], tmp_path: Path, province: Province
) -> None:
    """A round stopped during the photo upload has already delivered the records."""
    a, b = laptops("a"), laptops("b")
    model_id, attachment_id = _model_with_file(a, tmp_path, "anh.jpg", photo(3))
    cancel = threading.Event()

    def stop_after_first_chunk(stage: str, done: int, total: int) -> None:
        if stage == "upload":
            cancel.set()

    with _small_chunk_transport(a, province.server.url) as transport:
        engine = SyncEngine(a.records, transport, cancel=cancel, progress=stop_after_first_chunk)
        with pytest.raises(OperationCancelled):
            engine.sync_once()
    b.sync_now()
    assert b.get_record("model", model_id)["name"] == "Đường hoa"
    with pytest.raises(ServerRejected) as refused:
        b.fetch_attachment(attachment_id)
    assert refused.value.status == 404


def test_upload_resumes_from_the_server_offset_and_is_marked_after_complete(
    laptops: Callable[[str], Session], tmp_path: Path, province: Province
) -> None:
    """Stopped after one chunk: not marked uploaded; the next round sends only the rest."""
    a = laptops("a")
    _model_id, attachment_id = _model_with_file(a, tmp_path, "anh.jpg", photo(4))
    cancel = threading.Event()
    with _small_chunk_transport(a, province.server.url) as transport:
        engine = SyncEngine(
            a.records,
            transport,
            cancel=cancel,
            progress=lambda stage, done, total: cancel.set() if stage == "upload" else None,
        )
        with pytest.raises(OperationCancelled):
            engine.sync_once()
    sha = a.get_record("attachment", attachment_id)["upload_sha256"]
    size = blob_path(a.store, sha).stat().st_size
    uploaded = a.store.db.execute("SELECT uploaded FROM attachment_blob WHERE sha256 = ?", [sha])
    assert uploaded.fetchone()[0] == 0
    held = _server_api(province, a).request("GET", f"/attachments/{sha}/offset").json()
    assert 0 < held["offset"] < size and held["complete"] is False
    report = a.sync_now()
    assert report.files_uploaded == 1
    assert report.file_bytes_sent == size - held["offset"]
    uploaded = a.store.db.execute("SELECT uploaded FROM attachment_blob WHERE sha256 = ?", [sha])
    assert uploaded.fetchone()[0] == 1


def test_download_resumes_a_partial_file(
    laptops: Callable[[str], Session], tmp_path: Path, province: Province
) -> None:
    """B already holds the first 100 KB of the photo: only the rest crosses the link."""
    a, b = laptops("a"), laptops("b")
    _model_id, attachment_id = _model_with_file(a, tmp_path, "anh.jpg", photo(5))
    a.sync_now()
    b.sync_now()
    sha = b.get_record("attachment", attachment_id)["upload_sha256"]
    copy = blob_path(a.store, sha).read_bytes()
    partial = blob_path(b.store, sha).with_name(sha[2:] + ".download")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(copy[:100_000])
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port))) as counter:
        b.change_setting("server_url", f"http://127.0.0.1:{counter.port}")
        path = b.fetch_attachment(attachment_id)
        received = counter.counters().down
    assert path.read_bytes() == copy
    assert len(copy) - 100_000 <= received < len(copy) - 100_000 + 8_000
    assert not partial.exists()


def test_corrupt_partial_download_is_discarded_then_fetched_again(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """A partial file with wrong bytes fails the hash check, is deleted, and a retry works."""
    a, b = laptops("a"), laptops("b")
    document = bytes(range(256)) * 300
    _model_id, attachment_id = _model_with_file(a, tmp_path, "so-lieu.bin", document)
    a.sync_now()
    b.sync_now()
    sha = _sha(document)
    partial = blob_path(b.store, sha).with_name(sha[2:] + ".download")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(b"\0" * 5_000)
    with pytest.raises(DanvanError, match="không khớp mã kiểm tra"):
        b.fetch_attachment(attachment_id)
    assert not partial.exists()
    assert b.fetch_attachment(attachment_id).read_bytes() == document


def test_file_the_server_has_is_not_sent_again(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """The same photo attached on two laptops crosses the link once."""
    a, b = laptops("a"), laptops("b")
    shared = photo(6)
    _model_with_file(a, tmp_path, "chung.jpg", shared)
    assert a.sync_now().files_uploaded == 1
    _model_with_file(b, tmp_path, "chung-2.jpg", shared)
    report = b.sync_now()
    assert (report.files_uploaded, report.file_bytes_sent) == (0, 0)
    assert b.pending_uploads() == 0
