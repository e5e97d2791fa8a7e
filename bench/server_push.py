"""Server push throughput: batches of 200 model updates of ~1.5 KB from one client.

Usage: ``python bench/server_push.py [--batches N]``. Runs the real server
(``danvan-server run``, uvicorn on loopback) in a child process on SQLite, and
on PostgreSQL too when ``DANVAN_TEST_PG_URL`` is set (a fresh schema, dropped
afterwards). This process is the one client: it enrolls, creates the models
(reported, not judged), then pushes every model updated once per batch round,
each operation with its base and base_version as the laptop's outbox builds
them. Request bodies are gzipped JSON, built before the clock starts, so the
figure is the server's: HTTP, gunzip, parse, merge, commit.

Budget (issue 5): ≥ 2,000 operations/s on each backend. Exits 1 when missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from sqlalchemy import create_engine, text

from danvan_desktop.core.ids import uuid7
from support.server_process import (
    ServerApi,
    add_village,
    make_enrollment_code,
    prepare_database,
    start_server,
)

BUDGET_OPS_PER_S = 2000.0
BATCH = 200
TEXT_CHARS = 120  # with base values and the envelope: about 1.5 KB per operation
LONG_FIELDS = ("situation", "goals", "content", "scope", "actors", "outputs")


def _text(seed: int, length: int) -> str:
    words = [
        "người",
        "dân",
        "đồng",
        "thuận",
        "hiến",
        "đất",
        "mở",
        "rộng",
        "đường",
        "bê",
        "tông",
        "hóa",
        "ngõ",
        "xóm",
    ]
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < length:
        out.append(words[(seed + len(out)) % len(words)])
    return " ".join(out)[:length]


def _update(api: ServerApi, create: dict[str, Any], version: int) -> dict[str, Any]:
    """About 1.5 KB on the wire: three long-text fields rewritten, with their bases."""
    names = LONG_FIELDS[::2]
    fields = {name: _text(i + 3, TEXT_CHARS) + " (đã sửa)" for i, name in enumerate(names)}
    base = {name: create["fields"][name] for name in names}
    return api.op("model", create["record_id"], fields, base=base, base_version=version)


def _body(api: ServerApi, ops: list[dict[str, Any]]) -> bytes:
    payload = {"device_id": api.device_id, "ops": ops}
    return gzip.compress(json.dumps(payload, ensure_ascii=False).encode())


def _send(api: ServerApi, body: bytes) -> dict[str, Any]:
    answer = api.request(
        "POST",
        "/push",
        content=body,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    answer.raise_for_status()
    result: dict[str, Any] = answer.json()
    return result


def _timed_pushes(api: ServerApi, bodies: list[bytes]) -> tuple[float, list[dict[str, Any]]]:
    start = time.perf_counter()
    answers = [_send(api, body) for body in bodies]
    return time.perf_counter() - start, answers


def run_backend(database_url: str, folder: Path, batches: int) -> dict[str, float]:
    """Create then update ``batches × 200`` models; ops/s for each phase."""
    prepare_database(database_url, folder / "attachments")
    village = add_village(database_url, name="Tổ dân phố bench")
    code = make_enrollment_code(database_url, village.id)
    with start_server(database_url, log_dir=folder) as server:
        api = ServerApi(server.url).enroll(code, device_id=uuid7())
        ids = [uuid7() for _ in range(batches * BATCH)]
        creates = [
            api.op(
                "model",
                mid,
                {
                    "name": f"Mô hình {n}",
                    "status": "registered",
                    "year": 2026,
                    "field_code": "economy",
                    **{f: _text(n + i, TEXT_CHARS) for i, f in enumerate(LONG_FIELDS)},
                },
            )
            for n, mid in enumerate(ids)
        ]
        bodies = [_body(api, creates[i : i + BATCH]) for i in range(0, len(creates), BATCH)]
        create_s, answers = _timed_pushes(api, bodies)
        versions = {r["op_id"]: r["server_version"] for a in answers for r in a["results"]}
        updates = [_update(api, op, versions[op["op_id"]]) for op in creates]
        sizes = [len(json.dumps(op, ensure_ascii=False).encode()) for op in updates]
        bodies = [_body(api, updates[i : i + BATCH]) for i in range(0, len(updates), BATCH)]
        update_s, answers = _timed_pushes(api, bodies)
        statuses = {r["status"] for a in answers for r in a["results"]}
        api.close()
    if statuses != {"applied"}:
        raise SystemExit(f"unexpected statuses in the update phase: {statuses}")
    return {
        "create_ops_per_s": len(creates) / create_s,
        "update_ops_per_s": len(updates) / update_s,
        "op_bytes": sum(sizes) / len(sizes),
    }


def _pg_schema(base_url: str) -> tuple[str, str]:
    schema = f"danvan_bench_{uuid7().replace('-', '')[-12:]}"
    engine = create_engine(base_url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    separator = "&" if "?" in base_url else "?"
    return schema, f"{base_url}{separator}options=-csearch_path%3D{schema}"


def _drop_schema(base_url: str, schema: str) -> None:
    engine = create_engine(base_url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


def main() -> int:
    """Measure each backend; 1 when any misses the budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", type=int, default=50)
    args = parser.parse_args()
    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    pg_url = os.environ.get("DANVAN_TEST_PG_URL")
    if pg_url:
        backends.append(("postgresql", pg_url))
    else:
        print("PostgreSQL: not measured (DANVAN_TEST_PG_URL is not set)")
    failed = False
    for name, base in backends:
        with tempfile.TemporaryDirectory(prefix="danvan-bench-") as tmp:
            folder = Path(tmp)
            schema = None
            if base is None:
                url = f"sqlite:///{folder / 'server.sqlite3'}"
            else:
                schema, url = _pg_schema(base)
            try:
                figures = run_backend(url, folder, args.batches)
            finally:
                if base is not None and schema is not None:
                    _drop_schema(base, schema)
        ok = figures["update_ops_per_s"] >= BUDGET_OPS_PER_S
        failed |= not ok
        print(
            f"{name}: updates {figures['update_ops_per_s']:,.0f} ops/s "
            f"(budget ≥ {BUDGET_OPS_PER_S:,.0f}) {'OK' if ok else 'MISSED'}; "
            f"creates {figures['create_ops_per_s']:,.0f} ops/s; "
            f"{figures['op_bytes']:,.0f} bytes per operation"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
