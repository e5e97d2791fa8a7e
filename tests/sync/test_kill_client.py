"""SIGKILL the ``danvan sync`` process at the worst moments; the rerun loses and doubles nothing.

The client is the real command (``python -m danvan_desktop.cli --data-dir D sync``) in
a child process, talking to the real server through the slow-link proxy. It is
killed (a) while its upload is on the wire, before the server has applied anything;
(b) after the server committed the batch but before the answer reached the laptop
(the proxy's latency holds the answer back); (c) half-way through a big download.
Then ``sync`` runs again, and the server, the laptop and another laptop must each
hold every record exactly once.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from danvan_desktop.session import Session
from danvan_desktop.store.demo_data import model_fields
from support.slowlink import SlowLink
from sync.conftest import Province, new_laptop

pytestmark = pytest.mark.slow
WAIT_S = 120.0
POLL_S = 0.02


@pytest.fixture
def server_db(province: Province) -> Iterator[Engine]:
    """The server's database, read directly (as an administrator would)."""
    engine = create_engine(province.database_url)
    yield engine
    engine.dispose()


def _enrolled(province: Province, folder: Path) -> Path:
    """A laptop enrolled and synced once (its setup records are on the server); closed."""
    laptop = new_laptop(folder)
    laptop.enroll_device(server_url=province.server.url, code=province.code())
    laptop.sync_now()
    laptop.close()
    return folder


def _with_session(folder: Path, work: Callable[[Session], object]) -> object:
    laptop = Session.open(folder)
    try:
        return work(laptop)
    finally:
        laptop.close()


def _add_models(folder: Path, count: int, seed: int = 5) -> list[str]:
    """``count`` demo models on the laptop in ``folder``; their ids."""
    rng = random.Random(seed)

    def add(laptop: Session) -> list[str]:
        return [
            str(laptop.add_model(**model_fields(rng, "Tổ dân phố 5", 2026)).record_id)
            for _ in range(count)
        ]

    return list(_with_session(folder, add))  # type: ignore[call-overload]


def _point_at(folder: Path, url: str) -> None:
    _with_session(folder, lambda laptop: laptop.change_setting("server_url", url))


def _start_sync(folder: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(folder), "sync"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _run_sync(folder: Path) -> str:
    """Run ``sync`` to the end; its output (it must succeed)."""
    child = _start_sync(folder)
    output, _ = child.communicate(timeout=600)
    assert child.returncode == 0, output.decode(errors="replace")
    return output.decode(errors="replace")


def _kill_when(child: subprocess.Popen[bytes], condition: Callable[[], bool]) -> None:
    """SIGKILL the child as soon as ``condition()`` holds (fail if it ends first)."""
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert child.poll() is None, "the sync finished before the moment to kill it"
        assert time.monotonic() < deadline, "the moment to kill never came"
        time.sleep(POLL_S)  # test pacing: polling another process
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL


def _link(province: Province, **options: float) -> SlowLink:
    host, port = province.server.url.removeprefix("http://").split(":")
    return SlowLink(upstream=(host, int(port)), **options)  # type: ignore[arg-type]


def _scalar(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())


def _applied_for(engine: Engine, device_id: str) -> int:
    return _scalar(
        engine, "SELECT count(*) FROM applied_ops WHERE device_id = :device", device=device_id
    )


def _server_models(engine: Engine) -> int:
    return _scalar(engine, "SELECT count(*) FROM records WHERE entity = 'model'")


def _laptop_figures(folder: Path) -> tuple[int, int, int, int]:
    """(models, distinct model ids, unsettled operations, checkpoint) of a laptop."""
    connection = sqlite3.connect(f"file:{folder / 'danvan.sqlite3'}?mode=ro", uri=True)
    try:
        models, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT id) FROM model WHERE deleted = 0"
        ).fetchone()
        pending = connection.execute(
            "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"
        ).fetchone()[0]
        checkpoint = connection.execute(
            "SELECT value FROM meta WHERE key = 'sync_checkpoint'"
        ).fetchone()
    finally:
        connection.close()
    return int(models), int(distinct), int(pending), int(checkpoint[0]) if checkpoint else 0


def _device_id(folder: Path) -> str:
    return str(_with_session(folder, lambda laptop: laptop.store.device_id))


