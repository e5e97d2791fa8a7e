"""The release step of the library lane: ask, verify, fetch only what changed, resume.

Against tests/support/release_server.py, a stand-in serving the server's release API
(core/release.py) on loopback, until the real server's release routes are in place.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.release import UPDATES_DIR
from danvan_desktop.session import Session
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.release_lane import sync_release
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import LinkDown, SyncTransport
from danvan_desktop.updates.plan import Installation
from danvan_desktop.updates.stage import check_staged, part_path
from support.release_bundles import (
    BUNDLE_N,
    BUNDLE_N1,
    KEY_ID,
    PLATFORM,
    manifest_of,
    new_key,
    public_text,
    signature_of,
    write_bundle,
)
from support.release_server import ReleaseState, release_server

KEY = new_key()
CODE = "_internal/danvan_desktop/app.pyc"
MANIFEST = manifest_of(BUNDLE_N1)
STAGED = f"{UPDATES_DIR}/1.1.0-{PLATFORM}"


def _offer(manifest=MANIFEST, key=KEY) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    raw = manifest.canonical()
    return raw, signature_of(raw, key)


@pytest.fixture
def state() -> ReleaseState:
    files = {hashlib.sha256(data).hexdigest(): data for data in BUNDLE_N1.values()}
    return ReleaseState(latest=_offer(), files=files)


@pytest.fixture
def engine(session: Session, state: ReleaseState) -> Iterator[SyncEngine]:
    with release_server(state) as url:
        transport = SyncTransport(url, protocol_version="3", schema_version=1, stall_timeout_s=5)
        yield SyncEngine(session.records, transport)
        transport.close()


@pytest.fixture
def installation(tmp_path: Path) -> Installation:
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    trusted = {KEY_ID: base64.b64decode(public_text(KEY))}
    return Installation(bundle, "1.0.0", PLATFORM, "aaaaaaa", trusted)


def _round(engine: SyncEngine, installation: Installation) -> SyncReport:
    report = SyncReport()
    sync_release(engine, report, installation)
    return report


def _data(session: Session) -> Path:
    return Path(session.store.data_dir)


def test_a_new_release_is_staged_and_ready(
    engine: SyncEngine, installation: Installation, session: Session
) -> None:
    """A newer signed release is staged complete and reported ready."""
    report = _round(engine, installation)
    check_staged(_data(session) / STAGED, MANIFEST)
    assert report.release_ready == "1.1.0"


def test_the_laptop_names_its_version_and_platform(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """The question carries the installed version and this platform."""
    _round(engine, installation)
    assert state.latest_queries == ["platform=linux-x86_64&from=1.0.0"]


def test_only_changed_files_cross_the_link(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """Only our code and BUILD-INFO are downloaded; Qt's library is copied locally."""
    report = _round(engine, installation)
    assert (report.release_bytes, state.file_requests) == (58, 2)


def test_a_partial_download_resumes_where_it_stopped(
    engine: SyncEngine, installation: Installation, state: ReleaseState, session: Session
) -> None:
    """A .part left by an earlier round is continued with a Range from its size."""
    folder = _data(session) / STAGED
    item = next(f for f in MANIFEST.files if f.path == CODE)
    partial = part_path(folder, item)
    partial.parent.mkdir(parents=True)
    partial.write_bytes(BUNDLE_N1[CODE][:10])
    _round(engine, installation)
    assert "bytes=10-28" in state.ranges


