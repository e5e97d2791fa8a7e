"""Sync over a mountain 2G link that drops: nothing lost, nothing redone, batches adapt.

The real server sits behind the slow-link proxy (64 kbit/s, 600 ms round trip); the
link goes down for 2 s every 30 s, or every 10 s. Laptop A's records and photos go
through it with the engine's own retry loop (``sync_until_done``); laptop B, on a
good link, then pulls the records and downloads the photos to compare their hashes.
Meanwhile a watcher samples A's outbox and checkpoint, and the server's record count
and attachment bytes: none may go backwards.

CI runs 200 records and 2 photos (a few minutes per test); ``DANVAN_FULL_SCALE=1``
runs the full 1,000 records and 5 photos of ~300 KB.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import random
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from danvan_desktop.session import Session
from danvan_desktop.store.attachments import blob_path
from danvan_desktop.store.demo_data import model_fields
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.retry import sync_until_done
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import LinkDown, SyncTransport
from support.photos import write_photos
from support.server_process import SCHEMA_VERSION
from support.slowlink import SlowLink
from sync.conftest import Province

FULL_SCALE = os.environ.get("DANVAN_FULL_SCALE") == "1"
RECORDS = 1000 if FULL_SCALE else 200
PHOTOS = 5 if FULL_SCALE else 2
BANDWIDTH_BPS = 64_000
RTT_S = 0.6
CUT_FOR_S = 2.0
DEADLINE_S = 1800.0 if FULL_SCALE else 600.0
SAMPLE_S = 0.25

pytestmark = pytest.mark.slow


def _slow_link(province: Province, cut_every_s: float | None) -> SlowLink:
    host, port = province.server.url.removeprefix("http://").split(":")
    return SlowLink(
        upstream=(host, int(port)),
        bandwidth_bps=BANDWIDTH_BPS,
        rtt_s=RTT_S,
        cut_every_s=cut_every_s,
        cut_for_s=CUT_FOR_S,
    )


@dataclass
class _Watch:
    """Samples of what must never go backwards, taken while the sync runs."""

    laptop: Session
    province: Province
    attachments_dir: Path
    outbox: list[int] = field(default_factory=list)
    checkpoint: list[int] = field(default_factory=list)
    server_records: list[int] = field(default_factory=list)
    server_file_bytes: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        """Sample every SAMPLE_S until stopped."""
        laptop_db = sqlite3.connect(f"file:{self.laptop.store.path}?mode=ro", uri=True)
        server_db = create_engine(self.province.database_url)
        try:
            while not self._stop.wait(SAMPLE_S):
                self.sample(laptop_db, server_db)
        finally:
            laptop_db.close()
            server_db.dispose()

    def sample(self, laptop_db: sqlite3.Connection, server_db: object) -> None:
        """One sample of each figure."""
        pending = laptop_db.execute(
            "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"
        ).fetchone()[0]
        checkpoint = laptop_db.execute(
            "SELECT value FROM meta WHERE key = 'sync_checkpoint'"
        ).fetchone()
        with server_db.connect() as connection:  # type: ignore[attr-defined]
            count = connection.execute(
                text("SELECT count(*) FROM records WHERE entity IN ('model', 'attachment')")
            ).scalar_one()
        self.outbox.append(int(pending))
        self.checkpoint.append(int(checkpoint[0]) if checkpoint else 0)
        self.server_records.append(int(count))
        self.server_file_bytes.append(_bytes_under(self.attachments_dir))

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()


def _bytes_under(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        try:
            total += path.stat().st_size if path.is_file() else 0
        except FileNotFoundError:
            continue  # a .part renamed into place between listing and stat
    return total


@pytest.fixture
def watch_of(province: Province, tmp_path: Path) -> Iterator[Callable[[Session], _Watch]]:
    """Start a watcher on a laptop; it is stopped and joined at the end."""
    threads: list[tuple[_Watch, threading.Thread]] = []

    def start(laptop: Session) -> _Watch:
        watch = _Watch(laptop, province, tmp_path / "server" / "attachments")
        thread = threading.Thread(target=watch.run, daemon=True)
        thread.start()
        threads.append((watch, thread))
        return watch

    yield start
    for watch, thread in threads:
        watch.stop()
        thread.join()


def _never_decreases(values: list[int]) -> bool:
    return all(later >= earlier for earlier, later in itertools.pairwise(values))


def _never_increases(values: list[int]) -> bool:
    return _never_decreases([-value for value in values])


def _fill(laptop: Session, folder: Path) -> tuple[list[str], list[str]]:
    """RECORDS models (demo registrations) and PHOTOS photos on the first models."""
    rng = random.Random(46)
    models = [
        str(laptop.add_model(**model_fields(rng, "Tổ dân phố 5", 2026)).record_id)
        for _ in range(RECORDS)
    ]
    photos = [
        str(laptop.add_attachment(path, owner_entity="model", owner_id=owner).record_id)
        for path, owner in zip(write_photos(folder, PHOTOS), models, strict=False)
    ]
    return models, photos


@pytest.mark.parametrize("cut_every_s", [30.0, 10.0], ids=["drop-every-30s", "drop-every-10s"])
def test_records_and_photos_arrive_whole_through_a_dropping_link(
    cut_every_s: float,
    province: Province,
    laptops: Callable[[str], Session],
    watch_of: Callable[[Session], _Watch],
    tmp_path: Path,
) -> None:
    """Everything arrives once; the outbox only shrinks; the server only grows."""
    a, b = laptops("a"), laptops("b")
    a.sync_now()  # the team's setup records, on a good link
    models, photos = _fill(a, tmp_path / "photos")
    with _slow_link(province, cut_every_s) as link:
        a.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watch = watch_of(a)
        report = a.sync_until_done(deadline_s=DEADLINE_S)
        cuts = link.cuts_seen
    watch.stop()
    assert cuts >= 1, "the link never dropped: the test proved nothing"
    # A batch whose answer was lost comes back as duplicates: still applied once.
    assert report.pushed + report.duplicates == len(models) + len(photos)
    assert report.files_uploaded == PHOTOS
    assert a.pending_count() == 0 and a.pending_uploads() == 0
    assert _never_increases(watch.outbox) and watch.outbox[-1] == 0
    assert _never_decreases(watch.checkpoint)
    assert _never_decreases(watch.server_records)
    assert _never_decreases(watch.server_file_bytes)
    b.sync_now()
    assert {r["id"] for r in b.list_records("model")} >= set(models)
    for attachment_id in photos:
        sent = a.get_record("attachment", attachment_id)["upload_sha256"]
        received = b.fetch_attachment(attachment_id)
        assert _sha_of(received) == sent == _sha_of(blob_path(a.store, sent))


def _sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- batches that fit the link -----------------------------------------------------------
SYLLABLES = [
    onset + rhyme
    for onset in ("b", "c", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s")
    for rhyme in ("a", "à", "ắt", "ân", "ầu", "em", "ết", "iếng", "ọc", "ôi", "ởi", "ung", "ườn")
]
FIXED_BATCH_BYTES = 96 * 1024  # 12 s of the link: longer than the 8 s it stays up


def _fill_varied(laptop: Session, count: int) -> None:
    """Models whose text hardly compresses: about 600 gzip bytes each."""
    rng = random.Random(7)
    for n in range(count):
        words = " ".join(rng.choice(SYLLABLES) for _ in range(400))
        laptop.add_model(
            name=f"Mô hình {n}", field_code="new_rural", year=2026, content=words.capitalize()
        )


class _FixedBudget(ThroughputEstimator):
    """What a client with a fixed batch size does: ignore what the link shows."""

    def batch_budget_bytes(self, link_uptime_estimate_s: float | None = None) -> int:
        """Always the same batch size."""
        return FIXED_BATCH_BYTES


def _engine(
    laptop: Session, url: str, estimator: ThroughputEstimator, version: int = 0
) -> SyncEngine:
    transport = SyncTransport(
        url,
        protocol_version=str(version or protocol.PROTOCOL_VERSION),
        schema_version=SCHEMA_VERSION,
        estimator=estimator,
    )
    return SyncEngine(laptop.records, transport)


def _server_models(province: Province) -> int:
    engine = create_engine(province.database_url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(
                    text("SELECT count(*) FROM records WHERE entity = 'model'")
                ).scalar_one()
            )
    finally:
        engine.dispose()


def test_fixed_batch_longer_than_the_uptime_never_arrives(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """The trap we avoid: a 12 s batch sent whole (protocol 2's one-shot push) on a link up
    8 s at a time is restarted forever."""
    a = laptops("a")
    a.sync_now()
    _fill_varied(a, RECORDS)
    before = _server_models(province)
    with _slow_link(province, cut_every_s=10.0) as link:
        engine = _engine(a, f"http://127.0.0.1:{link.port}", _FixedBudget(), version=2)
        with pytest.raises(LinkDown):
            sync_until_done(engine, deadline_s=35.0)
        engine.transport.close()
    assert _server_models(province) == before
    assert a.pending_count() == RECORDS


def test_a_batch_longer_than_the_uptime_arrives_as_a_resumed_upload(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """The same 12 s batch over protocol 3: the streamed upload resumes where each cut
    stopped it, and everything arrives."""
    a = laptops("a")
    a.sync_now()
    _fill_varied(a, RECORDS)
    with _slow_link(province, cut_every_s=10.0) as link:
        engine = _engine(a, f"http://127.0.0.1:{link.port}", _FixedBudget())
        report = sync_until_done(engine, deadline_s=DEADLINE_S)
        engine.transport.close()
        cuts = link.cuts_seen
    assert cuts >= 1
    assert report.pushed + report.duplicates == RECORDS and a.pending_count() == 0


def test_batches_shrink_to_fit_the_link_and_everything_arrives(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """The same data with the measured budget: batches fit the uptime and all arrive."""
    a = laptops("a")
    a.sync_now()
    _fill_varied(a, RECORDS)
    with _slow_link(province, cut_every_s=10.0) as link:
        engine = _engine(a, f"http://127.0.0.1:{link.port}", ThroughputEstimator())
        report = sync_until_done(engine, deadline_s=DEADLINE_S)
        engine.transport.close()
        cuts = link.cuts_seen
    assert cuts >= 1
    assert report.pushed + report.duplicates == RECORDS and a.pending_count() == 0
    assert engine.transport.estimator.batch_budget_bytes() < FIXED_BATCH_BYTES
