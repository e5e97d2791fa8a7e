"""Sync budgets: bytes and time of 1,000 new records over a 2G link, server push, 200 devices.

Usage: ``python bench/sync.py [--records 1000] [--devices 200] [--rounds 5]
[--interval 10] [--skip-push] [--skip-load]``. Prints each figure with its budget;
exits 1 when one is missed.

1. **Bytes on the wire.** A laptop enrolled with the real server (``danvan-server
   run`` on loopback, SQLite) makes 1,000 new models (the demo registrations) and
   syncs one round through the slow-link proxy (64 kbit/s, 600 ms round trip, no
   drops). The proxy counts the TCP payload both ways. Budget: ≤ 1.15 × the gzip of
   the records' canonical JSON (``protocol.canonical_json`` of each record's id and
   field dict, gzip level 9). The record ids are part of the reference: they are
   ~36 % of it for these well-compressing texts and no protocol can avoid sending
   them; the figure without them is printed too.
2. **Time over the link.** The same round's wall time. Budget: ≤ 1.3 × the time of
   one raw POST of the reference's gzip bytes to the server through the same proxy
   (new connection, body, answer).
3. **Server push.** ``bench/server_push.py`` (≥ 2,000 operations/s), run as is.
4. **200 devices.** ``bench/sync_load.py``, run as is: one asynchronous load
   process drives 200 devices against the real server (``--workers 2``), a round
   pushing 10 new models and pulling; two readings, all devices at once and back
   to back (burst) and each every ``--interval`` seconds (paced), each on SQLite
   and, when ``DANVAN_TEST_PG_URL`` is set, PostgreSQL. Budget: p95 of a round
   ≤ 1 s in every reading.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/server_push.py

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.session import Session
from danvan_desktop.store.demo_data import model_fields
from danvan_desktop.sync import protocol
from danvan_desktop.sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA
from support.server_process import (
    SCHEMA_VERSION,
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
    start_server,
)
from support.slowlink import SlowLink

ROOT = Path(__file__).resolve().parents[1]
WIRE_BUDGET = 1.15
TIME_BUDGET = 1.3
BANDWIDTH_BPS = 64_000
RTT_S = 0.6
CHANGES_PER_ROUND = 10


# -- 1 and 2: one laptop over the slow link --------------------------------------------
def _laptop(folder: Path, server_url: str, code: str) -> Session:
    laptop = Session.open(folder, create=True)
    laptop.initialise_team(
        province_code=46,
        commune_code=19768,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name="Nguyễn Văn An",
    )
    laptop.enroll_device(server_url=server_url, code=code)
    laptop.sync_now()  # the team's setup: not part of the measurement
    return laptop


def _reference_bytes(laptop: Session, ids: list[str]) -> tuple[bytes, int]:
    """gzip of the records' canonical JSON (ids and fields); and the size without ids."""
    names = ENTITIES["model"].field_names
    rows = [laptop.get_record("model", record_id) for record_id in ids]
    with_ids = [{"id": row["id"], **{name: row[name] for name in names}} for row in rows]
    fields_only = [{name: row[name] for name in names} for row in rows]
    reference = gzip.compress(protocol.canonical_json(with_ids), 9)
    return reference, len(gzip.compress(protocol.canonical_json(fields_only), 9))


