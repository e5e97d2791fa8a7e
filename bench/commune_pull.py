"""Budget: a commune reviewer's first pull over a 64 kbit/s, 600 ms link (issue 22).

Usage: ``python bench/commune_pull.py [--villages 25] [--communes 2]
[--backend sqlite|postgresql] [--keep DIR] [--timeline]``.

The real server (``danvan-server run`` on loopback; SQLite, or PostgreSQL in a fresh
schema of ``DANVAN_TEST_PG_URL``) is filled through its push path by bench/city.py's
generator (``generate_city``): ``--communes`` communes of ``--villages`` villages each,
680 records a village (one commune of 25 villages: 17,000 records, and the units and
fields above them; the other commune is what the reviewer must not receive). A
commune reviewer's laptop is then enrolled for the first commune (on loopback: not
measured) and runs its first sync round (``Session.sync_now``) through the slow-link
proxy (``tests/support/slowlink.py``: 64 kbit/s each way, 600 ms round trip, no
drops), in a child process of its own so the laptop's work does not share an
interpreter with the proxy.

Figures:

- bytes each way: the TCP payload the proxy delivered (headers and bodies);
- the floor: every one of those bytes, up and down together, at 64 kbit/s as if
  they were one transfer in one direction, plus one round trip (600 ms):
  ``floor_s = (up + down) × 8 / 64,000 + 0.6``; it is what the same bytes cost
  over the link with the link never idle;
- the wall time of the round and its ratio to the floor. Budget (issue 22):
  ≤ 1.3 × the floor;
- bytes per record pulled, and what share of the bytes on the wire is overhead:
  HTTP headers (the wire less the bodies, as the transport counts them) and the
  JSON around the records (the bodies less the reference: gzip -9 of the pulled
  records' canonical JSON, each record's id and fields, which no protocol can
  avoid sending);
- where the time went: how long no request was on the wire, and (``--timeline``) when
  each request was sent and answered and when each pull page was applied.

Exits 1 when the budget is missed or the pull did not bring the commune's records.
The machine's load shows in the wall time: on a shared machine say so beside it.
``reviewer_first_pull`` is also what tests/sync/test_commune_pull.py runs small.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/city.py

from city import RECORDS_PER_TEAM, City, generate_city

from danvan_desktop.session import Session
from danvan_desktop.sync import protocol
from support.server_process import sqlite_url
from support.slowlink import SlowLink

BANDWIDTH_BPS = 64_000
RTT_S = 0.6
TIME_BUDGET = 1.3  # issue 22: ≤ 1.3 × the floor for its bytes
VILLAGES_PER_COMMUNE = 25


def floor_s(total_bytes: int) -> float:
    """Every byte at line rate in one direction, the link never idle, plus one round trip."""
    return total_bytes * 8 / BANDWIDTH_BPS + RTT_S


@dataclass
class _Timeline:
    """When each request was on the wire and when each pull page was applied."""

    started: float
    requests: list[tuple[float, float]]
    applied: list[float]

    @contextlib.contextmanager
    def on_wire(self) -> Iterator[None]:
        """The transport enters this around each request (on the thread that sends it)."""
        began = time.monotonic()
        try:
            yield
        finally:
            self.requests.append((began - self.started, time.monotonic() - self.started))

    def progress(self, stage: str, done: int, total: int) -> None:
        """The engine's progress: a pull page applied."""
        if stage == "pull":
            self.applied.append(time.monotonic() - self.started)

    def idle_s(self) -> float:
        """Seconds between the first request and the last with no request on the wire."""
        idle, busy_until = 0.0, None
        for began, ended in sorted(self.requests):
            if busy_until is not None and began > busy_until:
                idle += began - busy_until
            busy_until = ended if busy_until is None else max(busy_until, ended)
        return idle


def reviewer_first_pull(
    server_url: str, link_url: str, code: str, folder: Path
) -> tuple[Session, dict[str, Any]]:
    """A commune reviewer's laptop in ``folder``, enrolled at ``server_url`` with ``code``,
    then its first round through ``link_url``: (the open session, its figures)."""
    session = Session.open(folder, create=True)
    session.set_up_from_server(server_url=server_url, code=code)
    session.change_setting("server_url", link_url)
    timeline = _Timeline(time.monotonic(), [], [])
    started = time.monotonic()
    report = session.sync_now(progress=timeline.progress, on_wire=timeline.on_wire)
    seconds = time.monotonic() - started
    figures = {
        "seconds": seconds,
        "pulled": report.pulled,
        "pages": report.pages,
        "rejected": report.rejected,
        "body_sent": report.bytes_sent,
        "body_received": report.bytes_received,
        "requests": len(timeline.requests),
        "idle_s": timeline.idle_s(),
        "first_request_s": min((began for began, _ in timeline.requests), default=0.0),
        "last_answer_s": max((ended for _, ended in timeline.requests), default=0.0),
        "timeline": {"requests": sorted(timeline.requests), "applied": timeline.applied},
    }
    return session, figures


def reference_bytes(server_url: str, token: str, store_schema: int) -> dict[str, int]:
    """The commune's records read again on loopback: how many, and gzip -9 of their
    canonical JSON (each record's id and fields)."""
    from danvan_desktop.sync.transport import SyncTransport

    records: list[dict[str, Any]] = []
    since = 0
    with SyncTransport(
        server_url, protocol_version=str(protocol.PROTOCOL_VERSION), schema_version=store_schema
    ) as transport:
        transport.set_auth_token(token)
        while True:
            answer = transport.get(f"{protocol.API_PREFIX}/pull?since={since}&max_bytes=4000000")
            body = answer.json()
            records += [{"id": c["record_id"], **c["fields"]} for c in body["changes"]]
            since = int(body["next"])
            if not body["more"]:
                break
    return {
        "records": len(records),
        "reference": len(gzip.compress(protocol.canonical_json(records), 9)),
    }


