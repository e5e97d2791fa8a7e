"""When to try the server again: exponential back-off with full jitter.

After the n-th failure in a row the next attempt waits a uniformly random time in
``[0, min(cap, base × 2^(n-1))]`` ("full jitter"), so a thousand laptops that lost
the same tower do not return in step. Nothing here sleeps: the caller waits on a
``threading.Event`` for ``remaining_s()``, and sets that event when connectivity
returns (after calling ``retry_now()``), so retries fire on a timer and on
reconnection, never only on a user's click. The clock and the random source are
injectable so tests are exact.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable

DEFAULT_BASE_S = 2.0
DEFAULT_CAP_S = 300.0
_MAX_EXPONENT = 60  # 2**60 × base is past any cap; stops float overflow on long outages


class Backoff:
    """Delays between retries of one kind of work (say, the sync round); thread-safe."""

    def __init__(
        self,
        *,
        base_s: float = DEFAULT_BASE_S,
        cap_s: float = DEFAULT_CAP_S,
        clock: Callable[[], float] = time.monotonic,
        random_unit: Callable[[], float] = random.random,
    ) -> None:
        if not 0 < base_s <= cap_s:
            raise ValueError("need 0 < base_s <= cap_s")
        self._base_s = base_s
        self._cap_s = cap_s
        self._clock = clock
        self._random_unit = random_unit
        self._lock = threading.Lock()
        self._failures = 0
        self._due_at: float | None = None

    @property
    def failures(self) -> int:
        """Failures in a row since the last success."""
        with self._lock:
            return self._failures

    def record_failure(self, *, at_least_s: float = 0.0) -> float:
        """Count a failure; return the delay before the next attempt (and remember it)."""
        with self._lock:
            exponent = min(self._failures, _MAX_EXPONENT)
            ceiling = min(self._cap_s, self._base_s * 2.0**exponent)
            # at_least_s carries a server's Retry-After; the cap still bounds it.
            delay = max(self._random_unit() * ceiling, min(at_least_s, self._cap_s))
            self._failures += 1
            self._due_at = self._clock() + delay
            return delay

    def reset(self) -> None:
        """A success: the next failure starts again from the base delay."""
        with self._lock:
            self._failures = 0
            self._due_at = None

    def retry_now(self) -> None:
        """Connectivity came back: the next attempt is due now (the exponent is kept)."""
        with self._lock:
            if self._due_at is not None:
                self._due_at = self._clock()

    def remaining_s(self) -> float:
        """Seconds until the next attempt is due (0 when due or after a success)."""
        with self._lock:
            if self._due_at is None:
                return 0.0
            return max(0.0, self._due_at - self._clock())

    def is_due(self) -> bool:
        """Whether the next attempt may start now."""
        return self.remaining_s() == 0.0
