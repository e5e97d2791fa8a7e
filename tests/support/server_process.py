"""The real city server in a child process on loopback, for sync tests and benches.

    url = sqlite_url(tmp_path)                      # or a PostgreSQL URL
    prepare_database(url, tmp_path / "attachments")
    village = add_village(url, commune_code=19768, name="Tổ dân phố 5")
    code = make_enrollment_code(url, village.id, role="team")
    with start_server(url, log_dir=tmp_path) as server:
        api = ServerApi(server.url).enroll(code, device_id="laptop-1")
        api.push([...]); api.pull(since=0)

``start_server`` runs ``python -m danvan_server.cli run`` with uvicorn on
127.0.0.1 and a free port, waits until ``/api/v1/health`` answers, and stops
the process (SIGTERM, then SIGKILL) on exit. ``kill()`` stops it at once, as a
crash would. Units and enrollment codes are made through the server's own admin
functions, the same ones ``danvan-server`` uses.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from danvan_desktop.core.ids import uuid7
from danvan_desktop.sync.protocol import (
    API_PREFIX,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    PROTOCOL_VERSION,
)
from danvan_server import admin
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from danvan_server.units import Unit

STARTUP_TIMEOUT_S = 30.0
SCHEMA_VERSION = 1
HUE_PROVINCE = 46
PHU_XUAN = 19768  # Phường Phú Xuân, Huế


def sqlite_url(folder: Path) -> str:
    """A SQLite database URL in ``folder``."""
    return f"sqlite:///{folder / 'server.sqlite3'}"


def prepare_database(database_url: str, attachments_dir: Path) -> None:
    """Initialise the database unless it already is."""
    engine = make_engine(Settings(database_url=database_url))
    try:
        if not admin.is_initialised(engine):
            admin.initialise(engine, attachments_dir)
    finally:
        engine.dispose()


def _with_engine(database_url: str) -> Any:
    return make_engine(Settings(database_url=database_url))


def add_commune(database_url: str, commune_code: int = PHU_XUAN) -> Unit:
    """The commune unit for ``commune_code`` (added, with its city, when missing)."""
    engine = _with_engine(database_url)
    try:
        for unit in admin.list_units(engine):
            if unit.level == "commune" and unit.commune_code == commune_code:
                return unit
        return admin.add_units(engine, "commune", code=commune_code)
    finally:
        engine.dispose()


def add_village(
    database_url: str,
    *,
    commune_code: int = PHU_XUAN,
    name: str = "Tổ dân phố 5",
    kind: str = "to_dan_pho",
) -> Unit:
    """A new village unit under the commune (added when missing)."""
    commune = add_commune(database_url, commune_code)
    engine = _with_engine(database_url)
    try:
        return admin.add_units(engine, "village", commune=commune.id, name=name, kind=kind)
    finally:
        engine.dispose()


def make_enrollment_code(database_url: str, unit_id: str, role: str = "team") -> str:
    """A single-use enrollment code for ``unit_id`` and ``role`` (valid for a week)."""
    engine = _with_engine(database_url)
    try:
        code, _unit = admin.make_code(engine, unit_id, role)
        return code
    finally:
        engine.dispose()


def free_port() -> int:
    """A TCP port that was free on loopback a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerProcess:
    """A running ``danvan-server run`` child process."""

    database_url: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    certificate: Path | None = None  # the server's own certificate when it serves TLS

    @property
    def url(self) -> str:
        """The server's base URL (no trailing slash)."""
        scheme = "https" if self.certificate else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def tls_context(self) -> ssl.SSLContext | bool:
        """What a client verifies this server with: its own certificate, or the system's."""
        if self.certificate is None:
            return True
        return ssl.create_default_context(cafile=str(self.certificate))

    def log(self) -> str:
        """What the server wrote to stdout and stderr so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout_s: float = 10.0) -> None:
        """Ask the server to stop (SIGTERM) and wait; SIGKILL when it does not."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """Stop the server at once, as a crash would."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def start_server(
    database_url: str,
    *,
    log_dir: Path,
    attachments_dir: Path | None = None,
    extra_env: dict[str, str] | None = None,
    tls: tuple[Path, Path] | None = None,
    port: int | None = None,
    workers: int = 1,
) -> ServerProcess:
    """Start the real server on 127.0.0.1 and wait for its health endpoint.

    ``tls`` is (key file, certificate file): the server then speaks HTTPS with
    uvicorn's own TLS, and the health check trusts that certificate. ``port``
    brings a server back where laptops knew it (default: a free port);
    ``workers`` > 1 runs that many server processes on the port.
    """
    prepare_database(database_url, attachments_dir or log_dir / "attachments")
    env = {**os.environ, **(extra_env or {}), "PYTHONUNBUFFERED": "1"}
    env.pop("DANVAN_DATABASE_URL", None)
    last_log = ""
    wanted = port
    for attempt in range(3):  # a free port can be taken between probe and bind
        port = wanted or free_port()
        log_path = log_dir / f"server-{port}-{attempt}.log"
        command = [
            sys.executable,
            "-m",
            "danvan_server.cli",
            "--database",
            database_url,
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ]
        if tls:
            command += ["--ssl-keyfile", str(tls[0]), "--ssl-certfile", str(tls[1])]
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=env)
        server = ServerProcess(database_url, port, process, log_path, tls[1] if tls else None)
        if _wait_healthy(server):
            return server
        server.kill()
        last_log = server.log()
        if wanted or "address already in use" not in last_log.lower():
            break
    raise RuntimeError(f"the server did not start:\n{last_log}")


