"""Sync fixtures: the real server on loopback and laptops with stores of their own."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.transport import SyncTransport
from support.realistic_records import realistic_models
from support.server_process import (
    PHU_XUAN,
    SCHEMA_VERSION,
    ServerApi,
    ServerProcess,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from support.slowlink import SlowLink


@dataclass
class Province:
    """A running server with one village unit."""

    server: ServerProcess
    database_url: str
    village_id: str

    def code(self, role: str = "team", unit_id: str | None = None) -> str:
        """A fresh enrollment code for the village (or ``unit_id``)."""
        return make_enrollment_code(self.database_url, unit_id or self.village_id, role)


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Province]:
    """The real server process (SQLite) with Tổ dân phố 5 of Phường Phú Xuân."""
    url = sqlite_url(tmp_path)
    (tmp_path / "server").mkdir()
    with start_server(url, log_dir=tmp_path / "server") as server:
        village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
        yield Province(server, url, village.id)


def new_laptop(folder: Path, leader: str = "Nguyễn Văn An") -> Session:
    """A set-up team store in ``folder``, not yet enrolled."""
    session = Session.open(folder, create=True)
    session.initialise_team(
        province_code=46,
        commune_code=PHU_XUAN,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name=leader,
    )
    return session


@pytest.fixture
def laptops(tmp_path: Path, province: Province) -> Iterator[Callable[[str], Session]]:
    """Make enrolled laptops by name; all are closed at the end."""
    made: list[Session] = []

    def make(name: str) -> Session:
        session = new_laptop(tmp_path / name)
        session.enroll_device(
            server_url=province.server.url, code=province.code(), device_name=name
        )
        made.append(session)
        return session

    yield make
    for session in made:
        session.close()


@pytest.fixture
def black_hole(province: Province) -> Iterator[SlowLink]:
    """64 kbit/s, 600 ms round trip, cuts as silent black holes, before the real server:
    a cut leaves a kept-alive connection in silence, as a lost radio bearer does."""
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(
        upstream=(host, int(port)), bandwidth_bps=64_000, rtt_s=0.6, down_behaviour="silent"
    ) as link:
        yield link


def engine_through(laptop: Session, link: SlowLink) -> SyncEngine:
    """A sync engine of ``laptop`` that reaches the server through ``link``."""
    transport = SyncTransport(
        f"http://127.0.0.1:{link.port}",
        protocol_version=str(protocol.PROTOCOL_VERSION),
        schema_version=SCHEMA_VERSION,
    )
    return SyncEngine(laptop.records, transport)


@pytest.fixture
def team(province: Province) -> Iterator[ServerApi]:
    """A team device of Tổ dân phố 5, enrolled with the real server (raw protocol)."""
    api = ServerApi(province.server.url).enroll(province.code(), device_id=str(uuid7()))
    yield api
    api.close()


def push_body(api: ServerApi, count: int) -> tuple[bytes, list[dict[str, Any]]]:
    """The gzip of a push of ``count`` new realistic models by ``api`` (as the laptop
    makes it: level 9, mtime 0), and its operations."""
    ops = [api.op("model", str(uuid7()), fields) for fields in realistic_models(count)]
    raw = json.dumps({"device_id": api.device_id, "ops": ops}, ensure_ascii=False).encode()
    return gzip.compress(raw, 9, mtime=0), ops
