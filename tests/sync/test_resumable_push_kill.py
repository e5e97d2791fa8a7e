"""SIGKILL the ``danvan sync`` process mid-upload: the rerun resumes the same push upload.

The client is the real command in a child process, through the slow-link proxy
(64 kbit/s), against the real server. It is killed once the server holds part of the
batch's upload; the upload kept in the laptop's store then names that upload, and the
rerun completes it: the server ends with that one part, whole, and each record once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine

from danvan_desktop.store.settings import set_setting
from danvan_desktop.sync.engine import LINK_ESTIMATES_KEY
from danvan_desktop.sync.push_upload import UPLOAD_KEY
from support.realistic_records import realistic_models
from sync.conftest import Province
from sync.test_kill_client import (
    _applied_for,
    _device_id,
    _enrolled,
    _kill_when,
    _link,
    _point_at,
    _run_sync,
    _server_models,
    _start_sync,
    _with_session,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def server_db(province: Province) -> Iterator[Engine]:
    """The server's database, read directly."""
    engine = create_engine(province.database_url)
    yield engine
    engine.dispose()


def _kept(folder: Path) -> dict[str, Any] | None:
    connection = sqlite3.connect(f"file:{folder / 'danvan.sqlite3'}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT value FROM settings WHERE key = ?", [UPLOAD_KEY]
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else dict(json.loads(row[0]))


def _parts(tmp_path: Path) -> dict[str, int]:
    held = {}
    for part in tmp_path.glob("server/attachments/push-uploads/*/*.part"):
        try:
            held[part.stem] = part.stat().st_size
        except FileNotFoundError:
            continue
    return held


def _partly_held(folder: Path, tmp_path: Path) -> bool:
    kept = _kept(folder)
    return kept is not None and 0 < _parts(tmp_path).get(kept["upload_id"], 0) < kept["size"]


def _prepare(folder: Path, count: int) -> None:
    """``count`` realistic models, and link estimates that make blocks of about 8 KB."""

    def work(laptop: Any) -> None:
        for fields in realistic_models(count):
            laptop.add_model(**fields)
        estimates = {"bytes_per_s": 8000.0, "measured": True, "uptimes_s": [4.0], "rtt_s": 0.6}
        set_setting(laptop.store.db, LINK_ESTIMATES_KEY, estimates)

    _with_session(folder, work)


def test_killed_mid_upload_the_rerun_resumes_the_same_upload(
    province: Province, server_db: Engine, tmp_path: Path
) -> None:
    """Killed with part of the upload held: the rerun completes that very upload."""
    a = _enrolled(province, tmp_path / "a")
    setup = set(_parts(tmp_path))
    _prepare(a, 200)
    device = _device_id(a)
    applied_before = _applied_for(server_db, device)
    with _link(province, bandwidth_bps=64_000, rtt_s=0.6) as link:
        _point_at(a, f"http://127.0.0.1:{link.port}")
        child = _start_sync(a)
        _kill_when(child, lambda: _partly_held(a, tmp_path))
        kept = _kept(a)
        assert kept is not None
        _run_sync(a)
    new_parts = {key: size for key, size in _parts(tmp_path).items() if key not in setup}
    assert new_parts == {kept["upload_id"]: kept["size"]}
    assert _kept(a) is None
    assert _applied_for(server_db, device) == applied_before + 200
    assert _server_models(server_db) == 200