def _operation_states(folder: Path) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{folder / 'danvan.sqlite3'}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT state, count(*) FROM outbox GROUP BY state")
        return {str(state): int(count) for state, count in rows}
    finally:
        connection.close()


def _other_laptop_holds_exactly(province: Province, folder: Path, ids: list[str]) -> None:
    """A fresh laptop of the team pulls every record once."""
    _enrolled(province, folder)
    models, distinct, pending, _checkpoint = _laptop_figures(folder)
    assert (models, distinct, pending) == (len(ids), len(ids), 0)
    held = _with_session(folder, lambda b: {r["id"] for r in b.list_records("model")})
    assert held == set(ids)


def test_killed_while_the_upload_is_on_the_wire(
    province: Province, server_db: Engine, tmp_path: Path
) -> None:
    """(a) Killed mid-upload: nothing was applied; the rerun sends each record once."""
    a = _enrolled(province, tmp_path / "a")
    ids = _add_models(a, 300)
    device = _device_id(a)
    applied_before = _applied_for(server_db, device)
    with _link(province, bandwidth_bps=64_000, rtt_s=0.6) as link:
        _point_at(a, f"http://127.0.0.1:{link.port}")
        child = _start_sync(a)
        _kill_when(child, lambda: link.counters().up > 6_000)
        assert _applied_for(server_db, device) == applied_before
        assert _server_models(server_db) == 0
        _run_sync(a)
    assert _applied_for(server_db, device) == applied_before + len(ids)
    assert _server_models(server_db) == len(ids)
    assert _laptop_figures(a)[:3] == (len(ids), len(ids), 0)
    _other_laptop_holds_exactly(province, tmp_path / "b", ids)


def test_killed_after_the_server_committed_before_the_answer_arrived(
    province: Province, server_db: Engine, tmp_path: Path
) -> None:
    """(b) The server applied the batch; the laptop never saw the answer. The rerun's
    replay is answered ``duplicate`` and nothing is applied twice."""
    a = _enrolled(province, tmp_path / "a")
    ids = _add_models(a, 20)
    device = _device_id(a)
    applied_before = _applied_for(server_db, device)
    with _link(province, rtt_s=4.0) as link:  # every answer spends 2 s in the proxy
        _point_at(a, f"http://127.0.0.1:{link.port}")
        child = _start_sync(a)
        _kill_when(child, lambda: _applied_for(server_db, device) == applied_before + len(ids))
    assert _operation_states(a) == {"sending": len(ids)}  # answered, but never recorded
    _point_at(a, province.server.url)
    output = _run_sync(a)
    assert "gửi 0" in output  # every operation came back a duplicate: none applied again
    assert _applied_for(server_db, device) == applied_before + len(ids)
    assert _server_models(server_db) == len(ids)
    assert _operation_states(a) == {}
    _other_laptop_holds_exactly(province, tmp_path / "b", ids)


def test_killed_half_way_through_a_big_download(
    province: Province, server_db: Engine, tmp_path: Path
) -> None:
    """(c) Killed between pulled pages: the pages applied stay, the rerun pulls the rest."""
    a = _enrolled(province, tmp_path / "a")
    ids = _add_models(a, 1000)
    _run_sync(a)
    b = tmp_path / "b"
    new_laptop(b).close()
    _with_session(
        b, lambda laptop: laptop.enroll_device(server_url=province.server.url, code=province.code())
    )
    with _link(province, bandwidth_bps=64_000, rtt_s=0.6) as link:
        _point_at(b, f"http://127.0.0.1:{link.port}")
        high = _scalar(server_db, "SELECT max(server_version) FROM records")
        child = _start_sync(b)
        _kill_when(child, lambda: 0 < _laptop_figures(b)[3] < high)
        models, distinct, _pending, checkpoint = _laptop_figures(b)
        assert models == distinct and 0 < checkpoint < high
        _run_sync(b)
    high = _scalar(server_db, "SELECT max(server_version) FROM records")
    assert _laptop_figures(b) == (len(ids), len(ids), 0, high)
    held = _with_session(b, lambda laptop: {r["id"] for r in laptop.list_records("model")})
    assert held == set(ids)
    assert _server_models(server_db) == len(ids)
