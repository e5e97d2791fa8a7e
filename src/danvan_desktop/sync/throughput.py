"""How fast the link is and how long it stays up: the numbers that size sync batches.

A batch (or attachment chunk) that takes longer to send than the link stays up is
never acknowledged and is sent again and again. So the transport feeds every
request's measured bytes/second here, and every drop it sees; the engine asks
``batch_budget_bytes()`` for a size that fits in a quarter of the link's typical
uptime at the measured speed.

The first guesses fit a mountain 2G link (64 kbit/s nominal, of which about 6 KB/s
are useful) that drops about once a minute; both are replaced by measurements.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import deque
from collections.abc import Callable

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
        self._clock = clock

    @property
    def bytes_per_s(self) -> float:
        """The current estimate of useful bytes per second."""
        with self._lock:
            return self._bytes_per_s

    def record_transfer(self, nbytes: int, elapsed_s: float) -> bool:
        """Fold one request's bytes and duration into the estimate; False if too small to count."""
        if nbytes < self._min_sample_bytes or elapsed_s <= 0:
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

    def batch_budget_bytes(self, link_uptime_estimate_s: float | None = None) -> int:
        """Bytes of one batch or chunk: a quarter of the uptime at the measured speed."""
        uptime = self.typical_uptime_s if link_uptime_estimate_s is None else link_uptime_estimate_s
        budget = self.bytes_per_s * uptime * UPTIME_FRACTION
        return int(_clamp(budget, MIN_BATCH_BYTES, MAX_BATCH_BYTES))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
