"""After a drop, a /health probe finds the link's return; a server in trouble is backed off.

The waits are measured as the retry loop chose them (its ``on_wait`` callback), not by
the wall clock. The real server sits behind the slow-link proxy (64 kbit/s, 600 ms);
the 503 comes from a small HTTP server on loopback that answers nothing else.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync import protocol
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.retry import BACKOFF, PROBE, sync_until_done
from danvan_desktop.sync.transport import ServerError, TransportResponse
from support.slowlink import SlowLink
from support.sync_engines import engine_at
from sync.conftest import Province

OUTAGE_S = 2.0


@pytest.fixture
def mountain_link(province: Province) -> Iterator[SlowLink]:
    """64 kbit/s, 600 ms round trip, in front of the real server."""
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port)), bandwidth_bps=64_000, rtt_s=0.6) as link:
        yield link


def test_a_two_second_outage_costs_about_two_seconds_of_waiting(
    laptops: Callable[[str], Session], mountain_link: SlowLink
) -> None:
    """The link is down 2 s: the loop probes and resumes, waiting 2–3 s in all."""
    a = laptops("a")
    a.sync_now()
    a.add_model(name="Sau khi mất sóng", field_code="new_rural", year=2026)
    waits: list[tuple[float, str]] = []
    engine = engine_at(a, f"http://127.0.0.1:{mountain_link.port}")
    mountain_link.cut()
    threading.Timer(OUTAGE_S, mountain_link.restore).start()
    report = sync_until_done(
        engine,
        deadline_s=60.0,
        backoff=Backoff(random_unit=lambda: 1.0),  # the old loop would wait 2 s, then 4 s
        on_wait=lambda seconds, reason: waits.append((seconds, reason)),
        random_unit=lambda: 1.0,
    )
    engine.transport.close()
    assert report.pushed == 1 and a.pending_count() == 0
    assert {reason for _, reason in waits} == {PROBE}
    assert 1.0 <= sum(seconds for seconds, _ in waits) <= 3.0


def test_the_probe_answer_starts_the_round_without_asking_health_again(
    laptops: Callable[[str], Session], mountain_link: SlowLink
) -> None:
    """The round after a successful probe sends no second /health: one round trip saved."""
    a = laptops("a")
    engine = engine_at(a, f"http://127.0.0.1:{mountain_link.port}")
    engine.probe()
    paths: list[str] = []
    send = engine.transport.request

    def spy(method: str, path: str, **kwargs: Any) -> TransportResponse:
        paths.append(path)
        return send(method, path, **kwargs)

    engine.transport.request = spy  # type: ignore[method-assign]
    report = engine.sync_once()
    engine.transport.close()
    assert report.reached_server
    assert f"{protocol.API_PREFIX}/health" not in paths


class _Busy(http.server.BaseHTTPRequestHandler):
    """Answers every request 503, as a server whose database is down."""

    def do_GET(self) -> None:
        body = b'{"detail": "busy"}'
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def busy_server() -> Iterator[str]:
    """The URL of a loopback server that answers 503 to everything."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Busy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_503_still_backs_off_exponentially(
    laptops: Callable[[str], Session], busy_server: str
) -> None:
    """A server answering 503: waits double (0.05, 0.1, 0.2, 0.4 s), no probes in between."""
    a = laptops("a")
    waits: list[tuple[float, str]] = []
    engine = engine_at(a, busy_server)
    with pytest.raises(ServerError):
        sync_until_done(
            engine,
            deadline_s=1.2,
            backoff=Backoff(base_s=0.05, cap_s=10.0, random_unit=lambda: 1.0),
            on_wait=lambda seconds, reason: waits.append((seconds, reason)),
        )
    engine.transport.close()
    assert [round(seconds, 2) for seconds, _ in waits[:4]] == [0.05, 0.1, 0.2, 0.4]
    assert {reason for _, reason in waits} == {BACKOFF}
