"""A pull page is sized by its bytes on the wire (sync/pull.py): the JSON it asks for is the
link's batch budget times the JSON per wire byte the last page measured.

A commune of two villages (bench/city.py's generator, through the real server's push
path on loopback) gzips about 15:1; its reviewer pulls it with a fixed batch budget, and
the transport notes each page it asked for and what came back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.pull import pull_pages
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import SyncTransport, TransportResponse
from support.bench_import import import_bench
from support.server_process import sqlite_url

city_bench = import_bench("city")

MEASURED_BUDGET = 40 * 1024  # first page 160 KB of JSON: over 8 KB on the wire
SMALL_BUDGET = 2 * 1024  # pages of 8 KB of JSON: too small on the wire to measure


class _FixedBudget(ThroughputEstimator):
    """The link's estimate with a batch budget fixed by the test."""

    def __init__(self, budget: int) -> None:
        super().__init__()
        self._budget = budget

    def batch_budget_bytes(self, link_uptime_estimate_s: float | None = None) -> int:
        return self._budget


class _Noting(SyncTransport):
    """The real transport, noting each pull page's max_bytes, JSON bytes and wire bytes."""

    pages: list[tuple[int, int, int]]

    def get(self, path: str, **kwargs: Any) -> TransportResponse:
        response = super().get(path, **kwargs)
        if "/pull?" in path:
            asked = int(path.split("max_bytes=")[1].split("&")[0])
            self.pages.append((asked, len(response.body), response.bytes_received))
        return response


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One commune of two villages on the real server."""
    folder = tmp_path_factory.mktemp("commune-pages")
    with city_bench.generate_city(sqlite_url(folder), folder, communes=1, villages=2) as city:
        yield city


def _pull(commune: Any, folder: Path, budget: int) -> list[tuple[int, int, int]]:
    """A new reviewer's pull with ``budget``: (max_bytes, JSON bytes, wire bytes) a page."""
    url, code = commune.server.url, commune.code(str(commune.commune_codes[0]), "reviewer")
    session = Session.open(folder, create=True)
    try:
        session.set_up_from_server(server_url=url, code=code)
        transport = _Noting(
            url,
            protocol_version=str(protocol.PROTOCOL_VERSION),
            schema_version=session.store.db.execute("PRAGMA user_version").fetchone()[0],
            auth_token=str(session.store.meta("sync_token")),
            estimator=_FixedBudget(budget),
        )
        transport.pages = []
        with transport:
            pull_pages(SyncEngine(session.records, transport), SyncReport())
        return transport.pages
    finally:
        session.close()


def test_the_next_page_is_sized_by_the_measured_json_per_wire_byte(
    commune: Any, tmp_path: Path
) -> None:
    """After a first page of 160 KB (4 budgets), the next asks for the budget times the
    first page's JSON per wire byte: its gzip is one budget on the wire."""
    pages = _pull(commune, tmp_path, MEASURED_BUDGET)
    (first_asked, first_json, first_wire), (second_asked, _, _) = pages[0], pages[1]
    assert first_asked == 163_840
    assert first_wire >= 8 * 1024
    assert second_asked == int(MEASURED_BUDGET * first_json / first_wire)
    assert second_asked > 400_000  # the commune's records gzip better than 10:1


def test_pages_too_small_to_measure_keep_four_budgets(commune: Any, tmp_path: Path) -> None:
    """Pages under 8 KB on the wire say little of the ratio: each asks for 4 budgets."""
    pages = _pull(commune, tmp_path, SMALL_BUDGET)
    assert len(pages) > 5
    assert {asked for asked, _, _ in pages} == {8_192}
