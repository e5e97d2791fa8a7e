"""The retry loop against the real server behind a link we cut and restore by hand."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.session import Session
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.engine import SyncReport
from danvan_desktop.sync.transport import LinkDown
from support.slowlink import SlowLink
from sync.conftest import Province


@pytest.fixture
def link(province: Province) -> Iterator[SlowLink]:
    """A link to the server with no limits, to cut by hand."""
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port))) as proxy:
        yield proxy


def _behind(laptop: Session, link: SlowLink) -> Session:
    laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
    return laptop


@dataclass
class _Outcome:
    report: SyncReport | None = None
    error: BaseException | None = None
    finished_at: float = 0.0
    done: threading.Event = field(default_factory=threading.Event)


def _in_thread(call: Callable[[], SyncReport]) -> _Outcome:
    outcome = _Outcome()

    def run() -> None:
        try:
            outcome.report = call()
        except BaseException as exc:  # handed to the test thread
            outcome.error = exc
        outcome.finished_at = time.monotonic()
        outcome.done.set()

    threading.Thread(target=run, daemon=True).start()
    return outcome


def test_link_down_past_the_deadline_raises_and_keeps_the_queue(
    laptops: Callable[[str], Session], link: SlowLink
) -> None:
    """With the link down the whole time, the loop gives up at the deadline; nothing is lost."""
    laptop = _behind(laptops("a"), link)
    laptop.add_model(name="Chờ mạng", field_code="new_rural", year=2026)
    pending = laptop.pending_count()
    link.cut()
    with pytest.raises(LinkDown):
        laptop.sync_until_done(deadline_s=2.0, backoff=Backoff(base_s=0.2, cap_s=0.5))
    assert laptop.pending_count() == pending
    assert {row["result"] for row in laptop.sync_log()} == {"error"}
    # While the link stays down the loop retries with /health probes, not whole rounds.
    assert len(laptop.sync_log()) == 1


def test_rounds_retry_until_the_link_returns(
    laptops: Callable[[str], Session], link: SlowLink
) -> None:
    """A link down for a while: the loop keeps trying on its timer and then sends everything."""
    laptop = _behind(laptops("a"), link)
    laptop.add_model(name="Gửi khi có mạng", field_code="new_rural", year=2026)
    link.cut()
    outcome = _in_thread(
        lambda: laptop.sync_until_done(deadline_s=30.0, backoff=Backoff(base_s=0.2, cap_s=0.4))
    )
    time.sleep(1.5)  # test pacing: the loop fails a few times meanwhile
    link.restore()
    assert outcome.done.wait(20), "the loop did not finish after the link came back"
    assert outcome.error is None and outcome.report is not None
    assert outcome.report.pushed >= 1 and laptop.pending_count() == 0


def test_wake_starts_the_next_round_at_once(
    laptops: Callable[[str], Session], link: SlowLink
) -> None:
    """After a failure the loop would wait a minute; connectivity returning wakes it now."""
    laptop = _behind(laptops("a"), link)
    laptop.add_model(name="Có mạng lại", field_code="new_rural", year=2026)
    backoff = Backoff(base_s=60.0, cap_s=60.0, random_unit=lambda: 1.0)
    wake = threading.Event()
    link.cut()
    outcome = _in_thread(
        lambda: laptop.sync_until_done(deadline_s=120.0, backoff=backoff, wake=wake)
    )
    deadline = time.monotonic() + 10
    while backoff.failures == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # test pacing: wait for the first failure
    link.restore()
    woken_at = time.monotonic()
    backoff.retry_now()
    wake.set()
    assert outcome.done.wait(10)
    assert outcome.error is None and laptop.pending_count() == 0
    assert outcome.finished_at - woken_at < 5


def test_cancel_ends_the_wait_at_once(laptops: Callable[[str], Session], link: SlowLink) -> None:
    """Cancelling during a long back-off raises OperationCancelled within a second."""
    laptop = _behind(laptops("a"), link)
    laptop.add_model(name="Dừng lại", field_code="new_rural", year=2026)
    backoff = Backoff(base_s=60.0, cap_s=60.0, random_unit=lambda: 1.0)
    cancel = threading.Event()
    link.cut()
    outcome = _in_thread(
        lambda: laptop.sync_until_done(deadline_s=120.0, backoff=backoff, cancel=cancel)
    )
    deadline = time.monotonic() + 10
    while backoff.failures == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # test pacing: wait for the first failure
    cancelled_at = time.monotonic()
    cancel.set()
    assert outcome.done.wait(5)
    assert isinstance(outcome.error, OperationCancelled)
    assert outcome.finished_at - cancelled_at < 1.0
