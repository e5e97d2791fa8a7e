"""The slow-link proxy behaves like the link it claims to be: rate, latency, cuts, counters."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from support.slowlink import SlowLink

MBIT = 1_000_000
KB64 = 64 * 1024


class _EchoHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock: socket.socket = self.request
        with contextlib.suppress(OSError):
            while data := sock.recv(65536):
                sock.sendall(data)


@pytest.fixture
def echo_server() -> Iterator[tuple[str, int]]:
    """A real TCP echo server on loopback."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _EchoHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    yield ("127.0.0.1", server.server_address[1])
    server.shutdown()
    server.server_close()
    thread.join()


@dataclass
class _Sink:
    """A TCP server that reads one connection to the end and notes when bytes arrived."""

    sock: socket.socket = field(default_factory=socket.socket)
    received: int = 0
    first_at: float = 0.0
    last_at: float = 0.0
    error: OSError | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def start(self) -> tuple[str, int]:
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        threading.Thread(target=self._read_one, daemon=True).start()
        return ("127.0.0.1", self.sock.getsockname()[1])

    def _read_one(self) -> None:
        conn, _ = self.sock.accept()
        try:
            while data := conn.recv(65536):
                self.last_at = time.monotonic()
                self.first_at = self.first_at or self.last_at
                self.received += len(data)
        except OSError as exc:
            self.error = exc
        finally:
            conn.close()
            self.sock.close()
            self.done.set()


def _send_all_and_close(port: int, payload: bytes) -> float:
    client = socket.create_connection(("127.0.0.1", port))
    started = time.monotonic()
    client.sendall(payload)
    client.shutdown(socket.SHUT_WR)
    client.recv(1)  # wait for the proxy to pass on the sink's close
    client.close()
    return started


def test_throughput_matches_bandwidth_cap() -> None:
    """64 KB through a 1 Mbit/s link take 64 KB × 8 / 1 Mbit/s, within 15 %."""
    sink = _Sink()
    with SlowLink(upstream=sink.start(), bandwidth_bps=MBIT) as link:
        started = _send_all_and_close(link.port, b"x" * KB64)
    expected = KB64 * 8 / MBIT
    assert sink.received == KB64
    assert 0.85 * expected <= sink.last_at - started <= 1.15 * expected


def test_latency_does_not_reduce_throughput() -> None:
    """With a 400 ms RTT the bytes still stream at the line rate once they arrive."""
    sink = _Sink()
    with SlowLink(upstream=sink.start(), bandwidth_bps=MBIT, rtt_s=0.4) as link:
        _send_all_and_close(link.port, b"x" * KB64)
    expected = KB64 * 8 / MBIT
    assert sink.received == KB64
    assert 0.85 * expected <= sink.last_at - sink.first_at <= 1.15 * expected


def test_round_trip_adds_the_rtt(echo_server: tuple[str, int]) -> None:
    """An echo on an open connection takes the configured 300 ms RTT (+ at most 60 ms)."""
    with SlowLink(upstream=echo_server, rtt_s=0.3) as link:
        client = socket.create_connection(("127.0.0.1", link.port))
        client.sendall(b"warm")
        client.recv(16)
        started = time.monotonic()
        client.sendall(b"ping")
        assert client.recv(16) == b"ping"
        elapsed = time.monotonic() - started
        client.close()
    assert 0.3 <= elapsed <= 0.36


def test_new_connection_pays_a_handshake_rtt(echo_server: tuple[str, int]) -> None:
    """The first echo on a fresh connection costs two RTTs: handshake plus the exchange."""
    with SlowLink(upstream=echo_server, rtt_s=0.2) as link:
        started = time.monotonic()
        client = socket.create_connection(("127.0.0.1", link.port))
        client.sendall(b"ping")
        assert client.recv(16) == b"ping"
        elapsed = time.monotonic() - started
        client.close()
    assert 0.4 <= elapsed <= 0.46


def test_counters_are_exact_both_ways(echo_server: tuple[str, int]) -> None:
    """10,000 bytes echoed count 10,000 up and 10,000 down; a reset counts from zero."""
    with SlowLink(upstream=echo_server) as link:
        client = socket.create_connection(("127.0.0.1", link.port))
        client.sendall(bytes(10_000))
        echoed = 0
        while echoed < 10_000:
            echoed += len(client.recv(65536))
        client.close()
        counted = link.counters()
        link.reset_counters()
        after_reset = link.counters()
    assert (counted.up, counted.down, counted.total) == (10_000, 10_000, 20_000)
    assert (after_reset.up, after_reset.down) == (0, 0)


def test_manual_cut_resets_a_transfer_in_progress() -> None:
    """cut() during a 1 MB upload at 1 Mbit/s resets the sender's connection at once."""
    sink = _Sink()
    with SlowLink(upstream=sink.start(), bandwidth_bps=MBIT) as link:
        client = socket.create_connection(("127.0.0.1", link.port))
        timer = threading.Timer(0.3, link.cut)
        timer.start()
        started = time.monotonic()
        with pytest.raises((ConnectionResetError, BrokenPipeError)):
            client.sendall(b"x" * 1_000_000)
            client.recv(1)
        broke_after = time.monotonic() - started
        timer.join()
        client.close()
        assert sink.done.wait(2)
        assert link.cuts_seen == 1
    assert 0.3 <= broke_after <= 1.0
    assert 0 < sink.received < 1_000_000


