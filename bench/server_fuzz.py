"""No device can break the server: thousands of fuzzed requests, 0 server errors.

Usage: ``python bench/server_fuzz.py [--examples 150] [--seed N]
[--backends sqlite,postgresql]``. For each backend (SQLite; and PostgreSQL when
``DANVAN_TEST_PG_URL`` is set, in a fresh schema dropped afterwards) it starts the
real server (``danvan-server run``, uvicorn on loopback) and fuzzes every operation
of its ``/openapi.json`` with schemathesis (tests/support/api_fuzz.py, the same
fuzz as tests/server/test_api_fuzz.py, which CI runs at a small size): once with no
valid token, once as an enrolled laptop that has uploaded a file, ``--examples``
cases per operation and kind of data (what the schema allows, what it forbids).
The default sends about 6,000 requests per backend and takes a few minutes.

Each answer is checked: no 5xx, no dropped connection, the status, content type and
body the schema documents; the server's log must hold no traceback. It prints the
count of cases, of server errors and of answers unlike the schema, describes the
first failures (each with a curl line to repeat it), and exits 1 when there is any.
Cases are derandomized (the same on every run) unless ``--seed`` picks others.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/server_push.py

import httpx
from server_push import _drop_schema, _pg_schema

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256
from support.api_fuzz import Device, Tally, fuzz, load_schema, operation_labels
from support.server_process import (
    ServerApi,
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
    start_server,
)

PHOTO = "ảnh đã lưu trên máy chủ".encode() * 50


def _store_file(api: ServerApi) -> str:
    """Upload a small file as the device; its SHA-256."""
    sha = hashlib.sha256(PHOTO).hexdigest()
    api.request(
        "PUT",
        f"/attachments/{sha}",
        params={"offset": 0},
        content=PHOTO,
        headers={HEADER_CHUNK_SHA256: sha, "Content-Type": "application/octet-stream"},
    ).raise_for_status()
    api.post_json(f"/attachments/{sha}/complete", {"size": len(PHOTO)}).raise_for_status()
    return sha


def run_backend(
    database_url: str, folder: Path, examples: int, seed: int | None
) -> tuple[list[tuple[str, Tally]], list[str]]:
    """Fuzz the real server on ``database_url``: each run's tally, and tracebacks logged."""
    prepare_database(database_url, folder / "attachments")
    village = add_village(database_url, name="Tổ dân phố fuzz")
    code = make_enrollment_code(database_url, village.id)
    with (
        start_server(database_url, log_dir=folder) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        api = ServerApi(server.url, client=client).enroll(code, device_id=uuid7())
        device = Device(str(api.token), str(api.device_id), str(api.unit_id))
        sha = _store_file(api)
        schema = load_schema(client)
        labels = operation_labels(schema)
        runs = [
            ("no token", fuzz(schema, client, examples=examples, seed=seed)),
            (
                "device token",
                fuzz(schema, client, examples=examples, device=device, known_sha=sha, seed=seed),
            ),
        ]
        log = server.log()
    for name, tally in runs:
        unreached = labels - set(tally.cases)
        if unreached:
            tally.fail(f"{name}: never sent: {', '.join(sorted(unreached))}", server_error=False)
    tracebacks = log.split("Traceback (most recent call last)")[1:]
    return runs, [f"Traceback{text[:1500]}" for text in tracebacks]


def main() -> int:
    """Fuzz each backend; 1 when any answer was a server error or unlike the schema."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--examples", type=int, default=150, help="cases per operation and kind of data"
    )
    parser.add_argument("--seed", type=int, default=None, help="other cases than the fixed ones")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    wanted = args.backends.split(",")
    pg_url = os.environ.get("DANVAN_TEST_PG_URL")
    if "postgresql" in wanted and not pg_url:
        print("PostgreSQL: not fuzzed (DANVAN_TEST_PG_URL is not set)")
    failed = False
    for name in wanted:
        if name == "postgresql" and not pg_url:
            continue
        with tempfile.TemporaryDirectory(prefix="danvan-fuzz-") as tmp:
            folder = Path(tmp)
            schema = None
            if name == "sqlite":
                url = sqlite_url(folder)
            else:
                schema, url = _pg_schema(str(pg_url))
            start = time.perf_counter()
            try:
                runs, tracebacks = run_backend(url, folder, args.examples, args.seed)
            finally:
                if schema is not None:
                    _drop_schema(str(pg_url), schema)
            elapsed = time.perf_counter() - start
        cases = sum(tally.total for _run, tally in runs)
        server_errors = sum(tally.server_errors for _run, tally in runs) + len(tracebacks)
        unlike = sum(tally.failed - tally.server_errors for _run, tally in runs)
        unsendable = sum(tally.unsendable for _run, tally in runs)
        ok = server_errors == 0 and unlike == 0
        failed |= not ok
        print(
            f"{name}: {cases:,} cases in {elapsed:,.0f} s "
            f"({', '.join(f'{run} {tally.total:,}' for run, tally in runs)}); "
            f"{server_errors} server errors; {unlike} answers unlike the schema; "
            f"{unsendable} cases the client could not send; {'OK' if ok else 'FAILED'}"
        )
        for run, tally in runs:
            if tally.failed:
                print(f"--- {name}, {run}:\n{tally.report()}")
        for traceback in tracebacks[:5]:
            print(f"--- {name}, the server logged:\n{traceback}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