def _wait_healthy(server: ServerProcess) -> bool:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            answer = httpx.get(
                f"{server.url}{API_PREFIX}/health", timeout=2, verify=server.tls_context()
            )
            if answer.status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    return False


def make_op(
    entity: str,
    record_id: str,
    fields: dict[str, Any],
    *,
    unit_id: str | None,
    device_id: str,
    kind: str = "upsert",
    base: dict[str, Any] | None = None,
    base_version: int | None = None,
    op_id: str | None = None,
) -> dict[str, Any]:
    """An operation envelope as the laptop's outbox builds it."""
    return {
        "op_id": op_id or uuid7(),
        "device_id": device_id,
        "entity": entity,
        "record_id": record_id,
        "unit_id": unit_id,
        "kind": kind,
        "base_version": base_version,
        "fields": fields,
        "base": base if base is not None else dict.fromkeys(fields),
        "schema_version": SCHEMA_VERSION,
        "created_at": "2026-01-05T08:00:00Z",
    }


@dataclass
class ServerApi:
    """A minimal protocol client over httpx (tests; the product uses sync/transport.py)."""

    base_url: str
    token: str | None = None
    device_id: str | None = None
    unit_id: str | None = None
    language: str = "vi"
    client: httpx.Client | None = field(default=None, repr=False)

    def _client(self) -> httpx.Client:
        if self.client is None:
            self.client = httpx.Client(base_url=self.base_url, timeout=60)
        return self.client

    def headers(self, **extra: str) -> dict[str, str]:
        """Protocol headers, the token when enrolled, and ``extra``."""
        headers = {
            HEADER_PROTOCOL: str(PROTOCOL_VERSION),
            HEADER_SCHEMA: str(SCHEMA_VERSION),
            "Accept-Language": self.language,
        }
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.update(extra)
        return headers

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send a request to ``/api/v1<path>`` with the protocol headers."""
        headers = self.headers(**kwargs.pop("headers", {}))
        return self._client().request(method, f"{API_PREFIX}{path}", headers=headers, **kwargs)

    def post_json(self, path: str, body: Any, *, compress: bool = False) -> httpx.Response:
        """POST ``body`` as JSON, gzipped when ``compress``."""
        content = json.dumps(body, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"}
        if compress:
            content = gzip.compress(content)
            headers["Content-Encoding"] = "gzip"
        return self.request("POST", path, content=content, headers=headers)

    def enroll(self, code: str, device_id: str, device_name: str = "Máy tổ") -> ServerApi:
        """Enroll this device; a client that carries the new token."""
        answer = self.post_json(
            "/enroll", {"code": code, "device_id": device_id, "device_name": device_name}
        )
        if answer.status_code != 200:
            raise RuntimeError(f"enrollment failed: {answer.status_code} {answer.text}")
        body = answer.json()
        return ServerApi(
            self.base_url,
            body["token"],
            device_id,
            body["unit"]["id"],
            self.language,
            self.client,
        )

    def push(self, ops: list[dict[str, Any]], *, compress: bool = False) -> httpx.Response:
        """Push operations from this device."""
        return self.post_json("/push", {"device_id": self.device_id, "ops": ops}, compress=compress)

    def pull(self, since: int = 0, max_bytes: int | None = None) -> httpx.Response:
        """One pull page."""
        params: dict[str, int] = {"since": since}
        if max_bytes is not None:
            params["max_bytes"] = max_bytes
        return self.request("GET", "/pull", params=params)

    def pull_all(self, since: int = 0, max_bytes: int | None = None) -> tuple[list[Any], int]:
        """Every change after ``since`` (all pages) and the final checkpoint."""
        changes: list[Any] = []
        while True:
            page = self.pull(since, max_bytes)
            page.raise_for_status()
            body = page.json()
            changes += body["changes"]
            since = body["next"]
            if not body["more"]:
                return changes, since

    def op(self, entity: str, record_id: str, fields: dict[str, Any], **kw: Any) -> dict[str, Any]:
        """An envelope from this device for its own unit (``unit_id`` may be overridden)."""
        kw.setdefault("unit_id", self.unit_id)
        return make_op(entity, record_id, fields, device_id=str(self.device_id), **kw)

    def close(self) -> None:
        """Close the HTTP connection pool."""
        if self.client is not None:
            self.client.close()
