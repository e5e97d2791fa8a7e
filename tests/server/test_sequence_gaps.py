"""No gap a reader can skip: concurrent writers push while a reader pulls, on the real server.

PostgreSQL commits sequence numbers out of order unless they are assigned under a
lock held until commit; a reader that pulled ``since=checkpoint`` in such a gap
would skip the late change for ever. Here several writer threads (each its own
device, in three villages) push small batches through a real server process
while a commune reviewer pulls continuously from its checkpoint. At the end the
reader must have seen every change exactly once, and the versions it saw must be
exactly 1..high_seq. With ``--workers 2`` the writers of two processes meet on the
sequence lock (PostgreSQL) or the cross-process writer lock (SQLite).
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from danvan_desktop.core.ids import uuid7
from server.conftest import Units
from support.server_process import ServerApi, make_enrollment_code, start_server

WRITERS_PER_VILLAGE = 2
BATCHES = 40
OPS_PER_BATCH = 8


def _writer(api: ServerApi, pushed: list[str], errors: list[str]) -> None:
    try:
        for _ in range(BATCHES):
            ops = [
                api.op("task", uuid7(), {"title": "Dọn vệ sinh đường làng", "status": "open"})
                for _ in range(OPS_PER_BATCH)
            ]
            results = api.push(ops).json()["results"]
            if {r["status"] for r in results} != {"applied"}:
                errors.append(str(results))
            pushed.extend(op["record_id"] for op in ops)
    except Exception as exc:  # reported by the test, not lost in a thread
        errors.append(repr(exc))
    finally:
        api.close()


def _read_until(reader: ServerApi, stop: threading.Event, seen: list[tuple[str, int]]) -> int:
    checkpoint = 0
    while True:
        finished = stop.is_set()  # read before pulling: the last pass starts after writers end
        body = reader.pull(since=checkpoint, max_bytes=3000).json()
        seen.extend((c["record_id"], c["server_version"]) for c in body["changes"])
        checkpoint = body["next"]
        if finished and not body["more"]:
            return int(checkpoint)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_concurrent_writers_leave_no_gap_for_a_pulling_reader(
    database_url: str, units: Units, tmp_path: Path, workers: int
) -> None:
    """Every change is seen exactly once and the versions seen are 1..high_seq, with one
    server process or two (each with its own push writer) on the same database."""
    with start_server(database_url, log_dir=tmp_path, workers=workers) as server:
        base = ServerApi(server.url)
        villages = [units.village, units.neighbour]
        writers = [
            ServerApi(server.url).enroll(make_enrollment_code(database_url, v.id), uuid7())
            for v in villages
            for _ in range(WRITERS_PER_VILLAGE)
        ]
        reader = base.enroll(
            make_enrollment_code(database_url, units.commune.id, "reviewer"), uuid7()
        )
        pushed: list[str] = []
        errors: list[str] = []
        seen: list[tuple[str, int]] = []
        stop = threading.Event()
        threads = [threading.Thread(target=_writer, args=(w, pushed, errors)) for w in writers]
        reading = threading.Thread(target=lambda: _read_until(reader, stop, seen))
        reading.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stop.set()
        reading.join()
        high_seq = base.request("GET", "/health").json()["high_seq"]
    assert errors == []
    tasks = [record_id for record_id, _ in seen if record_id in set(pushed)]
    assert len(pushed) == len(writers) * BATCHES * OPS_PER_BATCH
    assert Counter(tasks) == Counter(pushed)  # every change once, none twice
    versions = [version for _, version in seen]
    reader_units = 4  # city, commune and its two villages; Thuận An's two units are skipped
    assert len(versions) == len(pushed) + reader_units
    # skipped too: the city's six model fields (3-8), kept for laptops of schema 15 and later
    assert set(versions) | {3, 4, 5, 6, 7, 8, 11, 12} == set(range(1, high_seq + 1))