def _child(server_url: str, link_url: str, code: str, folder: str) -> dict[str, Any]:
    session, figures = reviewer_first_pull(server_url, link_url, code, Path(folder))
    try:
        token = str(session.store.meta("sync_token"))
        schema = int(session.store.db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        session.close()
    figures.update(reference_bytes(server_url, token, schema))
    return figures


def run_child(server_url: str, link_url: str, code: str, folder: Path) -> dict[str, Any]:
    """The reviewer's first round in a child process; its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", server_url, link_url, code, str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the reviewer's pull failed:\n{done.stdout}\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(city: City, folder: Path) -> dict[str, Any]:
    """The first commune's reviewer pulls through the slow link; the figures."""
    code = city.code(str(city.commune_codes[0]), "reviewer")
    with SlowLink(
        upstream=("127.0.0.1", city.server.port), bandwidth_bps=BANDWIDTH_BPS, rtt_s=RTT_S
    ) as link:
        figures = run_child(city.server.url, f"http://127.0.0.1:{link.port}", code, folder)
        wire = link.counters()
    figures["up"], figures["down"] = wire.up, wire.down
    return figures


def report(figures: dict[str, Any], villages: int, show_timeline: bool = False) -> bool:
    """Print the figures against the budget; True when it is met."""
    up, down = figures["up"], figures["down"]
    total = up + down
    floor = floor_s(total)
    ratio = figures["seconds"] / floor
    pulled = max(1, figures["pulled"])
    bodies = figures["body_sent"] + figures["body_received"]
    headers = total - bodies
    envelope = figures["body_received"] - figures["reference"]
    expected = villages * RECORDS_PER_TEAM
    met = ratio <= TIME_BUDGET
    lines = [
        f"commune reviewer's first pull: {figures['pulled']:,} records in "
        f"{figures['pages']} pages, {figures['requests']} requests "
        f"({villages} villages × {RECORDS_PER_TEAM} records = {expected:,} of the teams'; "
        f"{figures['rejected']} refused)",
        f"bytes on the wire: up {up:,}, down {down:,}, total {total:,}",
        f"time over 64 kbit/s, 600 ms: {figures['seconds']:.1f} s; floor {floor:.1f} s "
        f"({total:,} bytes at line rate + one round trip); = {ratio:.3f} × "
        f"(budget ≤ {TIME_BUDGET}) {'OK' if met else 'MISSED'}",
        f"bytes per record: {down / pulled:.1f} down, {total / pulled:.1f} both ways; "
        f"reference (gzip -9 of ids and fields) {figures['reference'] / pulled:.1f}",
        f"overhead: HTTP headers {headers:,} bytes ({headers / total:.1%} of the wire); "
        f"JSON around the records {envelope:,} bytes ({envelope / total:.1%}); "
        f"records themselves {figures['reference']:,} ({figures['reference'] / total:.1%})",
        f"link idle between requests: {figures['idle_s']:.1f} s; first request at "
        f"{figures['first_request_s']:.2f} s, last answer at {figures['last_answer_s']:.1f} s",
    ]
    if show_timeline:
        lines.append("requests on the wire (s from the round's start), pages applied:")
        lines += [
            f"  {began:7.2f} – {ended:7.2f}" for began, ended in figures["timeline"]["requests"]
        ]
        lines.append(
            "  applied at " + ", ".join(f"{t:.1f}" for t in figures["timeline"]["applied"])
        )
    print("\n".join(lines), flush=True)
    return met and figures["pulled"] >= expected and not figures["rejected"]


def _database(stack: contextlib.ExitStack, backend: str, folder: Path) -> str:
    """The server's database URL: SQLite in ``folder``, or a PostgreSQL schema dropped when
    ``stack`` closes."""
    if backend == "sqlite":
        return sqlite_url(folder)
    from server_push import _drop_schema, _pg_schema

    base = os.environ.get("DANVAN_TEST_PG_URL")
    if not base:
        raise SystemExit("--backend postgresql needs DANVAN_TEST_PG_URL")
    schema, url = _pg_schema(base)
    stack.callback(_drop_schema, base, schema)
    return url


def main() -> int:
    """Generate the communes, measure the reviewer's first pull; 1 when over budget."""
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_child(*sys.argv[2:6])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--villages", type=int, default=VILLAGES_PER_COMMUNE)
    parser.add_argument("--communes", type=int, default=2, help="the reviewer's and others")
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the server's database (postgresql: a fresh schema in DANVAN_TEST_PG_URL)",
    )
    parser.add_argument("--keep", type=Path, help="keep the folder (server and laptop) here")
    parser.add_argument("--timeline", action="store_true", help="print each request's times")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        if args.keep is None:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="danvan-commune-")))
        else:
            tmp = args.keep
            tmp.mkdir(parents=True, exist_ok=False)
        url = _database(stack, args.backend, tmp)
        started = time.monotonic()
        city = stack.enter_context(
            generate_city(url, tmp, communes=args.communes, villages=args.villages * args.communes)
        )
        print(
            f"generated {city.pushed:,} records in {args.communes} communes "
            f"({len(city.refused)} refused) in {time.monotonic() - started:.1f} s",
            flush=True,
        )
        figures = measure(city, tmp / "reviewer")
    return 0 if report(figures, args.villages, args.timeline) else 1


if __name__ == "__main__":
    sys.exit(main())