def _one_upload_s(port: int, body: bytes, token: str) -> float:
    """Wall time of one raw POST of ``body`` (already gzip) through the proxy.

    It goes to /push with the laptop's token, so the server reads the whole body
    before it answers (400: a list is not a push request); without a token it would
    refuse at the headers and the upload would be cut short."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        HEADER_PROTOCOL: str(protocol.PROTOCOL_VERSION),
        HEADER_SCHEMA: str(SCHEMA_VERSION),
        "Authorization": f"Bearer {token}",
    }
    connection.request("POST", f"{protocol.API_PREFIX}/push", body=body, headers=headers)
    answer = connection.getresponse()
    answer.read()
    if answer.status != 400:
        raise SystemExit(f"the reference upload was answered {answer.status}, not 400")
    connection.close()
    return time.monotonic() - started


def wire_and_time(records: int) -> tuple[bool, list[str]]:
    """Budgets 1 and 2; (all met, lines to print)."""
    with tempfile.TemporaryDirectory(prefix="danvan-bench-sync-") as tmp:
        folder = Path(tmp)
        url = sqlite_url(folder)
        prepare_database(url, folder / "attachments")
        village = add_village(url, name="Tổ dân phố 5")
        with start_server(url, log_dir=folder) as server:
            laptop = _laptop(folder / "laptop", server.url, make_enrollment_code(url, village.id))
            rng = random.Random(2026)
            ids = [
                str(laptop.add_model(**model_fields(rng, "Tổ dân phố 5", 2026)).record_id)
                for _ in range(records)
            ]
            reference, fields_only = _reference_bytes(laptop, ids)
            with SlowLink(
                upstream=("127.0.0.1", server.port), bandwidth_bps=BANDWIDTH_BPS, rtt_s=RTT_S
            ) as link:
                laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
                started = time.monotonic()
                report = laptop.sync_now()
                sync_s = time.monotonic() - started
                wire = link.counters()
                upload_s = _one_upload_s(link.port, reference, str(laptop.store.meta("sync_token")))
            laptop.close()
    if report.pushed != records or report.pulled != 0:
        raise SystemExit(f"the round did not do what was measured: {report}")
    wire_ratio = wire.total / len(reference)
    time_ratio = sync_s / upload_s
    lines = [
        f"records: {records}; reference gzip {len(reference):,} bytes "
        f"({fields_only:,} without the ids)",
        f"bytes on the wire: {wire.total:,} (up {wire.up:,}, down {wire.down:,}) = "
        f"{wire_ratio:.3f} × reference (budget ≤ {WIRE_BUDGET}) "
        f"{_verdict(wire_ratio <= WIRE_BUDGET)}",
        f"sync time over 64 kbit/s, 600 ms: {sync_s:.2f} s; one upload of the reference: "
        f"{upload_s:.2f} s; = {time_ratio:.3f} × (budget ≤ {TIME_BUDGET}) "
        f"{_verdict(time_ratio <= TIME_BUDGET)}",
    ]
    return wire_ratio <= WIRE_BUDGET and time_ratio <= TIME_BUDGET, lines


# -- 3: server push --------------------------------------------------------------------
def server_push() -> tuple[bool, list[str]]:
    """Run bench/server_push.py; (its budget met, its output)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "server_push.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [f"server push: {line}" for line in done.stdout.strip().splitlines()]
    if done.returncode not in (0, 1):
        lines.append(done.stderr.strip())
    return done.returncode == 0, lines


# -- 4: 200 devices --------------------------------------------------------------------
def load_budget(devices: int, rounds: int, interval_s: float) -> tuple[bool, list[str]]:
    """Budget 4: ``bench/sync_load.py`` (burst and paced, each backend), run as is."""
    command = [sys.executable, str(ROOT / "bench" / "sync_load.py"), "--devices", str(devices)]
    command += ["--rounds", str(rounds), "--interval", str(interval_s)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode not in (0, 1):
        lines.append(done.stderr.strip())
    return done.returncode == 0, lines


def _verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def main() -> int:
    """Measure every budget; 1 when any is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between rounds")
    parser.add_argument("--skip-push", action="store_true", help="skip bench/server_push.py")
    parser.add_argument("--skip-load", action="store_true", help="skip the 200 devices")
    args = parser.parse_args()
    ok, lines = wire_and_time(args.records)
    print("\n".join(lines), flush=True)
    if not args.skip_push:
        met, lines = server_push()
        ok &= met
        print("\n".join(lines), flush=True)
    if not args.skip_load:
        met, lines = load_budget(args.devices, args.rounds, args.interval)
        ok &= met
        print("\n".join(lines), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
