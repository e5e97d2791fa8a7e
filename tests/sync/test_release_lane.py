"""The release step of the library lane: ask, verify, fetch only what changed, resume.

Against the real server on loopback: a release signed with a throwaway key and published
with ``danvan-server releases publish`` (the server trusts the key through
``--trust-key``), a laptop enrolled with it. What the real server never does, because
it checks what it publishes and answers honestly, is played by tests/support/
release_server.py, a stand-in: an answer cut half-way, a file whose bytes differ from
the manifest, a release older than the laptop's or for another platform offered anyway.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.release import UPDATES_DIR
from danvan_desktop.session import Session
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.release_lane import sync_release
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import LinkDown, SyncTransport
from danvan_desktop.updates.plan import Installation
from danvan_desktop.updates.stage import check_staged, part_path
from danvan_server.cli import main as server_main
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
    write_release_folder,
)
from support.release_server import ReleaseState, release_server

KEY = new_key()
CODE = "_internal/danvan_desktop/app.pyc"
MANIFEST = manifest_of(BUNDLE_N1)
STAGED = f"{UPDATES_DIR}/1.1.0-{PLATFORM}"
CHANGED_BYTES = 58  # BUILD-INFO and our code of N+1: 29 bytes each


def _offer(manifest=MANIFEST, key=KEY) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    raw = manifest.canonical()
    return raw, signature_of(raw, key)


def _installation(folder: Path, version: str = "1.0.0", platform: str = PLATFORM) -> Installation:
    bundle = write_bundle(folder / "app", BUNDLE_N)
    trusted = {KEY_ID: base64.b64decode(public_text(KEY))}
    return Installation(bundle, version, platform, "aaaaaaa", trusted)


@pytest.fixture
def installation(tmp_path: Path) -> Installation:
    """Bundle N installed, trusting KEY."""
    return _installation(tmp_path)


def _round(engine: SyncEngine, installation: Installation) -> SyncReport:
    report = SyncReport()
    sync_release(engine, report, installation)
    return report


def _data(session: Session) -> Path:
    return Path(session.store.data_dir)


# -- the real server -------------------------------------------------------------------
def _server(province, *args: str) -> None:  # type: ignore[no-untyped-def]
    """``danvan-server --database URL ARGS`` (the command the city's IT office runs)."""
    assert server_main(["--database", province.database_url, *args]) == 0


def publish(province, folder: Path, key: Ed25519PrivateKey = KEY) -> None:  # type: ignore[no-untyped-def]
    """N+1 signed with ``key`` and published; the server trusts ``key`` for it."""
    release = write_release_folder(folder / "release", BUNDLE_N1, MANIFEST, key)
    public = folder / "release-key.pub"
    public.write_text(json.dumps({"key_id": KEY_ID, "public_key": public_text(key)}))
    _server(province, "releases", "publish", str(release), "--trust-key", str(public))


@pytest.fixture
def laptop(laptops: Callable[[str], Session]) -> Session:
    """A team laptop enrolled with the real server."""
    return laptops("a")


@pytest.fixture
def engine(laptop: Session) -> Iterator[SyncEngine]:
    """The laptop's sync engine, talking to the real server."""
    transport = laptop._transport()
    yield SyncEngine(laptop.records, transport)
    transport.close()


@pytest.fixture
def published(province, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """N+1 signed with the key the laptop trusts, published on the real server."""
    publish(province, tmp_path)


@pytest.mark.usefixtures("published")
def test_a_new_release_is_staged_and_ready(
    engine: SyncEngine, installation: Installation, laptop: Session
) -> None:
    """A newer signed release is staged complete and reported ready."""
    report = _round(engine, installation)
    check_staged(_data(laptop) / STAGED, MANIFEST)
    assert report.release_ready == "1.1.0"


@pytest.mark.usefixtures("published")
def test_the_laptop_names_its_version(engine: SyncEngine, tmp_path: Path) -> None:
    """A laptop that says it already runs 1.1.0 is offered nothing."""
    report = _round(engine, _installation(tmp_path, version="1.1.0"))
    assert (report.release_ready, report.release_refused) == (None, None)


@pytest.mark.usefixtures("published")
def test_the_laptop_names_its_platform(engine: SyncEngine, tmp_path: Path) -> None:
    """A laptop that says it is a Windows one is not offered the Linux release."""
    report = _round(engine, _installation(tmp_path, platform="windows-x86_64"))
    assert (report.release_ready, report.release_refused) == (None, None)


@pytest.mark.usefixtures("published")
def test_only_changed_files_cross_the_link(engine: SyncEngine, installation: Installation) -> None:
    """Only our code and BUILD-INFO are downloaded; Qt's library is copied locally."""
    report = _round(engine, installation)
    assert report.release_bytes == CHANGED_BYTES


@pytest.mark.usefixtures("published")
def test_a_partial_download_resumes_where_it_stopped(
    engine: SyncEngine, installation: Installation, laptop: Session
) -> None:
    """A .part left by an earlier round is continued from its size: 10 bytes fewer come."""
    item = next(f for f in MANIFEST.files if f.path == CODE)
    partial = part_path(_data(laptop) / STAGED, item)
    partial.parent.mkdir(parents=True)
    partial.write_bytes(BUNDLE_N1[CODE][:10])
    report = _round(engine, installation)
    assert (report.release_ready, report.release_bytes) == ("1.1.0", CHANGED_BYTES - 10)


def test_a_refusal_reaches_the_round_messages(
    province,  # type: ignore[no-untyped-def]
    engine: SyncEngine,
    installation: Installation,
    tmp_path: Path,
) -> None:
    """The refusal is one of the round's messages (shown on the Đồng bộ page)."""
    publish(province, tmp_path, key=new_key())
    report = _round(engine, installation)
    assert report.messages == [report.release_refused]


def test_a_release_signed_by_an_unknown_key_is_refused(
    province,  # type: ignore[no-untyped-def]
    engine: SyncEngine,
    installation: Installation,
    laptop: Session,
    tmp_path: Path,
) -> None:
    """A release the laptop's trusted key did not sign is refused and nothing is staged."""
    publish(province, tmp_path, key=new_key())
    report = _round(engine, installation)
    assert (report.release_refused is not None, (_data(laptop) / STAGED).exists()) == (
        True,
        False,
    )


@pytest.mark.usefixtures("published")
def test_a_withdrawn_release_is_dropped(
    province,  # type: ignore[no-untyped-def]
    engine: SyncEngine,
    installation: Installation,
    laptop: Session,
) -> None:
    """A staged release the server withdrew is removed and the leader told."""
    _round(engine, installation)
    _server(province, "releases", "withdraw", "1.1.0")
    report = _round(engine, installation)
    assert ((_data(laptop) / STAGED).exists(), "1.1.0" in (report.release_refused or "")) == (
        False,
        True,
    )


@pytest.mark.usefixtures("published")
def test_a_staged_release_is_not_fetched_again(
    engine: SyncEngine, installation: Installation
) -> None:
    """The next round finds the release complete and downloads nothing."""
    _round(engine, installation)
    again = _round(engine, installation)
    assert (again.release_ready, again.release_bytes) == ("1.1.0", 0)


@pytest.mark.usefixtures("published")
def test_cancelling_stops_the_download(engine: SyncEngine, installation: Installation) -> None:
    """A round cancelled by the leader stops before fetching."""
    engine.cancel.set()
    with pytest.raises(OperationCancelled):
        _round(engine, installation)


def test_nothing_newer_means_nothing_to_do(engine: SyncEngine, installation: Installation) -> None:
    """With no release published, the round reports nothing."""
    report = _round(engine, installation)
    assert (report.release_ready, report.release_refused, report.messages) == (None, None, [])


# -- what only the stand-in can do: answers the real server never gives ---------------
@pytest.fixture
def state() -> ReleaseState:
    """What the stand-in serves: N+1 and its files."""
    files = {hashlib.sha256(data).hexdigest(): data for data in BUNDLE_N1.values()}
    return ReleaseState(latest=_offer(), files=files)


@pytest.fixture
def stand_in(session: Session, state: ReleaseState) -> Iterator[SyncEngine]:
    """A sync engine talking to the stand-in."""
    with release_server(state) as url:
        transport = SyncTransport(url, protocol_version="3", schema_version=1, stall_timeout_s=5)
        yield SyncEngine(session.records, transport)
        transport.close()


def test_a_dropped_link_is_resumed_by_the_next_round(
    stand_in: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A file answer cut half-way fails the round; the next round completes the release."""
    state.drop_requests = {1}
    with pytest.raises(LinkDown):
        _round(stand_in, installation)
    assert _round(stand_in, installation).release_ready == "1.1.0"


def test_a_tampered_download_is_refused(
    stand_in: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A served file whose SHA-256 differs from the manifest is refused with a clear line."""
    state.files[hashlib.sha256(BUNDLE_N1[CODE]).hexdigest()] = b"X" * len(BUNDLE_N1[CODE])
    report = _round(stand_in, installation)
    assert (report.release_ready, CODE in (report.release_refused or "")) == (None, True)


def test_a_downgrade_is_refused(
    stand_in: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A release older than the installed version, offered anyway, is refused."""
    state.latest = _offer(manifest_of(BUNDLE_N1, version="0.9.0", min_from="0.1.0"))
    report = _round(stand_in, installation)
    assert (report.release_ready, "0.9.0" in (report.release_refused or "")) == (None, True)


def test_another_platforms_release_is_refused(
    stand_in: SyncEngine, installation: Installation, state: ReleaseState
) -> None:
    """A Windows release offered to this Linux laptop is refused."""
    state.latest = _offer(manifest_of(BUNDLE_N1, platform="windows-x86_64"))
    report = _round(stand_in, installation)
    assert "windows-x86_64" in (report.release_refused or "")


# -- the report --------------------------------------------------------------------------
def test_release_bytes_count_as_progress() -> None:
    """A round that fetched release bytes moved something (the retry loop keeps going)."""
    assert SyncReport(release_bytes=1).moved is True


def test_release_outcomes_survive_adding_rounds() -> None:
    """The retry loop's total keeps a ready release and a refusal from any round."""
    total = SyncReport()
    total.add(SyncReport(release_ready="1.1.0", release_bytes=5))
    total.add(SyncReport())
    assert (total.release_ready, total.release_bytes) == ("1.1.0", 5)
