"""«Đồng bộ lần cuối» is honest: a round the server acknowledged or a reply bundle imported,
never a failed attempt or a bundle only written, and a reopened store says the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync.bundle_format import BundleError
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from sync.conftest import Province

Laptops = Callable[[str], Session]


def _reply_for(province: Province, bundle: Path) -> Path:
    """What the commune office does with a bundle: import it, write the reply beside it."""
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        files = AttachmentStore(engine, admin.attachments_dir(engine), 10**8)
        imported = bundles.import_bundle(engine, files, bundle.read_bytes(), passphrase=None)
        reply = bundles.make_reply(engine, imported.device_id, passphrase=None)
    finally:
        engine.dispose()
    path = bundle.parent / reply.file_name
    path.write_bytes(reply.data)
    return path


def _last_log_time(session: Session) -> str:
    return str(session.sync_log(limit=1)[0]["finished_at"])


def test_a_failed_bundle_write_is_not_a_sync(
    session: Session, data_dir: Path, tmp_path: Path
) -> None:
    """Writing a bundle on a laptop never enrolled fails: no last sync, after a restart too."""
    with pytest.raises(BundleError):
        session.write_sync_bundle(tmp_path)
    assert session.sync_log(limit=1)[0]["result"] == "error"
    assert session.sync_state().last_sync is None
    session.close()
    reopened = Session.open(data_dir)
    try:
        assert reopened.sync_state().last_sync is None
    finally:
        reopened.close()


def test_a_failed_reply_import_is_not_a_sync(session: Session, tmp_path: Path) -> None:
    """A file that is no reply bundle is refused; the last sync stays «never»."""
    junk = tmp_path / "khong-phai-goi.dvbundle"
    junk.write_bytes(b"not a bundle")
    with pytest.raises(BundleError):
        session.import_sync_reply(junk)
    assert session.sync_state().last_sync is None


def test_a_bundle_only_written_is_not_a_sync(laptops: Laptops, tmp_path: Path) -> None:
    """A bundle on the stick has not reached the server yet: the last sync is the round's."""
    laptop = laptops("a")
    laptop.sync_now()
    round_time = _last_log_time(laptop)
    laptop.add_model(name="Đèn đường", field_code="new_rural", year=2026)
    laptop.write_sync_bundle(tmp_path)
    assert laptop.sync_log(limit=1)[0]["direction"] == "usb-out"
    state = laptop.sync_state()
    assert (state.last_sync, state.last_sync_usb) == (round_time, False)


def test_a_reply_bundle_is_the_last_sync_by_usb(
    laptops: Laptops, province: Province, tmp_path: Path
) -> None:
    """Importing the reply the server made is a sync, marked as carried on a stick."""
    laptop = laptops("a")
    laptop.add_model(name="Đèn đường", field_code="new_rural", year=2026)
    written = laptop.write_sync_bundle(tmp_path)
    laptop.import_sync_reply(_reply_for(province, written.path))
    state = laptop.sync_state()
    assert (state.last_sync, state.last_sync_usb) == (_last_log_time(laptop), True)


def test_a_round_the_server_acknowledged_is_the_last_sync(laptops: Laptops) -> None:
    """A round that went through is the last sync, not by USB."""
    laptop = laptops("a")
    laptop.sync_now()
    state = laptop.sync_state()
    assert (state.last_sync, state.last_sync_usb) == (_last_log_time(laptop), False)


def test_rows_an_older_version_counted_stop_counting(session: Session) -> None:
    """A log the released version wrote (a bundle written, failed tries after a good round)
    shows the good round's time."""
    rows = [
        ("2026-12-01T08:00:00+00:00", "both", "ok"),
        ("2026-12-02T08:00:00+00:00", "usb-out", "ok"),
        ("2026-12-03T08:00:00+00:00", "usb-out", "error"),
        ("2026-12-04T08:00:00+00:00", "usb-in", "error"),
        ("2026-12-05T08:00:00+00:00", "both", "error"),
    ]
    with session.store.db.atomic():
        for when, direction, result in rows:
            session.store.db.execute(
                "INSERT INTO sync_log (started_at, finished_at, direction, result) "
                "VALUES (?, ?, ?, ?)",
                [when, when, direction, result],
            )
    state = session.sync_state()
    assert (state.last_sync, state.last_sync_usb) == ("2026-12-01T08:00:00+00:00", False)
    assert state.last_result == "error"
