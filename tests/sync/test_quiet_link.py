"""A request on which nothing moves asks the link about it: a pull through a silent link.

The slow-link proxy (64 kbit/s, 600 ms) goes silent mid-pull without a reset, as a lost
radio bearer does: the page being read simply stops. After a short quiet spell the
transport asks /health on another connection (``SyncTransport.quiet_s``); unanswered,
the pull ends as a silent link within seconds, not after the 30 s stall timeout, and
the next sync goes on from the checkpoint.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync.transport import LinkDown
from support.realistic_records import realistic_models
from sync.conftest import Province
from sync.test_resumable_push_laptop import _cut_when, _link

pytestmark = pytest.mark.slow
MODELS = 600
OUTAGE_S = 12.0  # longer than the quiet spell and the probe's wait together


def test_a_pull_cut_by_a_silent_link_ends_as_silent_and_resumes(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """The link goes silent while the second laptop pulls its team's models: the pull
    ends as a silent link (its probe unanswered), not a 30 s stall, and the next sync
    brings every model."""
    first = laptops("a")
    for fields in realistic_models(MODELS):
        first.add_model(**fields)
    first.sync_now()
    second = laptops("b")
    with _link(province, rtt_s=0.6, down_behaviour="silent") as link:
        second.change_setting("server_url", f"http://127.0.0.1:{link.port}")
        watcher = _cut_when(link, lambda: link.counters().down >= 30_000, down_s=OUTAGE_S)
        with pytest.raises(LinkDown) as cut:
            second.sync_now()
        watcher.join()
        second.sync_now()
    assert cut.value.detail.startswith("silent:"), cut.value.detail
    (count,) = second.store.db.execute("SELECT count(*) FROM model").fetchone()
    assert count == MODELS
