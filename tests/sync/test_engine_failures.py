"""The laptop's side of the bad days: a restored server, old protocols, wrong clocks,
a revoked device."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.session import Session
from danvan_desktop.session.sync import clock_note
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.transport import ProtocolTooOld, ServerRejected, SyncTransport
from danvan_server import admin
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from support.server_process import start_server
from sync.conftest import Province, new_laptop


def _model(session: Session, name: str) -> str:
    return session.add_model(name=name, field_code="new_rural", year=2026).record_id or ""


def _transport(session: Session, *, version: int) -> SyncTransport:
    return SyncTransport(
        str(session.setting("server_url")),
        protocol_version=str(version),
        schema_version=4,
        auth_token=session.store.meta("sync_token"),
    )


@pytest.mark.slow
def test_server_restored_from_an_older_backup_loses_nothing(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """The server goes back to last night's backup: the laptop notices, re-sends what the
    server lost, and a second laptop then sees every record."""
    a = laptops("a")
    first = _model(a, "Trước sao lưu")
    a.sync_now()
    db_path = Path(province.database_url.removeprefix("sqlite:///"))
    backup = tmp_path / "server-backup.sqlite3"
    source, target = sqlite3.connect(db_path), sqlite3.connect(backup)
    source.backup(target)
    source.close()
    target.close()
    lost = [_model(a, "Sau sao lưu 1"), _model(a, "Sau sao lưu 2")]
    a.update_model(first, scope="Sửa sau sao lưu")
    a.sync_now()
    province.server.stop()
    for extra in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        extra.unlink(missing_ok=True)
    shutil.copyfile(backup, db_path)
    with start_server(province.database_url, log_dir=tmp_path / "server") as server:
        a.change_setting("server_url", server.url)
        report = a.sync_now()
        assert report.server_restored and report.resent_after_restore >= 3
        b = Session.open(tmp_path / "b-data", create=True)
        try:
            b.initialise_team(
                province_code=46,
                commune_code=19768,
                village_name="Tổ dân phố 5",
                team_name="Tổ dân vận",
                leader_name="Lê Văn Bình",
            )
            b.enroll_device(server_url=server.url, code=province.code())
            b.sync_now()
            names = {r["name"] for r in b.list_records("model")}
            assert names == {"Trước sao lưu", "Sau sao lưu 1", "Sau sao lưu 2"}
            assert b.get_record("model", first)["scope"] == "Sửa sau sao lưu"
            assert all(b.get_record("model", i) for i in lost)
        finally:
            b.close()


def test_client_one_protocol_version_behind_is_accepted(
    laptops: Callable[[str], Session],
) -> None:
    """The previous protocol version still syncs."""
    a = laptops("a")
    _model(a, "Phiên bản cũ")
    with _transport(a, version=protocol.PROTOCOL_VERSION - 1) as transport:
        report = SyncEngine(a.records, transport).sync_once()
    assert report.rejected == 0 and a.pending_count() == 0


def test_client_two_versions_behind_is_refused_and_keeps_queuing(
    laptops: Callable[[str], Session],
) -> None:
    """Too old a client gets a clear message; its changes stay queued and more can be made."""
    a = laptops("a")
    _model(a, "Chờ cập nhật")
    pending = a.pending_count()
    with (
        _transport(a, version=protocol.PROTOCOL_VERSION - 2) as transport,
        pytest.raises(ProtocolTooOld) as info,
    ):
        SyncEngine(a.records, transport).sync_once()
    assert info.value.message
    assert a.pending_count() == pending
    _model(a, "Vẫn ghi được")
    assert a.pending_count() == pending + 1


def test_laptop_clock_a_year_off_changes_nothing_but_the_note(
    laptops: Callable[[str], Session],
) -> None:
    """A clock one year ahead is reported; sync works exactly as usual."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Đồng hồ sai")
    ahead = dt.datetime.now(dt.UTC) + dt.timedelta(days=365)
    with _transport(a, version=protocol.PROTOCOL_VERSION) as transport:
        report = SyncEngine(a.records, transport, now=lambda: ahead).sync_once()
    assert report.clock_skew_s is not None and report.clock_skew_s > 364 * 86400
    note = clock_note(report.clock_skew_s)
    assert note is not None and "lệch" in note
    b.sync_now()
    assert b.get_record("model", model_id)["name"] == "Đồng hồ sai"
    assert clock_note(30.0) is None


def test_revoked_device_is_refused_and_keeps_its_changes(
    province: Province,
    laptops: Callable[[str], Session],
) -> None:
    """After an administrator revokes the laptop, sync is refused clearly; nothing is lost."""
    a = laptops("a")
    a.sync_now()
    _model(a, "Sau khi thu hồi")
    engine = make_engine(Settings(database_url=province.database_url))
    try:
        admin.revoke_device(engine, a.store.device_id)
    finally:
        engine.dispose()
    with pytest.raises(ServerRejected) as info:
        a.sync_now()
    assert info.value.status in (401, 403)
    assert info.value.message
    assert a.pending_count() == 1


def test_health_request_to_a_hung_server_stops_on_cancel(tmp_path: Path) -> None:
    """A server that accepts the connection and never answers: cancel ends the health
    request at once, well before the 10 s stall timeout."""
    laptop = new_laptop(tmp_path / "laptop")
    cancel = threading.Event()
    with socket.socket() as hung:  # listens, never accepts, never answers
        hung.bind(("127.0.0.1", 0))
        hung.listen()
        url = f"http://127.0.0.1:{hung.getsockname()[1]}"
        with SyncTransport(url, protocol_version="2", schema_version=4, stall_timeout_s=10) as t:
            engine = SyncEngine(laptop.records, t, cancel=cancel)
            threading.Timer(0.3, cancel.set).start()
            started = time.monotonic()
            with pytest.raises(OperationCancelled):
                engine.health()
            assert time.monotonic() - started < 1.5
            with pytest.raises(OperationCancelled):  # already cancelled: nothing is sent
                engine.health()
    laptop.close()
