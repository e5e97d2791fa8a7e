"""Budget: 200 devices, one asynchronous load process, p95 of a round ≤ 1 s.

Usage: ``python bench/sync_load.py [--devices 200] [--rounds 5] [--interval 10]
[--workers 2] [--backends sqlite,postgresql] [--readings burst,paced]``. For each
backend (SQLite; and PostgreSQL when ``DANVAN_TEST_PG_URL`` is set, in a fresh
schema dropped afterwards) it starts the real server (``danvan-server run
--workers N`` on loopback), enrolls one device per village, and runs this file in a child
process as the load generator, twice:

- **burst**: all devices start their first round at the same instant and run
  their rounds back to back (every device always has a round in flight: the
  harshest reading, the server saturated);
- **paced**: each device starts a round every ``--interval`` seconds, from a
  random offset within the first interval (out of step, as laptops are).

A round pushes 10 new models (a compact protocol-2 body, gzip) and pulls since
the device's checkpoint (``skip``-ping the versions it wrote). It prints the
figures of each reading with the budget (p95 ≤ 1 s for both readings) and the
load generator's own CPU share (it runs on the server's cores), and exits 1 when
one is missed. Run it alone: the figure is the machine's, and a test run
or another bench sharing the cores distorts it.

Load process mode (used above and by bench/sync.py): ``python
bench/sync_load.py URL CODES_JSON ROUNDS INTERVAL_S`` prints a JSON object of
round latencies; INTERVAL_S = 0 is the burst.

HTTP is written by hand over asyncio streams, one kept-alive connection per device:
a general-purpose client spent more CPU per request than the server did, and the
figure would have measured the load generator.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/server_push.py

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync import protocol
from support.server_process import (
    SCHEMA_VERSION,
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
    start_server,
)

CHANGES_PER_ROUND = 10
ROUND_P95_BUDGET_S = 1.0


class _Connection:
    """One kept-alive HTTP/1.1 connection."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes = b""
    ) -> tuple[int, bytes]:
        """Send one request; its status and (un-gzipped) body. A connection the server
        closed while idle (uvicorn keeps one 5 s) is opened again, as any client does."""
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                return await self._exchange(method, path, headers, body)
            except (ConnectionError, asyncio.IncompleteReadError, _Closed):
                self.writer.close()
                self.writer = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _exchange(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise _Closed
        status = int(status_line.split()[1])
        length, encoding = 0, ""
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "content-encoding":
                encoding = value.strip()
        content = await self.reader.readexactly(length)
        return status, gzip.decompress(content) if encoding == "gzip" else content


class _Closed(Exception):
    """The server had closed the kept-alive connection."""


class _Device:
    """One simulated laptop of its own village."""

    def __init__(self, host: str, port: int, code: str) -> None:
        self.http = _Connection(host, port)
        self.code = code
        self.device_id = uuid7()
        self.headers = {
            protocol.HEADER_PROTOCOL: str(protocol.PROTOCOL_VERSION),
            protocol.HEADER_SCHEMA: str(SCHEMA_VERSION),
            "Accept-Encoding": "gzip",
        }
        self.unit_id = ""
        self.checkpoint = 0
        self.held: set[int] = set()
        self.rounds = 0

    async def _call(self, method: str, path: str, body: bytes = b"", **extra: str) -> Any:
        status, content = await self.http.request(
            method, f"{protocol.API_PREFIX}{path}", {**self.headers, **extra}, body
        )
        if status != 200:
            raise RuntimeError(f"{method} {path}: {status} {content[:300]!r}")
        return json.loads(content)

    async def enroll(self) -> None:
        """Trade the code for a token."""
        body = {"code": self.code, "device_id": self.device_id, "device_name": "bench"}
        answer = await self._call(
            "POST", "/enroll", json.dumps(body).encode(), **{"Content-Type": "application/json"}
        )
        self.headers["Authorization"] = f"Bearer {answer['token']}"
        self.unit_id = answer["unit"]["id"]

    async def round(self) -> float:
        """Push 10 new models, pull; the seconds it took."""
        started = time.perf_counter()
        self.rounds += 1
        ops = [self._new_model(n) for n in range(CHANGES_PER_ROUND)]
        raw = json.dumps(protocol.compact_push_body(self.device_id, ops), ensure_ascii=False)
        answer = await self._call(
            "POST",
            "/push",
            gzip.compress(raw.encode(), 6),
            **{"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )
        self.held |= {r["server_version"] for r in answer["results"] if r.get("exact")}
        more = True
        while more:
            self.held = {v for v in self.held if v > self.checkpoint}
            query = {"since": self.checkpoint}
            if self.held:
                query["skip"] = protocol.format_ranges(self.held)  # type: ignore[assignment]
            page = await self._call("GET", f"/pull?{urlencode(query)}")
            self.checkpoint, more = int(page["next"]), bool(page["more"])
        return time.perf_counter() - started

    def _new_model(self, n: int) -> dict[str, Any]:
        record_id = uuid7()
        return {
            "op_id": record_id,
            "device_id": self.device_id,
            "entity": "model",
            "record_id": record_id,
            "unit_id": self.unit_id,
            "kind": "upsert",
            "base_version": None,
            "fields": {
                "name": f"Mô hình {self.rounds}-{n}",
                "status": "registered",
                "year": 2026,
                "field_code": "economy",
                "content": "Họp dân bàn bạc, vận động hiến đất, góp ngày công.",
            },
            "base": {},
            "schema_version": SCHEMA_VERSION,
            "created_at": "2026-11-28T08:00:00Z",
        }


async def _run_device(
    device: _Device, rounds: int, interval_s: float, start: float, offset_s: float
) -> list[float]:
    times = []
    for k in range(rounds):
        due = start + offset_s + k * interval_s
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        times.append(await device.round())
    return times


async def drive(url: str, codes: list[str], rounds: int, interval_s: float) -> dict[str, float]:
    """Enroll every device, warm its connection, then run the rounds; the figures."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", int(parts.port or 80)
    devices = [_Device(host, port, code) for code in codes]
    for device in devices:  # one at a time: enrollment is not what is measured
        await device.enroll()
    await asyncio.gather(*(device.round() for device in devices))
    rng = random.Random(46)
    offsets = [rng.uniform(0, interval_s) for _ in devices]
    start, cpu_start = time.perf_counter(), time.process_time()
    per_device = await asyncio.gather(
        *(
            _run_device(d, rounds, interval_s, start, o)
            for d, o in zip(devices, offsets, strict=True)
        )
    )
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    times = sorted(t for per in per_device for t in per)
    return {
        "rounds": len(times),
        "p50_s": statistics.median(times),
        "p95_s": times[int(0.95 * (len(times) - 1))],
        "max_s": times[-1],
        "ops_per_s": len(times) * CHANGES_PER_ROUND / elapsed,
        # The load generator's own CPU (one core = 1.0) while it ran the rounds: what it
        # took from the server on the same machine.
        "generator_cpu": cpu / elapsed,
    }


def _load_process(url: str, codes: list[str], rounds: int, interval_s: float) -> int:
    print(json.dumps(asyncio.run(drive(url, codes, rounds, interval_s))))
    return 0


def _measure(
    database_url: str, devices: int, rounds: int, interval_s: float, workers: int
) -> dict[str, float]:
    """A fresh server on ``database_url``; the load process's figures."""
    with tempfile.TemporaryDirectory(prefix="danvan-bench-load-") as tmp:
        folder = Path(tmp)
        prepare_database(database_url, folder / "attachments")
        codes = [
            make_enrollment_code(database_url, add_village(database_url, name=f"Tổ {n + 1}").id)
            for n in range(devices)
        ]
        codes_file = folder / "codes.json"
        codes_file.write_text(json.dumps(codes))
        with start_server(database_url, log_dir=folder, workers=workers) as server:
            command = [sys.executable, __file__, server.url, str(codes_file), str(rounds)]
            done = subprocess.run(
                [*command, str(interval_s)], capture_output=True, text=True, check=False
            )
        if done.returncode != 0:
            raise SystemExit(f"the load process failed:\n{done.stderr}")
        return dict(json.loads(done.stdout))


def _database(backend: str, folder: Path) -> tuple[str, str | None]:
    """The database URL for ``backend`` and the PostgreSQL schema to drop after."""
    if backend == "sqlite":
        return sqlite_url(folder), None
    from server_push import _pg_schema

    schema, url = _pg_schema(os.environ["DANVAN_TEST_PG_URL"])
    return url, schema


def main() -> int:
    """Measure both readings on each backend; 1 when a p95 misses the budget."""
    if len(sys.argv) == 5 and sys.argv[1].startswith("http"):
        url, codes_file, rounds, interval_s = sys.argv[1:5]
        codes = json.loads(Path(codes_file).read_text())
        return _load_process(url, codes, int(rounds), float(interval_s))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per device")
    parser.add_argument("--interval", type=float, default=10.0, help="paced: s between rounds")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--readings", default="burst,paced", help="which of burst,paced")
    args = parser.parse_args()
    from server_push import _drop_schema

    ok = True
    for backend in args.backends.split(","):
        if backend == "postgresql" and not os.environ.get("DANVAN_TEST_PG_URL"):
            print("postgresql: not measured (DANVAN_TEST_PG_URL is not set)")
            continue
        for name, pace in (("burst", 0.0), ("paced", args.interval)):
            if name not in args.readings.split(","):
                continue
            with tempfile.TemporaryDirectory(prefix="danvan-bench-db-") as tmp:
                url, schema = _database(backend, Path(tmp))
                try:
                    figures = _measure(url, args.devices, args.rounds, pace, args.workers)
                finally:
                    if schema is not None:
                        _drop_schema(os.environ["DANVAN_TEST_PG_URL"], schema)
            met = figures["p95_s"] <= ROUND_P95_BUDGET_S
            ok &= met
            what = "all at once, back to back" if not pace else f"a round every {pace:g} s each"
            print(
                f"{backend}, {args.workers} server process(es), {name} ({args.devices} devices, "
                f"{what}): {figures['rounds']:.0f} rounds, p50 {figures['p50_s']:.3f} s, p95 "
                f"{figures['p95_s']:.3f} s (budget ≤ {ROUND_P95_BUDGET_S} s), max "
                f"{figures['max_s']:.3f} s, {figures['ops_per_s']:,.0f} changes/s, load "
                f"generator {figures['generator_cpu']:.0%} of a core "
                f"{'OK' if met else 'MISSED'}",
                flush=True,
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
