"""How fast the link is and how long it stays up: the numbers that size sync batches.

A batch (or attachment chunk) that takes longer to send than the link stays up is
never acknowledged and is sent again and again. So the transport feeds every
request's measured bytes/second here, and every drop it sees; the engine asks
``batch_budget_bytes()`` for a size that fits in a quarter of the link's typical
uptime at the measured speed.

The first guesses fit a mountain 2G link (64 kbit/s nominal, of which about 6 KB/s
are useful) that drops about once a minute; both are replaced by measurements. What
was learnt (speed, uptimes, round-trip time) is kept in the laptop's store between
runs (``snapshot``, ``restore``; the engine saves it after every round), so the first
batch after a restart already fits the link's uptime.
"""

from __future__ import annotations

import math
import statistics
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

INITIAL_BYTES_PER_S = 6_000.0
FLOOR_BYTES_PER_S = 1_000.0  # 8 kbit/s: worse than GPRS; below this we trust no sample
CEILING_BYTES_PER_S = 12_500_000.0  # 100 Mbit/s: a faster figure is a measuring error
INITIAL_UPTIME_S = 60.0
UPTIME_FRACTION = 0.25
MIN_BATCH_BYTES = 8 * 1024  # below this, round trips cost more than the bytes
MAX_BATCH_BYTES = 4 * 1024 * 1024  # the server's request limit leaves room above this
# Transfers smaller than this measure latency, not bandwidth: they are not samples.
MIN_SAMPLE_BYTES = 8 * 1024
_UPTIME_SAMPLES = 9
INITIAL_RTT_S = 0.6  # a mountain 2G link's round trip
_MAX_RTT_S = 60.0


class ThroughputEstimator:
    """EWMA of bytes/second plus the link's typical uptime; thread-safe."""

    def __init__(
        self,
        *,
        initial_bytes_per_s: float = INITIAL_BYTES_PER_S,
        initial_uptime_s: float = INITIAL_UPTIME_S,
        smoothing: float = 0.3,
        min_sample_bytes: int = MIN_SAMPLE_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = threading.Lock()
        self._bytes_per_s = _clamp(initial_bytes_per_s, FLOOR_BYTES_PER_S, CEILING_BYTES_PER_S)
        self._measured = False
        self._smoothing = smoothing
        self._min_sample_bytes = min_sample_bytes
        self._initial_uptime_s = initial_uptime_s
        self._uptimes: deque[float] = deque(maxlen=_UPTIME_SAMPLES)
        self._up_since: float | None = None
        self._rtt_s = INITIAL_RTT_S
        self._clock = clock

    @property
    def bytes_per_s(self) -> float:
        """The current estimate of useful bytes per second."""
        with self._lock:
            return self._bytes_per_s

    @property
    def rtt_s(self) -> float:
        """The current estimate of the link's round-trip time (from small requests)."""
        with self._lock:
            return self._rtt_s

    def record_transfer(self, nbytes: int, elapsed_s: float) -> bool:
        """Fold one request's bytes and duration into the estimate; False if too small to count
        (a small request's duration is a round-trip sample instead)."""
        if elapsed_s <= 0:
            return False
        if nbytes < self._min_sample_bytes:
            with self._lock:
                sample = min(elapsed_s, _MAX_RTT_S)
                self._rtt_s += self._smoothing * (sample - self._rtt_s)
            return False
        sample = _clamp(nbytes / elapsed_s, FLOOR_BYTES_PER_S, CEILING_BYTES_PER_S)
        with self._lock:
            if self._measured:
                self._bytes_per_s += self._smoothing * (sample - self._bytes_per_s)
            else:
                self._bytes_per_s = sample  # a real figure beats the initial guess
                self._measured = True
        return True

    def record_link_up(self, request_s: float = 0.0) -> None:
        """A request of ``request_s`` seconds got through: the link is up, at least since
        that request started (if it was down)."""
        with self._lock:
            if self._up_since is None:
                self._up_since = self._clock() - max(0.0, request_s)

    def record_link_down(self) -> None:
        """The link dropped: the time it stayed up becomes an uptime sample."""
        with self._lock:
            if self._up_since is not None:
                self._uptimes.append(self._clock() - self._up_since)
                self._up_since = None

    @property
    def typical_uptime_s(self) -> float:
        """Median of recent uptimes, or longer if the link has now been up for longer."""
        with self._lock:
            typical = statistics.median(self._uptimes) if self._uptimes else self._initial_uptime_s
            if self._up_since is not None:
                # The current run is a censored sample: the uptime is at least this long.
                typical = max(typical, self._clock() - self._up_since)
            return typical

    def snapshot(self) -> dict[str, Any]:
        """What was learnt of the link, as JSON values (for ``restore`` in a later run)."""
        with self._lock:
            return {
                "bytes_per_s": round(self._bytes_per_s, 1),
                "measured": self._measured,
                "uptimes_s": [round(uptime, 2) for uptime in self._uptimes],
                "rtt_s": round(self._rtt_s, 3),
            }

    def restore(self, saved: Mapping[str, Any]) -> None:
        """Start from what an earlier run learnt (``snapshot``); unusable values are ignored."""
        speed = _positive(saved.get("bytes_per_s"))
        rtt = _positive(saved.get("rtt_s"))
        raw_uptimes = saved.get("uptimes_s")
        uptimes = [
            value
            for item in (raw_uptimes if isinstance(raw_uptimes, list) else [])
            if (value := _positive(item)) is not None
        ]
        with self._lock:
            if speed is not None and saved.get("measured") is True:
                self._bytes_per_s = _clamp(speed, FLOOR_BYTES_PER_S, CEILING_BYTES_PER_S)
                self._measured = True
            if rtt is not None:
                self._rtt_s = min(rtt, _MAX_RTT_S)
            if uptimes:
                self._uptimes.clear()
                self._uptimes.extend(uptimes[-_UPTIME_SAMPLES:])

    def batch_budget_bytes(self, link_uptime_estimate_s: float | None = None) -> int:
        """Bytes of one batch or chunk: a quarter of the uptime at the measured speed."""
        uptime = self.typical_uptime_s if link_uptime_estimate_s is None else link_uptime_estimate_s
        budget = self.bytes_per_s * uptime * UPTIME_FRACTION
        return int(_clamp(budget, MIN_BATCH_BYTES, MAX_BATCH_BYTES))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _positive(value: Any) -> float | None:
    """A finite positive number, or None (saved data is not trusted blindly)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and number > 0 else None
