"""A TCP proxy that behaves like a slow, flaky mountain 2G link (for tests and benches).

This machine has no netem, so sync tests and benches put this proxy between the
client and the server on loopback. It models a link, not a socket:

- Bandwidth: each direction is a wire shared by every connection, paced by a
  token bucket one segment deep (no bursts beyond ~20 ms of line rate). Bytes are
  read in small segments (about 20 ms of line time each) as they pass.
- Latency: every segment is delivered one-way-latency (``rtt_s / 2``) after its
  last bit left the wire, through a delay queue, so a long transfer still runs at
  the full bandwidth (the link is a pipe, not stop-and-wait). A new connection's
  first bytes wait one extra RTT, standing in for the TCP handshake the kernel
  completes locally.
- Buffers: the proxy holds at most about two bandwidth-delay products per
  direction, and its sockets use small kernel buffers, so a peer that stops
  reading stalls the sender instead of being absorbed by the proxy.
- Cuts: with ``cut_every_s=N, cut_for_s=D`` the link goes down at N, 2N, 3N ... seconds
  after start (``first_cut_s=F``: at F, F+N, F+2N ...) and stays down D seconds;
  ``cut()``/``restore()`` do it by hand. When the link goes down every established
  connection is reset (RST on both sides; queued bytes are lost). Connections made while
  it is down are, by default, accepted and reset at once (``down_behaviour="reset"``:
  the client fails fast, like "network unreachable"); with ``"blackhole"`` they are held
  silently and start forwarding when the link returns (like SYNs that are retransmitted
  until the radio comes back). With ``"silent"`` the link is a black hole: live
  connections are not reset but go silent for good (what the client sends is swallowed,
  nothing comes back, no RST: a radio bearer or NAT entry lost without a word, which the
  client sees only through its own timeouts), and connections made while it is down are
  held as with ``"blackhole"``.
- Counters: TCP payload bytes delivered in each direction, exact, resettable.

Use::

    with SlowLink(upstream=("127.0.0.1", port), bandwidth_bps=64_000, rtt_s=0.6,
                  cut_every_s=30, cut_for_s=2) as link:
        requests.get(f"http://127.0.0.1:{link.port}/")
        print(link.counters().total)

or as its own process: ``python -m tests.support.slowlink --upstream 127.0.0.1:8000``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal

DownBehaviour = Literal["reset", "blackhole", "silent"]
_SEGMENT_TIME_S = 0.02
_SMALL_BUFFER = 16 * 1024


@dataclass(frozen=True)
class LinkCounters:
    """Payload bytes delivered through the link: ``up`` = client→server, ``down`` = back."""

    up: int
    down: int

    @property
    def total(self) -> int:
        """Bytes both ways."""
        return self.up + self.down


class _Pacer:
    """One direction's wire: a token bucket one segment deep at the link's bit rate."""

    def __init__(self, bandwidth_bps: int | None) -> None:
        self._bytes_per_s = None if bandwidth_bps is None else bandwidth_bps / 8
        self._next_free = 0.0

    def reserve(self, nbytes: int, now: float) -> float:
        """Book the wire for ``nbytes``; return the time their last bit has left."""
        if self._bytes_per_s is None:
            return now
        # Credit of one segment time absorbs event-loop wake-up lateness without drift.
        start = max(self._next_free, now - _SEGMENT_TIME_S)
        self._next_free = start + nbytes / self._bytes_per_s
        return self._next_free


class _DelayLine:
    """Segments in flight on one direction of one connection, bounded in bytes."""

    def __init__(self, limit_bytes: int) -> None:
        self._items: deque[tuple[float, bytes]] = deque()
        self._queued = 0
        self._limit = limit_bytes
        self._changed = asyncio.Condition()

    async def put(self, due: float, data: bytes) -> None:
        """Queue ``data`` for delivery at ``due``; wait while the line is full."""
        async with self._changed:
            await self._changed.wait_for(lambda: self._queued < self._limit)
            self._items.append((due, data))
            self._queued += len(data)
            self._changed.notify_all()

    async def get(self) -> tuple[float, bytes]:
        """Take the oldest segment (``b""`` means end of stream)."""
        async with self._changed:
            await self._changed.wait_for(lambda: bool(self._items))
            due, data = self._items.popleft()
            self._queued -= len(data)
            self._changed.notify_all()
            return due, data


@dataclass(eq=False)
class _Conn:
    """One proxied connection: its two sockets and the tasks moving bytes between them."""

    writers: tuple[asyncio.StreamWriter, asyncio.StreamWriter]
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    silenced: bool = False  # a black hole took it: the client is left in silence
    moved: dict[str, int] = field(default_factory=lambda: {"up": 0, "down": 0})


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), as a dropped radio link looks to a peer."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def _tune(sock: socket.socket, buffer_bytes: int | None) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if buffer_bytes is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, buffer_bytes)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, buffer_bytes)


class SlowLink:
    """A background-thread TCP proxy on 127.0.0.1 that caps, delays and cuts a link."""

    def __init__(
        self,
        upstream: tuple[str, int],
        *,
        bandwidth_bps: int | None = None,
        down_bandwidth_bps: int | None = None,
        rtt_s: float = 0.0,
        cut_every_s: float | None = None,
        cut_for_s: float = 0.0,
        first_cut_s: float | None = None,
        down_behaviour: DownBehaviour = "reset",
        socket_buffer_bytes: int | None = _SMALL_BUFFER,
        listen_host: str = "127.0.0.1",
        listen_port: int = 0,
    ) -> None:
        if cut_every_s is not None and not 0 < cut_for_s < cut_every_s:
            raise ValueError("need 0 < cut_for_s < cut_every_s")
        self.upstream = upstream
        self.rtt_s = rtt_s
        down_bps = down_bandwidth_bps if down_bandwidth_bps is not None else bandwidth_bps
        self._bps = {"up": bandwidth_bps, "down": down_bps}
        self._cut_every_s = cut_every_s
        self._cut_for_s = cut_for_s
        # the first cut (default: ``cut_every_s`` after start), then every cut_every_s
        self._first_cut_s = cut_every_s if first_cut_s is None else first_cut_s
        self._down_behaviour = down_behaviour
        self._buffer_bytes = socket_buffer_bytes
        self._listen = (listen_host, listen_port)
        self._lock = threading.Lock()
        self._counts = {"up": 0, "down": 0}
        self._accepted = 0
        self._cuts = 0
        self._manual_down = False
        self._scheduled_down = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._sock: socket.socket | None = None
        self.port = 0

    # -- lifecycle (caller's thread) -----------------------------------------

    def start(self) -> SlowLink:
        """Listen and start forwarding in a background thread."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        _tune(sock, self._buffer_bytes)  # accepted sockets inherit the buffer sizes
        sock.bind(self._listen)
        sock.listen(64)
        self._sock = sock
        self.port = sock.getsockname()[1]
        self._thread = threading.Thread(target=self._run, name=f"slowlink-{self.port}")
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            self._thread.join()
            raise self._startup_error
        return self

    def close(self) -> None:
        """Reset every connection, stop the thread and wait for it."""
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(self._stopping.set)
            thread.join()
        self._thread = None

    def __enter__(self) -> SlowLink:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- control and counters (any thread) -----------------------------------

    @property
    def address(self) -> tuple[str, int]:
        """Where clients connect."""
        return (self._listen[0], self.port)

    @property
    def is_up(self) -> bool:
        """False while a manual or scheduled cut is in force."""
        return not (self._manual_down or self._scheduled_down)

    def cut(self) -> None:
        """Take the link down now; returns once live connections have been reset."""
        self._call_in_loop(True)

    def restore(self) -> None:
        """End a manual cut (a scheduled cut still runs its course)."""
        self._call_in_loop(False)

    def silence_busiest(self) -> None:
        """Leave the live connection that carried the most bytes up in silence for good
        (as a ``"silent"`` cut does) while the link stays up for every other: a NAT entry
        or a bearer lost under one connection, not the whole radio."""
        if self._loop is None:
            raise RuntimeError("SlowLink is not running")

        async def apply() -> None:
            if self._conns:
                self._silence_conn(max(self._conns, key=lambda conn: conn.moved["up"]))

        asyncio.run_coroutine_threadsafe(apply(), self._loop).result()

    def counters(self) -> LinkCounters:
        """Payload bytes delivered so far in each direction."""
        with self._lock:
            return LinkCounters(up=self._counts["up"], down=self._counts["down"])

    def reset_counters(self) -> None:
        """Start counting bytes from zero."""
        with self._lock:
            self._counts = {"up": 0, "down": 0}

    @property
    def connections_accepted(self) -> int:
        """TCP connections clients have opened through the link."""
        return self._accepted

    @property
    def cuts_seen(self) -> int:
        """How many times the link went down."""
        return self._cuts

    def _call_in_loop(self, down: bool) -> None:
        if self._loop is None:
            raise RuntimeError("SlowLink is not running")

        async def apply() -> None:
            self._manual_down = down
            self._apply_state()

        asyncio.run_coroutine_threadsafe(apply(), self._loop).result()

    # -- the event loop (proxy thread) ---------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # surfaced to start() if it happened there
            self._startup_error = exc
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        self._up_event = asyncio.Event()
        self._up_event.set()
        self._conns: set[_Conn] = set()
        self._handlers: set[asyncio.Task[None]] = set()
        self._pacers = {d: _Pacer(bps) for d, bps in self._bps.items()}
        server = await asyncio.start_server(self._on_accept, sock=self._sock)
        schedule = asyncio.create_task(self._cut_schedule())
        self._ready.set()
        await self._stopping.wait()
        server.close()
        schedule.cancel()
        for conn in list(self._conns):
            self._reset_conn(conn)
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(schedule, *self._handlers, return_exceptions=True)
        await server.wait_closed()

    async def _cut_schedule(self) -> None:
        if self._cut_every_s is None:
            return
        start = self._now() + self._first_cut_s - self._cut_every_s
        k = 1
        while True:
            await self._sleep_until(start + k * self._cut_every_s)
            self._scheduled_down = True
            self._apply_state()
            await self._sleep_until(start + k * self._cut_every_s + self._cut_for_s)
            self._scheduled_down = False
            self._apply_state()
            k += 1

    def _apply_state(self) -> None:
        if self.is_up:
            self._up_event.set()
            return
        if self._up_event.is_set():
            self._cuts += 1
        self._up_event.clear()
        for conn in list(self._conns):
            if self._down_behaviour == "silent":
                self._silence_conn(conn)
            else:
                self._reset_conn(conn)

    def _silence_conn(self, conn: _Conn) -> None:
        """Forward nothing more either way; the server's side closes, the client's stays
        open in silence (its handler swallows what it sends)."""
        self._conns.discard(conn)
        conn.silenced = True
        for task in conn.tasks:
            task.cancel()
        _reset(conn.writers[1])

    def _reset_conn(self, conn: _Conn) -> None:
        self._conns.discard(conn)
        for writer in conn.writers:
            _reset(writer)
        for task in conn.tasks:
            task.cancel()

    async def _on_accept(
        self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        self._accepted += 1
        try:
            await self._serve_connection(c_reader, c_writer)
        except asyncio.CancelledError:
            # Only close() cancels handlers. Ending normally spares Python 3.11's
            # start_server callback, which calls task.exception() on a cancelled task.
            pass
        finally:
            self._handlers.discard(task)

    async def _serve_connection(
        self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter
    ) -> None:
        if not self.is_up:
            if self._down_behaviour == "reset":
                _reset(c_writer)
                return
            await self._up_event.wait()
        opened_at = self._now()
        try:
            u_reader, u_writer = await self._open_upstream()
        except OSError:
            _reset(c_writer)
            return
        conn = _Conn(writers=(c_writer, u_writer))
        for writer in conn.writers:
            writer.transport.set_write_buffer_limits(high=_SMALL_BUFFER)
        # The client's first bytes wait one RTT: the handshake a real link would cost.
        conn.tasks = [
            asyncio.create_task(
                self._direction(c_reader, u_writer, "up", opened_at + self.rtt_s, conn)
            ),
            asyncio.create_task(self._direction(u_reader, c_writer, "down", opened_at, conn)),
        ]
        self._conns.add(conn)
        try:
            await asyncio.wait(conn.tasks, return_when=asyncio.FIRST_EXCEPTION)
        finally:
            broken = any(t.done() and not t.cancelled() and t.exception() for t in conn.tasks)
            if broken:
                self._reset_conn(conn)  # one side broke: the other sees the link die too
            for task in conn.tasks:
                task.cancel()
            await asyncio.gather(*conn.tasks, return_exceptions=True)
            if conn in self._conns:
                self._conns.discard(conn)
                for writer in conn.writers:
                    writer.close()
        if conn.silenced:
            await self._swallow(c_reader, c_writer)

    async def _swallow(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A silenced connection: read and drop the client's bytes until it gives up."""
        try:
            while await reader.read(65536):
                pass
        except OSError:
            pass
        finally:
            writer.close()

    async def _open_upstream(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        _tune(sock, self._buffer_bytes)
        sock.setblocking(False)
        try:
            await asyncio.get_running_loop().sock_connect(sock, self.upstream)
        except OSError:
            sock.close()
            raise
        return await asyncio.open_connection(sock=sock)

    async def _direction(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        direction: str,
        not_before: float,
        conn: _Conn,
    ) -> None:
        bps = self._bps[direction]
        if bps is None:
            segment, limit = 65536, 65536
        else:
            rate = bps / 8
            segment = int(min(16384, max(256, rate * _SEGMENT_TIME_S)))
            # Room for two bandwidth-delay products: a full pipe, and no bigger.
            limit = max(4 * segment, int(2 * rate * max(self.rtt_s, _SEGMENT_TIME_S)))
        line = _DelayLine(limit)
        feeder = asyncio.create_task(self._feed(reader, line, direction, segment, not_before))
        try:
            await self._deliver(line, writer, direction, conn)
            await feeder
        finally:
            feeder.cancel()
            await asyncio.gather(feeder, return_exceptions=True)

    async def _feed(
        self,
        reader: asyncio.StreamReader,
        line: _DelayLine,
        direction: str,
        segment: int,
        not_before: float,
    ) -> None:
        await self._sleep_until(not_before)
        pacer = self._pacers[direction]
        one_way = self.rtt_s / 2
        while True:
            data = await reader.read(segment)
            now = self._now()
            finish = pacer.reserve(len(data), now) if data else now
            await line.put(finish + one_way, data)
            if not data:
                return
            await self._sleep_until(finish)  # the wire is busy until the segment has left

    async def _deliver(
        self, line: _DelayLine, writer: asyncio.StreamWriter, direction: str, conn: _Conn
    ) -> None:
        while True:
            due, data = await line.get()
            await self._sleep_until(due)
            if writer.transport.is_closing():
                raise ConnectionResetError("link reset")
            if not data:
                if writer.can_write_eof():
                    writer.write_eof()
                return
            with self._lock:
                self._counts[direction] += len(data)
            conn.moved[direction] += len(data)
            writer.write(data)
            await writer.drain()

    def _now(self) -> float:
        return asyncio.get_running_loop().time()

    async def _sleep_until(self, when: float) -> None:
        delay = when - self._now()
        if delay > 0:
            await asyncio.sleep(delay)


def main(argv: list[str] | None = None) -> None:
    """Run the proxy as its own process until interrupted; print the byte counters."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--upstream", required=True, help="host:port of the real server")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (0: any)")
    parser.add_argument("--bandwidth", type=int, default=64_000, help="bits/s each way")
    parser.add_argument("--rtt", type=float, default=0.6, help="round-trip time, seconds")
    parser.add_argument("--cut-every", type=float, default=None)
    parser.add_argument("--cut-for", type=float, default=0.0)
    args = parser.parse_args(argv)
    host, _, port = args.upstream.rpartition(":")
    link = SlowLink(
        upstream=(host, int(port)),
        bandwidth_bps=args.bandwidth,
        rtt_s=args.rtt,
        cut_every_s=args.cut_every,
        cut_for_s=args.cut_for,
        listen_port=args.port,
    )
    # SIGTERM (a bench's subprocess.terminate()) ends us like Ctrl+C: counters first.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with link:
        print(f"listening on 127.0.0.1:{link.port}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)  # test tooling, not product code: a signal ends the sleep
        counters = link.counters()
        print(f"bytes up={counters.up} down={counters.down} total={counters.total}", flush=True)


if __name__ == "__main__":
    main()
