"""A probe after a drop has its own short timeout: a silent black hole costs seconds, not 30 s.

The real server sits behind the slow-link proxy (64 kbit/s, 600 ms) in its silent mode:
a cut leaves the kept-alive connection in silence, as a lost radio bearer does.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.retry import _Waits
from danvan_desktop.sync.transport import LinkDown
from support.slowlink import SlowLink
from sync.conftest import engine_through


def test_a_probe_into_a_black_hole_gives_up_within_a_few_seconds(
    laptops: Callable[[str], Session], black_hole: SlowLink
) -> None:
    """The kept-alive connection went silent: the probe fails after at most 8 s, not 30 s."""
    engine = engine_through(laptops("a"), black_hole)
    engine.health()  # a kept-alive connection, which the cut leaves in silence
    black_hole.cut()
    started = time.monotonic()
    with pytest.raises(LinkDown):
        engine.probe()
    took = time.monotonic() - started
    engine.transport.close()
    assert took <= 8.0


def test_a_two_second_black_hole_costs_only_a_few_seconds(
    laptops: Callable[[str], Session], black_hole: SlowLink
) -> None:
    """Down 2 s in silence: the retry loop's probes find the link back within 8 s."""
    engine = engine_through(laptops("a"), black_hole)
    engine.health()
    black_hole.cut()
    threading.Timer(2.0, black_hole.restore).start()
    started = time.monotonic()
    waits = _Waits(engine, Backoff(), None, None, random.random, started + 60.0, time.monotonic)
    assert waits.until_link_answers(LinkDown("cut")) is None
    took = time.monotonic() - started
    engine.transport.close()
    assert took <= 8.0