def test_a_dropped_link_is_resumed_by_the_next_round(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A file request cut mid-answer fails the round; the next round completes the release."""
    state.drop_requests = {1}
    with pytest.raises(LinkDown):
        _round(engine, installation)
    assert _round(engine, installation).release_ready == "1.1.0"


def test_a_tampered_download_is_refused(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A served file whose SHA-256 differs from the manifest is refused with a clear line."""
    state.files[hashlib.sha256(BUNDLE_N1[CODE]).hexdigest()] = b"X" * len(BUNDLE_N1[CODE])
    report = _round(engine, installation)
    assert (report.release_ready, CODE in (report.release_refused or "")) == (None, True)


def test_a_refusal_reaches_the_round_messages(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """The refusal is one of the round's messages (shown on the Đồng bộ page)."""
    state.latest = _offer(key=new_key())
    report = _round(engine, installation)
    assert report.messages == [report.release_refused]


def test_a_release_signed_by_an_unknown_key_is_refused(
    engine: SyncEngine, installation: Installation, state: ReleaseState, session: Session
) -> None:
    """A release the trusted key did not sign is refused and nothing is staged."""
    state.latest = _offer(key=new_key())
    report = _round(engine, installation)
    assert (report.release_refused is not None, (_data(session) / STAGED).exists()) == (
        True,
        False,
    )


def test_a_downgrade_is_refused(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A release older than the installed version is refused."""
    state.latest = _offer(manifest_of(BUNDLE_N1, version="0.9.0", min_from="0.1.0"))
    report = _round(engine, installation)
    assert (report.release_ready, "0.9.0" in (report.release_refused or "")) == (None, True)


def test_another_platforms_release_is_refused(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A Windows release offered to this Linux laptop is refused."""
    state.latest = _offer(manifest_of(BUNDLE_N1, platform="windows-x86_64"))
    report = _round(engine, installation)
    assert "windows-x86_64" in (report.release_refused or "")


def test_a_withdrawn_release_is_dropped(
    engine: SyncEngine, installation: Installation, state: ReleaseState, session: Session
) -> None:
    """A staged release the server no longer offers is removed and the leader told."""
    _round(engine, installation)
    state.latest = None
    report = _round(engine, installation)
    assert ((_data(session) / STAGED).exists(), "1.1.0" in (report.release_refused or "")) == (
        False,
        True,
    )


def test_a_staged_release_is_not_fetched_again(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """The next round finds the release complete and downloads nothing."""
    _round(engine, installation)
    again = _round(engine, installation)
    assert (again.release_ready, state.file_requests) == ("1.1.0", 2)


def test_cancelling_stops_the_download(engine: SyncEngine, installation: Installation) -> None:
    """A round cancelled by the leader stops before fetching."""
    engine.cancel.set()
    with pytest.raises(OperationCancelled):
        _round(engine, installation)


def test_nothing_newer_means_nothing_to_do(
    engine: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """With no newer release published, the round reports nothing."""
    state.latest = None
    report = _round(engine, installation)
    assert (report.release_ready, report.release_refused, report.messages) == (None, None, [])


def test_release_bytes_count_as_progress() -> None:
    """A round that fetched release bytes moved something (the retry loop keeps going)."""
    assert SyncReport(release_bytes=1).moved is True


def test_release_outcomes_survive_adding_rounds() -> None:
    """The retry loop's total keeps a ready release and a refusal from any round."""
    total = SyncReport()
    total.add(SyncReport(release_ready="1.1.0", release_bytes=5))
    total.add(SyncReport())
    assert (total.release_ready, total.release_bytes) == ("1.1.0", 5)


def test_a_release_published_on_the_real_server_is_staged(
    laptops,
    province,
    tmp_path: Path,
    installation: Installation,  # type: ignore[no-untyped-def]
) -> None:
    """Against the real server: a published release reaches the laptop, changed files only."""
    import json as json_module

    from danvan_server.cli import main as server_main
    from support.release_bundles import write_release_folder

    folder = write_release_folder(tmp_path / "release", BUNDLE_N1, MANIFEST, KEY)
    public = tmp_path / "test-key.pub"
    public.write_text(json_module.dumps({"key_id": KEY_ID, "public_key": public_text(KEY)}))
    assert server_main(
        ["--database", province.database_url, "releases", "publish", str(folder),
         "--trust-key", str(public)]
    ) == 0  # fmt: skip
    laptop = laptops("a")
    engine = SyncEngine(laptop.records, laptop._transport())
    report = _round(engine, installation)
    engine.transport.close()
    check_staged(Path(laptop.store.data_dir) / STAGED, MANIFEST)
    assert (report.release_ready, report.release_bytes) == ("1.1.0", 58)