def test_connections_are_reset_while_down_and_work_after_restore(
    echo_server: tuple[str, int],
) -> None:
    """While cut, a new connection is reset; after restore() it echoes again."""
    with SlowLink(upstream=echo_server) as link:
        link.cut()
        refused = socket.create_connection(("127.0.0.1", link.port))
        with pytest.raises(ConnectionResetError):
            refused.sendall(b"ping")
            refused.recv(16)
        refused.close()
        link.restore()
        client = socket.create_connection(("127.0.0.1", link.port))
        client.sendall(b"ping")
        assert client.recv(16) == b"ping"
        client.close()


def test_blackhole_holds_new_connections_until_the_link_returns(
    echo_server: tuple[str, int],
) -> None:
    """In black-hole mode a connection made while down gets its echo only after restore()."""
    with SlowLink(upstream=echo_server, down_behaviour="blackhole") as link:
        link.cut()
        client = socket.create_connection(("127.0.0.1", link.port))
        client.settimeout(0.3)
        client.sendall(b"ping")
        with pytest.raises(TimeoutError):
            client.recv(16)
        link.restore()
        client.settimeout(2)
        assert client.recv(16) == b"ping"
        client.close()


def test_silent_cut_leaves_a_live_connection_in_silence(echo_server: tuple[str, int]) -> None:
    """In silent mode a cut neither resets a live connection nor ever answers it again."""
    with SlowLink(upstream=echo_server, down_behaviour="silent") as link:
        client = socket.create_connection(("127.0.0.1", link.port))
        client.sendall(b"warm")
        client.settimeout(2)
        assert client.recv(16) == b"warm"
        link.cut()
        link.restore()
        client.settimeout(0.5)
        client.sendall(b"ping")
        with pytest.raises(TimeoutError):
            client.recv(16)
        client.close()


def test_silence_busiest_silences_one_connection_and_spares_the_rest(
    echo_server: tuple[str, int],
) -> None:
    """silence_busiest() leaves the connection that sent the most in silence; a quieter
    live connection and a new one still get their echo."""
    with SlowLink(upstream=echo_server) as link:
        busy = socket.create_connection(("127.0.0.1", link.port))
        quiet = socket.create_connection(("127.0.0.1", link.port))
        for client, payload in ((busy, b"a long message"), (quiet, b"hi")):
            client.sendall(payload)
            client.settimeout(2)
            assert client.recv(64) == payload
        link.silence_busiest()
        busy.sendall(b"ping")
        busy.settimeout(0.5)
        with pytest.raises(TimeoutError):
            busy.recv(16)
        quiet.sendall(b"pong")
        assert quiet.recv(16) == b"pong"
        fresh = socket.create_connection(("127.0.0.1", link.port))
        fresh.sendall(b"new")
        fresh.settimeout(2)
        assert fresh.recv(16) == b"new"
        for client in (busy, quiet, fresh):
            client.close()


def test_scheduled_cut_breaks_a_long_transfer() -> None:
    """With cut_every_s=0.5 a transfer that needs 8 s is reset about 0.5 s in."""
    sink = _Sink()
    with SlowLink(
        upstream=sink.start(), bandwidth_bps=MBIT, cut_every_s=0.5, cut_for_s=0.3
    ) as link:
        client = socket.create_connection(("127.0.0.1", link.port))
        started = time.monotonic()
        with pytest.raises((ConnectionResetError, BrokenPipeError)):
            client.sendall(b"x" * 1_000_000)
            client.recv(1)
        broke_after = time.monotonic() - started
        client.close()
    assert 0.45 <= broke_after <= 0.8


def test_scheduled_cut_ends_after_cut_for_s(echo_server: tuple[str, int]) -> None:
    """The scheduled link is down between 1.0 s and 1.4 s and up again until 2.0 s.

    The windows are wide enough for a loaded machine: the next cut is 0.5 s after the
    ping is sent (with 0.4 s up between cuts of 0.3 s, a busy CI machine missed it)."""
    with SlowLink(upstream=echo_server, cut_every_s=1.0, cut_for_s=0.4) as link:
        started = time.monotonic()
        time.sleep(1.2)
        was_up_mid_cut = link.is_up
        time.sleep(max(0.0, 1.5 - (time.monotonic() - started)))
        assert link.is_up
        client = socket.create_connection(("127.0.0.1", link.port))
        client.sendall(b"ping")
        assert client.recv(16) == b"ping"
        client.close()
    assert was_up_mid_cut is False


def test_first_cut_comes_at_first_cut_s() -> None:
    """first_cut_s=0.3 with cut_every_s=5: down at 0.3 s, not at 5 s."""
    with SlowLink(
        upstream=("127.0.0.1", 9), cut_every_s=5.0, cut_for_s=1.0, first_cut_s=0.3
    ) as link:
        assert link.is_up
        time.sleep(0.6)
        assert link.is_up is False


def test_close_leaves_no_thread_and_no_listener() -> None:
    """After the with-block the proxy thread is gone and its port refuses connections."""
    sink = _Sink()
    with SlowLink(upstream=sink.start()) as link:
        port = link.port
        client = socket.create_connection(("127.0.0.1", port))
        client.sendall(b"open connection at shutdown")
    client.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("slowlink-")]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1)
